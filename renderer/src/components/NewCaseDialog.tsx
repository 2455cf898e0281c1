import { useEffect, useState } from 'react';
import { Button } from './ui/Button';
import type { CaseDto } from '../../../shared/api/cases';
import { invoke } from '../api/client';
import { FormDialog } from './FormDialog';
import { TextField } from './ui/Input';

export function NewCaseDialog({ onCreated, defaultOpen }: { onCreated: (c: CaseDto) => void; defaultOpen?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Opened by its button, or by the address #/new (the command palette's "New case" goes there).
  const [isOpen, setOpen] = useState(!!defaultOpen);
  useEffect(() => {
    const onHash = () => window.location.hash === '#/new' && setOpen(true);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const onOpenChange = (open: boolean) => {
    setOpen(open);
    if (!open && window.location.hash === '#/new') history.replaceState(null, '', '#/');
  };
  return (
    <FormDialog
      trigger={<Button variant="primary">New case</Button>}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title="New case"
      submitLabel="Create case"
      submitDisabled={busy}
      error={error}
      onSubmit={async (form, close) => {
        const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
        setBusy(true);
        try {
          const c = await invoke('cases.create', {
            name: data.name,
            state: data.state || null,
            dob: data.dob || null,
            school: data.school || null,
            district: data.district || null,
            grade: data.grade || null,
          });
          setError(null);
          close();
          onCreated(c);
        } catch (err) {
          setError((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <TextField name="name" isRequired autoFocus maxLength={120} label="Child's name" />
      <div className="field-row">
        <TextField name="dob" type="date" label="Date of birth" />
        <TextField name="grade" maxLength={20} label="Grade" />
        <TextField name="state" maxLength={2} label="State (e.g. CA)" />
      </div>
      <TextField name="district" label="District" />
      <TextField name="school" label="School" />
    </FormDialog>
  );
}
