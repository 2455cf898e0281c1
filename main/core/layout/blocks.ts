// Reading order. A printed line is cut into segments where a gap is wider than word spacing or a
// ruling line runs between two words; a segment joins the segment above it as a wrapped line of
// the same cell or column when the two stack tightly, start together, and the first word of the
// lower one would not have fitted at the end of the upper one. The blocks are then ordered by
// cutting the page where no block straddles: across first (rows of a form or table), then down
// (side-by-side columns), so a cell's wrapped lines stay together and columns are read one by one.
import type { BBox, Rule } from '../../../shared/domain';
import { height, joinText, median, overlap, percentile, unionBBox } from './geometry';
import type { PlacedWord } from './types';

export interface Segment {
  words: PlacedWord[];
  bbox: BBox;
  text: string;
  /** Index of the printed line (row) it was cut from. */
  row: number;
}

export interface RawBlock {
  segments: Segment[];
  bbox: BBox;
}

/** The usual space between words of a line (a low percentile of the gaps). */
export function wordSpace(rows: PlacedWord[][]): number {
  const gaps: number[] = [];
  for (const line of rows) for (let i = 1; i < line.length; i++) gaps.push(line[i].bbox[0] - line[i - 1].bbox[2]);
  return percentile(gaps.filter((g) => g > 0), 0.3) ?? 4;
}

/** A gap wider than this between two words of a line separates cells: well above a normal space. */
export function cellGapLimit(rows: PlacedWord[][]): number {
  // A low percentile of the gaps: on form pages most gaps within a line can be column gaps, not spaces.
  const h = median(rows.flatMap((line) => line.map(height))) ?? 10;
  // A word space is narrower than three quarters of the type's height in any face (Courier's is 0.6 em):
  // a page of table rows alone, whose gaps are mostly cell gaps, would otherwise merge its columns.
  return Math.max(Math.min(wordSpace(rows), h * 0.75) * 1.8, h * 0.8);
}

const verticals = (rules: Rule[]) => rules.filter((r) => r.x0 === r.x1);
const horizontals = (rules: Rule[]) => rules.filter((r) => r.y0 === r.y1);

/** A line cut at wide gaps and at vertical rules between words. */
export function segmentsOf(row: PlacedWord[], rowIndex: number, gapLimit: number, rules: Rule[] = []): Segment[] {
  const vs = verticals(rules);
  const out: Segment[] = [];
  let current: PlacedWord[] = [];
  for (const w of row) {
    const last = current[current.length - 1];
    const cy = (w.bbox[1] + w.bbox[3]) / 2;
    const ruled = last && vs.some((r) => r.x0 > last.bbox[2] - 1 && r.x0 < w.bbox[0] + 1 && r.y0 <= cy && r.y1 >= cy);
    if (last && (w.bbox[0] - last.bbox[2] > gapLimit || ruled)) {
      out.push(makeSegment(current, rowIndex));
      current = [];
    }
    current.push(w);
  }
  if (current.length) out.push(makeSegment(current, rowIndex));
  return out;
}

const makeSegment = (words: PlacedWord[], row: number): Segment => ({ words, bbox: unionBBox(words), text: joinText(words), row });

/**
 * A narrow gutter (a scan's columns set close together) is found from alignment: a gap wider than
 * word spacing at the same place on five or more lines running is cut there, though it is narrower
 * than the cell gap. Justified text does not line its gaps up over five lines.
 */
export function openNarrowGutters(rows: Segment[][], space: number): Segment[][] {
  type Gap = { r: number; s: number; i: number; x0: number; x1: number };
  const gaps: Gap[] = [];
  rows.forEach((row, r) => row.forEach((seg, s) => {
    for (let i = 1; i < seg.words.length; i++) {
      const [x0, x1] = [seg.words[i - 1].bbox[2], seg.words[i].bbox[0]];
      if (x1 - x0 > space * 1.2) gaps.push({ r, s, i, x0, x1 });
    }
  }));
  const cuts = new Set<Gap>();
  for (const g of gaps) {
    // The channel through this gap: consecutive rows with a gap overlapping it, narrowing as it goes.
    let [x0, x1] = [g.x0, g.x1];
    const run = [g];
    for (let r = g.r + 1; r < rows.length; r++) {
      const next = gaps.find((o) => o.r === r && o.x0 < x1 - space * 0.5 && o.x1 > x0 + space * 0.5);
      if (!next) break;
      [x0, x1] = [Math.max(x0, next.x0), Math.min(x1, next.x1)];
      run.push(next);
    }
    // A column's lines start together: the words after the gutter share their left edge.
    const starts = run.map((o) => o.x1);
    const aligned = starts.filter((x) => Math.abs(x - median(starts)!) <= space).length >= run.length * 0.8;
    if (run.length >= 5 && x1 - x0 >= space * 0.8 && aligned) run.forEach((o) => cuts.add(o));
  }
  if (cuts.size === 0) return rows;
  return rows.map((row, r) => row.flatMap((seg, s) => {
    const at = [...cuts].filter((c) => c.r === r && c.s === s).map((c) => c.i).sort((a, b) => a - b);
    if (at.length === 0) return [seg];
    const bounds = [0, ...at, seg.words.length];
    return bounds.slice(1).map((end, k) => makeSegment(seg.words.slice(bounds[k], end), r));
  }));
}

/**
 * A gap is a gutter only if it stays white on the lines around it: a wide gap inside a paragraph
 * (a redacted name, justified text) whose x range the line above or below prints over is closed.
 */
export function closeFalseGutters(rows: Segment[][], rules: Rule[] = []): Segment[][] {
  const vs = verticals(rules);
  return rows.map((row, r) => {
    const out: Segment[] = [];
    for (const seg of row) {
      const last = out[out.length - 1];
      if (last && spanned(rows, r, last, seg) && !vs.some((v) => v.x0 > last.bbox[2] - 1 && v.x0 < seg.bbox[0] + 1 && v.y0 <= seg.bbox[3] && v.y1 >= seg.bbox[1])) {
        out[out.length - 1] = makeSegment([...last.words, ...seg.words], r);
      } else out.push(seg);
    }
    return out;
  });
}

function spanned(rows: Segment[][], r: number, left: Segment, right: Segment): boolean {
  const h = Math.max(median(left.words.map(height)) ?? 10, 4);
  const [g0, g1] = [left.bbox[2], right.bbox[0]];
  const covers = (k: number) => {
    const near = rows[k] && (k < r ? left.bbox[1] - rows[k][0].bbox[3] : rows[k][0].bbox[1] - left.bbox[3]) < h * 0.8;
    return near && rows[k].some((s) => s.bbox[0] < g0 - h && s.bbox[2] > g1 + h && s.words.length >= 4);
  };
  return covers(r - 1) && covers(r + 1);
}

/** Segments chained into blocks (cells, column paragraphs), in no particular order yet. */
export function chainBlocks(rows: Segment[][], rules: Rule[], pageRight: number): RawBlock[] {
  const hs = horizontals(rules);
  const vs = verticals(rules);
  const blocks: RawBlock[] = [];
  const lastOf = new Map<Segment, RawBlock>();
  for (let r = 0; r < rows.length; r++) {
    for (const seg of rows[r]) {
      const above = r > 0 ? bestAbove(rows, r, seg) : null;
      const block = above ? lastOf.get(above) : undefined;
      if (above && block && continues(above, seg, rows, block, hs, vs, pageRight)) {
        block.segments.push(seg);
        block.bbox = unionBBox([block, seg]);
        lastOf.delete(above);
        lastOf.set(seg, block);
      } else {
        const fresh = { segments: [seg], bbox: seg.bbox };
        blocks.push(fresh);
        lastOf.set(seg, fresh);
      }
    }
  }
  return blocks;
}

/** The segment of the nearest row above that overlaps this one most left-right, if any. */
function bestAbove(rows: Segment[][], r: number, seg: Segment): Segment | null {
  for (let k = r - 1; k >= Math.max(0, r - 2); k--) {
    let best: Segment | null = null;
    let most = 0;
    for (const s of rows[k]) {
      const o = overlap(s.bbox[0], s.bbox[2], seg.bbox[0], seg.bbox[2]);
      if (o > most) { best = s; most = o; }
    }
    if (best) return best;
  }
  return null;
}

function continues(up: Segment, down: Segment, rows: Segment[][], block: RawBlock, hs: Rule[], vs: Rule[], pageRight: number): boolean {
  const h = Math.max(median(up.words.map(height)) ?? 10, 4);
  const gap = lineGap(up, down);
  if (gap > h * 0.9 || gap < -h * 0.5) return false;
  // A rule between the two lines is a row or cell border.
  const x0 = Math.max(up.bbox[0], down.bbox[0]);
  const x1 = Math.min(up.bbox[2], down.bbox[2]);
  if (hs.some((r) => r.y0 > up.bbox[3] - 1 && r.y0 < down.bbox[1] + 1 && r.x0 <= x1 && r.x1 >= x0)) return false;
  // A value printed after its label ("Baseline: Student completes over") wraps back under the label.
  const label = rows[up.row].filter((s) => s.bbox[2] <= up.bbox[0]).pop();
  const underLabel = !!label && /:$/.test(label.text) && Math.abs(label.bbox[0] - down.bbox[0]) <= h;
  if (Math.abs(up.bbox[0] - down.bbox[0]) > h * 1.5 && !underLabel && !(down.bbox[0] > up.bbox[0] && down.bbox[0] < up.bbox[2])) return false;
  if (/:\s*$/.test(up.text) && up.words.length <= 6) return false;
  // A label wrapped in a narrow label column: short lines, the lower one ending in the colon, or the upper one in "of", "and"...
  const aligned = Math.abs(up.bbox[0] - down.bbox[0]) <= 2;
  if (aligned && up.words.length <= 5 && down.words.length <= 4 && !up.text.includes(':') && (/:$/.test(down.text) || /\s(?:of|and|or|the|to|for|in)$/i.test(up.text))) return true;
  // The column's right edge: the next thing to the right on either line, a rule, the block's widest
  // line, or else the widest of the next lines that start where this one does.
  const right = Math.min(
    nextRight(rows[up.row], up) ?? Infinity,
    nextRight(rows[down.row], down) ?? Infinity,
    ...vs.filter((v) => v.x0 > up.bbox[2] - 1 && v.y0 <= up.bbox[3] && v.y1 >= up.bbox[1]).map((v) => v.x0),
    block.segments.length > 1 ? Math.max(...block.segments.map((s) => s.bbox[2])) + h * 0.5 : columnRight(rows, up, h, pageRight),
  );
  const first = down.words[0];
  const space = h * 0.3;
  const wouldFit = up.bbox[2] + space + (first.bbox[2] - first.bbox[0]) <= right - 1;
  if (!wouldFit) return true;
  // Text that runs on: a well-filled upper line not ending a sentence, the lower starting in lower case.
  const filled = up.bbox[2] - up.bbox[0] >= (Math.min(right, pageRight) - up.bbox[0]) * 0.6;
  return filled && /^[a-z(]/.test(down.text) && !/[.:;!?]$/.test(up.text);
}

/**
 * White space between two lines, measured between words one above the other: on a page a degree
 * or two off level a line's box is taller than its words (its far end sits lower or higher), so
 * the boxes of two lines of a paragraph can overlap though their words do not.
 */
function lineGap(up: Segment, down: Segment): number {
  const gaps = down.words.flatMap((d) => up.words.filter((u) => overlap(u.bbox[0], u.bbox[2], d.bbox[0], d.bbox[2]) > 0).map((u) => d.bbox[1] - u.bbox[3]));
  return median(gaps) ?? down.bbox[1] - up.bbox[3];
}

/** The right edge of the column a segment starts: the widest of it and the next four lines starting with it. */
function columnRight(rows: Segment[][], up: Segment, h: number, pageRight: number): number {
  const aligned = rows.slice(up.row, up.row + 5).flatMap((row) => row.filter((s) => Math.abs(s.bbox[0] - up.bbox[0]) <= h));
  return aligned.length >= 3 ? Math.min(pageRight, Math.max(...aligned.map((s) => s.bbox[2])) + h * 0.5) : pageRight;
}

function nextRight(row: Segment[], seg: Segment): number | null {
  const later = row.filter((s) => s.bbox[0] >= seg.bbox[2]);
  return later.length ? Math.min(...later.map((s) => s.bbox[0])) : null;
}

/** Blocks in reading order: cut across where nothing straddles, else down, recursively. */
export function orderBlocks<B extends { bbox: BBox }>(blocks: B[]): B[] {
  if (blocks.length <= 1) return blocks;
  const across = splitWhere(blocks, 1, 3);
  if (across.length > 1) return across.flatMap(orderBlocks);
  const down = splitWhere(blocks, 0, 2);
  if (down.length > 1) return down.flatMap(orderBlocks);
  return [...blocks].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
}

/** Groups separated by a clear band along one axis (lo/hi: indexes of the box's start and end on it). */
function splitWhere<B extends { bbox: BBox }>(blocks: B[], lo: 0 | 1, hi: 2 | 3): B[][] {
  const sorted = [...blocks].sort((a, b) => a.bbox[lo] - b.bbox[lo]);
  const groups: B[][] = [];
  let reach = -Infinity;
  for (const b of sorted) {
    // A sliver of overlap (a descender, a box edge) does not join two bands.
    const slack = Math.min(2, (b.bbox[hi] - b.bbox[lo]) * 0.2);
    if (groups.length && b.bbox[lo] < reach - slack) groups[groups.length - 1].push(b);
    else groups.push([b]);
    reach = Math.max(reach, b.bbox[hi]);
  }
  return groups;
}
