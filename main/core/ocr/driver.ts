// The OCR contract the rest of the app uses; engines (tesseract.js today) sit behind it.
import type { PageContent } from '../../../shared/domain';
import type { ImageInput } from './preprocess';

export interface OcrPageInput {
  /** 1-based page number the result belongs to. */
  pageNumber: number;
  /** Encoded image (JPEG, PNG, TIFF, WebP...) or raw pixels. */
  image: ImageInput;
  /** Size of the page in PDF points; boxes are converted to it. Defaults to pixels * 72 / dpi. */
  widthPt?: number;
  heightPt?: number;
  /** Resolution of the image when known (a PDF scan's pixels per inch). */
  dpi?: number;
}

export interface OcrProgress {
  /** Pages finished so far in this call, and the total. */
  done: number;
  total: number;
  /** The page that just finished. */
  page: PageContent;
}

export interface OcrRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: OcrProgress) => void;
}

export interface OcrDriver {
  /** Recognises one page image: words with boxes in PDF points of that page, confidence 0-100. */
  recognize(input: OcrPageInput, options?: { signal?: AbortSignal }): Promise<PageContent>;
  /** Recognises many pages in parallel on the pool; results in input order. */
  recognizeAll(inputs: OcrPageInput[], options?: OcrRunOptions): Promise<PageContent[]>;
  /** Stops every worker. The driver starts new ones if used again. */
  dispose(): Promise<void>;
  /** Stops the workers that have nothing to do (each holds 150 MB or more); new ones start when work comes. */
  releaseIdleWorkers?(): Promise<void>;
}

/** Thrown (name 'AbortError') when a job is cancelled through its AbortSignal. */
export class OcrCancelledError extends Error {
  override name = 'AbortError';
  constructor() {
    super('OCR cancelled');
  }
}

/**
 * Thrown (name 'OcrUnavailableError') when the OCR engine cannot start at all (its model missing or
 * unreadable): no page can be read until it is fixed, so the work waits rather than fails.
 */
export class OcrUnavailableError extends Error {
  override name = 'OcrUnavailableError';
}

/** A worker thread that stopped while reading a page, after the page was tried again on a fresh one. */
export class OcrWorkerDiedError extends Error {
  override name = 'OcrWorkerDiedError';
}
