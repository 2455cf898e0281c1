// The Review section: the queue of documents with extracted values, and the split review screen.
// Route: #/case/CASE/review[/DOC]
import { useCallback, useEffect, useState } from 'react';
import { GridList, GridListItem } from 'react-aria-components';
import type { ReviewQueueItem } from '../../../../shared/api/review';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke, on } from '../../api/client';
import { href, navigate } from '../../router';
import { TYPE_LABELS } from '../documents/labels';
import type { SectionProps } from '../sections';
import { ReviewDocument } from './ReviewDocument';
import { ErrorText } from '../../components/ErrorText';

export function ReviewSection({ caseData, rest }: SectionProps) {
  const caseId = caseData.id;
  const [queue, setQueue] = useState<ReviewQueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    invoke('review.queue', { caseId })
      .then((q) => (setQueue(q), setError(null)))
      .catch((e: Error) => setError(e.message));
  }, [caseId]);
  useEffect(load, [load]);
  useEffect(() => on('case.changed', (e) => e.caseId === caseId && load()), [caseId, load]);

  if (rest[0]) return <ReviewDocument key={rest[0]} caseId={caseId} documentId={rest[0]} onBack={() => navigate({ page: 'case', caseId, section: 'review', rest: [] })} />;

  const pending = queue?.filter((q) => q.confirmed < q.values).length ?? 0;
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
          <p>{pending ? `${pending} ${pending === 1 ? 'document needs' : 'documents need'} review.` : 'Every document has been reviewed.'}</p>
          <GridList aria-label="Documents to review" items={queue.map((q) => ({ ...q, id: q.documentId }))} className="queue-list" onAction={(key) => navigate({ page: 'case', caseId, section: 'review', rest: [String(key)] })}>
            {(q) => (
              <GridListItem id={q.id} textValue={q.fileName} className="queue-row">
                <span className="doc-title">{q.fileName}</span>
                <span className="muted">{TYPE_LABELS[q.type as keyof typeof TYPE_LABELS] ?? q.type}</span>
                <span className="muted">{q.date ? formatDisplayDate(q.date) : 'no date'}</span>
                <span className={q.confirmed >= q.values ? 'ok' : 'muted'}>
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
