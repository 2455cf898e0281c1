// Where a reader's grid stands on the page, read by the layout model (form-columns.ts) over its row
// view: a goal grid's header wrapped onto the line under it and where its body ends (prose running
// across its columns), a data column after the period headings and the date row under them, the
// first column of a list table, header notes under a goal table's header, a line leaving the table,
// and the row pitch of a padded table. Each page is drawn in several fonts, sizes and offsets.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { rowLines, type RowLine } from '../../../main/core/layout';
import {
  atRowPitch, columnAfter, columnHolding, columnsFromHeader, firstColumnWords, gridBody, leavesColumns, midpointColumns, rightEdge, rightOf,
  rowSpacing, standsUnderHeader, valuesUnderHeader, wrappedHeaderBelow,
} from '../../../main/core/layout/form-columns';
import { pdfkitPdf } from '../../support/form-pages';

type Doc = PDFKit.PDFDocument;
const rowsOf = async (draw: (doc: Doc) => void) => rowLines((await readPdfText(new Uint8Array(await pdfkitPdf(draw)))).pages);
const texts = (lines: RowLine[]) => lines.map((l) => l.text);

/** Two lines of report prose over the grid, as a report prints them (the page's word spacing is measured on them too). */
function intro(doc: Doc, left: number): void {
  doc.text('Progress on the annual goals is reported each marking period with a code and a short comment on the data.', left, 50, { lineBreak: false });
  doc.text('The team reviews the data with the family and adjusts the instruction when progress is not sufficient.', left, 64, { lineBreak: false });
}

/** Fonts, sizes and left margins the pages are drawn in. */
const VARIANTS: Array<[string, number, number]> = [['Helvetica', 10, 50], ['Times-Roman', 9, 72], ['Courier', 9, 40], ['Helvetica-Bold', 11, 60]];

describe('form grids', () => {
  for (const [font, size, left] of VARIANTS) {
    it(`reads a goal grid's wrapped header and ends its body at prose across its columns (${font} ${size}pt)`, async () => {
      const lead = size * 1.6;
      const rows = (await rowsOf((doc) => {
        doc.font(font).fontSize(size);
        intro(doc, left);
        const at = (t: string, x: number, y: number) => doc.text(t, left + x, y, { lineBreak: false });
        [['Goal', 0], ['Area', 90], ['Progress', 200], ['Comments', 320]].forEach(([t, x]) => at(String(t), Number(x), 100));
        at('Code', 200, 100 + size * 1.15);
        at('1', 0, 100 + lead * 2);
        at('Reading', 90, 100 + lead * 2);
        at('SP', 202, 100 + lead * 2);
        at('Reads 62 words a minute', 320, 100 + lead * 2);
        at('2', 0, 100 + lead * 3);
        at('Math', 90, 100 + lead * 3);
        at('M', 202, 100 + lead * 3);
        at('Adds within 20', 320, 100 + lead * 3);
        at('Case manager signature and the date the report was sent home', 0, 100 + lead * 5);
      })).slice(2);
      const header = rows[0];
      const wrapped = wrappedHeaderBelow(rows, 0);
      expect(texts(wrapped)).toEqual(['Code']);
      const body = gridBody(rows, 1 + wrapped.length, header, (l) => /^\d+\b/.test(l.cells[0].text));
      expect(texts(body).map((t) => t.split(' ')[0])).toEqual(['1', '2']);
      expect(rightEdge(body)).toBeCloseTo(Math.max(body[0].bbox[2], body[1].bbox[2]), 5);
      // A prose line the reader says opens a row (a goal cell running long) does not end it.
      expect(gridBody(rows, 2, header, () => true)).toHaveLength(3);
    });

    it(`gives the data column after the period headings its own words and each period the date printed under it (${font} ${size}pt)`, async () => {
      const rows = (await rowsOf((doc) => {
        doc.font(font).fontSize(size);
        intro(doc, left);
        const at = (t: string, x: number, y: number) => doc.text(t, left + x, y, { lineBreak: false });
        [['Period', 0], ['MP1', 120], ['MP2', 200], ['MP3', 280], ['Data This Period', 380]].forEach(([t, x]) => at(String(t), Number(x), 100));
        [['11/15/2024', 110], ['1/31/2025', 190], ['4/4/2025', 270]].forEach(([t, x]) => at(String(t), Number(x), 100 + size * 1.5));
        [['Progress Code', 0], ['2', 122], ['3', 202], ['88%', 382]].forEach(([t, x]) => at(String(t), Number(x), 100 + size * 3));
      })).slice(2);
      const [header, dates, codes] = rows;
      const periods = header.cells.filter((c) => /^MP\d$/.test(c.text));
      const data = columnAfter(header, periods, (t) => /data/i.test(t));
      expect(data?.cell.text).toBe('Data This Period');
      expect(data!.x0).toBeGreaterThan(periods[2].x1);
      expect(data!.x0).toBeLessThan(data!.cell.x0);
      expect(columnAfter(header, periods, (t) => /comment/i.test(t))).toBeNull();
      expect(codes.words.filter((w) => rightOf(w, data!.x0)).map((w) => w.text)).toEqual(['88%']);
      const columns = midpointColumns(periods, data!.x0).map((c, i) => ({ ...c, label: periods[i].text }));
      const dated = valuesUnderHeader(rows, 0, columns, (t) => /\d+\/\d+\/\d{4}/.test(t));
      expect(dated?.map(({ column, word }) => [column.label, word.text])).toEqual([['MP1', '11/15/2024'], ['MP2', '1/31/2025'], ['MP3', '4/4/2025']]);
      expect(dates.words.every((w) => columnHolding(columns, w) !== null)).toBe(true);
      // The code row under the dates is no date row: its codes stand inside the columns.
      expect(valuesUnderHeader(rows, 1, columns, (t) => /\d+\/\d+\/\d{4}/.test(t))).toBeNull();
    });
  }

  it('finds no value row under a header at the foot of a page', async () => {
    const pdf = await pdfkitPdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      [['MP1', 120], ['MP2', 200]].forEach(([t, x]) => doc.text(String(t), Number(x), 740, { lineBreak: false }));
      doc.addPage();
      doc.text('11/15/2024', 110, 60, { lineBreak: false });
    });
    const rows = rowLines((await readPdfText(new Uint8Array(pdf))).pages);
    const columns = midpointColumns(rows[0].cells);
    expect(valuesUnderHeader(rows, 0, columns, () => true)).toBeNull();
  });

  it('takes the words of a list table\'s first column, wrapped words too, and all words under a one-cell header', async () => {
    const rows = await rowsOf((doc) => {
      doc.font('Times-Roman').fontSize(10);
      doc.text('Accommodation', 50, 100, { lineBreak: false });
      doc.text('Setting', 300, 100, { lineBreak: false });
      doc.text('Extended time on tests', 50, 118, { lineBreak: false });
      doc.text('All classes', 300, 118, { lineBreak: false });
      doc.text('Accommodations', 50, 160, { lineBreak: false });
    });
    const [header, row, lone] = rows;
    expect(firstColumnWords(row, header).map((w) => w.text).join(' ')).toBe('Extended time on tests');
    expect(firstColumnWords(row, lone).map((w) => w.text).join(' ')).toBe('Extended time on tests All classes');
  });

  it('tells header notes, lines leaving the table and rows at the padded pitch', async () => {
    const rows = await rowsOf((doc) => {
      doc.font('Helvetica').fontSize(9);
      [['Annual Goal', 50], ['Criteria', 260], ['Schedule', 400]].forEach(([t, x]) => doc.text(String(t), Number(x), 100, { lineBreak: false }));
      doc.text('(what the student will do)', 50, 111, { lineBreak: false });
      doc.fontSize(7).text('Goals are reviewed at each reporting period.', 50, 121, { lineBreak: false });
      doc.fontSize(9).text('Reads grade level text', 50, 160, { lineBreak: false });
      doc.text('80% of trials', 260, 160, { lineBreak: false });
      doc.text('with fluency.', 50, 171, { lineBreak: false });
      doc.text('Writes a paragraph', 50, 200, { lineBreak: false });
      doc.text('4 of 5 probes', 260, 200, { lineBreak: false });
      doc.text('RELATED SERVICES AND SUPPORTS PROVIDED TO THE STUDENT', 50, 240, { lineBreak: false });
      doc.text('Notes', 20, 270, { lineBreak: false });
      doc.text('Extra words', 60, 290, { lineBreak: false });
    });
    const [header, note, small, first, wrap, second, heading, outside, inside] = rows;
    expect(standsUnderHeader(note, header, header)).toEqual({ close: true, headerType: true });
    expect(standsUnderHeader(small, header, note)).toEqual({ close: true, headerType: false });
    expect(standsUnderHeader(first, header, small).close).toBe(false);
    const columns = columnsFromHeader(header, () => 'other');
    expect([first, wrap, heading, outside, inside].map((l) => leavesColumns(l, columns))).toEqual([false, false, true, true, false]);
    const spacing = rowSpacing([first, wrap, second]);
    expect(spacing.padded).toBe(true);
    expect(atRowPitch(wrap, first, spacing)).toBe(false);
    expect(atRowPitch(second, wrap, spacing)).toBe(true);
  });
});
