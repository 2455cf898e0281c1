// Columns a table reader takes from a header row's cells: left-aligned header cells (each column to
// the next cell's left edge, wrapped header words added to the column they start in) and headings
// set apart over their columns (each column halfway to its neighbours), with words put in the
// column that holds their centre.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { rowLines } from '../../../main/core/layout';
import { addWrappedHeaderCells, cellColumns, columnHolding, midpointColumns } from '../../../main/core/layout/form-columns';
import { pdfkitPdf } from '../../support/form-pages';

const rowsOf = async (draw: Parameters<typeof pdfkitPdf>[0]) => rowLines((await readPdfText(new Uint8Array(await pdfkitPdf(draw)))).pages);

describe('form table columns', () => {
  it('takes columns from left-aligned header cells and adds the header words wrapped under them', async () => {
    const rows = await rowsOf((doc) => {
      doc.font('Helvetica').fontSize(10);
      [['Goal', 50], ['Area', 150], ['Progress', 260], ['Comments', 380]].forEach(([t, x]) => doc.text(String(t), Number(x), 100, { lineBreak: false }));
      doc.text('Code', 260, 112, { lineBreak: false });
      doc.text('1', 50, 130, { lineBreak: false });
      doc.text('Reading', 150, 130, { lineBreak: false });
      doc.text('SP', 262, 130, { lineBreak: false });
      doc.text('Reads 62 words a minute now', 380, 130, { lineBreak: false });
    });
    const [header, wrapped, row] = rows;
    const columns = cellColumns(header, row.bbox[2]);
    addWrappedHeaderCells(columns, [wrapped]);
    expect(columns.map((c) => c.label)).toEqual(['Goal', 'Area', 'Progress Code', 'Comments']);
    expect(columns[3].x1).toBeCloseTo(row.bbox[2] - 2, 5);
    expect(row.words.map((w) => columnHolding(columns, w)?.label)).toEqual(['Goal', 'Area', 'Progress Code', 'Comments', 'Comments', 'Comments', 'Comments', 'Comments', 'Comments']);
  });

  it('gives headings set apart the columns halfway to their neighbours, never past a limit', async () => {
    const rows = await rowsOf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('Progress on the annual goal is reported each marking period with a code and a comment.', 50, 60, { lineBreak: false });
      [['MP1', 200], ['MP2', 300], ['MP3', 400], ['Data', 500]].forEach(([t, x]) => doc.text(String(t), Number(x), 100, { lineBreak: false }));
      [['2', 205], ['3', 305], ['4', 405], ['90%', 500]].forEach(([t, x]) => doc.text(String(t), Number(x), 120, { lineBreak: false }));
    });
    const [, header, codes] = rows;
    const periods = header.cells.filter((c) => /^MP\d$/.test(c.text));
    const limit = (periods[2].x1 + header.cells[3].x0) / 2;
    const columns = midpointColumns(periods, limit).map((c, i) => ({ ...c, label: periods[i].text }));
    expect(columns[0].x1).toBeCloseTo((periods[0].x1 + periods[1].x0) / 2, 5);
    expect(columns[1].x0).toBeCloseTo(columns[0].x1, 5);
    expect(columns[2].x1).toBeLessThanOrEqual(limit);
    expect(codes.words.map((w) => columnHolding(columns, w)?.label ?? null)).toEqual(['MP1', 'MP2', 'MP3', null]);
  });
});
