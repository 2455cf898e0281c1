// Import a case archive (a .casefile from `casefile archive export` on another machine): choose the
// file, type its passphrase, import. Where this data folder has the case already, the person chooses:
// merge it in (what is missing is added, nothing here changes) or import a copy beside it.
import { useState } from 'react';
import { FileTrigger, Form, Link } from 'react-aria-components';
import type { ArchiveImportDto } from '../../../../shared/api/app';
import { ApiError, fetchFile, invoke } from '../../api/client';
import { href } from '../../router';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Input';
import { Radio, RadioGroup } from '../ui/Radio';
import { counted } from '../words';

type Choice = 'merge' | 'copy';

export function ArchiveImportSection() {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [done, setDone] = useState<ArchiveImportDto | null>(null);
  // Set when the case is here already: the staged upload waits for the choice.
  const [pending, setPending] = useState<{ uploadId: string; fileName: string } | null>(null);
  const [choice, setChoice] = useState<Choice>('merge');

  const run = async () => {
    if (!file) return setStatus('Choose a case archive first.');
    setBusy(true);
    setDone(null);
    setStatus(`Importing “${file.name}”…`);
    try {
      let staged = pending;
      if (!staged) {
        const res = await fetchFile('files.backupUpload', {}, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
        const up = (await res.json()) as { ok: boolean; value?: { uploadId: string }; error?: { message: string } };
        if (!up.ok || !up.value) throw new Error(up.error?.message ?? `The upload failed (${res.status}).`);
        staged = { uploadId: up.value.uploadId, fileName: file.name };
      }
      try {
        const r = await invoke('app.importArchive', { ...staged, passphrase, ...(pending ? { mode: choice } : {}) });
        setPending(null);
        setDone(r);
        setStatus(
          r.mode === 'merge'
            ? `Merged “${staged.fileName}” into the case: ${counted(r.documentsAdded ?? 0, 'document')} added, ${r.documentsKept} already here. Nothing that was here changed.`
            : `Imported “${staged.fileName}”${r.mode === 'copy' ? ' as a copy beside the case' : ''}: ${counted(r.documents, 'document')}.`,
        );
      } catch (err) {
        if (err instanceof ApiError && err.code === 'conflict' && !pending) {
          setPending(staged);
          setStatus('This data folder has that case already. Choose how to import it, then Import again.');
        } else throw err;
      }
    } catch (err) {
      setPending(null);
      setStatus((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="archive-import-heading" className="archive-import">
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2 id="archive-import-heading">Import a case archive</h2>
        <p className="muted">A case moved from another computer (a .casefile file from `casefile archive export`), with its documents, corrections, events, letters and history.</p>
        <div className="actions">
          <FileTrigger
            acceptedFileTypes={['.casefile']}
            onSelect={(list) => {
              setFile(list?.[0] ?? null);
              setPending(null);
              setDone(null);
              setStatus(null);
            }}
          >
            <Button>Choose case archive…</Button>
          </FileTrigger>
          <span aria-live="polite">{file ? file.name : 'No file chosen'}</span>
        </div>
        <TextField type="password" value={passphrase} onChange={setPassphrase} isRequired autoComplete="off" label="Passphrase of the archive" />
        {pending && (
          <RadioGroup value={choice} onChange={(v) => setChoice(v as Choice)} label="This case is here already">
            <Radio value="merge">Merge into it: add what is missing, change nothing here</Radio>
            <Radio value="copy">Import a copy beside it</Radio>
          </RadioGroup>
        )}
        <div className="actions">
          <Button type="submit" isDisabled={busy || !file}>
            Import
          </Button>
        </div>
        {status && <p role="status">{status}</p>}
        {done && <Link href={href({ page: 'case', caseId: done.caseId, section: 'overview', rest: [] })}>Open the case</Link>}
      </Form>
    </section>
  );
}
