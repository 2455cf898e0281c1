// A schedule of services as some states' ARD/IEP systems print it: columns naming when a course runs
// before the course ("Term | Year | Course"), the general- and special-education minutes named over
// three header lines whose words are centred (so a wrapped word starts left of its column), the
// course's setting printed under its name, and courses with no special-education time (no service).
// Composed here in wordings of our own, read through the text layer as an import reads it.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { extractDocument } from '../../../main/core/extract';
import { StyleWriter } from '../../fixtures/styles/writer';
import { tempDir } from '../../support/core';

function line(w: StyleWriter, parts: Array<[number, string]>, size = 8): void {
  for (const [x, text] of parts) w.doc.font('Helvetica').fontSize(size).text(text, x, w.y, { lineBreak: false });
  w.y += size + 3;
}

describe('a schedule of services with leading term columns and a three-line header', () => {
  it('reads one service per course with special-education minutes, its setting from under its name', async () => {
    const w = new StyleWriter('Helvetica', 'test');
    w.heading('ADMISSION, REVIEW AND DISMISSAL COMMITTEE REPORT', 12);
    w.paragraph('ARD Meeting Date: 1/6/2025', { size: 10 });
    w.paragraph('Annual Goal 1: By 1/5/2026, Tomas will write a five-sentence paragraph with a topic sentence in 4 of 5 samples.', { size: 10 });
    w.heading('SCHEDULE OF SERVICES', 11);
    line(w, [[54, 'Term'], [100, 'Year'], [150, 'Course'], [280, 'Regular'], [352, 'Special'], [430, 'Start Date'], [500, 'End Date']]);
    line(w, [[160, 'Setting'], [284, 'ed.'], [356, 'ed.']]);
    line(w, [[278, 'Minutes'], [344, 'Minutes']]);
    const rows: Array<[string, string, string, string]> = [
      ['Reading Lab', 'Resource Room', '250 min/wk', '90 min/wk'],
      ['Physical Education', 'Gym', '250 min/wk', ''],
      ['Math', 'Regular Classroom', '250 min/wk', '45 min/wk'],
    ];
    for (const [course, setting, regular, special] of rows) {
      w.y += 4;
      line(w, [[100, '2025-26'], [160, course], [280, regular], ...(special ? [[352, special] as [number, string]] : []), [430, '1/6/2025'], [500, '1/5/2026']]);
      line(w, [[160, setting]]);
    }
    w.paragraph('The committee reviewed the least restrictive environment for each course listed above.', { size: 9 });
    const file = path.join(tempDir('service-schedule-'), 'ard.pdf');
    await w.save(file);
    const pages = (await readPdfText(readFileSync(file), undefined, false, { readingOrder: true })).pages;
    const services = extractDocument({ documentId: 'd', type: 'iep', pages }).iep!.services;
    expect(services.map((s) => [s.service, s.minutesPerWeek, s.period, s.location, s.startDate, s.endDate])).toEqual([
      ['Reading Lab', 90, 'week', 'Resource Room', '2025-01-06', '2026-01-05'],
      ['Math', 45, 'week', 'Regular Classroom', '2025-01-06', '2026-01-05'],
    ]);
  });
});
