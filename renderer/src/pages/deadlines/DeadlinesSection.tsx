// Deadlines: the district's clocks computed from the case's events and the rules table, grouped by
// what needs attention first, with the events that start them and the district calendar they count on.
import { useState } from 'react';
import { Button } from '../../components/ui/Button';
import type { DeadlineDto } from '../../../../shared/api/deadlines';
import { invoke } from '../../api/client';
import { useCaseQuery } from '../../components/charts/useCaseQuery';
import { saveText } from '../packet/download';
import type { SectionProps } from '../sections';
import { CalendarPanel } from './CalendarPanel';
import { DeadlineTable } from './DeadlineTable';
import { EventsPanel } from './EventsPanel';
import { SuggestionsPanel } from './SuggestionsPanel';
import { STATUS_GROUPS } from './labels';

function byDueDate(a: DeadlineDto, b: DeadlineDto): number {
  return (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title);
}

export function DeadlinesSection({ caseData }: SectionProps) {
  const caseId = caseData.id;
  const deadlines = useCaseQuery(caseId, () => invoke('deadlines.list', { caseId }));
  const events = useCaseQuery(caseId, () => invoke('events.list', { caseId }));
  const calendar = useCaseQuery(caseId, () => invoke('calendar.get', { caseId }));
  const suggestions = useCaseQuery(caseId, () => invoke('deadlines.suggestions', { caseId }));
  const [error, setError] = useState<string | null>(null);

  const markMet = async (d: DeadlineDto, metDate: string | null) => {
    try {
      deadlines.set(await invoke('deadlines.markMet', { caseId, eventId: d.triggerEvent.id, ruleId: d.ruleId, metDate }));
      setError(null);
    } catch (e) {
      setError(`${d.title}: ${(e as Error).message}`);
    }
  };

  const exportIcs = async () => {
    try {
      const { ics, fileName } = await invoke('deadlines.ics', { caseId });
      saveText(ics, fileName, 'text/calendar');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const list = deadlines.data ?? [];
  return (
    <div className="deadlines">
      <div className="toolbar">
        <p className="muted small grow">
          Computed from the rules for {caseData.state ?? 'federal law (enter the state under Case info for state rules)'} and the events below. A date marked "Unverified" or "Secondary source" rests on a rule nobody has checked against the law: confirm it before relying on it.
        </p>
        <Button onPress={() => void exportIcs()} isDisabled={list.length === 0}>
          Export to calendar (.ics)
        </Button>
      </div>
      {(error ?? deadlines.error) && (
        <p role="alert" className="error">
          {error ?? deadlines.error}
        </p>
      )}
      {!deadlines.data && !deadlines.error && <p aria-busy="true">Loading deadlines…</p>}
      {deadlines.data && list.length === 0 && (
        <p className="empty">No deadlines yet. They start from events: import the IEPs, save a letter as sent, or add a request below.</p>
      )}
      {list.length > 0 &&
        STATUS_GROUPS.map((g) => {
          const rows = list.filter((d) => d.status === g.status).sort(g.status === 'met' ? (a, b) => byDueDate(b, a) : byDueDate);
          if (rows.length === 0 && !g.empty) return null;
          return (
            <section key={g.status} className={`card deadline-group group-${g.status}`} aria-labelledby={`dl-${g.status}`}>
              <h2 id={`dl-${g.status}`}>
                {g.title} <span className="muted small">({rows.length})</span>
              </h2>
              {rows.length === 0 ? <p className="muted small">{g.empty}</p> : <DeadlineTable caseId={caseId} title={`${g.title} deadlines`} deadlines={rows} onMark={markMet} />}
            </section>
          );
        })}
      {suggestions.data && <SuggestionsPanel caseId={caseId} suggestions={suggestions.data} onChange={(next) => (suggestions.set(next), deadlines.reload(), events.reload())} />}
      {events.data && <EventsPanel caseId={caseId} events={events.data} onChange={(e) => (events.set(e), deadlines.reload())} />}
      {events.error && (
        <p role="alert" className="error">
          {events.error}
        </p>
      )}
      {calendar.data !== null || !calendar.error ? <CalendarPanel caseId={caseId} calendar={calendar.data} onChange={(c) => (calendar.set(c), deadlines.reload())} /> : null}
      {calendar.error && (
        <p role="alert" className="error">
          {calendar.error}
        </p>
      )}
    </div>
  );
}
