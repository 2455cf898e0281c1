// The disclosure kit on the Packet page: the hearing date and the deadline it gives (five business days
// before, on the district calendar when one is entered, with the rules and how far each is verified),
// the case's witness list, and the kit built from the packet chosen above: its exhibit list, what changed
// since the last disclosure, and the DOCX and PDF to download.
import { useEffect, useState } from 'react';
import type { DisclosureDeadlineDto, DisclosureKitDto, WitnessDto } from '../../../../shared/api/disclosure';
import type { PacketOptionsArgs } from '../../../../shared/api/packet';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { useCaseQuery } from '../../components/charts/useCaseQuery';
import { Button } from '../../components/ui/Button';
import { TextField } from '../../components/ui/Input';
import { counted } from '../../components/words';
import { downloadFile } from './download';

const TAG_WORDS = { P: 'verified', S: 'secondary source', K: 'unverified', X: 'unverified' } as const;
const BLANK: WitnessDto = { name: '', role: '', subject: '', contact: '' };

function WitnessEditor({ caseId }: { caseId: string }) {
  const stored = useCaseQuery(caseId, () => invoke('disclosure.witnesses', { caseId }));
  const [rows, setRows] = useState<WitnessDto[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = rows ?? stored.data ?? [];
  const edit = (i: number, patch: Partial<WitnessDto>) => {
    setRows(list.map((w, k) => (k === i ? { ...w, ...patch } : w)));
    setStatus(null);
  };
  const save = async () => {
    try {
      const saved = await invoke('disclosure.saveWitnesses', { caseId, witnesses: list.filter((w) => w.name.trim()) });
      stored.set(saved);
      setRows(null);
      setError(null);
      setStatus(`Witness list saved (${counted(saved.length, 'witness', 'witnesses')}).`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <fieldset className="witnesses">
      <legend>Witness list</legend>
      {list.length === 0 && <p className="small muted">No witnesses yet.</p>}
      {list.map((w, i) => (
        <div className="field-row wrap" role="group" aria-label={`Witness ${i + 1}`} key={i}>
          <TextField value={w.name} onChange={(name) => edit(i, { name })} label="Name" />
          <TextField value={w.role} onChange={(role) => edit(i, { role })} label="Role" />
          <TextField value={w.subject} onChange={(subject) => edit(i, { subject })} className="grow" label="Subject of testimony" />
          <TextField value={w.contact} onChange={(contact) => edit(i, { contact })} label="Contact" />
          <Button variant="quiet" aria-label={`Remove witness ${i + 1}`} onPress={() => setRows(list.filter((_, k) => k !== i))}>
            Remove
          </Button>
        </div>
      ))}
      <div className="toolbar">
        <Button onPress={() => setRows([...list, { ...BLANK }])}>Add witness</Button>
        <Button onPress={() => void save()} isDisabled={rows === null}>
          Save witness list
        </Button>
        {status && <span role="status" className="small">{status}</span>}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </fieldset>
  );
}

export function DisclosurePanel({ options, problem, fileNameFor }: { options: PacketOptionsArgs; problem: string | null; fileNameFor(what: string, ext: string): string }) {
  const [hearingDate, setHearingDate] = useState('');
  const [deadline, setDeadline] = useState<DisclosureDeadlineDto | null>(null);
  const [kit, setKit] = useState<DisclosureKitDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(hearingDate);

  useEffect(() => {
    if (!validDate) return void setDeadline(null);
    let live = true;
    invoke('disclosure.deadline', { caseId: options.caseId, hearingDate, forum: options.forum })
      .then((d) => live && setDeadline(d))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [options.caseId, hearingDate, validDate, options.forum]);

  const build = async () => {
    setBusy(true);
    setError(null);
    try {
      setKit(await invoke('disclosure.build', { ...options, hearingDate }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const download = (job: string, ext: 'pdf' | 'docx') =>
    downloadFile('files.packet', { job }, `disclosure.${ext}`, fileNameFor('disclosure', ext)).catch((e: Error) => setError(e.message));

  return (
    <section className="card" aria-labelledby="disclosure-heading">
      <h2 id="disclosure-heading">Disclosure kit</h2>
      <p className="small muted">The exhibit list of the packet above, your witness list and the date by which both must reach the other side: evidence not disclosed at least five business days before a due-process hearing may be barred (34 CFR 300.512(a)(3), (b)).</p>
      <TextField value={hearingDate} onChange={setHearingDate} className="narrow" type="date" label="Hearing date" />
      {deadline && (
        <div role="status" aria-label="Disclosure deadline">
          <p>
            Disclose by <strong>{formatDisplayDate(deadline.deadline)}</strong> ({deadline.businessDays} business days before the hearing{deadline.calendarUsed ? ', on the district calendar' : ''}).
          </p>
          <ul className="small">
            {deadline.rules.map((r) => (
              <li key={r.citation}>
                {r.citation}: {r.says} <em>({TAG_WORDS[r.tag]})</em>
              </li>
            ))}
            {deadline.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      <WitnessEditor caseId={options.caseId} />
      <div className="toolbar">
        <Button variant="primary" onPress={() => void build()} isDisabled={busy || !validDate || !!problem || options.exhibits.length === 0}>
          Build disclosure kit
        </Button>
        {!validDate && <span className="small muted">Enter the hearing date.</span>}
      </div>
      {kit && (
        <div className="disclosure-kit">
          <p role="status">
            Disclosure kit ready: {counted(kit.exhibits.length, 'exhibit')}, {counted(kit.witnesses.length, 'witness', 'witnesses')}; disclose by {formatDisplayDate(kit.deadline.deadline)}.
          </p>
          {kit.changes.length > 0 && (
            <ul aria-label="Changes since the last disclosure" className="warn-text small">
              {kit.changes.map((c) => (
                <li key={c.label + c.kind}>{c.message}</li>
              ))}
            </ul>
          )}
          <div className="toolbar">
            <Button onPress={() => void download(kit.docxJobId, 'docx')}>Download disclosure (Word)</Button>
            <Button onPress={() => void download(kit.pdfJobId, 'pdf')}>Download disclosure (PDF)</Button>
          </div>
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
