// A goal block whose last field is labelled "Evaluation:" alone (committee-report prints): the goal's
// text stops at that label, which says how the goal is measured.
import { describe, expect, it } from 'vitest';
import { extractIep } from '../../../main/core/extract/iep';
import { pagesFromPlainText } from '../../../main/core/extract/layout';

const BLOCKS = `
CEDAR FALLS INDEPENDENT SCHOOL DISTRICT
ARD COMMITTEE REPORT
Student: Jo Alvarez        Grade: 3
ARD Date: 10/14/2025       IEP Duration: 10/16/2025 to 10/15/2026

ANNUAL GOALS
Annual Goal 1 - Reading
Baseline: Jo read 52 words correct per minute on grade-level passages.
Goal: By 10/01/2026, given a grade-level passage, Jo will read 80 words correct per minute, as measured by fluency probes.
Evaluation: Fluency probes; reported each six weeks

Annual Goal 2 - Organization
Baseline: Jo often needs reminders to start and finish work.
Goal: Jo will become more organized in class, as measured by teacher observation.
Evaluation: Teacher observation; reported each six weeks
`;

describe('a goal block ending in an "Evaluation:" field', () => {
  it('ends each goal at the label', () => {
    const iep = extractIep(pagesFromPlainText(BLOCKS), 'ard');
    expect(iep.goals.map((g) => g.text)).toEqual([
      'By 10/01/2026, given a grade-level passage, Jo will read 80 words correct per minute, as measured by fluency probes.',
      'Jo will become more organized in class, as measured by teacher observation.',
    ]);
  });
});
