// Photos and scans (JPEG, PNG, multi-page TIFF, HEIC) as page images in PNG, sized and
// oriented, ready for OCR and the viewer. Huge images are refused from their header,
// before any pixel is decoded, so a 20,000 x 20,000 picture cannot exhaust memory.
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type { Metadata } from 'sharp';
import UTIF from 'utif2';
import { problems } from './errors';
import type { FileKind } from './sniff';

export const DEFAULT_MAX_IMAGE_PIXELS = 100_000_000;
export const MAX_TIFF_PAGES = 1000;
/** Long side of a US-letter page in inches: photos without a resolution are assumed to show one page. */
const ASSUMED_PAGE_INCHES = 11;

export interface PageImage {
  /** 1-based. */
  pageNumber: number;
  png: Buffer;
  /** Pixel size of `png` (after EXIF orientation is applied). */
  width: number;
  height: number;
  /** Resolution used for the page size: the file's own when it declares one, else assumed so the long side is 11 in. */
  dpi: number;
  dpiDeclared: boolean;
  /** Page size in PDF points (pixels * 72 / dpi), for PageContent.width/height. */
  widthPt: number;
  heightPt: number;
}

export interface ImageDecodeOptions {
  maxPixels?: number;
}

export type ImageKind = Extract<FileKind, 'jpeg' | 'png' | 'tiff' | 'heic'>;

/** Decodes an image file into page images. Throws ImportProblem: image_too_large, corrupt_image, empty_file. */
export async function decodeImage(bytes: Uint8Array, fileName: string, kind: ImageKind, options: ImageDecodeOptions = {}): Promise<PageImage[]> {
  if (bytes.length === 0) throw problems.emptyFile(fileName);
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  if (kind === 'tiff') return decodeTiff(bytes, fileName, maxPixels);
  if (kind === 'heic') return decodeHeic(bytes, fileName, maxPixels);
  return [await decodeSingle(bytes, fileName, maxPixels)];
}

function checkPixels(fileName: string, width: number, height: number, maxPixels: number): void {
  if (width * height > maxPixels) throw problems.imageTooLarge(fileName, width, height, Math.round(maxPixels / 1e6));
}

function pageImage(pageNumber: number, png: Buffer, width: number, height: number, declaredDpi: number | undefined): PageImage {
  // 72 and 96 are what cameras and screenshot tools write by default, not a scan's real resolution.
  const dpiDeclared = declaredDpi !== undefined && declaredDpi > 96 && declaredDpi <= 2400;
  const dpi = dpiDeclared ? declaredDpi : Math.max(36, Math.max(width, height) / ASSUMED_PAGE_INCHES);
  const pt = (px: number) => Math.round((px * 72 * 100) / dpi) / 100;
  return { pageNumber, png, width, height, dpi: Math.round(dpi * 100) / 100, dpiDeclared, widthPt: pt(width), heightPt: pt(height) };
}

/** JPEG and PNG through sharp: header checked first, EXIF orientation applied (phone photos). */
async function decodeSingle(bytes: Uint8Array, fileName: string, maxPixels: number): Promise<PageImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw problems.corruptImage(fileName, error);
  }
  if (!meta.width || !meta.height) throw problems.corruptImage(fileName);
  checkPixels(fileName, meta.width, meta.height, maxPixels);
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated' })
      .rotate()
      .png({ compressionLevel: 3 })
      .toBuffer({ resolveWithObject: true });
    return pageImage(1, data, info.width, info.height, meta.density);
  } catch (error) {
    throw problems.corruptImage(fileName, error);
  }
}

/** TIFF resolution tags: 282 XResolution (rational), 296 ResolutionUnit (2 inch, 3 cm). */
function tiffDpi(ifd: UTIF.IFD): number | undefined {
  const first = (ifd.t282 as unknown[] | undefined)?.[0];
  // utif2 gives rationals as [numerator, denominator]; some writers give plain numbers.
  const x = Array.isArray(first) ? Number(first[0]) / (Number(first[1]) || 1) : Number(first);
  if (!x || !Number.isFinite(x)) return undefined;
  const unit = Array.isArray(ifd.t296) ? Number(ifd.t296[0]) : 2;
  return unit === 3 ? x * 2.54 : unit === 1 ? undefined : x;
}

/** Multi-page TIFF: pages listed by utif2 (headers only), decoded by sharp, or by utif2 when sharp cannot. */
async function decodeTiff(bytes: Uint8Array, fileName: string, maxPixels: number): Promise<PageImage[]> {
  let ifds: UTIF.IFD[];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    ifds = UTIF.decode(buffer);
  } catch (error) {
    throw problems.corruptImage(fileName, error);
  }
  // Skip reduced-resolution copies (NewSubfileType bit 0): they are thumbnails, not pages.
  const pages = ifds
    .map((ifd, directory) => ({ ifd, directory }))
    .filter(({ ifd }) => !(Array.isArray(ifd.t254) && (Number(ifd.t254[0]) & 1)));
  if (pages.length === 0) throw problems.corruptImage(fileName);
  if (pages.length > MAX_TIFF_PAGES) throw problems.corruptImage(fileName, new Error(`${pages.length} pages`));
  const out: PageImage[] = [];
  for (const { ifd, directory } of pages) {
    const width = Number((ifd.t256 as number[] | undefined)?.[0]);
    const height = Number((ifd.t257 as number[] | undefined)?.[0]);
    if (!width || !height) throw problems.corruptImage(fileName);
    checkPixels(fileName, width, height, maxPixels);
    const dpi = tiffDpi(ifd);
    let png: Buffer;
    try {
      png = await sharp(bytes, { page: directory, limitInputPixels: maxPixels, failOn: 'truncated' })
        .rotate()
        .png({ compressionLevel: 3 })
        .toBuffer();
    } catch {
      png = await tiffPageWithUtif(buffer, ifd, width, height, fileName);
    }
    const info = await sharp(png).metadata();
    out.push(pageImage(out.length + 1, png, info.width ?? width, info.height ?? height, dpi));
  }
  return out;
}

async function tiffPageWithUtif(buffer: Buffer, ifd: UTIF.IFD, width: number, height: number, fileName: string): Promise<Buffer> {
  try {
    UTIF.decodeImage(buffer, ifd);
    const rgba = UTIF.toRGBA8(ifd);
    return await sharp(Buffer.from(rgba), { raw: { width, height, channels: 4 } }).png({ compressionLevel: 3 }).toBuffer();
  } catch (error) {
    throw problems.corruptImage(fileName, error);
  }
}

interface HeicImage {
  width: number;
  height: number;
  decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}
interface HeicImageList extends Array<HeicImage> {
  dispose(): void;
}
interface HeicDecode {
  all(input: { buffer: Uint8Array }): Promise<HeicImageList>;
}
const require = createRequire(import.meta.url);
let heicDecoder: HeicDecode | null = null;

/** HEIC (iPhone photos) through libheif compiled to wasm: every image in the container, in order. */
async function decodeHeic(bytes: Uint8Array, fileName: string, maxPixels: number): Promise<PageImage[]> {
  heicDecoder ??= require('heic-decode') as HeicDecode;
  let images: HeicImageList;
  try {
    images = await heicDecoder.all({ buffer: bytes });
  } catch (error) {
    throw problems.corruptImage(fileName, error);
  }
  try {
    // libheif lists top-level images only (thumbnails hang off them), so each one is a page.
    const out: PageImage[] = [];
    for (const image of images) {
      checkPixels(fileName, image.width, image.height, maxPixels);
      let decoded: Awaited<ReturnType<HeicImage['decode']>>;
      try {
        decoded = await image.decode();
      } catch (error) {
        throw problems.corruptImage(fileName, error);
      }
      const png = await sharp(Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength), {
        raw: { width: decoded.width, height: decoded.height, channels: 4 },
      }).png({ compressionLevel: 3 }).toBuffer();
      out.push(pageImage(out.length + 1, png, decoded.width, decoded.height, undefined));
    }
    return out;
  } finally {
    images.dispose();
  }
}
