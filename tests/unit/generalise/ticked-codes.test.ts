// A progress code printed as a row or a column of boxes, one per code, the ticked one the answer:
// drawn squares with an X of two strokes, or ☒/☐ glyphs. Reports written here (PDFs through the
// style writer), decoded as the pipeline does and read by the progress reader.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../main/core/documents/parse/formats';
import { extractProgressReport } from '../../../main/core/extract/progress';
import { StyleWriter } from '../../fixtures/styles/writer';
import { tempDir } from '../../support/core';

const CODES = ['GM', 'AP', 'LP', 'NP', 'NA'];
const LEGEND = 'GM \u2013 Goal met     AP \u2013 Adequate progress     LP \u2013 Limited progress     NP \u2013 No progress     NA \u2013 Not addressed';

type Marks = 'drawn row' | 'glyph row' | 'drawn column';

/** A column of options under the label, each a drawn box (an X in the ticked one) and its code. */
function drawnColumn(w: StyleWriter, label: string, ticked: string | null): void {
  const doc = w.doc;
  doc.font('Helvetica-Bold').fontSize(10).text(label, 54, w.y, { lineBreak: false });
  w.y += 14;
  for (const o of CODES) {
    doc.rect(70, w.y, 8, 8).lineWidth(0.8).stroke('black');
    if (o === ticked) doc.moveTo(71, w.y + 1).lineTo(77, w.y + 7).moveTo(77, w.y + 1).lineTo(71, w.y + 7).lineWidth(1).stroke('black');
    doc.font('Helvetica').fontSize(10).text(o, 84, w.y, { lineBreak: false });
    w.y += 14;
  }
  w.y += 4;
}

async function report(marks: Marks, ticks: Array<string | null>): Promise<ReturnType<typeof extractProgressReport>> {
  const w = new StyleWriter('Helvetica', 'report');
  w.heading('GOAL PROGRESS SUMMARY', 13, 'center');
  w.field('Student:', 'Wren Talbot', 90);
  w.field('Report Date:', '03/14/2024', 90);
  ticks.forEach((ticked, i) => {
    w.paragraph(`Goal ${i + 1}: Reading`, { bold: true });
    w.paragraph('By 02/28/2025, Wren will read a grade-level passage aloud at 90 words correct per minute.', { size: 9 });
    if (marks === 'drawn column') drawnColumn(w, 'Progress Code:', ticked);
    else if (marks === 'glyph row') w.glyphBoxes('Progress Code:', CODES, ticked ?? '');
    else w.drawnBoxes('Progress Code:', CODES, ticked ?? '');
    w.field('Comments:', `Wren read ${70 + i} wcpm on 03/01/2024.`, 80);
  });
  w.paragraph(LEGEND, { size: 8 });
  const file = path.join(tempDir('ticked-codes-'), 'report.pdf');
  await w.save(file);
  const decoded = await decodeFile(new Uint8Array(readFileSync(file)), 'report.pdf');
  if (decoded.kind !== 'pdf') throw new Error('not a PDF');
  return extractProgressReport(decoded.pdf.pages, 'doc');
}

describe('progress codes as ticked boxes', () => {
  for (const marks of ['drawn row', 'glyph row', 'drawn column'] as const) {
    it(`${marks}: each goal's code is its ticked box, none ticked gives none`, async () => {
      const r = await report(marks, ['AP', 'NP', null, 'GM']);
      expect(r.legend).toMatchObject({ GM: 'Goal met', AP: 'Adequate progress', NA: 'Not addressed' });
      expect(r.entries.map((e) => [e.goalNumber, e.code, e.codeText])).toEqual([
        [1, 'AP', 'Adequate progress'],
        [2, 'NP', 'No progress'],
        [3, null, null],
        [4, 'GM', 'Goal met'],
      ]);
      // The comment and its data stay the goal's own.
      expect(r.entries.map((e) => e.dataPoints.map((p) => p.value))).toEqual([[70], [71], [72], [73]]);
    });
  }
});

const RATINGS = ['Goal met', 'Adequate progress', 'Limited progress', 'No progress'];

/** A report whose goals tick their rating in a rating x period grid, periods 1 and 2 filled. */
async function gridReport(marks: 'drawn boxes' | 'typed X', ticks: Array<[string, string]>): Promise<ReturnType<typeof extractProgressReport>> {
  const w = new StyleWriter('Helvetica', 'grid report');
  w.heading('GOAL PROGRESS SUMMARY', 13, 'center');
  w.field('Student:', 'Wren Talbot', 90);
  w.field('Report Date:', '03/14/2024', 90);
  const periods = ['Period 1', 'Period 2', 'Period 3'];
  ticks.forEach(([first, second], i) => {
    w.paragraph(`Goal ${i + 1}: Reading`, { bold: true });
    w.paragraph('By 02/28/2025, Wren will read a grade-level passage aloud at 90 words correct per minute.', { size: 9 });
    const ticked = (row: string, col: number) => (col === 0 && row === first) || (col === 1 && row === second);
    if (marks === 'drawn boxes') w.tickGrid('Rating', periods, RATINGS, ticked);
    else w.table([{ label: 'Rating', width: 204 }, ...periods.map((p) => ({ label: p, width: 100 }))], RATINGS.map((r) => [r, ...periods.map((_, c) => (ticked(r, c) ? 'X' : ''))]), { size: 8 });
    w.field('Evidence:', `Wren read ${70 + i} wcpm on 03/01/2024.`, 80);
  });
  const file = path.join(tempDir('ticked-grid-'), 'report.pdf');
  await w.save(file);
  const decoded = await decodeFile(new Uint8Array(readFileSync(file)), 'report.pdf');
  if (decoded.kind !== 'pdf') throw new Error('not a PDF');
  return extractProgressReport(decoded.pdf.pages, 'doc');
}

describe('ratings ticked in a rating x period grid', () => {
  for (const marks of ['drawn boxes', 'typed X'] as const) {
    it(`${marks}: the latest period ticked gives each goal's code`, async () => {
      const r = await gridReport(marks, [['Limited progress', 'Adequate progress'], ['No progress', 'No progress'], ['Adequate progress', 'Goal met']]);
      expect(r.entries.map((e) => [e.goalNumber, e.code])).toEqual([[1, 'Adequate progress'], [2, 'No progress'], [3, 'Goal met']]);
      expect(r.entries.map((e) => e.dataPoints.map((p) => p.value))).toEqual([[70], [71], [72]]);
    });
  }
});

describe('a goal\'s code grid under period headings wrapped over two lines', () => {
  it('"Qtr" over "1": the latest quarter coded is the report\'s', async () => {
    const w = new StyleWriter('Helvetica', 'quarters');
    w.heading('QUARTERLY GOAL PROGRESS', 13, 'center');
    w.field('Student:', 'Wren Talbot', 90);
    w.field('Report Date:', '03/14/2024', 90);
    w.paragraph('Codes: 4 = Goal met; 3 = Adequate progress; 2 = Limited progress; 1 = No progress', { size: 8 });
    const codes = [['2', '3'], ['1', '1']];
    codes.forEach((coded, i) => {
      w.paragraph(`Goal ${i + 1}: Reading`, { bold: true });
      w.paragraph('By 02/28/2025, Wren will read a grade-level passage aloud at 90 words correct per minute.', { size: 9 });
      w.table([{ label: '', width: 144 }, ...[1, 2, 3, 4].map((q) => ({ label: `Qtr\n${q}`, width: 90 }))], [['Progress Code', ...[0, 1, 2, 3].map((q) => coded[q] ?? '')]], { size: 8 });
      w.field('Comments:', `Wren read ${70 + i} wcpm on 03/01/2024.`, 80);
    });
    const file = path.join(tempDir('wrapped-quarters-'), 'report.pdf');
    await w.save(file);
    const decoded = await decodeFile(new Uint8Array(readFileSync(file)), 'report.pdf');
    if (decoded.kind !== 'pdf') throw new Error('not a PDF');
    const r = extractProgressReport(decoded.pdf.pages, 'doc');
    expect(r.entries.map((e) => [e.goalNumber, e.code, e.codeText])).toEqual([[1, '3', 'Adequate progress'], [2, '1', 'No progress']]);
  });
});
