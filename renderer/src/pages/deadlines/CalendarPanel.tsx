// The district calendar: school-day and business-day counts need the district's terms and closures.
// Entered by hand or read from the district's .ics; every change is saved at once and the deadlines
// are counted again.
import { useState } from 'react';
import { FileTrigger, Form, Input, Label, TextField } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import { Checkbox } from '../../components/ui/Checkbox';
import type { CalendarClosure, DistrictCalendar } from '../../../../shared/deadlines/types';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { ChoiceSelect } from '../documents/ChoiceSelect';
import { ErrorText } from '../../components/ErrorText';

const EMPTY: DistrictCalendar = { name: 'District calendar', terms: [], closures: [] };
const CLOSURE_KINDS: { id: CalendarClosure['kind']; label: string }[] = [
  { id: 'holiday', label: 'Holiday' },
  { id: 'break', label: 'Break' },
  { id: 'non_school_day', label: 'Non-school day' },
];

function range(start: string, end: string): string {
  return start === end ? formatDisplayDate(start) : `${formatDisplayDate(start)} – ${formatDisplayDate(end)}`;
}

export function CalendarPanel({ caseId, calendar, onChange }: { caseId: string; calendar: DistrictCalendar | null; onChange(c: DistrictCalendar | null): void }) {
  const [error, setError] = useState<string | null>(null);
  const [ignored, setIgnored] = useState<string[] | null>(null);
  const [term, setTerm] = useState({ label: '', firstDay: '', lastDay: '' });
  const [closure, setClosure] = useState<CalendarClosure>({ start: '', end: '', label: '', kind: 'holiday' });
  const current = calendar ?? EMPTY;

  const save = (next: DistrictCalendar | null) =>
    invoke('calendar.set', { caseId, calendar: next })
      .then((c) => {
        onChange(c);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));

  const importFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    try {
      const result = await invoke('calendar.importIcs', { caseId, ics: await file.text() });
      onChange(result.calendar);
      setIgnored(result.ignored);
      setError(null);
    } catch (e) {
      setError(`${file.name}: ${(e as Error).message}`);
    }
  };

  return (
    <section className="card" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">District calendar</h2>
      <p className="small muted">
        School-day and business-day deadlines count against the district's calendar. Without it they are counted on weekdays only and say "Calendar missing".
      </p>
      <div className="toolbar">
        <FileTrigger acceptedFileTypes={['.ics', 'text/calendar']} onSelect={(l) => void importFile(l)}>
          <Button>Import .ics…</Button>
        </FileTrigger>
        {calendar && (
          <Button variant="danger" onPress={() => void save(null).then(() => setIgnored(null))}>
            Remove calendar
          </Button>
        )}
      </div>
      <ErrorText message={error} />
      {ignored && (
        <div className="small" role="status">
          {ignored.length === 0 ? (
            <p>Every event of the file was read.</p>
          ) : (
            <details>
              <summary>{ignored.length} calendar entries were ignored (not a closure or a first or last day)</summary>
              <ul>
                {ignored.map((i, n) => (
                  <li key={n}>{i}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {calendar && (
        <Checkbox isSelected={!!calendar.closuresAreNonBusinessDays} onChange={(v) => void save({ ...calendar, closuresAreNonBusinessDays: v })}>
          Treat school closures (breaks) as non-business days
        </Checkbox>
      )}
      <div className="calendar-grid">
        <div>
          <h3>School year terms</h3>
          {current.terms.length === 0 ? (
            <p className="muted small">No term entered.</p>
          ) : (
            <ul className="plain-list">
              {current.terms.map((t, i) => (
                <li key={i}>
                  {t.label && <strong>{t.label}: </strong>}
                  {range(t.firstDay, t.lastDay)}{' '}
                  <Button className="quiet danger" aria-label={`Remove term ${t.label ?? range(t.firstDay, t.lastDay)}`} onPress={() => void save({ ...current, terms: current.terms.filter((_, j) => j !== i) })}>
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <Form
            aria-label="Add a school year term"
            onSubmit={(e) => {
              e.preventDefault();
              void save({ ...current, terms: [...current.terms, { label: term.label || undefined, firstDay: term.firstDay, lastDay: term.lastDay }] }).then(() => setTerm({ label: '', firstDay: '', lastDay: '' }));
            }}
          >
            <div className="field-row wrap">
              <TextField value={term.label} onChange={(label) => setTerm({ ...term, label })}>
                <Label>Label</Label>
                <Input placeholder="2024-25" />
              </TextField>
              <TextField type="date" value={term.firstDay} onChange={(firstDay) => setTerm({ ...term, firstDay })} isRequired className="date-field">
                <Label>First day of school</Label>
                <Input />
              </TextField>
              <TextField type="date" value={term.lastDay} onChange={(lastDay) => setTerm({ ...term, lastDay })} isRequired className="date-field">
                <Label>Last day of school</Label>
                <Input />
              </TextField>
              <Button type="submit">Add term</Button>
            </div>
          </Form>
        </div>
        <div>
          <h3>Closures, holidays and breaks</h3>
          {current.closures.length === 0 ? (
            <p className="muted small">No closure entered.</p>
          ) : (
            <ul className="plain-list closure-list">
              {[...current.closures]
                .map((c, i) => ({ c, i }))
                .sort((a, b) => a.c.start.localeCompare(b.c.start))
                .map(({ c, i }) => (
                  <li key={i}>
                    {range(c.start, c.end)} · {c.label} <span className="small muted">({c.kind.replace(/_/g, ' ')})</span>{' '}
                    <Button className="quiet danger" aria-label={`Remove closure ${c.label} ${range(c.start, c.end)}`} onPress={() => void save({ ...current, closures: current.closures.filter((_, j) => j !== i) })}>
                      Remove
                    </Button>
                  </li>
                ))}
            </ul>
          )}
          <Form
            aria-label="Add a closure"
            onSubmit={(e) => {
              e.preventDefault();
              const c = { ...closure, end: closure.end || closure.start, label: closure.label || CLOSURE_KINDS.find((k) => k.id === closure.kind)!.label };
              void save({ ...current, closures: [...current.closures, c] }).then(() => setClosure({ start: '', end: '', label: '', kind: closure.kind }));
            }}
          >
            <div className="field-row wrap">
              <TextField type="date" value={closure.start} onChange={(start) => setClosure({ ...closure, start })} isRequired className="date-field">
                <Label>From</Label>
                <Input />
              </TextField>
              <TextField type="date" value={closure.end} onChange={(end) => setClosure({ ...closure, end })} className="date-field">
                <Label>To (if several days)</Label>
                <Input />
              </TextField>
              <TextField value={closure.label} onChange={(label) => setClosure({ ...closure, label })}>
                <Label>Name</Label>
                <Input placeholder="Winter break" />
              </TextField>
              <ChoiceSelect<CalendarClosure["kind"]> label="Kind" value={closure.kind} choices={CLOSURE_KINDS} onChange={(kind) => setClosure({ ...closure, kind })} />
              <Button type="submit">Add closure</Button>
            </div>
          </Form>
        </div>
      </div>
    </section>
  );
}
