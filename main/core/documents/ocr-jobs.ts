// Runs queued OCR jobs: page images from the stored original (an encrypted PDF's decrypted working
// copy), recognised on the worker pool, each page written to the job's own table as it comes (so
// memory does not grow with the scan's length, and an interrupted job resumes where it stopped),
// then the document's pages, search rows, classification and status written from there in one
// transaction: the document appears whole or not at all.
import os from 'node:os';
import type { PageContent } from '../../../shared/domain';
import type { Core } from '../context';
import { blobQueries } from '../db/queries/blobs';
import { documentQueries, readableSha, rowToPageContent } from '../db/queries/documents';
import { jobQueries } from '../db/queries/jobs';
import { ocrJobQueries, type OcrJob } from '../db/queries/ocr-jobs';
import { OcrCancelledError, OcrUnavailableError, type OcrDriver, type OcrPageInput } from '../ocr/driver';
import { createOcrDriver } from '../ocr/tesseract';
import { tessdataDirIn } from '../ocr/paths';
import { classify } from './parse/classify';
import { decodeImage, type ImageKind } from './parse/images';
import { openPdfForRendering, type PdfPageSource } from './render';
import { findScanImages } from '../pdf/scan-images';
import { releaseMemory } from '../memory';
import { jobWorker } from '../jobs';
import { isPasswordError, noReadableCopy } from './working-copy';
import sharp from 'sharp';

/** The core's OCR driver, a worker of its jobs (core/jobs): built on first use and disposed when the core closes. */
export function ocrDriverFor(core: Core): OcrDriver {
  return jobWorker(core, 'ocr', () => createOcrDriver({ tessdataDir: tessdataDirIn(core.resourcesDir) }), (d) => d.dispose());
}

export interface OcrJobOptions {
  signal?: AbortSignal;
  onPage?: (info: { documentId: string; done: number; total: number }) => void;
  /** Called after a document's OCR is written (extraction hooks in here). */
  afterDocument?: (documentId: string) => void | Promise<void>;
  /** Called when a document's OCR failed; `message` names the file and says why (also stored as its error). */
  onFailed?: (documentId: string, message: string) => void;
  /** Called for a document kept with its OCR queued because the engine cannot start (its model missing); onFailed when not given. */
  onWaiting?: (documentId: string, message: string) => void;
  driver?: OcrDriver;
}

/** Runs every queued OCR job (oldest first); returns how many documents were finished. */
export async function runQueuedOcrJobs(core: Core, opts: OcrJobOptions = {}): Promise<number> {
  let finished = 0;
  for (;;) {
    if (opts.signal?.aborted) break;
    const job = ocrJobQueries(core.db).nextQueued();
    if (!job) break;
    try {
      await runOcrJob(core, job, opts);
    } catch (e) {
      if (!(e instanceof OcrUnavailableError)) throw e;
      tellWaiting(core, e, opts);
      break;
    }
    finished++;
  }
  return finished;
}

/**
 * The engine cannot start (its model missing): no queued document can be read now, and none is
 * failed for it. Each stays in the case with its job queued (the reason kept on the job), for the
 * next `casefile resume` or start of the app once the model is back; each is reported with that.
 */
function tellWaiting(core: Core, e: OcrUnavailableError, opts: OcrJobOptions): void {
  const rows = jobQueries(core.db);
  for (const waiting of rows.list(['ocr'], 'queued')) {
    if (!waiting.documentId) continue;
    rows.setStatus(waiting.id, 'queued', core.nowIso(), e.message);
    const name = documentQueries(core.db).get(waiting.documentId)?.file_name ?? 'A document';
    (opts.onWaiting ?? opts.onFailed)?.(waiting.documentId, `${name}: kept in the case, but its scanned pages are not read yet. ${e.message}. Its OCR stays queued: \`casefile resume\` or the app's next start finishes it once the model is back.`);
  }
}

/** Gives one page's OCR input at a time, so a long scan never has all its page images in memory. */
interface PageInputSource {
  input(pageNumber: number): Promise<OcrPageInput>;
  close(): Promise<void>;
}

async function openPageInputs(core: Core, documentId: string): Promise<PageInputSource> {
  const doc = documentQueries(core.db).get(documentId)!;
  const sha = readableSha(doc);
  if (doc.format === 'pdf') {
    // A scanner's pages go to OCR as the JPEGs they are, each read from the stored original when
    // its turn comes: only their places are kept, not the file. pdf.js opens only if a page needs rendering.
    const scans = await scanImagesOf(core, sha);
    let renderer: Promise<PdfPageSource> | null = null;
    return {
      async input(n) {
        const scan = scans?.[n - 1];
        if (scan) {
          const jpeg = core.blobs.getRange(sha, scan.offset, scan.length);
          // Decoded natively and straight to grey; like a PDF viewer, ignoring any EXIF orientation.
          const { data, info } = await sharp(jpeg, { failOn: 'none' }).greyscale().raw().toBuffer({ resolveWithObject: true });
          return { pageNumber: n, image: { pixels: data, width: info.width, height: info.height, channels: 1 }, widthPt: scan.widthPt, heightPt: scan.heightPt, dpi: scan.dpi };
        }
        renderer ??= openPdfForRendering(core.blobs.get(sha), undefined, true);
        const page = await (await renderer).imageForOcr(n, 300);
        return { pageNumber: n, image: { pixels: page.pixels, width: page.widthPx, height: page.heightPx, channels: page.channels }, widthPt: page.widthPt, heightPt: page.heightPt, dpi: page.dpi };
      },
      close: async () => {
        if (renderer) await (await renderer).close();
      },
    };
  }
  // Image files decode as a whole (a TIFF's pages come out together); they are rarely long.
  const images = await decodeImage(core.blobs.get(sha), doc.file_name, doc.format as ImageKind);
  return {
    async input(n) {
      const im = images.find((x) => x.pageNumber === n);
      if (!im) throw new Error(`page ${n} is missing from ${doc.file_name}`);
      return { pageNumber: n, image: im.png, widthPt: im.widthPt, heightPt: im.heightPt, dpi: im.dpi };
    },
    close: async () => {},
  };
}

/** A file this large is read with the garbage of the previous stage collected first, and collected after. */
const LARGE_FILE = 16 * 1024 * 1024;

async function scanImagesOf(core: Core, sha: string) {
  const size = blobQueries(core.db).size(sha);
  if (size > LARGE_FILE) releaseMemory(); // the import's copies of this file, if still uncollected
  try {
    return await findScanImages(core.blobs.get(sha));
  } finally {
    if (size > LARGE_FILE) releaseMemory(); // the file itself: only its pages' places are kept
  }
}

/**
 * Recognises pages through a few lanes, each rendering its next page only when its last one is
 * recognised: the pool stays busy while at most `lanes` page images exist at once. (Rendering every
 * page before OCR held a 300-page scan's images together: gigabytes.) Each recognised page goes to
 * `store` at once and is not kept; its image is dropped as its lane moves on.
 */
async function recognizePages(source: PageInputSource, pages: number[], driver: OcrDriver, lanes: number, store: (page: PageContent) => void, opts: OcrJobOptions & { documentId: string; alreadyDone: number; total: number }): Promise<void> {
  const controller = new AbortController();
  const forward = () => controller.abort();
  opts.signal?.addEventListener('abort', forward, { once: true });
  let next = 0;
  let done = opts.alreadyDone;
  const lane = async () => {
    while (next < pages.length) {
      if (controller.signal.aborted) throw new OcrCancelledError();
      const n = pages[next++];
      store(await driver.recognize(await source.input(n), { signal: controller.signal }));
      opts.onPage?.({ documentId: opts.documentId, done: ++done, total: opts.total });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, pages.length)) }, lane));
  } catch (error) {
    controller.abort(); // one page failed or was cancelled: stop the other lanes
    throw error;
  } finally {
    opts.signal?.removeEventListener('abort', forward);
  }
}

async function runOcrJob(core: Core, job: OcrJob, opts: OcrJobOptions): Promise<void> {
  const now = () => core.nowIso();
  const q = documentQueries(core.db);
  const jobs = ocrJobQueries(core.db);
  const rows = jobQueries(core.db);
  const doc = q.get(job.documentId);
  if (!doc) {
    rows.remove(job.id);
    return;
  }
  rows.setStatus(job.id, 'running', now());
  q.setOcrStatus(doc.id, 'ocr_running', now());
  const pages = job.pages;
  // Pages this job already recognised before it was interrupted are not read again.
  const stored = jobs.storedPages(job.id);
  const todo = pages.filter((n) => !stored.has(n));
  try {
    const source = await openPageInputs(core, doc.id);
    try {
      // One lane per OCR worker plus one, so a page is being rendered while the workers recognise.
      const driver = opts.driver ?? ocrDriverFor(core);
      const store = (page: PageContent) => jobs.keepPage(job.id, page);
      await recognizePages(source, todo, driver, os.availableParallelism() + 1, store, { ...opts, documentId: doc.id, alreadyDone: pages.length - todo.length, total: pages.length });
      // The last queued document: its workers are done, and what follows (writing 300 pages, the
      // extraction) is better done without their memory. They start again when OCR is next needed.
      if (!rows.countQueued('ocr')) await driver.releaseIdleWorkers?.();
    } finally {
      await source.close();
    }
  } catch (e) {
    if ((e as Error).name === 'AbortError' || e instanceof OcrUnavailableError) {
      rows.setStatus(job.id, 'queued', now());
      q.setOcrStatus(doc.id, 'ocr_pending', now());
      throw e;
    }
    const message = isPasswordError(e) ? noReadableCopy(doc).message : `${doc.file_name}: OCR failed, so its scanned pages have no text: ${(e as Error).message}`;
    core.db.transaction(() => {
      rows.setStatus(job.id, 'failed', now(), (e as Error).message);
      jobs.dropPages(job.id);
      q.setOcrFailed(doc.id, message, now());
    })();
    opts.onFailed?.(doc.id, message);
    core.emit('case.changed', { caseId: doc.case_id, what: 'documents' });
    return;
  }
  core.db.transaction(() => {
    // One page at a time from the job's table: never the whole scan's words in memory at once.
    for (const n of pages) {
      const page = jobs.recognisedPage(job.id, n);
      if (!page) throw new Error(`${doc.file_name}: page ${n} was not recognised`);
      q.putPages(doc.id, [page]);
    }
    const all = q.pages(doc.id).map(rowToPageContent);
    q.applyClassification(doc.id, classify(all, { fileName: doc.file_name }), now());
    q.setOcrDone(doc.id, now());
    jobs.dropPages(job.id);
    rows.remove(job.id);
  })();
  await opts.afterDocument?.(doc.id);
  core.emit('case.changed', { caseId: doc.case_id, what: 'documents' });
}
