// Goals of shapes issue 14 names: counts inside the behaviour, ranges used as adjectives, "maintain"
// that is not a level, relative timeframes counted from the IEP, conditions without "given", and a
// behaviour after a list mark. Composed here, not taken from any fixture.
import { describe, expect, it } from 'vitest';
import { checkGoal } from '../../../shared/goals/check';
import { parseGoalSentence } from '../../../shared/goals/parse';
import { resolveTargetDate, targetDateOf, targetDateRuleOf } from '../../../shared/goals/timeframe';

describe('the target is the mastery criterion, never a count inside the behaviour', () => {
  it.each([
    ['By 05/2026, given a prompt, Lena will write a paragraph citing 2 pieces of evidence with 80% accuracy.', 80, /percent accuracy/],
    ['Given a picture, Omar will speak in 3-4 word sentences in 4 of 5 trials.', 80, /percent of trials/],
    ['Given a topic, Rosa will write a 5-sentence paragraph scoring 3 on a 4-point rubric.', 3, /rubric/],
    ['Given a prompt, Rosa will write at least 5 complete sentences with 90% accuracy in capitalization.', 5, /complete sentences/],
  ])('%s', (text, target, unit) => {
    const p = parseGoalSentence(text);
    expect(p.targetValue).toBe(target);
    expect(p.unit).toMatch(unit);
  });

  it('takes the target from a criterion printed apart from the sentence', () => {
    const p = parseGoalSentence('Given a grade-level passage, Eli will read aloud with accuracy and fluency.', { criteria: 'Increase from 41 to 66 wcpm over 3 consecutive probes', schedule: 'Biweekly; through March 2027' });
    expect(p).toMatchObject({ targetValue: 66, unit: 'WCPM', baselineValue: 41, targetDate: '2027-03-31', direction: 'increase', measurable: true });
    const down = parseGoalSentence('During small-group work, Eli will decrease calling out.', { criteria: 'Decrease from 12 to 3 call-outs per class period' });
    expect(down).toMatchObject({ targetValue: 3, direction: 'decrease' });
  });
});

describe('direction', () => {
  it('is maintain only when the measured level is kept', () => {
    expect(parseGoalSentence('Given math probes, Ivy will maintain 90% accuracy on addition facts.').direction).toBe('maintain');
    expect(parseGoalSentence('During recess, Ivy will initiate and maintain a conversation with a peer for 3 exchanges in 4 of 5 opportunities.').direction).toBe('increase');
  });
});

describe('timeframes', () => {
  it('reads month-only dates as the last day of the month', () => {
    expect(targetDateOf('Every two weeks; by 02/2028')).toBe('2028-02-29');
    expect(targetDateOf('Monthly, through November 2026')).toBe('2026-11-30');
    expect(targetDateOf('By December 3, 2026, Sam will')).toBe('2026-12-03');
  });

  it('counts relative timeframes from the IEP', () => {
    expect(resolveTargetDate(targetDateRuleOf('In six months, given sight words, Sam will read 40 words.')!, '2025-09-15', '2026-09-14')).toBe('2026-03-15');
    expect(resolveTargetDate(targetDateRuleOf('Within 9 weeks, Sam will turn in 80% of assignments.')!, '2025-09-15', null)).toBe('2025-11-17');
    expect(resolveTargetDate(targetDateRuleOf('By January, Sam will read 60 WCPM.')!, '2025-09-15', null)).toBe('2026-01-31');
    expect(resolveTargetDate(targetDateRuleOf('By the next ARD, Sam will solve 8 of 10 problems.')!, '2025-09-15', '2026-09-14')).toBe('2026-09-14');
    expect(resolveTargetDate(targetDateRuleOf('By the end of the IEP year, Sam will read 90 WCPM.')!, '2025-09-15', '2026-09-14')).toBe('2026-09-14');
  });

  it('keeps the written date apart from a relative one: the goal states none', () => {
    const p = parseGoalSentence('In one month, during recess, Sam will take turns in 4 of 5 games.');
    expect(p.targetDate).toBeNull();
    expect(p.targetDateRule).toEqual({ kind: 'after', months: 1, days: 0 });
    expect(p.components.timeframe).toBe(true);
  });
});

describe('goal-check uses the same parser', () => {
  it('finds conditions introduced without "given" and a behaviour after a list mark', () => {
    expect(checkGoal('Within 9 weeks, when supported in organizing his materials, Sam will turn in 80% of assignments.').components).toEqual({ condition: true, behavior: true, criterion: true, timeframe: true });
    expect(checkGoal('During recess, Sam will: 1) greet 2 peers per lunch period by 06/01/2026.').components.behavior).toBe(true);
  });

  it('resolves a relative timeframe from the dates it is given', () => {
    const check = checkGoal('In six months, given a list of sight words, Sam will read 40 words correctly.', { baselineDate: '2025-09-15', baselineValue: 20 });
    expect(check.targetDate).toBe('2026-03-15');
    expect(check.ambition?.neededPerWeek).toBeGreaterThan(0);
  });
});
