// One document under review: the page on the left with a box on every extracted value, the fields on
// the right. J/K or arrows move between fields, Enter confirms, E edits, Delete removes.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Input, Label, TextField, ToggleButton } from 'react-aria-components';
import type { ReviewDto } from '../../../../shared/api/review';
import type { DataPoint } from '../../../../shared/domain';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { invalidateCase, isReviewed, keys, queryClient, useCall } from '../../api/queries';
import { showToast } from '../../components/shell/toasts';
import { navigate } from '../../router';
import { usePages } from '../../components/viewer/DocumentViewer';
import { sourceHref } from '../../components/viewer/links';
import { PageView, type OverlayBox } from '../../components/viewer/PageView';
import { useMeasuredWidth } from '../../components/viewer/useElementWidth';
import { typeLabel } from '../documents/labels';
import { AddFromPage, type AddKind, type Picked } from './AddFromPage';
import { displayValue, learnedText, newEntityKey, parseInput, reviewFields, type ReviewField } from './fields';
import { ApplyToOthers } from './ApplyToOthers';
import { correctionOf, valueFromWords } from './learning';
import { FormFamilyTag } from '../forms/FormFamilyTag';
import { unionBox, wordsInside } from '../../components/viewer/PageView';
import { ErrorText } from '../../components/ErrorText';

type Call = Parameters<typeof invoke<'review.correct'>>[1];

const STATUS_TEXT = { automatic: 'automatic', confirmed: 'confirmed', edited: 'edited by you', added: 'added by you' } as const;

function FieldRow({ f, selected, editing, onSelect, rowRef, children }: { f: ReviewField; selected: boolean; editing: boolean; onSelect(): void; rowRef(el: HTMLLIElement | null): void; children?: React.ReactNode }) {
  const statusText = f.status === 'automatic' && f.confidence !== null ? `automatic, ${Math.round(f.confidence * 100)}% sure` : STATUS_TEXT[f.status];
  // Why the reader is this sure ("OCR 62% in box; code in legend"): the status's tooltip, and read out with it.
  const why = f.status === 'automatic' && f.reasons.length ? f.reasons.join('; ') : null;
  const learned = f.learnedFrom ? learnedText(f.learnedFrom) : null;
  return (
    <li
      ref={rowRef}
      className={`field status-${f.status}${selected ? ' selected' : ''}`}
      tabIndex={selected ? 0 : -1}
      aria-label={`${f.label}: ${displayValue(f)}, ${statusText}${why ? ` (${why})` : ''}${learned ? `. ${learned}` : ''}`}
      aria-current={selected ? 'true' : undefined}
      data-field={f.id}
      onClick={onSelect}
      onFocus={onSelect}
    >
      <span className="field-label">{f.label}</span>
      {editing ? children : <span className="field-value">{displayValue(f)}</span>}
      <span className={`field-status ${f.status}`} title={why ?? undefined}>
        {statusText}
      </span>
      {learned && <span className="field-learned">{learned}</span>}
    </li>
  );
}

export function ReviewDocument({ caseId, documentId, onBack }: { caseId: string; documentId: string; onBack(): void }) {
  // Both from the data layer: a correction's change event refreshes them with the queue and the badge.
  const reviewKey = keys.case(caseId, 'review', documentId);
  const reviewQuery = useCall(reviewKey, 'review.get', { caseId, documentId });
  const docQuery = useCall(keys.case(caseId, 'documents', documentId), 'documents.get', { documentId });
  const review = reviewQuery.data ?? null;
  const doc = docQuery.data ?? null;
  const setReview = (r: ReviewDto) => {
    queryClient.setQueryData(reviewKey, r);
    invalidateCase(caseId);
  };
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? (reviewQuery.error ?? docQuery.error)?.message ?? null;
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [shownPage, setShownPage] = useState<number | null>(null);
  const [adding, setAdding] = useState<AddKind | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  // Issue 18: the field being marked on the page, and the correction whose reading is offered to the form's other documents.
  const [marking, setMarking] = useState<string | null>(null);
  const [offer, setOffer] = useState<string | null>(null);
  const { pages } = usePages(documentId);
  const [pagePaneRef, paneWidth, pagePane] = useMeasuredWidth<HTMLDivElement>();
  const rows = useRef(new Map<string, HTMLLIElement>());

  // Arriving on a document puts focus in the field list, so J/K, Enter and E work at once.
  const focusedOnArrival = useRef(false);
  useEffect(() => {
    if (focusedOnArrival.current || !review || !doc) return;
    focusedOnArrival.current = true;
    requestAnimationFrame(() => (document.querySelector('.review-fields .field.selected') as HTMLElement | null)?.focus());
  }, [review, doc]);

  /** Confirms the document and moves on to the next one needing review (or back to the queue). */
  const confirmAndNext = async () => {
    try {
      setReview(await invoke('review.confirmDocument', { caseId, documentId }));
      const queue = await queryClient.fetchQuery({ queryKey: keys.case(caseId, 'review-queue'), queryFn: () => invoke('review.queue', { caseId }) });
      const here = queue.findIndex((q) => q.documentId === documentId);
      const open = queue.filter((q, i) => q.documentId !== documentId && !isReviewed(q) && i !== here);
      const next = open.find((q) => queue.indexOf(q) > here) ?? open[0];
      showToast(next ? `Confirmed "${doc?.title ?? 'the document'}". Next: ${next.fileName}.` : `Confirmed "${doc?.title ?? 'the document'}". Every document has been reviewed.`);
      if (next) navigate({ page: 'case', caseId, section: 'review', rest: [next.documentId] });
      else onBack();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const fields = useMemo(() => (review ? reviewFields(review) : []), [review]);
  const field = fields[Math.min(selected, fields.length - 1)] as ReviewField | undefined;
  const pageNo = shownPage ?? field?.source?.page ?? 1;
  const page = pages?.find((p) => p.pageNumber === pageNo) ?? null;

  const focusRow = (i: number) => {
    const f = fields[Math.max(0, Math.min(i, fields.length - 1))];
    setSelected(fields.indexOf(f));
    setShownPage(null);
    requestAnimationFrame(() => rows.current.get(f.id)?.focus());
  };

  /** A correction; `teach` false for a removal, which teaches the form nothing. */
  const call = async (args: Omit<Call, 'caseId' | 'documentId'>, teach = true) => {
    try {
      const r = await invoke('review.correct', { caseId, documentId, ...args });
      setReview(r);
      setError(null);
      // A value edited or added (not a confirmation, not a clearing) may teach the form: offer it.
      if (teach && args.status !== 'confirmed' && args.status !== 'deleted' && args.value !== null && args.value !== undefined) setOffer(correctionOf(r, args)?.id ?? null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  /** Marking where a field is: the words inside the rectangle become its value. */
  const markField = async (f: ReviewField, picked: Picked) => {
    setMarking(null);
    const words = wordsInside(picked.page, picked.rect);
    const value = valueFromWords(f.kind, words.map((w) => w.text).join(' '));
    if (value === null) return setError(`No ${f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text'} inside that rectangle for ${f.label}.`);
    // The box marked goes with the value: the form learns this place, not the first one printing the same text.
    await call({ entity: f.entity, entityKey: f.entityKey, field: f.field, value, status: 'edited', source: { page: picked.page.pageNumber, bbox: unionBox(words) ?? picked.rect } });
  };
  const act = async (p: Promise<ReviewDto>) => {
    try {
      setReview(await p);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const confirm = (f: ReviewField) => call({ entity: f.entity, entityKey: f.entityKey, field: f.field, value: f.kind === 'datapoint' ? f.points : f.value, status: 'confirmed' });
  const remove = (f: ReviewField) => {
    if (f.kind === 'datapoint') return call({ entity: f.entity, entityKey: f.entityKey, field: 'dataPoints', value: f.points!.filter((_, i) => i !== f.pointIndex), status: 'edited' }, false);
    if (f.deletable) return call({ entity: f.entity, entityKey: f.entityKey, field: '*', status: 'deleted' });
    return call({ entity: f.entity, entityKey: f.entityKey, field: f.field, value: null, status: 'edited' });
  };
  const startEdit = (f: ReviewField) => {
    setDraft(f.kind === 'datapoint' ? String((f.value as DataPoint).value) : f.value === null || f.value === undefined ? '' : String(f.value));
    setEditing(true);
  };
  const saveEdit = async (f: ReviewField) => {
    try {
      if (f.kind === 'datapoint') {
        const n = parseInput('number', draft);
        if (n === null) throw new Error('A data point needs a number; delete it instead.');
        const points = f.points!.map((p, i) => (i === f.pointIndex ? { ...p, value: n as number } : p));
        await call({ entity: f.entity, entityKey: f.entityKey, field: 'dataPoints', value: points, status: 'edited' });
      } else {
        await call({ entity: f.entity, entityKey: f.entityKey, field: f.field, value: parseInput(f.kind, draft), status: 'edited' });
      }
      setEditing(false);
      requestAnimationFrame(() => rows.current.get(f.id)?.focus());
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing || !field || (e.target as HTMLElement).closest('input, textarea, button')) return;
    const i = fields.indexOf(field);
    const keys: Record<string, () => void> = {
      j: () => focusRow(i + 1),
      ArrowDown: () => focusRow(i + 1),
      k: () => focusRow(i - 1),
      ArrowUp: () => focusRow(i - 1),
      Home: () => focusRow(0),
      End: () => focusRow(fields.length - 1),
      Enter: () => void confirm(field),
      e: () => startEdit(field),
      Delete: () => void remove(field),
      Backspace: () => void remove(field),
    };
    const k = keys[e.key];
    if (k && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      k();
    }
  };

  const boxes: OverlayBox[] = useMemo(() => {
    const seen = new Set<string>();
    const out: OverlayBox[] = [];
    for (const f of fields) {
      if (!f.source?.bbox || f.source.page !== pageNo) continue;
      const key = f.source.bbox.join(',');
      const isSel = f === field;
      if (seen.has(key) && !isSel) continue;
      seen.add(key);
      out.push({ bbox: f.source.bbox, kind: isSel ? 'selected' : 'value', label: `${f.group}: ${f.label}`, id: f.id });
    }
    // The selected box is drawn last so it sits on top.
    return out.sort((a, b) => Number(a.kind === 'selected') - Number(b.kind === 'selected'));
  }, [fields, field, pageNo]);

  // Scroll the page so the selected value's box is in view.
  useEffect(() => {
    const el = pagePane;
    const bb = field?.source?.page === pageNo ? field.source.bbox : null;
    if (!el || !bb || !page) return;
    const scale = (paneWidth - 16) / page.width;
    const top = bb[1] * scale;
    if (top < el.scrollTop + 20 || top > el.scrollTop + el.clientHeight - 60) el.scrollTop = Math.max(0, top - 80);
  }, [pagePane, field, pageNo, page, paneWidth]);

  if (error && !review) return <p role="alert" className="error">{error}</p>;
  if (!review || !doc) return <p aria-busy="true">Loading…</p>;

  const entryField = field?.entity === 'progress_entry' ? field : null;
  const markingField = fields.find((f) => f.id === marking) ?? null;
  const groups = [...new Set(fields.map((f) => f.group))];

  return (
    <div className="review">
      <div className="review-head">
        <Button onPress={onBack}>← Queue</Button>
        <h2 className="small-heading">
          {doc.title} <span className="muted">· {typeLabel(doc)}{doc.date ? ` · ${formatDisplayDate(doc.date)}` : ''}</span>
        </h2>
        <FormFamilyTag caseId={caseId} documentId={documentId} />
        {review.confirmedAt && <span className="tag ok">Document confirmed {formatDisplayDate(review.confirmedAt.slice(0, 10))}</span>}
        <span className="spacer" />
        <Button onPress={() => void act(invoke('review.rerun', { caseId, documentId }))}>Re-run extraction</Button>
        <Button className="primary" onPress={() => void confirmAndNext()}>
          Confirm document
        </Button>
      </div>
      <ErrorText message={error} />
      <div className="review-split">
        <div className="review-page" ref={pagePaneRef}>
          <div className="viewer-toolbar" role="toolbar" aria-label="Page">
            <Button aria-label="Previous page" isDisabled={pageNo <= 1} onPress={() => setShownPage(pageNo - 1)}>
              ‹
            </Button>
            <span>
              Page {pageNo} of {pages?.length ?? doc.pageCount}
            </span>
            <Button aria-label="Next page" isDisabled={pageNo >= (pages?.length ?? doc.pageCount)} onPress={() => setShownPage(pageNo + 1)}>
              ›
            </Button>
            <span className="sep" />
            <ToggleButton isSelected={adding === 'goal'} onChange={(on) => (setAdding(on ? 'goal' : null), setPicked(null))} isDisabled={!review.corrected?.iep}>
              Add a missed goal
            </ToggleButton>
            <ToggleButton isSelected={adding === 'entry'} onChange={(on) => (setAdding(on ? 'entry' : null), setPicked(null), setMarking(null))} isDisabled={!review.corrected?.progressReport}>
              Add a missed row
            </ToggleButton>
            <ToggleButton isSelected={adding === 'datapoint'} onChange={(on) => (setAdding(on ? 'datapoint' : null), setPicked(null))} isDisabled={!entryField}>
              Add a data point
            </ToggleButton>
            {field?.source && <a href={sourceHref(caseId, field.source)}>Open in viewer</a>}
          </div>
          {markingField && <p className="muted small" role="status">Drag a rectangle around the value of {markingField.label} on the page.</p>}
          {adding && (
            <AddFromPage
              kind={adding}
              picked={picked}
              documentId={documentId}
              legend={review.corrected?.progressReport?.legend}
              onCancel={() => (setAdding(null), setPicked(null))}
              onSave={(value) => {
                const done = () => (setAdding(null), setPicked(null));
                if (adding === 'goal') void call({ entity: 'goal', entityKey: newEntityKey('goal'), field: '*', value, status: 'added' }).then(done);
                else if (adding === 'entry') void call({ entity: 'progress_entry', entityKey: newEntityKey('entry'), field: '*', value, status: 'added' }).then(done);
                else if (entryField) {
                  const entry = review.corrected?.progressReport?.entries.find((x) => x.key === entryField.entityKey);
                  void call({ entity: 'progress_entry', entityKey: entryField.entityKey, field: 'dataPoints', value: [...(entry?.dataPoints ?? []), value], status: 'edited' }).then(done);
                }
              }}
            />
          )}
          {page && paneWidth > 0 && (
            <PageView
              documentId={documentId}
              page={page}
              displayWidth={paneWidth - 16}
              boxes={boxes}
              onBoxPress={(id) => focusRow(fields.findIndex((f) => f.id === id))}
              onSelectRect={markingField ? (rect) => void markField(markingField, { page, rect }) : adding ? (rect) => setPicked({ page, rect }) : undefined}
            />
          )}
        </div>
        <div className="review-fields" onKeyDown={onKeyDown}>
          <p className="muted small" id="review-keys">
            J/K or ↑/↓ move · Enter confirms · E edits · Delete removes
          </p>
          {offer && <ApplyToOthers key={offer} caseId={caseId} documentId={documentId} correctionId={offer} documentsNoun={`${typeLabel({ type: doc.type, subtype: null }).replace(/^(?!IEP)./, (c) => c.toLowerCase())}s`} onClose={() => setOffer(null)} />}
          {fields.length === 0 && <p className="empty">Nothing was extracted from this document. Use “Add a missed goal” to add what it says.</p>}
          {groups.map((g) => (
            <section key={g} aria-label={g} className="field-group">
              <h3>{g}</h3>
              <ul aria-describedby="review-keys">
                {fields
                  .filter((f) => f.group === g)
                  .map((f) => (
                    <FieldRow key={f.id} f={f} selected={f === field} editing={editing && f === field} onSelect={() => f !== field && (setSelected(fields.indexOf(f)), setShownPage(null), setEditing(false))} rowRef={(el) => (el ? rows.current.set(f.id, el) : rows.current.delete(f.id))}>
                      <form
                        className="inline-edit"
                        onSubmit={(e) => {
                          e.preventDefault();
                          void saveEdit(f);
                        }}
                      >
                        <TextField value={draft} onChange={setDraft} autoFocus onKeyDown={(e) => e.key === 'Escape' && (setEditing(false), rows.current.get(f.id)?.focus())}>
                          <Label className="sr-only">New value for {f.label}</Label>
                          <Input />
                        </TextField>
                        <Button type="submit">Save</Button>
                      </form>
                    </FieldRow>
                  ))}
              </ul>
            </section>
          ))}
          {field && !editing && (
            <div className="field-actions" role="group" aria-label={`Actions for ${field.label}`}>
              <Button onPress={() => void confirm(field)}>Confirm</Button>
              <Button onPress={() => startEdit(field)}>Edit</Button>
              {field.kind !== 'datapoint' && (
                <ToggleButton isSelected={marking === field.id} onChange={(on) => (setMarking(on ? field.id : null), setAdding(null))}>
                  Mark on page
                </ToggleButton>
              )}
              <Button className="danger" onPress={() => void remove(field)}>
                {field.deletable ? (field.kind === 'datapoint' ? 'Delete data point' : 'Delete this entry') : 'Clear value'}
              </Button>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
