// Labels as forms print them, for readers that walk the row view (rows.ts) line by line:
// - a label wrapped over two lines in a narrow label column ("Projected Date IEP to be" over
//   "Implemented:", with the value beside the first line): the second line's label words are moved
//   up into the first line, right after the label cell they continue, so label matching sees the
//   whole label and the value still follows it;
// - labels printed without a colon, small above their value ("DATE OF TESTING" over "August 8,
//   2022") and in a cell beside it ("Service" | "Speech-Language Therapy" | "Scheduled" | "30
//   minutes per session"), read as "Label: value";
// - a value that runs on under its label: whether a line opens a new paragraph instead, and which of
//   its words are the value rather than the label wrapping in the label column.
// Words keep their boxes, so provenance is unchanged.
import { joinText } from './geometry';
import type { Cell, RowLine } from './rows';
import type { PlacedWord } from './types';

/** A cell that can only be the end of a label: no digits, short, ending with a colon. */
const isLabelTail = (c: Cell) => /:\s*$/.test(c.text) && !/\d/.test(c.text) && c.words.length <= 4;

/** The rows with each label wrapped under itself joined back into its line. */
export function joinWrappedLabels(rows: RowLine[]): RowLine[] {
  const lines: RowLine[] = [];
  const skipped = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    if (skipped.has(i)) continue;
    const line = rows[i];
    // On a scan a speck between the two lines can be read as a line of its own (":", "|").
    const at = isNoise(rows[i + 1]) ? i + 2 : i + 1;
    const below = rows[at];
    if (below && below.page === line.page && isContinuation(line, below)) {
      lines.push(withTails(line, below, lines.length));
      skipped.add(at);
      continue;
    }
    lines.push({ ...line, index: lines.length });
  }
  return lines;
}

const isNoise = (line: RowLine | undefined) => !!line && !/[A-Za-z0-9]/.test(line.text);

/** Every cell of `below` ends a label and sits under a label cell of `line` that has a value beside it. */
function isContinuation(line: RowLine, below: RowLine): boolean {
  if (below.cells.length === 0 || !below.cells.every(isLabelTail)) return false;
  const height = line.bbox[3] - line.bbox[1];
  if (below.bbox[1] - line.bbox[3] > height) return false;
  return below.cells.every((tail) => {
    const at = line.cells.findIndex((c) => Math.abs(c.x0 - tail.x0) <= 3);
    return at >= 0 && !/:\s*$/.test(line.cells[at].text) && at + 1 < line.cells.length && /\d/.test(line.cells[at + 1].text);
  });
}

function withTails(line: RowLine, below: RowLine, index: number): RowLine {
  const cells: Cell[] = line.cells.map((c) => {
    const tail = below.cells.find((t) => Math.abs(c.x0 - t.x0) <= 3);
    if (!tail) return c;
    return { words: [...c.words, ...tail.words], text: `${c.text} ${tail.text}`, x0: c.x0, x1: Math.max(c.x1, tail.x1) };
  });
  const words = cells.flatMap((c) => c.words);
  return { ...line, index, cells, words, text: joinText(words) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};
const glyphHeight = (words: PlacedWord[]) => median(words.map((w) => w.bbox[3] - w.bbox[1]));

/**
 * A label over its value: a short line of words (no figures, no sentence end) set in smaller type
 * than the line right under it, which starts at the same left edge.
 */
export function isLabelAbove(label: RowLine, value: RowLine | undefined): boolean {
  if (!value || value.page !== label.page || label.cells.length !== 1 || value.words.length === 0) return false;
  if (/\d/.test(label.text) || /[.,;!?]$/.test(label.text) || label.words.length > 6) return false;
  if (Math.abs(label.bbox[0] - value.bbox[0]) > 3) return false;
  const h = glyphHeight(label.words);
  if (value.bbox[1] - label.bbox[3] > h * 0.9) return false;
  return h <= glyphHeight(value.words) * 0.9;
}

/** The word with a colon after it (a label's last word), box and the rest kept. */
const withColon = (w: PlacedWord): PlacedWord => (/:$/.test(w.text) ? w : { ...w, text: `${w.text}:` });

/**
 * Lines with each label printed above its value joined to that value as one "LABEL: value" line,
 * so a reader that looks for a label and its value on a line finds it. Other lines are kept as they are.
 */
export function joinLabelsAbove(lines: RowLine[]): RowLine[] {
  const out: RowLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const below = lines[i + 1];
    if (!isLabelAbove(line, below)) {
      out.push({ ...line, index: out.length });
      continue;
    }
    const labelWords = [...line.words.slice(0, -1), withColon(line.words[line.words.length - 1])];
    const words = [...labelWords, ...below.words];
    const labelCell: Cell = { words: labelWords, text: joinText(labelWords), x0: line.bbox[0], x1: line.bbox[2] };
    out.push({
      ...below,
      index: out.length,
      words,
      text: joinText(words),
      bbox: [Math.min(line.bbox[0], below.bbox[0]), line.bbox[1], Math.max(line.bbox[2], below.bbox[2]), below.bbox[3]],
      // The label is a cell of its own; the value's cells follow it.
      cells: [labelCell, ...below.cells],
      isHeading: false,
    });
    i++;
  }
  return out;
}

export interface CellField {
  label: string;
  value: string;
  words: PlacedWord[];
}

/**
 * "Label | value | Label | value" cells of one line, labels without colons: pairs whose label cell
 * `isLabel` accepts and whose value cell is not a label itself. Empty when the line is not such a row.
 */
export function cellFields(line: RowLine, isLabel: (text: string) => boolean): CellField[] {
  const cells = line.cells;
  const fields: CellField[] = [];
  for (let k = 0; k + 1 < cells.length; k++) {
    const label = cells[k].text.replace(/\s*:$/, '');
    if (!isLabel(label) || isLabel(cells[k + 1].text)) continue;
    fields.push({ label, value: cells[k + 1].text, words: cells[k + 1].words });
    k++;
  }
  return fields;
}

/** Where a field's value stands on the page: the x its value column starts at and the x of its label. */
export interface ValueColumn {
  valueX: number | null;
  labelX: number;
}

/**
 * A line that does not continue the value above it: the value's last line ended well short of the
 * right margin (a paragraph's last line), and this one starts at the left margin, left of the value
 * column, runs well across, and is one cell. `left` and `right`: the margins of the lines read.
 */
export function startsParagraph(line: RowLine, before: RowLine, value: ValueColumn, left: number, right: number): boolean {
  const x0 = line.words[0]?.bbox[0] ?? 0;
  const endedShort = before.bbox[2] < right - (right - left) * 0.3;
  const atMargin = Math.abs(x0 - left) < 8 && (value.valueX === null || x0 < value.valueX - 20);
  const runsAcross = line.bbox[2] > (value.valueX ?? left) + (right - left) * 0.3;
  return endedShort && atMargin && runsAcross && line.cells.length === 1;
}

/**
 * The words of a continuation line that belong to the value: in a two-column form a first cell that
 * sits in the label column and ends before the value column is the label wrapping ("Short-Term
 * Objectives /" over "Benchmarks"), not value text.
 */
export function valueWordsBeside(line: RowLine, value: ValueColumn): PlacedWord[] {
  const [first, second] = line.cells;
  if (value.valueX !== null && first && second && first.x1 < value.valueX - 2 && Math.abs(second.x0 - value.valueX) < 8 && Math.abs(first.x0 - value.labelX) < 8) {
    return line.cells.slice(1).flatMap((c) => c.words);
  }
  return line.words;
}

/** The left and right margins of the lines read (startsParagraph): their leftmost start and rightmost end. */
export function textMargins(lines: RowLine[]): { left: number; right: number } {
  const right = Math.max(0, ...lines.map((l) => l.bbox[2]));
  return { left: Math.min(right, ...lines.map((l) => l.bbox[0])), right };
}

/** Where a run of words starts on its line (a label's or a value's x), or null for none. */
export const leftEdge = (words: PlacedWord[]): number | null => words[0]?.bbox[0] ?? null;

/**
 * The value printed over a label cell (a strip of values with small labels under them): the cell of
 * the line above whose centre is nearest the label's, when the two overlap across.
 */
export function cellAbove(cell: Cell, above: RowLine): Cell | null {
  const mid = (cell.x0 + cell.x1) / 2;
  const nearest = [...above.cells].sort((a, b) => Math.abs((a.x0 + a.x1) / 2 - mid) - Math.abs((b.x0 + b.x1) / 2 - mid))[0];
  return nearest && nearest.x0 <= cell.x1 && nearest.x1 >= cell.x0 ? nearest : null;
}

/** The cell of the line below that stands under a label cell (overlapping it across), or null. */
export const cellUnder = (cell: Cell, below: RowLine): Cell | null => below.cells.find((u) => u.x0 < cell.x1 && u.x1 > cell.x0) ?? null;

/** The value under a label that starts at `x`: the first cell of the line below reaching that far (its first cell else). */
export const cellBelowFrom = (below: RowLine, x: number): Cell | undefined => below.cells.find((c) => c.x1 > x - 2) ?? below.cells[0];
