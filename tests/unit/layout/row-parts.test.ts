// Parts of printed lines that readers take from the layout model instead of measuring positions
// themselves: the value cell over, under or below a label (label-lines.ts), the margins and left
// edges a value's lines are measured against, a line without scan specks before its first word or
// cut to one cell (rows.ts), the words of a run's first printed line (lines.ts), reprinted body
// lines told from running headers, and a table's wide note lines and the words starting in its
// date column (headed-tables.ts).
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { rowLines, type RowLine } from '../../../main/core/layout';
import { columnsWidth, isWidePhrase, runsFromColumn } from '../../../main/core/layout/headed-tables';
import { cellAbove, cellBelowFrom, cellUnder, leftEdge, textMargins } from '../../../main/core/layout/label-lines';
import { firstLineWords } from '../../../main/core/layout/lines';
import { bodyKeepingReprints, fromWord, lineOfCell, oneCellLine, setTightUnder } from '../../../main/core/layout/rows';
import { pdfkitPdf } from '../../support/form-pages';

type Doc = PDFKit.PDFDocument;
const pagesOf = async (draw: (doc: Doc) => void) => (await readPdfText(new Uint8Array(await pdfkitPdf(draw)))).pages;
const rowsOf = async (draw: (doc: Doc) => void) => rowLines(await pagesOf(draw));
const words = (l: { words: Array<{ text: string }> } | null | undefined) => l?.words.map((w) => w.text).join(' ') ?? null;

describe('value cells around a label', () => {
  for (const font of ['Helvetica', 'Times-Roman', 'Courier']) {
    it(`finds the value printed over a label, under it and below its left edge (${font})`, async () => {
      const rows = await rowsOf((doc) => {
        doc.font(font).fontSize(10);
        doc.text('Each field of the student strip is printed with its value over a small label.', 50, 50, { lineBreak: false });
        [['Avery Stone', 50], ['4', 230], ['Lincoln Elementary', 330]].forEach(([t, x]) => doc.text(String(t), Number(x), 100, { lineBreak: false }));
        doc.fontSize(7);
        [['Student', 50], ['Grade', 228], ['School', 335]].forEach(([t, x]) => doc.text(String(t), Number(x), 112, { lineBreak: false }));
        doc.fontSize(10);
        [['Grade / School:', 50], ['Case Manager:', 330]].forEach(([t, x]) => doc.text(String(t), Number(x), 160, { lineBreak: false }));
        [['4 / Lincoln Elementary', 52], ['Jordan Lee', 340]].forEach(([t, x]) => doc.text(String(t), Number(x), 174, { lineBreak: false }));
      });
      const [, values, labels, pairLabels, pairValues] = rows;
      const value = (label: string) => cellAbove(labels.cells.find((c) => c.text === label)!, values)?.text ?? null;
      expect([value('Student'), value('Grade'), value('School')]).toEqual(['Avery Stone', '4', 'Lincoln Elementary']);
      expect(cellUnder(pairLabels.cells[0], pairValues)?.text).toBe('4 / Lincoln Elementary');
      expect(cellUnder(pairLabels.cells[1], pairValues)?.text).toBe('Jordan Lee');
      expect(cellBelowFrom(pairValues, leftEdge(pairLabels.cells[1].words)!)?.text).toBe('Jordan Lee');
      expect(cellBelowFrom(pairValues, 0)?.text).toBe('4 / Lincoln Elementary');
    });
  }

  it('finds no value over a label when the line above stands elsewhere across', async () => {
    const rows = await rowsOf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('Avery Stone', 50, 100, { lineBreak: false });
      doc.fontSize(7).text('School', 400, 112, { lineBreak: false });
    });
    expect(cellAbove(rows[1].cells[0], rows[0])).toBeNull();
    expect(cellUnder(rows[0].cells[0], rows[1])).toBeNull();
  });

  it('measures the margins of the lines read and where a run of words starts', async () => {
    const rows = await rowsOf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('Baseline:', 60, 100, { lineBreak: false });
      doc.text('Reads 40 words a minute', 200, 100, { lineBreak: false });
      doc.text('with three errors in a grade level passage and the teacher', 72, 114, { lineBreak: false });
    });
    const { left, right } = textMargins(rows);
    expect(left).toBeCloseTo(60, 0);
    expect(right).toBeCloseTo(Math.max(rows[0].bbox[2], rows[1].bbox[2]), 5);
    expect(leftEdge(rows[0].words.slice(1))).toBeCloseTo(200, 0);
    expect(leftEdge([])).toBeNull();
    expect(textMargins([])).toEqual({ left: 0, right: 0 });
  });
});

describe('parts of a printed line', () => {
  it('drops scan specks before the first word and keeps the line\'s box; cuts a line to a cell or some words', async () => {
    const rows = await rowsOf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('.', 50, 100, { lineBreak: false });
      doc.text(',', 56, 100, { lineBreak: false });
      doc.text('Baseline: reads 40 words', 64, 100, { lineBreak: false });
      doc.text('a minute', 300, 100, { lineBreak: false });
      doc.text('ESY', 50, 140, { lineBreak: false });
      doc.text('BENCHMARKS OR SHORT-TERM OBJECTIVES', 200, 140, { lineBreak: false });
    });
    const [noisy, heading] = rows;
    const skip = noisy.words.findIndex((w) => /\p{L}/u.test(w.text));
    const clean = fromWord(noisy, skip);
    expect(clean.text).toBe('Baseline: reads 40 words a minute');
    expect(clean.cells.map((c) => c.text)).toEqual(['Baseline: reads 40 words', 'a minute']);
    expect(clean.cells[0].x0).toBe(clean.words[0].bbox[0]);
    expect(clean.bbox).toEqual(noisy.bbox);
    expect(fromWord(noisy, 0)).toBe(noisy);
    expect(fromWord(noisy, -1)).toBe(noisy);
    const cell = lineOfCell(heading, heading.cells[1]);
    expect([cell.text, cell.cells.length, cell.isHeading]).toEqual(['BENCHMARKS OR SHORT-TERM OBJECTIVES', 1, true]);
    expect(cell.bbox[0]).toBeCloseTo(200, 0);
    expect(cell.bbox[1]).toBe(heading.bbox[1]);
    const rest = oneCellLine(clean, clean.words.slice(1));
    expect([rest.text, rest.cells.length, rest.cells[0].x1]).toEqual(['reads 40 words a minute', 1, clean.words[clean.words.length - 1].bbox[2]]);
    expect(oneCellLine(clean, clean.words.slice(1), 'reads 40').text).toBe('reads 40');
  });

  for (const size of [8, 10, 12]) {
    it(`takes the words of a run printed on its first line (${size}pt)`, async () => {
      const rows = await rowsOf((doc) => {
        doc.font('Times-Roman').fontSize(size);
        doc.text('Goal 1:', 50, 100, { lineBreak: false });
        doc.text('Area of Need: Reading', 120, 100, { lineBreak: false });
        doc.text('By June the student will read', 50, 100 + size * 1.3, { lineBreak: false });
      });
      const run = rows.flatMap((l) => l.words);
      expect(firstLineWords(run).map((w) => w.text).join(' ')).toBe('Goal 1: Area of Need: Reading');
      expect(firstLineWords(rows[1].words)).toEqual(rows[1].words);
      expect(firstLineWords([])).toEqual([]);
    });
  }

  it('keeps a goal reprinted at the same place on two pages and drops the running header and footer', async () => {
    const pages = await pagesOf((doc) => {
      doc.font('Helvetica').fontSize(10);
      for (let p = 1; p <= 2; p++) {
        if (p > 1) doc.addPage();
        doc.text('Student: Avery Stone   Annual IEP', 50, 30, { lineBreak: false });
        doc.text(p === 1 ? 'Goals' : 'Goals continued', 50, 70, { lineBreak: false });
        // Inside the top margin where running headers stand, printed the same on both pages.
        doc.text('Goal 1: Reading', 50, 92, { lineBreak: false });
        doc.text('The student will read 90 words a minute.', 50, 106, { lineBreak: false });
        doc.text('Form 7B confidential', 50, 740, { lineBreak: false });
      }
    });
    const rows = rowLines(pages);
    expect(rows.filter((l) => l.repeated).map((l) => l.text)).toHaveLength(8);
    const kept = bodyKeepingReprints(rows, pages, (l) => /^Goal \d/.test(l.text));
    expect(kept.map((l) => `${l.page} ${l.text}`)).toEqual([
      '1 Goals', '1 Goal 1: Reading', '1 The student will read 90 words a minute.',
      '2 Goals continued', '2 Goal 1: Reading', '2 The student will read 90 words a minute.',
    ]);
    expect(bodyKeepingReprints(rows, pages, () => false).map((l) => l.text)).toEqual(['Goals', 'Goals continued']);
    expect(bodyKeepingReprints(rows, pages, (l) => /^Goals/.test(l.text))).toHaveLength(6);
  });
});

describe('lines under a table', () => {
  it('tells a wide note from a wrapped cell and finds the runs starting in the date column', async () => {
    const rows = await rowsOf((doc) => {
      doc.font('Helvetica').fontSize(9);
      doc.text('Sessions are logged by the provider on the day they happen and checked each month by the case manager.', 50, 50, { lineBreak: false });
      [['Date', 50], ['Minutes', 160], ['Status', 260], ['Notes', 360]].forEach(([t, x]) => doc.text(String(t), Number(x), 100, { lineBreak: false }));
      [['09/04/2024', 50], ['30', 160], ['Delivered', 260], ['Worked on', 360]].forEach(([t, x]) => doc.text(String(t), Number(x), 114, { lineBreak: false }));
      doc.text('articulation', 360, 125, { lineBreak: false });
      doc.text('Total minutes delivered this month across all sessions', 50, 150, { lineBreak: false });
      doc.text('Provider', 48, 170, { lineBreak: false });
      doc.text('09/11/2024', 90, 170, { lineBreak: false });
    });
    const [, header, row, wrap, total, signed] = rows;
    const columns = header.cells.map((c, i) => ({ x0: c.x0, x1: header.cells[i + 1]?.x0 ?? 460 }));
    const width = columnsWidth(columns);
    expect(width).toBeCloseTo(460 - header.cells[0].x0, 5);
    expect(isWidePhrase(wrap, width)).toBe(false);
    expect(isWidePhrase(total, width)).toBe(true);
    expect(isWidePhrase(row, width)).toBe(false);
    const dateX = header.cells[0].x0;
    expect(runsFromColumn(row.words, dateX).map((r) => words({ words: r }))).toEqual(['09/04/2024 30 Delivered Worked on']);
    expect(runsFromColumn(total.words, dateX).map((r) => r[0].text)).toEqual(['Total']);
    expect(runsFromColumn(wrap.words, dateX)).toEqual([]);
    expect(runsFromColumn(signed.words, dateX).map((r) => words({ words: r }))).toEqual(['Provider 09/11/2024']);
  });
});

describe('lines set tight under another', () => {
  it('tells a wrapped value from the next paragraph and from a line on the next page', async () => {
    const pages = await pagesOf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('Frequency: 2 times weekly in the speech room with', 50, 100, { lineBreak: false });
      doc.text('a small group of peers.', 50, 112, { lineBreak: false });
      doc.text('Location: Speech room', 50, 140, { lineBreak: false });
      doc.addPage();
      doc.font('Helvetica').fontSize(10).text('Provider: Speech-language pathologist', 50, 40, { lineBreak: false });
    });
    const [value, wrapped, next, over] = rowLines(pages);
    expect(setTightUnder(wrapped, value, 0.6)).toBe(true);
    expect(setTightUnder(next, wrapped, 0.6)).toBe(false);
    expect(setTightUnder(next, wrapped, 0.6, 20)).toBe(true);
    expect(setTightUnder(over, next, 10)).toBe(false);
  });
});

/** Keeps the row type in use for readers of this file. */
export type { RowLine };
