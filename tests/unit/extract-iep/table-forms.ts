// IEP pages with goals and services printed as tables, in styles of our own design (used by
// table-forms.test.ts): each builder returns the form's pages as read back from a real PDF.
import type { PageContent } from '../../../shared/domain';
import { formPages, PageWriter, wrap } from './form-pdf';

interface GoalRow { area?: string; text: string; cols: string[] }

/** A goals table: header cells at xs, optional small notes under them, bands, rows wrapped to each column's width. */
function goalTable(w: PageWriter, xs: number[], widths: number[], header: string[], notes: string[] | null, goals: GoalRow[], breakInside?: number) {
  const printHeader = () => {
    w.row(header.map((h, i) => [xs[i], [h]]), { size: 7, bold: true });
    if (notes) w.row(notes.map((n, i) => [xs[i], wrap(n, widths[i] + 8)]), { size: 7, pitch: 8.5 });
    w.y += 4;
  };
  printHeader();
  let area: string | undefined;
  goals.forEach((g, k) => {
    if (g.area && g.area !== area) {
      area = g.area;
      w.text(xs[0], g.area.toUpperCase(), { size: 8.5, bold: true, after: 3 });
    }
    const cells = [g.text, ...g.cols].map((t, i) => wrap(t, widths[i]));
    if (breakInside === k) {
      // The goal's first lines end a page; the rest follow the header repeated on the next.
      const first = cells.map((c) => c.slice(0, 1));
      const rest = cells.map((c) => c.slice(1));
      w.row(first.map((lines, i) => [xs[i], lines]), { size: 8.5, pitch: 12 });
      w.newPage();
      printHeader();
      w.row(rest.map((lines, i) => [xs[i], lines]), { size: 8.5, pitch: 12, after: 6 });
      return;
    }
    w.row(cells.map((lines, i) => [xs[i], lines]), { size: 8.5, pitch: 12, after: 6 });
  });
}

export async function committeeStyle(): Promise<PageContent[]> {
  const w = new PageWriter();
  w.furniture = { header: 'Lindqvist, Ava - Plan for Specially Designed Instruction - Confidential', footer: (n) => `Page ${n} of 2` };
  w.text(150, 'PLAN FOR SPECIALLY DESIGNED INSTRUCTION', { size: 11, bold: true, after: 8 });
  const field = (left: [string[], string], right: [string[], string]) => {
    w.row([[50, left[0]], [160, [left[1]]], [310, right[0]], [420, [right[1]]]], { size: 8, pitch: 9, after: 5 });
  };
  field([['Student:'], 'Ava Lindqvist'], [['Date of Birth:'], '02/11/2015']);
  field([['Date of Team Meeting:'], '03/11/2025'], [['Type of Meeting:'], 'Annual Review']);
  field([['Date IEP Is to Be', 'Implemented:'], '09/04/2025'], [['Projected Date of Next', 'Annual Review:'], '03/10/2026']);
  field([['Projected Date of Next', 'Reevaluation:'], '01/15/2027'], [['School Year of IEP:'], '2025-26 (Grade 5)']);
  w.y += 10;
  w.text(50, 'PRESENT LEVELS OF PERFORMANCE', { size: 9, bold: true, after: 4 });
  for (const line of wrap('Mathematics. Ava adds and subtracts fluently. On two-digit multiplication probes (02/2025), Ava solved 40% of the problems correctly. On word-problem checks she chose the right operation in 30% of items. Behavior. Ava calls out during lessons: a tally across five lessons (02/2025) showed an average of 9 incidents per lesson.', 110)) w.text(50, line, { size: 8 });
  w.y += 12;
  w.text(50, 'MEASURABLE ANNUAL GOALS', { size: 9, bold: true, after: 6 });
  goalTable(w, [50, 270, 385, 490], [44, 22, 20, 16], ['MEASURABLE ANNUAL GOAL', 'MASTERY CRITERIA', 'EVALUATION PROCEDURE', 'TIMELINE'],
    ['Skill to be mastered by the end of the IEP year', 'Level that shows mastery', 'How progress is checked', 'When it is checked'], [
      { area: 'Mathematics', text: 'Given ten two-digit by one-digit multiplication problems, Ava will solve them and show each step.', cols: ['85% accuracy on 3 of 4 weekly probes', 'Teacher-made probes', 'Weekly; by 02/2026'] },
      { area: 'Mathematics', text: 'Given word problems read aloud, Ava will name the operation each problem needs.', cols: ['Increase from 30% to 75% accuracy', 'Curriculum checks', 'Monthly, through February 2026'] },
      { area: 'Behavior', text: 'During whole-class lessons, Ava will decrease calling out by raising her hand and waiting to be called on.', cols: ['Decrease from 9 to 2 incidents per lesson', 'Teacher tally', 'Daily'] },
    ], 2);
  w.y += 14;
  w.text(50, 'RECOMMENDED PROGRAMS AND SERVICES', { size: 9, bold: true, after: 6 });
  const xs = [50, 175, 245, 330, 390, 450, 520];
  w.row([[xs[0], ['Program/Service']], [xs[1], ['Group Size']], [xs[2], ['Frequency']], [xs[3], ['Period']], [xs[4], ['Duration']], [xs[5], ['Location']], [xs[6], ['Service']]], { size: 7, bold: true, pitch: 8 });
  w.row([[xs[6], ['Dates']]], { size: 7, bold: true, pitch: 8, after: 6 });
  const band = (t: string) => w.text(50, t, { size: 8, bold: true, after: 3 });
  const svc = (cells: string[][]) => w.row(cells.map((c, i) => [xs[i], c] as [number, string[]]), { size: 8, pitch: 9.5, after: 8 });
  band('SPECIAL EDUCATION SERVICES');
  svc([['Consultant Teacher'], ['Group of 8'], ['2 times daily'], ['Daily'], ['30 minutes'], ['Classroom'], ['09/04/2025 -', '06/24/2026']]);
  band('RELATED SERVICES');
  svc([['Occupational', 'Therapy'], ['Individual'], ['3 times per', '4-day cycle'], ['4 day cycle'], ['30 minutes'], ['OT room'], ['09/04/2025 -', '06/24/2026']]);
  svc([['Counseling'], ['Group of 4'], ['1 time monthly'], ['Monthly'], ['45 minutes'], ['Office'], ['09/04/2025 -', '06/24/2026']]);
  band('PROGRAM MODIFICATIONS/ACCOMMODATIONS');
  svc([['Use of a multiplication', 'chart'], [], ['As needed'], ['Daily'], [], ['Math class'], ['09/04/2025 -', '06/24/2026']]);
  w.text(50, 'Transportation: the student rides the general education bus with no special arrangements.', { size: 8 });
  return formPages(w.finished());
}

export async function numberedTableStyle(): Promise<PageContent[]> {
  const w = new PageWriter();
  w.furniture = { footer: (n) => `Printed 10/03/2025 - page ${n}` };
  w.text(50, 'Individual Education Program - Annual', { size: 10, bold: true, after: 6 });
  w.row([[50, ['IEP Meeting Date: 10/02/2025']], [300, ['Effective Dates: 10/06/2025 to 10/01/2026']]], { after: 4 });
  w.row([[50, ['Grade: 7']], [300, ['Reporting: progress reported each trimester']]], { after: 14 });
  w.text(50, 'ANNUAL GOALS', { size: 9, bold: true, after: 6 });
  const xs = [50, 80, 250, 400, 500];
  w.row([[xs[0], ['#']], [xs[1], ['Goal']], [xs[2], ['Baseline']], [xs[3], ['Criterion']], [xs[4], ['Target Date']]], { size: 7.5, bold: true, after: 4 });
  const goal = (n: string, text: string, base: string, crit: string, date: string) =>
    w.row([[xs[0], [n]], [xs[1], wrap(text, 36)], [xs[2], wrap(base, 30)], [xs[3], wrap(crit, 20)], [xs[4], wrap(date, 16)]], { size: 8, pitch: 10.5, after: 7 });
  goal('1.', 'When given a seventh grade passage, Noor will summarize the main idea and two key details in writing.', 'Noor included 1 key detail in 3 summaries (09/2025).', '4 of 5 summaries with the main idea and 2 details', 'By 06/12/2026');
  goal('2.', 'During transitions between classes, Noor will arrive on time with her materials.', 'On time for 55% of transitions (09/2025).', '90% of transitions for 4 consecutive weeks', 'In six months');
  w.y += 10;
  w.text(50, 'SERVICES', { size: 9, bold: true, after: 6 });
  const sx = [50, 190, 260, 340, 420, 490, 540];
  w.row([[sx[0], ['Service Type']], [sx[1], ['Minutes']], [sx[2], ['Frequency']], [sx[3], ['Location']], [sx[4], ['Provider']], [sx[5], ['Begins']], [sx[6], ['Ends']]], { size: 7.5, bold: true, after: 4 });
  const svc = (cells: string[][]) => w.row(cells.map((c, i) => [sx[i], c] as [number, string[]]), { size: 8, pitch: 10, after: 7 });
  svc([['Speech-Language Therapy'], ['60 min'], ['per month'], ['Speech room'], ['SLP'], ['10/06/2025'], ['10/01/2026']]);
  svc([['Study Skills Instruction'], ['180 min'], ['per six weeks'], ['Resource'], ['Sp. Ed.', 'teacher'], ['10/06/2025'], ['10/01/2026']]);
  w.text(50, 'Supplementary aids and supports are described on the next page of this plan.', { size: 8 });
  return formPages(w.finished());
}

