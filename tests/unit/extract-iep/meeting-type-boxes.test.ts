// The meeting type from drawn checkboxes (read by the layout model from the PDF's drawing), never
// from the option words printed beside every box: the ticked one, or null when none is ticked.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { iepTypeOf } from '../../../main/core/extract/iep-type';
import { buildLayout } from '../../../main/core/extract/layout';

async function typeForm(ticked: number | null, options: string[], question = 'Type of Meeting:', title = 'INDIVIDUALIZED EDUCATION PROGRAM - AMENDMENT PAGE', inset = 2): Promise<ReturnType<typeof iepTypeOf>> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica-Bold').fontSize(12).text(title, 60, 50, { lineBreak: false });
  doc.font('Helvetica').fontSize(9).text('Student: Rae Okonkwo', 60, 80, { lineBreak: false });
  doc.text('Meeting Date: 02/10/2026', 300, 80, { lineBreak: false });
  doc.text(question, 60, 100, { lineBreak: false });
  let x = 60 + doc.widthOfString(question) + 12;
  options.forEach((label, i) => {
    const side = 8;
    doc.lineWidth(0.7).rect(x, 100.5, side, side).stroke();
    if (i === ticked) doc.moveTo(x + inset, 100.5 + inset).lineTo(x + side - inset, 108.5 - inset).moveTo(x + side - inset, 100.5 + inset).lineTo(x + inset, 108.5 - inset).stroke();
    doc.text(label, x + side + 4, 100, { lineBreak: false });
    x += side + 4 + doc.widthOfString(label) + 20;
  });
  doc.end();
  await done;
  const { pages } = await readPdfText(new Uint8Array(Buffer.concat(chunks)));
  return iepTypeOf(buildLayout(pages));
}

describe('meeting type from drawn checkboxes', () => {
  const options = ['Initial', 'Annual Review', 'Reevaluation', 'Amendment'];
  it('takes the ticked option, whichever it is, not the title or the first option', async () => {
    expect(await typeForm(1, options)).toBe('annual');
    expect(await typeForm(2, options)).toBe('reevaluation');
    expect(await typeForm(0, options)).toBe('initial');
  });

  it('says null when no box is ticked rather than reading the option words', async () => {
    expect(await typeForm(null, options)).toBeNull();
  });

  it('reads a committee report\'s purpose boxes, the X drawn corner to corner', async () => {
    const purposes = ['Initial', 'Annual', 'Revision', 'Reevaluation'];
    expect(await typeForm(1, purposes, 'Purpose of ARD:', 'ADMISSION, REVIEW AND DISMISSAL COMMITTEE REPORT', 0)).toBe('annual');
    expect(await typeForm(3, purposes, 'Purpose of ARD:', 'ADMISSION, REVIEW AND DISMISSAL COMMITTEE REPORT', 0.5)).toBe('reevaluation');
  });

  it('never takes a type from a line listing the options of a question it cannot read', async () => {
    expect(await typeForm(null, ['Initial', 'Annual', 'Revision'], 'Held as:', 'STUDENT PLAN')).toBeNull();
  });
});
