// Start-up clean-up after a crash or kill -9: temp files of interrupted writes, originals no
// document refers to, and background jobs that were running (requeued so they resume).
import type { Core } from './context';

export interface RecoveryReport {
  tempFilesRemoved: number;
  orphanBlobsRemoved: number;
  jobsRequeued: number;
}

export function recoverOnStart(core: Core): RecoveryReport {
  const tempFilesRemoved = core.blobs.removeTempFiles();
  const referenced = new Set(
    core.db.prepare<[], { sha256: string }>('SELECT sha256 FROM blobs').all().map((r) => r.sha256),
  );
  let orphanBlobsRemoved = 0;
  for (const sha of core.blobs.list()) {
    if (!referenced.has(sha)) {
      core.blobs.remove(sha);
      orphanBlobsRemoved++;
    }
  }
  const jobsRequeued = core.db
    .prepare("UPDATE jobs SET status = 'queued', updated_at = ? WHERE status = 'running'")
    .run(core.nowIso()).changes;
  return { tempFilesRemoved, orphanBlobsRemoved, jobsRequeued };
}
