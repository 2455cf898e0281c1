// Columns of a report table taken from its header as much as from its body (part of the layout
// model: readers hand it the header and body lines they found). The body's white gutters
// (line-tables.ts findColumns) find most columns, but report tables often set a narrow column so close to
// its neighbour that no gutter shows (a group-size digit after "Speech/Language Therapy"), or put
// left-aligned headings so close together that they read as one phrase ("Percentile Rank
// Qualitative"). Header phrases fix both: a column whose header holds two separate phrases is cut at
// the body's last uncovered strip before the second one, and a header phrase is cut where one of its
// words starts exactly where a body column starts. A header line of group labels ("2021 | 2024" over
// a pair of columns each, "Beginning of Year (BOY)") labels every column it stands over.
import type { Word } from '../../../shared/domain';
import { defaultGutter, findColumns, splitPhrases, unionBBox, type Column } from './line-tables';

export interface HeaderColumnOptions {
  /** Says whether a header phrase is a group label (a period, year or date) that can span several columns. */
  isGroupLabel?: (text: string) => boolean;
}

const height = (w: Word) => w.bbox[3] - w.bbox[1];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
};

/** Columns for `body` labelled from `headerLines` (top to bottom), left to right. */
export function columnsFromHeader(body: Word[][], headerLines: Word[][], options: HeaderColumnOptions = {}): Column[] {
  const lines = body.filter((l) => l.length > 0);
  const gutter = defaultGutter([...lines, ...headerLines]);
  // Lines with one phrase (a wrapped word, a chart label, a note) say little about where columns are.
  const rowLike = lines.filter((l) => splitPhrases(l, gutter).length >= 2);
  let columns = findColumns(rowLike.length >= 2 ? rowLike : lines, [], gutter).map((c) => ({ ...c, label: null as string | null }));
  const phrasesByLine = headerLines.map((line) => headerPhrases(line, columns, gutter));
  columns = splitAtHeaderPhrases(columns, phrasesByLine, lines);
  const labels: string[][] = columns.map(() => []);
  for (const phrases of phrasesByLine) {
    // Each column from half a group's width left of the first label takes the label whose centre is
    // nearest its own (a label is centred over its columns, so the first may start right of them).
    const reach = phrases.length > 1 ? (centre(phrases[1]) - centre(phrases[0])) / 2 : Math.max((phrases[0]?.x1 ?? 0) - (phrases[0]?.x0 ?? 0), gutter * 3);
    const grouped = phrases.length ? columns.filter((c) => (c.x0 + c.x1) / 2 >= centre(phrases[0]) - reach) : [];
    const groupLine = options.isGroupLabel && phrases.length > 0 && phrases.every((p) => options.isGroupLabel!(p.text)) && phrases.length < grouped.length;
    if (groupLine) {
      columns.forEach((c, i) => {
        if (!grouped.includes(c)) return;
        const mid = (c.x0 + c.x1) / 2;
        const nearest = phrases.reduce((a, b) => (Math.abs(centre(a) - mid) <= Math.abs(centre(b) - mid) ? a : b));
        labels[i].push(nearest.text);
      });
      continue;
    }
    for (const p of phrases) {
      const i = bestColumn(columns, p, gutter);
      if (i >= 0) labels[i].push(p.text);
      else {
        columns.push({ x0: p.x0, x1: p.x1, label: null });
        labels.push([p.text]);
      }
    }
  }
  const labelled = columns
    .map((c, i) => ({ x0: c.x0, x1: c.x1, label: labels[i].length ? labels[i].join(' ') : null }))
    .sort((a, b) => a.x0 - b.x0);
  if (headerLines.length === 0) return labelled;
  // Under a header, a body column with no heading of its own is the words of the column to its left
  // set wide ("Not Provided   Student absent" once the dash between them is gone).
  const merged: Column[] = [];
  for (const c of labelled) {
    const left = merged[merged.length - 1];
    if (c.label === null && left && left.label !== null) left.x1 = Math.max(left.x1, c.x1);
    else merged.push({ ...c });
  }
  return merged;
}

interface Phrase { text: string; x0: number; x1: number; words: Word[] }

const phraseCache = new WeakMap<Word[], Phrase[]>();

/**
 * A line's cells: its words cut where they stand further apart than a word space, judged by the
 * line's own word height (not by the spacing statistics of the whole page, which a page of tables
 * or a missing dash can shift).
 */
export function phraseCells(words: Word[]): Phrase[] {
  const cached = phraseCache.get(words);
  if (cached) return cached;
  const gap = Math.max(4, median(words.map(height)) * 0.85);
  const cells = splitPhrases(words, gap).map(toPhrase);
  phraseCache.set(words, cells);
  return cells;
}

const centre = (p: { x0: number; x1: number }) => (p.x0 + p.x1) / 2;

/** A header line cut into phrases at wide gaps and where a word starts at a body column's left edge. */
function headerPhrases(line: Word[], columns: Column[], gutter: number): Phrase[] {
  const space = Math.max(4, median(line.map(height)) * 0.7);
  const out: Phrase[] = [];
  for (const phrase of splitPhrases(line, Math.min(gutter, space))) {
    let current: Word[] = [];
    for (const w of phrase) {
      const startsColumn = current.length > 0 && columns.some((c) => Math.abs(c.x0 - w.bbox[0]) <= 1.5 && c.x0 > current[0].bbox[2]);
      if (startsColumn) { out.push(toPhrase(current)); current = []; }
      current.push(w);
    }
    if (current.length) out.push(toPhrase(current));
  }
  return out;
}

function toPhrase(words: Word[]): Phrase {
  const box = unionBBox(words.map((w) => w.bbox))!;
  return { text: words.map((w) => w.text).join(' '), x0: box[0], x1: box[2], words };
}

/**
 * A body column under two header phrases of one header line holds two columns whose gutter is too
 * narrow to see: cut it in the last strip no body word covers before the second phrase.
 */
function splitAtHeaderPhrases(columns: Column[], phrasesByLine: Phrase[][], lines: Word[][]): Column[] {
  const out: Column[] = [];
  for (const col of columns) {
    const cuts: number[] = [];
    for (const phrases of phrasesByLine) {
      const over = phrases.filter((p) => p.x0 >= col.x0 - 2 && p.x0 < col.x1);
      for (let k = 1; k < over.length; k++) {
        const cut = uncoveredStrip(lines, over[k - 1].x0, over[k].x0 + 2);
        if (cut !== null && cut > col.x0 && cut < col.x1) cuts.push(cut);
      }
    }
    if (cuts.length === 0) { out.push(col); continue; }
    let x0 = col.x0;
    for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
      out.push({ x0, x1: cut, label: null });
      x0 = cut;
    }
    out.push({ x0, x1: col.x1, label: null });
  }
  return out;
}

/** The middle of the rightmost x strip in [from, to) that no word of any line covers, or null. */
function uncoveredStrip(lines: Word[][], from: number, to: number): number | null {
  const lo = Math.floor(from);
  const hi = Math.ceil(to);
  if (hi <= lo) return null;
  const covered = new Uint8Array(hi - lo);
  for (const line of lines) {
    for (const w of line) {
      for (let x = Math.max(lo, Math.ceil(w.bbox[0])); x < Math.min(hi, Math.floor(w.bbox[2]) + 1); x++) covered[x - lo] = 1;
    }
  }
  let end = -1;
  for (let i = covered.length - 1; i >= 0; i--) {
    if (!covered[i] && end < 0) end = i;
    if (covered[i] && end >= 0) return lo + (i + 1 + end) / 2;
  }
  return null;
}

/** The column a header phrase labels: the one it overlaps most, else the nearest within two gutters. */
function bestColumn(columns: Column[], p: Phrase, gutter: number): number {
  let best = -1;
  let bestOverlap = 0;
  columns.forEach((c, i) => {
    const overlap = Math.min(c.x1, p.x1) - Math.max(c.x0, p.x0);
    if (overlap > bestOverlap) { best = i; bestOverlap = overlap; }
  });
  if (best >= 0) return best;
  let bestDist = gutter * 2;
  columns.forEach((c, i) => {
    const d = p.x1 < c.x0 ? c.x0 - p.x1 : p.x0 > c.x1 ? p.x0 - c.x1 : 0;
    if (d < bestDist) { best = i; bestDist = d; }
  });
  return best;
}
