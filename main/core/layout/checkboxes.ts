// Checkboxes and radio marks with their state and label: boxes the page draws (read from its
// operators or pixels, see pdf-operators.ts and pixel-boxes.ts) and box glyphs in the text
// (☐ ☑ ☒ ■ □ ✓ ✔ ✗). A box's label is the text after it on its line up to the next box or a wide
// gap; where a line ends in a box ("Yes ☐ No ☒"), the text before it. The text before a line's first
// box ("Meeting type:") is the group the options answer.
import type { BBox, GraphicBox } from '../../../shared/domain';
import { centreInside, height, joinText, median, overlap } from './geometry';
import { wordSpace } from './blocks';
import { isPrintedLetter } from './letter-marks';
import type { Checkbox, CheckboxSource, PlacedWord } from './types';

const CHECKED_GLYPHS = '☑☒■✓✔✗✘☓⊠⊗◼▣●◉⦿';
const EMPTY_GLYPHS = '☐□○◯❏❑▢◻';
const GLYPH = new RegExp(`^([${CHECKED_GLYPHS}${EMPTY_GLYPHS}])(.*)$`, 'u');
const TICK_TEXT = /^[xX✓✔✗✘]$/;

interface Item {
  word: PlacedWord | null;
  box: { bbox: BBox; checked: boolean | null; source: CheckboxSource } | null;
  x0: number;
  x1: number;
}

/** Checkboxes of one page, from its printed lines (left to right) and drawn boxes. */
export function readCheckboxes(page: number, rows: PlacedWord[][], marks: GraphicBox[], gapLimit: number): Checkbox[] {
  // A scan's round and square letters (a lone capital O, the bowl of a B) are text, not marks.
  const drawn = marks.filter((b) => !isPrintedLetter(b, rows, gapLimit));
  const out: Checkbox[] = [];
  const used = new Set<GraphicBox>();
  for (const row of rows) {
    const h = median(row.map(height)) ?? 10;
    const top = Math.min(...row.map((w) => w.bbox[1]));
    const bottom = Math.max(...row.map((w) => w.bbox[3]));
    const onRow = drawn.filter((b) => !used.has(b) && overlap(top, bottom, b.bbox[1], b.bbox[3]) >= Math.min(h, b.bbox[3] - b.bbox[1]) * 0.4);
    onRow.forEach((b) => used.add(b));
    // A letter typed inside a drawn box ("X") is its mark, not a label; on a scan, what OCR made of
    // the box itself ("[]", "O", "IX]", "[mw]") is the box, not text.
    const ticks = new Set(row.filter((w) => (TICK_TEXT.test(w.text) || w.text.length <= 4) && onRow.some((b) => centreInside(w.bbox, b.bbox, 1.5))));
    const items: Item[] = [];
    for (const b of onRow) {
      const typed = b.source === 'vector' && [...ticks].some((w) => TICK_TEXT.test(w.text) && centreInside(w.bbox, b.bbox, 1));
      items.push({ word: null, box: { bbox: b.bbox, checked: typed ? true : b.checked, source: b.source }, x0: b.bbox[0], x1: b.bbox[2] });
    }
    for (const w of row) {
      if (ticks.has(w)) continue;
      const m = GLYPH.exec(w.text);
      if (m) {
        const glyphWidth = (w.bbox[2] - w.bbox[0]) / [...w.text].length;
        const bbox: BBox = [w.bbox[0], w.bbox[1], w.bbox[0] + glyphWidth, w.bbox[3]];
        items.push({ word: null, box: { bbox, checked: CHECKED_GLYPHS.includes(m[1]), source: 'glyph' }, x0: bbox[0], x1: bbox[2] });
        if (m[2]) {
          // A glyph printed against its label ("☒Yes"): the rest of the word is label text.
          const rest: PlacedWord = { ...w, text: m[2], bbox: [bbox[2], w.bbox[1], w.bbox[2], w.bbox[3]] };
          items.push({ word: rest, box: null, x0: rest.bbox[0], x1: rest.bbox[2] });
        }
      } else items.push({ word: w, box: null, x0: w.bbox[0], x1: w.bbox[2] });
    }
    out.push(...labelled(page, items.sort((a, b) => a.x0 - b.x0), gapLimit));
  }
  // A grid of boxes (a box per column under headers): a box with no words beside it takes as its
  // label the heading printed over it or, in a line of such boxes, the heading of the column it
  // stands in, on the nearest line above whose headings give each box of the line a column of its
  // own. Headings of narrow columns may stand closer than a cell gap: a gap well over a word space
  // parts them.
  const headingGap = Math.min(gapLimit, wordSpace(rows) * 1.6);
  const bare = out.filter((c) => !c.label);
  const middle = (b: BBox) => (b[1] + b[3]) / 2;
  for (const c of bare) {
    const cx = (c.bbox[0] + c.bbox[2]) / 2;
    const line = bare.filter((o) => Math.abs(middle(o.bbox) - middle(c.bbox)) < (c.bbox[3] - c.bbox[1]) / 2).map((o) => (o.bbox[0] + o.bbox[2]) / 2);
    const words = rows.filter((r) => r[0].bbox[3] <= c.bbox[1]).reverse().slice(0, 8).map((r) => headingOver(r, cx, line, headingGap)).find((ws) => ws !== null);
    if (!words) continue;
    c.label = joinText(words);
    c.labelWords = words;
  }
  // Boxes on no line of text: no label, but still a box.
  for (const b of drawn) if (!used.has(b)) out.push({ page, bbox: b.bbox, checked: b.checked, label: '', labelWords: [], group: null, source: b.source });
  return out;
}

function labelled(page: number, items: Item[], gapLimit: number): Checkbox[] {
  const boxes = items.map((it, i) => (it.box ? i : -1)).filter((i) => i >= 0);
  if (boxes.length === 0) return [];
  const lastBox = boxes[boxes.length - 1];
  // "Yes ☐ No ☒": nothing after the last box, words before each: labels are on the left.
  const leftLabels = lastBox === items.length - 1 && boxes[0] > 0;
  const out: Checkbox[] = [];
  let group: string | null = null;
  let labelEnd = -1;
  boxes.forEach((bi, k) => {
    const words: PlacedWord[] = [];
    if (leftLabels) {
      for (let i = bi - 1; i > (k > 0 ? boxes[k - 1] : -1); i--) {
        const next = items[i + 1];
        const limit = i === bi - 1 ? Math.max(gapLimit, items[bi].x1 - items[bi].x0) : gapLimit;
        if (items[i].word && next.x0 - items[i].x1 <= limit) words.unshift(items[i].word!);
        else break;
      }
    } else {
      // Words between the previous option's label and this box ask a new question: "EL: ☐Yes ☐No  Redesignated: ☐Yes".
      const before = items.slice(labelEnd + 1, bi).filter((it) => it.word).map((it) => it.word!);
      if (before.length) group = joinText(before);
      let i = bi + 1;
      for (; i < items.length && !items[i].box; i++) {
        // The first word may sit a box's width away from its box.
        const limit = i === bi + 1 ? Math.max(gapLimit, items[bi].x1 - items[bi].x0) : gapLimit;
        if (items[i].x0 - items[i - 1].x1 > limit) break;
        words.push(items[i].word!);
      }
      labelEnd = i - 1;
    }
    const box = items[bi].box!;
    out.push({ page, bbox: box.bbox, checked: box.checked, label: joinText(words), labelWords: words, group: leftLabels ? null : group, source: box.source });
  });
  return out;
}

/**
 * The heading of a line of column headings over the point `x` (the centre of a box of a line of
 * boxes whose centres are `line`), or null when the line is no header row of those boxes. The
 * line's headings are its phrases (words no further apart than `gap`). A heading printed over the
 * box is its heading; else, for a line of two boxes or more, a heading's column runs to the middle
 * of the white on either side of it, so that a box centred in its column finds its heading printed
 * left-aligned (the column runs from the heading's start towards the next heading's start), centred
 * or right-aligned over it; the outer columns reach half the headings' pitch past the line. Two
 * boxes of the line in one heading's column, or one outside them all: no header row of theirs (a
 * question ending in "Yes" over a pair of boxes set apart from it).
 */
function headingOver(row: PlacedWord[], x: number, line: number[], gap: number): PlacedWord[] | null {
  const phrases: PlacedWord[][] = [];
  for (const w of row) {
    if (GLYPH.test(w.text)) continue;
    const last = phrases[phrases.length - 1];
    if (last && w.bbox[0] - last[last.length - 1].bbox[2] <= gap) last.push(w);
    else phrases.push([w]);
  }
  if (!phrases.length) return null;
  const x0 = (p: PlacedWord[]) => p[0].bbox[0];
  const x1 = (p: PlacedWord[]) => Math.max(...p.map((w) => w.bbox[2]));
  const over = phrases.find((p) => x >= x0(p) - 2 && x <= x1(p) + 2);
  if (over) return over;
  if (line.length < 2) return null;
  const pitches = phrases.slice(1).map((p, k) => x0(p) - x0(phrases[k]));
  const reach = (median(pitches) ?? gap * 2) / 2;
  const column = (v: number) => v < x0(phrases[0]) - reach || v > x1(phrases[phrases.length - 1]) + reach ? -1 : phrases.findIndex((p, k) => k === phrases.length - 1 || v <= (x1(p) + x0(phrases[k + 1])) / 2);
  // Every box of the line under a heading of its own: else the line is no header row of these boxes.
  const columns = line.map(column);
  if (columns.includes(-1) || new Set(columns).size < columns.length) return null;
  return phrases[column(x)];
}

/** The options of one question and which are ticked. */
export interface Answer {
  group: string;
  options: Checkbox[];
  ticked: Checkbox[];
  /** False when some option's box could not be read: then no answer is certain. */
  readable: boolean;
}

/**
 * The answer to the first question whose group label matches one of `groups` (a vocabulary's labels,
 * such as the meeting type's), or null when no such question has boxes. Readers take `ticked` only
 * when `readable`: a box that cannot be read is never taken for the first option.
 */
export function answerOf(boxes: Checkbox[], groups: RegExp[]): Answer | null {
  const first = boxes.find((b) => b.group && groups.some((re) => re.test(b.group!)));
  if (!first) return null;
  const options = boxes.filter((b) => b.page === first.page && b.group === first.group && Math.abs(b.bbox[1] - first.bbox[1]) < 20);
  return { group: first.group!, options, ticked: options.filter((b) => b.checked === true), readable: options.every((b) => b.checked !== null) };
}

/** The boxes printed along a line, labelled or not: on its page, their middle between its words' top and bottom. */
export function boxesAlongLine(boxes: Checkbox[], line: { page: number; words: PlacedWord[] }): Checkbox[] {
  if (!boxes.length || !line.words.length) return [];
  const top = Math.min(...line.words.map((w) => w.bbox[1]));
  const bottom = Math.max(...line.words.map((w) => w.bbox[3]));
  return boxes.filter((b) => b.page === line.page && (b.bbox[1] + b.bbox[3]) / 2 >= top && (b.bbox[1] + b.bbox[3]) / 2 <= bottom);
}

/** The labelled boxes printed along a line. */
export function boxesOnLine(boxes: Checkbox[], line: { page: number; words: PlacedWord[] }): Checkbox[] {
  return boxesAlongLine(boxes, line).filter((b) => b.label);
}
