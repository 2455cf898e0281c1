// The cases in the trash: restore one, or empty the trash after typing the confirming words.
import { useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { Button } from '../ui/Button';
import { EMPTY_TRASH_WORDS } from '../../../../shared/api/cases';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { invalidateCase, invalidateCases, keys, useCall } from '../../api/queries';
import { ErrorText } from '../ErrorText';
import { FormDialog } from '../FormDialog';
import { showToast } from '../shell/toasts';

function EmptyTrashDialog({ count }: { count: number }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ready = typed.trim().toLowerCase() === EMPTY_TRASH_WORDS;
  return (
    <FormDialog
      trigger={<Button variant="danger">Empty trash…</Button>}
      onOpenChange={() => (setTyped(''), setError(null))}
      title="Empty the trash?"
      submitLabel="Delete for good"
      submitClass="danger-fill"
      submitDisabled={!ready}
      error={error}
      onSubmit={async (_form, close) => {
        try {
          const { purged } = await invoke('cases.emptyTrash', { confirm: typed });
          invalidateCases();
          close();
          showToast(`Deleted ${purged === 1 ? 'one case' : `${purged} cases`} for good.`);
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <p>
        {count === 1 ? 'The case in the trash' : `The ${count} cases in the trash`} and all their documents, letters and notes will be deleted for good. This cannot be
        undone.
      </p>
      <TextField value={typed} onChange={setTyped} autoFocus>
        <Label>Type “{EMPTY_TRASH_WORDS}” to confirm</Label>
        <Input autoComplete="off" />
      </TextField>
    </FormDialog>
  );
}

export function CaseTrash() {
  const trash = useCall(keys.cases('trash'), 'cases.trash', undefined);
  const [error, setError] = useState<string | null>(null);
  const list = trash.data ?? [];
  return (
    <section aria-labelledby="case-trash-heading" className="case-trash">
      <div className="page-head">
        <h2 id="case-trash-heading">Trash</h2>
        {list.length > 0 && <EmptyTrashDialog count={list.length} />}
      </div>
      <ErrorText message={error ?? (trash.error as Error | null)?.message ?? null} />
      {trash.data && list.length === 0 && <p className="muted">The trash is empty.</p>}
      {list.length > 0 && (
        <ul className="trash-list" aria-label="Cases in the trash">
          {list.map((c) => (
            <li key={c.id}>
              <span className="case-name">{c.name}</span>
              <span className="muted">{c.documentCount === 1 ? '1 document' : `${c.documentCount} documents`}</span>
              <span className="muted">{c.deletedAt ? `Deleted ${formatDisplayDate(c.deletedAt.slice(0, 10))}` : ''}</span>
              <Button
                aria-label={`Restore ${c.name}`}
                onPress={async () => {
                  try {
                    await invoke('cases.restore', { caseId: c.id });
                    invalidateCase(c.id);
                    showToast(`Restored "${c.name}".`);
                  } catch (e) {
                    setError((e as Error).message);
                  }
                }}
              >
                Restore
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
