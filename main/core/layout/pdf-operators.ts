// What a PDF page draws besides its text, read from pdf.js's operator list: ruling lines (table
// borders, rows), small squares and circles with whatever is drawn inside them (checkboxes, radio
// marks), small pictures of boxes (some systems print a checkbox as an image), and, per font, the
// glyphs the font maps to no text (lost ligatures) with the ligatures their widths fit.
import type { BBox, GraphicBox, PageGraphics, Rule } from '../../../shared/domain';
import { interiorInk, inkState, pdfImageDark } from './ink';
import { LIGATURES, type GlyphHints } from './ligatures';

type Matrix = [number, number, number, number, number, number];

interface PdfOps {
  save: number; restore: number; transform: number; constructPath: number;
  paintImageXObject: number; paintInlineImageXObject: number; paintFormXObjectBegin: number; paintFormXObjectEnd: number;
  setFont: number; showText: number; showSpacedText: number; setFillRGBColor: number;
}

/** The parts of a pdf.js page this reader uses. */
export interface OperatorPage {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  objs: { get(id: string, callback: (data: unknown) => void): unknown };
  commonObjs: { get(id: string, callback?: (data: unknown) => void): unknown };
}

interface Glyph { unicode?: string; originalCharCode?: number; width?: number }
interface FontInfo { toUnicode?: { _map?: unknown }; bold?: boolean; black?: boolean; name?: string }
interface ImageData { width: number; height: number; kind: number; data: Uint8Array }

const BOX_MIN = 4;
const BOX_MAX = 24;
const RULE_THICKNESS = 2.5;
const RULE_MIN = 6;

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface Shape {
  box: BBox; closed: boolean; curved: boolean; points: number; fill: boolean; stroke: boolean; white: boolean;
  /** Filled in a colour that is not light (a solid dot, a filled ring, a marked radio). */
  dark: boolean;
  /** Index of the path operator that drew it: the subpaths of one fill (a ring's two circles) share it. */
  op: number;
}

export interface PageOperators {
  graphics: PageGraphics;
  hints: GlyphHints;
  /** Font keys (pdf.js loaded names) of the bold faces the page sets text in. */
  boldFonts: Set<string>;
}

/**
 * Reads one page's operators. `viewport` is pdf.js's viewport transform at scale 1 (PDF space to
 * top-left points). `hints` collects per-font glyph hints across the document's pages.
 */
export async function readPageOperators(page: OperatorPage, ops: PdfOps, viewport: Matrix, hints: GlyphHints = new Map()): Promise<PageOperators> {
  const list = await page.getOperatorList();
  const shapes: Shape[] = [];
  const images: Array<{ id: string | null; data: ImageData | null; box: BBox }> = [];
  const stack: Array<{ ctm: Matrix; white: boolean }> = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let white = false;
  let font: string | null = null;
  const letterWidths = new Map<string, Map<string, number>>();
  const seenFonts = new Set<string>();
  const boldFonts = new Set<string>();
  const unmapped = new Map<string, Map<string, number>>();
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === ops.save) stack.push({ ctm, white });
    else if (fn === ops.restore) ({ ctm, white } = stack.pop() ?? { ctm, white });
    else if (fn === ops.transform) ctm = mul(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ctm, white });
      if (Array.isArray(args[0])) ctm = mul(ctm, args[0] as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ({ ctm, white } = stack.pop() ?? { ctm, white });
    else if (fn === ops.setFillRGBColor) white = isLight(String(args[0]));
    else if (fn === ops.constructPath) shapes.push(...pathShapes(args, mul(viewport, ctm), white, i));
    else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject) {
      const box = boxOf([apply(mul(viewport, ctm), 0, 0), apply(mul(viewport, ctm), 1, 1)]);
      if (isBoxSized(box, 0.6, 1.8)) {
        images.push(fn === ops.paintImageXObject ? { id: String(args[0]), data: null, box } : { id: null, data: args[0] as ImageData, box });
      }
    } else if (fn === ops.setFont) {
      font = String(args[0]);
      if (!seenFonts.has(font)) {
        seenFonts.add(font);
        if (isBold(page, font)) boldFonts.add(font);
      }
    }
    else if ((fn === ops.showText || fn === ops.showSpacedText) && font) collectGlyphs(page, font, args[0], letterWidths, unmapped);
  }
  for (const [f, chars] of unmapped) {
    const byChar = hints.get(f) ?? new Map();
    for (const [ch, width] of chars) byChar.set(ch, { unmapped: true, ranked: rankByWidth(width, letterWidths.get(f)) });
    hints.set(f, byChar);
  }
  const frames = boxFrames(shapes);
  const sides = new Set(frames.flatMap((f) => f.parts));
  const boxes = [...vectorBoxes(shapes, frames), ...(await imageBoxes(page, images))];
  return { graphics: { rules: rulesOf(shapes.filter((s) => !sides.has(s))), boxes }, hints, boldFonts };
}

function isLight(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return !!m && [m[1], m[2], m[3]].every((h) => parseInt(h, 16) >= 0xe6);
}

const boxOf = (pts: Array<[number, number]>): BBox => [
  Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])),
  Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1])),
];

function isBoxSized(b: BBox, minAspect = 0.7, maxAspect = 1.4): boolean {
  const w = b[2] - b[0];
  const h = b[3] - b[1];
  return w >= BOX_MIN && h >= BOX_MIN && w <= BOX_MAX && h <= BOX_MAX && w / h >= minAspect && w / h <= maxAspect;
}

/** pdf.js 5 constructPath: [paint op, [path data], min/max]; data codes 0 move, 1 line, 2 curve, 3 quad, 4 close. */
function pathShapes(args: unknown[], m: Matrix, white: boolean, op: number): Shape[] {
  const paint = Number(args[0]);
  if (paint === 28) return []; // endPath: a clip, nothing drawn
  const stroke = paint !== 22 && paint !== 23;
  const fill = paint >= 22 && paint <= 27;
  const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
  if (!data) return [];
  const shapes: Shape[] = [];
  let pts: Array<[number, number]> = [];
  let curved = false;
  let closed = false;
  const flush = () => {
    if (pts.length >= 2) shapes.push({ box: boxOf(pts), closed: closed || near(pts[0], pts[pts.length - 1]), curved, points: pts.length, fill, stroke, white: white && !stroke, dark: fill && !white, op });
    pts = [];
    curved = false;
    closed = false;
  };
  for (let i = 0; i < data.length; ) {
    const code = data[i++];
    if (code === 0) { flush(); pts.push(apply(m, data[i], data[i + 1])); i += 2; }
    else if (code === 1) { pts.push(apply(m, data[i], data[i + 1])); i += 2; }
    else if (code === 2) { for (let k = 0; k < 3; k++) pts.push(apply(m, data[i + 2 * k], data[i + 2 * k + 1])); curved = true; i += 6; }
    else if (code === 3) { for (let k = 0; k < 2; k++) pts.push(apply(m, data[i + 2 * k], data[i + 2 * k + 1])); curved = true; i += 4; }
    else if (code === 4) closed = true;
    else break;
  }
  flush();
  return shapes;
}

const near = (a: [number, number], b: [number, number]) => Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) < 0.5;

/** Thin filled rectangles and straight strokes along an axis, long enough to be a border; near-duplicates merged. */
function rulesOf(shapes: Shape[]): Rule[] {
  const rules: Rule[] = [];
  for (const s of shapes) {
    if (s.white || s.curved) continue;
    const [x0, y0, x1, y1] = s.box;
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= RULE_THICKNESS && w >= RULE_MIN && (s.points <= 2 || s.closed || s.points <= 5)) rules.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
    else if (w <= RULE_THICKNESS && h >= RULE_MIN && (s.points <= 5 || s.closed)) rules.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
    else if (s.stroke && s.closed && s.points <= 6 && !isBoxSized(s.box) && w > RULE_MIN && h > RULE_MIN) {
      // A stroked rectangle: a cell or table border; its four sides are rules.
      rules.push({ x0, y0, x1, y1: y0 }, { x0, y0: y1, x1, y1 }, { x0, y0, x1: x0, y1 }, { x0: x1, y0, x1, y1 });
    }
  }
  const merged: Rule[] = [];
  for (const r of rules.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    const horizontal = r.y0 === r.y1;
    const twin = merged.find((m) => (m.y0 === m.y1) === horizontal && (horizontal
      ? Math.abs(m.y0 - r.y0) <= 1.5 && r.x0 <= m.x1 + 1 && r.x1 >= m.x0 - 1
      : Math.abs(m.x0 - r.x0) <= 1.5 && r.y0 <= m.y1 + 1 && r.y1 >= m.y0 - 1));
    if (!twin) merged.push({ ...r });
    else if (horizontal) { twin.x0 = Math.min(twin.x0, r.x0); twin.x1 = Math.max(twin.x1, r.x1); }
    else { twin.y0 = Math.min(twin.y0, r.y0); twin.y1 = Math.max(twin.y1, r.y1); }
  }
  return merged.map((r) => ({ x0: round(r.x0), y0: round(r.y0), x1: round(r.x1), y1: round(r.y1) }));
}

/** A checkbox or radio frame and the shapes that draw it (none of them is a mark). */
interface Frame {
  box: BBox;
  curved: boolean;
  parts: Shape[];
  /** The frame itself is filled dark: a filled radio or a solid square, marked. */
  filled: boolean;
}

/**
 * Checkbox and radio frames, however they are drawn: a stroked square or circle; a filled ring (two
 * concentric circles filled as one shape, even-odd or by winding); four separate strokes or thin bars
 * meeting at the corners.
 */
function boxFrames(shapes: Shape[]): Frame[] {
  const frames: Frame[] = [];
  const add = (f: Frame) => {
    if (!frames.some((o) => sameBox(o.box, f.box))) frames.push(f);
  };
  for (const s of shapes) {
    if (s.white || !s.closed || !isBoxSized(s.box)) continue;
    const ring = s.dark && !s.stroke ? shapes.find((t) => t !== s && t.op === s.op && t.closed && inside(t.box, s.box, 0) && t.box[2] - t.box[0] >= (s.box[2] - s.box[0]) * 0.55 && t.box[2] - t.box[0] < s.box[2] - s.box[0] - 0.3) : undefined;
    if (ring) add({ box: s.box, curved: s.curved, parts: [s, ring], filled: false });
    else if (s.stroke) add({ box: s.box, curved: s.curved, parts: [s], filled: s.dark });
  }
  // Sides drawn one by one: straight, thin, of a box's length, on either axis.
  const thin = (s: Shape, along: 0 | 1) => {
    const length = s.box[2 + along] - s.box[along];
    const across = s.box[3 - along] - s.box[1 - along];
    return !s.white && !s.curved && (s.points <= 2 || s.closed) && across <= 1.5 && length >= BOX_MIN - 1 && length <= BOX_MAX + 1;
  };
  const horizontal = shapes.filter((s) => thin(s, 0));
  const vertical = shapes.filter((s) => thin(s, 1));
  const close = (a: number, b: number) => Math.abs(a - b) <= 1.5;
  for (const top of horizontal) {
    for (const bottom of horizontal) {
      if (bottom.box[1] <= top.box[1] + BOX_MIN - 1 || !close(top.box[0], bottom.box[0]) || !close(top.box[2], bottom.box[2])) continue;
      const spans = (v: Shape) => close(v.box[1], top.box[1]) && close(v.box[3], bottom.box[3]);
      const left = vertical.find((v) => spans(v) && close(v.box[0], top.box[0]));
      const right = vertical.find((v) => v !== left && spans(v) && close(v.box[2], top.box[2]));
      if (!left || !right) continue;
      const box = boxOf([[top.box[0], top.box[1]], [bottom.box[2], bottom.box[3]]]);
      if (isBoxSized(box)) add({ box, curved: false, parts: [top, bottom, left, right], filled: false });
    }
  }
  return frames;
}

/**
 * Each frame with its state: marked when something smaller is drawn inside it (an X, a tick, a
 * filled square or dot) or when the frame itself is filled.
 */
function vectorBoxes(shapes: Shape[], frames: Frame[]): GraphicBox[] {
  const parts = new Set(frames.flatMap((f) => f.parts));
  return frames.map((f) => {
    const side = Math.min(f.box[2] - f.box[0], f.box[3] - f.box[1]);
    // An X or tick drawn corner to corner spans the whole frame: only a closed shape of the frame's own
    // size (the frame drawn again, or its fill) is not a mark.
    const marked = f.filled || shapes.some((s) => !parts.has(s) && !s.white && !(s.closed && sameBox(s.box, f.box)) && inside(s.box, f.box, 1.5) && Math.max(s.box[2] - s.box[0], s.box[3] - s.box[1]) >= side * 0.3);
    return { bbox: f.box.map(round) as BBox, shape: f.curved ? 'circle' : 'square', checked: marked, source: 'vector' };
  });
}

const sameBox = (a: BBox, b: BBox) => a.every((v, i) => Math.abs(v - b[i]) < 1.2);
const inside = (a: BBox, b: BBox, slack: number) => a[0] >= b[0] - slack && a[1] >= b[1] - slack && a[2] <= b[2] + slack && a[3] <= b[3] + slack;

async function imageBoxes(page: OperatorPage, images: Array<{ id: string | null; data: ImageData | null; box: BBox }>): Promise<GraphicBox[]> {
  const out: GraphicBox[] = [];
  for (const img of images) {
    const data = img.data ?? (img.id ? await objectData(page, img.id) : null);
    if (!data || !data.data || data.width < 5 || data.height < 5) continue;
    const ink = interiorInk(pdfImageDark(data), data.width, data.height);
    if (ink === null) continue;
    out.push({ bbox: img.box.map(round) as BBox, shape: 'square', checked: inkState(ink), source: 'image' });
  }
  return out;
}

/**
 * A decoded image the operator list refers to: pdf.js resolves it a moment after the list (shared
 * images live with the document's objects). An image that never arrives is left unread.
 */
function objectData(page: OperatorPage, id: string): Promise<ImageData | null> {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 2000);
    try {
      store.get(id, (d) => {
        clearTimeout(timer);
        resolve((d as ImageData) ?? null);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

function isBold(page: OperatorPage, font: string): boolean {
  try {
    const info = page.commonObjs.get(font) as FontInfo | undefined;
    return !!info && (!!info.bold || !!info.black || /bold|black|heavy|semibold|demi/i.test(info.name ?? ''));
  } catch {
    return false;
  }
}

function collectGlyphs(page: OperatorPage, font: string, glyphs: unknown, letters: Map<string, Map<string, number>>, unmapped: Map<string, Map<string, number>>): void {
  if (!Array.isArray(glyphs)) return;
  let info: FontInfo | null;
  try {
    info = page.commonObjs.get(font) as FontInfo;
  } catch {
    return;
  }
  const map = info?.toUnicode?._map as Record<number, unknown> | undefined;
  if (!map || typeof map !== 'object') return;
  for (const g of glyphs as Array<Glyph | number | null>) {
    if (!g || typeof g !== 'object' || typeof g.unicode !== 'string' || typeof g.originalCharCode !== 'number') continue;
    const width = g.width ?? 0;
    if (map[g.originalCharCode] == null) {
      if (!/\s/.test(g.unicode)) put(unmapped, font, g.unicode, width);
    } else if (/^[a-z]$/.test(g.unicode)) put(letters, font, g.unicode, width);
  }
}

function put(m: Map<string, Map<string, number>>, font: string, key: string, value: number): void {
  const inner = m.get(font) ?? new Map<string, number>();
  inner.set(key, value);
  m.set(font, inner);
}

/** Ligatures whose letters' widths add up to the glyph's width (within 12 %), closest first. */
function rankByWidth(width: number, letters: Map<string, number> | undefined): string[] {
  if (!letters || width <= 0) return [];
  const scored: Array<[string, number]> = [];
  for (const lig of LIGATURES) {
    const parts = [...lig].map((c) => letters.get(c));
    if (parts.some((p) => p === undefined)) continue;
    const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
    const err = Math.abs(width - sum) / sum;
    if (err <= 0.12) scored.push([lig, err]);
  }
  return scored.sort((a, b) => a[1] - b[1]).map(([l]) => l);
}

const round = (n: number) => Math.round(n * 100) / 100;
