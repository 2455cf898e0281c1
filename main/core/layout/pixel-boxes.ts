// Checkboxes on a scanned or photographed page: small square frames of dark pixels (each side a
// straight dark run), read as ticked, empty or unreadable from the ink inside the frame; and radio
// marks, small rings (empty, or with a dot inside) and solid discs (a filled radio), standing apart
// from any letter on one side. Letters such as D or 0 are not frames: their sides are not straight
// runs, and an O inside a word has letters close on both sides.
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
    const bbox: BBox = [c[0], c[1], c[2] + 1, c[3] + 1];
    if (!straightSides(dark, c)) {
      const radio = standsApart(dark, c, img) ? roundMark(dark, c) : undefined;
      if (radio !== undefined) out.push({ bbox, shape: 'circle', checked: radio, source: 'pixels' });
      continue;
    }
    const ink = interiorInk((x, y) => dark(c[0] + x, c[1] + y), w, h);
    if (ink === null) continue;
    out.push({ bbox, shape: 'square', checked: inkState(ink), source: 'pixels' });
  }
  // The dot inside a ring (or a mark inside a box) is the mark, not another box.
  return out.filter((b) => !out.some((o) => o !== b && o.bbox[0] <= b.bbox[0] && o.bbox[1] <= b.bbox[1] && o.bbox[2] >= b.bbox[2] && o.bbox[3] >= b.bbox[3]));
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

const RAYS = 48;

/**
 * A round mark's state: a thin ring with nothing inside (false), with a dot inside (true), a solid
 * disc (true), or undefined when the component is not round (a letter, a blot). Each ray from the
 * centre must meet ink near the rim, and the box's corners, outside the circle, must be clear.
 */
function roundMark(dark: (x: number, y: number) => boolean, [x0, y0, x1, y1]: BBox): boolean | null | undefined {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const rx = (x1 - x0) / 2;
  const ry = (y1 - y0) / 2;
  const at = (t: number, f: number) => dark(Math.round(cx + Math.cos(t) * rx * f), Math.round(cy + Math.sin(t) * ry * f));
  const corners = [[x0, y0], [x1, y0], [x0, y1], [x1, y1]].filter(([x, y]) => dark(x, y)).length;
  if (corners > 0) return undefined;
  let rim = 0;
  let solid = 0;
  let inner = 0;
  for (let k = 0; k < RAYS; k++) {
    const t = (2 * Math.PI * k) / RAYS;
    let hit = false;
    for (let f = 1; f >= 0.7 && !hit; f -= 0.05) hit = at(t, f);
    if (hit) rim++;
    let inked = 0;
    for (let f = 1; f > 0; f -= 0.05) if (at(t, f)) inked++;
    if (inked >= 17) solid++;
    // Inside the ring: a dot a third of its width or more reaches these.
    for (let i = 0; i < 4; i++) if (at(t, 0.1 + i * 0.1)) inner++;
  }
  if (rim < RAYS * 0.9) return undefined;
  if (solid >= RAYS * 0.8) return true;
  const ink = inner / (RAYS * 4);
  return ink >= 0.5 ? true : ink <= 0.05 ? false : null;
}

/**
 * No other ink within a third of its width on one side at least: a mark stands apart on the side
 * away from its label, a letter inside a word has letters close on both sides. A round letter at
 * the start or end of a word, or printed alone, passes: the layout model tells it from a mark by the
 * words OCR read around it (letter-marks.ts).
 */
function standsApart(dark: (x: number, y: number) => boolean, [x0, y0, x1, y1]: BBox, img: GreyImage): boolean {
  const reach = Math.max(3, Math.round((x1 - x0) * 0.35));
  let left = true;
  let right = true;
  for (let y = y0; y <= y1; y++) {
    for (let d = 2; d <= reach; d++) {
      if (x0 - d >= 0 && dark(x0 - d, y)) left = false;
      if (x1 + d < img.width && dark(x1 + d, y)) right = false;
    }
  }
  return left || right;
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

export interface PixelRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Ruling lines on a scan: dark runs at least half an inch long and at most 0.04 in thick (table
 * borders, row lines, underlines), horizontal and vertical, in pixel coordinates along their middle.
 */
export function pixelRules(img: GreyImage, dpi: number, threshold = 140): PixelRule[] {
  const { pixels, width, height } = img;
  const minLength = Math.round(dpi * 0.5);
  const maxThick = Math.max(2, Math.round(dpi * 0.04));
  const dark = (x: number, y: number) => pixels[y * width + x] < threshold;
  const runsAlong = (lines: number, length: number, at: (i: number, t: number) => boolean) => {
    const found: Array<{ line: number; from: number; to: number }> = [];
    for (let i = 0; i < lines; i++) {
      let start = -1;
      let gap = 0;
      for (let t = 0; t <= length; t++) {
        if (t < length && at(i, t)) { if (start < 0) start = t; gap = 0; }
        else if (start >= 0 && (++gap > 2 || t === length)) {
          const end = t - gap;
          if (end - start + 1 >= minLength) found.push({ line: i, from: start, to: end });
          start = -1;
          gap = 0;
        }
      }
    }
    // Runs on neighbouring lines that overlap are one rule; a thick band is a filled area, not a rule.
    const rules: Array<{ first: number; last: number; from: number; to: number }> = [];
    for (const r of found) {
      const open = rules.find((o) => o.last >= r.line - 1 && Math.min(o.to, r.to) - Math.max(o.from, r.from) > (r.to - r.from) * 0.8);
      if (open) { open.last = r.line; open.from = Math.min(open.from, r.from); open.to = Math.max(open.to, r.to); }
      else rules.push({ first: r.line, last: r.line, from: r.from, to: r.to });
    }
    // A rule broken by noise or a faint stretch is one rule: pieces on one line, close end to end.
    const thin = rules.filter((r) => r.last - r.first + 1 <= maxThick).sort((a, b) => a.first - b.first || a.from - b.from);
    const joined: typeof thin = [];
    for (const r of thin) {
      const prev = joined.find((o) => Math.abs(o.first + o.last - r.first - r.last) <= 4 && r.from - o.to <= dpi * 0.15 && r.to > o.to);
      if (prev) prev.to = r.to;
      else joined.push({ ...r });
    }
    return joined;
  };
  const horizontal = runsAlong(height, width, (y, x) => dark(x, y)).map((r) => ({ x0: r.from, x1: r.to, y0: (r.first + r.last) / 2, y1: (r.first + r.last) / 2 }));
  const vertical = runsAlong(width, height, (x, y) => dark(x, y)).map((r) => ({ y0: r.from, y1: r.to, x0: (r.first + r.last) / 2, x1: (r.first + r.last) / 2 }));
  return [...horizontal, ...vertical];
}
