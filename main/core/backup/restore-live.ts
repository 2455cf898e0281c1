// Restore from Settings, in the running app: the backup file comes over a byte route and waits in
// the staging folder as it is (it is sealed under its own passphrase), is read through and checked,
// then unpacked and checked beside the data folder; only then does the engine close the folder, swap
// it for the restored one (the folder as it was is kept beside, renamed) and open it again. A
// restored folder that does not open puts the previous one back. A case archive imported from
// Settings comes the same way (the same container) and goes to archive.ts.
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ArchiveImportDto, BackupCheckDto, RestoreDoneDto } from '../../../shared/api/app';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { stagingDir } from '../documents/uploads';
import { liveJobs } from '../jobs';
import { importCaseArchive, type ExistingCaseChoice } from './archive';
import { addWrapper } from '../vault/unlock';
import type { KeyWrapper } from '../vault/vault';
import { checkBackup, prepareRestore, type RestoreSummary } from './backup';

/** A backup can be far larger than a document; this only keeps a runaway upload from filling the disk. */
export const MAX_BACKUP_UPLOAD_BYTES = 256 * 1024 ** 3;

const stagedPath = (core: Core, uploadId: string) => {
  if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw new AppError('bad_request', `Not an upload id: ${uploadId}`);
  return path.join(stagingDir(core.dataDir), `${uploadId}.casefile-backup`);
};

/** Streams an uploaded backup to the staging folder, byte for byte (never whole in memory). */
export async function stageBackupUpload(core: Core, body: AsyncIterable<Uint8Array> | null, declaredLength: number): Promise<{ uploadId: string; size: number }> {
  const tooLarge = () => new AppError('too_large', `The backup is over ${MAX_BACKUP_UPLOAD_BYTES / 1024 ** 3} GB.`);
  if (declaredLength > MAX_BACKUP_UPLOAD_BYTES) throw tooLarge();
  mkdirSync(stagingDir(core.dataDir), { recursive: true, mode: 0o700 });
  const uploadId = randomUUID();
  const file = stagedPath(core, uploadId);
  const fd = openSync(file, 'w', 0o600);
  let size = 0;
  try {
    for await (const chunk of body ?? []) {
      size += chunk.byteLength;
      if (size > MAX_BACKUP_UPLOAD_BYTES) throw tooLarge();
      for (let off = 0; off < chunk.byteLength; ) off += writeSync(fd, chunk, off, chunk.byteLength - off);
    }
    closeSync(fd);
    return { uploadId, size };
  } catch (e) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw e;
  }
}

export interface StagedBackupArgs {
  uploadId: string;
  fileName: string;
  passphrase: string;
}

/** The core's messages name the staged file; the person chose `fileName`. */
function named<T>(file: string, fileName: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError) {
      let message = e.message.split(file).join(`“${fileName}”`);
      if (e.code === 'unauthorized' && message.includes('CASEFILE_KEY is not the key of the data folder being restored')) message = `“${fileName}” is a backup of another data folder, with its own key, and this browser host was started with CASEFILE_KEY, which holds only this folder's key. Restart \`casefile serve\` with CASEFILE_PASSPHRASE set (or without CASEFILE_KEY, where the OS keychain holds the key) to restore it here, or stop it and run \`casefile restore FILE --replace\`.`;
      throw new AppError(e.code, message, e.details);
    }
    throw e;
  }
}

function stagedBackup(core: Core, uploadId: string, fileName: string): string {
  const file = stagedPath(core, uploadId);
  if (!existsSync(file)) throw new AppError('not_found', `“${fileName}” is no longer waiting here (the app was restarted); choose it again.`);
  return file;
}

/** Reads the uploaded backup through, checking every part; a damaged one is refused (and removed). */
export function checkStagedBackup(core: Core, args: StagedBackupArgs): BackupCheckDto {
  const file = stagedBackup(core, args.uploadId, args.fileName);
  try {
    return { fileName: args.fileName, ...named(file, args.fileName, () => checkBackup(file, args.passphrase, core.dataDir)) };
  } catch (e) {
    // A wrong passphrase may be typed again; a damaged file is of no more use.
    if (!(e instanceof AppError && e.code === 'unauthorized')) rmSync(file, { force: true });
    throw e;
  }
}

/**
 * Imports an uploaded case archive. Where the folder has the case and no mode is given, 'conflict'
 * (the upload stays for the call that chooses merge or copy).
 */
export function importStagedArchive(core: Core, args: StagedBackupArgs & { mode?: ExistingCaseChoice }): ArchiveImportDto {
  const file = stagedBackup(core, args.uploadId, args.fileName);
  const r = named(file, args.fileName, () => importCaseArchive(core, file, args.passphrase, { mode: args.mode, fileName: args.fileName }));
  rmSync(file, { force: true });
  return { caseId: r.caseId, mode: r.mode, documents: r.documents, ...(r.merged ? { documentsAdded: r.merged.documentsAdded, documentsKept: r.merged.documentsKept } : {}) };
}

/** How the desktop engine gets a restored folder's key held on this machine (its main process has the OS keychain). */
export interface RestoredKeyHolder {
  /** Wraps the key so that this machine keeps it (the main process, with safeStorage): the restored folder's way in. */
  hold(master: Buffer): Promise<KeyWrapper>;
  /** The engine opens its folder with this key from now on; returns the undo (the folder as it was goes back). */
  use(master: Buffer): () => void;
}

/** What the running engine lends a restore. */
export interface LiveRestoreContext {
  /** The engine's reopen: closes the folder, runs the swap, opens it again. */
  reopen?: (between: () => void) => Promise<void>;
  /** The desktop app: a backup of another data folder has its key kept by the main process. */
  keyHolder?: RestoredKeyHolder;
}

/**
 * Replaces the running engine's data folder with the uploaded backup. The backup is unpacked and
 * checked beside the folder; a backup of another data folder (another computer's) then gets its key
 * held here (the desktop: wrapped by the main process with safeStorage, written to the restored
 * folder's vault.json; the browser host: its keychain or CASEFILE_PASSPHRASE) before anything is
 * swapped. Only then does the engine close, swap (journaled: swap.ts) and open the restored folder.
 */
export async function restoreStagedBackup(core: Core, ctx: LiveRestoreContext, args: StagedBackupArgs, opts: { now?: () => Date; onStep?: (step: string) => void } = {}): Promise<RestoreDoneDto> {
  const { reopen, keyHolder } = ctx;
  const now = opts.now ?? (() => new Date());
  if (!reopen) throw new AppError('conflict', 'Restore a backup here with `casefile restore FILE --replace`.');
  const file = stagedBackup(core, args.uploadId, args.fileName);
  if (liveJobs(core).some((j) => !j.done)) throw new AppError('conflict', 'An import or a packet build is still running; restore when it has finished.');
  const dataDir = core.dataDir;
  // A running engine never asks at a terminal (the browser host's may have one): the key source only.
  const prepared = named(file, args.fileName, () => prepareRestore(file, dataDir, args.passphrase, { replace: true, now, keyLater: !!keyHolder, keySource: { prompt: false }, onStep: opts.onStep }));
  rmSync(file, { force: true });
  const otherFolder = !prepared.sameKey;
  try {
    if (otherFolder && keyHolder) {
      addWrapper(prepared.work, prepared.master, await keyHolder.hold(prepared.master));
      opts.onStep?.('key-held');
    }
  } catch (e) {
    prepared.discard();
    throw e;
  }
  let summary: RestoreSummary | null = null;
  let undoKey: (() => void) | null = null;
  try {
    await reopen(() => {
      summary = prepared.commit();
      if (otherFolder && keyHolder) undoKey = keyHolder.use(prepared.master);
    });
  } catch (e) {
    prepared.discard();
    const done = summary as RestoreSummary | null;
    if (done?.previous) {
      // The restored folder did not open here: the previous folder goes back, the restored one is kept aside.
      const previous = done.previous;
      await reopen(() => {
        (undoKey as (() => void) | null)?.();
        renameSync(dataDir, `${dataDir}.failed-restore-${now().toISOString().replace(/[:.]/g, '-')}`);
        renameSync(previous, dataDir);
      });
      throw new AppError('internal', `The restored data folder did not open (${(e as Error).message}); the folder as it was is back in place.`);
    }
    throw e;
  }
  const done = summary as unknown as RestoreSummary;
  return { originals: done.originals, packets: done.packets, previous: done.previous, otherFolder };
}
