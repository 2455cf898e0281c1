// Text without positions (email bodies, Word files, .txt) laid out on notional US-letter pages,
// so every word still has a box: search hits and extracted values can point at a place on a page.
import type { BBox, PageContent, Word } from '../../../../shared/domain';
import { decodeText, textEncodingOf } from './sniff';
import { problems } from './errors';

export const LETTER_WIDTH = 612;
export const LETTER_HEIGHT = 792;
const MARGIN = 72;
const FONT_SIZE = 10;
/** Average advance of a 10 pt proportional font; close enough for boxes a reader's eye can find. */
const CHAR_WIDTH = 5;
const LINE_HEIGHT = 12;
const CHARS_PER_LINE = Math.floor((LETTER_WIDTH - 2 * MARGIN) / CHAR_WIDTH);
export const DEFAULT_PAGE_CHARS = 3000;

/** Normalises line endings and invisible junk so that page text is stable across platforms. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060]/g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{4,}/g, '\n\n\n')
    .trim();
}

/**
 * Splits text into page-sized chunks of at most about `maxChars`, breaking at paragraph breaks
 * (blank lines), else at line breaks, else at spaces; never inside a word unless a word is longer than a page.
 */
export function paginateText(text: string, maxChars = DEFAULT_PAGE_CHARS): string[] {
  const clean = normaliseText(text);
  if (!clean) return [];
  const pages: string[] = [];
  let rest = clean;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    const minBreak = Math.floor(maxChars * 0.4);
    let cut = window.lastIndexOf('\n\n');
    if (cut < minBreak) cut = window.lastIndexOf('\n');
    if (cut < minBreak) cut = window.lastIndexOf(' ');
    if (cut < minBreak) cut = maxChars;
    pages.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pages.push(rest);
  return pages;
}

/** Wraps one paragraph line into display lines of at most CHARS_PER_LINE characters. */
function wrapLine(line: string): string[] {
  if (line.length <= CHARS_PER_LINE) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/ +/)) {
    for (let piece = word; piece.length > 0; piece = piece.slice(CHARS_PER_LINE)) {
      const chunk = piece.slice(0, CHARS_PER_LINE);
      if (current && current.length + 1 + chunk.length > CHARS_PER_LINE) {
        out.push(current);
        current = chunk;
      } else current = current ? `${current} ${chunk}` : chunk;
    }
  }
  if (current) out.push(current);
  return out;
}

/** One page of text as a PageContent with words boxed on a letter page, lines top to bottom. */
export function layoutPage(pageText: string, pageNumber: number): PageContent {
  const lines = pageText.split('\n').flatMap(wrapLine);
  // Squeeze the line pitch when a page holds more lines than fit, so boxes never run off the page.
  const pitch = Math.min(LINE_HEIGHT, (LETTER_HEIGHT - 2 * MARGIN) / Math.max(1, lines.length));
  const size = Math.min(FONT_SIZE, pitch * 0.85);
  const words: Word[] = [];
  lines.forEach((line, i) => {
    const baseline = MARGIN + (i + 1) * pitch;
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) {
      const x0 = MARGIN + m.index * CHAR_WIDTH;
      const bbox: BBox = [x0, round(baseline - size), x0 + m[0].length * CHAR_WIDTH, round(baseline + size * 0.2)];
      words.push({ text: m[0], bbox, conf: 100 });
    }
  });
  return {
    pageNumber,
    width: LETTER_WIDTH,
    height: LETTER_HEIGHT,
    text: lines.join('\n'),
    words,
    source: 'text_layer',
    meanConfidence: null,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Text of any length as laid-out pages (1-based page numbers). Empty text gives no pages. */
export function textToPages(text: string, maxChars = DEFAULT_PAGE_CHARS): PageContent[] {
  return paginateText(text, maxChars).map((t, i) => layoutPage(t, i + 1));
}

export interface DecodedText {
  text: string;
  encoding: string;
  pages: PageContent[];
}

/** A plain-text file (UTF-8, UTF-16 with BOM, or Windows-1252) as pages. */
export function decodePlainText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw problems.emptyFile(fileName);
  const encoding = textEncodingOf(bytes);
  if (!encoding) throw problems.undecodableText(fileName);
  const text = decodeText(bytes, encoding);
  if (!normaliseText(text)) throw problems.emptyFile(fileName);
  return { text, encoding, pages: textToPages(text) };
}
