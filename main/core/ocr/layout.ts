// Turns tesseract's TSV output into lines of words, and lines into the page's stored text.
// Tesseract reads a page block by block (a column at a time); forms and tables read row by row,
// so the stored text is rebuilt from visual rows: lines from different blocks that sit at the same
// height are one row, left to right, as pdftotext -layout prints a page. Readers that need columns
// take them from the layout model (main/core/layout), which reads the page's words into columns
// and cells in reading order. The stored text stays in rows because that is what OCR is measured against: the
// fixtures' reference texts are pdftotext -layout of the clean pages (row order, a label wrapped
// under itself split by the values beside it), and column order raised the character error rate on
// the dev-rivera scans from 0.016 to 0.117.

/** Axis-aligned box in image pixels: [x0, y0, x1, y1]. */
export type PixelBox = [number, number, number, number];

export interface OcrWord {
  text: string;
  box: PixelBox;
  conf: number;
}

export interface OcrLine {
  words: OcrWord[];
  box: PixelBox;
}

/** Parses tesseract TSV (level, page, block, par, line, word, left, top, width, height, conf, text). */
export function parseTsv(tsv: string): OcrLine[] {
  const lines = new Map<string, OcrLine>();
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const text = cols.slice(11).join('\t').trim();
    const conf = Number(cols[10]);
    if (!text || !(conf >= 0)) continue;
    const [left, top, width, height] = cols.slice(6, 10).map(Number);
    const word: OcrWord = { text, box: [left, top, left + width, top + height], conf };
    const key = `${cols[1]}.${cols[2]}.${cols[3]}.${cols[4]}`;
    const line = lines.get(key);
    if (line) {
      line.words.push(word);
      line.box = union(line.box, word.box);
    } else lines.set(key, { words: [word], box: [...word.box] });
  }
  return [...lines.values()];
}

const union = (a: PixelBox, b: PixelBox): PixelBox => [
  Math.min(a[0], b[0]),
  Math.min(a[1], b[1]),
  Math.max(a[2], b[2]),
  Math.max(a[3], b[3]),
];

/**
 * Groups lines into visual rows. A line joins a row when their vertical extents overlap by at
 * least half the shorter one's height (so a tall heading does not swallow two small lines).
 */
export function groupRows(lines: OcrLine[]): OcrLine[][] {
  const sorted = [...lines].sort((a, b) => centerY(a) - centerY(b) || a.box[0] - b.box[0]);
  const rows: { lines: OcrLine[]; top: number; bottom: number; height: number }[] = [];
  for (const line of sorted) {
    const h = line.box[3] - line.box[1];
    let best: (typeof rows)[number] | null = null;
    let bestOverlap = 0;
    // Only the last few rows can overlap a line that starts below them in sort order.
    for (let i = rows.length - 1; i >= Math.max(0, rows.length - 4); i--) {
      const row = rows[i];
      const overlap = Math.min(row.bottom, line.box[3]) - Math.max(row.top, line.box[1]);
      const ratio = overlap / Math.max(1, Math.min(h, row.height));
      if (ratio >= 0.5 && ratio > bestOverlap && !collidesHorizontally(row.lines, line)) {
        best = row;
        bestOverlap = ratio;
      }
    }
    if (best) {
      best.lines.push(line);
      // Keep the row band at its typical line, not the union, so rows do not creep downward.
      best.top = median(best.lines.map((l) => l.box[1]));
      best.bottom = median(best.lines.map((l) => l.box[3]));
      best.height = best.bottom - best.top;
    } else rows.push({ lines: [line], top: line.box[1], bottom: line.box[3], height: h });
  }
  return rows.map((r) => r.lines.sort((a, b) => a.box[0] - b.box[0]));
}

/** Two lines that overlap left-right cannot be in one row: they are stacked lines of one column. */
function collidesHorizontally(rowLines: OcrLine[], line: OcrLine): boolean {
  return rowLines.some((l) => Math.min(l.box[2], line.box[2]) - Math.max(l.box[0], line.box[0]) > 0);
}

const centerY = (l: OcrLine) => (l.box[1] + l.box[3]) / 2;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Page text: one row per text line, lines within a row joined left to right. */
export function rowsToText(rows: OcrLine[][]): string {
  return rows.map((row) => row.map((l) => l.words.map((w) => w.text).join(' ')).join(' ')).join('\n');
}
