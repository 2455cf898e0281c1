// Runs queued OCR jobs: page images from the stored original, recognised on the worker pool,
// then pages, search rows, classification and status written in one transaction.
import path from 'node:path';
import type { PageContent } from '../../../shared/domain';
import type { Core } from '../context';
import { documentQueries, rowToPageContent } from '../db/queries/documents';
import type { OcrDriver, OcrPageInput } from '../ocr/driver';
import { createOcrDriver } from '../ocr/tesseract';
import { classify } from './parse/classify';
import { decodeImage, type ImageKind } from './parse/images';
import { openPdfForRendering } from './render';

const drivers = new WeakMap<Core, OcrDriver>();

/** The core's OCR driver, built on first use and disposed when the core closes. */
export function ocrDriverFor(core: Core): OcrDriver {
  let d = drivers.get(core);
  if (!d) {
    d = createOcrDriver({ tessdataDir: path.join(core.resourcesDir, 'tessdata') });
    drivers.set(core, d);
    const driver = d;
    core.onClose(() => driver.dispose());
  }
  return d;
}

interface JobRow {
  id: string;
  case_id: string;
  document_id: string;
  payload_json: string;
}

export interface OcrJobOptions {
  signal?: AbortSignal;
  onPage?: (info: { documentId: string; done: number; total: number }) => void;
  /** Called after a document's OCR is written (extraction hooks in here). */
  afterDocument?: (documentId: string) => void | Promise<void>;
  driver?: OcrDriver;
}

/** Runs every queued OCR job (oldest first); returns how many documents were finished. */
export async function runQueuedOcrJobs(core: Core, opts: OcrJobOptions = {}): Promise<number> {
  let finished = 0;
  for (;;) {
    if (opts.signal?.aborted) break;
    const job = core.db.prepare<[], JobRow>("SELECT id, case_id, document_id, payload_json FROM jobs WHERE kind = 'ocr' AND status = 'queued' ORDER BY created_at LIMIT 1").get();
    if (!job) break;
    await runOcrJob(core, job, opts);
    finished++;
  }
  return finished;
}

async function pageInputs(core: Core, documentId: string, pages: number[]): Promise<OcrPageInput[]> {
  const doc = documentQueries(core.db).get(documentId)!;
  const bytes = core.blobs.get(doc.sha256);
  if (doc.format === 'pdf') {
    const src = await openPdfForRendering(bytes);
    try {
      const inputs: OcrPageInput[] = [];
      for (const n of pages) {
        const scan = await src.imageForOcr(n, 300);
        inputs.push({ pageNumber: n, image: { pixels: scan.pixels, width: scan.widthPx, height: scan.heightPx, channels: scan.channels }, widthPt: scan.widthPt, heightPt: scan.heightPt, dpi: scan.dpi });
      }
      return inputs;
    } finally {
      await src.close();
    }
  }
  const images = await decodeImage(bytes, doc.file_name, doc.format as ImageKind);
  return images.filter((im) => pages.includes(im.pageNumber)).map((im) => ({ pageNumber: im.pageNumber, image: im.png, widthPt: im.widthPt, heightPt: im.heightPt, dpi: im.dpi }));
}

async function runOcrJob(core: Core, job: JobRow, opts: OcrJobOptions): Promise<void> {
  const now = () => core.nowIso();
  const q = documentQueries(core.db);
  const doc = q.get(job.document_id);
  if (!doc) {
    core.db.prepare('DELETE FROM jobs WHERE id = ?').run(job.id);
    return;
  }
  core.db.prepare("UPDATE jobs SET status = 'running', updated_at = ? WHERE id = ?").run(now(), job.id);
  core.db.prepare("UPDATE documents SET status = 'ocr_running', updated_at = ? WHERE id = ?").run(now(), doc.id);
  const pages = (JSON.parse(job.payload_json) as { pages: number[] }).pages;
  let recognised: PageContent[];
  try {
    const inputs = await pageInputs(core, doc.id, pages);
    const driver = opts.driver ?? ocrDriverFor(core);
    recognised = await driver.recognizeAll(inputs, {
      signal: opts.signal,
      onProgress: (p) => opts.onPage?.({ documentId: doc.id, done: p.done, total: p.total }),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') {
      core.db.prepare("UPDATE jobs SET status = 'queued', updated_at = ? WHERE id = ?").run(now(), job.id);
      core.db.prepare("UPDATE documents SET status = 'ocr_pending', updated_at = ? WHERE id = ?").run(now(), doc.id);
      throw e;
    }
    core.db.transaction(() => {
      core.db.prepare("UPDATE jobs SET status = 'failed', error = ?, updated_at = ? WHERE id = ?").run((e as Error).message, now(), job.id);
      core.db.prepare("UPDATE documents SET status = 'failed', error = ?, updated_at = ? WHERE id = ?").run(`OCR failed: ${(e as Error).message}`, now(), doc.id);
    })();
    return;
  }
  core.db.transaction(() => {
    q.putPages(doc.id, doc.case_id, recognised);
    const all = q.pages(doc.id).map(rowToPageContent);
    q.applyClassification(doc.id, classify(all, { fileName: doc.file_name }), now());
    core.db.prepare("UPDATE documents SET status = 'ready', error = NULL, updated_at = ? WHERE id = ?").run(now(), doc.id);
    core.db.prepare('DELETE FROM jobs WHERE id = ?').run(job.id);
  })();
  await opts.afterDocument?.(doc.id);
  core.emit('case.changed', { caseId: doc.case_id, what: 'documents' });
}
