// The Review section: the queue of documents with extracted values, and the split review screen.
// Route: #/case/CASE/review[/DOC]
import { useEffect, useRef, useState } from 'react';
import { GridList, GridListItem, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { isReviewed, useReviewQueue } from '../../api/queries';
import { href, navigate } from '../../router';
import { FileName } from '../../components/FileName';
import { TYPE_LABELS } from '../documents/labels';
import type { SectionProps } from '../sections';
import { ReviewDocument } from './ReviewDocument';
import { ErrorText } from '../../components/ErrorText';

export function ReviewSection({ caseData, rest }: SectionProps) {
  const caseId = caseData.id;
  const q = useReviewQueue(caseId);
  const queue = q.data ?? null;
  const error = q.error ? q.error.message : null;
  // Finished documents leave the queue; the Done filter shows them.
  const [showDone, setShowDone] = useState(false);
  // Arriving on the queue puts focus on its first document, so Enter opens it at once.
  const focused = useRef(false);
  const hasQueue = !!queue?.length;
  useEffect(() => {
    if (focused.current || rest[0] || !hasQueue) return;
    focused.current = true;
    requestAnimationFrame(() => (document.querySelector('.queue-list [role="row"]') as HTMLElement | null)?.focus());
  }, [hasQueue, rest]);

  if (rest[0]) return <ReviewDocument key={rest[0]} caseId={caseId} documentId={rest[0]} onBack={() => navigate({ page: 'case', caseId, section: 'review', rest: [] })} />;

  const pending = queue?.filter((i) => !isReviewed(i)) ?? [];
  const done = queue?.filter(isReviewed) ?? [];
  const shown = showDone ? done : pending;
  return (
    <div className="review-queue">
      <ErrorText message={error} />
      {queue === null && !error && <p aria-busy="true">Loading…</p>}
      {queue && queue.length === 0 && (
        <div className="empty">
          <p>Nothing to review yet. Goals, services, progress data and scores appear here once IEPs, progress reports and score reports are imported.</p>
          <p>
            <a href={href({ page: 'case', caseId, section: 'documents', rest: [] })}>Go to Documents to import them</a>
          </p>
        </div>
      )}
      {queue && queue.length > 0 && (
        <>
          <div className="toolbar">
            <p className="queue-summary">{pending.length ? `${pending.length} ${pending.length === 1 ? 'document needs' : 'documents need'} review.` : 'Every document has been reviewed.'}</p>
            <ToggleButtonGroup aria-label="Show" selectionMode="single" disallowEmptySelection selectedKeys={[showDone ? 'done' : 'todo']} onSelectionChange={(k) => setShowDone(k.has('done'))} className="segmented">
              <ToggleButton id="todo">To review ({pending.length})</ToggleButton>
              <ToggleButton id="done">Done ({done.length})</ToggleButton>
            </ToggleButtonGroup>
          </div>
          <GridList
            aria-label={showDone ? 'Reviewed documents' : 'Documents to review'}
            items={shown.map((i) => ({ ...i, id: i.documentId }))}
            className="queue-list"
            renderEmptyState={() => <p className="muted">{showDone ? 'No document has been reviewed yet.' : 'Nothing left to review.'}</p>}
            onAction={(key) => navigate({ page: 'case', caseId, section: 'review', rest: [String(key)] })}
          >
            {(q) => (
              <GridListItem id={q.id} textValue={q.fileName} className="queue-row">
                <FileName name={q.fileName} className="doc-title" />
                <span className="muted">{TYPE_LABELS[q.type as keyof typeof TYPE_LABELS] ?? q.type}</span>
                <span className="muted">{q.date ? formatDisplayDate(q.date) : 'no date'}</span>
                <span className={isReviewed(q) ? 'ok' : 'muted'}>
                  {q.confirmed} of {q.values} confirmed
                </span>
              </GridListItem>
            )}
          </GridList>
        </>
      )}
    </div>
  );
}
