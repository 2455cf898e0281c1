// A block printed as two columns side by side under a header in the right column is read header
// first, then the left column, then the right one; the full-width line after it keeps its place.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { rowLines, sideColumnOrder, type RowLine } from '../../../main/core/layout';
import { pdfkitPdf } from '../../support/form-pages';

const HEADER = /^Section \d+$/;
const reader = {
  headerStart: (l: RowLine) => l.cells.slice(1).find((c) => HEADER.test(c.text))?.words[0] ?? null,
  endsBlock: (l: RowLine) => l.cells.some((c) => HEADER.test(c.text)),
};

describe('side-by-side column blocks', () => {
  it('reads the header, the left column, then the right column, and stops at a full-width line', async () => {
    const pdf = await pdfkitPdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('Area: Reading', 50, 100, { lineBreak: false });
      doc.text('Section 1', 250, 100, { lineBreak: false });
      doc.text('left one', 50, 114, { lineBreak: false });
      doc.text('right one', 250, 114, { lineBreak: false });
      doc.text('left two', 50, 128, { lineBreak: false });
      doc.text('right two', 250, 128, { lineBreak: false });
      doc.text('right three', 250, 142, { lineBreak: false });
      doc.text('A closing sentence that runs across the whole width of the page below both columns.', 50, 170, { lineBreak: false });
    });
    const { pages } = await readPdfText(new Uint8Array(pdf));
    const ordered = sideColumnOrder(rowLines(pages), reader).map((l) => l.text);
    expect(ordered).toEqual(['Section 1', 'Area: Reading', 'left one', 'left two', 'right one', 'right two', 'right three', 'A closing sentence that runs across the whole width of the page below both columns.']);
  });

  it('leaves lines without a block header in their order', async () => {
    const pdf = await pdfkitPdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('first line', 50, 100, { lineBreak: false });
      doc.text('second', 50, 114, { lineBreak: false });
      doc.text('beside', 250, 114, { lineBreak: false });
    });
    const { pages } = await readPdfText(new Uint8Array(pdf));
    expect(sideColumnOrder(rowLines(pages), reader).map((l) => l.text)).toEqual(['first line', 'second beside']);
  });
});
