// Goal blocks whose labels are printed small above their values, with no colons: a goal-number
// label over the bare number, an area label alone on its line, a baseline label naming both words
// in parentheses. Label wordings of our own; built as real PDFs and read back through the text layer.
import { describe, expect, it } from 'vitest';
import { extractIep } from '../../../main/core/extract/iep';
import { formPages, PageWriter, wrap } from './form-pdf';

interface Labels { block: string; number: string; area: string; baseline: string; goal: string }

async function labelsAbove(labels: Labels) {
  const w = new PageWriter();
  const field = (label: string, value: string) => {
    w.text(50, label, { size: 6.5, bold: true, after: 1 });
    for (const line of wrap(value, 95)) w.text(50, line, { size: 9, after: 1 });
    w.y += 3;
  };
  w.text(50, 'INDIVIDUALIZED EDUCATION PROGRAM', { size: 11, bold: true, after: 8 });
  field('IEP IN EFFECT', 'from October 6, 2025 through October 1, 2026');
  const goal = (n: string, area: string, base: string, text: string) => {
    w.text(50, labels.block, { size: 9, bold: true, after: 4 });
    field(labels.number, n);
    field(labels.area, area);
    field(labels.baseline, base);
    field(labels.goal, text);
  };
  goal('1', 'Reading Comprehension', 'Lena answered 40% of inferential questions.', 'By June 2026, given a fifth grade passage, Lena will answer inferential questions with 80% accuracy on 3 consecutive probes.');
  goal('2', 'Behavior', 'Lena left her seat 9 times per day.', 'By the end of the IEP year, during lessons, Lena will decrease leaving her seat to 2 or fewer times per day.');
  return formPages(w.finished());
}

const cases: Array<{ name: string; labels: Labels }> = [
  { name: 'goal number / area of need / present level (baseline)', labels: { block: 'MEASURABLE ANNUAL GOAL', number: 'GOAL NUMBER', area: 'AREA OF NEED', baseline: 'PRESENT LEVEL (BASELINE)', goal: 'ANNUAL GOAL' } },
  { name: 'goal no. / domain / baseline', labels: { block: 'ANNUAL GOALS', number: 'GOAL NO.', area: 'DOMAIN', baseline: 'BASELINE', goal: 'MEASURABLE ANNUAL GOAL' } },
];

describe('goal fields with labels printed above their values', () => {
  it.each(cases)('$name', async ({ labels }) => {
    const iep = extractIep(await labelsAbove(labels), 'labels-above');
    expect(iep.goals.map((g) => [g.number, g.area])).toEqual([[1, 'Reading Comprehension'], [2, 'Behavior']]);
    expect(iep.goals[0]).toMatchObject({ targetValue: 80, baselineValue: 40, targetDate: '2026-06-30' });
    expect(iep.goals[0].text).toMatch(/^By June 2026, given a fifth grade passage, Lena will answer/);
    expect(iep.goals[1]).toMatchObject({ baselineText: 'Lena left her seat 9 times per day.', direction: 'decrease' });
    expect(iep.goals[1].text).toMatch(/^By the end of the IEP year, during lessons, Lena will decrease/);
  });
});
