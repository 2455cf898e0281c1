// Settings › Forms (issue 18): the form families documents fall into, across every case, and what
// corrections taught each one: the learned anchors (field, where it is read, documents filled, when
// and from which correction), with rename, disable and delete. Route: #/settings/forms[/FAMILY]
import { useEffect, useState } from 'react';
import { Switch } from 'react-aria-components';
import type { FormAnchorDto, FormFamilyDto } from '../../../../shared/api/forms';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { invalidateForms, useFormFamilies } from '../../api/queries';
import { ErrorText } from '../../components/ErrorText';
import { FormDialog } from '../../components/FormDialog';
import { showToast } from '../../components/shell/toasts';
import { Button } from '../../components/ui/Button';
import { TextField } from '../../components/ui/Input';
import { Table } from '../../components/ui/Table';
import { href } from '../../router';
import { fieldLabel } from '../review/fields';
import { familyCounts } from './FormFamilyTag';
// The feature's styles (the form tag and the apply offer in Review too): bundled with the app's.
import './forms.css';

function RenameDialog({ family }: { family: FormFamilyDto }) {
  const [name, setName] = useState(family.name);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormDialog
      trigger={<Button aria-label={`Rename ${family.name}`}>Rename…</Button>}
      onOpenChange={() => (setName(family.name), setError(null))}
      title="Rename this form"
      submitLabel="Rename"
      submitDisabled={!name.trim()}
      error={error}
      onSubmit={async (_form, close) => {
        try {
          await invoke('forms.rename', { familyId: family.id, name: name.trim() });
          invalidateForms();
          close();
        } catch (e) {
          setError((e as Error).message);
        }
      }}
    >
      <TextField value={name} onChange={setName} autoFocus label="Form name" />
    </FormDialog>
  );
}

function DeleteAnchorDialog({ anchor }: { anchor: FormAnchorDto }) {
  const [error, setError] = useState<string | null>(null);
  const what = fieldLabel(anchor.entity, anchor.field);
  return (
    <FormDialog
      trigger={
        <Button variant="danger" aria-label={`Delete what was learned for ${what}`}>
          Delete…
        </Button>
      }
      onOpenChange={() => setError(null)}
      title="Delete what was learned?"
      submitLabel="Delete"
      submitClass="danger-fill"
      error={error}
      onSubmit={async (_form, close) => {
        try {
          const r = await invoke('forms.delete', { anchorId: anchor.id });
          invalidateForms();
          close();
          showToast(`Deleted the anchor for ${what} and the ${r.valuesRemoved} ${r.valuesRemoved === 1 ? 'value' : 'values'} it filled.`);
        } catch (e) {
          setError((e as Error).message);
        }
      }}
    >
      <p>
        The anchor for {what} ({anchor.description}) and the values it filled on {anchor.documentsFilled} {anchor.documentsFilled === 1 ? 'document' : 'documents'} will be removed. Your own
        corrections, and values you confirmed, stay.
      </p>
    </FormDialog>
  );
}

function AnchorRow({ anchor }: { anchor: FormAnchorDto }) {
  const [error, setError] = useState<string | null>(null);
  const what = fieldLabel(anchor.entity, anchor.field);
  return (
    <tr className={anchor.enabled ? undefined : 'disabled'}>
      <th scope="row">{what}</th>
      <td>{anchor.description}</td>
      <td className="num">{anchor.documentsFilled}</td>
      <td>
        {formatDisplayDate(anchor.createdAt.slice(0, 10))}, from your correction on {anchor.from.fileName}, p. {anchor.from.page}
        {!anchor.applied && <span className="muted"> · not applied yet</span>}
      </td>
      <td className="anchor-actions">
        <Switch
          isSelected={anchor.enabled}
          aria-label={`Use the anchor for ${what}`}
          onChange={async (on) => {
            try {
              await invoke('forms.disable', { anchorId: anchor.id, disabled: !on });
              invalidateForms();
              setError(null);
            } catch (e) {
              setError((e as Error).message);
            }
          }}
        >
          <span className="switch-track" aria-hidden="true" />
          {anchor.enabled ? 'In use' : 'Disabled'}
        </Switch>
        <DeleteAnchorDialog anchor={anchor} />
        <ErrorText message={error} />
      </td>
    </tr>
  );
}

function FamilySection({ family, focused }: { family: FormFamilyDto; focused: boolean }) {
  const headingId = `form-family-${family.id}`;
  return (
    <section className={`form-family-card${focused ? ' focused' : ''}`} aria-labelledby={headingId} id={`family-${family.id}`} tabIndex={-1}>
      <div className="form-family-head">
        <h2 id={headingId}>{family.name}</h2>
        <span className="muted">{familyCounts(family)}</span>
        <span className="spacer" />
        <RenameDialog family={family} />
      </div>
      {family.anchors.length === 0 ? (
        <p className="muted">Nothing learned yet. Correct a value on one of its documents in Review to teach it.</p>
      ) : (
        <Table className="anchors-table" caption={<>What was learned on {family.name}</>}>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Anchor</th>
              <th scope="col">Documents filled</th>
              <th scope="col">Learned</th>
              <th scope="col">Use</th>
            </tr>
          </thead>
          <tbody>
            {family.anchors.map((a) => (
              <AnchorRow key={a.id} anchor={a} />
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

export function FormsPage({ familyId }: { familyId?: string }) {
  const q = useFormFamilies();
  const families = q.data ?? null;
  // A family alone with nothing learned is every one-off document: listed only on request.
  const [showAll, setShowAll] = useState(false);
  const shown = families?.filter((f) => showAll || f.id === familyId || f.documentCount > 1 || f.anchors.length > 0) ?? [];
  const hidden = (families?.length ?? 0) - shown.length;

  // Arriving from a document's form tag brings its family into view.
  const ready = !!families;
  useEffect(() => {
    if (!ready || !familyId) return;
    const el = document.getElementById(`family-${familyId}`);
    el?.scrollIntoView({ block: 'start' });
    el?.focus();
  }, [ready, familyId]);

  return (
    <section className="page forms-page" aria-labelledby="forms-heading">
      <p>
        <a href={href({ page: 'settings' })}>← Settings</a>
      </p>
      <h1 id="forms-heading">Forms</h1>
      <p className="muted">
        Documents laid out alike (the same title, header, labels and tables) make a form. When you correct a value in Review, the app learns where it sits on the form and offers to read it on the
        form’s other documents, in every case. What it learned is listed here.
      </p>
      <ErrorText message={q.error?.message ?? null} />
      {!families && !q.error && <p aria-busy="true">Loading…</p>}
      {families && shown.length === 0 && <p className="empty">No form has more than one document yet. Import a family’s documents and correct a value in Review to teach its form.</p>}
      {shown.map((f) => (
        <FamilySection key={f.id} family={f} focused={f.id === familyId} />
      ))}
      {hidden > 0 && (
        <Button variant="quiet" onPress={() => setShowAll(true)}>
          Show {hidden} {hidden === 1 ? 'form' : 'forms'} with a single document
        </Button>
      )}
    </section>
  );
}
