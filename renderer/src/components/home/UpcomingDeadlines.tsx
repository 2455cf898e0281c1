// The home page's deadlines across every open case, soonest (and overdue) first: what to chase today.
import { useMemo, useState } from 'react';
import { Button } from '../ui/Button';
import type { DeadlineDto } from '../../../../shared/api/deadlines';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { keys, useCall } from '../../api/queries';
import { DeadlineTags } from '../../pages/deadlines/DeadlineTags';
import { relativeDays } from '../../pages/deadlines/labels';
import { saveText } from '../../pages/packet/download';
import { ErrorText } from '../ErrorText';

const OPEN = new Set(['overdue', 'due', 'upcoming']);
const SHOWN = 12;

/** Deadlines across every case, shared by this list and the case list's next-deadline column. */
export const useAllDeadlines = () => useCall(keys.all('deadlines'), 'deadlines.list', {});

/** The open deadlines with a date, soonest (and overdue) first. */
export function openDeadlines(list: DeadlineDto[]): DeadlineDto[] {
  return list.filter((x) => OPEN.has(x.status) && x.dueDate).sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
}

export function UpcomingDeadlines() {
  const [all, setAll] = useState(false);
  const [actionError, setError] = useState<string | null>(null);
  const list = useAllDeadlines();
  const error = actionError ?? (list.error ? list.error.message : null);
  const deadlines = useMemo(() => (list.data ? openDeadlines(list.data) : null), [list.data]);

  const exportIcs = () =>
    invoke('deadlines.ics', {})
      .then(({ ics, fileName }) => saveText(ics, fileName, 'text/calendar'))
      .catch((e: Error) => setError(e.message));

  const shown = all ? deadlines : deadlines?.slice(0, SHOWN);
  return (
    <section className="card home-deadlines" aria-labelledby="home-deadlines-heading">
      <div className="page-head">
        <h2 id="home-deadlines-heading">Deadlines in every case</h2>
        <Button variant="quiet" onPress={() => void exportIcs()} isDisabled={!deadlines?.length}>
          Export all (.ics)
        </Button>
      </div>
      <ErrorText message={error} />
      {deadlines && deadlines.length === 0 && <p className="muted">No open deadlines. They appear when a case has IEP meetings, requests or letters sent.</p>}
      {shown && shown.length > 0 && (
        <ol className="home-deadline-list" aria-label="Open deadlines, soonest first">
          {shown.map((d) => (
            <li key={`${d.caseId}:${d.id}`} className={`status-${d.status}`}>
              <span className="home-due">
                <strong>{formatDisplayDate(d.dueDate)}</strong>{' '}
                <span className={d.status === 'overdue' ? 'status-bad small' : 'muted small'}>{d.status === 'overdue' ? `overdue, ${relativeDays(d.daysRemaining)}` : relativeDays(d.daysRemaining)}</span>
              </span>
              <a href={`#/case/${encodeURIComponent(d.caseId)}/deadlines`} className="home-case">
                {d.caseName}
              </a>
              <span>
                {d.title} <span className="small muted">{d.citation}</span> <DeadlineTags deadline={d} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {deadlines && deadlines.length > SHOWN && (
        <Button variant="link" onPress={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${deadlines.length}`}
        </Button>
      )}
    </section>
  );
}
