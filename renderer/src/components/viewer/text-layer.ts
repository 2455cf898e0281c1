// The recognised words of a page gathered into printed lines, so the text drawn over (or instead of)
// a scan reads as lines of one size on one baseline rather than words of every height scattered a
// pixel apart. A line breaks into runs where a gap is wider than a column gutter, so the cells of a
// table row stay in their columns.
import type { BBox, Word } from '../../../../shared/domain';

export interface TextRun {
  text: string;
  /** The run's box on the page, in PDF points: left, top, right, bottom. */
  bbox: BBox;
}

export interface TextLine {
  /** The line's height (median of its words), in points: the font size follows it. */
  height: number;
  runs: TextRun[];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const centreY = (b: BBox) => (b[1] + b[3]) / 2;
const heightOf = (b: BBox) => Math.max(1, b[3] - b[1]);

/** A gap wider than this many line heights starts a new run (a table column, a second text column). */
const RUN_GAP = 1.6;

/** Words (any order) as lines top to bottom, each line's runs left to right. Empty words are left out. */
export function textLines(words: readonly Word[]): TextLine[] {
  const sorted = words.filter((w) => w.text.trim()).sort((a, b) => centreY(a.bbox) - centreY(b.bbox) || a.bbox[0] - b.bbox[0]);
  const groups: Word[][] = [];
  for (const w of sorted) {
    // A recent line whose middle this word's middle lies within half a line of joins it (words come
    // top to bottom, so only the last few lines can take it).
    const line = groups.slice(-4).find((g) => {
      const mid = median(g.map((x) => centreY(x.bbox)));
      const h = median(g.map((x) => heightOf(x.bbox)));
      return Math.abs(centreY(w.bbox) - mid) <= Math.max(h, heightOf(w.bbox)) / 2;
    });
    if (line) line.push(w);
    else groups.push([w]);
  }
  return groups.map((g) => {
    const height = median(g.map((x) => heightOf(x.bbox)));
    const top = median(g.map((x) => x.bbox[1]));
    const ordered = [...g].sort((a, b) => a.bbox[0] - b.bbox[0]);
    const runs: TextRun[] = [];
    for (const w of ordered) {
      const last = runs[runs.length - 1];
      if (last && w.bbox[0] - last.bbox[2] <= RUN_GAP * height) {
        last.text += ` ${w.text}`;
        last.bbox = [last.bbox[0], last.bbox[1], Math.max(last.bbox[2], w.bbox[2]), last.bbox[3]];
      } else {
        runs.push({ text: w.text, bbox: [w.bbox[0], top, w.bbox[2], top + height] });
      }
    }
    return { height, runs };
  });
}
