// The open red flags with their evidence and their next steps: draft the letter that acts on the flag,
// add the deadline it starts (the date the family learned of it starts the complaint clocks), or
// dismiss it with a reason that is kept; and the dismissed flags that can be restored.
import { useId, useState } from 'react';
import { Disclosure, DisclosurePanel, FieldError, Heading, Input, Label, TextArea, TextField } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import type { FlagDto } from '../../../../shared/api/timeline';
import type { LetterTemplateId } from '../../../../shared/deadlines/derive';
import type { BBox, Provenance } from '../../../../shared/domain';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { citation } from '../../components/charts/SourceLink';
import { viewerHref } from '../../components/viewer/links';
import { flagLabel } from './flagLabels';
import { localToday } from '../deadlines/labels';
import { href, navigate } from '../../router';
import { ErrorText } from '../../components/ErrorText';
import { FormDialog } from '../../components/FormDialog';

interface FlagListProps {
  caseId: string;
  flags: FlagDto[];
  names: Map<string, string>;
  onChange(flags: FlagDto[]): void;
  /** The list's heading ("Red flags" on the overview, "Red flags on this goal" under a goal lineage). */
  title?: string;
}

/** Evidence grouped by page: one link per page with every value on it boxed. */
export function evidencePages(evidence: Provenance[]): Array<{ documentId: string; page: number; boxes: BBox[] }> {
  const pages = new Map<string, { documentId: string; page: number; boxes: BBox[] }>();
  for (const e of evidence) {
    const key = `${e.documentId}#${e.page}`;
    const entry = pages.get(key) ?? { documentId: e.documentId, page: e.page, boxes: [] };
    if (e.bbox) entry.boxes.push(e.bbox);
    pages.set(key, entry);
  }
  return [...pages.values()];
}

function Evidence({ caseId, flag, names }: { caseId: string; flag: FlagDto; names: Map<string, string> }) {
  if (!flag.evidence.length) return null;
  return (
    <ul className="evidence" aria-label="Evidence">
      {evidencePages(flag.evidence).map((e) => {
        const cite = citation({ documentId: e.documentId, page: e.page, bbox: null }, names);
        const values = e.boxes.length > 1 ? ` (${e.boxes.length} values)` : '';
        return (
          <li key={`${e.documentId}#${e.page}`}>
            <a className="source-link" href={viewerHref(caseId, e.documentId, e.page, e.boxes)} aria-label={`Open ${cite}${values}`}>
              {cite}
              {values}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** The letter that acts on a flag (drafted with the flag's finding and its sources as evidence): services not delivered ask for compensatory services, a missed meeting or a
 *  notice short of its elements asks for a meeting, and findings about goals, progress and services demand a revision. */
export function letterForFlag(type: string): { template: LetterTemplateId; title: string } {
  if (type === 'missed_services') return { template: 'compensatory_education_request', title: 'compensatory services request' };
  if (type === 'annual_review_overdue' || type === 'reevaluation_overdue' || type === 'pwn_missing_element') return { template: 'iep_meeting_request', title: 'IEP meeting request' };
  return { template: 'iep_revision_demand', title: 'IEP revision demand' };
}

function DraftLetter({ caseId, flag }: { caseId: string; flag: FlagDto }) {
  const letter = letterForFlag(flag.type);
  return (
    <Button variant="quiet" onPress={() => navigate({ page: 'case', caseId, section: 'letters', rest: ['new', letter.template, flag.key] })} aria-label={`Draft letter: ${flagLabel(flag.type)} (${letter.title})`}>
      Draft letter
    </Button>
  );
}

/** Adds the flag to the packet: its documents as exhibits, its finding to the summary of findings. */
function AddToPacket({ caseId, flag }: { caseId: string; flag: FlagDto }) {
  return (
    <Button variant="quiet" onPress={() => navigate({ page: 'case', caseId, section: 'packet', rest: ['flag', flag.key] })} aria-label={`Add to packet: ${flagLabel(flag.type)}`}>
      Add to packet
    </Button>
  );
}

function AddDeadlineDialog({ caseId, flag, onAdded }: { caseId: string; flag: FlagDto; onAdded(message: string): void }) {
  const [error, setError] = useState<string | null>(null);
  const [date, setDate] = useState(localToday());
  const title = flagLabel(flag.type);
  const [label, setLabel] = useState(`${title}: ${flag.description}`.slice(0, 300));
  return (
    <FormDialog
      trigger={
        <Button variant="quiet" aria-label={`Add deadline: ${title}`}>
          Add deadline…
        </Button>
      }
      title={`Add deadline for “${title}”`}
      ariaLabel={`Add deadline for flag: ${title}`}
      submitLabel="Add deadline"
      error={error}
      onSubmit={async (_form, close) => {
        try {
          const events = await invoke('events.add', { caseId, type: 'violation_known', date, label: label.trim() });
          const added = events.find((ev) => ev.type === 'violation_known' && ev.date === date && ev.label === label.trim());
          onAdded(`Deadline event added: “${added?.label ?? label.trim()}”, ${formatDisplayDate(date)}. The complaint and due-process clocks run from it.`);
          close();
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <p className="muted">The day the family learned of this starts the clocks for a state complaint and a due-process filing; they show under Deadlines.</p>
      <TextField type="date" value={date} onChange={setDate} isRequired className="date-field">
        <Label>Learned of it on</Label>
        <Input />
        <FieldError />
      </TextField>
      <TextField value={label} onChange={setLabel} isRequired maxLength={300}>
        <Label>Event</Label>
        <TextArea rows={3} />
        <FieldError />
      </TextField>
    </FormDialog>
  );
}

function DismissDialog({ caseId, flag, onChange }: { caseId: string; flag: FlagDto; onChange(flags: FlagDto[]): void }) {
  const [error, setError] = useState<string | null>(null);
  const title = flagLabel(flag.type);
  return (
    <FormDialog
      trigger={
        <Button variant="quiet" aria-label={`Dismiss: ${title}`}>
          Dismiss…
        </Button>
      }
      title={`Dismiss “${title}”`}
      ariaLabel={`Dismiss flag: ${title}`}
      submitLabel="Dismiss flag"
      error={error}
      onSubmit={async (form, close) => {
        const reason = String(new FormData(form).get('reason') ?? '').trim();
        try {
          onChange(await invoke('flags.dismiss', { caseId, key: flag.key, reason }));
          close();
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <p className="muted">{flag.description}</p>
      <TextField name="reason" isRequired autoFocus maxLength={2000}>
        <Label>Why is this flag not a concern?</Label>
        <TextArea rows={3} />
        <FieldError />
      </TextField>
    </FormDialog>
  );
}

export function FlagList({ caseId, flags, names, onChange, title = 'Red flags' }: FlagListProps) {
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = flags.filter((f) => !f.dismissed);
  const dismissed = flags.filter((f) => f.dismissed);
  const restore = async (key: string) => {
    try {
      onChange(await invoke('flags.restore', { caseId, key }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="card flags" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="count">{open.length}</span>
      </h2>
      {open.length === 0 ? (
        <p className="muted">No open red flags: nothing in the records matches a warning pattern{dismissed.length ? ' that has not been dismissed' : ''}.</p>
      ) : (
        <ul className="flag-list">
          {open.map((f) => (
            <li key={f.key} className="flag" data-type={f.type}>
              <div className="flag-head">
                <h3>{flagLabel(f.type)}</h3>
              </div>
              <p>{f.description}</p>
              <Evidence caseId={caseId} flag={f} names={names} />
              <div className="actions flag-actions" role="group" aria-label={`Next steps: ${flagLabel(f.type)}`}>
                <DraftLetter caseId={caseId} flag={f} />
                <AddToPacket caseId={caseId} flag={f} />
                <AddDeadlineDialog caseId={caseId} flag={f} onAdded={setNotice} />
                <DismissDialog caseId={caseId} flag={f} onChange={onChange} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice} <a href={href({ page: 'case', caseId, section: 'deadlines', rest: [] })}>See Deadlines</a>
        </p>
      )}
      <ErrorText message={error} />
      {dismissed.length > 0 && (
        <Disclosure className="dismissed">
          <Heading level={3}>
            <Button slot="trigger" variant="link">
              Dismissed ({dismissed.length})
            </Button>
          </Heading>
          <DisclosurePanel>
            <ul className="flag-list">
              {dismissed.map((f) => (
                <li key={f.key} className="flag dismissed-flag">
                  <div className="flag-head">
                    <h4>{flagLabel(f.type)}</h4>
                    <Button variant="quiet" aria-label={`Restore: ${flagLabel(f.type)}`} onPress={() => void restore(f.key)}>
                      Restore
                    </Button>
                  </div>
                  <p>{f.description}</p>
                  <p className="dismiss-reason">
                    Dismissed {formatDisplayDate(f.dismissed?.dismissedAt.slice(0, 10))}: “{f.dismissed?.reason}”
                  </p>
                </li>
              ))}
            </ul>
          </DisclosurePanel>
        </Disclosure>
      )}
    </section>
  );
}
