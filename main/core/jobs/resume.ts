// At start-up, after recovery: the import batches and packet builds a restart interrupted run
// again under their ids. A batch re-reads its files from disk (those it had imported come back as
// already in the case); a file that was only uploaded is gone with the restart and is reported so.
// A build is started again from its options.
import type { PacketOptionsArgs } from '../../../shared/api/packet';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import type { ImportJobPayload } from '../documents/batches';
import type { ImportInput } from '../documents/import';
import { interruptedJobs, liveJob, type JobRecord, type LiveJob } from './index';

export interface ResumeJobHooks {
  /** After an import's document is complete (the extraction). */
  afterDocument?: (documentId: string) => void | Promise<void>;
}

/** Starts every interrupted job again; returns them (await `promise` for each to finish). */
export async function resumeInterruptedJobs(core: Core, hooks: ResumeJobHooks = {}): Promise<LiveJob[]> {
  const resumed: LiveJob[] = [];
  for (const rec of interruptedJobs(core)) {
    try {
      if (rec.kind === 'import') await resumeImport(core, rec, hooks);
      else if (rec.kind === 'packet') {
        const { startPacketBuild } = await import('../packet/service');
        startPacketBuild(core, rec.payload as PacketOptionsArgs, rec.id);
      } else continue;
    } catch (e) {
      // The case is gone or the options no longer hold: the job stays interrupted, with why.
      console.error(`[resume] ${rec.kind} ${rec.id}:`, e);
      continue;
    }
    const job = liveJob(core, rec.id);
    if (job) resumed.push(job);
  }
  return resumed;
}

async function resumeImport(core: Core, rec: JobRecord, hooks: ResumeJobHooks): Promise<void> {
  const [{ inputsFromPaths }, { startImportBatch }] = await Promise.all([import('../documents/import'), import('../documents/batches')]);
  const inputs: ImportInput[] = (rec.payload as ImportJobPayload).files.flatMap((f): ImportInput[] =>
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
