// Checkboxes on a scanned or photographed page: small square frames of dark pixels (each side a
// straight dark run), read as ticked, empty or unreadable from the ink inside the frame. Letters
// such as O, D or 0 are not frames: their sides are not straight runs.
import type { BBox, GraphicBox } from '../../../shared/domain';
import { interiorInk, inkState } from './ink';

export interface GreyImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** Boxes in pixel coordinates of the image; `dpi` sets the sizes a checkbox can have (0.07 to 0.3 in). */
export function pixelCheckboxes(img: GreyImage, dpi: number, threshold = 140): GraphicBox[] {
  const { pixels, width } = img;
  const min = Math.max(6, Math.round(dpi * 0.07));
  const max = Math.round(dpi * 0.3);
  const dark = (x: number, y: number) => pixels[y * width + x] < threshold;
  const out: GraphicBox[] = [];
  for (const c of components(img, threshold)) {
    const w = c[2] - c[0] + 1;
    const h = c[3] - c[1] + 1;
    if (w < min || h < min || w > max || h > max || w / h < 0.75 || w / h > 1.33) continue;
    if (!straightSides(dark, c)) continue;
    const ink = interiorInk((x, y) => dark(c[0] + x, c[1] + y), w, h);
    if (ink === null) continue;
    out.push({ bbox: [c[0], c[1], c[2] + 1, c[3] + 1], shape: 'square', checked: inkState(ink), source: 'pixels' });
  }
  return out;
}

/** Every side of the box is dark along at least 80 % of its length, within two pixels of the edge. */
function straightSides(dark: (x: number, y: number) => boolean, [x0, y0, x1, y1]: BBox): boolean {
  const run = (fixed: number, from: number, to: number, horizontal: boolean, inward: number) => {
    let n = 0;
    for (let t = from; t <= to; t++) {
      let hit = false;
      for (let d = 0; d < 3 && !hit; d++) hit = horizontal ? dark(t, fixed + d * inward) : dark(fixed + d * inward, t);
      if (hit) n++;
    }
    return n / (to - from + 1);
  };
  return run(y0, x0, x1, true, 1) >= 0.8 && run(y1, x0, x1, true, -1) >= 0.8 && run(x0, y0, y1, false, 1) >= 0.8 && run(x1, y0, y1, false, -1) >= 0.8;
}

/** Bounding boxes of 8-connected dark components (union-find over runs of each row). */
function components({ pixels, width, height }: GreyImage, threshold: number): BBox[] {
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const runs: Array<{ y: number; x0: number; x1: number; id: number }> = [];
  let prevRow: typeof runs = [];
  for (let y = 0; y < height; y++) {
    const row: typeof runs = [];
    for (let x = 0; x < width; ) {
      if (pixels[y * width + x] >= threshold) { x++; continue; }
      const x0 = x;
      while (x < width && pixels[y * width + x] < threshold) x++;
      const run = { y, x0, x1: x - 1, id: parent.length };
      parent.push(run.id);
      for (const p of prevRow) {
        if (p.x1 >= x0 - 1 && p.x0 <= run.x1 + 1) {
          const a = find(p.id);
          const b = find(run.id);
          if (a !== b) parent[b] = a;
        }
      }
      row.push(run);
      runs.push(run);
    }
    prevRow = row;
  }
  const boxes = new Map<number, BBox>();
  for (const r of runs) {
    const root = find(r.id);
    const b = boxes.get(root);
    if (b) {
      b[0] = Math.min(b[0], r.x0);
      b[2] = Math.max(b[2], r.x1);
      b[3] = r.y;
    } else boxes.set(root, [r.x0, r.y, r.x1, r.y]);
  }
  return [...boxes.values()];
}
