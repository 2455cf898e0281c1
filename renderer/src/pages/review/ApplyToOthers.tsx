// After a correction (an edit, a value added from the page, a field marked on the page): the offer to
// read the same value on the other documents of the form (issue 18). Each value the anchor reads is
// previewed with its box on its page; accepting fills them as automatic values, with Undo in a toast.
import { Button } from 'react-aria-components';
import type { AnchorShape, FormPreviewItem } from '../../../../shared/api/forms';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { invalidateForms, keys, useCall } from '../../api/queries';
import { ErrorText } from '../../components/ErrorText';
import { showToast } from '../../components/shell/toasts';
import { usePages } from '../../components/viewer/DocumentViewer';
import { PageView } from '../../components/viewer/PageView';
import { useState } from 'react';
import { ISO_DATE } from './fields';

/** How many previews draw their page (the rest are listed by value and page). */
const PAGES_DRAWN = 6;

/** Fields of a row that are read from its other fields or are bookkeeping, left out of its preview. */
const ROW_DERIVED = new Set(['key', 'confidence', 'codeText', 'hasData']);

/** A value the anchor read, as the review screen shows it. */
function previewValue(value: unknown, shape: AnchorShape | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return shape === 'date' && ISO_DATE.test(value) ? formatDisplayDate(value) : value;
  if (typeof value === 'number') return String(value);
  // A whole entity (a row the anchor adds): its text, or its number with unit and date.
  const o = value as Record<string, unknown>;
  if (typeof o.text === 'string') return o.text;
  if (typeof o.value === 'number') return `${typeof o.date === 'string' ? formatDisplayDate(o.date) + ': ' : ''}${o.value}${typeof o.unit === 'string' ? ' ' + o.unit : ''}`;
  // A row: what it prints, column by column (goal · code · comment), without what is derived from them.
  const shown = Object.entries(o).filter(([k, v]) => !ROW_DERIVED.has(k) && (typeof v === 'string' || typeof v === 'number') && v !== '');
  return shown.map(([, v]) => (typeof v === 'string' && ISO_DATE.test(v) ? formatDisplayDate(v) : String(v))).join(' · ') || '—';
}

/** The preview's window onto the page: this wide and high, the page drawn at ZOOM_WIDTH around the value's box. */
const CROP = { width: 200, height: 110 };
const ZOOM_WIDTH = 520;

function PreviewPage({ item }: { item: FormPreviewItem }) {
  const { pages } = usePages(item.documentId);
  const page = pages?.find((p) => p.pageNumber === item.page);
  if (!page) return <div className="apply-crop" style={CROP} aria-busy={!pages} />;
  // Without a box the whole page is shown small; with one, the page is drawn larger and the window centred on the box.
  // A wide box (a whole row) is drawn smaller, so the window holds all of it.
  const width = item.bbox ? Math.max(CROP.width, Math.min(ZOOM_WIDTH, (CROP.width * page.width) / (item.bbox[2] - item.bbox[0] + 20))) : CROP.width;
  const scale = width / page.width;
  const [x0, y0, x1, y1] = item.bbox ?? [0, 0, page.width, page.height];
  const clamp = (v: number, max: number) => Math.max(0, Math.min(v, max));
  const left = item.bbox ? clamp(((x0 + x1) / 2) * scale - CROP.width / 2, width - CROP.width) : 0;
  const top = item.bbox ? clamp(((y0 + y1) / 2) * scale - CROP.height / 2, page.height * scale - CROP.height) : 0;
  return (
    <div className="apply-crop" style={CROP}>
      <div style={{ transform: `translate(${-left}px, ${-top}px)` }}>
        <PageView
          documentId={item.documentId}
          page={page}
          displayWidth={width}
          boxes={item.bbox ? [{ bbox: item.bbox, kind: 'source', label: `Value read on ${item.fileName}, page ${item.page}` }] : []}
          label={`${item.fileName}, page ${item.page}`}
        />
      </div>
    </div>
  );
}

export function ApplyToOthers({ caseId, documentId, correctionId, documentsNoun, onClose }: { caseId: string; documentId: string; correctionId: string; documentsNoun: string; onClose(): void }) {
  const q = useCall(keys.case(caseId, 'forms-preview', correctionId), 'forms.previewApply', { caseId, correctionId });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = q.data;
  const anchor = preview?.anchor ?? null;
  const fills = preview?.items.filter((i) => i.action === 'fill') ?? [];
  const kept = preview?.items.filter((i) => i.action === 'kept') ?? [];
  if (!anchor || !preview || fills.length === 0) return null;
  // An anchor that reads rows also finds the corrected document's other rows: they are offered too.
  const docs = new Set(fills.filter((i) => i.documentId !== documentId).map((i) => i.documentId)).size;
  const here = fills.filter((i) => i.documentId === documentId).length;
  const noun = docs === 1 ? documentsNoun.replace(/s$/, '') : documentsNoun;
  const question = docs ? `Apply to ${docs} other ${noun} of this form?` : `Apply to ${here} more ${here === 1 ? 'row' : 'rows'} of this document?`;
  const alsoHere = docs && here ? ` It also reads ${here} more ${here === 1 ? 'row' : 'rows'} on this document.` : '';
  const applyLabel = docs ? `Apply to ${docs} ${docs === 1 ? 'document' : 'documents'}${here ? ' and this one' : ''}` : 'Apply to this document';

  const apply = async () => {
    setBusy(true);
    try {
      const r = await invoke('forms.apply', { anchorId: anchor.id });
      invalidateForms();
      onClose();
      // The other documents' count, and the rows filled on this one apart, as the offer put them.
      const rowsHere = r.valuesFilled - r.otherValuesFilled;
      const rows = `${rowsHere} more ${rowsHere === 1 ? 'row' : 'rows'}`;
      const onOthers = `${r.otherValuesFilled} ${r.otherValuesFilled === 1 ? 'value' : 'values'} on ${r.otherDocumentsFilled} other ${r.otherDocumentsFilled === 1 ? 'document' : 'documents'} of this form`;
      const what = r.otherDocumentsFilled ? `Filled ${onOthers}${rowsHere ? ` and ${rows} on this one` : ''}.` : `Filled ${rows} on this document.`;
      showToast(what, {
        label: 'Undo',
        run: async () => {
          const u = await invoke('forms.undo', { anchorId: anchor.id });
          invalidateForms();
          showToast(`Removed the ${u.valuesRemoved} learned ${u.valuesRemoved === 1 ? 'value' : 'values'}. Your own corrections stay.`);
        },
      });
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <section className="apply-offer" aria-labelledby="apply-offer-heading">
      {/* Focus stays in the field list (J/K keep working): the offer is announced instead. */}
      <p className="sr-only" role="status">
        {question} The offer is above the fields.
      </p>
      <h3 id="apply-offer-heading">
        {question}
      </h3>
      <p className="muted small">
        Learned: {anchor.description}
        {preview.familyName ? ` on “${preview.familyName}”` : ''}. Filled values count as automatic until you confirm them.{alsoHere}
        {kept.length > 0 && ` ${kept.length} ${kept.length === 1 ? 'value you confirmed or edited stays as it is' : 'values you confirmed or edited stay as they are'}.`}
      </p>
      {/* It scrolls sideways when long, so it takes focus for the arrow keys. */}
      <ul className="apply-items" aria-label="Values it would fill" tabIndex={0}>
        {fills.map((item, i) => (
          <li key={`${item.documentId}:${item.entityKey}:${item.field}`} className="apply-item">
            {i < PAGES_DRAWN && <PreviewPage item={item} />}
            <span className="apply-file">{item.fileName}</span>
            <span className="apply-value">{previewValue(item.value, anchor.shape)}</span>
            <span className="muted small">p. {item.page}</span>
          </li>
        ))}
      </ul>
      <ErrorText message={error} />
      <div className="actions">
        <Button onPress={onClose} isDisabled={busy}>
          Not now
        </Button>
        <Button className="primary" onPress={() => void apply()} isDisabled={busy}>
          {applyLabel}
        </Button>
      </div>
    </section>
  );
}
