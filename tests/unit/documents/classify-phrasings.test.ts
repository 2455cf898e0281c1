// The classifier on other phrasings of each kind of document, written here (not taken from any
// fixture), each through the real text-layer reader. Every structured kind is tried twice: with its
// title, and with the title line removed, so that its structure alone (goals and services, goals with
// progress marks, a table of scores, rows of sessions) has to carry it.
import { describe, expect, it } from 'vitest';
import type { DocType, IepSubtype, PageContent } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { classify, explainClassification } from '../../../main/core/documents/parse/classify';
import { makePdf, textLines, type PdfLine } from './make-files';

/** A page of prose lines, then tables whose cells sit at the given x positions. */
interface Page {
  lines: string;
  tables?: Array<{ at: number[]; rows: string[][] }>;
}

async function pagesOf(...pages: Page[]): Promise<PageContent[]> {
  const drawn = pages.map((p) => {
    const out: PdfLine[] = textLines(p.lines);
    let y = 72 + p.lines.split('\n').length * 14 + 10;
    for (const t of p.tables ?? []) {
      for (const row of t.rows) {
        row.forEach((cell, i) => cell && out.push([t.at[i], y, cell, 9]));
        y += 13;
      }
      y += 12;
    }
    return out;
  });
  return (await readPdfText(await makePdf(drawn))).pages;
}

const withoutTitle = (p: Page): Page => ({ ...p, lines: p.lines.split('\n').slice(1).join('\n') });

interface Case {
  name: string;
  page: Page;
  type: DocType;
  subtype?: IepSubtype;
  /** The structure alone decides (checked again without the first line). */
  untitled?: boolean;
}

const SESSIONS = [['Date', 'Minutes', 'Attendance', 'Note'], ...['02/03/2025', '02/05/2025', '02/10/2025', '02/12/2025', '02/17/2025', '02/19/2025'].map((d, i) => [d, i === 3 ? '0' : '25', i === 3 ? 'Absent' : 'Attended', i === 3 ? 'Student ill' : 'Articulation drill'])];
const SESSION_AT = [72, 170, 240, 330];

const CASES: Case[] = [
  {
    name: 'an "Annual Goal Progress" sheet with ratings under each goal',
    page: { lines: `ANNUAL GOAL PROGRESS - SECOND QUARTER
Learner: Tomas Greer      School: Riverbend Middle
Goal 1 - Math problem solving
Tomas will solve two-step word problems with 80% accuracy as measured by weekly probes.
Rating: Progressing - 65% on 1/14/2025, 70% on 1/28/2025
Goal 2 - Self-advocacy
Tomas will request a break using his card in 4 of 5 opportunities as measured by staff tally.
Rating: Emerging skill - 2 of 5 opportunities on 1/21/2025` },
    type: 'progress_report',
    untitled: true,
  },
  {
    name: 'a progress letter to the family, with a salutation and a closing',
    page: { lines: `Update on Annual Goals
Dear Ms. Greer,
Here is how Tomas did this marking period on the goals in his IEP.
Objective 1: Tomas will read 110 words correct per minute as measured by timed passages.
Progress: Sufficient progress - 96 words correct per minute on 3/4/2025.
Objective 2: Tomas will edit his writing for capitals and end marks with 90% accuracy.
Progress: Insufficient progress - 60% on 3/6/2025.
Warm regards,
Ms. Hale, Case Manager` },
    type: 'progress_report',
  },
  {
    name: 'a parent letter that talks about goals and progress but reports none',
    page: { lines: `Laura Greer
88 Birch Lane
March 10, 2025
Dear Mr. Ortega,
I am writing because I have not seen progress data on my son's reading goal since the fall.
Please send the probes behind the last progress report and propose a meeting date.
Sincerely,
Laura Greer` },
    type: 'correspondence',
  },
  {
    name: 'a "Related Service Provider Log" of physical therapy sessions',
    page: { lines: `Related Service Provider Log
Service: Physical Therapy    Student: Ana Petrov    Printed 02/28/2025`, tables: [{ at: SESSION_AT, rows: SESSIONS }] },
    type: 'service_log',
    untitled: true,
  },
  {
    name: 'speech therapy encounter notes',
    page: { lines: `Speech Therapy Encounter Notes
Clinician: R. Obi, CCC-SLP      Student: Ana Petrov`, tables: [{ at: SESSION_AT, rows: SESSIONS }] },
    type: 'service_log',
  },
  {
    name: 'a "Psychoeducational Evaluation" written as a narrative report',
    page: { lines: `Psychoeducational Evaluation
Student: Ana Petrov     Examiner: L. Duarte, Licensed Specialist in School Psychology
Reason for Referral
Ana's teachers referred her because of slow progress in reading despite small-group intervention.
Background Information
Ana was born at term and met her developmental milestones on time.
Assessment Procedures
Kaufman Test of Educational Achievement (KTEA-3); Comprehensive Test of Phonological Processing (CTOPP-2)
Results and Interpretation
Ana earned a standard score of 78 in Letter and Word Recognition (7th percentile).
On Phonological Awareness she earned a standard score of 82 (12th percentile).
Summary and Recommendations
The team should consider eligibility as a student with a specific learning disability in reading.` },
    type: 'evaluation',
  },
  {
    name: 'a multidisciplinary evaluation report titled in capitals',
    page: { lines: `MULTIDISCIPLINARY EVALUATION REPORT
Student: Ben Ito    Date of report: 11/02/2024
Sources of Information
Record review, parent interview, teacher rating scales, direct testing.
Cognitive Functioning
Ben's general ability falls in the average range.
Eligibility Determination
Ben meets criteria for other health impairment.` },
    type: 'evaluation',
  },
  {
    name: 'an "ARD Supplement" carrying goals and a schedule of services',
    page: { lines: `ARD SUPPLEMENT - INSTRUCTIONAL SERVICES
Student: Leo Baptiste    Campus: Cedar Park Middle    Date of ARD Meeting: 04/22/2025
Annual Goal 1: In 36 instructional weeks, Leo will write a five-paragraph essay scoring 3 of 4 on the rubric, as measured by work samples.
Annual Goal 2: In 36 instructional weeks, Leo will solve multi-step equations with 80% accuracy, as measured by unit probes.
Schedule of Services
Reading inclusion support: 3 x 50 min weekly in general education
Math resource: 250 min per week in the special education classroom` },
    type: 'iep',
    untitled: true,
  },
  {
    name: 'an "IEP at a Glance" page of goals and services for teachers',
    page: { lines: `IEP at a Glance
Student: Mina Roy    Annual review due: 05/2026
Goals
Mina will initiate work within 2 minutes of directions in 4 of 5 observations, as measured by teacher log.
Mina will read grade-level text at 120 words correct per minute, as measured by curriculum-based measures.
Services
Resource reading - 45 minutes daily
Counseling - 30 minutes per week
Accommodations
Extended time; chunked assignments` },
    type: 'iep',
    subtype: 'annual',
  },
  {
    name: 'an individualized education plan whose meeting type is ticked',
    page: { lines: `Individualized Education Plan
Student: Omar Diaz    Date of Meeting: 01/13/2025
Type of Meeting: [ ] Initial  [ ] Annual  [X] Reevaluation  [ ] Amendment
Present Levels of Educational Performance
Omar reads at a second-grade level.
Measurable Annual Goals
Related Services: Speech-language therapy 2 x 30 min per week` },
    type: 'iep',
    subtype: 'reevaluation',
  },
  {
    name: 'a state test\'s individual student report',
    page: { lines: `Individual Student Report - Spring 2024
Student: Ben Ito    Grade 5`, tables: [{ at: [72, 240, 320, 420], rows: [['Subject', 'Scale Score', 'Performance Level', 'Percentile'], ['Reading', '1412', 'Approaches Grade Level', '31'], ['Mathematics', '1533', 'Meets Grade Level', '54'], ['Science', '3702', 'Approaches Grade Level', '38']] }] },
    type: 'score_report',
    untitled: true,
  },
  {
    name: 'a testing history of state and screener results',
    page: { lines: `Testing History
Student: Ben Ito    Printed 06/02/2025`, tables: [{ at: [72, 150, 330, 400], rows: [['Date', 'Assessment', 'Score', 'Level'], ['05/01/2025', 'STAAR Reading Grade 5', '1460', 'Approaches'], ['01/15/2025', 'MAP Growth Reading RIT', '201', 'Average'], ['09/10/2024', 'MAP Growth Reading RIT', '194', 'Low Average']] }] },
    type: 'score_report',
  },
  {
    name: 'a testing history of an individually given achievement battery',
    page: { lines: `Testing History
Student: Ben Ito    Printed 06/02/2025`, tables: [{ at: [72, 150, 330, 430], rows: [['Date', 'Measure', 'Standard Score', 'Percentile'], ['05/01/2025', 'KTEA-3 Reading Comprehension', '84', '14'], ['05/01/2025', 'KTEA-3 Math Concepts', '91', '27'], ['05/01/2025', 'KTEA-3 Written Expression', '79', '8']] }] },
    type: 'evaluation',
    untitled: true,
  },
  {
    name: 'a notice of an ARD committee meeting',
    page: { lines: `Notice of ARD Committee Meeting
Dear Parent or Guardian of Leo Baptiste,
An Admission, Review and Dismissal committee meeting is scheduled for 04/22/2025 at 3:30 pm.
The purpose of the meeting is the annual review of Leo's IEP.
A copy of the Procedural Safeguards is enclosed.
Sincerely,
Campus Diagnostician` },
    type: 'correspondence',
  },
  {
    name: 'a cafeteria menu',
    page: { lines: `Lunch Menu - Week of 9/8/2025
Monday: Chicken wrap, apple slices
Tuesday: Bean burrito, corn` },
    type: 'other',
  },
];

describe('classify: other phrasings of each kind', () => {
  for (const c of CASES) {
    it(`reads ${c.name} as ${c.type}${c.subtype ? ` (${c.subtype})` : ''}`, async () => {
      const pages = await pagesOf(c.page);
      const result = classify(pages, { fileName: 'scan.pdf' });
      expect(result.type.value, JSON.stringify(explainClassification(pages, { fileName: 'scan.pdf' }).evidence)).toBe(c.type);
      if (c.subtype) expect(result.subtype.value).toBe(c.subtype);
      if (c.type !== 'other') expect(result.type.confidence).toBeGreaterThan(0.6);
    });
    if (c.untitled) {
      it(`reads ${c.name} as ${c.type} by its structure, without its title`, async () => {
        const pages = await pagesOf(withoutTitle(c.page));
        expect(classify(pages, { fileName: 'scan.pdf' }).type.value, JSON.stringify(explainClassification(pages, { fileName: 'scan.pdf' }).evidence)).toBe(c.type);
      });
    }
  }
});

describe('classify: documents bound from several forms', () => {
  const notice: Page = {
    lines: `Invitation to an IEP Team Meeting
Dear Parent,
A meeting to review your child's individualized education program will be held on 10/14/2025.
Please return this form to the school office.
Sincerely,
Case Manager`,
  };
  const iepPage = (n: number): Page => ({
    lines: `Individualized Education Program - page ${n}
Student: Mina Roy    IEP Date: 10/14/2025    Meeting Type: [X] Annual [ ] Initial
Goal ${n}: Mina will complete multi-step tasks with 80% accuracy, as measured by teacher checklists.
Special education and related services: resource support 120 minutes per week`,
  });

  it('reads a meeting notice stapled in front of an IEP as the IEP', async () => {
    const pages = await pagesOf(notice, iepPage(1), iepPage(2), iepPage(3), iepPage(4));
    const c = classify(pages, { fileName: 'packet.pdf' });
    expect([c.type.value, c.subtype.value]).toEqual(['iep', 'annual']);
  });

  it('still reads the notice alone as correspondence', async () => {
    expect(classify(await pagesOf(notice), { fileName: 'notice.pdf' }).type.value).toBe('correspondence');
  });

  it('takes the primary meeting type, not an additional purpose', async () => {
    const pages = await pagesOf({
      lines: `Individualized Education Program
Meeting Type: [ ] Initial  [X] Annual  [ ] Triennial
Additional Purpose of Meeting: [ ] Transition  [X] Interim
Measurable Annual Goals
Services: 30 minutes per week of counseling`,
    });
    expect(classify(pages, { fileName: 'iep.pdf' }).subtype.value).toBe('annual');
  });
});
