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
  /** Maps a point of the prepared image to the upright original image, in pixels. */
  toSource(x: number, y: number): [number, number];
}

export const DEFAULT_PREPROCESS: Required<Omit<PreprocessOptions, 'dpi'>> = {
  flattenLight: true,
  deskew: true,
  quarterTurns: 0,
  minDpi: 0,
  maxDpi: 0,
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
  const { width, height } = loaded;
  let pixels: Buffer = loaded.pixels;

  if (opts.flattenLight) pixels = await flattenLight(pixels, width, height);

  // Geometry, composed in order: quarter turn, then deskew rotation, then scale.
  const quarter = opts.quarterTurns;
  let skew = 0;
  if (opts.deskew) skew = await measureSkew(pixels, width, height, quarter);
  let scale = opts.minDpi > 0 && dpi < opts.minDpi ? opts.minDpi / dpi : 1;
  if (opts.maxDpi > 0 && dpi > opts.maxDpi) scale = opts.maxDpi / dpi;
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
  if (scale !== 1) {
    const { data, info } = await sharp(prepared.pixels, {
      raw: { width: prepared.width, height: prepared.height, channels: 1 },
    })
      .resize(Math.round(prepared.width * scale), Math.round(prepared.height * scale), { kernel: 'cubic' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    prepared = { pixels: data, width: info.width, height: info.height };
    dpi *= scale;
  }

  const inverse = inverseTransform(sourceWidth, sourceHeight, prepared.width, prepared.height, totalAngle, scale);
  return {
    pixels: prepared.pixels,
    width: prepared.width,
    height: prepared.height,
    dpi: Math.round(dpi),
    sourceWidth,
    sourceHeight,
    skewDegrees: skew,
    toSource: inverse,
  };
}

/**
 * Inverse of "rotate clockwise by `deg` about the centre onto an expanded canvas, then scale":
 * prepared (x, y) -> source (x, y).
 */
function inverseTransform(sw: number, sh: number, pw: number, ph: number, deg: number, scale: number) {
  const r = (deg * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return (x: number, y: number): [number, number] => {
    const dx = x / scale - pw / scale / 2;
    const dy = y / scale - ph / scale / 2;
    // Undo a clockwise rotation (y axis down): rotate counter-clockwise.
    return [dx * cos + dy * sin + sw / 2, -dx * sin + dy * cos + sh / 2];
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
