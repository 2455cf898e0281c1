// Page furniture: running headers and footers, page numbers ("Page 3 of 26"), form ids and
// student-name bands that a document prints on every page. Found once per document from lines in
// the top or bottom margin whose text, figures masked, recurs on other pages; a page number is
// furniture on any page. Furniture stays in the page text (searchable) but out of blocks, fields
// and tables.
import type { Line } from './types';

const PAGE_NUMBER = /^(?:page\s*\d+(?:\s*(?:of|\/)\s*\d+)?|\d+\s*(?:of|\/)\s*\d+|-\s*\d+\s*-|\d{1,3})$/i;

export const TOP_MARGIN = 0.13;
export const BOTTOM_MARGIN = 0.88;

const inMargin = (l: Line, pageHeight: number) => l.bbox[1] < pageHeight * TOP_MARGIN || l.bbox[3] > pageHeight * BOTTOM_MARGIN;
const key = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** The set of lines (by identity) that are furniture, over a whole document's lines. */
export function findFurniture(lines: Line[], pageHeight: (page: number) => number): Set<Line> {
  const pages = new Set(lines.map((l) => l.page));
  const pagesByKey = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!inMargin(l, pageHeight(l.page))) continue;
    const k = key(l.text);
    pagesByKey.set(k, (pagesByKey.get(k) ?? new Set()).add(l.page));
  }
  const out = new Set<Line>();
  for (const l of lines) {
    if (!inMargin(l, pageHeight(l.page))) continue;
    const recurs = pages.size >= 2 && (pagesByKey.get(key(l.text))?.size ?? 0) >= 2;
    if (recurs || PAGE_NUMBER.test(l.text.trim())) out.add(l);
  }
  return out;
}

export function furnitureKind(l: Line, pageHeight: number): 'header' | 'footer' | 'page-number' {
  if (PAGE_NUMBER.test(l.text.trim()) || /\bpage\s*\d+\s*of\s*\d+/i.test(l.text)) return 'page-number';
  return l.bbox[1] < pageHeight / 2 ? 'header' : 'footer';
}
