// A reporting schedule given as a row of drawn boxes set between the two lines of its wrapped
// question ("Families will hear of" / "[x] Monthly [ ] Quarterly [ ] Semester" / "goal progress:"),
// the box touching the question's first line; and a goal page's dated report headings ("Progress
// Report 2: ...") that say when one report went out, not the schedule. Composed here in wordings of
// our own, read as an import reads it.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { extractDocument } from '../../../main/core/extract';
import { StyleWriter } from '../../fixtures/styles/writer';
import { tempDir } from '../../support/core';

async function iepOf(ticked: string | null): Promise<ReturnType<typeof extractDocument>['iep']> {
  const w = new StyleWriter('Helvetica', 'test');
  w.heading('INDIVIDUALIZED EDUCATION PROGRAM', 13);
  w.paragraph('Meeting Date: 2/3/2025', { size: 10 });
  w.paragraph('Goal 1: By 2/2/2026, Ada will write a three-paragraph essay scoring 3 of 4 on the district rubric.', { size: 10 });
  w.paragraph('Progress Report 2: 11/8/2024', { size: 10 });
  w.paragraph('Summary: Ada wrote two paragraphs on her own with a graphic organiser.', { size: 10 });
  w.gap(10);
  const doc = w.doc;
  const y = w.y;
  doc.font('Helvetica').fontSize(10).text('Families will hear of', 54, y - 6, { lineBreak: false });
  doc.text('goal progress:', 66, y + 6, { lineBreak: false });
  let x = 170;
  for (const option of ['Monthly', 'Quarterly', 'Semester', 'Other']) {
    doc.rect(x, y, 8, 8).lineWidth(0.8).stroke('black');
    if (option === ticked) doc.moveTo(x + 1, y + 1).lineTo(x + 7, y + 7).moveTo(x + 7, y + 1).lineTo(x + 1, y + 7).lineWidth(1).stroke('black');
    doc.font('Helvetica').fontSize(10).text(option, x + 12, y - 1, { lineBreak: false });
    x += 12 + doc.widthOfString(option) + 16;
  }
  w.y += 30;
  const file = path.join(tempDir('schedule-boxes-'), 'iep.pdf');
  await w.save(file);
  const pages = (await readPdfText(readFileSync(file), undefined, false, { readingOrder: true })).pages;
  return extractDocument({ documentId: 'd', type: 'iep', pages }).iep;
}

describe('a reporting schedule ticked in a row of boxes inside a wrapped question', () => {
  it('is the ticked option, the dated report heading left alone', async () => {
    expect((await iepOf('Monthly'))!.reportingSchedule).toBe('Monthly');
    expect((await iepOf('Semester'))!.reportingSchedule).toBe('Semester');
  });

  it('is unknown when no box is ticked, not the heading of one dated report', async () => {
    expect((await iepOf(null))!.reportingSchedule).toBeNull();
  });
});
