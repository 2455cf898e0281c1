// Tables read from a region of printed lines whose place a reader knows (the lines under a header it
// found, a page's body below a legend): part of the layout model, so readers never group words by
// position themselves. The model's own tables (tables.ts) are found on the whole page, ruled or by
// aligned gaps; this reader takes the header and region it is given.
//
// API
//   readTable(bodyLines, options?) -> Table
//     bodyLines: lines of one page region (Word[][], e.g. from groupLines), top to bottom.
//     options.headerLines: the header line(s) above the body; their words name the columns, and a
//       header word that sits over no body text still opens an (empty) column of its own.
//     options.columns: fixed columns (e.g. from a previous page's header) instead of finding them.
//     options.isRowStart(line, cells): says whether a line opens a new row. The default opens a row
//       when the line has a word in the first column, unless rows are padded (set further apart than
//       lines inside a cell) and the line sits at the tight pitch; other lines are wrapped text and
//       are merged into the row above, cell by cell.
//     options.maxContinuationGap: a wrapped line further than this below the previous line ends the
//       table (page footers, notes under the table). Default 1.6 x the usual line pitch.
//     options.minGutter: narrowest white column (points) that separates two columns. Default from
//       the word height, so it works for text layers and OCR alike.
//   Table = { columns: Column[], rows: TableRow[], endLine }: each row has one cell per column (text
//     '' when empty), the words of each cell, and boxes for the cell and the row.
//   findColumns(lines, headerLines?, minGutter?) -> Column[]: the column finder on its own.
//   splitPhrases(line, minGap) -> Word[][]: a line cut where the gap between words is at least minGap.
//   cellsOf(columns, line) -> TableCell[]: one line's words put into the given columns.
//   Words keep their identity (and any extra fields such as `page`), so cells map back to provenance.
import type { BBox, Word } from '../../../shared/domain';
import { unionBoxes as unionBBox } from './geometry';

export interface Column {
  x0: number;
  x1: number;
  /** Header text over the column (all header lines joined), or null when the table has no header. */
  label: string | null;
}

export interface TableCell<W extends Word = Word> {
  text: string;
  words: W[];
  bbox: BBox | null;
}

export interface TableRow<W extends Word = Word> {
  cells: TableCell<W>[];
  bbox: BBox;
  /** Every word of the row, in reading order. */
  words: W[];
}

export interface Table<W extends Word = Word> {
  columns: Column[];
  rows: TableRow<W>[];
  /** Index (into bodyLines) of the first line not taken into the table; bodyLines.length when all were. */
  endLine: number;
}

export interface ReadTableOptions<W extends Word = Word> {
  headerLines?: Word[][];
  columns?: Column[];
  isRowStart?: (line: W[], cells: TableCell<W>[]) => boolean;
  maxContinuationGap?: number;
  minGutter?: number;
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const height = (w: Word) => w.bbox[3] - w.bbox[1];

/** The gutter width that separates columns: about one word height, never under 5 pt. */
export function defaultGutter(lines: Word[][]): number {
  const h = median(lines.flat().map(height));
  return Math.max(5, h * 0.95);
}

export { unionBBox };

export function splitPhrases<W extends Word>(line: W[], minGap: number): W[][] {
  const phrases: W[][] = [];
  for (const w of line) {
    const last = phrases[phrases.length - 1];
    if (last && w.bbox[0] - last[last.length - 1].bbox[2] < minGap) last.push(w);
    else phrases.push([w]);
  }
  return phrases;
}

/**
 * Columns from white gutters in the body (x ranges no body line covers, or at most one in ten when
 * the region holds a stray spanning line), then labelled from the header; header phrases over no
 * body column become columns of their own so empty columns keep their place.
 */
export function findColumns(lines: Word[][], headerLines: Word[][] = [], minGutter = defaultGutter([...lines, ...headerLines])): Column[] {
  const all = lines.flat();
  if (all.length === 0 && headerLines.length === 0) return [];
  const spans = coveredSpans(lines, minGutter);
  const columns: Column[] = spans.map(([x0, x1]) => ({ x0, x1, label: null }));
  if (headerLines.length > 0) labelFromHeader(columns, headerLines, minGutter);
  columns.sort((a, b) => a.x0 - b.x0);
  return columns;
}

function coveredSpans(lines: Word[][], minGutter: number): Array<[number, number]> {
  const words = lines.flat();
  if (words.length === 0) return [];
  const left = Math.floor(Math.min(...words.map((w) => w.bbox[0])));
  const right = Math.ceil(Math.max(...words.map((w) => w.bbox[2])));
  const counts = new Int32Array(right - left + 1);
  for (const line of lines) {
    const seen = new Uint8Array(counts.length);
    for (const w of line) {
      for (let x = Math.ceil(w.bbox[0]); x <= Math.floor(w.bbox[2]); x++) seen[x - left] = 1;
    }
    for (let i = 0; i < seen.length; i++) counts[i] += seen[i];
  }
  // A gutter may be crossed by a stray line (a note spanning the table) but not by the table itself.
  const allowed = lines.length >= 10 ? Math.floor(lines.length / 10) : 0;
  const spans: Array<[number, number]> = [];
  let start = -1;
  let gapStart = -1;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] > allowed) {
      if (start < 0) start = i;
      else if (gapStart >= 0 && i - gapStart >= minGutter) {
        spans.push([start + left, gapStart + left]);
        start = i;
      }
      gapStart = -1;
    } else if (start >= 0 && gapStart < 0) gapStart = i;
  }
  if (start >= 0) spans.push([start + left, (gapStart >= 0 ? gapStart : counts.length - 1) + left]);
  return spans;
}

function labelFromHeader(columns: Column[], headerLines: Word[][], minGutter: number): void {
  // Header words keep their left edge over their column's text; cut header lines where words are
  // further apart than a space, and give each phrase to the body column it overlaps most.
  const phraseGap = Math.min(minGutter, Math.max(4, median(headerLines.flat().map(height)) * 0.7));
  for (const line of headerLines) {
    for (const phrase of splitPhrases(line, phraseGap)) {
      const box = unionBBox(phrase.map((w) => w.bbox))!;
      const text = phrase.map((w) => w.text).join(' ');
      let best: Column | null = null;
      let bestOverlap = 0;
      for (const c of columns) {
        const overlap = Math.min(c.x1, box[2]) - Math.max(c.x0, box[0]);
        if (overlap > bestOverlap) { best = c; bestOverlap = overlap; }
      }
      // Left-aligned headers start where their column starts; a header phrase that starts in the
      // gap before a column and only grazes it is that column's header too.
      if (!best) {
        best = columns.find((c) => Math.abs(c.x0 - box[0]) < minGutter) ?? null;
      }
      if (best) best.label = best.label ? `${best.label} ${text}` : text;
      else columns.push({ x0: box[0], x1: box[2], label: text });
    }
  }
}

/** Index of the column a word belongs to: the one holding its centre, else the nearest. */
export function columnOf(columns: Column[], w: Word): number {
  const cx = (w.bbox[0] + w.bbox[2]) / 2;
  let best = 0;
  let bestDist = Infinity;
  columns.forEach((c, i) => {
    const d = cx < c.x0 ? c.x0 - cx : cx > c.x1 ? cx - c.x1 : 0;
    if (d < bestDist) { best = i; bestDist = d; }
  });
  return best;
}

export function cellsOf<W extends Word>(columns: Column[], line: W[]): TableCell<W>[] {
  const buckets: W[][] = columns.map(() => []);
  for (const w of line) buckets[columnOf(columns, w)].push(w);
  return buckets.map(makeCell);
}

function makeCell<W extends Word>(words: W[]): TableCell<W> {
  return { text: words.map((w) => w.text).join(' '), words, bbox: unionBBox(words.map((w) => w.bbox)) };
}

const lineTop = (line: Word[]) => Math.min(...line.map((w) => w.bbox[1]));
const lineBottom = (line: Word[]) => Math.max(...line.map((w) => w.bbox[3]));

export function readTable<W extends Word>(bodyLines: W[][], options: ReadTableOptions<W> = {}): Table<W> {
  const lines = bodyLines.filter((l) => l.length > 0);
  const minGutter = options.minGutter ?? defaultGutter([...lines, ...(options.headerLines ?? [])]);
  const columns = options.columns ?? findColumns(lines, options.headerLines ?? [], minGutter);
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) pitches.push(lineTop(lines[i]) - lineTop(lines[i - 1]));
  // Padded tables set rows further apart than the lines wrapped inside a cell: when the region shows
  // both pitches, a line at the tight pitch continues the row above even if its first cell has text.
  const tightest = pitches.length ? Math.min(...pitches.filter((p) => p > 0)) : 0;
  const padded = pitches.some((p) => p > tightest * 1.3);
  const tightAt = new Set(lines.filter((_, i) => i > 0 && padded && pitches[i - 1] <= tightest * 1.15));
  const isRowStart = options.isRowStart ?? ((line, cells) => cells[0]?.words.length > 0 && !tightAt.has(line));
  const maxGap = options.maxContinuationGap ?? Math.max(median(pitches), median(lines.flat().map(height)) * 1.2) * 1.6;

  const rows: TableRow<W>[] = [];
  let endLine = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const cells = cellsOf(columns, line);
    if (isRowStart(line, cells) || rows.length === 0) {
      rows.push({ cells, bbox: unionBBox(line.map((w) => w.bbox))!, words: [...line] });
      continue;
    }
    const gap = lineTop(line) - lineBottom(lines[i - 1]);
    if (gap > maxGap) { endLine = i; break; }
    const row = rows[rows.length - 1];
    cells.forEach((cell, c) => {
      if (cell.words.length) row.cells[c] = makeCell([...row.cells[c].words, ...cell.words]);
    });
    row.words.push(...line);
    row.bbox = unionBBox([row.bbox, ...line.map((w) => w.bbox)])!;
  }
  return { columns, rows, endLine: bodyLinesIndex(bodyLines, lines, endLine) };
}

/** Maps an index in the non-empty lines back to the caller's array (which may hold empty lines). */
function bodyLinesIndex(original: Word[][], kept: Word[][], keptIndex: number): number {
  if (keptIndex >= kept.length) return original.length;
  return original.indexOf(kept[keptIndex]);
}

const hasDigits = (line: Word[]) => line.some((w) => /\d/.test(w.text));
const isShouting = (line: Word[]) => {
  const letters = line.map((w) => w.text).join('').replace(/[^A-Za-z]/g, '');
  return letters.length >= 10 && letters === letters.toUpperCase();
};

/**
 * The lines of a table whose header is lines[headerIndex]: header continuation lines right below it
 * (no digits, e.g. "Min Delivered" under "Sched. Min."), then body lines up to running prose (one
 * phrase wider than half the header), an all-capitals heading, a wide vertical gap, or `stop`.
 */
export function tableBelow<W extends Word>(lines: W[][], headerIndex: number, stop?: (line: W[]) => boolean): { headerLines: W[][]; body: W[][]; end: number } {
  const header = lines[headerIndex];
  const headerLines = [header];
  const hBox = unionBBox(header.map((w) => w.bbox))!;
  const lineH = median(header.map(height)) || 10;
  const gutter = defaultGutter([header]);
  let i = headerIndex + 1;
  while (i < lines.length && !hasDigits(lines[i]) && lineTop(lines[i]) - lineBottom(lines[i - 1]) < lineH && splitPhrases(lines[i], gutter).length <= splitPhrases(header, gutter).length) {
    headerLines.push(lines[i++]);
  }
  const body: W[][] = [];
  for (; i < lines.length; i++) {
    const line = lines[i];
    const prev = body[body.length - 1] ?? headerLines[headerLines.length - 1];
    if (lineTop(line) - lineBottom(prev) > lineH * 2.5 || lineTop(line) < lineTop(prev)) break;
    if (stop?.(line) || isShouting(line)) break;
    const phrases = splitPhrases(line, gutter);
    const box = unionBBox(line.map((w) => w.bbox))!;
    if (phrases.length === 1 && box[2] - box[0] > (hBox[2] - hBox[0]) * 0.5) break;
    body.push(line);
  }
  return { headerLines, body, end: i };
}
