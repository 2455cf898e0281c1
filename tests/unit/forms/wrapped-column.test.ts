// Issue 18: a column anchor reads a text wrapped over several lines of its cell whole, not only its
// first line. Generated copies of a table whose goal column is narrow (its goals wrap over two or
// three lines) beside a code and remarks column; the anchor is learned from one row's goal given in
// full, and read on every row of another copy. Real PDFs, real text reading and layout model.
import { describe, expect, it } from 'vitest';
import { learnColumn, readColumn } from '../../../main/core/forms/anchors';
import { layoutOf } from '../../../main/core/forms/fingerprint';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import type { BBox } from '../../../shared/domain';
import { pdfkitPdf } from '../../support/form-pages';

const GOALS = [
  ['Decode two-syllable words in grade level texts with accuracy', 'AP', 'Steady gains this window'],
  ['Write a paragraph with a topic sentence and two details', 'SP', 'Needs adult prompts'],
  ['Count coins to five dollars', 'MA', 'Met the benchmark'],
  ['Follow a three-step direction in class without a reminder from staff', 'NP', 'Absent for probes'],
];

/** A copy with its rows in the given order: the PDF and each row's box and goal. */
async function copy(order: number[]): Promise<{ pdf: Buffer; rows: Array<{ bbox: BBox; goal: string; lines: number }> }> {
  const rows: Array<{ bbox: BBox; goal: string; lines: number }> = [];
  const pdf = await pdfkitPdf((doc) => {
    doc.font('Helvetica-Bold').fontSize(13).text('NORTHFIELD LEARNING DISTRICT', 50, 40, { lineBreak: false });
    doc.font('Helvetica-Bold').fontSize(10).text('Goal', 50, 90, { lineBreak: false });
    doc.text('Remarks', 330, 90, { lineBreak: false });
    let y = 110;
    for (const i of order) {
      const [goal, code, remark] = GOALS[i];
      doc.font('Helvetica').fontSize(10);
      const h = doc.heightOfString(goal, { width: 150 });
      doc.text(goal, 50, y, { width: 150, lineBreak: true });
      doc.font('Helvetica-Bold').text(code, 240, y, { lineBreak: false });
      doc.font('Helvetica').text(remark, 330, y, { lineBreak: false });
      rows.push({ bbox: [48, y - 2, 500, y + h + 2], goal, lines: Math.round(h / doc.currentLineHeight()) });
      y += h + 18;
    }
  });
  return { pdf, rows };
}

const squash = (s: unknown) => String(s).replace(/\s+/g, ' ').trim();

describe('a column anchor on wrapped text', () => {
  it('reads every line of each row\'s goal on another copy', async () => {
    const a = await copy([0, 1, 2, 3]);
    const b = await copy([3, 2, 0, 1]);
    const la = layoutOf((await readPdfText(new Uint8Array(a.pdf))).pages);
    const lb = layoutOf((await readPdfText(new Uint8Array(b.pdf))).pages);
    // The goals do wrap: most over two lines or more.
    expect(a.rows.filter((r) => r.lines >= 2).length).toBeGreaterThanOrEqual(3);
    const learned = learnColumn({ layout: la, value: a.rows[0].goal, row: { page: 1, bbox: a.rows[0].bbox }, isStatic: () => true });
    expect(learned).not.toBeNull();
    for (const r of b.rows) expect(squash(readColumn(lb, learned!.spec, learned!.shape, { page: 1, bbox: r.bbox })?.value)).toBe(r.goal);
    // The code column beside it stays one word.
    const code = learnColumn({ layout: la, value: 'AP', row: { page: 1, bbox: a.rows[0].bbox }, isStatic: () => true });
    expect(b.rows.map((r) => readColumn(lb, code!.spec, code!.shape, { page: 1, bbox: r.bbox })?.value)).toEqual([3, 2, 0, 1].map((i) => GOALS[i][1]));
  });
});
