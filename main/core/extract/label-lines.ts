// Labels printed without a colon, in the two places forms put them: small above their value
// ("DATE OF TESTING" over "August 8, 2022") and in a cell beside it ("Service" | "Speech-Language
// Therapy" | "Scheduled" | "30 minutes per session"). Readers that look for "Label: value" on a line
// (header fields of logs and score reports, labelled service blocks) read these as the same thing.
// Words keep their boxes, so provenance is unchanged.
import { runOf, type Cell, type LayoutLine, type PlacedWord } from './layout';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};
const glyphHeight = (words: PlacedWord[]) => median(words.map((w) => w.bbox[3] - w.bbox[1]));

/**
 * A label over its value: a short line of words (no figures, no sentence end) set in smaller type
 * than the line right under it, which starts at the same left edge.
 */
export function isLabelAbove(label: LayoutLine, value: LayoutLine | undefined): boolean {
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
export function joinLabelsAbove(lines: LayoutLine[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const below = lines[i + 1];
    if (!isLabelAbove(line, below)) {
      out.push({ ...line, index: out.length });
      continue;
    }
    const labelWords = [...line.words.slice(0, -1), withColon(line.words[line.words.length - 1])];
    const words = [...labelWords, ...below.words];
    const labelCell: Cell = { words: labelWords, text: runOf(labelWords).text, x0: line.bbox[0], x1: line.bbox[2] };
    out.push({
      ...below,
      index: out.length,
      words,
      text: runOf(words).text,
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
export function cellFields(line: LayoutLine, isLabel: (text: string) => boolean): CellField[] {
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
