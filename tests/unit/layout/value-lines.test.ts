// A value that runs on under its label: a label wrapping in its narrow column is not value text, and
// a line at the margin after a paragraph's short last line opens a new paragraph.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { rowLines } from '../../../main/core/layout';
import { startsParagraph, valueWordsBeside } from '../../../main/core/layout/label-lines';
import { pdfkitPdf } from '../../support/form-pages';

describe('value lines', () => {
  it('leaves a label wrapping in its column out of the value and sees a new paragraph at the margin', async () => {
    const pdf = await pdfkitPdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('Short-Term Objectives /', 50, 100, { lineBreak: false });
      doc.text('Given a passage the student will answer five questions', 200, 100, { lineBreak: false });
      doc.text('Benchmarks', 50, 114, { lineBreak: false });
      doc.text('with accuracy.', 200, 114, { lineBreak: false });
      doc.text('The team will meet again in the spring to review the goals, the services and the accommodations.', 50, 140, { lineBreak: false });
    });
    const [first, wrap, prose] = rowLines((await readPdfText(new Uint8Array(pdf))).pages);
    const value = { valueX: first.cells[1].x0, labelX: first.cells[0].x0 };
    expect(valueWordsBeside(wrap, value).map((w) => w.text).join(' ')).toBe('with accuracy.');
    expect(valueWordsBeside(prose, value)).toEqual(prose.words);
    const left = 50;
    const right = Math.max(first.bbox[2], prose.bbox[2]);
    expect(startsParagraph(prose, wrap, value, left, right)).toBe(true);
    expect(startsParagraph(wrap, first, value, left, right)).toBe(false);
  });
});
