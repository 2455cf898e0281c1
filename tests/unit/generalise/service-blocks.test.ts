// Services printed as blocks of "Label: value" lines, several fields to a line (the way some IEP
// systems print each service): the dose under a label naming it both ways round ("Time & Frequency",
// "Frequency/Duration"), a total "provided Weekly" after the session count, the provider's line
// carrying the labels of boxes in columns of their own, and a "Notes:" line set tight under the
// location. Composed here in wordings of our own, read through the text layer as an import reads it.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { classify } from '../../../main/core/documents/parse/classify';
import { extractDocument } from '../../../main/core/extract';
import { parseServiceDose } from '../../../main/core/extract/iep-dose';
import { StyleWriter } from '../../fixtures/styles/writer';
import { tempDir } from '../../support/core';

/** One printed line: each part at its own x, in one font size. */
function line(w: StyleWriter, parts: Array<[number, string]>, size = 9): void {
  for (const [x, text] of parts) w.doc.font('Helvetica').fontSize(size).text(text, x, w.y, { lineBreak: false });
  w.y += size + 3;
}

async function servicePage(): Promise<ReturnType<typeof extractDocument>> {
  const w = new StyleWriter('Helvetica', 'test');
  w.heading('INDIVIDUALIZED EDUCATION PROGRAM', 13);
  w.paragraph('Meeting Date: 9/3/2024', { size: 10 });
  w.paragraph('Goal 1: By 6/13/2025, Mira will climb a flight of 12 stairs alternating feet in 4 of 5 trials.', { size: 10 });
  w.heading('RELATED SERVICES', 11);
  const blocks = [
    ['Physical therapy', 'Contract agency', 'Frequency/Duration: 25 min x 2 Totaling: 50 min provided Weekly', 'Therapy room'],
    ['Counseling', 'District staff', 'Time & Frequency: 120 min delivered Monthly', 'Counseling office'],
  ];
  for (const [name, provider, dose, place] of blocks) {
    line(w, [[54, `Service: ${name}`], [330, 'Start Date: 9/3/2024'], [450, 'End Date: 6/13/2025']]);
    line(w, [[54, `Provider: ${provider}`], [330, 'Solo'], [370, 'Pair'], [410, 'Class']]);
    line(w, [[54, dose], [330, `Location: ${place}`]]);
    line(w, [[54, 'Notes: Sessions may be held in the classroom when the schedule allows.']]);
  }
  const file = path.join(tempDir('service-blocks-'), 'iep.pdf');
  await w.save(file);
  const pages = (await readPdfText(readFileSync(file), undefined, false, { readingOrder: true })).pages;
  const type = classify(pages, { fileName: 'iep.pdf' }).type.value;
  return extractDocument({ documentId: 'd', type, pages });
}

describe('services printed as blocks of labelled fields', () => {
  it('reads each block: name, dose, total, place, provider without the box labels beside it, dates', async () => {
    const iep = (await servicePage()).iep!;
    expect(iep.services.map((s) => [s.service, s.minutesPerSession, s.sessionsPerPeriod, s.period, s.minutesPerWeek, s.minutesPerMonth, s.location, s.provider, s.startDate, s.endDate])).toEqual([
      ['Physical therapy', 25, 2, 'week', 50, null, 'Therapy room', 'Contract agency', '2024-09-03', '2025-06-13'],
      ['Counseling', null, null, 'month', null, 120, 'Counseling office', 'District staff', '2024-09-03', '2025-06-13'],
    ]);
  });

  it('reads a total with a verb between the minutes and the period as a total', () => {
    expect(parseServiceDose('40 min x 3 Total: 120 min served weekly')).toMatchObject({ minutesPerSession: 40, sessionsPerPeriod: 3, period: 'week', minutesPerWeek: 120 });
    expect(parseServiceDose('200 minutes provided weekly')).toMatchObject({ minutesPerSession: null, period: 'week', minutesPerWeek: 200 });
    expect(parseServiceDose('45 min received monthly')).toMatchObject({ period: 'month', minutesPerMonth: 45 });
  });
});
