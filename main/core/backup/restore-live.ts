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
      if (e.code === 'unauthorized' && message.includes('CASEFILE_KEY')) message = `“${fileName}” is a backup of another data folder, with its own key, and this app opens only its own folder's key. Close IEP Casefile and restore it with \`casefile restore FILE --replace\`.`;
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
    return { fileName: args.fileName, ...named(file, args.fileName, () => checkBackup(file, args.passphrase)) };
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

/**
 * Replaces the running engine's data folder with the uploaded backup. `reopen` is the engine's: it
 * closes the folder, runs the swap and opens the restored folder.
 */
export async function restoreStagedBackup(core: Core, reopen: ((between: () => void) => Promise<void>) | undefined, args: StagedBackupArgs, now: () => Date = () => new Date()): Promise<RestoreDoneDto> {
  if (!reopen) throw new AppError('conflict', 'Restore a backup here with `casefile restore FILE --replace`.');
  const file = stagedBackup(core, args.uploadId, args.fileName);
  if (liveJobs(core).some((j) => !j.done)) throw new AppError('conflict', 'An import or a packet build is still running; restore when it has finished.');
  const dataDir = core.dataDir;
  const prepared = named(file, args.fileName, () => prepareRestore(file, dataDir, args.passphrase, { replace: true, now }));
  rmSync(file, { force: true });
  let summary: RestoreSummary | null = null;
  try {
    await reopen(() => {
      summary = prepared.commit();
    });
  } catch (e) {
    prepared.discard();
    const done = summary as RestoreSummary | null;
    if (done?.previous) {
      // The restored folder did not open here: the previous folder goes back, the restored one is kept aside.
      const previous = done.previous;
      await reopen(() => {
        renameSync(dataDir, `${dataDir}.failed-restore-${now().toISOString().replace(/[:.]/g, '-')}`);
        renameSync(previous, dataDir);
      });
      throw new AppError('internal', `The restored data folder did not open (${(e as Error).message}); the folder as it was is back in place.`);
    }
    throw e;
  }
  const done = summary as unknown as RestoreSummary;
  return { originals: done.originals, packets: done.packets, previous: done.previous };
}
