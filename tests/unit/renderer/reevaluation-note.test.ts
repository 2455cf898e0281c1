// The overview's reevaluation date says what it is counted from, and with no evaluation or initial IEP
// on file it is the date the latest IEP prints rather than a dash. Deadlines through the real rules.
import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../shared/deadlines/compute';
import { deriveCaseEvents, type CaseFacts } from '../../../shared/deadlines/derive';
import { DEADLINE_RULES } from '../../../shared/deadlines/rules';
import { nextReviewDates, reevaluationNote } from '../../../shared/review-dates';

const today = '2026-11-23';
const deadlinesOf = (facts: Omit<CaseFacts, 'today'>) => computeDeadlines(deriveCaseEvents({ ...facts, today }), DEADLINE_RULES, { state: null, calendar: null, today });
const iep = (meetingDate: string, type: 'initial' | 'annual') => ({ id: `iep-${meetingDate}`, meetingDate, type });

describe('the reevaluation date and its note', () => {
  it('counts three years from the last evaluation and names it', () => {
    const d = deadlinesOf({ ieps: [iep('2024-10-08', 'annual')], evaluations: [{ id: 'e1', date: '2023-09-21' }] });
    expect(nextReviewDates(d).nextReevaluation).toBe('2026-09-21');
    expect(reevaluationNote(d)).toBe('Counted from Evaluation Sep 21, 2023.');
  });

  it('without an evaluation report, counts from the initial IEP and says so', () => {
    const d = deadlinesOf({ ieps: [iep('2022-10-12', 'initial'), iep('2023-10-10', 'annual')] });
    expect(nextReviewDates(d).nextReevaluation).toBe('2025-10-12');
    expect(reevaluationNote(d)).toBe('Counted from the eligibility at the initial IEP Oct 12, 2022: no evaluation report on file.');
  });

  it('with neither, takes the date the latest IEP prints, and without that says what is missing', () => {
    const d = deadlinesOf({ ieps: [iep('2024-10-08', 'annual')] });
    const printed = { date: '2025-04-01', iepDate: '2024-10-08' };
    expect(nextReviewDates(d).nextReevaluation).toBeNull();
    expect(nextReviewDates(d, printed).nextReevaluation).toBe('2025-04-01');
    expect(reevaluationNote(d, printed)).toBe('As printed on the IEP of Oct 8, 2024: no evaluation report or initial IEP on file to count from.');
    expect(reevaluationNote(d)).toBe('No evaluation report or initial IEP on file to count from.');
  });
});
