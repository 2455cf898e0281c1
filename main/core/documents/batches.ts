// An import batch: files imported one by one, then their OCR, with one progress figure for the
// batch, per-file status, and cancel. The batch is a job (core/jobs): a batch of files on disk is kept
// in the jobs table while it runs, so one a restart interrupted is resumed at the next start.
import type { ImportBatchDto, ImportFileResult } from '../../../shared/api/documents';
import type { Core } from '../context';
import { cancelJob, liveJob, startJob, type JobContext, type LiveJob } from '../jobs';
import { importOne, type ImportInput, type ImportOutcome } from './import';

export interface BatchHooks {
  /** After a document is complete (text layer at once, OCR documents after their OCR). */
  afterDocument?: (documentId: string) => void | Promise<void>;
}

/** What resuming an interrupted batch needs: each input's name, where it came from and, for a file on disk, its path. */
export interface ImportJobPayload {
  files: { fileName: string; source: string; path: string | null }[];
}

/** The dto row of an outcome: `needsOcr` is the batch's to act on, not part of the answer. */
function row(o: ImportOutcome): ImportFileResult {
  const { needsOcr: _needsOcr, ...r } = o;
  return r;
}

export function startImportBatch(core: Core, caseId: string, inputs: ImportInput[], opts: { password?: string; jobId?: string } & BatchHooks = {}): ImportBatchDto {
  const payload: ImportJobPayload = { files: inputs.map((i) => ({ fileName: i.fileName, source: i.source, path: i.path ?? null })) };
  return startJob<ImportBatchDto>(core, {
    kind: 'import',
    caseId,
    id: opts.jobId,
    dto: (jobId) => ({
      jobId,
      caseId,
      done: false,
      cancelled: false,
      files: inputs.map((i) => ({ fileName: i.fileName, source: i.source, status: 'queued', documentId: null, message: null })),
    }),
    resumable: payload,
    run: (ctx) => runBatch(core, caseId, inputs, opts, ctx),
  }).dto;
}

async function runBatch(core: Core, caseId: string, inputs: ImportInput[], opts: { password?: string } & BatchHooks, ctx: JobContext<ImportBatchDto>): Promise<ImportBatchDto> {
  const { dto, controller } = ctx.job;
  const emit = (fraction: number, message: string, done = false) => ctx.progress(fraction, message, { done });

  // The hook (extraction) failing for one document is that document's failure, never the batch's:
  // the document stays in the case, its row says what was not read, and the next file goes on.
  const afterDocument = async (row: ImportFileResult | undefined, documentId: string) => {
    try {
      await opts.afterDocument?.(documentId);
    } catch (e) {
      const name = row?.fileName ?? 'A document';
      console.error(`[import] ${name}: after import:`, e);
      if (!row) return;
      row.status = 'failed';
      row.message = `${name}: imported and kept in the case, but reading its goals, services and dates failed (${(e as Error).message}).`;
    }
  };

  const run = async (): Promise<ImportBatchDto> => {
    const total = inputs.length;
    let offset = 0; // rows added so far by archives and emails that became several documents
    const ocrDocs = new Set<string>();
    // Reading and recording counts for the first 30 % of the bar, OCR for the rest.
    for (let i = 0; i < total; i++) {
      const input = inputs[i];
      let results: ImportOutcome[];
      try {
        results = await importOne(core, caseId, input, {
          password: opts.password,
          signal: controller.signal,
          onStatus: (r) => {
            dto.files[i + offset] = row(r);
            emit((0.3 * i) / Math.max(1, total), `${r.fileName}: ${r.status}`);
          },
        });
      } catch (e) {
        // importOne reports a bad file in its result; an exception is a fault, still this file's alone.
        console.error(`[import] ${input.fileName}:`, e);
        results = [{ fileName: input.fileName, source: input.source, status: 'failed', documentId: null, message: `${input.fileName}: could not be imported (${(e as Error).message}).` }];
      }
      // An archive or an email becomes several results: the first replaces the input's row.
      const rows = results.map(row);
      dto.files.splice(i + offset, 1, ...rows);
      offset += results.length - 1;
      // A document with pages to recognise is complete after its OCR; the others are complete now.
      for (const [k, r] of results.entries()) {
        if (r.status !== 'imported' || !r.documentId) continue;
        if (r.needsOcr) ocrDocs.add(r.documentId);
        else await afterDocument(rows[k], r.documentId);
      }
    }
    if (ocrDocs.size && !controller.signal.aborted) {
      let docsDone = 0;
      for (const f of dto.files) if (f.documentId && ocrDocs.has(f.documentId)) f.status = 'ocr';
      try {
        // OCR (tesseract.js, sharp, page rendering) loads only for a batch with pages to recognise.
        const { runQueuedOcrJobs } = await import('./ocr-jobs');
        await runQueuedOcrJobs(core, {
          signal: controller.signal,
          onPage: ({ documentId, done, total: pages }) => {
            const name = dto.files.find((f) => f.documentId === documentId)?.fileName ?? 'document';
            emit(0.3 + (0.7 * (docsDone + done / pages)) / ocrDocs.size, `OCR ${name}: page ${done} of ${pages}`);
          },
          afterDocument: async (id) => {
            docsDone++;
            const f = dto.files.find((x) => x.documentId === id);
            if (f) {
              f.status = 'imported';
              f.message = 'Text recognised (OCR).';
            }
            await afterDocument(f, id);
          },
          // A document whose OCR failed has lost its scanned pages' text: the batch counts it as failed.
          onFailed: (id, message) => {
            docsDone++;
            const f = dto.files.find((x) => x.documentId === id);
            if (f) {
              f.status = 'failed';
              f.message = message;
            }
          },
          // Kept, with its OCR queued until the engine can start: not failed, not done either.
          onWaiting: (id, message) => {
            const f = dto.files.find((x) => x.documentId === id);
            if (f) f.message = message;
          },
        });
      } catch (e) {
        if ((e as Error).name !== 'AbortError') throw e;
      }
    }
    if (controller.signal.aborted) {
      dto.cancelled = true;
      for (const f of dto.files) {
        if (f.status === 'queued') f.status = 'cancelled';
        if (f.status === 'ocr') f.message = 'OCR paused: it resumes the next time the app starts or when you choose Re-run OCR.';
      }
    }
    dto.done = true;
    emit(1, `${batchSummary(dto.files)}${dto.cancelled ? ' (cancelled)' : ''}.`, true);
    return dto;
  };
  return run().catch((e) => {
    dto.done = true;
    // The batch stopped: a file it never reached is not left waiting for ever.
    for (const f of dto.files) {
      if (f.status !== 'queued' && f.status !== 'reading') continue;
      f.status = 'failed';
      f.message = `${f.fileName}: not imported, because the import stopped (${(e as Error).message}).`;
    }
    ctx.progress(1, (e as Error).message, { done: true, error: (e as Error).message });
    return dto;
  });
}

/** "N imported, M already in the case, K skipped, F failed, W waiting for OCR" (skipped and waiting only when there are some). */
function batchSummary(files: ImportFileResult[]): string {
  const count = (status: ImportFileResult['status']) => files.filter((f) => f.status === status).length;
  const skipped = count('skipped');
  const waiting = count('ocr');
  return `${count('imported')} imported, ${count('duplicate')} already in the case${skipped ? `, ${skipped} skipped` : ''}, ${count('failed')} failed${waiting ? `, ${waiting} waiting for OCR` : ''}`;
}

export function getBatch(core: Core, jobId: string): LiveJob<ImportBatchDto> | undefined {
  return liveJob<ImportBatchDto>(core, jobId, 'import');
}

export function cancelBatch(core: Core, jobId: string): ImportBatchDto | undefined {
  return cancelJob<ImportBatchDto>(core, jobId, 'import')?.dto;
}
