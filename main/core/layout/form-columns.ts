// Form tables of the row view (rows.ts), as the table readers of IEP forms (goal tables, service
// tables) walk them once they have found a header row: columns from the header row's left-aligned
// cells, header lines wrapped under it, band rows ("READING", "RELATED SERVICES"), words put into
// columns, and where a row of wrapped lines begins.
import type { Column } from './line-tables';
import type { Cell, RowLine } from './rows';
import type { PlacedWord } from './types';

export interface FormColumn<K extends string> {
  kind: K;
  label: string;
  x0: number;
  x1: number;
}

/** Columns from a header line's cells: each runs from its header's left edge to the next header's. */
export function columnsFromHeader<K extends string>(line: RowLine, kindOf: (label: string) => K): Array<FormColumn<K>> {
  return line.cells.map((c, i) => ({ kind: kindOf(c.text), label: c.text, x0: c.x0 - 2, x1: (line.cells[i + 1]?.x0 ?? Infinity) - 2 }));
}

export const lineHeight = (line: RowLine): number => line.bbox[3] - line.bbox[1];

/**
 * Header text wrapped onto the lines right under the header ("Service Delivery" over
 * "Recommendations*"): no digits, set tight under the line above, each cell starting inside a column.
 * Their words are added to the column labels; returns how many lines were header.
 */
export function wrappedHeaderLines<K extends string>(lines: RowLine[], headerAt: number, columns: Array<FormColumn<K>>): number {
  let n = 0;
  for (let i = headerAt + 1; i < lines.length && n < 3; i++) {
    const line = lines[i];
    const above = lines[i - 1];
    if (line.page !== above.page || /\d/.test(line.text) || line.isHeading) break;
    if (line.bbox[1] - above.bbox[3] > lineHeight(above) * 0.8) break;
    const homes = line.cells.map((c) => homeOf(c, columns, lines[headerAt]));
    if (homes.some((h) => h < 0)) break;
    line.cells.forEach((c, k) => { columns[homes[k]].label += ` ${c.text}`; });
    n++;
  }
  return n;
}

/**
 * The column a wrapped header cell belongs to: the one its left edge falls in, or, when the header's
 * cells are the columns and the cell reaches into the next, the one whose label's middle is nearest
 * its own (labels centred over their columns start a little left of the column's first label line).
 */
function homeOf<K extends string>(cell: Cell, columns: Array<FormColumn<K>>, header: RowLine): number {
  const at = columns.findIndex((col) => cell.x0 >= col.x0 - 2 && cell.x0 < col.x1);
  if (at < 0 || header.cells.length !== columns.length || at + 1 >= columns.length || cell.x1 <= columns[at + 1].x0) return at;
  const mid = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
  return Math.abs(mid(cell) - mid(header.cells[at + 1])) < Math.abs(mid(cell) - mid(header.cells[at])) ? at + 1 : at;
}

/** Each word of the line in the column holding its centre (the nearest one at the edges). */
export function wordsByColumn<K extends string>(line: RowLine, columns: Array<FormColumn<K>>): PlacedWord[][] {
  const out = columns.map(() => [] as PlacedWord[]);
  for (const w of line.words) {
    const cx = (w.bbox[0] + w.bbox[2]) / 2;
    let at = columns.findIndex((c) => cx >= c.x0 && cx < c.x1);
    if (at < 0) at = cx < columns[0].x0 ? 0 : columns.length - 1;
    out[at].push(w);
  }
  return out;
}

/** A band: a short all-capitals line inside the first column ("READING", "RELATED SERVICES"). */
export function isBandLine<K extends string>(line: RowLine, columns: Array<FormColumn<K>>, maxWords = 8): boolean {
  const letters = line.text.replace(/[^A-Za-z]/g, '');
  if (letters.length < 3 || letters !== letters.toUpperCase() || /\d/.test(line.text) || line.words.length > maxWords) return false;
  return line.cells.length === 1 || line.bbox[2] <= columns[0].x1;
}

/** A line running across the first column into the next as one phrase: prose, not a table row. */
export const crossesColumns = <K extends string>(line: RowLine, columns: Array<FormColumn<K>>): boolean =>
  columns.length > 1 && line.cells.some((c) => c.x0 < columns[0].x1 && c.x1 > columns[1].x0 + 4);

/**
 * How far apart rows sit: a table whose rows are set further apart than the wrapped lines inside a
 * cell is "padded", and there a line at the wider pitch begins a new row.
 */
export function rowSpacing(lines: RowLine[]): { tight: number; padded: boolean } {
  const pitches: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    if (lines[k].page === lines[k - 1].page) pitches.push(lines[k].bbox[1] - lines[k - 1].bbox[1]);
  }
  const positive = pitches.filter((p) => p > 0);
  const tight = positive.length ? Math.min(...positive) : 0;
  return { tight, padded: positive.some((p) => p > tight * 1.3) };
}

/**
 * Columns from a header line's left-aligned cells: each runs from its cell's left edge to the next
 * cell's, the last one to `right` (the table's right edge). A stray body line cannot close a gutter.
 */
export function cellColumns(header: RowLine, right: number): Column[] {
  return header.cells.map((c, i) => ({ x0: c.x0 - 2, x1: (header.cells[i + 1]?.x0 ?? Math.max(c.x1, right)) - 2, label: c.text }));
}

/** Header cells wrapped onto lines under the header ("Progress" over "Code") add their text to the column they start in. */
export function addWrappedHeaderCells(columns: Column[], lines: RowLine[]): void {
  for (const line of lines) for (const cell of line.cells) {
    const col = columns.find((c) => cell.x0 >= c.x0 - 2 && cell.x0 < c.x1);
    if (col) col.label = `${col.label ?? ''} ${cell.text}`.trim();
  }
}

/** The x centre of a word's box. */
export const centreX = (w: { bbox: readonly number[] }): number => (w.bbox[0] + w.bbox[2]) / 2;

/**
 * Columns under header cells set apart over them (period headings "MP1 - Nov | MP2 - Jan"): each
 * reaches halfway to its neighbours' cells, an outer one as far out as it reaches in (`edge` for a
 * lone cell), never right of `limit` (where a column of another kind starts).
 */
export function midpointColumns(cells: Array<{ x0: number; x1: number }>, limit = Infinity, edge = 40): Array<{ x0: number; x1: number }> {
  return cells.map((c, i) => {
    const next = cells[i + 1];
    const prev = cells[i - 1];
    return {
      x0: prev ? (prev.x1 + c.x0) / 2 : c.x0 - (next ? (next.x0 - c.x1) / 2 : edge),
      x1: Math.min(limit, next ? (c.x1 + next.x0) / 2 : c.x1 + (prev ? (c.x0 - prev.x1) / 2 : edge)),
    };
  });
}

/** The column whose x range holds the word's centre, or null. */
export function columnHolding<C extends { x0: number; x1: number }>(columns: C[], w: { bbox: readonly number[] }): C | null {
  const x = centreX(w);
  return columns.find((c) => x >= c.x0 && x < c.x1) ?? null;
}

/** The right edge of the furthest-reaching line: where a table's last column ends. */
export const rightEdge = (lines: RowLine[]): number => Math.max(...lines.map((l) => l.bbox[2]));

/**
 * Header cells wrapped onto the lines right under a grid's header row ("Progress" over "Code"): up
 * to `max` lines on its page, without figures, each starting right of the header's left edge (a line
 * starting under its first cell is a row).
 */
export function wrappedHeaderBelow(lines: RowLine[], headerAt: number, max = 2): RowLine[] {
  const header = lines[headerAt];
  const out: RowLine[] = [];
  for (let at = headerAt + 1; at < lines.length && at <= headerAt + max; at++) {
    const line = lines[at];
    if (/\d/.test(line.text) || line.page !== header.page || line.bbox[0] <= header.bbox[0] + 8) break;
    out.push(line);
  }
  return out;
}

/**
 * A grid's body lines from `lines[from]`: down to a line of one phrase that runs from the first
 * column across the edge of the second (prose under the grid, "Case Manager: ..."), unless
 * `opensRow` says that line opens a row (a goal cell running long).
 */
export function gridBody(lines: RowLine[], from: number, header: RowLine, opensRow: (line: RowLine) => boolean): RowLine[] {
  const secondColumn = header.cells[1]?.x0 ?? header.bbox[2];
  const body: RowLine[] = [];
  for (const line of lines.slice(from)) {
    if (line.cells.length === 1 && line.bbox[0] < secondColumn && line.bbox[2] > secondColumn && !opensRow(line)) break;
    body.push(line);
  }
  return body;
}

/** The words of a line that start in a header row's first column (before its second cell, 3 pt of slack); all of them under a one-cell header. */
export function firstColumnWords(line: RowLine, header: RowLine): PlacedWord[] {
  const second = header.cells[1]?.x0 ?? Infinity;
  return line.words.filter((w) => w.bbox[0] < second - 3);
}

/**
 * The header's first cell after `cells` that `isLabel` accepts (a column of another kind after a run
 * of period headings), and where its column starts: halfway between the two. Null when there is none.
 */
export function columnAfter(header: RowLine, cells: Cell[], isLabel: (text: string) => boolean): { cell: Cell; x0: number } | null {
  const last = cells[cells.length - 1];
  if (!last) return null;
  const cell = header.cells.find((c) => c.x0 > last.x1 && isLabel(c.text));
  return cell ? { cell, x0: (last.x1 + cell.x0) / 2 } : null;
}

/** Whether a word's centre stands at or right of `x` (inside a column that starts there). */
export const rightOf = (w: { bbox: readonly number[] }, x: number): boolean => centreX(w) >= x;

/**
 * A row printed right under a header row that puts a value in its columns (a date under each period
 * heading): each word `isValue` accepts inside a column, with that column; null when there is no such
 * line on the header's page or it has other words inside the columns (punctuation aside).
 */
export function valuesUnderHeader<C extends { x0: number; x1: number }>(lines: RowLine[], headerAt: number, columns: C[], isValue: (text: string) => boolean): Array<{ column: C; word: PlacedWord }> | null {
  const header = lines[headerAt];
  const row = lines[headerAt + 1];
  if (!row || row.page !== header.page) return null;
  if (!row.words.every((w) => isValue(w.text) || !/\w/.test(w.text) || columnHolding(columns, w) === null)) return null;
  return row.words.flatMap((word) => {
    const column = columnHolding(columns, word);
    return column && isValue(word.text) ? [{ column, word }] : [];
  });
}

/**
 * How a line under a table's header stands to it: `close`, within one and a half header heights
 * under the line above it (the header or a note under it); `headerType`, printed at the header's
 * own line height (within 0.4 pt).
 */
export function standsUnderHeader(line: RowLine, header: RowLine, above: RowLine): { close: boolean; headerType: boolean } {
  return { close: line.bbox[1] - above.bbox[3] <= lineHeight(header) * 1.5, headerType: Math.abs(lineHeight(line) - lineHeight(header)) < 0.4 };
}

/**
 * A line that leaves a form table's columns: a one-cell heading reaching past the first column, or a
 * line starting well left of the table.
 */
export const leavesColumns = <K extends string>(line: RowLine, columns: Array<FormColumn<K>>): boolean =>
  (line.isHeading && line.cells.length === 1 && line.bbox[2] > columns[0].x1) || line.bbox[0] < columns[0].x0 - 12;

/** In a padded table (rowSpacing), whether a line stands a row's pitch under the previous one (always, on another page). */
export function atRowPitch(line: RowLine, previous: RowLine, spacing: { tight: number }): boolean {
  if (previous.page !== line.page) return true;
  return line.bbox[1] - previous.bbox[1] > spacing.tight * 1.3;
}
