// Goal tables whose goal column is not the first: a number and an area column printed before it,
// in header wordings of our own. Built as real PDFs and read back through the text layer.
import { describe, expect, it } from 'vitest';
import { extractIep } from '../../../main/core/extract/iep';
import { formPages, PageWriter, wrap } from './form-pdf';

interface Case { name: string; header: string[]; dates: [string, string]; expectDates: [string | null, string | null] }

async function areaFirstTable(header: string[], dates: [string, string]) {
  const w = new PageWriter();
  w.text(50, 'Individualized Education Program', { size: 10, bold: true, after: 6 });
  w.row([[50, ['IEP Meeting Date: 10/02/2025']], [300, ['IEP Dates: 10/06/2025 to 10/01/2026']]], { after: 14 });
  w.text(50, 'Annual Goals', { size: 9, bold: true, after: 6 });
  const xs = [50, 70, 160, 380, 500];
  const widths = [4, 16, 40, 24, 14];
  w.row(header.map((h, i) => [xs[i], [h]] as [number, string[]]), { size: 7.5, bold: true, after: 4 });
  const goal = (cells: string[]) => w.row(cells.map((c, i) => [xs[i], wrap(c, widths[i])] as [number, string[]]), { size: 8, pitch: 10.5, after: 9 });
  goal(['1', 'Reading Comprehension', 'Given a fifth grade passage, Lena will answer inferential questions with 80% accuracy on 3 consecutive probes.', 'Lena answered 40% of inferential questions.', dates[0]]);
  goal(['2', 'Social Skills', 'During group work, Lena will take turns speaking in 4 of 5 observed sessions.', 'Lena took turns in 1 of 5 sessions.', dates[1]]);
  w.y += 10;
  w.text(50, 'Supplementary aids and supports are described on the next page of this plan.', { size: 8 });
  return formPages(w.finished());
}

const cases: Case[] = [
  { name: '# | Area | Measurable Annual Goal | Baseline | Target Date', header: ['#', 'Area', 'Measurable Annual Goal', 'Baseline', 'Target Date'], dates: ['6/12/2026', 'Annual review'], expectDates: ['2026-06-12', '2026-10-01'] },
  { name: 'No. | Domain | Annual Goal | Present Level | Timeline', header: ['No.', 'Domain', 'Annual Goal', 'Present Level', 'Timeline'], dates: ['5/29/2026', '6/1/2026'], expectDates: ['2026-05-29', '2026-06-01'] },
  { name: '# | Skill Area | Goal | Current Level | Target Date (due at the next ARD)', header: ['#', 'Skill Area', 'Goal', 'Current Level', 'Target Date'], dates: ['Next annual ARD', '5/29/2026'], expectDates: ['2026-10-01', '2026-05-29'] },
];

describe('goal tables with number and area columns before the goal', () => {
  it.each(cases)('$name', async ({ header, dates, expectDates }) => {
    const iep = extractIep(await areaFirstTable(header, dates), 'area-first');
    expect(iep.goals.map((g) => [g.number, g.area])).toEqual([[1, 'Reading Comprehension'], [2, 'Social Skills']]);
    expect(iep.goals[0].text).toBe('Given a fifth grade passage, Lena will answer inferential questions with 80% accuracy on 3 consecutive probes.');
    expect(iep.goals[0]).toMatchObject({ targetValue: 80, baselineValue: 40 });
    expect(iep.goals.map((g) => g.targetDate)).toEqual(expectDates);
  });
});
