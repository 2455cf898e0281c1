// Form patterns met on no fixture, each on a page composed here in wordings of our own and read
// through the text layer, classified and extracted as an import does: a header strip of label cells
// over a row of dates, a goal page that names the area before the number, a Minutes | Times | Per
// services grid (also alone at the top of a page in Courier), services in sentences, scores written
// "(SS = 83, PR = 13)", a progress update sent as an e-mail, a progress paragraph that opens on its
// goal's heading line, progress codes that state their doubt, a progress report written as a letter.
import { describe, expect, it } from 'vitest';
import type { PageContent } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { classify } from '../../../main/core/documents/parse/classify';
import { extractDocument } from '../../../main/core/extract';
import { StyleWriter, type Face } from '../../fixtures/styles/writer';
import { tempDir } from '../../support/core';
import path from 'node:path';
import { readFileSync } from 'node:fs';

async function pagesOf(face: Face, draw: (w: StyleWriter) => void): Promise<PageContent[]> {
  const w = new StyleWriter(face, 'test');
  draw(w);
  const file = path.join(tempDir('unseen-'), 'form.pdf');
  await w.save(file);
  return (await readPdfText(readFileSync(file), undefined, false, { readingOrder: true })).pages;
}

const read = (pages: PageContent[]) => {
  const type = classify(pages, { fileName: 'form.pdf' }).type.value;
  return { type, result: extractDocument({ documentId: 'd', type, pages }) };
};

describe('forms never seen', () => {
  it('reads IEP dates from a strip of label cells over a row of values, the meeting reason typed as [X] marks', async () => {
    const pages = await pagesOf('Courier', (w) => {
      w.heading('INDIVIDUALIZED EDUCATION PROGRAM', 12);
      w.table([{ label: 'Pupil', width: 200 }, { label: 'Birth Date', width: 150 }, { label: 'Grade', width: 154 }], [['Rowan Tate', '3/2/15', '4']]);
      w.table(
        [{ label: 'Conference Date', width: 126 }, { label: 'Initiation Date', width: 126 }, { label: 'Annual Review Date', width: 126 }, { label: 'Triennial Due', width: 126 }],
        [['2/6/24', '2/8/24', '2/5/25', '2/6/27']],
      );
      w.paragraph('Reason for Meeting:  [ ] Initial  [X] Annual Review  [ ] Amendment', { size: 9 });
      w.paragraph('MEASURABLE ANNUAL GOALS', { bold: true });
      w.paragraph('Goal 1: By 2/5/25, Rowan will read 90 words correct per minute on grade-level probes.', { size: 9 });
    });
    const { type, result } = read(pages);
    expect(type).toBe('iep');
    expect(result.iep).toMatchObject({ meetingDate: '2024-02-06', startDate: '2024-02-08', endDate: '2025-02-05', nextReevaluation: '2027-02-06', type: 'annual' });
  });

  it('reads a goal page naming the area before the number, its baseline as "Current Performance Level" and its date as "Anticipated Completion Date"', async () => {
    const pages = await pagesOf('DejaVuSerif', (w) => {
      w.heading('Individualized Education Program', 14);
      w.paragraph('Meeting Date: March 4, 2024', { size: 10 });
      w.paragraph('Measurable Annual Goals', { bold: true, size: 12 });
      for (const [n, area, base, goal, due] of [
        [1, 'Math Problem Solving', 'Eli solves two-step word problems with 35% accuracy.', 'Given five two-step word problems, Eli will solve them with 70% accuracy on 3 of 4 weekly probes.', 'February 28, 2025'],
        [2, 'Self-Regulation', 'Eli leaves his seat without permission 9 times a day.', 'During whole-class lessons, Eli will leave his seat without permission no more than 2 times a day.', 'January 2025'],
      ] as const) {
        w.paragraph(`${area} (Goal ${n} of 2)`, { bold: true, size: 11 });
        for (const [label, value] of [['Current Performance Level', base], ['Annual Goal', goal], ['How Progress Will Be Measured', 'Weekly probes'], ['Anticipated Completion Date', due]]) {
          w.paragraph(`${label}:`, { bold: true, size: 10 });
          w.paragraph(value, { size: 10 });
        }
      }
    });
    const goals = read(pages).result.iep!.goals;
    expect(goals.map((g) => [g.number, g.area, g.baselineValue, g.targetValue, g.targetDate])).toEqual([
      [1, 'Math Problem Solving', 35, 70, '2025-02-28'],
      [2, 'Self-Regulation', 9, 2, '2025-01-31'],
    ]);
  });

  it('reads a Minutes | Times | Per | Total Minutes grid, also when it stands alone at the top of a page in Courier', async () => {
    const pages = await pagesOf('Courier', (w) => {
      w.heading('INDIVIDUALIZED EDUCATION PROGRAM', 12);
      w.paragraph('Meeting Date: 10/01/2024', { size: 9 });
      w.paragraph('Goal 1: By 09/30/2025, Ada will write 4 complete sentences on 4 of 5 samples.', { size: 9 });
      w.newPage();
      w.paragraph('SPECIAL EDUCATION AND RELATED SERVICES', { bold: true, size: 11 });
      w.table(
        [{ label: 'Service', width: 130 }, { label: 'Setting', width: 84 }, { label: 'Minutes', width: 50 }, { label: 'Times', width: 40 }, { label: 'Per', width: 50 }, { label: 'Total Minutes', width: 50 }, { label: 'Begin', width: 50 }, { label: 'End', width: 50 }],
        [
          ['Reading Intervention', 'Small group', '40', '3', 'Week', '120', '10/2/24', '9/30/25'],
          ['Physical Therapy', 'Gym', '30', '6', '6 Weeks', '180', '10/2/24', '9/30/25'],
          ['Social Work', 'Office', '20', '2', 'Month', '40', '10/2/24', '9/30/25'],
        ],
        { size: 8 },
      );
    });
    const services = read(pages).result.iep!.services;
    expect(services.map((s) => [s.service, s.minutesPerSession, s.minutesPerWeek, s.minutesPerMonth])).toEqual([
      ['Reading Intervention', 40, 120, null],
      ['Physical Therapy', 30, 30, null],
      ['Social Work', 20, null, 40],
    ]);
  });

  it('ends a services table at the title of the next one ("Related Services" over its own header row)', async () => {
    const pages = await pagesOf('Helvetica', (w) => {
      w.heading('Individualized Education Program', 14);
      w.paragraph('Meeting Date: 10/01/2024', { size: 9 });
      w.paragraph('Goal 1: By 09/30/2025, Ada will write 4 complete sentences on 4 of 5 samples.', { size: 9 });
      w.heading('Special Education Services', 11);
      w.table([{ label: 'Service', width: 150 }, { label: 'Frequency', width: 70 }, { label: 'Duration', width: 70 }, { label: 'Per', width: 60 }, { label: 'Location', width: 154 }],
        [['Speech Therapy', '2x', '30 min', 'week', 'Speech room'], ['Counseling', '1x', '45 min', 'month', 'Office']]);
      w.heading('Related Services', 11);
      w.table([{ label: 'Service', width: 150 }, { label: 'Minutes', width: 70 }, { label: 'Per', width: 70 }, { label: 'Setting', width: 214 }],
        [['Occupational Therapy', '60', 'Week', 'Therapy room']]);
    });
    const services = read(pages).result.iep!.services;
    expect(services.map((s) => [s.service, s.minutesPerWeek, s.minutesPerMonth])).toEqual([['Speech Therapy', 60, null], ['Counseling', null, 45], ['Occupational Therapy', 60, null]]);
  });

  it('reads a progress report written as a letter: its date, the period in a sentence, codes labelled inside the paragraphs or written alone', async () => {
    const pages = await pagesOf('Times', (w) => {
      w.paragraph('January 19, 2024', { size: 11 });
      w.paragraph('Dear Ms. Lopez,', { size: 11 });
      w.paragraph("This letter reports Maya's progress on her IEP goals for the second quarter of the year, that is from November 6, 2023 to January 12, 2024.", { size: 11 });
      w.paragraph('Goal 1 (Math Calculation): Maya solved 14/20 problems correctly on 12/8/2023 and 16/20 on 1/10/2024. Progress: Making progress, may not meet goal.', { size: 11 });
      w.paragraph('Goal 2 (Reading Fluency): As of 1/11/2024, Maya read 62 words correct per minute on second-grade probes (median of 3). Progress: Making adequate progress.', { size: 11 });
      w.paragraph('Goal 3 (Writing): Not yet introduced this quarter.', { size: 11 });
      w.paragraph('Sincerely,\nJ. Park, Case Manager', { size: 11 });
    });
    const { type, result } = read(pages);
    expect(type).toBe('progress_report');
    const report = result.progressReport!;
    expect([report.reportDate, report.periodStart, report.periodEnd]).toEqual(['2024-01-19', '2023-11-06', '2024-01-12']);
    expect(report.entries.map((e) => [e.goalNumber, e.codeText, e.dataPoints.map((p) => [p.date, p.value])])).toEqual([
      [1, 'Minimal progress; may not meet goal', [['2023-12-08', 70], ['2024-01-10', 80]]],
      [2, 'Sufficient progress; on track to meet goal', [['2024-01-11', 62]]],
      [3, 'Not introduced', []],
    ]);
  });

  it('reads services written in sentences, the name ending before "will be provided", and "Services Begin:" as the start', async () => {
    const pages = await pagesOf('Times', (w) => {
      w.heading('Individualized Education Program', 14);
      w.paragraph('Meeting Date: April 2, 2024        Services Begin: April 9, 2024', { size: 11 });
      w.paragraph('Annual Goal 1: By April 1, 2025, Noor will answer 8 of 10 inferential questions correctly.', { size: 11 });
      w.heading('Special Education and Related Services', 12);
      w.paragraph('Occupational therapy will be provided 3 times weekly for 25 minutes in the therapy room.', { size: 11 });
    });
    const iep = read(pages).result.iep!;
    expect(iep.startDate).toBe('2024-04-09');
    expect(iep.services.map((s) => [s.service, s.minutesPerSession, s.minutesPerWeek])).toEqual([['Occupational therapy', 25, 75]]);
  });

  it('classifies a titled evaluation with a subtitle and reads scores written "(SS = 83, PR = 13)", dated by "was given ... on"', async () => {
    const pages = await pagesOf('DejaVuSerif', (w) => {
      w.heading('Psychological Evaluation: Reading and Writing', 13);
      w.paragraph('Student: Mira Osei', { size: 10 });
      w.paragraph('Mira was given the Wechsler Individual Achievement Test, Fourth Edition (WIAT-4) on January 9, 2024. Standard scores have a mean of 100.', { size: 10 });
      w.paragraph('Word Reading (SS = 78, PR = 7): her reading of single words falls in the low range.', { size: 10 });
      w.paragraph('Spelling (SS = 86, PR = 18): this is in the low average range.', { size: 10 });
    });
    const { type, result } = read(pages);
    expect(type).toBe('evaluation');
    expect(result.testScores.map((s) => [s.subtest, s.score, s.percentile, s.date])).toEqual([
      ['Word Reading', 78, 7, '2024-01-09'],
      ['Spelling', 86, 18, '2024-01-09'],
    ]);
  });

  it('classifies a progress update sent as an e-mail as a progress report and reads its goals', async () => {
    const pages = await pagesOf('Courier', (w) => {
      for (const line of ['From: Resource Teacher', 'Sent: Friday, March 15, 2024 2:40 PM', 'To: Parent/Guardian', 'Subject: Quarterly IEP Progress Report for Sam Reyes']) w.paragraph(line, { size: 9 });
      w.gap();
      w.paragraph('Good afternoon, here is how Sam did on his IEP goals from 1/8/24 to 3/8/24.', { size: 9 });
      w.paragraph('Progress key: M = Mastered; P = Progressing; L = Limited progress; N = Not yet addressed', { size: 9 });
      w.paragraph('Goal 1 - Reading Comprehension', { size: 9, bold: true });
      w.paragraph('Status: P', { size: 9 });
      w.paragraph('Data: 2/2/24 = 60% accuracy; 3/1/24 = 70% accuracy', { size: 9 });
      w.paragraph('Goal 2 - Written Expression', { size: 9, bold: true });
      w.paragraph('Status: N', { size: 9 });
      w.paragraph('Data: none this quarter', { size: 9 });
    });
    const { type, result } = read(pages);
    expect(type).toBe('progress_report');
    expect(result.progressReport!.entries.map((e) => [e.goalNumber, e.code, e.dataPoints.map((p) => [p.date, p.value])])).toEqual([
      [1, 'P', [['2024-02-02', 60], ['2024-03-01', 70]]],
      [2, 'N', []],
    ]);
  });

  it('reads a progress paragraph that opens on its goal heading line and runs on to its code, and a code stating its doubt', async () => {
    const pages = await pagesOf('DejaVuSerif', (w) => {
      w.heading('Report of Progress on Annual Goals', 14);
      w.paragraph('Reporting period 2: January 8, 2024 through March 22, 2024.', { size: 10.5 });
      w.paragraph('Goal 1 (Math Calculation): On February 2, 2024, Lena solved the problems with 55% accuracy. On March 8, 2024, Lena solved the problems with 61% accuracy. She is using a number line.', { size: 10.5 });
      w.paragraph('Progress: Progressing, may not meet goal.', { size: 10.5, bold: true });
      w.paragraph('Goal 2 (Fluency): On February 9, 2024, Lena read 71 words correct per minute. On March 15, 2024, Lena read 78 words correct per minute. She rereads passages at home.', { size: 10.5 });
      w.paragraph('Progress: Not progressing.', { size: 10.5, bold: true });
      w.paragraph('Progress ratings: Goal achieved; Satisfactory progress; Progressing, may not meet goal; Not progressing.', { size: 9 });
    });
    const { type, result } = read(pages);
    expect(type).toBe('progress_report');
    expect(result.progressReport!.entries.map((e) => [e.goalNumber, e.codeText, e.dataPoints.map((p) => [p.date, p.value])])).toEqual([
      [1, 'Minimal progress; may not meet goal', [['2024-02-02', 55], ['2024-03-08', 61]]],
      [2, 'No progress', [['2024-02-09', 71], ['2024-03-15', 78]]],
    ]);
  });
});
