// Where a PDF keeps its full-page scan images, found with pdf-lib. A scanner's page is one JPEG
// painted over the whole page; handing OCR that JPEG as it is (sharp decodes it natively, straight
// to grey) skips pdf.js, which decodes it in JavaScript to 11 MB of RGB per page at 200 dpi and
// holds a copy of the whole file while it works. Only each JPEG's place in the file is kept, so a
// page's bytes can be read from the stored original when its turn comes and nothing of the file
// stays in memory. Anything else (text, several images, other encodings, rotation) gets no entry
// and is rendered by pdf.js as before.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';
import { contentRefs, decodedContent } from './content-streams';
import { IDENTITY, multiply, type Matrix } from './matrix';

export interface EmbeddedJpeg {
  /** Where the image's JPEG bytes lie in the file, exactly as stored. */
  offset: number;
  length: number;
  widthPx: number;
  heightPx: number;
  /** Grey (1) or colour (3) samples, from the image's colour space. */
  components: 1 | 3;
  widthPt: number;
  heightPt: number;
  dpi: number;
}

/**
 * The full-page JPEG of every page of a PDF (null for pages that are anything else); null when
 * pdf-lib cannot read the file (encrypted, damaged: pdf.js then says what is wrong). Takes a Node
 * Buffer: pdf-lib then keeps its streams as views into it, whose offsets are the file's.
 */
export async function findScanImages(file: Buffer): Promise<(EmbeddedJpeg | null)[] | null> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(file, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return null;
  }
  if (doc.isEncrypted) return null;
  return doc.getPages().map((page) => {
    try {
      return fullPageJpeg(page, file);
    } catch {
      return null; // anything unexpected: let pdf.js render the page
    }
  });
}

/** Operators that put text or inline images on the page: such a page is not a bare scan. */
const MARKING = new Set(['BT', 'Tj', 'TJ', "'", '"', 'BI', 'sh']);

function fullPageJpeg(page: PDFPage, file: Buffer): EmbeddedJpeg | null {
  if (page.getRotation().angle % 360 !== 0) return null;
  const context = page.doc.context;
  const parts = contentRefs(page.node.Contents()).map((ref) => context.lookup(ref));
  if (!parts.length || !parts.every((p) => p instanceof PDFStream)) return null;
  const text = parts.map((p) => Buffer.from(decodedContent(p as PDFStream)).toString('latin1')).join('\n');

  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  let operands: string[] = [];
  let painted: { name: string; ctm: Matrix } | null = null;
  for (const token of contentTokens(text)) {
    if (!isOperator(token)) {
      operands.push(token);
      continue;
    }
    if (token === 'q') stack.push(ctm);
    else if (token === 'Q') ctm = stack.pop() ?? IDENTITY;
    else if (token === 'cm') {
      const m = operands.slice(-6).map(Number);
      if (m.length !== 6 || m.some((n) => !Number.isFinite(n))) return null;
      ctm = multiply(ctm, m as Matrix);
    } else if (token === 'Do') {
      if (painted) return null; // a composed page: render it
      painted = { name: operands[operands.length - 1] ?? '', ctm };
    } else if (MARKING.has(token)) return null;
    operands = [];
  }
  if (!painted?.name.startsWith('/')) return null;

  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const image = xobjects?.lookup(PDFName.of(painted.name.slice(1)));
  if (!(image instanceof PDFRawStream)) return null;
  const info = jpegInfo(image, file);
  if (!info) return null;

  const box = page.getCropBox();
  const m = painted.ctm;
  // Axis-aligned, upright placement covering (almost) the whole page, as a scanner writes it.
  if (Math.abs(m[1]) > 1e-6 || Math.abs(m[2]) > 1e-6 || m[0] <= 0 || m[3] <= 0) return null;
  if ((m[0] * m[3]) / (box.width * box.height) < 0.9) return null;
  return {
    ...info,
    widthPt: round(box.width),
    heightPt: round(box.height),
    dpi: Math.round((info.widthPx / m[0]) * 72),
  };
}

/** The stream's JPEG place and size, if it is a plain 8-bit grey or RGB JPEG image with no mask or decode map. */
function jpegInfo(image: PDFRawStream, file: Buffer): Omit<EmbeddedJpeg, 'widthPt' | 'heightPt' | 'dpi'> | null {
  const dict = image.dict;
  const name = (key: string) => dict.lookup(PDFName.of(key));
  if (name('Subtype') !== PDFName.of('Image')) return null;
  const filter = name('Filter');
  const dct = PDFName.of('DCTDecode');
  if (!(filter === dct || (filter instanceof PDFArray && filter.size() === 1 && filter.lookup(0) === dct))) return null;
  if (['SMask', 'Mask', 'Decode', 'ImageMask', 'DecodeParms'].some((k) => dict.has(PDFName.of(k)))) return null;
  const bits = name('BitsPerComponent');
  if (!(bits instanceof PDFNumber) || bits.asNumber() !== 8) return null;
  const components = colourComponents(name('ColorSpace'));
  const width = name('Width');
  const height = name('Height');
  if (!components || !(width instanceof PDFNumber) || !(height instanceof PDFNumber)) return null;
  const jpeg = image.contents;
  // A JPEG starts with SOI (FF D8); anything else is not what the dictionary claims.
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  if (jpeg.buffer !== file.buffer) return null; // not a view into the file: no place to read it from
  return { offset: jpeg.byteOffset - file.byteOffset, length: jpeg.byteLength, widthPx: width.asNumber(), heightPx: height.asNumber(), components };
}

function colourComponents(space: PDFObject | undefined): 1 | 3 | null {
  if (space === PDFName.of('DeviceGray')) return 1;
  if (space === PDFName.of('DeviceRGB')) return 3;
  if (space instanceof PDFArray && space.lookup(0) === PDFName.of('ICCBased')) {
    const profile = space.lookup(1);
    const n = profile instanceof PDFStream ? profile.dict.lookup(PDFName.of('N')) : undefined;
    if (n instanceof PDFNumber && (n.asNumber() === 1 || n.asNumber() === 3)) return n.asNumber() as 1 | 3;
  }
  return null; // CMYK, indexed, Lab...: pdf.js knows how to paint those
}

const isOperator = (token: string) => /^[A-Za-z'"*]/.test(token) && token !== 'true' && token !== 'false' && token !== 'null';

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

/**
 * The tokens of a content stream: operators, numbers and names as they are; strings, hex strings,
 * arrays and dictionaries as placeholders (their insides never matter for finding a scan image).
 */
export function* contentTokens(src: string): Generator<string> {
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (WHITE.has(c)) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
    } else if (c === 0x28 /* ( */) {
      let depth = 0;
      for (; i < n; i++) {
        const d = src[i];
        if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      i++;
      yield '()';
    } else if (c === 0x3c /* < */ && src[i + 1] === '<') {
      i += 2;
      yield '<<';
    } else if (c === 0x3e /* > */ && src[i + 1] === '>') {
      i += 2;
      yield '>>';
    } else if (c === 0x3c) {
      const end = src.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      yield '<>';
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
      i++;
      yield src[i - 1];
    } else {
      let j = i + 1;
      while (j < n && !WHITE.has(src.charCodeAt(j)) && !DELIMITER.has(src.charCodeAt(j))) j++;
      yield src.slice(i, j);
      i = j;
    }
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
