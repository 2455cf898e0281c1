// A drafted letter as PDF (pdfkit). Embeds a Unicode TrueType font when one is found (names like "Lucía Nuñez"
// need it); otherwise falls back to pdfkit's built-in Times (WinAnsi). No network, no system font lookup by name.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { longDate } from './evidence';
import type { LetterDraft } from './types';

export interface PdfFontOptions {
  /** Paths to TrueType fonts to try, in order; the first that exists is used. */
  regular?: string[];
  bold?: string[];
}

export const DEFAULT_FONT_CANDIDATES: Required<PdfFontOptions> = {
  regular: [
    '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
    '/Library/Fonts/Times New Roman.ttf',
    'C:\\Windows\\Fonts\\times.ttf',
  ],
  bold: [
    '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf',
    '/Library/Fonts/Times New Roman Bold.ttf',
    'C:\\Windows\\Fonts\\timesbd.ttf',
  ],
};

const BULLET = /^[•\-*]\s+/;

export function renderPdf(letter: LetterDraft, fonts: PdfFontOptions = {}): Promise<Buffer> {
  const regular = (fonts.regular ?? DEFAULT_FONT_CANDIDATES.regular).find((p) => existsSync(p)) ?? 'Times-Roman';
  const bold = (fonts.bold ?? DEFAULT_FONT_CANDIDATES.bold).find((p) => existsSync(p)) ?? (regular === 'Times-Roman' ? 'Times-Bold' : regular);
  const doc = new PDFDocument({ size: 'LETTER', margins: { top: 72, bottom: 72, left: 72, right: 72 }, info: { Title: letter.subject, Creator: 'IEP Casefile' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  doc.font('body').fontSize(12);
  const width = doc.page.width - 144;
  const left = 72;
  const block = (texts: string[]) => {
    for (const t of texts) doc.text(t, { width });
    doc.moveDown();
  };

  block(letter.sender);
  block([longDate(letter.date)]);
  block(letter.recipient);
  doc.font('bold').text(`Re: ${letter.subject}`, { width }).font('body');
  doc.moveDown();
  block([letter.salutation]);
  letter.paragraphs.forEach((p, i) => {
    if (BULLET.test(p)) {
      // Hanging indent: the bullet in the margin of the list, wrapped lines aligned with the text.
      const item = p.replace(BULLET, '');
      // Both parts are placed at the same y, so break the page first if the item would not fit.
      if (doc.y + doc.heightOfString(item, { width: width - 20 }) > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      doc.text('•', left + 6, y, { width: 12 });
      doc.text(item, left + 20, y, { width: width - 20, align: 'left' });
      doc.x = left;
      doc.moveDown(BULLET.test(letter.paragraphs[i + 1] ?? '') ? 0.2 : 0.6);
    } else {
      doc.text(p, { width, align: 'left' });
      doc.moveDown(0.6);
    }
  });
  doc.moveDown(0.4);
  doc.text(letter.closing, { width });
  doc.moveDown(2);
  block(letter.signature);
  if (letter.cc.length) doc.text(`cc: ${letter.cc.join('; ')}`, { width });
  doc.end();
  return done;
}
