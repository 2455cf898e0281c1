// Round and square letters that a scan's pixels read as marks. The pixel reader (pixel-boxes.ts)
// sees only ink: a capital O standing between two spaces is a ring, the bowl of a "B" or an "o" set
// apart by blur can be a small box. With the words OCR read on the same line the two are told
// apart: a letter is the size of the line's capitals (or smaller) and sits inside a word, or is a
// word of its own with words at ordinary spacing on both sides; a radio or checkbox is what is left,
// set apart before the label it stands next to.
import type { GraphicBox } from '../../../shared/domain';
import { centreInside, height, median, overlap } from './geometry';
import type { PlacedWord } from './types';

/** Letters with no descender, with a capital or an ascender: their box is as tall as a capital. */
const CAP_HIGH = /^(?=[^gjpqy]*$)(?=.*[A-Zbdfhklt])[A-Za-z]+[.,;:]?$/;
const ONE_CHARACTER = /^[A-Za-z0-9][.,;:]?$/;

/** The height of the line's capitals, from its words set without descenders, or null. */
function capHeight(words: PlacedWord[]): number | null {
  return median(words.filter((w) => CAP_HIGH.test(w.text)).map(height));
}

/** Index of the character of `word` printed at x, by its share of the word's width. */
function characterAt(word: PlacedWord, x: number): number {
  const share = (x - word.bbox[0]) / Math.max(1, word.bbox[2] - word.bbox[0]);
  return Math.min(word.text.length - 1, Math.max(0, Math.floor(share * word.text.length)));
}

/**
 * A letter inside the word: the word runs on past the mark and reads a letter there, unless the
 * mark opens a capitalised word ("OYes", "QInitial"): that is a mark OCR ran into its label.
 */
function letterOf(word: PlacedWord, x: number): boolean {
  const at = characterAt(word, x);
  if (!/[A-Za-z0-9]/.test(word.text[at] ?? '')) return false;
  return !(at === 0 && /^.[A-Z][a-z]/.test(word.text));
}

/** Whether a mark found in a scan's pixels is a letter of the line of text it sits on. */
export function isPrintedLetter(box: GraphicBox, rows: PlacedWord[][], gapLimit: number): boolean {
  if (box.source !== 'pixels') return false;
  const [x0, y0, x1, y1] = box.bbox;
  const boxHeight = y1 - y0;
  const boxWidth = x1 - x0;
  const row = rows.find((r) => r.some((w) => overlap(y0, y1, w.bbox[1], w.bbox[3]) >= Math.min(height(w), boxHeight) * 0.5));
  if (!row) return false;
  // What OCR read of the mark itself: one character centred on it ("O", "0", "O.").
  const inside = row.filter((w) => ONE_CHARACTER.test(w.text) && centreInside(w.bbox, box.bbox, 1.5) && w.bbox[2] - w.bbox[0] <= boxWidth * 1.6);
  const cap = capHeight(row.filter((w) => !inside.includes(w)));
  if (cap === null || boxHeight > cap * 1.25) return false;
  const cx = (x0 + x1) / 2;
  // Part of a longer word: the word runs on past the mark, and what it reads there is a letter.
  const host = row.find((w) => !inside.includes(w) && w.text.length >= 2 && centreInside(box.bbox, w.bbox, 1) && boxWidth <= (w.bbox[2] - w.bbox[0]) * 0.75);
  if (host && letterOf(host, cx)) return true;
  // A word of its own ("type O negative"): one character, words at ordinary spacing before it and
  // after it (or its sentence's stop right after it).
  if (boxHeight > cap * 1.2 || inside.length !== 1) return false;
  const before = row.filter((w) => w.bbox[2] <= x0 + 1).sort((a, b) => b.bbox[2] - a.bbox[2])[0];
  const after = row.filter((w) => w.bbox[0] >= x1 - 1).sort((a, b) => a.bbox[0] - b.bbox[0])[0];
  const near = (w: PlacedWord | undefined, gap: (w: PlacedWord) => number) => !!w && gap(w) <= gapLimit;
  const beforeNear = near(before, (w) => x0 - w.bbox[2]);
  const afterNear = near(after, (w) => w.bbox[0] - x1);
  return beforeNear && (afterNear || /[.,;:]$/.test(inside[0].text));
}
