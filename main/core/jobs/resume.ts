// At start-up, after recovery: the import batches and packet builds a restart interrupted run
// again under their ids. A batch re-reads its files from disk (those it had imported come back as
// already in the case); a file that was only uploaded is gone with the restart and is reported so.
// A build is started again from its options.
// Each job gets one attempt: one that cannot start again (its case gone, its options no longer
// valid, none of its files left) or that a restart stops again after being resumed is marked
// failed with the reason, for the user to see (jobs.list), and never retried at a later start.
import { existsSync } from 'node:fs';
import { packetOptionsSchema } from '../../../shared/api/packet';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { jobQueries } from '../db/queries/jobs';
import type { ImportJobPayload } from '../documents/batches';
import type { ImportInput } from '../documents/import';
import { interruptedJobs, liveJob, type JobRecord, type LiveJob } from './index';

/** How many times the start-up resumed a row (kept in its payload). */
function resumeAttempts(rec: JobRecord): number {
  const n = (rec.payload as { resumeAttempts?: unknown } | null)?.resumeAttempts;
  return typeof n === 'number' ? n : 0;
}

/** The payload without the attempt count, as the job's own code expects it. */
function ownPayload(rec: JobRecord): unknown {
  const { resumeAttempts: _n, ...rest } = rec.payload as Record<string, unknown>;
  return rest;
}

export interface ResumeJobHooks {
  /** After an import's document is complete (the extraction). */
  afterDocument?: (documentId: string) => void | Promise<void>;
}

/** Starts every interrupted job again; returns them (await `promise` for each to finish). */
export async function resumeInterruptedJobs(core: Core, hooks: ResumeJobHooks = {}): Promise<LiveJob[]> {
  const resumed: LiveJob[] = [];
  const q = jobQueries(core.db);
  for (const rec of interruptedJobs(core)) {
    if (rec.kind !== 'import' && rec.kind !== 'packet') continue;
    const attempts = resumeAttempts(rec);
    if (attempts >= 1) {
      q.setStatus(rec.id, 'failed', core.nowIso(), 'The app stopped again while this was being resumed; it is not tried a third time. Start it again.');
      continue;
    }
    try {
      if (rec.kind === 'import') await resumeImport(core, rec, hooks);
      else {
        const parsed = packetOptionsSchema().safeParse(ownPayload(rec));
        if (!parsed.success) throw new AppError('bad_request', `The packet's options are no longer valid (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}).`);
        const { startPacketBuild } = await import('../packet/service');
        startPacketBuild(core, parsed.data, rec.id);
      }
    } catch (e) {
      // The case is gone, the options no longer hold or the files are gone: failed, with why, once.
      q.setStatus(rec.id, 'failed', core.nowIso(), e instanceof Error ? e.message : String(e));
      continue;
    }
    const job = liveJob(core, rec.id);
    if (!job) continue;
    job.resumed = true;
    job.startedAt = rec.createdAt;
    if (!job.done) q.setResumeAttempts(rec.id, attempts + 1);
    resumed.push(job);
  }
  return resumed;
}

async function resumeImport(core: Core, rec: JobRecord, hooks: ResumeJobHooks): Promise<void> {
  const [{ inputsFromPaths }, { startImportBatch }] = await Promise.all([import('../documents/import'), import('../documents/batches')]);
  const files = (rec.payload as ImportJobPayload).files;
  if (!files.some((f) => f.path && existsSync(f.path))) {
    const names = files.map((f) => f.fileName);
    throw new AppError('not_found', `None of the ${names.length} file(s) of this import can be read any more (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}): add them again.`);
  }
  const inputs: ImportInput[] = files.flatMap((f): ImportInput[] =>
    f.path
      ? inputsFromPaths([f.path])
      : [
          {
            fileName: f.fileName,
            source: f.source,
            read: () => {
              throw new AppError('not_found', `${f.fileName}: the app stopped before this upload was imported, and the upload is gone; add the file again.`);
            },
          },
        ],
  );
  startImportBatch(core, rec.caseId, inputs, { jobId: rec.id, afterDocument: hooks.afterDocument });
}
