// Prepares a page image for tesseract with sharp: upright (EXIF), grey, even light, straight.
// Every step records geometry so word boxes found on the prepared image map back to the
// original page.
import sharp from 'sharp';
import { estimateSkewDegrees } from './deskew';

// libvips caches the results of recent operations (up to 50 MB) for reuse. Every image here is new,
// so nothing is ever reused, and over a long scan the cache only added to the peak memory.
sharp.cache(false);

export type ImageInput =
  | Buffer
  | { pixels: Buffer | Uint8Array; width: number; height: number; channels: 1 | 2 | 3 | 4 };

export interface PreprocessOptions {
  /** Divide by an estimate of the paper's brightness (uneven light, shadows, faded scans). */
  flattenLight?: boolean;
  /** Detect and undo small rotations. */
  deskew?: boolean;
  /** Extra clockwise rotation in degrees (0, 90, 180, 270), for pages scanned sideways. */
  quarterTurns?: 0 | 1 | 2 | 3;
  /** Scale images below this resolution up to it (tesseract wants x-heights of 20+ px). */
  minDpi?: number;
  /** Scale images above this resolution down to it (0 = never): less layout work, same LSTM input. */
  maxDpi?: number;
  /** Resolution of the input, when known (PDF scans); otherwise taken from the image or assumed 300. */
  dpi?: number;
  /** Crop the prepared image to its ink (plus a margin): tesseract then lays out only the text area. */
  cropToText?: boolean;
}

export interface PreparedImage {
  /** 8-bit grey pixels of the prepared image. */
  pixels: Buffer;
  width: number;
  height: number;
  /** Resolution of the prepared image, for tesseract's user_defined_dpi. */
  dpi: number;
  /** Size of the upright original the boxes map back to (after EXIF orientation). */
  sourceWidth: number;
  sourceHeight: number;
  skewDegrees: number;
  /** No ink found (after the light is evened, specks ignored): nothing for tesseract to read. */
  blank: boolean;
  /** Maps a point of the prepared image to the upright original image, in pixels. */
  toSource(x: number, y: number): [number, number];
}

export const DEFAULT_PREPROCESS: Required<Omit<PreprocessOptions, 'dpi'>> = {
  flattenLight: true,
  deskew: true,
  quarterTurns: 0,
  minDpi: 0,
  maxDpi: 0,
  cropToText: false,
};

/** Loads any image sharp reads (or raw pixels) as upright 8-bit grey. */
async function loadGray(input: ImageInput) {
  const image = Buffer.isBuffer(input)
    ? sharp(input, { limitInputPixels: 400_000_000 }).rotate() // .rotate() with no angle applies EXIF orientation
    : sharp(input.pixels, { raw: { width: input.width, height: input.height, channels: input.channels } });
  const meta = Buffer.isBuffer(input) ? await sharp(input).metadata() : null;
  const { data, info } = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
  // 72 and 96 are software defaults (cameras, screenshots), not a real scan resolution.
  const density = meta?.density && meta.density > 96 ? meta.density : null;
  return { pixels: data, width: info.width, height: info.height, density };
}

export async function preprocessImage(input: ImageInput, options: PreprocessOptions = {}): Promise<PreparedImage> {
  const opts = { ...DEFAULT_PREPROCESS, ...options };
  const loaded = await loadGray(input);
  const sourceWidth = loaded.width;
  const sourceHeight = loaded.height;
  // Unknown resolution: assume the image spans about a letter page's 11 inches.
  let dpi = options.dpi ?? loaded.density ?? Math.max(100, Math.round(Math.max(loaded.width, loaded.height) / 11));
  let scale = opts.minDpi > 0 && dpi < opts.minDpi ? opts.minDpi / dpi : 1;
  if (opts.maxDpi > 0 && dpi > opts.maxDpi) scale = opts.maxDpi / dpi;
  let { width, height } = loaded;
  let pixels: Buffer = loaded.pixels;
  // Scaled first, so every later step (light, skew, rotation) works on the smaller image: a
  // 600-dpi scan is four times the pixels of the 300 dpi tesseract reads best.
  if (scale !== 1) {
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    pixels = await sharp(pixels, { raw: { width, height, channels: 1 } })
      .resize(w, h, { kernel: scale < 1 ? 'lanczos3' : 'cubic' })
      .greyscale()
      .raw()
      .toBuffer();
    [width, height] = [w, h];
    dpi *= scale;
  }

  if (opts.flattenLight) pixels = await flattenLight(pixels, width, height);

  // Geometry, composed in order: scale (done), quarter turn, deskew rotation, crop.
  const quarter = opts.quarterTurns;
  let skew = 0;
  if (opts.deskew) skew = await measureSkew(pixels, width, height, quarter);
  const totalAngle = quarter * 90 - skew;

  let prepared = { pixels, width, height };
  if (totalAngle !== 0) {
    const { data, info } = await sharp(pixels, { raw: { width, height, channels: 1 } })
      .rotate(totalAngle, { background: { r: 255, g: 255, b: 255 } })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    prepared = { pixels: data, width: info.width, height: info.height };
  }
  const [rotatedWidth, rotatedHeight] = [prepared.width, prepared.height];
  const ink = inkBox(prepared.pixels, prepared.width, prepared.height, dpi);
  let offset: [number, number] = [0, 0];
  if (opts.cropToText && ink) {
    const margin = Math.round(dpi / 6);
    const x0 = Math.max(0, ink[0] - margin);
    const y0 = Math.max(0, ink[1] - margin);
    const x1 = Math.min(prepared.width, ink[2] + margin);
    const y1 = Math.min(prepared.height, ink[3] + margin);
    if ((x1 - x0) * (y1 - y0) < prepared.width * prepared.height * 0.95) {
      prepared = { pixels: cropGray(prepared.pixels, prepared.width, x0, y0, x1, y1), width: x1 - x0, height: y1 - y0 };
      offset = [x0, y0];
    }
  }

  const rotated = inverseRotation(width, height, rotatedWidth, rotatedHeight, totalAngle);
  return {
    pixels: prepared.pixels,
    width: prepared.width,
    height: prepared.height,
    dpi: Math.round(dpi),
    sourceWidth,
    sourceHeight,
    skewDegrees: skew,
    blank: ink === null,
    toSource: (x, y) => {
      const [ux, uy] = rotated(x + offset[0], y + offset[1]);
      return [ux / scale, uy / scale];
    },
  };
}

/** Copies a rectangle of an 8-bit grey image, row by row. */
function cropGray(pixels: Buffer, width: number, x0: number, y0: number, x1: number, y1: number): Buffer {
  const w = x1 - x0;
  const out = Buffer.allocUnsafe(w * (y1 - y0));
  for (let y = y0; y < y1; y++) pixels.copy(out, (y - y0) * w, y * width + x0, y * width + x1);
  return out;
}

/**
 * The box around the page's ink, or null for a blank page. The page is looked at in cells of about
 * a twelfth of an inch; a cell is inked when a few percent of it is darker than paper (grey print
 * and a faint letterhead count: the light is evened out first, so paper is near white). Text, rules and boxes ink
 * runs of neighbouring cells; a speck of dust or noise inks one cell alone and is ignored, as is
 * the dark band a rotation or a scanner's edge can leave along the border.
 */
const INK = 192;

export function inkBox(pixels: Buffer | Uint8Array, width: number, height: number, dpi: number): [number, number, number, number] | null {
  const cell = Math.max(4, Math.round(dpi / 12));
  const cw = Math.ceil(width / cell);
  const ch = Math.ceil(height / cell);
  const counts = new Uint32Array(cw * ch);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const cy = ((y / cell) | 0) * cw;
    for (let x = 0; x < width; x++) if (pixels[row + x] < INK) counts[cy + ((x / cell) | 0)]++;
  }
  const threshold = Math.max(2, cell * cell * 0.03);
  const inked = (cx: number, cy: number) => cx >= 0 && cy >= 0 && cx < cw && cy < ch && counts[cy * cw + cx] >= threshold;
  const edge = 2; // cells along the border: scanner edges, not ink
  let box: [number, number, number, number] | null = null;
  for (let cy = edge; cy < ch - edge; cy++) {
    for (let cx = edge; cx < cw - edge; cx++) {
      if (!inked(cx, cy)) continue;
      if (!(inked(cx + 1, cy) || inked(cx - 1, cy) || inked(cx, cy + 1) || inked(cx, cy - 1))) continue;
      const b: [number, number, number, number] = [cx * cell, cy * cell, Math.min(width, (cx + 1) * cell), Math.min(height, (cy + 1) * cell)];
      box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
    }
  }
  return box;
}

/**
 * Inverse of "rotate clockwise by `deg` about the centre onto an expanded canvas": rotated (x, y)
 * on the pw x ph canvas -> unrotated (x, y) on the w x h image.
 */
function inverseRotation(w: number, h: number, pw: number, ph: number, deg: number) {
  const r = (deg * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return (x: number, y: number): [number, number] => {
    const dx = x - pw / 2;
    const dy = y - ph / 2;
    // Undo a clockwise rotation (y axis down): rotate counter-clockwise.
    return [dx * cos + dy * sin + w / 2, -dx * sin + dy * cos + h / 2];
  };
}

/** Skew of the page, measured on a small copy after the requested quarter turn. */
async function measureSkew(pixels: Buffer, width: number, height: number, quarter: number): Promise<number> {
  const target = 900;
  const factor = Math.min(1, target / Math.max(width, height));
  const { data, info } = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .rotate(quarter * 90)
    .resize(Math.max(1, Math.round(width * factor)), null, { kernel: 'linear' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const w = info.width;
  const h = info.height;
  return estimateSkewDegrees({ pixels: data, width: w, height: h });
}

/**
 * Evens out lighting: estimates the paper's brightness at every point (a dilation that wipes
 * out the dark strokes, then a wide blur, on a copy a twelfth the size) and divides it out, so a
 * shadowed corner and a lit centre both end up near white while ink stays dark. The background is
 * interpolated row by row and the division read from a table, so no full-size background image is
 * ever made (that upscale and a float division per pixel were most of the preprocessing time).
 */
async function flattenLight(pixels: Buffer, width: number, height: number): Promise<Buffer> {
  const small = Math.max(1, Math.round(Math.max(width, height) / 12));
  const factor = small / Math.max(width, height);
  const sw = Math.max(8, Math.round(width * factor));
  const sh = Math.max(8, Math.round(height * factor));
  const { data: smallData } = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .resize(sw, sh, { kernel: 'linear' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Text strokes are thin: a 3x3 max filter twice lifts them to the surrounding paper.
  const dilated = dilate(dilate(new Uint8Array(smallData), sw, sh), sw, sh);
  const { data: bg } = await sharp(Buffer.from(dilated), { raw: { width: sw, height: sh, channels: 1 } })
    .blur(2)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const table = divisionTable();
  const out = Buffer.allocUnsafe(pixels.length);
  // Bilinear interpolation of the small background, sample centres aligned as a resize aligns them.
  const sx = sw / width;
  const sy = sh / height;
  const x0 = new Int32Array(width);
  const wx = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) * sx - 0.5));
    x0[x] = Math.min(sw - 2, Math.floor(fx));
    wx[x] = fx - x0[x];
  }
  const row = new Float32Array(sw);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.min(sh - 2, Math.floor(fy));
    const wy = fy - y0;
    for (let i = 0; i < sw; i++) row[i] = bg[y0 * sw + i] * (1 - wy) + bg[(y0 + 1) * sw + i] * wy;
    const base = y * width;
    for (let x = 0; x < width; x++) {
      const i = x0[x];
      const b = (row[i] + (row[i + 1] - row[i]) * wx[x] + 0.5) | 0;
      out[base + x] = table[(b << 8) | pixels[base + x]];
    }
  }
  return out;
}

let divisions: Uint8Array | null = null;

/** min(255, value / background * 255) for every background (floored at 24) and value. */
function divisionTable(): Uint8Array {
  if (divisions) return divisions;
  divisions = new Uint8Array(256 * 256);
  for (let b = 0; b < 256; b++) {
    const d = Math.max(b, 24);
    for (let v = 0; v < 256; v++) divisions[(b << 8) | v] = Math.min(255, Math.floor((v / d) * 255));
  }
  return divisions;
}

function dilate(src: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let max = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = Math.min(height - 1, Math.max(0, y + dy));
        for (let dx = -1; dx <= 1; dx++) {
          const xx = Math.min(width - 1, Math.max(0, x + dx));
          const v = src[yy * width + xx];
          if (v > max) max = v;
        }
      }
      out[y * width + x] = max;
    }
  }
  return out;
}
