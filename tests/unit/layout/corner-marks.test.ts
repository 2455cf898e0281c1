// A tick box whose X runs from corner to corner (or nearly) is ticked: the mark's strokes span the
// frame itself, and only a closed shape of the frame's size (the frame drawn twice) is no mark.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { answerOf, layoutDocument } from '../../../main/core/layout';
import { pdfkitPdf } from '../../support/form-pages';

async function boxesWithCross(inset: number, options: string[], ticked: number, frameTwice: boolean): Promise<Buffer> {
  return pdfkitPdf((doc) => {
    doc.font('Helvetica').fontSize(10).text('Meeting Type:', 60, 100, { lineBreak: false });
    let x = 140;
    options.forEach((o, i) => {
      doc.rect(x, 100, 9, 9).lineWidth(0.8).stroke('black');
      if (frameTwice) doc.rect(x, 100, 9, 9).lineWidth(0.4).stroke('black');
      if (i === ticked) doc.moveTo(x + inset, 100 + inset).lineTo(x + 9 - inset, 109 - inset).moveTo(x + 9 - inset, 100 + inset).lineTo(x + inset, 109 - inset).lineWidth(1).stroke('black');
      doc.text(o, x + 13, 100, { lineBreak: false });
      x += 13 + doc.widthOfString(o) + 18;
    });
  });
}

describe('drawn tick boxes marked corner to corner', () => {
  for (const inset of [0, 0.5, 1, 1.5]) {
    for (const frameTwice of [false, true]) {
      it(`reads the X ${inset} pt inside its frame${frameTwice ? ', the frame stroked twice' : ''}`, async () => {
        const options = ['Initial', 'Annual', 'Revision', 'Reevaluation'];
        const pdf = await readPdfText(new Uint8Array(await boxesWithCross(inset, options, 1, frameTwice)));
        const layout = layoutDocument(pdf.pages);
        const answer = answerOf(layout.pages.flatMap((p) => p.checkboxes), [/meeting type/i]);
        expect(answer?.readable).toBe(true);
        expect(answer?.ticked.map((b) => b.label)).toEqual(['Annual']);
        expect(answer?.options.map((b) => b.label)).toEqual(options);
      });
    }
  }
});
