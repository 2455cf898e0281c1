import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { extractIep } from '../../../main/core/extract/iep';
import { pagesFromPlainText } from '../../../main/core/extract/layout';

// IEPs in shapes other than the fixture's form, composed for these tests.
const DESE_STYLE = `
                    INDIVIDUALIZED EDUCATION PROGRAM (IEP)
                    Springfield R-XII School District
Student: Jordan Lee          Date of Birth: 5/9/2013          Grade: 6
Type of IEP Meeting: Annual Review
Date of Meeting: September 14, 2024
IEP Initiation/Duration Dates: 09/16/2024 - 09/15/2025
Projected date of annual review: 09/15/2025
Triennial Re-evaluation Due: 11/02/2026
Progress toward goals will be reported quarterly, with report cards.

PRESENT LEVEL OF ACADEMIC ACHIEVEMENT AND FUNCTIONAL PERFORMANCE
Reading: On 6th grade oral reading fluency probes in August 2024 Jordan read 82 words correct per minute.
Math: Jordan solves one-step problems reliably.

MEASURABLE ANNUAL GOALS
Annual Goal 1: By 09/15/2025, given 6th grade passages, Jordan will read 120 words correct per minute
on 3 of 4 probes, as measured by curriculum-based measures.
Benchmarks:
  a. By 01/15/2025, Jordan will read 95 WCPM.
  b. By 05/15/2025, Jordan will read 110 WCPM.
Annual Goal 2: By 09/15/2025, given 5 multi-step word problems, Jordan will solve them with 80%
accuracy in 4 of 5 trials.
Baseline: Jordan currently solves multi-step word problems with 40% accuracy.
Annual Goal 3: During unstructured times, Jordan will reduce elopement to no more than 1 incident
per week by 09/15/2025.
Baseline: 4 incidents per week (August 2024 behavior log).

SPECIAL EDUCATION AND RELATED SERVICES
Specialized instruction in reading, 30 minutes, 5 times per week, in the resource room, by the special education teacher.
Speech-language therapy, 60 minutes per month, in the therapy room.
Counseling: 20 min daily in the counselor's office.

ACCOMMODATIONS
- Extended time on tests
- Use of a calculator for
  multi-step problems
- Preferential seating
`;

const AMENDMENT = `
IEP ADDENDUM
Student Name: Riley Park        School: Lakeview Middle School
Date of Meeting: 02/03/2025
Date of IEP being amended: 10/01/2024
IEP Dates: 02/03/2025 through 09/30/2025

SERVICES
Services remain as written in the IEP dated 10/01/2024: Speech therapy 30 min 2x weekly.
`;

describe('IEPs from other form systems', () => {
  it('reads a DESE-style IEP with inline labels, numbered goals and sentence services', () => {
    const iep = extractIep(pagesFromPlainText(DESE_STYLE), 'doc-mo');
    expect(iep.type).toBe('annual');
    expect(iep.meetingDate).toBe('2024-09-14');
    expect([iep.startDate, iep.endDate]).toEqual(['2024-09-16', '2025-09-15']);
    expect(iep.nextAnnualReview).toBe('2025-09-15');
    expect(iep.nextReevaluation).toBe('2026-11-02');
    expect(iep.reportsPerYear).toBe(4);
    expect(iep.student).toMatchObject({ name: 'Jordan Lee', dob: '2013-05-09', grade: '6' });

    expect(iep.goals.map((g) => g.number)).toEqual([1, 2, 3]);
    const [g1, g2, g3] = iep.goals;
    expect(g1.text).toBe('By 09/15/2025, given 6th grade passages, Jordan will read 120 words correct per minute on 3 of 4 probes, as measured by curriculum-based measures.');
    expect(g1).toMatchObject({ targetValue: 120, unit: 'WCPM', baselineValue: 82, area: 'Reading Fluency', gradeLevel: 6, measurable: true });
    expect(g1.objectives).toEqual(['By 01/15/2025, Jordan will read 95 WCPM.', 'By 05/15/2025, Jordan will read 110 WCPM.']);
    expect(g2).toMatchObject({ targetValue: 80, unit: 'percent accuracy', baselineValue: 40, area: 'Math Problem Solving' });
    expect(g3).toMatchObject({ targetValue: 1, direction: 'decrease', baselineValue: 4, targetDate: '2025-09-15' });
    expect(g3.unit).toMatch(/incident per week/);

    expect(iep.services.map((s) => [s.service, s.minutesPerSession, s.minutesPerWeek, s.minutesPerMonth])).toEqual([
      ['Specialized instruction in reading', 30, 150, null],
      ['Speech-language therapy', null, null, 60],
      ['Counseling', 20, 100, null],
    ]);
    expect(iep.services[0].location).toBe('resource room');
    expect(iep.services[0].provider).toBe('special education teacher');
    expect(iep.accommodations).toEqual(['Extended time on tests', 'Use of a calculator for multi-step problems', 'Preferential seating']);
  });

  it('finds what an amendment amends through the ways OCR misreads the word IEP', () => {
    for (const iepWord of ['IEP', '|EP-', 'lEP', '1EP', '!EP']) {
      const text = `IEP AMENDMENT\nMeeting Date: 02/27/2024\nMeeting Type Amendment (amends ${iepWord} dated 10/10/2023)\n`;
      expect(extractIep(pagesFromPlainText(text), 'doc-ocr').amendsMeetingDate, iepWord).toBe('2023-10-10');
    }
    // Not every "amends ... dated" is about an IEP.
    expect(extractIep(pagesFromPlainText('IEP AMENDMENT\nMeeting Date: 02/27/2024\nThis amends the BIP dated 01/05/2024.\n'), 'doc-bip').amendsMeetingDate).toBeNull();
  });

  it('reads an addendum: what it amends, and no services of its own when they remain unchanged', () => {
    const iep = extractIep(pagesFromPlainText(AMENDMENT), 'doc-amd');
    expect(iep.type).toBe('amendment');
    expect(iep.meetingDate).toBe('2025-02-03');
    expect(iep.amendsMeetingDate).toBe('2024-10-01');
    expect([iep.startDate, iep.endDate]).toEqual(['2025-02-03', '2025-09-30']);
    expect(iep.services).toEqual([]);
    expect(iep.student.school).toBe('Lakeview Middle School');
  });

  it('reads a services table whose cells wrap, from a real PDF', async () => {
    const pdf = await makeServicesPdf();
    const { pages } = await readPdfText(pdf);
    const iep = extractIep(pages, 'doc-pdf');
    expect(iep.services.map((s) => ({ service: s.service, code: s.serviceCode, perSession: s.minutesPerSession, sessions: s.sessionsPerPeriod, week: s.minutesPerWeek, month: s.minutesPerMonth, start: s.startDate, end: s.endDate }))).toEqual([
      { service: 'Speech and Language Therapy', code: '415', perSession: 30, sessions: 2, week: 60, month: null, start: '2025-01-06', end: '2026-01-05' },
      { service: 'Occupational Therapy', code: null, perSession: 30, sessions: 1, week: null, month: 30, start: '2025-01-06', end: '2026-01-05' },
    ]);
    expect(iep.services[0].location).toBe('Therapy Room');
    const box = iep.services[0].source.bbox!;
    expect(box[3] - box[1]).toBeGreaterThan(15); // the row spans its wrapped lines
  });
});

/** A one-page PDF with a services table: service names wrap onto a second line. */
function makeServicesPdf(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 40 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.font('Helvetica').fontSize(9);
    doc.text('Individualized Education Program - Annual', 40, 40);
    doc.text('Meeting Date: 01/06/2025', 40, 54);
    doc.font('Helvetica-Bold').fontSize(11).text('SPECIAL EDUCATION SERVICES', 40, 90);
    doc.font('Helvetica').fontSize(9);
    const cols = [40, 170, 250, 330, 420, 490];
    const row = (y: number, cells: string[]) => cells.forEach((c, i) => c && doc.text(c, cols[i], y, { lineBreak: false }));
    row(110, ['Service', 'Amount', 'Frequency', 'Location', 'Begins', 'Ends']);
    row(126, ['Speech and Language', '30 minutes', '2 times', 'Therapy Room', '01/06/2025', '01/05/2026']);
    row(137, ['Therapy (415)', '', 'per week', '', '', '']);
    row(156, ['Occupational', '30 minutes', '1 time', 'Classroom', '01/06/2025', '01/05/2026']);
    row(167, ['Therapy', '', 'per month', '', '', '']);
    doc.font('Helvetica-Bold').fontSize(11).text('ACCOMMODATIONS', 40, 200);
    doc.end();
  });
}
