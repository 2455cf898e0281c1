// Page images from PDFs: rendered with pdf.js onto @napi-rs/canvas, or, for scanned pages, the
// embedded scan itself at its native resolution (re-rendering a scan only resamples it, which
// costs time and blurs the strokes OCR needs).
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { loadPdfJs, pdfDocumentOptions, pdfJsData } from './pdf-text';
import { IDENTITY, multiply, type Matrix } from '../pdf/matrix';

type PdfJs = Awaited<ReturnType<typeof loadPdfJs>>;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type NapiCanvas = typeof import('@napi-rs/canvas');

// pdf.js polyfills Path2D from the @napi-rs/canvas it resolves itself (it may nest its own copy);
// a canvas from another copy rejects those paths, so draw on a canvas from the very same module.
const requireFromPdfJs = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
let napiCanvas: NapiCanvas | null = null;
const createCanvas = (width: number, height: number) => {
  napiCanvas ??= requireFromPdfJs('@napi-rs/canvas') as NapiCanvas;
  return napiCanvas.createCanvas(width, height);
};

export interface RenderedPage {
  png: Buffer;
  widthPx: number;
  heightPx: number;
  /** Page size in PDF points (rotation applied). */
  widthPt: number;
  heightPt: number;
}

export interface PageScan {
  /** Raw 8-bit pixels, `channels` per pixel, row-major, no padding. */
  pixels: Buffer;
  channels: 1 | 3 | 4;
  widthPx: number;
  heightPx: number;
  widthPt: number;
  heightPt: number;
  /** Effective resolution of the scan on the page (pixels per inch along the width). */
  dpi: number;
}

export interface PdfPageSource {
  readonly numPages: number;
  /** A page's size in PDF points (rotation applied), without drawing it. */
  size(pageNumber: number): Promise<{ widthPt: number; heightPt: number }>;
  /** Renders one page (1-based) at `dpi` to PNG (within MAX_RENDER_PIXELS: `widthPx` says what was drawn). */
  render(pageNumber: number, dpi: number): Promise<RenderedPage>;
  /** The page's single full-page image at native resolution, or null when the page is anything else. */
  extractScan(pageNumber: number): Promise<PageScan | null>;
  /** The best image to OCR: the embedded scan when there is one, else a render at `fallbackDpi`. */
  imageForOcr(pageNumber: number, fallbackDpi?: number): Promise<PageScan>;
  close(): Promise<void>;
}

/** Largest page edge we will rasterise, in pixels: keeps a huge MediaBox from exhausting memory. */
const MAX_EDGE_PX = 12_000;
/**
 * Largest page area we will rasterise: 25 megapixels (100 MB of RGBA), above a tabloid page at
 * 300 dpi (17 MP). A bigger page (a 16000 x 16000 pt MediaBox asked for at 300 dpi would be 4.4
 * gigapixels) is drawn at the resolution that fits instead, so it costs seconds, not minutes and GBs.
 */
export const MAX_RENDER_PIXELS = 25_000_000;
/**
 * Largest image inside a PDF that pdf.js decodes (its maxImageSize), the same 100-megapixel limit a
 * photo or scan imported by itself has: a larger one is left out of the page's render and OCR (the
 * page's text layer still reads), where decoding it would take gigabytes.
 */
export const MAX_PDF_IMAGE_PIXELS = 100_000_000; // parse/images' DEFAULT_MAX_IMAGE_PIXELS (not imported: it loads the image readers)

/** The scale that draws a `width` x `height` pt page at `dpi`, within the edge and area caps. */
export function cappedScale(width: number, height: number, dpi: number): number {
  let scale = dpi / 72;
  const longest = Math.max(width, height) * scale;
  if (longest > MAX_EDGE_PX) scale *= MAX_EDGE_PX / longest;
  const area = width * height * scale * scale;
  if (area > MAX_RENDER_PIXELS) scale *= Math.sqrt(MAX_RENDER_PIXELS / area);
  return scale;
}

/** Opens a PDF once for rendering many of its pages (see pdfJsData for `handOver`). Call close() when done. */
export async function openPdfForRendering(pdfBytes: Uint8Array, password?: string, handOver = false): Promise<PdfPageSource> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({ ...pdfDocumentOptions(pdfJsData(pdfBytes, handOver), password), maxImageSize: MAX_PDF_IMAGE_PIXELS }).promise;
  const OPS = pdfjs.OPS;

  async function withPage<T>(pageNumber: number, fn: (page: PdfPage) => Promise<T>): Promise<T> {
    const page = await doc.getPage(pageNumber);
    try {
      return await fn(page);
    } finally {
      page.cleanup();
    }
  }

  async function renderRaw(page: PdfPage, dpi: number) {
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: cappedScale(base.width, base.height, dpi) });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    // Pages are paper: transparent areas become white, as a printer would show them.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    return { canvas, width, height, widthPt: base.width, heightPt: base.height };
  }

  return {
    numPages: doc.numPages,

    size: (pageNumber) =>
      withPage(pageNumber, (page) => {
        const v = page.getViewport({ scale: 1 });
        return Promise.resolve({ widthPt: round(v.width), heightPt: round(v.height) });
      }),

    render: (pageNumber, dpi) =>
      withPage(pageNumber, async (page) => {
        const r = await renderRaw(page, dpi);
        const png = await r.canvas.encode('png');
        return { png, widthPx: r.width, heightPx: r.height, widthPt: round(r.widthPt), heightPt: round(r.heightPt) };
      }),

    extractScan: (pageNumber) => withPage(pageNumber, (page) => extractFullPageImage(page, OPS)),

    imageForOcr: (pageNumber, fallbackDpi = 300) =>
      withPage(pageNumber, async (page) => {
        const scan = await extractFullPageImage(page, OPS);
        if (scan) return scan;
        const r = await renderRaw(page, fallbackDpi);
        const rgba = r.canvas.getContext('2d').getImageData(0, 0, r.width, r.height).data;
        return {
          pixels: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength),
          channels: 4,
          widthPx: r.width,
          heightPx: r.height,
          widthPt: round(r.widthPt),
          heightPt: round(r.heightPt),
          dpi: (r.width / r.widthPt) * 72,
        };
      }),

    close: () => doc.destroy(),
  };
}

/** Renders one page (1-based) of a PDF at `dpi` to PNG. */
export async function renderPdfPage(pdfBytes: Uint8Array, pageNumber: number, dpi: number): Promise<RenderedPage> {
  const source = await openPdfForRendering(pdfBytes);
  try {
    return await source.render(pageNumber, dpi);
  } finally {
    await source.close();
  }
}

/** Encodes a PageScan as PNG (for the viewer, thumbnails or tools that want a file). */
export function scanToPng(scan: PageScan): Promise<Buffer> {
  return sharp(scan.pixels, { raw: { width: scan.widthPx, height: scan.heightPx, channels: scan.channels } })
    .png()
    .toBuffer();
}

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/**
 * A page counts as a scan when it paints exactly one image, draws no text, and that image
 * covers (almost) the whole page. Then the image's own pixels are the best OCR input.
 */
async function extractFullPageImage(page: PdfPage, OPS: PdfJs['OPS']): Promise<PageScan | null> {
  const ops = await page.getOperatorList();
  const [vx0, vy0, vx1, vy1] = page.view;
  const pageW = vx1 - vx0;
  const pageH = vy1 - vy0;
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let image: { name: string; ctm: Matrix } | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.paintImageXObject) {
      if (image) return null; // more than one image: a composed page, render it instead
      image = { name: args[0] as string, ctm };
    } else if (fn === OPS.showText || fn === OPS.showSpacedText || fn === OPS.paintInlineImageXObject) return null;
  }
  if (!image) return null;
  const m = image.ctm;
  // Only axis-aligned placements (any multiple of 90 degrees is not handled: render instead).
  if (Math.abs(m[1]) > 1e-6 || Math.abs(m[2]) > 1e-6 || m[0] <= 0 || m[3] <= 0) return null;
  const coverage = (m[0] * m[3]) / (pageW * pageH);
  if (coverage < 0.9 || page.rotate % 360 !== 0) return null;

  const objs = image.name.startsWith('g_') ? page.commonObjs : page.objs;
  const decoded = (await new Promise<unknown>((resolve) => objs.get(image.name, resolve))) as DecodedImage | null;
  if (!decoded?.data || !decoded.width || !decoded.height) return null;
  const { width, height, kind, data } = decoded;
  let pixels: Buffer;
  let channels: 1 | 3 | 4;
  if (kind === 2) {
    pixels = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    channels = 3;
  } else if (kind === 3) {
    pixels = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    channels = 4;
  } else if (kind === 1) {
    pixels = unpackOneBit(data, width, height);
    channels = 1;
  } else return null;
  if (pixels.length < width * height * channels) return null;
  return {
    pixels,
    channels,
    widthPx: width,
    heightPx: height,
    widthPt: round(pageW),
    heightPt: round(pageH),
    dpi: Math.round((width / m[0]) * 72),
  };
}

/** pdf.js packs 1-bit images MSB first, rows padded to bytes, 1 = white. */
function unpackOneBit(data: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer {
  const rowBytes = (width + 7) >> 3;
  const out = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = (data[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1;
      out[y * width + x] = bit ? 255 : 0;
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;
