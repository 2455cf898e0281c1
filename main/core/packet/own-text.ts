// The pagination check's cheap read of a page: the text a page's own content streams write, without
// going into the form XObjects it draws (an exhibit page's original is one, with all its text). It is
// used only where it can prove what is printed in the stamp band: every form the page draws lies, by
// its clipping box placed through its matrix and the page's transformation, wholly outside the band
// (a form paints nothing outside its box), and every run the page writes itself is read exactly (plain
// operators, a standard font with a standard encoding, one show per positioning). Anything else (an
// embedded or composite font, TJ arrays, inline images, a turned or offset page, an unknown operator)
// answers null and the page is read by pdf.js as a whole.
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFStream, type PDFPage } from 'pdf-lib';
import { contentRefs, decodedContent } from '../pdf/content-streams';
import { IDENTITY, multiply, type Matrix } from '../pdf/matrix';
import { STAMP_BAND } from './stamp';
import type { BatesPosition } from './types';

interface OwnRun { text: string; x: number; y: number }

type Token = { kind: 'op'; value: string } | { kind: 'num'; value: number } | { kind: 'name'; value: string } | { kind: 'str'; value: number[] } | { kind: 'other' };

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));
const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };

/** Content stream tokens, strings decoded to their bytes; null on what this reader does not take (inline images). */
function tokenize(src: string): Token[] | null {
  const out: Token[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (WHITE.has(c)) { i++; continue; }
    if (c === 0x25) { while (i < n && src[i] !== '\n' && src[i] !== '\r') i++; continue; }
    if (c === 0x28) {
      const bytes: number[] = [];
      let depth = 1;
      for (i++; i < n && depth > 0; i++) {
        const d = src[i];
        if (d === '\\') {
          const e = src[++i];
          if (e in ESCAPES) bytes.push(ESCAPES[e]);
          else if (/[0-7]/.test(e)) { let oct = e; while (oct.length < 3 && /[0-7]/.test(src[i + 1] ?? '')) oct += src[++i]; bytes.push(parseInt(oct, 8) & 0xff); }
          else if (e === '\r') { if (src[i + 1] === '\n') i++; }
          else if (e !== '\n') bytes.push(e.charCodeAt(0));
          continue;
        }
        if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
        bytes.push(d.charCodeAt(0));
      }
      i++;
      out.push({ kind: 'str', value: bytes });
      continue;
    }
    if (c === 0x3c && src[i + 1] !== '<') {
      const end = src.indexOf('>', i);
      if (end < 0) return null;
      const hex = src.slice(i + 1, end).replace(/\s+/g, '');
      if (/[^0-9a-fA-F]/.test(hex)) return null;
      const padded = hex.length % 2 ? `${hex}0` : hex;
      out.push({ kind: 'str', value: Array.from({ length: padded.length / 2 }, (_, k) => parseInt(padded.slice(2 * k, 2 * k + 2), 16)) });
      i = end + 1;
      continue;
    }
    if (c === 0x3c || c === 0x3e) { i += 2; out.push({ kind: 'other' }); continue; } // << >>
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) { i++; out.push({ kind: 'other' }); continue; }
    let j = i + 1;
    while (j < n && !WHITE.has(src.charCodeAt(j)) && !DELIMITER.has(src.charCodeAt(j))) j++;
    const word = src.slice(i, j);
    i = j;
    if (c === 0x2f) out.push({ kind: 'name', value: word.slice(1) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) out.push({ kind: 'num', value: Number(word) });
    else if (word === 'true' || word === 'false' || word === 'null') out.push({ kind: 'other' });
    else if (word === 'BI' || word === 'ID') return null;
    else out.push({ kind: 'op', value: word });
  }
  return out;
}

/** Operators that change nothing this reader tracks and write no text. */
const NEUTRAL = new Set([
  'w', 'J', 'j', 'M', 'd', 'ri', 'i', 'gs', 'm', 'l', 'c', 'v', 'y', 'h', 're', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n', 'W', 'W*',
  'CS', 'cs', 'SC', 'SCN', 'sc', 'scn', 'G', 'g', 'RG', 'rg', 'K', 'k', 'sh', 'BMC', 'BDC', 'EMC', 'MP', 'DP', 'BX', 'EX', 'd0', 'd1',
  'Tc', 'Tw', 'Tz', 'Tr',
]);
const STANDARD_14 = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique', 'Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic', 'Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique']);

/** A byte decoder for a font whose text can be read without its program: a standard Latin font, not embedded, standard encoding. */
function simpleFontDecoder(font: PDFDict | undefined): ((bytes: number[]) => string | null) | null {
  if (!font || font.lookup(PDFName.of('Subtype')) !== PDFName.of('Type1') || font.has(PDFName.of('ToUnicode'))) return null;
  const base = font.lookup(PDFName.of('BaseFont'));
  if (!(base instanceof PDFName) || !STANDARD_14.has(base.decodeText())) return null;
  const descriptor = font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  if (descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)))) return null;
  const encoding = font.get(PDFName.of('Encoding'));
  const winAnsi = encoding === PDFName.of('WinAnsiEncoding');
  if (encoding !== undefined && !winAnsi) return null;
  // Printable ASCII reads the same in both encodings but for the quotes StandardEncoding curls; WinAnsi's upper half is Latin-1.
  return (bytes) => {
    let s = '';
    for (const b of bytes) {
      if (b >= 0x20 && b <= 0x7e && (winAnsi || (b !== 0x27 && b !== 0x60))) s += String.fromCharCode(b);
      else if (winAnsi && b >= 0xa0) s += String.fromCharCode(b);
      else return null;
    }
    return s;
  };
}

/** Whether a point's y, after the band's side is chosen, lies in the stamp band. */
export function inStampBand(y: number, height: number, position: BatesPosition): boolean {
  return position === 'top-right' ? y > height - STAMP_BAND : y < STAMP_BAND;
}

/**
 * The text runs the page's own content writes, each at its start point, when everything it prints in
 * the stamp band is among them (see the top of this file); null when that cannot be shown.
 */
export function readOwnText(page: PDFPage, position: BatesPosition): { runs: OwnRun[]; height: number } | null {
  if (page.getRotation().angle % 360 !== 0) return null;
  const media = page.getMediaBox();
  const crop = page.getCropBox();
  if (media.x !== 0 || media.y !== 0 || crop.x !== 0 || crop.y !== 0 || crop.width !== media.width || crop.height !== media.height) return null;
  const height = media.height;
  const context = page.doc.context;
  const parts = contentRefs(page.node.Contents()).map((ref) => context.lookup(ref));
  if (!parts.every((p) => p instanceof PDFStream)) return null;
  const resources = page.node.Resources();
  const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);

  const runs: OwnRun[] = [];
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  let tm = IDENTITY;
  let lineStart = IDENTITY;
  let leading = 0;
  let decode: ((bytes: number[]) => string | null) | null = null;
  let positioned = false; // a show since the last positioning would start where glyph widths put it
  for (const part of parts) {
    const tokens = tokenize(Buffer.from(decodedContent(part as PDFStream)).toString('latin1'));
    if (!tokens) return null;
    let operands: Token[] = [];
    for (const token of tokens) {
      if (token.kind !== 'op') { operands.push(token); continue; }
      const op = token.value;
      const args = operands.map((t) => (t.kind === 'num' ? t.value : NaN));
      const last = operands.at(-1);
      const need = (k: number) => args.length === k && args.every(Number.isFinite);
      if (op === 'q') stack.push(ctm);
      else if (op === 'Q') ctm = stack.pop() ?? IDENTITY;
      else if (op === 'cm') { if (!need(6)) return null; ctm = multiply(ctm, args as Matrix); }
      else if (op === 'BT') { tm = IDENTITY; lineStart = IDENTITY; positioned = true; }
      else if (op === 'ET') positioned = false;
      else if (op === 'Tf') {
        const name = operandName(operands.at(-2));
        decode = name == null ? null : simpleFontDecoder(fonts?.lookupMaybe(PDFName.of(name), PDFDict));
      } else if (op === 'Tm') { if (!need(6)) return null; tm = lineStart = args as Matrix; positioned = true; }
      else if (op === 'Td' || op === 'TD') {
        if (!need(2)) return null;
        if (op === 'TD') leading = -args[1];
        tm = lineStart = multiply(lineStart, [1, 0, 0, 1, args[0], args[1]]);
        positioned = true;
      } else if (op === 'T*') { tm = lineStart = multiply(lineStart, [1, 0, 0, 1, 0, -leading]); positioned = true; }
      else if (op === 'TL') { if (!need(1)) return null; leading = args[0]; }
      else if (op === 'Ts') { if (!need(1) || args[0] !== 0) return null; }
      else if (op === 'Tj') {
        const str = last;
        if (str?.kind !== 'str' || !decode || !positioned) return null;
        const text = decode(str.value);
        if (text == null) return null;
        const at = multiply(ctm, tm);
        if (text.trim()) runs.push({ text: text.trim(), x: at[4], y: at[5] });
        positioned = false;
      } else if (op === 'Do') {
        const name = operandName(last);
        const xobject = name == null ? undefined : xobjects?.lookup(PDFName.of(name));
        if (!(xobject instanceof PDFStream)) return null;
        const subtype = xobject.dict.lookup(PDFName.of('Subtype'));
        if (subtype === PDFName.of('Image')) { /* a picture writes no text */ }
        else if (subtype !== PDFName.of('Form') || !formClearOfBand(xobject, ctm, height, position)) return null;
      } else if (!NEUTRAL.has(op)) return null;
      operands = [];
    }
  }
  return { runs, height };
}

const operandName = (t: Token | undefined) => (t?.kind === 'name' ? t.value : null);

function numbers(arr: PDFArray | undefined, k: number): number[] | null {
  if (!arr || arr.size() !== k) return null;
  const out = arr.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : NaN));
  return out.every(Number.isFinite) ? out : null;
}

/** Whether a form, clipped to its box, placed by its matrix and the current transformation, lies wholly outside the band. */
function formClearOfBand(form: PDFStream, ctm: Matrix, height: number, position: BatesPosition): boolean {
  const bbox = numbers(form.dict.lookupMaybe(PDFName.of('BBox'), PDFArray), 4);
  if (!bbox) return false;
  const matrixEntry = form.dict.lookupMaybe(PDFName.of('Matrix'), PDFArray);
  const matrix = matrixEntry ? numbers(matrixEntry, 6) : [...IDENTITY];
  if (!matrix) return false;
  const m = multiply(ctm, matrix as Matrix);
  const ys = [[bbox[0], bbox[1]], [bbox[2], bbox[1]], [bbox[0], bbox[3]], [bbox[2], bbox[3]]].map(([x, y]) => m[1] * x + m[3] * y + m[5]);
  // A hundredth of a point of slack for the arithmetic that placed it exactly on the band's edge.
  return position === 'top-right' ? Math.max(...ys) <= height - STAMP_BAND + 0.01 : Math.min(...ys) >= STAMP_BAND - 0.01;
}
