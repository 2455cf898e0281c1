// The next annual review and reevaluation come from one function over the computed deadlines: the
// overview shows the dates the Deadlines section lists. Dates across month ends and leap years through
// the real rules and day counting; then the overview and the deadlines of a real case (a dev-rivera IEP
// imported into a real SQLite store) agree to the day.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../shared/deadlines/compute';
import { deriveCaseEvents, type CaseFacts } from '../../../shared/deadlines/derive';
import { DEADLINE_RULES } from '../../../shared/deadlines/rules';
import type { Jurisdiction } from '../../../shared/deadlines/types';
import { nextReviewDates } from '../../../shared/review-dates';
import { createCase } from '../../../main/core/cases';
import { caseDeadlines } from '../../../main/core/deadlines/service';
import { importOne } from '../../../main/core/documents/import';
import { extractAndStore } from '../../../main/core/pipeline';
import { overviewOf } from '../../../main/core/timeline/service';
import { testCore } from '../../support/core';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';

function datesOf(facts: Omit<CaseFacts, 'today'>, state: Jurisdiction | null = null, today = '2026-11-23') {
  const deadlines = computeDeadlines(deriveCaseEvents({ ...facts, today }), DEADLINE_RULES, { state, calendar: null, today });
  return nextReviewDates(deadlines);
}
const iep = (meetingDate: string, type: 'initial' | 'annual' | 'reevaluation' | 'amendment' = 'annual') => ({ id: `iep-${meetingDate}`, meetingDate, type });
const evaluation = (date: string) => ({ id: `eval-${date}`, date });

describe('next annual review and reevaluation', () => {
  it('is the anniversary of the latest meeting and three years from the latest evaluation, across month ends and leap years', () => {
    const cases: Array<[string, string, string, string]> = [
      // meeting, evaluation, annual review due, reevaluation due
      ['2024-02-29', '2024-02-29', '2025-02-28', '2027-02-28'],
      ['2023-02-28', '2021-02-28', '2024-02-28', '2024-02-28'],
      ['2023-03-01', '2021-03-01', '2024-03-01', '2024-03-01'],
      ['2024-01-31', '2022-08-31', '2025-01-31', '2025-08-31'],
      ['2023-12-31', '2023-12-31', '2024-12-31', '2026-12-31'],
      ['2024-10-08', '2020-02-29', '2025-10-08', '2023-02-28'],
    ];
    for (const [meeting, evaluated, annual, reeval] of cases) {
      for (const state of [null, 'CA', 'MO'] as const) {
        expect(datesOf({ ieps: [iep(meeting)], evaluations: [evaluation(evaluated)] }, state), `${meeting} / ${evaluated} in ${state ?? 'US'}`).toEqual({ nextAnnualReview: annual, nextReevaluation: reeval });
      }
    }
  });

  it('counts from the latest meeting held, whatever order the IEPs come in; an amendment does not restart the clock', () => {
    expect(datesOf({ ieps: [iep('2024-02-29'), iep('2022-10-12', 'initial'), iep('2023-03-15')] }).nextAnnualReview).toBe('2025-02-28');
    expect(datesOf({ ieps: [iep('2023-10-10'), iep('2024-01-31', 'amendment')] }).nextAnnualReview).toBe('2024-10-10');
    // A meeting after today has not happened: the clock still runs from the last one held.
    expect(datesOf({ ieps: [iep('2025-10-08'), iep('2026-12-01')] }, null, '2026-11-23').nextAnnualReview).toBe('2026-10-08');
    expect(datesOf({ ieps: [] })).toEqual({ nextAnnualReview: null, nextReevaluation: null });
  });
});

describeRivera('the overview and the Deadlines section agree', () => {
  it('on a real case the overview shows the annual review and reevaluation the deadlines list has, to the day', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Mateo Rivera', state: 'CA' });
    for (const file of ['Rivera_Mateo_IEP_Initial_2022-10-12.pdf', 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf']) {
      const bytes = readFileSync(path.join(RIVERA_DOCS, file));
      const [r] = await importOne(core, c.id, { fileName: file, source: file, read: () => new Uint8Array(bytes) });
      extractAndStore(core, r!.documentId!);
    }
    const overview = overviewOf(core, c.id);
    const deadlines = caseDeadlines(core, c.id);
    const annual = deadlines.filter((d) => d.title === 'Annual IEP review').sort((a, b) => b.triggerEvent.date.localeCompare(a.triggerEvent.date))[0]!;
    expect(annual.triggerEvent.date).toBe('2023-10-10');
    expect(overview.nextAnnualReview).toBe(annual.dueDate);
    expect(overview.nextAnnualReview).toBe('2024-10-10');
    expect({ nextAnnualReview: overview.nextAnnualReview, nextReevaluation: overview.nextReevaluation }).toEqual(nextReviewDates(deadlines));
    await core.close();
  });
});
