// Form pages for tests: text placed at given points in a real PDF (pdfkit, Helvetica), read back
// through the text-layer reader, so composed forms take the same path as imported documents.
import PDFDocument from 'pdfkit';
import type { PageContent } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';

export interface Placed {
  x: number;
  y: number;
  text: string;
  size?: number;
  bold?: boolean;
}

/** The bytes of a PDF with the given pages (for tests that import the file itself). */
export async function formPdfBytes(pages: Placed[][]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 36, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (const page of pages) {
    doc.addPage();
    for (const p of page) {
      doc.font(p.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(p.size ?? 8);
      doc.text(p.text, p.x, p.y, { lineBreak: false });
    }
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

export async function formPages(pages: Placed[][]): Promise<PageContent[]> {
  return (await readPdfText(await formPdfBytes(pages))).pages;
}

/** Words of `text` in lines of at most `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A page writer that moves down the page line by line. */
export class PageWriter {
  readonly pages: Placed[][] = [[]];
  y = 50;

  get page(): Placed[] {
    return this.pages[this.pages.length - 1];
  }

  /** Running header and footer printed on every page (set before the first line). */
  furniture: { header?: string; footer?: (page: number) => string } = {};

  newPage(): void {
    this.pages.push([]);
    this.y = 50;
  }

  /** The pages with their running header and footer. */
  finished(): Placed[][] {
    return this.pages.map((page, i) => [
      ...(this.furniture.header ? [{ x: 40, y: 24, text: this.furniture.header, size: 7 }] : []),
      ...page,
      ...(this.furniture.footer ? [{ x: 40, y: 752, text: this.furniture.footer(i + 1), size: 7 }] : []),
    ]);
  }

  /** One printed row: each cell at its x, the cell's lines stacked; the row is as tall as its tallest cell. */
  row(cells: Array<[x: number, lines: string[]]>, opts: { size?: number; bold?: boolean; pitch?: number; after?: number } = {}): void {
    const pitch = opts.pitch ?? (opts.size ?? 8) * 1.45;
    const height = Math.max(1, ...cells.map(([, lines]) => lines.length));
    for (const [x, lines] of cells) lines.forEach((text, i) => this.page.push({ x, y: this.y + i * pitch, text, size: opts.size, bold: opts.bold }));
    this.y += height * pitch + (opts.after ?? 0);
  }

  text(x: number, text: string, opts: { size?: number; bold?: boolean; after?: number } = {}): void {
    this.row([[x, [text]]], opts);
  }
}
