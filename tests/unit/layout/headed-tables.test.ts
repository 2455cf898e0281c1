// The lines of a table under a heading row the reader found: heading lines wrapped under it, body
// rows down to a line that runs across the table, and the body lines that only continue the line
// above (a wrapped name set tight under it).
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { rowLines, type RowLine } from '../../../main/core/layout';
import { continuationLines, headedTable } from '../../../main/core/layout/headed-tables';
import { pdfkitPdf } from '../../support/form-pages';

const reader = {
  hasValue: (l: RowLine) => l.words.some((w) => /^\d+$/.test(w.text)),
  isGroupLabel: (t: string) => /^(?:19|20)\d{2}$/.test(t),
  endsTable: (l: RowLine) => /^Note:/.test(l.text),
};

describe('headed tables', () => {
  it('takes the wrapped heading, the rows and a wrapped name, and stops at a line across the table', async () => {
    const pdf = await pdfkitPdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      const row = (y: number, cells: Array<[string, number]>) => cells.forEach(([t, x]) => doc.text(t, x, y, { lineBreak: false }));
      row(100, [['Measure', 60], ['Standard', 260], ['Percentile', 360]]);
      row(111, [['Score', 260], ['Rank', 360]]);
      row(130, [['Word Reading', 60], ['85', 260], ['16', 360]]);
      row(146, [['Reading', 60], ['90', 260], ['25', 360]]);
      row(157, [['Comprehension', 60]]);
      row(173, [['Spelling', 60], ['78', 260], ['7', 360]]);
      row(192, [['The student was attentive throughout the testing session and tried hard on every task.', 60]]);
    });
    const lines = rowLines((await readPdfText(new Uint8Array(pdf))).pages);
    const { header, body } = headedTable(lines, 0, reader);
    expect(header.map((l) => l.text)).toEqual(['Measure Standard Percentile', 'Score Rank']);
    expect(body.map((l) => l.text)).toEqual(['Word Reading 85 16', 'Reading 90 25', 'Comprehension', 'Spelling 78 7']);
    expect([...continuationLines(body)].map((l) => l.text)).toEqual(['Comprehension']);
  });
});
