// Import batches live outside any component so a batch keeps going (and its progress stays visible)
// while the user moves between sections. In the browser, files are uploaded one by one through the
// files.upload byte route; in the desktop app, files on disk go by path (its open dialog, or a drop
// read with webUtils.getPathForFile) and only a dropped file with no path is uploaded. Either way
// they are imported as one job whose progress arrives as job.progress events; the per-file rows are
// polled from documents.importStatus on each event and every second until the job is done.
import { useSyncExternalStore } from 'react';
import type { ImportBatchDto, ImportFileResult } from '../../../../shared/api/documents';
import { desktop, fetchFile, invoke, on } from '../../api/client';

export interface PickedFile {
  /** The file's name, as the user knows it. */
  name: string;
  /** Path inside the dropped or picked folder, when there was one. */
  relativePath: string;
  /** The bytes to upload (the browser, or a desktop drop that is not a file on disk). */
  file?: File;
  /** Where it is on disk (desktop app): imported by path, nothing uploaded. */
  path?: string;
}

export interface ImportRun {
  id: number;
  caseId: string;
  phase: 'uploading' | 'importing' | 'done';
  jobId: string | null;
  fraction: number;
  message: string;
  /** Files that never reached the importer (upload failed). */
  uploadFailures: ImportFileResult[];
  batch: ImportBatchDto | null;
  error: string | null;
  /** The picked files by source path, so one can be retried with a password. */
  files: Map<string, PickedFile>;
}

let runs: ImportRun[] = [];
let nextId = 1;
const subscribers = new Set<() => void>();

// The run object is the batch's working record; subscribers get a fresh copy so React sees a change.
function publish(run: ImportRun, patch: Partial<ImportRun>) {
  Object.assign(run, patch);
  runs = runs.map((r) => (r.id === run.id ? { ...run } : r));
  subscribers.forEach((s) => s());
}

export function useImportRuns(caseId: string): ImportRun[] {
  const all = useSyncExternalStore(
    (fn) => {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    () => runs,
  );
  return all.filter((r) => r.caseId === caseId);
}

export function dismissRun(id: number): void {
  runs = runs.filter((r) => r.id !== id);
  subscribers.forEach((s) => s());
}

async function upload(file: File): Promise<string> {
  const res = await fetchFile('files.upload', {}, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
  const body = (await res.json().catch(() => null)) as { ok: boolean; value?: { uploadId: string }; error?: { message: string } } | null;
  if (!res.ok || !body?.ok || !body.value) throw new Error(body?.error?.message ?? `upload failed (${res.status})`);
  return body.value.uploadId;
}

function sourceOf(f: PickedFile): string {
  return f.path ?? (f.relativePath || f.name);
}

/** Desktop app: picked files and folders from the main process's open dialog; [] when cancelled or in the browser. */
export async function chooseOnDisk(kind: 'files' | 'folder'): Promise<PickedFile[]> {
  const d = desktop();
  if (!d) return [];
  return (await d.choosePaths(kind)).map((p) => ({ path: p, name: p.split(/[\\/]/).pop() || p, relativePath: '' }));
}

/** Desktop app: the files of a drop (folders too) by their paths on disk; null in the browser. */
export function droppedOnDisk(files: File[]): PickedFile[] | null {
  const d = desktop();
  if (!d) return null;
  return files.map((file) => {
    const p = d.pathForFile(file);
    return p ? { path: p, name: file.name, relativePath: '' } : { file, name: file.name, relativePath: '' };
  });
}

/** Uploads the files and imports them as one batch. Resolves when the batch is done. */
export async function startImport(caseId: string, picked: PickedFile[], password?: string): Promise<void> {
  if (!picked.length) return;
  const run: ImportRun = {
    id: nextId++,
    caseId,
    phase: 'uploading',
    jobId: null,
    fraction: 0,
    message: `${picked.some((f) => f.file) ? 'Uploading' : 'Opening'} ${picked.length} ${picked.length === 1 ? 'file' : 'files'}…`,
    uploadFailures: [],
    batch: null,
    error: null,
    files: new Map(picked.map((f) => [sourceOf(f), f])),
  };
  runs = [...runs, run];
  subscribers.forEach((s) => s());

  const paths = picked.flatMap((f) => (f.path ? [f.path] : []));
  const uploads: { uploadId: string; fileName: string; relativePath: string }[] = [];
  const failures: ImportFileResult[] = [];
  for (const [i, f] of picked.entries()) {
    if (!f.file) continue;
    try {
      uploads.push({ uploadId: await upload(f.file), fileName: f.name, relativePath: sourceOf(f) });
    } catch (e) {
      failures.push({ fileName: f.name, source: sourceOf(f), status: 'failed', documentId: null, message: `${f.name}: ${(e as Error).message}`, needsPassword: false });
    }
    // Uploading is the first tenth of the bar; the importer's own fraction fills the rest.
    publish(run, { fraction: ((i + 1) / picked.length) * 0.1, uploadFailures: [...failures] });
  }
  if (!uploads.length && !paths.length) {
    publish(run, { phase: 'done', fraction: 1, message: 'Nothing could be uploaded.' });
    return;
  }

  let batch: ImportBatchDto;
  try {
    batch = await invoke('documents.import', { caseId, uploads: uploads.length ? uploads : undefined, paths: paths.length ? paths : undefined, password });
  } catch (e) {
    publish(run, { phase: 'done', error: (e as Error).message, message: 'The import could not start.' });
    return;
  }
  publish(run, { phase: batch.done ? 'done' : 'importing', jobId: batch.jobId, batch, message: 'Importing…' });
  if (batch.done) return finish(run, batch);

  await new Promise<void>((resolve) => {
    let polling = false;
    const poll = async () => {
      if (polling) return;
      polling = true;
      try {
        const b = await invoke('documents.importStatus', { jobId: batch.jobId });
        publish(run, { batch: b });
        if (b.done) {
          stop();
          finish(run, b);
          resolve();
        }
      } catch (e) {
        stop();
        publish(run, { phase: 'done', error: (e as Error).message });
        resolve();
      } finally {
        polling = false;
      }
    };
    const off = on('job.progress', (ev) => {
      if (ev.jobId !== batch.jobId) return;
      publish(run, { fraction: 0.1 + 0.9 * ev.fraction, message: ev.message, error: ev.error ?? run.error });
      void poll();
    });
    const timer = setInterval(() => void poll(), 1000);
    const stop = () => {
      off();
      clearInterval(timer);
    };
  });
}

function finish(run: ImportRun, b: ImportBatchDto) {
  const imported = b.files.filter((f) => f.status === 'imported').length;
  const failed = b.files.filter((f) => f.status === 'failed').length + run.uploadFailures.length;
  const dup = b.files.filter((f) => f.status === 'duplicate').length;
  const skipped = b.files.filter((f) => f.status === 'skipped').length;
  const parts = [`${imported} imported`, dup && `${dup} already in this case`, skipped && `${skipped} skipped`, failed && `${failed} failed`, b.cancelled && 'cancelled'].filter(Boolean);
  publish(run, { phase: 'done', fraction: 1, batch: b, message: parts.join(', ') });
}

export async function cancelImport(run: ImportRun): Promise<void> {
  if (!run.jobId) return;
  try {
    const b = await invoke('documents.cancelImport', { jobId: run.jobId });
    publish(run, { batch: b, message: 'Cancelling…' });
  } catch (e) {
    publish(run, { error: (e as Error).message });
  }
}

/** Turns the items of a drop (files and whole folders) into files with their folder paths. */
export async function filesFromDrop(items: { kind: string; name?: string; getFile?: () => Promise<File>; getEntries?: () => AsyncIterable<unknown> }[], prefix = ''): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for (const item of items) {
    if (item.kind === 'file' && item.getFile) {
      const file = await item.getFile();
      out.push({ file, name: file.name, relativePath: prefix ? `${prefix}/${file.name}` : '' });
    } else if (item.kind === 'directory' && item.getEntries) {
      const entries: typeof items = [];
      for await (const e of item.getEntries()) entries.push(e as (typeof items)[number]);
      out.push(...(await filesFromDrop(entries, prefix ? `${prefix}/${item.name}` : (item.name ?? ''))));
    }
  }
  return out;
}
