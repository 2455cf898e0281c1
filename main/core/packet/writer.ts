// Flowing front-matter pages with pdfkit: headings, paragraphs, tables that break across pages with
// their header repeated, vector SVG charts, and the rectangles that should become links once the pages
// are merged into the packet (pdfkit's own links would not survive the merge).
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { LatePage } from './page-map';

const require = createRequire(import.meta.url);

/** Liberation Sans (SIL OFL) as shipped inside pdfjs-dist: always present where pdf.js is. */
export function defaultFonts(): { regular: string; bold: string } {
  const dir = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts');
  return { regular: path.join(dir, 'LiberationSans-Regular.ttf'), bold: path.join(dir, 'LiberationSans-Bold.ttf') };
}

// shared/text/dates formatDisplayDate builds a new Intl formatter per call, which showed up as the
// single slowest function when laying out hundreds of dated rows; same output, one formatter.
const DISPLAY_DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
export function displayDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : DISPLAY_DATE.format(d);
}

/** A front-matter page in points: US Letter with 3/4-inch margins unless a forum's profile says otherwise. */
export interface PageGeometry {
  width: number;
  height: number;
  margin: number;
}
export const PAGE: PageGeometry = { width: 612, height: 792, margin: 54 };
/** The default page's width between the margins (a document not laid out for a forum). */
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const LINK_BLUE = '#1a4f9c';

/** A rectangle on a front-matter page (top-left origin, points) that links to a packet page. */
export interface LinkSpot {
  pageIndex: number;
  rect: [number, number, number, number];
  targetPage: number;
}

/** A link target: a packet page number, or one that is known only after layout. */
export type PageTarget = number | LatePage;
const pageOf = (target: PageTarget) => (typeof target === 'number' ? target : target());

/** A one-line table cell whose text (a page number) is written when the document finishes. */
interface LateCell {
  pageIndex: number;
  x: number;
  y: number;
  width: number;
  align: 'left' | 'right' | 'center';
  font: string;
  size: number;
  color: string;
  text: () => string;
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A table cell. Text given as a function is a page number known only after layout: it is laid out as
 * one line (a number in a column sized for it never wraps) and written when the document finishes.
 */
export type Cell = string | { text: string | (() => string); targetPage: PageTarget | null };

export class FrontMatterWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly pendingLinks: Array<Omit<LinkSpot, 'targetPage'> & { targetPage: PageTarget }> = [];
  private readonly lateCells: LateCell[] = [];
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;

  /**
   * @param measureCache text heights by font, size, width and text: tables repeat many strings
   *   (dates, labels), and a caller may share the cache between documents.
   */
  readonly page: PageGeometry;
  /** The width between the margins. */
  readonly contentWidth: number;
  private readonly bottom: number;

  constructor(fonts: { regular: string; bold: string }, title: string, private readonly measureCache = new Map<string, number>(), page: PageGeometry | null = null) {
    this.page = page ?? PAGE;
    this.contentWidth = this.page.width - 2 * this.page.margin;
    this.bottom = this.page.height - this.page.margin;
    this.doc = new PDFDocument({ size: [this.page.width, this.page.height], margin: this.page.margin, bufferPages: true, autoFirstPage: false, info: { Title: title, Creator: 'IEP Casefile' } });
    this.doc.registerFont('Body', fonts.regular);
    this.doc.registerFont('Bold', fonts.bold);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
  }

  /** Link rectangles with their packet pages: read after any late page numbers are settled. */
  get links(): LinkSpot[] {
    return this.pendingLinks.map((l) => ({ ...l, targetPage: pageOf(l.targetPage) }));
  }

  get pageIndex(): number {
    return this.doc.bufferedPageRange().count - 1;
  }

  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.font('Body').fontSize(10).fillColor('black');
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  heading(text: string, size = 16): void {
    this.ensureSpace(size * 3);
    this.doc.font('Bold').fontSize(size).fillColor('black').text(text, this.page.margin, this.doc.y, { width: this.contentWidth });
    this.doc.moveDown(0.4);
    this.doc.font('Body').fontSize(10);
  }

  paragraph(text: string, options: { size?: number; bold?: boolean; color?: string; indent?: number; targetPage?: PageTarget | null } = {}): void {
    const size = options.size ?? 10;
    const x = this.page.margin + (options.indent ?? 0);
    const width = this.contentWidth - (options.indent ?? 0);
    this.doc.font(options.bold ? 'Bold' : 'Body').fontSize(size);
    const height = this.doc.heightOfString(text, { width });
    this.ensureSpace(Math.min(height, size * 3));
    const top = this.doc.y;
    const startPage = this.pageIndex;
    const linked = options.targetPage != null;
    this.doc.fillColor(linked ? LINK_BLUE : options.color ?? 'black').text(text, x, top, { width });
    if (linked && this.pageIndex === startPage) {
      this.pendingLinks.push({ pageIndex: startPage, rect: [x, top, x + Math.min(width, this.doc.widthOfString(text)), top + height], targetPage: options.targetPage! });
    }
    this.doc.fillColor('black').font('Body').fontSize(10);
    this.doc.moveDown(0.3);
  }

  /** A table with wrapped cells; a row that does not fit starts a new page under a repeated header. */
  table(columns: Column[], rows: Cell[][], options: { size?: number; boldLastRow?: boolean } = {}): void {
    const size = options.size ?? 8.5;
    const pad = 3;
    const drawHeader = () => {
      this.doc.font('Bold').fontSize(size);
      const h = Math.max(...columns.map((c) => this.doc.heightOfString(c.header, { width: c.width - 2 * pad }))) + 2 * pad;
      const top = this.doc.y;
      this.doc.rect(this.page.margin, top, columns.reduce((a, c) => a + c.width, 0), h).fill('#e6e9ee');
      let x = this.page.margin;
      for (const c of columns) {
        this.doc.fillColor('black').text(c.header, x + pad, top + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
        x += c.width;
      }
      this.doc.y = top + h;
    };
    this.ensureSpace(40);
    drawHeader();
    rows.forEach((row, r) => {
      const bold = options.boldLastRow && r === rows.length - 1;
      this.doc.font(bold ? 'Bold' : 'Body').fontSize(size);
      // Late text measures as an empty cell: one line, as the number written later takes.
      const texts = row.map((cell) => (typeof cell === 'string' ? cell : typeof cell.text === 'string' ? cell.text : ''));
      const h = Math.max(...texts.map((t, i) => this.cellHeight(t, columns[i].width - 2 * pad))) + 2 * pad;
      if (this.doc.y + h > this.bottom) { this.newPage(); drawHeader(); this.doc.font(bold ? 'Bold' : 'Body').fontSize(size); }
      const top = this.doc.y;
      let x = this.page.margin;
      row.forEach((cell, i) => {
        const target = typeof cell === 'string' ? null : cell.targetPage;
        const color = target != null ? LINK_BLUE : 'black';
        const align = columns[i].align ?? 'left';
        const late = typeof cell !== 'string' && typeof cell.text === 'function' ? cell.text : null;
        if (late) {
          this.lateCells.push({ pageIndex: this.pageIndex, x: x + pad, y: top + pad, width: columns[i].width - 2 * pad, align, font: bold ? 'Bold' : 'Body', size, color, text: late });
        } else {
          this.doc.fillColor(color).text(texts[i] || '', x + pad, top + pad, { width: columns[i].width - 2 * pad, align });
        }
        if (target != null) this.pendingLinks.push({ pageIndex: this.pageIndex, rect: [x, top, x + columns[i].width, top + h], targetPage: target });
        x += columns[i].width;
      });
      this.doc.moveTo(this.page.margin, top + h).lineTo(x, top + h).lineWidth(0.4).strokeColor('#b0b6c0').stroke();
      this.doc.y = top + h;
    });
    this.doc.fillColor('black').font('Body').fontSize(10);
    this.doc.x = this.page.margin;
    this.doc.moveDown(0.6);
  }

  /** Height of wrapped text; a short single line skips pdfkit's full line-wrapping pass. */
  private cellHeight(text: string, width: number): number {
    if (!text) return this.doc.currentLineHeight(true);
    const font = this.doc as unknown as { _font: { name: string }; _fontSize: number };
    const key = `${font._font.name}|${font._fontSize}|${width}|${text}`;
    let h = this.measureCache.get(key);
    if (h === undefined) {
      h = !text.includes('\n') && text.length < 60 && this.doc.widthOfString(text) <= width
        ? this.doc.currentLineHeight(true)
        : this.doc.heightOfString(text, { width });
      this.measureCache.set(key, h);
    }
    return h;
  }

  /** Draws an SVG as PDF paths and text (never a raster), scaled to the content width. */
  svg(svg: string, width: number, height: number): void {
    const w = Math.min(width, this.contentWidth);
    const h = (height * w) / width;
    this.ensureSpace(h + 6);
    const top = this.doc.y;
    SVGtoPDF(this.doc, svg, this.page.margin, top, {
      width: w,
      height: h,
      preserveAspectRatio: 'xMinYMin meet',
      assumePt: false,
      fontCallback: (_family, bold) => (bold ? 'Bold' : 'Body'),
    });
    this.doc.font('Body').fontSize(10).fillColor('black');
    this.doc.x = this.page.margin;
    this.doc.y = top + h + 6;
  }

  /**
   * Writes the late cells and a footer on every page, then returns the PDF bytes. `footer` gets the
   * 1-based page of this document (the front matter's own page is its packet page).
   */
  async finish(footer: (pageNumber: number) => string): Promise<Uint8Array> {
    const { start, count } = this.doc.bufferedPageRange();
    const lateByPage = new Map<number, LateCell[]>();
    for (const c of this.lateCells) lateByPage.set(c.pageIndex, [...(lateByPage.get(c.pageIndex) ?? []), c]);
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
      for (const c of lateByPage.get(i) ?? []) {
        this.doc.font(c.font).fontSize(c.size).fillColor(c.color).text(c.text(), c.x, c.y, { width: c.width, align: c.align, lineBreak: false });
      }
      const footerText = footer(i + 1);
      if (footerText) {
        this.doc.font('Body').fontSize(8).fillColor('#555555')
          .text(footerText, this.page.margin, this.page.height - 34, { width: this.contentWidth, align: 'center', lineBreak: false });
      }
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    await this.ended;
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}

