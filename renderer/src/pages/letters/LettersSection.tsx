// Letters: pick a template, draft it from the case, edit every part, save it as a draft or as sent.
// Sending happens outside the app; saving as sent files the letter as correspondence and starts its clock.
import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/Button';
import type { DeadlineDto } from '../../../../shared/api/deadlines';
import type { LetterDraftDto, LetterDto, LetterTemplateDto } from '../../../../shared/api/letters';
import type { LetterTemplateId } from '../../../../shared/deadlines/derive';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { useCaseQuery } from '../../components/charts/useCaseQuery';
import { href, navigate } from '../../router';
import type { SectionProps } from '../sections';
import { LetterEditor, type SavedResult } from './LetterEditor';
import { SavedLetters } from './SavedLetters';
import { ErrorText } from '../../components/ErrorText';

interface Editing {
  draft: LetterDraftDto;
  /** A saved letter opened again, with the version it is saved back at. */
  saved?: { letterId: string; version: number };
  title: string;
}

function SaveNotice({ caseId, result }: { caseId: string; result: SavedResult & { deadlines: DeadlineDto[] } }) {
  const { letter, sent, deadlines } = result;
  if (!sent) return <p role="status" className="notice">Draft saved: “{letter.subject}”. It starts no deadline until you save it as sent.</p>;
  return (
    <div role="status" className="notice">
      <p>
        Saved as sent on {formatDisplayDate(letter.sentDate)}.{' '}
        {letter.documentId ? 'It is filed in Documents as correspondence.' : 'It is kept with the case’s letters.'}
      </p>
      {deadlines.length > 0 ? (
        <p>
          It starts {deadlines.length === 1 ? 'this deadline' : 'these deadlines'}:{' '}
          {deadlines.map((d, i) => (
            <span key={d.id}>
              {i > 0 && '; '}
              <strong>{d.title}</strong>
              {d.dueDate ? `, due ${formatDisplayDate(d.dueDate)}` : ''} ({d.citation})
            </span>
          ))}
          . <a href={href({ page: 'case', caseId, section: 'deadlines', rest: [] })}>See Deadlines</a>
        </p>
      ) : (
        <p>
          No deadline rule applies to this letter in this state. <a href={href({ page: 'case', caseId, section: 'deadlines', rest: [] })}>See Deadlines</a>
        </p>
      )}
    </div>
  );
}

export function LettersSection({ caseData, rest }: SectionProps) {
  const caseId = caseData.id;
  const [templates, setTemplates] = useState<LetterTemplateDto[] | null>(null);
  const letters = useCaseQuery(caseId, () => invoke('letters.list', { caseId }));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [drafting, setDrafting] = useState<LetterTemplateId | null>(null);
  const [saved, setSaved] = useState<(SavedResult & { deadlines: DeadlineDto[] }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    invoke('letters.templates')
      .then(setTemplates)
      .catch((e: Error) => setError(e.message));
  }, []);

  const titleOf = (id: LetterTemplateId) => templates?.find((t) => t.id === id)?.title ?? id.replace(/_/g, ' ');

  const draft = async (template: LetterTemplateId, flagKey?: string) => {
    setDrafting(template);
    setSaved(null);
    try {
      setEditing({ draft: await invoke('letters.draft', { caseId, template, ...(flagKey ? { flagKey } : {}) }), title: titleOf(template) });
      setError(null);
    } catch (e) {
      setError(`${titleOf(template)}: ${(e as Error).message}`);
    } finally {
      setDrafting(null);
    }
  };

  // #/case/ID/letters/new/TEMPLATE (from Services' "Draft compensatory-education request") opens that draft;
  // #/case/ID/letters/new/TEMPLATE/FLAG-KEY (a red flag's "Draft letter") drafts it with that flag's finding.
  const requested = rest[0] === 'new' ? (rest[1] as LetterTemplateId | undefined) : undefined;
  const fromFlag = rest[0] === 'new' ? rest[2] : undefined;
  useEffect(() => {
    if (requested && templates?.some((t) => t.id === requested)) {
      void draft(requested, fromFlag);
      navigate({ page: 'case', caseId, section: 'letters', rest: [] });
    }
    // draft() is recreated each render; the request is acted on once, when the templates arrive.
  }, [requested, fromFlag, templates]);

  const onSaved = async (r: SavedResult) => {
    setEditing(null);
    letters.reload();
    const all = r.sent ? await invoke('deadlines.list', { caseId }).catch(() => [] as DeadlineDto[]) : [];
    setSaved({ ...r, deadlines: all.filter((d) => d.triggerEvent.id === `letter:${r.letter.id}`) });
  };

  return (
    <div className="letters">
      <ErrorText message={error} />
      {saved && <SaveNotice caseId={caseId} result={saved} />}
      {editing ? (
        <section className="card" aria-labelledby="editor-heading">
          <h2 id="editor-heading">{editing.title}</h2>
          <LetterEditor
            key={editing.saved?.letterId ?? editing.draft.template + editing.draft.subject}
            caseId={caseId}
            initial={editing.draft}
            saved={editing.saved}
            templateTitle={editing.title}
            onSaved={(r) => void onSaved(r)}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : (
        <section className="card" aria-labelledby="templates-heading">
          <h2 id="templates-heading">Draft a letter</h2>
          <p className="small muted">Each letter is filled from the case (the child, the school, the addressee on file, goal data and services with their sources). You edit every word before saving.</p>
          {!templates && !error && <p aria-busy="true">Loading templates…</p>}
          <ul className="template-list">
            {templates?.map((t) => (
              <li key={t.id}>
                <Button className="template-button" onPress={() => void draft(t.id)} isDisabled={drafting !== null} aria-describedby={`tpl-${t.id}`}>
                  {drafting === t.id ? 'Drafting…' : t.title}
                </Button>
                <span id={`tpl-${t.id}`} className="small muted">
                  {t.description}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="saved-heading">
        <h2 id="saved-heading">Saved letters</h2>
        {letters.error && (
          <p role="alert" className="error">
            {letters.error}
          </p>
        )}
        {letters.data && (
          <SavedLetters
            caseId={caseId}
            letters={letters.data}
            onChange={(l: LetterDto) => letters.set((letters.data ?? []).map((x) => (x.id === l.id ? l : x)))}
            onEdit={(l) => (setSaved(null), setEditing({ draft: l.draft, saved: { letterId: l.id, version: l.version }, title: titleOf(l.template) }))}
          />
        )}
      </section>
    </div>
  );
}
