// Typed goal paragraphs that open "Goal N (Area): ..." and goals due at the IEP's own end ("by the
// next annual review", "by the end of the IEP year"): wordings of our own, read from plain-text pages.
import { describe, expect, it } from 'vitest';
import { extractIep } from '../../../main/core/extract/iep';
import { pagesFromPlainText } from '../../../main/core/extract/layout';

const cases: Array<{ head: string; area: string; due: string; date: string }> = [
  { head: 'Goal 1 (Reading Fluency):', area: 'Reading Fluency', due: 'By the next annual review', date: '2026-10-01' },
  { head: 'Goal 1 (Math) -', area: 'Math', due: 'By the end of the IEP year', date: '2026-10-01' },
  { head: 'Goal 1 (Behavior):', area: 'Behavior', due: 'By 5/15/26', date: '2026-05-15' },
];

describe('typed goal paragraphs headed with the area in parentheses', () => {
  it.each(cases)('$head $due', ({ head, area, due, date }) => {
    const text = ['Individualized Education Program', 'IEP Meeting Date: 10/02/2025', 'IEP Dates: 10/06/2025 to 10/01/2026', '',
      'ANNUAL GOALS', `${head} ${due}, Omar will complete 8 of 10 assigned tasks with 80% accuracy,`, 'as measured by weekly work samples.'].join('\n');
    const iep = extractIep(pagesFromPlainText(text), 'typed');
    expect(iep.goals).toHaveLength(1);
    expect(iep.goals[0].area).toBe(area);
    expect(iep.goals[0].text).toMatch(new RegExp(`^${due}, Omar will complete`));
    expect(iep.goals[0].targetDate).toBe(date);
  });
});

describe('the last typed goal ends at the title of the next part', () => {
  it.each(['Services', 'Related Services', 'Accommodations and Modifications'])('%s', (title) => {
    const text = ['Individualized Education Program', 'IEP Dates: 10/06/2025 to 10/01/2026', '', 'ANNUAL GOALS',
      'Goal 1 (Math): By 5/15/26, Omar will solve two-step word problems with 80% accuracy, as measured by', 'weekly probes.',
      title, 'Specialized Academic Instruction: 3 sessions per week, 30 minutes each, resource room.'].join('\n');
    const iep = extractIep(pagesFromPlainText(text), 'typed');
    expect(iep.goals.map((g) => g.text)).toEqual(['By 5/15/26, Omar will solve two-step word problems with 80% accuracy, as measured by weekly probes.']);
  });
});
