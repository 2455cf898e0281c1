// Places one original page into the packet with its Bates number. The stamp never covers content: the
// page is drawn shrunk uniformly by the height of a stamp band (about 3% on Letter) and the number is
// written in that band. Scans run to the paper's edge, so "existing white margin" cannot be trusted
// without rendering every page; shrinking always works and keeps text and vectors as they are.
// The original stays untouched: its page is copied into the packet as a form XObject.
import {
  PDFContentStream, PDFDocument, PDFName, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRawStream, PDFRef, PDFStream, StandardFonts,
  TextRenderingMode, beginText, drawObject, endText, popGraphicsState, pushGraphicsState,
  rotateDegrees, scale, setCharacterSqueeze, setFillingGrayscaleColor, setFontAndSize, setTextMatrix,
  setTextRenderingMode, showText, translate, type PDFFont, type PDFOperator,
} from 'pdf-lib';
import { deflateSync } from 'node:zlib';
import type { Word } from '../../../shared/domain';
import { contentRefs, decodedContent } from '../pdf/content-streams';
import type { PageSequence } from './page-sequence';
import type { BatesPosition } from './types';

/** Height of the band that holds the Bates number, in points. */
export const STAMP_BAND = 24;
export const STAMP_FONT_SIZE = 9;
const SIDE_INSET = 18;

export interface Placement {
  /** Displayed page size (after the original's /Rotate). */
  width: number;
  height: number;
  scale: number;
  /** Where the shrunk page's lower-left corner sits. */
  x0: number;
  y0: number;
}

export function placementFor(width: number, height: number, position: BatesPosition): Placement {
  const scale = (height - STAMP_BAND) / height;
  return { width, height, scale, x0: (width - width * scale) / 2, y0: position === 'top-right' ? 0 : STAMP_BAND };
}

/** The stamp's baseline origin inside the band. */
export function stampOrigin(p: Placement, position: BatesPosition, textWidth: number): { x: number; y: number } {
  const y = position === 'top-right' ? p.height - STAMP_BAND + (STAMP_BAND - STAMP_FONT_SIZE) / 2 + 2 : (STAMP_BAND - STAMP_FONT_SIZE) / 2 + 2;
  const x = position === 'bottom-left' ? SIDE_INSET
    : position === 'bottom-center' ? (p.width - textWidth) / 2
      : p.width - SIDE_INSET - textWidth;
  return { x, y };
}

export interface StampContext {
  out: PDFDocument;
  /** The packet's pages in order; stamped pages are appended to it. */
  sequence: PageSequence;
  font: PDFFont;
  /** Code points the stamp font can encode: OCR text outside it is replaced so encoding never fails. */
  charset: Set<number>;
  position: BatesPosition;
}

export async function stampContext(out: PDFDocument, sequence: PageSequence, position: BatesPosition): Promise<StampContext> {
  const font = await out.embedFont(StandardFonts.Helvetica);
  return { out, sequence, font, charset: new Set(font.getCharacterSet()), position };
}

/** Readies a source page for copying: links would drag other pages along; a blank page has no content. */
function prepareSource(page: PDFPage): void {
  page.node.delete(PDFName.of('Annots'));
  if (!page.node.Contents()) page.node.set(PDFName.of('Contents'), page.doc.context.register(page.doc.context.flateStream('')));
}

const normalizeAngle = (angle: number) => ((Math.round(angle / 90) * 90) % 360 + 360) % 360;

export interface EmbeddedSource {
  ref: PDFRef;
  crop: { x: number; y: number; width: number; height: number };
  angle: number;
}

/**
 * Turns each source page into a form XObject in the packet. One copier per exhibit, so resources its
 * pages share (a font, a letterhead image) are copied once. A page with a single content stream keeps
 * its compressed bytes as they are: pdf-lib's embedPage would inflate and deflate every page again,
 * which was most of the build time.
 */
export function embedSourcePages(ctx: StampContext, sources: PDFPage[]): EmbeddedSource[] {
  if (!sources.length) return [];
  const copier = PDFObjectCopier.for(sources[0].doc.context, ctx.out.context);
  const context = ctx.out.context;
  return sources.map((source) => {
    prepareSource(source);
    const crop = source.getCropBox();
    const angle = normalizeAngle(source.getRotation().angle);
    const leaf = copier.copy(source.node);
    // The copy's own entries, not normalizedEntries(): that wraps a parsed page's content in two more
    // streams (q and Q, pdf-lib's CTM normalisation), which a form XObject does not need (drawing it
    // saves and restores the graphics state), and it sent every page down the re-compressing path.
    const Contents = contentRefs(leaf.get(PDFName.of('Contents')));
    const Resources = leaf.get(PDFName.of('Resources')) ?? context.obj({});
    const formEntries = {
      Type: PDFName.of('XObject'), Subtype: PDFName.of('Form'), FormType: context.obj(1),
      BBox: context.obj([crop.x, crop.y, crop.x + crop.width, crop.y + crop.height]),
      Matrix: context.obj([1, 0, 0, 1, -crop.x, -crop.y]),
    };
    const only = Contents.length === 1 ? Contents[0] : null;
    const stream = only instanceof PDFRef ? context.lookup(only) : null;
    let ref: PDFRef;
    if (only instanceof PDFRef && stream instanceof PDFRawStream) {
      // The copy belongs to the packet, so turning it into the form changes nothing in the original.
      for (const [k, v] of Object.entries(formEntries)) stream.dict.set(PDFName.of(k), v);
      stream.dict.set(PDFName.of('Resources'), Resources);
      ref = only;
    } else {
      const parts: Uint8Array[] = [];
      for (const part of Contents) parts.push(decodedContent(context.lookup(part, PDFStream)), Uint8Array.of(10));
      const joined = new Uint8Array(parts.reduce((a, b) => a + b.length, 0));
      let at = 0;
      for (const part of parts) { joined.set(part, at); at += part.length; }
      // Native zlib: pdf-lib's JavaScript deflate was the slowest step for pages split into several streams.
      ref = context.register(PDFRawStream.of(context.obj({ ...formEntries, Resources, Filter: PDFName.of('FlateDecode') }), deflateSync(joined, { level: 6 })));
    }
    return { ref, crop, angle };
  });
}

const EXHIBIT_KEY_TEXT = 'Exhibit';

/**
 * Appends the stamped copy of an embedded source page to the packet and returns the page's ref. The
 * page dictionary and its few operators are written directly: pdf-lib's addPage walks the whole page
 * tree on every insert and its content streams serialize their operators twice on save, which together
 * cost more than the stamping itself on a long packet.
 */
export function appendStampedPage(ctx: StampContext, source: EmbeddedSource, batesText: string, ocrWords: Word[] | null): PDFRef {
  const { crop, angle } = source;
  const context = ctx.out.context;
  const turned = angle === 90 || angle === 270;
  const p = placementFor(turned ? crop.height : crop.width, turned ? crop.width : crop.height, ctx.position);
  const s = p.scale;
  // Translate, rotate about that point, then scale (as pdf-lib's drawPage does): these offsets put a
  // turned page back in place, so it shows the way a reader shows the original with its /Rotate.
  const offset = angle === 90 ? { x: 0, y: s * crop.width } : angle === 180 ? { x: s * crop.width, y: s * crop.height } : angle === 270 ? { x: s * crop.height, y: 0 } : { x: 0, y: 0 };
  // Each page has its own resources, so fixed names cannot collide.
  const xName = PDFName.of(EXHIBIT_KEY_TEXT);
  const fontKey = PDFName.of(ctx.font.name);
  const textWidth = ctx.font.widthOfTextAtSize(batesText, STAMP_FONT_SIZE);
  const at = stampOrigin(p, ctx.position, textWidth);
  const ops = [
    pushGraphicsState(), translate(p.x0 + offset.x, p.y0 + offset.y), rotateDegrees(-angle), scale(s, s), drawObject(xName), popGraphicsState(),
    pushGraphicsState(), setFillingGrayscaleColor(0), beginText(), setFontAndSize(fontKey, STAMP_FONT_SIZE),
    setTextMatrix(1, 0, 0, 1, at.x, at.y), showText(ctx.font.encodeText(batesText)), endText(), popGraphicsState(),
  ];
  // A few dozen bytes of operators: compressing them would cost more time than it saves space.
  const contents = [context.register(PDFRawStream.of(context.obj({}), Buffer.from(`${ops.join('\n')}\n`, 'latin1')))];
  if (ocrWords?.length) contents.push(context.register(PDFContentStream.of(context.obj({}), invisibleWordOps(ctx, fontKey, p, ocrWords), true)));
  const leaf = PDFPageLeaf.withContextAndParent(context, ctx.sequence.treeRef);
  leaf.set(PDFName.of('Resources'), context.obj({ XObject: { [EXHIBIT_KEY_TEXT]: source.ref }, Font: { [ctx.font.name]: ctx.font.ref } }));
  leaf.set(PDFName.of('MediaBox'), context.obj([0, 0, p.width, p.height]));
  leaf.set(PDFName.of('Contents'), context.obj(contents));
  const ref = context.register(leaf);
  ctx.sequence.append(ref, leaf);
  return ref;
}

/** OCR words as invisible text (render mode 3) over the shrunk page, each squeezed to its box's width. */
function invisibleWordOps(ctx: StampContext, fontKey: PDFName, p: Placement, words: Word[]): PDFOperator[] {
  const ops = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const word of words) {
    const text = [...word.text].map((ch) => (ctx.charset.has(ch.codePointAt(0)!) ? ch : '?')).join('');
    const [x0, y0, x1, y1] = word.bbox;
    const boxHeight = (y1 - y0) * p.scale;
    const boxWidth = (x1 - x0) * p.scale;
    if (!text.trim() || boxHeight <= 0 || boxWidth <= 0) continue;
    const size = Math.max(1, boxHeight * 0.9);
    const natural = ctx.font.widthOfTextAtSize(text, size);
    const baseline = p.y0 + (p.height - y1) * p.scale + boxHeight * 0.2;
    ops.push(
      setFontAndSize(fontKey, size),
      setCharacterSqueeze(natural > 0 ? (100 * boxWidth) / natural : 100),
      setTextMatrix(1, 0, 0, 1, p.x0 + x0 * p.scale, baseline),
      showText(ctx.font.encodeText(`${text} `)),
    );
  }
  ops.push(endText(), popGraphicsState());
  return ops;
}
