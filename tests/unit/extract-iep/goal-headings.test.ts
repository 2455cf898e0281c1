// Goal headings in other styles ("MEASURABLE ANNUAL GOAL: Goal Number: 1", "# 2 MEASURABLE ANNUAL
// GOAL"), goal text that stops at the next field label, a baseline only in the present levels, a
// timeframe counted from the IEP, and service doses written as "N min x K, totaling M min weekly".
import { describe, expect, it } from 'vitest';
import { extractIep } from '../../../main/core/extract/iep';
import { pagesFromPlainText } from '../../../main/core/extract/layout';

const HEADED = `
INDIVIDUALIZED EDUCATION PROGRAM
Student: Kim Ortega          Grade: 4
Meeting Date: 11/18/2025     Type: Annual
IEP Start Date: 11/20/2025   IEP End Date: 11/19/2026

PRESENT LEVEL OF PERFORMANCE
Writing: Kim's paragraphs scored 1 on the 4-point district rubric (10/2025).
Social: Kim keeps a conversation going for 1 exchange with peers at recess.

MEASURABLE ANNUAL GOAL: Goal Number: 1
Area: Written Language
By 03/2026, given a graphic organizer, Kim will write a 5-sentence paragraph scoring 3 on a 4-point rubric, as measured
by writing samples.
Person(s) responsible: Special education teacher
Enables student to: participate in general education writing tasks.

# 2 MEASURABLE ANNUAL GOAL
During recess, Kim will initiate and maintain a conversation with a peer for 3 exchanges in 4 of 5 opportunities by
the next annual review.
Baseline: 1 exchange per conversation (11/2025 observations)

SERVICES
Specialized instruction in writing: 30 min x 3, totaling 90 min weekly, in the resource room.
Social skills group 3 times weekly, 40 minutes, in the counselor's office.
`;

describe('goal headings in other styles', () => {
  it('finds each goal under its heading, ends its text at the next label and reads its parts', () => {
    const iep = extractIep(pagesFromPlainText(HEADED), 'headed');
    expect(iep.goals.map((g) => g.number)).toEqual([1, 2]);
    const [g1, g2] = iep.goals;
    expect(g1.text).toBe('By 03/2026, given a graphic organizer, Kim will write a 5-sentence paragraph scoring 3 on a 4-point rubric, as measured by writing samples.');
    expect(g1).toMatchObject({ area: 'Written Language', targetValue: 3, baselineValue: 1, targetDate: '2026-03-31', direction: 'increase', measurable: true });
    expect(g1.unit).toMatch(/rubric/);
    expect(g2.text).toMatch(/^During recess, Kim will initiate and maintain a conversation .* by the next annual review\.$/);
    expect(g2).toMatchObject({ targetValue: 3, unit: 'exchanges', baselineValue: 1, direction: 'increase', targetDate: '2026-11-19', impliedTargetDate: '2026-11-19' });
    expect(iep.services.map((s) => [s.service, s.minutesPerSession, s.sessionsPerPeriod, s.minutesPerWeek])).toEqual([
      ['Specialized instruction in writing', 30, 3, 90],
      ['Social skills group', 40, 3, 120],
    ]);
  });
});
