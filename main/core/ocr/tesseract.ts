// OcrDriver on tesseract.js: preprocess with sharp on the calling thread (libvips runs off the
// JS thread), recognise on a pool of worker threads, rebuild reading order, map boxes to points.
import type { BBox, PageContent, PageGraphics, Rule, Word } from '../../../shared/domain';
import { pixelCheckboxes, pixelRules } from '../layout/pixel-boxes';
import { withoutRules } from '../layout/rule-erase';
import { LAYOUT_VERSION } from '../layout/types';
import { OcrCancelledError, type OcrDriver, type OcrPageInput, type OcrRunOptions } from './driver';
import { groupRows, parseTsv, rowsToText, type OcrLine } from './layout';
import { defaultTessdataDir, defaultWorkerPath } from './paths';
import { preprocessImage, type PreparedImage, type PreprocessOptions } from './preprocess';
import { TesseractPool } from './worker-pool';

export interface OcrDriverOptions {
  /** Folder with eng.traineddata.gz (default: resources/tessdata of the repo or app). */
  tessdataDir?: string;
  /** tesseract.js Node worker script (default: from node_modules). */
  workerPath?: string;
  /** Pool size (default: os.availableParallelism()). */
  workers?: number;
  /** Overrides of the preprocessing steps (defaults: flatten light, deskew, at most 300 dpi). */
  preprocess?: PreprocessOptions;
  /** Pages with no ink are not sent to tesseract (default true): they come back with no words. */
  skipBlank?: boolean;
  /** Told of every image sent to tesseract (a page read again turned is a second pass). */
  onPass?: (pass: OcrPass) => void;
  /** Extra tesseract variables for every worker (e.g. tessedit_do_invert). */
  tesseractParameters?: Record<string, string>;
  /** Below this mean confidence a page is retried turned 180, 90 and 270 degrees. */
  rotationRetryBelow?: number;
  /** Pages a worker recognises before a fresh one replaces it (default never; see PoolConfig.recycleAfter). */
  recycleAfter?: number;
}

export interface OcrPass {
  pageNumber: number;
  quarterTurns: 0 | 1 | 2 | 3;
  /** The image tesseract read, after scaling and cropping. */
  width: number;
  height: number;
  dpi: number;
}

/**
 * What tesseract is given: at most 300 dpi (its LSTM reads text lines scaled to a fixed height, so
 * a 600-dpi scan only quadruples its layout and thresholding work). Not cropped to the ink by
 * default: on the dev-rivera phone photo the crop changed tesseract's page segmentation and a
 * block of text was lost (CER 0.028 -> 0.139), for a small saving (see bench/RESULTS.md).
 */
const DRIVER_PREPROCESS: PreprocessOptions = { maxDpi: 300, cropToText: false };

/** Tesseract page segmentation: fully automatic (finds columns and blocks itself). */
const PSM_AUTO = '3';

export interface TesseractOcrDriver extends OcrDriver {
  /** Most workers the pool will run at once. */
  readonly poolSize: number;
  /** Workers alive right now (0 before first use, after dispose() and after a cancel ends). */
  readonly liveWorkers: number;
  /** Workers recognising a page right now. */
  readonly busyWorkers: number;
  /** Workers started so far, replacements included. */
  readonly workersStarted: number;
  /** Images sent to tesseract so far (blank pages send none; a retried page sends several). */
  readonly passes: number;
  releaseIdleWorkers(): Promise<void>;
}

export function createOcrDriver(options: OcrDriverOptions = {}): TesseractOcrDriver {
  const pool = new TesseractPool({
    tessdataDir: options.tessdataDir ?? defaultTessdataDir(),
    workerPath: options.workerPath ?? defaultWorkerPath(),
    size: options.workers,
    recycleAfter: options.recycleAfter,
    // Inverted-text retries only ever found noise on our pages (white-on-black is rare in records).
    parameters: { tessedit_pageseg_mode: PSM_AUTO, tessedit_do_invert: '0', ...options.tesseractParameters },
  });
  const retryBelow = options.rotationRetryBelow ?? 45;
  const skipBlank = options.skipBlank ?? true;
  let passes = 0;

  async function recognizeOnce(input: OcrPageInput, quarterTurns: 0 | 1 | 2 | 3, signal?: AbortSignal) {
    const prepared = await preprocessImage(input.image, { ...DRIVER_PREPROCESS, ...options.preprocess, dpi: input.dpi, quarterTurns });
    throwIfAborted(signal);
    if (prepared.blank && skipBlank) return { page: toPageContent(input, prepared, []), lines: [], blank: true };
    passes++;
    options.onPass?.({ pageNumber: input.pageNumber, quarterTurns, width: prepared.width, height: prepared.height, dpi: prepared.dpi });
    const tsv = await pool.recognize(
      // Ruling lines are taken out first: touching a cell's letters, they were read as letters (layout/rule-erase.ts).
      { image: toPgm({ ...prepared, pixels: Buffer.from(withoutRules(prepared, prepared.dpi).buffer) }), options: { user_defined_dpi: String(prepared.dpi) } },
      signal,
    );
    const lines = parseTsv(tsv);
    return { page: toPageContent(input, prepared, lines), lines, blank: false };
  }

  async function recognize(input: OcrPageInput, opts: { signal?: AbortSignal } = {}): Promise<PageContent> {
    throwIfAborted(opts.signal);
    const first = await recognizeOnce(input, 0, opts.signal);
    // Nothing on the page in any orientation: no retries.
    if (first.blank) return first.page;
    // Tesseract reads sideways text line by line, but then its lines run down the page and
    // the reading order is lost: turn the page upright and read it again. Upside-down pages
    // read as low-confidence noise: try the other orientations.
    const turn = sidewaysTurn(first.lines);
    // Then the words' order tells which way round, unless tesseract read the lines upside
    // down too (low confidence): then the opposite quarter turn is tried as well.
    const candidates: (0 | 1 | 2 | 3)[] = turn ? [turn, turn === 1 ? 3 : 1] : [2, 1, 3];
    if (!turn && (first.page.meanConfidence ?? 0) >= retryBelow) return first.page;
    // A sideways first reading is never kept: its text is out of order whatever its confidence.
    let best: PageContent | null = turn ? null : first.page;
    for (const turns of candidates) {
      const candidate = (await recognizeOnce(input, turns, opts.signal)).page;
      if (!best || orientationScore(candidate) > orientationScore(best)) best = candidate;
      if ((best.meanConfidence ?? 0) >= 75) break;
    }
    return best ?? first.page;
  }

  async function recognizeAll(inputs: OcrPageInput[], opts: OcrRunOptions = {}): Promise<PageContent[]> {
    let done = 0;
    // Every page is queued at once; the pool runs as many as it has workers.
    const controller = new AbortController();
    const forward = () => controller.abort();
    opts.signal?.addEventListener('abort', forward, { once: true });
    try {
      return await Promise.all(
        inputs.map(async (input) => {
          const page = await recognize(input, { signal: controller.signal });
          done++;
          opts.onProgress?.({ done, total: inputs.length, page });
          return page;
        }),
      );
    } catch (error) {
      controller.abort(); // one page failed or was cancelled: stop the rest
      throw error;
    } finally {
      opts.signal?.removeEventListener('abort', forward);
    }
  }

  return {
    get poolSize() {
      return pool.size;
    },
    get liveWorkers() {
      return pool.workerCount;
    },
    get busyWorkers() {
      return pool.busyCount;
    },
    get workersStarted() {
      return pool.started;
    },
    get passes() {
      return passes;
    },
    recognize,
    recognizeAll,
    dispose: () => pool.dispose(),
    releaseIdleWorkers: () => pool.releaseIdle(),
  };
}

function throwIfAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw new OcrCancelledError();
}

/**
 * Quarter turns (clockwise) that make a sideways page upright, or 0. Multi-word lines that are
 * taller than wide run down the page; the direction their words advance tells which way.
 */
export function sidewaysTurn(lines: OcrLine[]): 0 | 1 | 3 {
  let vertical = 0;
  let horizontal = 0;
  let downward = 0;
  for (const line of lines) {
    if (line.words.length < 2) continue;
    const w = line.box[2] - line.box[0];
    const h = line.box[3] - line.box[1];
    if (h > w * 1.5) {
      vertical += line.words.length;
      const first = line.words[0].box;
      const last = line.words[line.words.length - 1].box;
      downward += last[1] > first[1] ? line.words.length : -line.words.length;
    } else if (w > h * 1.5) horizontal += line.words.length;
  }
  if (vertical < 4 || vertical <= horizontal * 2) return 0;
  // Text reading downward was turned clockwise: three more clockwise quarter turns undo it.
  return downward > 0 ? 3 : 1;
}

/** Confident text wins; among equals, more recognised characters. */
function orientationScore(page: PageContent): number {
  const chars = page.words.filter((w) => w.conf >= 60).reduce((n, w) => n + w.text.length, 0);
  return (page.meanConfidence ?? 0) * 1000 + Math.min(chars, 999);
}

/** Binary PGM: the cheapest format for Leptonica to read (no compression to undo). */
function toPgm(img: PreparedImage): Buffer {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii');
  return Buffer.concat([header, img.pixels]);
}

function toPageContent(input: OcrPageInput, prepared: PreparedImage, lines: OcrLine[]): PageContent {
  const dpi = input.dpi ?? prepared.dpi;
  const widthPt = input.widthPt ?? (prepared.sourceWidth * 72) / dpi;
  const heightPt = input.heightPt ?? (prepared.sourceHeight * 72) / dpi;
  const sx = widthPt / prepared.sourceWidth;
  const sy = heightPt / prepared.sourceHeight;
  const rows = groupRows(lines);
  const words: Word[] = [];
  for (const row of rows) {
    for (const line of row) {
      for (const w of line.words) {
        const corners = [
          prepared.toSource(w.box[0], w.box[1]),
          prepared.toSource(w.box[2], w.box[1]),
          prepared.toSource(w.box[0], w.box[3]),
          prepared.toSource(w.box[2], w.box[3]),
        ];
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        const bbox: BBox = [
          round(clamp(Math.min(...xs) * sx, widthPt)),
          round(clamp(Math.min(...ys) * sy, heightPt)),
          round(clamp(Math.max(...xs) * sx, widthPt)),
          round(clamp(Math.max(...ys) * sy, heightPt)),
        ];
        words.push({ text: w.text, bbox, conf: Math.round(w.conf * 10) / 10 });
      }
    }
  }
  const meanConfidence = words.length ? round(words.reduce((s, w) => s + w.conf, 0) / words.length) : 0;
  const toPoints = (x: number, y: number): [number, number] => {
    const [sx0, sy0] = prepared.toSource(x, y);
    return [round(clamp(sx0 * sx, widthPt)), round(clamp(sy0 * sy, heightPt))];
  };
  const graphics = pageGraphics(prepared, toPoints);
  return {
    pageNumber: input.pageNumber,
    width: round(widthPt),
    height: round(heightPt),
    text: rowsToText(rows),
    words,
    source: 'ocr',
    meanConfidence,
    graphics,
    layoutVersion: LAYOUT_VERSION,
  };
}

/** Ruling lines and checkboxes seen in the page's pixels, in points of the original page. */
function pageGraphics(prepared: PreparedImage, toPoints: (x: number, y: number) => [number, number]): PageGraphics {
  const image = { pixels: prepared.pixels, width: prepared.width, height: prepared.height };
  const rules: Rule[] = pixelRules(image, prepared.dpi).map((r) => {
    const [a, b] = [toPoints(r.x0, r.y0), toPoints(r.x1, r.y1)];
    // Deskewing maps a level rule to a level rule, up to rounding: keep it on its axis.
    return r.y0 === r.y1 ? { x0: a[0], x1: b[0], y0: (a[1] + b[1]) / 2, y1: (a[1] + b[1]) / 2 } : { x0: (a[0] + b[0]) / 2, x1: (a[0] + b[0]) / 2, y0: a[1], y1: b[1] };
  });
  const boxes = pixelCheckboxes(image, prepared.dpi).map((b) => {
    const corners = [toPoints(b.bbox[0], b.bbox[1]), toPoints(b.bbox[2], b.bbox[3])];
    return { ...b, bbox: [Math.min(corners[0][0], corners[1][0]), Math.min(corners[0][1], corners[1][1]), Math.max(corners[0][0], corners[1][0]), Math.max(corners[0][1], corners[1][1])] as BBox };
  });
  return { rules, boxes };
}

const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
const round = (n: number) => Math.round(n * 100) / 100;
