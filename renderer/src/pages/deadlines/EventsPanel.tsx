// The events that start the district's clocks. The ones the case already shows (IEP meetings, letters
// sent) are derived and read-only; the user adds what only they know: requests made by phone or
// email, consent signed, a due-process filing, a hearing date.
import { useState } from 'react';
import { Form, Input, Label, TextField } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import type { CaseEventDto } from '../../../../shared/api/deadlines';
import type { CaseEventType } from '../../../../shared/deadlines/types';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { showToast } from '../../components/shell/toasts';
import { viewerHref } from '../../components/viewer/links';
import { ChoiceSelect } from '../documents/ChoiceSelect';
import { EVENT_TYPE_LABELS, localToday, USER_EVENT_ORDER } from './labels';
import { ErrorText } from '../../components/ErrorText';

const TYPE_CHOICES = USER_EVENT_ORDER.map((id) => ({ id, label: EVENT_TYPE_LABELS[id] }));

function AddEventForm({ caseId, onSaved }: { caseId: string; onSaved(events: CaseEventDto[]): void }) {
  const [type, setType] = useState<CaseEventType>('records_request');
  const [date, setDate] = useState(localToday());
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Form
      className="event-form"
      aria-label="Add an event"
      onSubmit={(e) => {
        e.preventDefault();
        invoke('events.add', { caseId, type, date, label: label.trim() || EVENT_TYPE_LABELS[type] })
          .then((events) => {
            onSaved(events);
            setLabel('');
            setError(null);
          })
          .catch((err: Error) => setError(err.message));
      }}
    >
      <div className="field-row wrap">
        <ChoiceSelect<CaseEventType> label="What happened" value={type} choices={TYPE_CHOICES} onChange={setType} />
        <TextField type="date" value={date} onChange={setDate} isRequired className="date-field">
          <Label>Date</Label>
          <Input />
        </TextField>
        <TextField value={label} onChange={setLabel} className="grow">
          <Label>Description (optional)</Label>
          <Input placeholder={`e.g. ${EVENT_TYPE_LABELS[type]} by email to the case manager`} />
        </TextField>
        <Button type="submit" variant="primary">
          Add event
        </Button>
      </div>
      <ErrorText message={error} />
    </Form>
  );
}

function EditEventRow({ caseId, event, onDone }: { caseId: string; event: CaseEventDto; onDone(events: CaseEventDto[] | null): void }) {
  const [date, setDate] = useState(event.date);
  const [label, setLabel] = useState(event.label);
  const [response, setResponse] = useState(event.responseDate ?? '');
  const [error, setError] = useState<string | null>(null);
  return (
    <td colSpan={4}>
      <Form
        className="event-form"
        aria-label={`Edit ${event.label}`}
        onSubmit={(e) => {
          e.preventDefault();
          invoke('events.update', { caseId, eventId: event.id, date, label, responseDate: response || null })
            .then(onDone)
            .catch((err: Error) => setError(err.message));
        }}
      >
        <div className="field-row wrap">
          <TextField type="date" value={date} onChange={setDate} isRequired className="date-field">
            <Label>Date</Label>
            <Input />
          </TextField>
          <TextField value={label} onChange={setLabel} isRequired className="grow">
            <Label>Description</Label>
            <Input />
          </TextField>
          <TextField type="date" value={response} onChange={setResponse} className="date-field">
            <Label>District responded on</Label>
            <Input />
          </TextField>
          <Button type="submit" variant="primary">
            Save
          </Button>
          <Button onPress={() => onDone(null)}>Cancel</Button>
        </div>
        <ErrorText message={error} />
      </Form>
    </td>
  );
}

export function EventsPanel({ caseId, events, onChange }: { caseId: string; events: CaseEventDto[]; onChange(events: CaseEventDto[]): void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sorted = [...events].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section className="card" aria-labelledby="events-heading">
      <h2 id="events-heading">Events that start deadlines</h2>
      <p className="small muted">
        IEP meetings, evaluations and letters sent come from the case's documents and cannot be edited here. Add what happened outside them: a request made by email, consent signed, a due-process filing, a hearing date.
      </p>
      <AddEventForm caseId={caseId} onSaved={onChange} />
      <ErrorText message={error} />
      {sorted.length === 0 ? (
        <p className="empty">No events yet. Import the IEPs or add a request above, and its deadlines appear.</p>
      ) : (
        <table className="data-table events-table">
          <caption className="sr-only">Events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Event</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((e) =>
              editing === e.id ? (
                <tr key={e.id}>
                  <EditEventRow
                    caseId={caseId}
                    event={e}
                    onDone={(next) => {
                      setEditing(null);
                      if (next) onChange(next);
                    }}
                  />
                </tr>
              ) : (
                <tr key={e.id}>
                  <td className="nowrap">{formatDisplayDate(e.date)}</td>
                  <td>
                    {e.label}
                    <span className="small muted"> · {EVENT_TYPE_LABELS[e.type]}</span>
                    {e.responseDate && <span className="small status-ok"> · answered {formatDisplayDate(e.responseDate)}</span>}
                  </td>
                  <td>
                    {e.origin === 'derived' ? (
                      e.sourceDocumentId ? (
                        <a href={viewerHref(caseId, e.sourceDocumentId, 1)} className="source-link">
                          From the case's documents
                        </a>
                      ) : (
                        <span className="muted">From the case</span>
                      )
                    ) : e.origin === 'automatic' && e.sourceDocumentId ? (
                      <a href={viewerHref(caseId, e.sourceDocumentId, 1)} className="source-link">
                        Read from a letter (automatic)
                      </a>
                    ) : (
                      <span className="tag by-user">Entered by you</span>
                    )}
                  </td>
                  <td className="nowrap">
                    {e.origin === 'user' && (
                      <>
                        <Button variant="quiet" aria-label={`Edit ${e.label}`} onPress={() => setEditing(e.id)}>
                          Edit
                        </Button>{' '}
                        <Button
                          className="quiet danger"
                          aria-label={`Remove ${e.label}`}
                          onPress={() =>
                            invoke('events.remove', { caseId, eventId: e.id })
                              .then((events) => {
                                onChange(events);
                                // Undo enters the event again as it was (a new id; its deadlines are recomputed from it).
                                showToast(`Removed the event "${e.label}".`, {
                                  label: 'Undo',
                                  run: () => invoke('events.add', { caseId, type: e.type, date: e.date, label: e.label, responseDate: e.responseDate ?? null }).then(onChange),
                                });
                              })
                              .catch((err: Error) => setError(err.message))
                          }
                        >
                          Remove
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
