// Wordings other districts' forms print for a service's dose, a data point and a date, in words of
// our own: each read into the figures the export gives.
import { describe, expect, it } from 'vitest';
import { parseServiceDose } from '../../../main/core/extract/iep-dose';
import { findDataPoints } from '../../../main/core/extract/progress-datapoints';
import { findDates } from '../../../shared/text/dates';
import { targetDateRuleOf } from '../../../shared/goals/timeframe';

describe('service doses', () => {
  it.each([
    ['45 minutes, 3 days/week', 135, null],
    ['20 min, 5 days per week', 100, null],
    ['Daily, 20 minutes', 100, null],
    ['Weekly - 30 minute sessions', 30, null],
    ['Monthly, 45 minutes', null, 45],
    ['1 session per week x 45 minutes', 45, null],
    ['60 minutes monthly', null, 60],
    ['2x weekly, 30 min', 60, null],
    // A total per period stays the total: the period word alone adds no session.
    ['120 minutes weekly', 120, null],
  ])('%s', (text, perWeek, perMonth) => {
    const dose = parseServiceDose(text);
    expect([dose.minutesPerWeek, dose.minutesPerMonth]).toEqual([perWeek, perMonth]);
  });
});

describe('data points after an abbreviated month', () => {
  const ctx = { periodStart: '2023-09-01', periodEnd: '2023-11-30', reportDate: '2023-12-05' };
  it.each([
    ['Sept. 28, 2023 - 41 wcpm', '2023-09-28', 41],
    ['Oct. 4, 2023: 3 of 5 opportunities', '2023-10-04', 60],
    ['Probe on Nov. 8 - 12 of 20 trials.', '2023-11-08', 60],
  ])('%s', (text, date, value) => {
    expect(findDataPoints(text, ctx).map((p) => [p.date, p.value])).toEqual([[date, value]]);
  });
});

describe('dates and target dates', () => {
  it('reads day-month-year dates as database exports print them', () => {
    expect(findDates('IEP 05-Oct-2022 through 04-OCT-23').map((d) => d.iso)).toEqual(['2022-10-05', '2023-10-04']);
    expect(findDates('Sept. 14, 2023').map((d) => d.iso)).toEqual(['2023-09-14']);
  });

  it('takes "by the end of this IEP" as due at the IEP\'s end, not "the end of the IEP meeting"', () => {
    expect(targetDateRuleOf('By the end of this IEP, Jo will read 90 wcpm.')).toEqual({ kind: 'iepEnd' });
    expect(targetDateRuleOf('By the end of the IEP meeting Jo will sign in.')).toBeNull();
  });
});
