// The document's own date on documents composed in several styles: printed, generated, exported and
// run dates wherever they are on the page; the latest report of a goal sheet carrying several; the
// dates over a grid of reporting periods when the report date is missing; never a date of birth,
// even one printed on the line under its label.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { classify } from '../../../main/core/documents/parse/classify';
import { makePdf, textLines, type PdfLine } from './make-files';

const STYLES: Array<{ name: string; lines: PdfLine[]; type: string; date: string }> = [
  {
    name: 'a score report exported from a vendor site, the export date in the footer',
    lines: [
      ...textLines(`STAR Reading - Diagnostic Report
Student: Lena Park     Grade: 3     Date of Birth: 06/11/2015
Test Date     Scaled Score     Percentile Rank     Benchmark Category
01/14/2025    412              23                  On Watch
09/10/2024    377              19                  Intervention`),
      [72, 740, 'Exported 03/02/2025 by the district data office - Page 1 of 1', 8],
    ],
    type: 'score_report',
    date: '2025-03-02',
  },
  {
    name: 'a service log dated by its run date, in ISO form',
    lines: textLines(`Occupational Therapy Service Log
Student: Omar Haddad     Log period: 01/08/2024 - 03/29/2024     Report run 2024-04-02
Date         Scheduled Min    Minutes Provided    Attendance
01/09/2024   30               30                  Attended
01/16/2024   30               0                   Student absent
01/23/2024   30               30                  Attended`),
    type: 'service_log',
    date: '2024-04-02',
  },
  {
    name: 'a score report generated on a date written out in words',
    lines: textLines(`i-Ready Diagnostic Results
Generated on March 3, 2025 for Maria Lopez (born 04/09/2016)
Domain                 Scale Score     Percentile     Placement
Phonics                412             12             Grade 1
Vocabulary             455             30             Grade 2`),
    type: 'score_report',
    date: '2025-03-03',
  },
  {
    name: 'a goal sheet carrying three progress reports: the latest report date',
    lines: textLines(`Progress Report on Annual Goals
Student: Ben Ortiz     DOB: 02/02/2015     IEP Date: 09/20/2023
Goal 1: Reading fluency - 90 words correct per minute
Progress Report 1     Report date: 11/15/2023     Progress code: SP     Data: 52 wcpm
Progress Report 2     Report date: 02/09/2024     Progress code: SP     Data: 61 wcpm
Progress Report 3     Report date: 04/26/2024     Progress code: IP     Data: 63 wcpm
Goal 2: Written expression - 4 sentence paragraph
Progress code: SP     Comments: writes 3 sentences with a model`),
    type: 'progress_report',
    date: '2024-04-26',
  },
  {
    name: 'a progress report with no report date: the latest date over its period grid, not the birth date under its label',
    lines: [
      [72, 60, 'REPORT OF PROGRESS TOWARD ANNUAL GOALS', 12],
      [72, 90, 'Student: Ava Green'], [330, 90, 'Date of Birth:'],
      [330, 104, '04/02/2015'],
      [72, 120, 'Progress codes: 1 = Goal met; 2 = Adequate progress; 3 = Inadequate progress'],
      [72, 150, 'Annual Goal #1 - Mathematics'],
      [72, 164, 'Given two-digit addition problems, Ava will solve them with 80% accuracy.'],
      [72, 184, 'Marking Period'], [200, 184, 'Q1'], [300, 184, 'Q2'], [400, 184, 'Q3'], [500, 184, 'Q4'],
      [200, 198, '11/03/2023'], [300, 198, '01/26/2024'], [400, 198, '04/12/2024'],
      [72, 212, 'Progress Code'], [200, 212, '2'], [300, 212, '2'], [400, 212, '3'],
      [72, 226, 'Comments'], [200, 226, 'Q3: 60% accuracy on unit probes.'],
    ],
    type: 'progress_report',
    date: '2024-04-12',
  },
];

describe.each(STYLES)('document date: $name', ({ lines, type, date }) => {
  it('is found', async () => {
    const { pages } = await readPdfText(await makePdf([lines]));
    const c = classify(pages, { fileName: 'doc.pdf' });
    expect([c.type.value, c.date.value]).toEqual([type, date]);
  });
});
