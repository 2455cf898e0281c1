// A grid of tick boxes under column headings (a progress or rating grid: one row per area, one
// drawn box per column, no words beside a box): each box takes as its label the heading of the
// column it stands in, whether the headings are printed left-aligned, centred or right-aligned over
// boxes centred in their columns. Headings of different lengths, columns of different widths, a
// title over the header row, in several fonts. Asserts every box's label and state.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { layoutDocument } from '../../../main/core/layout';
import { pdfkitPdf } from '../../support/form-pages';

type Align = 'left' | 'centre' | 'right';
type Doc = PDFKit.PDFDocument;

/** Column starts and widths: the last column the widest, a narrow one in the middle. */
const COLUMNS: Array<[string, number]> = [['Met', 90], ['Partly Met', 70], ['Not Met', 80], ['Not Yet Introduced', 130]];
const AREAS = ['Reading fluency', 'Written expression', 'Math problem solving'];
/** The column ticked in each area's row (-1: none). */
const TICKED = [0, 3, -1];

async function gridPage(font: string, align: Align): Promise<{ pdf: Buffer; truth: Array<[string, boolean]> }> {
  const truth: Array<[string, boolean]> = [];
  const pdf = await pdfkitPdf((doc: Doc) => {
    doc.font(font).fontSize(10);
    doc.text('Progress toward each annual goal this reporting period (tick one box in each row).', 50, 70, { lineBreak: false });
    let x = 200;
    const spans = COLUMNS.map(([label, width]) => {
      const w = doc.widthOfString(label);
      const at = align === 'left' ? x : align === 'centre' ? x + (width - w) / 2 : x + width - w - 4;
      doc.text(label, at, 110, { lineBreak: false });
      const span: [number, number] = [x, x + width];
      x += width;
      return span;
    });
    AREAS.forEach((area, r) => {
      const y = 135 + r * 24;
      doc.font(font).fontSize(10).text(area, 50, y, { lineBreak: false });
      spans.forEach(([x0, x1], k) => {
        const [bx, by] = [(x0 + x1) / 2 - 4.5, y + 0.5];
        doc.lineWidth(0.8).rect(bx, by, 9, 9).stroke();
        const on = TICKED[r] === k;
        if (on) doc.moveTo(bx + 1.5, by + 1.5).lineTo(bx + 7.5, by + 7.5).moveTo(bx + 7.5, by + 1.5).lineTo(bx + 1.5, by + 7.5).stroke();
        truth.push([COLUMNS[k][0], on]);
      });
    });
  });
  return { pdf, truth };
}

describe('a grid of tick boxes under column headings', () => {
  for (const font of ['Helvetica', 'Times-Roman', 'Courier'])
    for (const align of ['left', 'centre', 'right'] as Align[]) {
      it(`labels each box with the heading of its column (${align}-aligned headings, ${font})`, async () => {
        const { pdf, truth } = await gridPage(font, align);
        const [page] = layoutDocument((await readPdfText(new Uint8Array(pdf))).pages).pages;
        const boxes = [...page.checkboxes].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
        expect(boxes.map((b) => [b.label, b.checked])).toEqual(truth);
      });
    }

  it('gives no heading to a pair of boxes under a line that is no header row of theirs', async () => {
    const pdf = await pdfkitPdf((doc: Doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('Does the student require assistive technology devices or services?', 50, 100, { lineBreak: false });
      doc.text('Yes', 380, 100, { lineBreak: false });
      // Two bare boxes far right on the next line, their own labels printed under them.
      doc.text('Services for low incidence disabilities needed', 50, 125, { lineBreak: false });
      for (const x of [470, 500]) doc.lineWidth(0.8).rect(x, 125.5, 9, 9).stroke();
      doc.text('Yes', 468, 145, { lineBreak: false });
      doc.text('No', 499, 145, { lineBreak: false });
    });
    const [page] = layoutDocument((await readPdfText(new Uint8Array(pdf))).pages).pages;
    expect(page.checkboxes.map((b) => b.label)).toEqual(['', '']);
  });
});
