// The lines of a table that a reader has found by its heading row (a score table: "Measure | SS |
// PR"), as the layout model places them: a line of group labels right above the heading row, heading
// lines wrapped under it, then body rows down to a wide gap, a page break, a line running across
// the table, or a line the reader says ends it (another heading row, a legend). Also which body
// lines only continue the line above (set tighter than the row pitch). The reader says what a
// heading, a value and a group label are; where the lines stand is read here.
import { phraseCells } from './header-columns';
import { defaultGutter, splitPhrases } from './line-tables';
import type { RowLine } from './rows';

export interface HeadedTableReader {
  /** A line that holds a value of the table body (a number): the heading has ended. */
  hasValue(line: RowLine): boolean;
  /** Text of a group label printed over several value columns (a year, a period). */
  isGroupLabel(text: string): boolean;
  /** A line that cannot be part of the body (another heading row, a legend, a title). */
  endsTable(line: RowLine): boolean;
}

export interface HeadedTable {
  header: RowLine[];
  body: RowLine[];
}

/** The height of a line's tallest word. */
export const wordHeight = (l: RowLine): number => Math.max(1, ...l.words.map((w) => w.bbox[3] - w.bbox[1]));

/** The header and body lines of the table whose heading row is lines[at]. */
export function headedTable(lines: RowLine[], at: number, reader: HeadedTableReader): HeadedTable {
  const cellsOf = (l: RowLine) => phraseCells(l.words);
  const first = lines[at];
  const h = wordHeight(first);
  const header = [first];
  const prev = lines[at - 1];
  // Group labels over the value columns only (a year or period over each column pair).
  if (prev && prev.page === first.page && first.bbox[1] - prev.bbox[3] < h && cellsOf(prev).every((c) => reader.isGroupLabel(c.text)) && cellsOf(prev)[0].x0 > cellsOf(first)[0].x1) {
    header.unshift(prev);
  }
  let i = at + 1;
  const gutter = defaultGutter([first.words]);
  const width = first.bbox[2] - first.bbox[0];
  for (; i < lines.length; i++) {
    const l = lines[i];
    const above = header[header.length - 1];
    if (l.page !== first.page || l.bbox[1] - above.bbox[3] > h * 1.2 || reader.hasValue(l)) break;
    // More phrases than the heading row has columns (a name column heading to its left aside): a row.
    const phrases = splitPhrases(l.words, gutter).filter((p) => p[0].bbox[0] >= first.bbox[0] - gutter);
    if (phrases.length > Math.max(splitPhrases(first.words, gutter).length, 2)) break;
    // A line of words starting where the header already starts (under the name column's heading) is a
    // row whose values are all words; one starting further left is the name column's own heading.
    const left = Math.min(...header.map((x) => cellsOf(x)[0].x0));
    if (cellsOf(l).length > 1 && Math.abs(cellsOf(l)[0].x0 - left) < gutter) break;
    header.push(l);
  }
  const body: RowLine[] = [];
  for (; i < lines.length; i++) {
    const l = lines[i];
    const above = body[body.length - 1] ?? header[header.length - 1];
    if (l.page !== first.page || l.bbox[1] - above.bbox[3] > h * 2.5 || l.bbox[1] < above.bbox[1]) break;
    if (reader.endsTable(l)) break;
    if (isWidePhrase(l, width) && !reader.hasValue(l)) break;
    body.push(l);
  }
  return { header, body };
}

/** Body lines set tight under the line above (closer than half a line): they continue it, a wrapped cell. */
export function continuationLines(body: RowLine[]): Set<RowLine> {
  return new Set(body.filter((l, k) => k > 0 && l.bbox[1] - body[k - 1].bbox[3] < wordHeight(l) * 0.45));
}

/** A line of one phrase wider than half the table (`width`): a note or legend under it, not a row or a wrapped cell. */
export const isWidePhrase = (line: RowLine, width: number): boolean => phraseCells(line.words).length === 1 && line.bbox[2] - line.bbox[0] > width * 0.5;

/** The width a table's columns span. */
export const columnsWidth = (columns: Array<{ x0: number; x1: number }>): number => columns[columns.length - 1].x1 - columns[0].x0;

/** The runs of a line's words from each word that starts at `x` (a column's left edge, 3 pt of slack): [] when none does. */
export function runsFromColumn<W extends { bbox: readonly number[] }>(words: W[], x: number): W[][] {
  return words.flatMap((w, i) => (Math.abs(w.bbox[0] - x) < 3 ? [words.slice(i)] : []));
}
