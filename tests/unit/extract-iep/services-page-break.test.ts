// A services table that starts at the foot of a page and runs on over the next: its header printed
// again at the top of the next page (which looks like a running header, being on two pages at the same
// place) or not printed again, a running header and footer in between, one row or none on the first
// page. Real PDFs of our own wording, read through the text layer; every row is read once.
import { describe, expect, it } from 'vitest';
import { extractIep } from '../../../main/core/extract/iep';
import { formPages, PageWriter } from './form-pdf';

const HEADER: Array<[number, string]> = [[50, 'Service Type'], [210, 'How Often'], [320, 'Minutes Each'], [400, 'Setting'], [490, 'Starts']];
const ROWS = [
  ['Reading Intervention', '5 x weekly', '30', 'Learning Lab', '01/12/2026'],
  ['Occupational Therapy', '2 x weekly', '25', 'OT Room', '01/12/2026'],
  ['Social Skills Group', '1 x weekly', '40', 'Counseling Suite', '01/12/2026'],
  ['Written Expression Support', '3 x weekly', '35', 'General Class', '01/12/2026'],
];
const WEEKLY = [150, 50, 40, 105];

interface Variant {
  name: string;
  /** Rows printed on the first page, under the header at its foot. */
  onFirst: number;
  repeatHeader: boolean;
}

const variants: Variant[] = [
  { name: 'header at the foot, repeated over the rows on the next page', onFirst: 0, repeatHeader: true },
  { name: 'header at the foot, not repeated', onFirst: 0, repeatHeader: false },
  { name: 'header and one row at the foot, header repeated', onFirst: 1, repeatHeader: true },
  { name: 'header and two rows at the foot, not repeated', onFirst: 2, repeatHeader: false },
];

async function iepWithBrokenTable(v: Variant) {
  const w = new PageWriter();
  w.furniture = { header: 'Plan for Juno Abernathy-Salas   Plan date 01/09/2026', footer: (n) => `Page ${n} of 3` };
  w.text(40, 'INDIVIDUALIZED EDUCATION PROGRAM', { size: 13, bold: true, after: 6 });
  w.text(40, 'Plan Start Date: 01/12/2026', { size: 9 });
  w.text(40, 'Plan End Date: 01/11/2027', { size: 9, after: 8 });
  // Prose filling the page down to its foot: the header lands in the bottom margin, where a running footer would be.
  while (w.y < 684) w.text(40, 'Juno reads grade-level text with support and takes part in class discussion most days.', { size: 9 });
  w.text(40, 'SPECIAL EDUCATION SERVICES', { size: 10, bold: true, after: 2 });
  const header = () => w.row(HEADER.map(([x, t]) => [x, [t]] as [number, string[]]), { size: 8, bold: true, after: 2 });
  const row = (r: string[]) => w.row(HEADER.map(([x], k) => [x, [r[k]]] as [number, string[]]), { size: 8, after: 3 });
  header();
  ROWS.slice(0, v.onFirst).forEach(row);
  w.newPage();
  if (v.repeatHeader) header();
  ROWS.slice(v.onFirst).forEach(row);
  w.text(40, 'Transportation: The student rides the general education bus to and from school each day.', { size: 9, after: 8 });
  w.text(40, 'ACCOMMODATIONS', { size: 10, bold: true, after: 2 });
  w.text(40, 'Extended time on classroom tests and quizzes.', { size: 9 });
  w.newPage();
  w.text(40, 'SIGNATURES', { size: 10, bold: true, after: 2 });
  w.text(40, 'Parent: Leona Abernathy-Salas', { size: 9 });
  return formPages(w.finished());
}

describe('a services table broken over a page', () => {
  it.each(variants)('$name', async (v) => {
    const iep = extractIep(await iepWithBrokenTable(v), 'broken');
    expect(iep.services.map((s) => [s.service, s.minutesPerWeek, s.location])).toEqual(ROWS.map((r, i) => [r[0], WEEKLY[i], r[3]]));
    expect(iep.services.map((s) => s.source.page)).toEqual(ROWS.map((_, i) => (i < v.onFirst ? 1 : 2)));
  });
});
