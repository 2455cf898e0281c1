// Goal pages whose fields are printed side by side: the goal header, the goal and its other fields
// in a right column, the area of need and the baseline in a narrower left column beside them. The
// layout model (main/core/layout/side-columns.ts) puts each such block back in reading order; this
// says which lines open a block: those whose goal header stands right of other text.
import { sideColumnOrder, type RowLine } from '../layout';
import type { LayoutLine, PlacedWord } from './layout';
import { GOAL_FIELD_LABELS } from './vocab/goals';

const isHeaderText = (text: string) => GOAL_FIELD_LABELS.some(([kind, re]) => kind === 'header' && re.test(text.trim()));

/**
 * Where a goal header printed right of another field on its line starts ("Area of Need: Reading" then
 * "Goal #: 1"): in a later cell, or after a "Label: value" pair when the gap between them is narrow,
 * the header then running to the end of the line.
 */
function headerStartOf(line: LayoutLine): PlacedWord | null {
  const cell = line.cells.slice(1).find((c) => isHeaderText(c.text));
  if (cell) return cell.words[0];
  const words = line.words;
  for (let k = 1; k < words.length; k++) {
    const before = words.slice(0, k).map((w) => w.text).join(' ');
    if (!/^[^:]{2,40}:\s*\S/.test(before)) continue;
    const rest = words.slice(k).map((w) => w.text).join(' ');
    const m = GOAL_FIELD_LABELS.find(([kind, re]) => kind === 'header' && re.test(rest));
    if (m && m[1].exec(rest)?.[0].trim() === rest.trim()) return words[k];
  }
  return null;
}

/** The goals part's lines with each two-column goal block in reading order (a goal header opens a block, the next one ends it). */
export function columnOrdered(lines: LayoutLine[]): LayoutLine[] {
  return sideColumnOrder(lines, { headerStart: headerStartOf, endsBlock: (l: RowLine) => headerStartOf(l) !== null || isHeaderText(l.text) });
}

/** A row of tick-box options ("☐ Draft  ☒ Accepted  ☐ ESY"): form controls, never goal text. */
export function isTickBoxRow(line: LayoutLine): boolean {
  return line.cells.length > 0 && line.cells.every((c) => /^[☐☒☑□■▢✓✔✗✘]/u.test(c.text.trim()));
}
