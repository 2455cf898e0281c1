// Events read from the case's letters, emails and notices: each with the sentence and page that state it and
// the deadlines it would start. Accept makes it an event of the case (editable like one entered by hand);
// Dismiss sets it aside. Those whose title leaves no doubt already count (automatic) and can be dismissed.
import { useState } from 'react';
import { Button } from '../../components/ui/Button';
import type { EventSuggestionDto } from '../../../../shared/api/deadlines';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { ErrorText } from '../../components/ErrorText';
import { viewerHref } from '../../components/viewer/links';

const STATUS_TEXT: Record<EventSuggestionDto['status'], string> = {
  pending: 'Suggested',
  automatic: 'Counted (automatic)',
  accepted: 'Accepted',
  dismissed: 'Dismissed',
};

export function SuggestionsPanel({ caseId, suggestions, onChange }: { caseId: string; suggestions: EventSuggestionDto[]; onChange(next: EventSuggestionDto[]): void }) {
  const [error, setError] = useState<string | null>(null);
  const [showDismissed, setShowDismissed] = useState(false);
  const act = (p: Promise<EventSuggestionDto[]>) =>
    p
      .then((next) => {
        onChange(next);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  const dismissed = suggestions.filter((s) => s.status === 'dismissed').length;
  const shown = suggestions.filter((s) => showDismissed || s.status !== 'dismissed');
  if (suggestions.length === 0) return null;
  return (
    <section className="card suggestions" aria-labelledby="dl-suggestions">
      <h2 id="dl-suggestions">
        Read from letters and notices <span className="muted small">({suggestions.filter((s) => s.status === 'pending').length} to review)</span>
      </h2>
      <p className="muted small">Each line quotes the page it was read from. Accept one to start its deadlines; a title that leaves no doubt counts at once.</p>
      <ul className="suggestion-list">
        {shown.map((s) => (
          <li key={s.id} className={`suggestion status-${s.status}`} aria-label={s.label}>
            <div>
              <strong>{s.label}</strong> <span className={`tag suggestion-${s.status}`}>{STATUS_TEXT[s.status]}</span>
            </div>
            <blockquote className="small">
              “{s.sentence}”{' '}
              <a href={viewerHref(caseId, s.documentId, s.page)} className="source-link">
                {s.fileName}, p. {s.page}
              </a>
            </blockquote>
            {s.deadlines.length > 0 && (
              <p className="small">
                {s.status === 'pending' ? 'Would start: ' : 'Starts: '}
                {s.deadlines.map((d, i) => (
                  <span key={d.ruleId}>
                    {i > 0 && '; '}
                    {d.title} — due {d.dueDate ? formatDisplayDate(d.dueDate) : '(cannot compute)'} ({d.citation}
                    {d.confidence !== 'verified' && ', unverified'})
                  </span>
                ))}
              </p>
            )}
            {s.noticeElements && (
              <details className="notice-check">
                <summary>
                  What this notice describes (34 CFR 300.503(b)): {s.noticeElements.filter((e) => e.present).length} of {s.noticeElements.length} elements found
                </summary>
                <ul className="small">
                  {s.noticeElements.map((e) => (
                    <li key={e.id} className={e.present ? 'status-ok' : 'status-warn'}>
                      <strong>{e.present ? 'Found' : 'Not found'}:</strong> {e.finding}{' '}
                      {e.evidence && (
                        <a href={viewerHref(caseId, s.documentId, e.evidence.page)} className="source-link">
                          p. {e.evidence.page}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {!s.date && <p className="small muted">The letter gives no date: add the event by hand below with its date.</p>}
            <div className="row-actions">
              {s.status === 'pending' && (
                <Button variant="primary" isDisabled={!s.date} aria-label={`Accept ${s.label}`} onPress={() => void act(invoke('deadlines.acceptSuggestion', { caseId, suggestionId: s.id }))}>
                  Accept
                </Button>
              )}{' '}
              {(s.status === 'pending' || s.status === 'automatic') && (
                <Button variant="quiet" aria-label={`Dismiss ${s.label}`} onPress={() => void act(invoke('deadlines.dismissSuggestion', { caseId, suggestionId: s.id }))}>
                  Dismiss
                </Button>
              )}
              {s.status === 'dismissed' && (
                <Button variant="quiet" aria-label={`Restore ${s.label}`} onPress={() => void act(invoke('deadlines.dismissSuggestion', { caseId, suggestionId: s.id, restore: true }))}>
                  Restore
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {dismissed > 0 && (
        <Button className="quiet small" onPress={() => setShowDismissed(!showDismissed)}>
          {showDismissed ? 'Hide dismissed' : `Show dismissed (${dismissed})`}
        </Button>
      )}
      <ErrorText message={error} />
    </section>
  );
}
