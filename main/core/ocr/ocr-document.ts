// OCR of whole documents: the pages of a scanned PDF (embedded scan at native resolution, or a
// 300 dpi render), or a single image file. Pages are fed to the driver a few at a time so a
// 300-page scan never sits in memory as 300 decoded bitmaps.
import type { PageContent } from '../../../shared/domain';
import { openPdfForRendering } from '../documents/render';
import { OcrCancelledError, type OcrDriver, type OcrPageInput, type OcrProgress } from './driver';

export interface OcrDocumentOptions {
  /** 1-based pages to read (default: all). */
  pageNumbers?: number[];
  signal?: AbortSignal;
  onProgress?: (progress: OcrProgress) => void;
  /** Pages decoded ahead of the workers (default 2 per worker the machine has, at least 2). */
  lookahead?: number;
  /** Resolution for pages that are not a single embedded scan. */
  renderDpi?: number;
  password?: string;
}

export async function ocrPdf(driver: OcrDriver, pdfBytes: Uint8Array, options: OcrDocumentOptions = {}): Promise<PageContent[]> {
  const source = await openPdfForRendering(pdfBytes, options.password);
  try {
    const pages = options.pageNumbers ?? Array.from({ length: source.numPages }, (_, i) => i + 1);
    const results = new Array<PageContent>(pages.length);
    const lookahead = Math.max(2, options.lookahead ?? 4);
    let next = 0;
    let done = 0;
    // One failed page stops the others too; the caller's signal cancels all of them.
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const worker = async () => {
      while (next < pages.length) {
        if (signal.aborted) throw new OcrCancelledError();
        const index = next++;
        const pageNumber = pages[index];
        const scan = await source.imageForOcr(pageNumber, options.renderDpi ?? 300);
        const input: OcrPageInput = {
          pageNumber,
          image: { pixels: scan.pixels, width: scan.widthPx, height: scan.heightPx, channels: scan.channels },
          widthPt: scan.widthPt,
          heightPt: scan.heightPt,
          dpi: scan.dpi,
        };
        const page = await driver.recognize(input, { signal });
        results[index] = page;
        options.onProgress?.({ done: ++done, total: pages.length, page });
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(lookahead, pages.length) }, worker));
    } catch (error) {
      stop.abort();
      throw error;
    }
    return results;
  } finally {
    await source.close();
  }
}

/** OCR of one image file (JPEG, PNG, TIFF page, WebP...). Page size from its resolution. */
export function ocrImage(
  driver: OcrDriver,
  image: Buffer,
  options: { pageNumber?: number; dpi?: number; signal?: AbortSignal } = {},
): Promise<PageContent> {
  return driver.recognize({ pageNumber: options.pageNumber ?? 1, image, dpi: options.dpi }, { signal: options.signal });
}
