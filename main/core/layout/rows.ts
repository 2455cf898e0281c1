// The row view of a document: every printed line of every page top to bottom, cut into cells where
// words stand further apart than word spacing (form columns, table cells), with headings and
// running headers or footers marked. Readers that walk a document line by line (sections, labelled
// values, report tables) read these rows; the blocks, tables and fields of the model are built
// from the same printed lines (deskewedLines).
import type { BBox } from '../../../shared/domain';
import { cellGapLimit } from './blocks';
import { joinText, unionBBox } from './geometry';
import { deskewedLines } from './lines';
import type { PageInput, PlacedWord } from './types';

/** Words of a line between two wide gaps. */
export interface Cell {
  words: PlacedWord[];
  text: string;
  x0: number;
  x1: number;
}

export interface RowLine {
  /** Position in the document's rows. */
  index: number;
  page: number;
  words: PlacedWord[];
  text: string;
  bbox: BBox;
  /** Word groups separated by a gap wider than ordinary word spacing (form columns, table cells). */
  cells: Cell[];
  /** All-capitals short line: a section heading. */
  isHeading: boolean;
  /** Running header or footer repeated on several pages. */
  repeated: boolean;
}

/** The printed lines of the pages, in page and row order (a fresh array: readers may rework it). */
export function rowLines(pages: PageInput[]): RowLine[] {
  const lines: RowLine[] = [];
  for (const page of pages) {
    const grouped = deskewedLines(page.words.map((w) => ({ ...w, page: page.pageNumber })));
    const gapLimit = cellGapLimit(grouped);
    for (const words of grouped) {
      const text = joinText(words);
      lines.push({ index: lines.length, page: page.pageNumber, words, text, bbox: unionBBox(words), cells: splitCells(words, gapLimit), isHeading: looksLikeHeading(text), repeated: false });
    }
  }
  markRepeatedLines(lines, pages);
  return lines;
}

/** A line's words cut where the gap to the next is wider than `gapLimit`. */
export function splitCells(words: PlacedWord[], gapLimit: number): Cell[] {
  const cells: Cell[] = [];
  for (const w of words) {
    const last = cells[cells.length - 1];
    if (last && w.bbox[0] - last.x1 <= gapLimit) {
      last.words.push(w);
      last.x1 = Math.max(last.x1, w.bbox[2]);
      last.text += ' ' + w.text;
    } else {
      cells.push({ words: [w], text: w.text, x0: w.bbox[0], x1: w.bbox[2] });
    }
  }
  return cells;
}

function looksLikeHeading(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length < 4 || text.split(' ').length > 12) return false;
  const upper = letters.replace(/[^A-Z]/g, '').length;
  return upper / letters.length >= 0.85 && !/\d{2}/.test(text);
}

/** Lines near the top or bottom of a page whose text (digits ignored) recurs on other pages. */
function markRepeatedLines(lines: RowLine[], pages: PageInput[]): void {
  if (pages.length < 2) return;
  const height = new Map(pages.map((p) => [p.pageNumber, p.height]));
  const key = (l: RowLine) => l.text.replace(/\d+/g, '#').toLowerCase();
  const inMargin = (l: RowLine) => {
    const h = height.get(l.page) ?? 792;
    return l.bbox[1] < h * 0.15 || l.bbox[3] > h * 0.88;
  };
  const pagesByKey = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!inMargin(l)) continue;
    const set = pagesByKey.get(key(l)) ?? new Set<number>();
    set.add(l.page);
    pagesByKey.set(key(l), set);
  }
  for (const l of lines) if (inMargin(l) && (pagesByKey.get(key(l))?.size ?? 0) >= 2) l.repeated = true;
}

/**
 * Running headers and footers: rows marked repeated across pages, except table rows (a dated or
 * numbered row near the bottom of several pages reads the same once digits are masked).
 */
export const isPageFurniture = (line: { repeated: boolean; text: string }): boolean => line.repeated && !/^\d/.test(line.text);

/**
 * The line from its word `from` on (specks a scan put before the first word aside): its cells cut to
 * the words left, each keeping its right edge; its box and heading mark stay those of the printed line.
 */
export function fromWord(line: RowLine, from: number): RowLine {
  if (from <= 0) return line;
  const words = line.words.slice(from);
  const cells = line.cells.map((c) => ({ ...c, words: c.words.filter((w) => words.includes(w)) })).filter((c) => c.words.length > 0)
    .map((c) => ({ ...c, text: joinText(c.words), x0: c.words[0].bbox[0] }));
  return { ...line, words, cells, text: joinText(words) };
}

/** The line cut to one of its cells (a heading row's last cell), its row marks kept. */
export function lineOfCell(line: RowLine, cell: Cell): RowLine {
  return { ...line, words: cell.words, text: cell.text, cells: [cell], bbox: [cell.x0, line.bbox[1], cell.x1, line.bbox[3]] };
}

/** Some of a line's words as a line of one cell (a value after its label on the label's line), read as `text`; its box and marks kept. */
export function oneCellLine(line: RowLine, words: PlacedWord[], text = joinText(words)): RowLine {
  return { ...line, words, cells: [{ words, text, x0: words[0].bbox[0], x1: words[words.length - 1].bbox[2] }], text };
}

/**
 * The lines without running headers and footers, keeping the repeated lines that stand at or below
 * the first line `opens` accepts on their page and above its bottom margin: body text reprinted at
 * the same place on two pages (a goal reprinted with last year's progress), which a running header
 * never does.
 */
export function bodyKeepingReprints(lines: RowLine[], pages: Array<{ pageNumber: number; height: number }>, opens: (line: RowLine) => boolean): RowLine[] {
  const firstY = new Map<number, number>();
  for (const l of lines) if (!firstY.has(l.page) && opens(l)) firstY.set(l.page, l.bbox[1]);
  const height = new Map(pages.map((p) => [p.pageNumber, p.height]));
  return lines.filter((l) => {
    if (!l.repeated) return true;
    const top = firstY.get(l.page);
    // Low on the page is a footer's place, unless body text follows it there (a goal table's header row
    // repeated at the foot of a page over the goal's first rows).
    const footerZone = l.bbox[3] > (height.get(l.page) ?? 792) * 0.88 && !lines.some((o) => o.page === l.page && !o.repeated && o.bbox[1] > l.bbox[3]);
    return top !== undefined && l.bbox[1] >= top - 1 && !footerZone;
  });
}

/**
 * Whether a line stands right under `above` on its page, the white between them narrower than
 * `share` of the line above's height (or than `floor` points): a wrapped value, a paragraph going on.
 */
export function setTightUnder(line: { page: number; bbox: BBox }, above: { page: number; bbox: BBox }, share: number, floor = 0): boolean {
  return above.page === line.page && line.bbox[1] - above.bbox[3] < Math.max(floor, (above.bbox[3] - above.bbox[1]) * share);
}
