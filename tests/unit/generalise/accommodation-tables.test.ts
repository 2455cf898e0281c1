// Accommodations printed as unruled tables whose header names them with a qualifier ("Classroom
// Accommodations | Start Date | End Date | Location", "Other Supports for Staff | ..."), under a
// section heading wrapped over two lines (so no heading the layout marks names them), each row's
// text wrapped in its column, some wrapped lines opening on a capital, the place column wrapped too,
// a sentence between the tables. Composed here in wordings of our own, read as an import reads it.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { extractDocument } from '../../../main/core/extract';
import { StyleWriter } from '../../fixtures/styles/writer';
import { tempDir } from '../../support/core';

function line(w: StyleWriter, parts: Array<[number, string]>, size = 9): void {
  for (const [x, text] of parts) w.doc.font('Helvetica').fontSize(size).text(text, x, w.y, { lineBreak: false });
  w.y += size + 3;
}

const COLUMNS = [54, 290, 370, 450];

async function accommodationsPage(): Promise<string[]> {
  const w = new StyleWriter('Helvetica', 'test');
  w.heading('INDIVIDUALIZED EDUCATION PROGRAM', 13);
  w.paragraph('Meeting Date: 1/14/2025', { size: 10 });
  line(w, [[80, 'ADAPTATIONS, AIDS AND ASSISTANCE IN THE GENERAL CLASSROOM AND ELSEWHERE THAT THE']], 10);
  line(w, [[220, 'PUPIL NEEDS']], 10);
  w.paragraph('The team considered which classroom accommodations the pupil needs and agreed on the following list.', { size: 9 });
  line(w, COLUMNS.map((x, i) => [x, ['Classroom Accommodations', 'Start Date', 'End Date', 'Location'][i]]));
  const rows: Array<[string[], string[]]> = [
    [['Seating near the board and away from', 'Windows and doors'], ['All Classes']],
    [['Copies of notes before each lesson'], ['General Education', 'Room']],
    [['Oral directions repeated, with a written', 'checklist of steps'], ['All Classes']],
  ];
  for (const [text, place] of rows) {
    line(w, [[54, text[0]], [290, '1/14/2025'], [370, '1/13/2026'], [450, place[0]]]);
    for (let k = 1; k < Math.max(text.length, place.length); k++) line(w, [...(text[k] ? [[54, text[k]] as [number, string]] : []), ...(place[k] ? [[450, place[k]] as [number, string]] : [])]);
  }
  w.paragraph('The team considered supports for school staff and agreed on the following.', { size: 9 });
  line(w, [[54, 'Other Supports for Staff'], [230, 'For'], [290, 'Start Date'], [370, 'End Date'], [450, 'Location']]);
  line(w, [[54, 'and Parents']]);
  line(w, [[54, 'Training in the reading program'], [230, 'Teacher'], [290, '1/14/2025'], [370, '1/13/2026'], [450, 'School']]);
  w.heading('SPECIAL EDUCATION SERVICES', 11);
  w.paragraph('Reading instruction, 30 minutes, 4 times per week, in the resource room.', { size: 9 });
  const file = path.join(tempDir('accommodation-tables-'), 'iep.pdf');
  await w.save(file);
  const pages = (await readPdfText(readFileSync(file), undefined, false, { readingOrder: true })).pages;
  return extractDocument({ documentId: 'd', type: 'iep', pages }).iep!.accommodations;
}

describe('accommodations in unruled tables under a heading the layout does not mark', () => {
  it('reads one item per dated row, wrapped lines joined, the header wrapped and the other columns left out', async () => {
    expect(await accommodationsPage()).toEqual([
      'Seating near the board and away from Windows and doors',
      'Copies of notes before each lesson',
      'Oral directions repeated, with a written checklist of steps',
      'Training in the reading program',
    ]);
  });
});
