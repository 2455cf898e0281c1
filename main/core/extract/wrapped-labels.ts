// Form labels wrapped over two lines in a narrow label column ("Projected Date IEP to be" over
// "Implemented:", with the value beside the first line): the second line's label words are moved up
// into the first line, right after the label cell they continue, so label matching sees the whole
// label and the value still follows it. Words keep their boxes, so provenance is unchanged.
import { runOf, type Cell, type Layout, type LayoutLine } from './layout';

/** A cell that can only be the end of a label: no digits, short, ending with a colon. */
const isLabelTail = (c: Cell) => /:\s*$/.test(c.text) && !/\d/.test(c.text) && c.words.length <= 4;

export function joinWrappedLabels(layout: Layout): Layout {
  const lines: LayoutLine[] = [];
  const skipped = new Set<number>();
  for (let i = 0; i < layout.lines.length; i++) {
    if (skipped.has(i)) continue;
    const line = layout.lines[i];
    // On a scan a speck between the two lines can be read as a line of its own (":", "|").
    const at = isNoise(layout.lines[i + 1]) ? i + 2 : i + 1;
    const below = layout.lines[at];
    if (below && below.page === line.page && isContinuation(line, below)) {
      lines.push(withTails(line, below, lines.length));
      skipped.add(at);
      continue;
    }
    lines.push({ ...line, index: lines.length });
  }
  return { ...layout, lines };
}

const isNoise = (line: LayoutLine | undefined) => !!line && !/[A-Za-z0-9]/.test(line.text);

/** Every cell of `below` ends a label and sits under a label cell of `line` that has a value beside it. */
function isContinuation(line: LayoutLine, below: LayoutLine): boolean {
  if (below.cells.length === 0 || !below.cells.every(isLabelTail)) return false;
  const height = line.bbox[3] - line.bbox[1];
  if (below.bbox[1] - line.bbox[3] > height) return false;
  return below.cells.every((tail) => {
    const at = line.cells.findIndex((c) => Math.abs(c.x0 - tail.x0) <= 3);
    return at >= 0 && !/:\s*$/.test(line.cells[at].text) && at + 1 < line.cells.length && /\d/.test(line.cells[at + 1].text);
  });
}

function withTails(line: LayoutLine, below: LayoutLine, index: number): LayoutLine {
  const cells: Cell[] = line.cells.map((c) => {
    const tail = below.cells.find((t) => Math.abs(c.x0 - t.x0) <= 3);
    if (!tail) return c;
    return { words: [...c.words, ...tail.words], text: `${c.text} ${tail.text}`, x0: c.x0, x1: Math.max(c.x1, tail.x1) };
  });
  const words = cells.flatMap((c) => c.words);
  return { ...line, index, cells, words, text: runOf(words).text };
}
