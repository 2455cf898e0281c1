// Import controls (file and folder pickers) and the progress of each batch: one bar for the batch,
// a row per file with its status, errors naming the file, and a password field for locked PDFs.
import { useState } from 'react';
import { FileTrigger, Input, Label, ProgressBar, TextField } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import type { ImportFileResult } from '../../../../shared/api/documents';
import { desktop } from '../../api/client';
import { cancelImport, chooseOnDisk, dismissRun, startImport, useImportRuns, type ImportRun, type PickedFile } from './importStore';

const STATUS_LABELS: Record<ImportFileResult['status'], string> = {
  queued: 'Waiting',
  reading: 'Reading',
  ocr: 'Recognising text',
  imported: 'Imported',
  duplicate: 'Already in this case',
  skipped: 'Skipped (link not followed)',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function pickedFromList(list: FileList | null): PickedFile[] {
  return Array.from(list ?? []).map((file) => ({ file, name: file.name, relativePath: file.webkitRelativePath || '' }));
}

export function ImportButtons({ caseId }: { caseId: string }) {
  // The desktop app asks its main process's open dialog, so a folder is imported by path as a folder.
  if (desktop()) {
    const pick = (kind: 'files' | 'folder') => void chooseOnDisk(kind).then((picked) => startImport(caseId, picked));
    return (
      <div className="import-buttons">
        <Button variant="primary" onPress={() => pick('files')}>
          Add files…
        </Button>
        <Button onPress={() => pick('folder')}>Add a folder…</Button>
      </div>
    );
  }
  return (
    <div className="import-buttons">
      <FileTrigger allowsMultiple onSelect={(l) => void startImport(caseId, pickedFromList(l))}>
        <Button variant="primary">Add files…</Button>
      </FileTrigger>
      <FileTrigger acceptDirectory onSelect={(l) => void startImport(caseId, pickedFromList(l))}>
        <Button>Add a folder…</Button>
      </FileTrigger>
    </div>
  );
}

function PasswordRetry({ run, row }: { run: ImportRun; row: ImportFileResult }) {
  const [password, setPassword] = useState('');
  // A file imported from a folder by path is known by its own path.
  const file = run.files.get(row.source) ?? [...run.files.values()].find((f) => f.name === row.fileName) ?? (desktop() ? { path: row.source, name: row.fileName, relativePath: '' } : undefined);
  if (!file) return null;
  return (
    <form
      className="password-retry"
      onSubmit={(e) => {
        e.preventDefault();
        if (password) void startImport(run.caseId, [file], password);
      }}
    >
      <TextField type="password" value={password} onChange={setPassword} autoComplete="off">
        <Label>Password for {row.fileName}</Label>
        <Input />
      </TextField>
      <Button type="submit" isDisabled={!password}>
        Open with password
      </Button>
    </form>
  );
}

function RunView({ run }: { run: ImportRun }) {
  const rows = [...run.uploadFailures, ...(run.batch?.files ?? [])];
  const total = run.files.size;
  const finished = rows.filter((r) => !['queued', 'reading', 'ocr'].includes(r.status)).length;
  const failed = rows.filter((r) => r.status === 'failed');
  return (
    <section className="import-run" aria-label={`Import of ${total} ${total === 1 ? 'file' : 'files'}`}>
      <div className="import-head">
        <ProgressBar value={run.fraction * 100} className="progress" aria-label={`Import of ${total} ${total === 1 ? 'file' : 'files'}`} valueLabel={run.message}>
          {({ percentage, valueText }) => (
            <>
              <div className="progress-label">
                <span>{run.phase === 'done' ? 'Import finished' : `Importing ${finished} of ${total}`}</span>
                <span className="muted">{valueText}</span>
              </div>
              <div className="progress-track">
                <div className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
              </div>
            </>
          )}
        </ProgressBar>
        {run.phase !== 'done' ? (
          <Button onPress={() => void cancelImport(run)} isDisabled={!run.jobId}>
            Cancel
          </Button>
        ) : (
          <Button onPress={() => dismissRun(run.id)} aria-label="Dismiss import summary">
            Dismiss
          </Button>
        )}
      </div>
      {run.error && (
        <p role="alert" className="error">
          {run.error}
        </p>
      )}
      {failed.length > 0 && (
        <div role="alert" className="import-errors">
          {failed.map((f) => (
            <p key={f.source} className="error">
              {f.message?.includes(f.fileName) ? f.message : `${f.fileName}: ${f.message ?? 'could not be imported'}`}
            </p>
          ))}
        </div>
      )}
      <ul className="import-files" aria-label="Files in this import">
        {rows.map((r) => (
          <li key={r.source} className={`import-file status-${r.status}`}>
            <span className="file-name">{r.source}</span>
            <span className="file-status">{STATUS_LABELS[r.status]}</span>
            {r.status === 'skipped' && r.message && <span className="file-note muted">{r.message}</span>}
            {r.needsPassword && <PasswordRetry run={run} row={r} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ImportProgress({ caseId }: { caseId: string }) {
  const runs = useImportRuns(caseId);
  if (!runs.length) return null;
  return (
    <div className="imports">
      {runs.map((r) => (
        <RunView key={r.id} run={r} />
      ))}
    </div>
  );
}
