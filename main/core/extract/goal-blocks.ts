// Goal pages whose fields are printed side by side: the goal header, the goal and its other fields
// in a right column, the area of need and the baseline in a narrower left column beside them (SEIS
// prints, and many hand-made two-column goal sheets). The text layer reads such a page line by line
// across both columns, so a reader would take the baseline's lines into the goal's. Here each such
// block is put back in reading order: the header first, then the left column, then the right one;
// the lines after the block (progress reports under it) keep their place.
import type { LayoutLine, PlacedWord } from './layout';
import { unionBBox } from './layout';
import { GOAL_FIELD_LABELS } from './vocab/goals';

const isHeaderText = (text: string) => GOAL_FIELD_LABELS.some(([kind, re]) => kind === 'header' && re.test(text.trim()));

/** Words that start at or right of the column's edge belong to the right column. */
const inRight = (w: PlacedWord, colX: number) => w.bbox[0] >= colX - 4;

type Side = 'left' | 'right' | 'both' | 'edge' | 'across';

/**
 * Where a line's words lie against the column edge: one side, both (apart by a column gap), a word at
 * the edge after ordinary spacing (both sides only within the block), or across it (a line that runs
 * over the whole width: the two-column block has ended).
 */
function sideOf(line: LayoutLine, colX: number): Side {
  const right = line.words.filter((w) => inRight(w, colX));
  if (right.length === 0) return 'left';
  if (right.length === line.words.length) return 'right';
  const firstRight = right[0];
  const lastLeft = line.words[line.words.indexOf(firstRight) - 1];
  // The right column's text starts after a gap wider than word spacing; a word that only happens to
  // start at the column's edge (left text running up to it) is told by the lines around it.
  const gap = lastLeft ? firstRight.bbox[0] - lastLeft.bbox[2] : Infinity;
  if (gap >= 8) return 'both';
  return Math.abs(firstRight.bbox[0] - colX) <= 4 ? 'edge' : 'across';
}

function partOf(line: LayoutLine, words: PlacedWord[]): LayoutLine | null {
  if (words.length === 0) return null;
  const cells = line.cells
    .map((c) => ({ ...c, words: c.words.filter((w) => words.includes(w)) }))
    .filter((c) => c.words.length > 0)
    .map((c) => ({ ...c, text: c.words.map((w) => w.text).join(' '), x0: c.words[0].bbox[0], x1: Math.max(...c.words.map((w) => w.bbox[2])) }));
  return { ...line, words, text: words.map((w) => w.text).join(' '), bbox: unionBBox(words), cells, isHeading: line.isHeading && words.length === line.words.length };
}

/**
 * Where a goal header printed right of another field on its line starts ("Area of Need: Reading" then
 * "Goal #: 1"): in a later cell, or after a "Label: value" pair when the gap between them is narrow,
 * the header then running to the end of the line.
 */
function headerXOf(line: LayoutLine): number | null {
  const cell = line.cells.slice(1).find((c) => isHeaderText(c.text));
  if (cell) return cell.x0;
  const words = line.words;
  for (let k = 1; k < words.length; k++) {
    const before = words.slice(0, k).map((w) => w.text).join(' ');
    if (!/^[^:]{2,40}:\s*\S/.test(before)) continue;
    const rest = words.slice(k).map((w) => w.text).join(' ');
    const m = GOAL_FIELD_LABELS.find(([kind, re]) => kind === 'header' && re.test(rest));
    if (m && m[1].exec(rest)?.[0].trim() === rest.trim()) return words[k].bbox[0];
  }
  return null;
}

/** The left edge of the header's column: where the lines under it start their right-hand cells, at or a little left of the header. */
function columnEdge(lines: LayoutLine[], at: number, headerX: number): number {
  const page = lines[at].page;
  const starts = lines.slice(at + 1, at + 7).filter((l) => l.page === page)
    .flatMap((l) => l.cells.map((c) => c.x0))
    .filter((x) => x > headerX - 30 && x <= headerX + 2);
  return starts.length > 0 ? Math.min(...starts) : headerX;
}

/**
 * The goals part's lines with each two-column goal block in reading order. A block starts at a line
 * whose goal header stands in a later cell and runs, on the same page, to the last line that still
 * has words in the header's column before a line runs across it or the next goal starts.
 */
export function columnOrdered(lines: LayoutLine[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const headerX = headerXOf(line);
    if (headerX === null) {
      out.push(line);
      i++;
      continue;
    }
    const colX = columnEdge(lines, i, headerX);
    let last = i;
    for (let j = i + 1; j < lines.length && lines[j].page === line.page; j++) {
      const next = lines[j];
      if (headerXOf(next) !== null || isHeaderText(next.text)) break;
      const side = sideOf(next, colX);
      if (side === 'across') break;
      // Only a line with clear right-column text extends the block: left-only and edge lines after the
      // last of them (a full-width report that starts the next part) stay outside.
      if (side === 'right' || side === 'both') last = j;
    }
    const block = lines.slice(i, last + 1);
    const split = (l: LayoutLine) => [partOf(l, l.words.filter((w) => !inRight(w, colX))), partOf(l, l.words.filter((w) => inRight(w, colX)))] as const;
    const [headLeft, headRight] = split(line);
    const rest = block.slice(1).map(split);
    const ordered = [headRight, headLeft, ...rest.map(([left]) => left), ...rest.map(([, right]) => right)];
    for (const l of ordered) if (l) out.push(l);
    i = last + 1;
  }
  return out;
}

/** A row of tick-box options ("☐ Draft  ☒ Accepted  ☐ ESY"): form controls, never goal text. */
export function isTickBoxRow(line: LayoutLine): boolean {
  return line.cells.length > 0 && line.cells.every((c) => /^[☐☒☑□■▢✓✔✗✘]/u.test(c.text.trim()));
}
