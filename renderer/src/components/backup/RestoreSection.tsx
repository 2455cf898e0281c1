// Restore from Settings: choose a backup file, type its passphrase, and the engine reads it through
// (a damaged or cut-off file is refused here, before anything changes); then a typed confirmation,
// since restoring replaces every case in the data folder, and the app reloads on the restored folder.
import { useState } from 'react';
import { FileTrigger, Form } from 'react-aria-components';
import type { BackupCheckDto } from '../../../../shared/api/app';
import { fetchFile, invoke } from '../../api/client';
import { FormDialog } from '../FormDialog';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Input';
import { counted } from '../words';

const CONFIRM_WORD = 'replace';

interface Checked {
  uploadId: string;
  passphrase: string;
  check: BackupCheckDto;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function RestoreSection() {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [typed, setTyped] = useState('');
  const [dialogError, setDialogError] = useState<string | null>(null);

  const check = async () => {
    if (!file) return setStatus('Choose a backup file first.');
    setBusy(true);
    setChecked(null);
    setStatus(`Checking “${file.name}”…`);
    try {
      const res = await fetchFile('files.backupUpload', {}, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
      const up = (await res.json()) as { ok: boolean; value?: { uploadId: string }; error?: { message: string } };
      if (!up.ok || !up.value) throw new Error(up.error?.message ?? `The upload failed (${res.status}).`);
      const result = await invoke('app.checkBackup', { uploadId: up.value.uploadId, fileName: file.name, passphrase });
      setChecked({ uploadId: up.value.uploadId, passphrase, check: result });
      setStatus(`“${result.fileName}” is a whole backup, made ${when(result.createdAt)}: ${counted(result.originals, 'original document file')}, ${counted(result.packets, 'packet file')}, ${megabytes(result.bytes)}. Every part matches its checksum.${result.otherFolder ? ' It is a backup of another data folder (another computer’s): restored here, its key is kept on this computer.' : ''}`);
    } catch (err) {
      setStatus((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (close: () => void) => {
    if (!checked) return;
    setDialogError(null);
    setBusy(true);
    try {
      const done = await invoke('app.restoreBackup', { uploadId: checked.uploadId, fileName: checked.check.fileName, passphrase: checked.passphrase });
      close();
      const key = done.otherFolder ? ' It was a backup of another data folder: its key is now kept on this computer.' : '';
      setStatus(`Restored.${key}${done.previous ? ` The data folder as it was is kept at ${done.previous}.` : ''} Reloading…`);
      window.location.hash = '#/';
      window.location.reload();
    } catch (err) {
      setDialogError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="restore-heading" className="restore">
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <h2 id="restore-heading">Restore</h2>
        <p className="muted">Puts a backup back in place of everything here. The data folder as it is now is kept beside it, renamed, never deleted.</p>
        <div className="actions">
          <FileTrigger
            acceptedFileTypes={['.casefile-backup']}
            onSelect={(list) => {
              setFile(list?.[0] ?? null);
              setChecked(null);
              setStatus(null);
            }}
          >
            <Button>Choose backup file…</Button>
          </FileTrigger>
          <span aria-live="polite">{file ? file.name : 'No file chosen'}</span>
        </div>
        <TextField type="password" value={passphrase} onChange={setPassphrase} isRequired autoComplete="off" label="Passphrase of the backup" />
        <div className="actions">
          <Button type="submit" isDisabled={busy || !file}>
            Check backup
          </Button>
        </div>
        {status && <p role="status">{status}</p>}
      </Form>
      {checked && (
        <FormDialog
          trigger={<Button variant="danger">Restore this backup…</Button>}
          title="Replace everything with this backup?"
          submitLabel="Restore"
          submitClass="danger-fill"
          submitDisabled={busy || typed.trim().toLowerCase() !== CONFIRM_WORD}
          error={dialogError}
          onOpenChange={(open) => {
            if (!open) setTyped('');
            setDialogError(null);
          }}
          onSubmit={(_form, close) => restore(close)}
        >
          <p>
            Every case, document, letter and packet in this data folder is replaced by those in “{checked.check.fileName}”, made {when(checked.check.createdAt)}. Anything done since then is no longer in the app; the folder as it is now is kept beside it, renamed.
          </p>
          <TextField value={typed} onChange={setTyped} autoFocus autoComplete="off" label={<>Type “{CONFIRM_WORD}” to confirm</>} />
        </FormDialog>
      )}
    </section>
  );
}
