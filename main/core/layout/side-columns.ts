// Blocks printed as two columns side by side under a header that stands in the right column (a goal
// header, then the goal's fields on the right and the area of need and baseline in a narrower left
// column: SEIS prints and many hand-made two-column sheets). The row view reads such a block line by
// line across both columns; here it is put back in reading order: the header first, then the left
// column, then the right one. The lines after the block keep their place. The reader says which
// lines open a block (and where their header starts); the geometry is the layout model's.
import { unionBBox } from './geometry';
import type { RowLine } from './rows';
import type { PlacedWord } from './types';

/** Words that start at or right of the column's edge belong to the right column. */
const inRight = (w: PlacedWord, colX: number) => w.bbox[0] >= colX - 4;

type Side = 'left' | 'right' | 'both' | 'edge' | 'across';

/**
 * Where a line's words lie against the column edge: one side, both (apart by a column gap), a word at
 * the edge after ordinary spacing (both sides only within the block), or across it (a line that runs
 * over the whole width: the two-column block has ended).
 */
function sideOf(line: RowLine, colX: number): Side {
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

/** The part of a row made of some of its words (cells, text and box cut to them), or null when none. */
export function subLine(line: RowLine, words: PlacedWord[]): RowLine | null {
  if (words.length === 0) return null;
  const cells = line.cells
    .map((c) => ({ ...c, words: c.words.filter((w) => words.includes(w)) }))
    .filter((c) => c.words.length > 0)
    .map((c) => ({ ...c, text: c.words.map((w) => w.text).join(' '), x0: c.words[0].bbox[0], x1: Math.max(...c.words.map((w) => w.bbox[2])) }));
  return { ...line, words, text: words.map((w) => w.text).join(' '), bbox: unionBBox(words), cells, isHeading: line.isHeading && words.length === line.words.length };
}

/** The left edge of the header's column: where the lines under it start their right-hand cells, at or a little left of the header. */
function columnEdge(lines: RowLine[], at: number, headerX: number): number {
  const page = lines[at].page;
  const starts = lines.slice(at + 1, at + 7).filter((l) => l.page === page)
    .flatMap((l) => l.cells.map((c) => c.x0))
    .filter((x) => x > headerX - 30 && x <= headerX + 2);
  return starts.length > 0 ? Math.min(...starts) : headerX;
}

export interface SideColumnReader {
  /** The word a block's header starts with when it stands right of other text on its line; null when the line opens no block. */
  headerStart(line: RowLine): PlacedWord | null;
  /** A line that opens the next block or part (a header of its own): the block ends before it. */
  endsBlock(line: RowLine): boolean;
}

/**
 * The lines with each two-column block in reading order. A block starts at a line whose header
 * stands in a later column and runs, on the same page, to the last line that still has words in the
 * header's column before a line runs across it or the next block starts.
 */
export function sideColumnOrder(lines: RowLine[], reader: SideColumnReader): RowLine[] {
  const out: RowLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const headerX = reader.headerStart(line)?.bbox[0] ?? null;
    if (headerX === null) {
      out.push(line);
      i++;
      continue;
    }
    const colX = columnEdge(lines, i, headerX);
    let last = i;
    for (let j = i + 1; j < lines.length && lines[j].page === line.page; j++) {
      const next = lines[j];
      if (reader.endsBlock(next)) break;
      const side = sideOf(next, colX);
      if (side === 'across') break;
      // Only a line with clear right-column text extends the block: left-only and edge lines after the
      // last of them (a full-width report that starts the next part) stay outside.
      if (side === 'right' || side === 'both') last = j;
    }
    const block = lines.slice(i, last + 1);
    const split = (l: RowLine) => [subLine(l, l.words.filter((w) => !inRight(w, colX))), subLine(l, l.words.filter((w) => inRight(w, colX)))] as const;
    const [headLeft, headRight] = split(line);
    const rest = block.slice(1).map(split);
    const ordered = [headRight, headLeft, ...rest.map(([left]) => left), ...rest.map(([, right]) => right)];
    for (const l of ordered) if (l) out.push(l);
    i = last + 1;
  }
  return out;
}
