// Form tables of the row view (rows.ts), as the table readers of IEP forms (goal tables, service
// tables) walk them once they have found a header row: columns from the header row's left-aligned
// cells, header lines wrapped under it, band rows ("READING", "RELATED SERVICES"), words put into
// columns, and where a row of wrapped lines begins.
import type { RowLine } from './rows';
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
    const homes = line.cells.map((c) => columns.findIndex((col) => c.x0 >= col.x0 - 2 && c.x0 < col.x1));
    if (homes.some((h) => h < 0)) break;
    line.cells.forEach((c, k) => { columns[homes[k]].label += ` ${c.text}`; });
    n++;
  }
  return n;
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
