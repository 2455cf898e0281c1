// Box and number helpers shared by the layout model.
import type { BBox, Word } from '../../../shared/domain';

export function unionBBox(words: Array<{ bbox: BBox }>): BBox {
  if (words.length === 0) return [0, 0, 0, 0];
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const w of words) {
    b[0] = Math.min(b[0], w.bbox[0]);
    b[1] = Math.min(b[1], w.bbox[1]);
    b[2] = Math.max(b[2], w.bbox[2]);
    b[3] = Math.max(b[3], w.bbox[3]);
  }
  return b;
}

export function unionBoxes(boxes: Array<BBox | null | undefined>): BBox | null {
  let out: BBox | null = null;
  for (const b of boxes) {
    if (!b) continue;
    out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [...b];
  }
  return out;
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

export const median = (values: number[]): number | null => percentile(values, 0.5);

export const height = (w: { bbox: BBox }): number => w.bbox[3] - w.bbox[1];
export const centerX = (w: { bbox: BBox }): number => (w.bbox[0] + w.bbox[2]) / 2;
export const centerY = (w: { bbox: BBox }): number => (w.bbox[1] + w.bbox[3]) / 2;

/** Overlap of two ranges, 0 when apart. */
export const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Whether the centre of `inner` lies inside `outer`. */
export function centreInside(inner: BBox, outer: BBox, slack = 0): boolean {
  const cx = (inner[0] + inner[2]) / 2;
  const cy = (inner[1] + inner[3]) / 2;
  return cx >= outer[0] - slack && cx <= outer[2] + slack && cy >= outer[1] - slack && cy <= outer[3] + slack;
}

export const joinText = (words: Word[]): string => words.map((w) => w.text).join(' ');

/** Typical word height on a page region: what gaps and tolerances are measured against. */
export function typicalHeight(words: Word[], fallback = 10): number {
  return median(words.filter((w) => /[A-Za-z0-9]/.test(w.text)).map(height)) ?? fallback;
}
