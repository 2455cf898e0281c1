// Case info: the case's details in one form. The form keeps the case and version it was loaded
// from and saves with them, so a save can only ever land on that case, and only if nobody changed it
// since (the engine refuses otherwise, and the form offers the current details).
import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { CaseDto, DistrictContact, Person } from '../../../shared/api/cases';
import { ApiError, fetchFile, invoke } from '../api/client';
import { keys, queryClient, useCall } from '../api/queries';
import type { ContactRole } from '../../../shared/api/contacts';
import { ErrorText } from '../components/ErrorText';
import { FormDialog } from '../components/FormDialog';
import { Button } from '../components/ui/Button';
import { TextField } from '../components/ui/Input';
import { sourceHref } from '../components/viewer/links';
import { moveCaseToTrash } from '../components/home/case-actions';
import { navigate } from '../router';
import type { SectionProps } from './sections';

const CONTACT_ROLES: { role: DistrictContact['role']; label: string }[] = [
  { role: 'case_manager', label: 'Case manager' },
  { role: 'sped_director', label: 'Special-education director' },
  { role: 'principal', label: 'Principal' },
];

function Field({ name, label, value, type }: { name: string; label: string; value: string | null | undefined; type?: string }) {
  return (
    <TextField name={name} defaultValue={value ?? ''} type={type} label={label} />
  );
}

export function CaseInfoSection(props: SectionProps) {
  const { caseData, reload } = props;
  // The details fetched when the user asks for the current ones after a refused save.
  const [current, setCurrent] = useState<{ details: CaseDto; generation: number } | null>(null);
  const fresh = current?.details.id === caseData.id ? current : null;
  const loadCurrent = async () => {
    const details = await invoke('cases.get', { caseId: caseData.id });
    setCurrent({ details, generation: (current?.generation ?? 0) + 1 });
    reload();
  };
  // A new form, with fresh fields, for each case and for each load of the current details.
  return (
    <>
      <ContactSuggestions caseId={caseData.id} onAccepted={() => void loadCurrent()} />
      <CaseInfoForm key={`${caseData.id}:${fresh?.generation ?? 0}`} {...props} initial={fresh?.details ?? caseData} onLoadCurrent={() => void loadCurrent()} />
      <ArchiveExport caseId={caseData.id} />
      <CaseHistory caseId={caseData.id} />
    </>
  );
}

/**
 * Move this case to another computer: the case as one encrypted case archive (files.caseArchive),
 * downloaded; Settings > Import a case archive on the other computer brings it in.
 */
function ArchiveExport({ caseId }: { caseId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section aria-labelledby="archive-export-heading">
      <h2 id="archive-export-heading">Move this case to another computer</h2>
      <p className="muted">One encrypted file with the case's documents, readings, corrections, letters and history. Import it in Settings on the other computer.</p>
      <FormDialog
        trigger={<Button>Export case archive…</Button>}
        title="Export case archive"
        submitLabel="Export"
        submitDisabled={busy}
        error={error}
        onOpenChange={() => setError(null)}
        onSubmit={async (form, close) => {
          const data = new FormData(form);
          const passphrase = String(data.get('passphrase') ?? '');
          if (passphrase.length < 8) return setError('The archive passphrase needs at least 8 characters.');
          if (passphrase !== String(data.get('again') ?? '')) return setError('The two passphrases do not match.');
          setBusy(true);
          try {
            const res = await fetchFile('files.caseArchive', { case: caseId }, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase }) });
            if (!res.ok) throw new Error(((await res.json()) as { error?: { message?: string } }).error?.message ?? `The export failed (${res.status}).`);
            const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'case-archive.casefile');
            const url = URL.createObjectURL(await res.blob());
            const a = document.createElement('a');
            a.href = url;
            a.download = name;
            a.click();
            setTimeout(() => URL.revokeObjectURL(url), 10_000);
            setSaved(`Saved ${name}. Keep its passphrase with it: without it the archive cannot be opened.`);
            close();
          } catch (e) {
            setError((e as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <TextField name="passphrase" type="password" label="Archive passphrase" autoComplete="new-password" autoFocus />
        <TextField name="again" type="password" label="Archive passphrase again" autoComplete="new-password" />
      </FormDialog>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}

const SUGGESTED_ROLE: Record<ContactRole, string> = { parent: 'Parent or guardian', case_manager: 'Case manager', sped_director: 'Special-education director', principal: 'Principal', other: 'School contact' };

/**
 * People the records name, offered with the page they were read on: Accept writes one into the
 * details below (letters then use it), Dismiss sets it aside for good.
 */
function ContactSuggestions({ caseId, onAccepted }: { caseId: string; onAccepted(): void }) {
  const key = keys.case(caseId, 'contact-suggestions');
  const q = useCall(key, 'contacts.suggestions', { caseId });
  const [error, setError] = useState<string | null>(null);
  const act = async (name: 'contacts.accept' | 'contacts.dismiss', suggestionId: string) => {
    try {
      queryClient.setQueryData(key, await invoke(name, { caseId, suggestionId }));
      setError(null);
      if (name === 'contacts.accept') onAccepted();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const list = q.data ?? [];
  if (!list.length && !error && !q.error) return null;
  return (
    <section className="contact-suggestions" aria-labelledby="contact-suggestions-heading">
      <h2 id="contact-suggestions-heading">Found in the records</h2>
      <ErrorText message={error ?? q.error?.message ?? null} />
      <ul className="suggestion-list">
        {list.map((s) => (
          <li key={s.id} aria-label={`${SUGGESTED_ROLE[s.role]}: ${s.name}`}>
            <span className="suggestion-role">{SUGGESTED_ROLE[s.role]}</span> <strong>{s.name}</strong>
            {s.title && <span>, {s.title}</span>}
            {[s.email, s.phone, s.address].filter(Boolean).length > 0 && <span className="muted"> · {[s.email, s.phone, s.address].filter(Boolean).join(' · ')}</span>}{' '}
            <a className="muted" href={sourceHref(caseId, { documentId: s.source.documentId, page: s.source.page, bbox: s.source.bbox })}>
              {s.source.fileName}, p. {s.source.page}
            </a>
            <span className="actions">
              <Button variant="primary" aria-label={`Accept ${s.name} as ${SUGGESTED_ROLE[s.role].toLowerCase()}`} onPress={() => void act('contacts.accept', s.id)}>
                Accept
              </Button>
              <Button variant="quiet" aria-label={`Dismiss ${s.name}`} onPress={() => void act('contacts.dismiss', s.id)}>
                Dismiss
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The case's append-only history, newest first: what was imported, corrected, exported, built, saved. */
function CaseHistory({ caseId }: { caseId: string }) {
  const history = useCall(keys.case(caseId, 'history'), 'cases.history', { caseId });
  const lines = history.data ?? [];
  return (
    <section className="case-history" aria-labelledby="case-history-heading">
      <h2 id="case-history-heading">History</h2>
      {history.error ? (
        <p role="alert" className="error">
          {history.error.message}
        </p>
      ) : history.isPending ? null : lines.length === 0 ? (
        <p className="muted">Nothing has happened to this case yet.</p>
      ) : (
        <ol className="history-list">
          {lines.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at} title={h.at}>
                {new Date(h.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>{' '}
              <span>{h.description}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function CaseInfoForm({ caseData, initial, reload, onLoadCurrent }: SectionProps & { initial: CaseDto; onLoadCurrent(): void }) {
  // What the fields were filled from: saves go to this case at this version, whatever the route says now.
  const [loaded, setLoaded] = useState<CaseDto>(initial);
  const c = loaded;
  // Versions only grow, so a newer one on the case means someone else saved it while this form was open.
  const changedElsewhere = caseData.id === loaded.id && caseData.version > loaded.version;
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string } | null>(null);
  const parent: Person = c.parents[0] ?? { name: '' };
  const contact = (role: DistrictContact['role']) => c.contacts.find((x) => x.role === role);

  async function save(form: HTMLFormElement) {
    const d = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
    const contacts: DistrictContact[] = CONTACT_ROLES.filter((r) => orNull(d[`${r.role}_name`])).map((r) => ({
      role: r.role,
      name: d[`${r.role}_name`].trim(),
      email: orNull(d[`${r.role}_email`]),
      phone: orNull(d[`${r.role}_phone`]),
      address: orNull(d[`${r.role}_address`]),
    }));
    try {
      const saved = await invoke('cases.update', {
        caseId: loaded.id,
        version: loaded.version,
        fields: {
          name: d.name,
          childName: orNull(d.childName),
          dob: orNull(d.dob),
          grade: orNull(d.grade),
          primaryDisability: orNull(d.primaryDisability),
          secondaryDisability: orNull(d.secondaryDisability),
          state: orNull(d.state),
          district: orNull(d.district),
          school: orNull(d.school),
          notes: orNull(d.notes),
          parents: orNull(d.parent_name)
            ? [{ name: d.parent_name.trim(), relationship: orNull(d.parent_relationship), email: orNull(d.parent_email), phone: orNull(d.parent_phone), address: orNull(d.parent_address) }]
            : [],
          contacts,
        },
      });
      setLoaded(saved);
      setStatus({ kind: 'ok', text: 'Saved.' });
      reload();
    } catch (e) {
      setStatus({ kind: e instanceof ApiError && e.code === 'conflict' ? 'conflict' : 'error', text: (e as Error).message });
    }
  }

  return (
    <Form
      className="case-info"
      onSubmit={(e) => {
        e.preventDefault();
        void save(e.currentTarget);
      }}
    >
      <fieldset>
        <legend>Case and child</legend>
        <Field name="name" label="Case name" value={c.name} />
        <Field name="childName" label="Child's full name" value={c.childName} />
        <div className="field-row">
          <Field name="dob" label="Date of birth" value={c.dob} type="date" />
          <Field name="grade" label="Grade" value={c.grade} />
          <Field name="state" label="State" value={c.state} />
        </div>
        <Field name="primaryDisability" label="Primary disability" value={c.primaryDisability} />
        <Field name="secondaryDisability" label="Secondary disability" value={c.secondaryDisability} />
        <Field name="district" label="District" value={c.district} />
        <Field name="school" label="School" value={c.school} />
      </fieldset>
      <fieldset>
        <legend>Parent or guardian</legend>
        <div className="field-row">
          <Field name="parent_name" label="Name" value={parent.name} />
          <Field name="parent_relationship" label="Relationship" value={parent.relationship} />
        </div>
        <div className="field-row">
          <Field name="parent_email" label="Email" value={parent.email} />
          <Field name="parent_phone" label="Phone" value={parent.phone} />
        </div>
        <Field name="parent_address" label="Address" value={parent.address} />
      </fieldset>
      <fieldset>
        <legend>District contacts</legend>
        {CONTACT_ROLES.map((r) => (
          <div className="field-row" key={r.role}>
            <Field name={`${r.role}_name`} label={r.label} value={contact(r.role)?.name} />
            <Field name={`${r.role}_email`} label={`${r.label} email`} value={contact(r.role)?.email} />
            <Field name={`${r.role}_address`} label={`${r.label} address`} value={contact(r.role)?.address} />
          </div>
        ))}
      </fieldset>
      <TextField name="notes" defaultValue={c.notes ?? ''} label="Notes" rows={4} />
      {changedElsewhere && status?.kind !== 'conflict' && (
        <p role="status" className="notice">
          These details were changed elsewhere after this form was opened; saving it now would be refused.{' '}
          <Button variant="quiet" onPress={onLoadCurrent}>
            Load the current details
          </Button>
        </p>
      )}
      {status && (
        <p role={status.kind === 'ok' ? 'status' : 'alert'} className={status.kind === 'ok' ? 'ok' : 'error'}>
          {status.text}
          {status.kind === 'conflict' && (
            <>
              {' '}
              <Button variant="quiet" onPress={onLoadCurrent}>
                Load the current details
              </Button>
            </>
          )}
        </p>
      )}
      <div className="actions">
        <Button type="submit" variant="primary">
          Save
        </Button>
        <Button
          onPress={async () => {
            await invoke(caseData.archivedAt ? 'cases.unarchive' : 'cases.archive', { caseId: caseData.id });
            reload();
          }}
        >
          {caseData.archivedAt ? 'Restore from archive' : 'Archive case'}
        </Button>
        <Button
          variant="danger"
          onPress={async () => {
            try {
              // To the trash, with an undo that brings the user back here.
              await moveCaseToTrash(caseData, () => navigate({ page: 'case', caseId: caseData.id, section: 'info', rest: [] }));
              navigate({ page: 'home' });
            } catch (e) {
              setStatus({ kind: 'error', text: (e as Error).message });
            }
          }}
        >
          Move case to trash
        </Button>
      </div>
    </Form>
  );
}
