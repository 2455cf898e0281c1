// Start-up clean-up after a crash or kill -9: temp files of interrupted writes, originals no
// document refers to, and background jobs that were running (requeued so they resume). It runs
// under the data-folder lock, yet never deletes what a still-running importer may own: an original
// its import has claimed but not recorded yet, or a temp file it is still writing.
import type { Core } from './context';
import { blobQueries } from './db/queries/blobs';
import { jobQueries } from './db/queries/jobs';
import { lockHolderIsAlive, processIsAlive } from './lock';

export interface RecoveryReport {
  tempFilesRemoved: number;
  orphanBlobsRemoved: number;
  /** Unrecorded originals left alone because the import that stored them is still running. */
  claimedBlobsKept: number;
  jobsRequeued: number;
  /** Import batches and packet builds a restart stopped: marked interrupted, resumed by the start-up. */
  jobsInterrupted: number;
}

/** Another process, still running (this process's own leftovers date from an earlier one with its pid). */
const stillRunning = (pid: number, host?: string) => pid !== process.pid && processIsAlive(pid, host);

export function recoverOnStart(core: Core): RecoveryReport {
  const tempFilesRemoved = core.blobs.removeTempFiles((pid) => stillRunning(pid));
  const referenced = blobQueries(core.db).shas();
  const claimed = new Set<string>();
  for (const c of core.blobs.claims()) {
    // Judged as the data-folder lock is: a claim whose pid now belongs to a process started at
    // another time (the number reused), or written before the machine last started, is stale.
    if (!referenced.has(c.sha256) && c.pid !== process.pid && lockHolderIsAlive(c)) claimed.add(c.sha256);
    else core.blobs.removeClaim(c);
  }
  let orphanBlobsRemoved = 0;
  let claimedBlobsKept = 0;
  for (const sha of core.blobs.list()) {
    if (referenced.has(sha)) continue;
    if (claimed.has(sha)) {
      claimedBlobsKept++;
      continue;
    }
    core.blobs.remove(sha);
    orphanBlobsRemoved++;
  }
  const { requeued: jobsRequeued, interrupted: jobsInterrupted } = jobQueries(core.db).afterRestart(core.nowIso());
  return { tempFilesRemoved, orphanBlobsRemoved, claimedBlobsKept, jobsRequeued, jobsInterrupted };
}

/** After an import records its document: this process's claims on originals now recorded are done with. */
export function releaseRecordedClaims(core: Core): void {
  const own = core.blobs.claims().filter((c) => c.pid === process.pid);
  if (!own.length) return;
  const blobs = blobQueries(core.db);
  for (const c of own) if (blobs.has(c.sha256)) core.blobs.removeClaim(c);
}
