import { useState } from 'react';
import { Button, Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import type { DistrictContact, Person } from '../../../shared/api/cases';
import { invoke } from '../api/client';
import { navigate } from '../router';
import type { SectionProps } from './sections';

const CONTACT_ROLES: { role: DistrictContact['role']; label: string }[] = [
  { role: 'case_manager', label: 'Case manager' },
  { role: 'sped_director', label: 'Special-education director' },
  { role: 'principal', label: 'Principal' },
];

function Field({ name, label, value, type }: { name: string; label: string; value: string | null | undefined; type?: string }) {
  return (
    <TextField name={name} defaultValue={value ?? ''} type={type}>
      <Label>{label}</Label>
      <Input />
    </TextField>
  );
}

export function CaseInfoSection({ caseData: c, reload }: SectionProps) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
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
      if (d.name.trim() !== c.name) await invoke('cases.rename', { caseId: c.id, name: d.name });
      await invoke('cases.update', {
        caseId: c.id,
        fields: {
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
      setStatus({ kind: 'ok', text: 'Saved.' });
      reload();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
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
      <TextField name="notes" defaultValue={c.notes ?? ''}>
        <Label>Notes</Label>
        <TextArea rows={4} />
      </TextField>
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'ok'}>
          {status.text}
        </p>
      )}
      <div className="actions">
        <Button type="submit" className="primary">
          Save
        </Button>
        <Button
          onPress={async () => {
            await invoke(c.archivedAt ? 'cases.unarchive' : 'cases.archive', { caseId: c.id });
            reload();
          }}
        >
          {c.archivedAt ? 'Restore from archive' : 'Archive case'}
        </Button>
        <Button
          className="danger"
          onPress={async () => {
            if (!window.confirm(`Delete the case "${c.name}" and all its records? Archive it instead to keep them.`)) return;
            await invoke('cases.delete', { caseId: c.id });
            navigate({ page: 'home' });
          }}
        >
          Delete case…
        </Button>
      </div>
    </Form>
  );
}
