// One status group of the case's deadlines (overdue, due, upcoming, met) as a table: due date, rule and
// citation, the event that started the clock, and marking the district's response.
import { useState } from 'react';
import { Cell, Column, Form, Input, Label, Row, Table, TableBody, TableHeader, TextField } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import type { DeadlineDto } from '../../../../shared/api/deadlines';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { viewerHref } from '../../components/viewer/links';
import { DeadlineTags } from './DeadlineTags';
import { localToday, relativeDays } from './labels';

export interface MarkMet {
  (deadline: DeadlineDto, metDate: string | null): Promise<void>;
}

function MetControl({ deadline, onMark }: { deadline: DeadlineDto; onMark: MarkMet }) {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(localToday());
  const [busy, setBusy] = useState(false);
  if (deadline.status === 'met') {
    return (
      <span className="met-cell">
        <span className="status-ok">Met {deadline.metDate ? formatDisplayDate(deadline.metDate) : ''}</span>
        <Button variant="quiet" aria-label={`Undo: ${deadline.title} not met`} isDisabled={busy} onPress={() => (setBusy(true), void onMark(deadline, null).finally(() => setBusy(false)))}>
          Undo
        </Button>
      </span>
    );
  }
  if (!open) {
    return (
      <Button variant="quiet" aria-label={`Mark met: ${deadline.title}`} onPress={() => setOpen(true)}>
        Mark met…
      </Button>
    );
  }
  return (
    <Form
      className="met-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onMark(deadline, date).finally(() => setBusy(false));
      }}
    >
      <TextField type="date" value={date} onChange={setDate} isRequired autoFocus>
        <Label className="small">District responded on</Label>
        <Input />
      </TextField>
      <Button type="submit" className="primary quiet" isDisabled={busy || !date}>
        Mark met
      </Button>
      <Button variant="quiet" onPress={() => setOpen(false)}>
        Cancel
      </Button>
    </Form>
  );
}

export function DeadlineTable({ caseId, title, deadlines, onMark, showCase = false }: { caseId?: string; title: string; deadlines: DeadlineDto[]; onMark?: MarkMet; showCase?: boolean }) {
  return (
    <Table aria-label={title} className="data-table deadline-table">
      <TableHeader>
        <Column isRowHeader>Deadline</Column>
        <Column>Due</Column>
        {showCase ? <Column>Case</Column> : <Column>Started by</Column>}
        <Column>Citation</Column>
        <Column>{onMark ? 'District response' : 'Status'}</Column>
      </TableHeader>
      <TableBody items={deadlines}>
        {(d) => (
          <Row id={d.id} className={`deadline-row status-${d.status}`}>
            <Cell>
              <span className="deadline-title">{d.title}</span>
              <DeadlineTags deadline={d} />
              {d.note && <span className="small muted deadline-note">{d.note}</span>}
            </Cell>
            <Cell>
              {d.dueDate ? (
                <>
                  <span className="due-date">{formatDisplayDate(d.dueDate)}</span>
                  {d.status !== 'met' && <span className={`small ${d.status === 'overdue' ? 'status-bad' : 'muted'}`}> {relativeDays(d.daysRemaining)}</span>}
                </>
              ) : (
                <span className="muted">Not computable</span>
              )}
            </Cell>
            <Cell>
              {showCase ? (
                <a href={`#/case/${encodeURIComponent(d.caseId)}/deadlines`}>{d.caseName}</a>
              ) : (
                <TriggerEvent caseId={caseId ?? d.caseId} deadline={d} />
              )}
            </Cell>
            <Cell>
              <span className="citation">{d.citation}</span>
              <span className="small muted"> ({d.jurisdiction === 'US' ? 'federal' : d.jurisdiction})</span>
            </Cell>
            <Cell>{onMark ? <MetControl deadline={d} onMark={onMark} /> : <span>{d.status}</span>}</Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}

function TriggerEvent({ caseId, deadline: d }: { caseId: string; deadline: DeadlineDto }) {
  const e = d.triggerEvent;
  const label = e.label || formatDisplayDate(e.date);
  return (
    <span>
      {e.sourceDocumentId ? (
        <a className="source-link" href={viewerHref(caseId, e.sourceDocumentId, 1)} title="Open the document this event comes from">
          {label}
        </a>
      ) : (
        label
      )}
      {!e.label.includes(formatDisplayDate(e.date)) && <span className="small muted"> {formatDisplayDate(e.date)}</span>}
    </span>
  );
}
