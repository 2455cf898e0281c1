// Reads the text layer of a PDF with word positions, via pdf.js (no worker thread, no network).
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BBox, PageContent, Word } from '../../../shared/domain';
import { groupLines as groupWordLines } from '../layout/lines';
import { repairLigatures, type GlyphHints, type RepairItem } from '../layout/ligatures';
import { readPageOperators } from '../layout/pdf-operators';
import { pageText } from '../layout';
import { LAYOUT_VERSION } from '../layout/types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * The bytes to give pdf.js, which takes what it is given (the buffer is detached): a copy, unless
 * the caller hands them over and they fill their buffer (a long scan is then held once, not twice).
 */
export function pdfJsData(bytes: Uint8Array, handOver: boolean): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return handOver && whole ? new Uint8Array(bytes.buffer, 0, bytes.byteLength) : new Uint8Array(bytes);
}

/** Options that keep pdf.js local: fonts and cmaps from node_modules, no eval, no fetch. */
export function pdfDocumentOptions(data: Uint8Array, password?: string) {
  return {
    data,
    password,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  };
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
}

/** Splits one pdf.js text run into words, spreading the run's width over its characters. */
function runToWords(item: TextItemLike, pageHeight: number): Word[] {
  const [a, b, , d, e, f] = item.transform;
  const fontSize = Math.hypot(a, b) || Math.abs(d) || item.height || 10;
  const top = pageHeight - f - fontSize * 0.8;
  const bottom = pageHeight - f + fontSize * 0.2;
  const str = item.str;
  const charW = str.length > 0 ? item.width / str.length : 0;
  const words: Word[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(str))) {
    const x0 = e + m.index * charW;
    const x1 = x0 + m[0].length * charW;
    const bbox: BBox = [round(x0), round(top), round(x1), round(bottom)];
    words.push({ text: m[0], bbox, conf: 100 });
  }
  return words;
}

const round = (n: number) => Math.round(n * 100) / 100;

export interface PdfTextResult {
  pages: PageContent[];
  /** Pages (1-based) whose text layer is empty or nearly so: candidates for OCR. */
  pagesWithoutText: number[];
}

export interface PdfTextOptions {
  /**
   * Page text in reading order (layout pageText: columns and cells one after another), as pages are
   * stored, indexed and searched; otherwise in printed rows, left to right across the page.
   */
  readingOrder?: boolean;
}

/**
 * Per-page text with word positions, ligatures repaired across the document, and what each page draws
 * (rules, boxes). pdf.js gets a copy of `data`, or `data` itself if `handOver` (it is then detached).
 */
export async function readPdfText(data: Uint8Array, password?: string, handOver = false, { readingOrder = false }: PdfTextOptions = {}): Promise<PdfTextResult> {
  const pdfjs = await loadPdfJs();
  const options = { ...pdfDocumentOptions(pdfJsData(data, handOver), password), fontExtraProperties: true, isOffscreenCanvasSupported: false };
  const doc = await pdfjs.getDocument(options).promise;
  try {
    const pages: PageContent[] = [];
    const pagesWithoutText: number[] = [];
    const items: RepairItem[] = [];
    const hints: GlyphHints = new Map();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const words: Word[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        for (const word of runToWords(item, viewport.height)) {
          words.push(word);
          items.push({ word, font: item.fontName ?? null });
        }
      }
      const thin = wordsToText(words).replace(/\s/g, '').length < 20;
      if (thin) pagesWithoutText.push(n);
      // A scanned page's operators would decode its picture for nothing: OCR reads it.
      const drawn = thin ? null : await readPageOperators(page, pdfjs.OPS, viewport.transform as Matrix6, hints);
      for (const { word, font } of items.slice(items.length - words.length)) if (font && drawn?.boldFonts.has(font)) word.bold = true;
      pages.push({
        pageNumber: n,
        width: round(viewport.width),
        height: round(viewport.height),
        text: '',
        words,
        source: 'text_layer',
        meanConfidence: null,
        graphics: drawn?.graphics ?? { rules: [], boxes: [] },
        layoutVersion: LAYOUT_VERSION,
      });
      page.cleanup();
    }
    repairLigatures(items, { hints });
    for (const page of pages) {
      page.words = page.words.filter((w) => w.text);
      page.text = readingOrder ? pageText(page) : wordsToText(page.words);
    }
    return { pages, pagesWithoutText };
  } finally {
    await doc.destroy();
  }
}

type Matrix6 = [number, number, number, number, number, number];

/** Row-order text from positioned words: lines top to bottom, words left to right (pageText gives reading order). */
export function wordsToText(words: Word[]): string {
  return groupLines(words)
    .map((line) => line.map((w) => w.text).join(' '))
    .join('\n');
}

/** Groups words into lines by vertical overlap; each line sorted left to right (the layout model's line grouping). */
export function groupLines(words: Word[]): Word[][] {
  return groupWordLines(words);
}
