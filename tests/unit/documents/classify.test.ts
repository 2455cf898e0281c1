// The classifier on documents composed here in other states' and vendors' styles, so that it is not
// tuned to one fixture: each goes through the same reader the app uses for its format.
import { describe, expect, it } from 'vitest';
import type { PageContent } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { classify } from '../../../main/core/documents/parse/classify';
import { decodeDocx } from '../../../main/core/documents/parse/docx';
import { decodeEml } from '../../../main/core/documents/parse/email';
import { textToPages } from '../../../main/core/documents/parse/text';
import { makeDocx, makePdf, textLines, utf8, type PdfLine } from './make-files';

async function pdfPages(...pages: Array<string | PdfLine[]>): Promise<PageContent[]> {
  const bytes = await makePdf(pages.map((p) => (typeof p === 'string' ? textLines(p) : p)));
  return (await readPdfText(bytes)).pages;
}

const MISSOURI_IEP = `Lakeview R-II School District
INDIVIDUALIZED EDUCATION PROGRAM (IEP)
Student: Jordan Ellis          Date of Birth: 05/02/2013          Grade: 6
Type of IEP:  [ ] Initial   [X] Annual   [ ] Amendment
Date of IEP Meeting: 03/11/2025
Initiation Date of IEP: 03/12/2025      Projected Date of Annual IEP Review: 03/10/2026
Most Recent Evaluation Date: 02/14/2023   Next Triennial Evaluation Date: 02/13/2026
Present Level of Academic Achievement and Functional Performance
Jordan reads 84 words correct per minute on sixth grade passages.
Annual Measurable Goals
Special Education and Related Services
Least Restrictive Environment: Regular class 80% or more of the day`;

const MISSISSIPPI_AMENDMENT = `Mississippi Department of Education - Office of Special Education
IEP Amendment Form
Student Name: Kayla Brooks    DOB: 11/23/2011    School: Pinewood Middle
Date of Amendment: January 9, 2025
IEP being amended: IEP dated 09/03/2024
The parent and district agree to amend the IEP without convening an IEP meeting.
Changes: Speech-language therapy increased from 60 to 90 minutes per month.
Special Education and Related Services - revised service grid attached.`;

const TRIENNIAL_IEP = `Frontline IEP - Cedar Hills School District
Individualized Education Program
Meeting Type: Triennial Review           Meeting Date: 4/22/2024
Student: Sam Ortiz  Birthdate: 7/9/2015
Eligibility: Autism - continues to qualify after reevaluation.
Present Levels of Academic Achievement and Functional Performance (PLAAFP)
Measurable Annual Goals
Least Restrictive Environment`;

const PSYCHOED = `CONFIDENTIAL
PSYCHOEDUCATIONAL EVALUATION REPORT
Student: Priya Nair      DOB: 02/18/2012      Grade: 7
Examiner: Dr. M. Okafor, School Psychologist
Date(s) of Testing: 01/10/2024, 01/17/2024
Report Date: January 24, 2024
Reason for Referral
Priya was referred by the student study team because of reading difficulties.
Tests Administered
Wechsler Intelligence Scale for Children - Fifth Edition (WISC-V)
Woodcock-Johnson IV Tests of Achievement (WJ-IV ACH)
Behavioral Observations
Summary and Recommendations
Priya meets the eligibility criteria for a specific learning disability.`;

const SPEECH_EVAL = `Speech and Language Evaluation
Name: Leo Park    D.O.B.: 9/30/2017
Evaluation dates: 10/02/2023 and 10/05/2023
Background Information
Leo's parents report that strangers understand about half of what he says.
Assessment instruments: CELF-5, GFTA-3, language sample.
Recommendations to the IEP team: 60 minutes per month of speech-language therapy.`;

const NOTICE_OF_ACTION = `Lakeview R-II School District
NOTICE OF ACTION
Date: 10/02/2024
To the parent(s) of: Jordan Ellis
The district proposes to change the educational placement of your child.
Description of the action: placement in the resource room for mathematics.
Reasons for the action: Jordan has not met his mathematics goals in the regular class.
A copy of the Procedural Safeguards is enclosed.`;

const POWERSCHOOL_PROGRESS = `PowerSchool Special Programs
IEP Goal Progress Report
Student: Maria Lopez   Grade: 3   IEP Dates: 09/15/2024 - 09/14/2025
Marking Period: Quarter 2 (11/04/2024 - 01/24/2025)
Goal 1: Reading Comprehension
Progress: Making Adequate Progress - Maria answered 7 of 10 questions on 01/15/2025.
Goal 2: Math Computation
Progress: Not Yet Introduced`;

const MAP_GROWTH = `NWEA MAP Growth
Student Progress Report
Term: Winter 2024-2025   Generated on 02/14/2025
Student: Maria Lopez   Grade: 3
Subject       Test Date     RIT Score    Percentile
Reading       01/21/2025    181          24
Math          01/23/2025    190          41
Lexile range: 370L - 520L`;

const SERVICE_LOG_NO_PRINT_DATE = `Cedar Hills School District
Service Provider Log - Occupational Therapy
Student: Sam Ortiz      Log Period: 01/08/2024 - 02/29/2024
Date         Service    Scheduled Min    Minutes Provided    Attendance
01/09/2024   OT         30               30                  Attended
01/16/2024   OT         30               0                   Student absent
01/23/2024   OT         30               30                  Attended
01/30/2024   OT         30               0                   Provider absent - make-up session due
02/06/2024   OT         30               30                  Attended
02/13/2024   OT         30               30                  Attended
02/27/2024   OT         30               30                  Attended`;

describe('classify: IEPs in other states\' forms', () => {
  it('reads a Missouri-style annual IEP with a checked box and "Date of IEP Meeting"', async () => {
    const c = classify(await pdfPages(MISSOURI_IEP), { fileName: 'ellis_iep.pdf' });
    expect([c.type.value, c.subtype.value, c.date.value]).toEqual(['iep', 'annual', '2025-03-11']);
    expect(c.date.confidence).toBeGreaterThan(0.8);
  });

  it('reads a Mississippi-style amendment dated by its amendment date', async () => {
    const c = classify(await pdfPages(MISSISSIPPI_AMENDMENT), { fileName: 'scan0001.pdf' });
    expect([c.type.value, c.subtype.value, c.date.value]).toEqual(['iep', 'amendment', '2025-01-09']);
  });

  it('reads a triennial IEP as a reevaluation IEP, not an evaluation report', async () => {
    const c = classify(await pdfPages(TRIENNIAL_IEP), { fileName: 'iep.pdf' });
    expect([c.type.value, c.subtype.value, c.date.value]).toEqual(['iep', 'reevaluation', '2024-04-22']);
  });

  it('does not take the projected next review for the meeting date', async () => {
    const text = MISSOURI_IEP.replace('Date of IEP Meeting: 03/11/2025\n', '').replace('Initiation Date of IEP: 03/12/2025', 'Initiation Date of IEP: 03/12/2025   Date of IEP Meeting: 03/11/2025');
    const moved = text.replace('Type of IEP:', 'Projected Date of Annual IEP Review: 03/10/2026\nType of IEP:');
    const c = classify(await pdfPages(moved), { fileName: 'x.pdf' });
    expect(c.date.value).toBe('2025-03-11');
  });

  it('does not take a checkbox list with nothing checked as the meeting type', async () => {
    const text = MISSOURI_IEP.replace('[X] Annual', '[ ] Annual').replace('[ ] Amendment', '[X] Amendment');
    const c = classify(await pdfPages(text), { fileName: 'x.pdf' });
    expect(c.subtype.value).toBe('amendment');
  });
});

describe('classify: evaluations, notices, letters and email', () => {
  it('reads a psychoeducational report dated by its report date, not its testing dates or the birth date', async () => {
    const c = classify(await pdfPages(PSYCHOED), { fileName: 'psych.pdf' });
    expect([c.type.value, c.date.value]).toEqual(['evaluation', '2024-01-24']);
  });

  it('reads a speech-language evaluation without a report date as dated by its last testing day', async () => {
    const c = classify(await pdfPages(SPEECH_EVAL), { fileName: 'slp.pdf' });
    expect(c.type.value).toBe('evaluation');
    expect(c.date.value).toBe('2023-10-05');
  });

  it('reads a notice of action (prior written notice) as correspondence', async () => {
    const c = classify(await pdfPages(NOTICE_OF_ACTION), { fileName: 'notice.pdf' });
    expect([c.type.value, c.date.value]).toEqual(['correspondence', '2024-10-02']);
  });

  it('reads a letter typed in Word, dated by the line that is only a date', async () => {
    const docx = await decodeDocx(
      await makeDocx(['Ana Ruiz', '1187 Oak Street', 'Springfield, MO 65801', '', 'April 2, 2024', '', 'Dr. Patricia Holloway', 'Director of Special Education', '', 'Re: Request for an independent educational evaluation for Mateo (DOB 03/14/2014)', '', 'Dear Dr. Holloway,', 'I disagree with the district\'s evaluation of 01/24/2024 and request an IEE at public expense.', '', 'Sincerely,', 'Ana Ruiz']),
      'IEE request.docx',
    );
    const c = classify(docx.pages, { fileName: 'IEE request.docx' });
    expect([c.type.value, c.date.value]).toEqual(['correspondence', '2024-04-02']);
  });

  it('reads an email message as correspondence dated by its sent day', async () => {
    const eml = utf8('From: Ana Ruiz <ana@example.com>\r\nTo: casemanager@district.example.org\r\nSubject: Question about the progress report\r\nDate: Thu, 14 Nov 2024 22:05:00 -0600\r\n\r\nHi Ms. Grant,\r\nThe progress report from 11/08/2024 says "making progress" but has no data. Can you send the probes?\r\nThanks,\r\nAna');
    const email = await decodeEml(eml, 'question.eml');
    const c = classify(email.pages, { fileName: 'question.eml', emailDate: email.sentDate });
    expect([c.type.value, c.date.value]).toEqual(['correspondence', '2024-11-14']);
    expect(c.date.confidence).toBeGreaterThan(0.9);
  });
});

describe('classify: progress, scores and service logs from other vendors', () => {
  it('dates a progress report without a report date by the end of its marking period', async () => {
    const c = classify(await pdfPages(POWERSCHOOL_PROGRESS), { fileName: 'progress.pdf' });
    expect([c.type.value, c.date.value]).toEqual(['progress_report', '2025-01-24']);
  });

  it('reads a MAP Growth "Student Progress Report" as a score report, dated when generated', async () => {
    const c = classify(await pdfPages(MAP_GROWTH), { fileName: 'map.pdf' });
    expect([c.type.value, c.date.value]).toEqual(['score_report', '2025-02-14']);
  });

  it('finds a date printed under its column header', async () => {
    const lines: PdfLine[] = [
      [72, 60, 'i-Ready Diagnostic Results', 14],
      [72, 100, 'Student'], [250, 100, 'Grade'], [400, 100, 'Date Printed'],
      [72, 114, 'Maria Lopez'], [250, 114, '3'], [400, 114, '01/31/2025'],
      [72, 150, 'Overall Scale Score 412   Placement: Grade 1   Percentile 12'],
      [72, 164, 'Test date 01/10/2025'],
    ];
    const c = classify(await pdfPages(lines), { fileName: 'iready.pdf' });
    expect([c.type.value, c.date.value]).toEqual(['score_report', '2025-01-31']);
  });

  it('reads a provider log by its session rows and dates it by the end of its period', async () => {
    const c = classify(await pdfPages(SERVICE_LOG_NO_PRINT_DATE), { fileName: 'ot_log.pdf' });
    expect([c.type.value, c.date.value]).toEqual(['service_log', '2024-02-29']);
  });
});

describe('classify: little or nothing to go on', () => {
  it('calls an unrelated document other, with low confidence', () => {
    const c = classify(textToPages('Cafeteria menu\nMonday: pasta\nTuesday: tacos\nWeek of 9/9/2024'), { fileName: 'menu.txt' });
    expect(c.type.value).toBe('other');
    expect(c.type.confidence).toBeLessThan(0.5);
    expect(c.date.value).toBe('2024-09-09');
  });

  it('gives no date and no type for an empty document', () => {
    const c = classify([], { fileName: 'blank.pdf' });
    expect(c.type.value).toBe('other');
    expect(c.date).toEqual({ value: null, confidence: 0 });
  });
});
