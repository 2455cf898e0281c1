// Chart maths checked against values worked out by hand (the arithmetic is in the comments).
import { describe, expect, it } from 'vitest';
import {
  aimLine,
  olsTrend,
  pointsOffAim,
  progressStats,
  projectTargetDate,
  theilSenTrend,
  valueAt,
} from '../../../shared/timeline/stats';

// Weekly probes starting Monday 2024-01-01: weeks x = 0,1,2,3,4; the probe in week 3 is an outlier (30).
const probes = [
  { date: '2024-01-01', value: 10 },
  { date: '2024-01-08', value: 12 },
  { date: '2024-01-15', value: 14 },
  { date: '2024-01-22', value: 30 },
  { date: '2024-01-29', value: 18 },
];

describe('aim line', () => {
  it('runs from baseline to target at the rate the goal needs', () => {
    // 10 -> 62 over 364 days = 52 weeks: (62 - 10) / 52 = 1 per week; at week 4 (Jan 29) the aim is 10 + 4 = 14.
    const aim = aimLine({ date: '2024-01-01', value: 10 }, { date: '2024-12-30', value: 62 });
    expect(aim.ratePerWeek).toBeCloseTo(1, 10);
    expect(valueAt(aim, '2024-01-29')).toBeCloseTo(14, 10);
    expect(valueAt(aim, '2024-12-30')).toBeCloseTo(62, 10);
  });
});

describe('least squares trend', () => {
  it('is pulled toward the outlier', () => {
    // mean x = 2, mean y = 84/5 = 16.8; Sxx = 4+1+0+1+4 = 10;
    // Sxy = (-2)(-6.8) + (-1)(-4.8) + 0 + (1)(13.2) + (2)(1.2) = 13.6 + 4.8 + 13.2 + 2.4 = 34; slope = 3.4;
    // intercept at week 0 = 16.8 - 3.4 * 2 = 10.0.
    const line = olsTrend(probes)!;
    expect(line.ratePerWeek).toBeCloseTo(3.4, 10);
    expect(line.anchorValue).toBeCloseTo(10, 10);
  });

  it('has no line when every point is on one date, and takes two probes on a date as two points', () => {
    expect(olsTrend([{ date: '2024-01-01', value: 3 }, { date: '2024-01-01', value: 5 }])).toBeNull();
    expect(theilSenTrend([{ date: '2024-01-01', value: 3 }, { date: '2024-01-01', value: 5 }])).toBeNull();
    // x = 0, 0, 1 with y = 4, 6, 7: mean x = 1/3, mean y = 17/3; Sxx = 2/3; Sxy = (-1/3)(-5/3) + (-1/3)(1/3) + (2/3)(4/3) = 4/3;
    // slope 2, intercept 17/3 - 2/3 = 5. Theil-Sen skips the same-date pair: slopes 3, 1 -> 2; intercepts 4, 6, 5 -> 5.
    const twice = [
      { date: '2024-01-01', value: 4 },
      { date: '2024-01-01', value: 6 },
      { date: '2024-01-08', value: 7 },
    ];
    expect(olsTrend(twice)!.ratePerWeek).toBeCloseTo(2, 10);
    expect(olsTrend(twice)!.anchorValue).toBeCloseTo(5, 10);
    expect(theilSenTrend(twice)).toMatchObject({ ratePerWeek: 2, anchorValue: 5 });
  });
});

describe('Theil-Sen trend', () => {
  it('ignores the one outlier', () => {
    // Pairwise slopes: (0,1) 2, (0,2) 2, (0,3) 20/3, (0,4) 2, (1,2) 2, (1,3) 9, (1,4) 2, (2,3) 16, (2,4) 2, (3,4) -12.
    // Sorted: -12 2 2 2 2 2 2 6.67 9 16; median of 10 = mean of 5th and 6th = 2.
    // Intercept: median of y - 2x = 10, 10, 10, 24, 10 -> 10.
    const line = theilSenTrend(probes)!;
    expect(line.ratePerWeek).toBeCloseTo(2, 10);
    expect(line.anchorValue).toBeCloseTo(10, 10);
  });

  it('works out a decreasing behaviour trend', () => {
    // Incidents 12, 10, 9, 7 at weeks 0..3. Slopes: -2, -1.5, -5/3, -1, -1.5, -2; sorted -2 -2 -1.667 -1.5 -1.5 -1;
    // median = (-1.6667 - 1.5) / 2 = -1.58333. Intercepts y + 1.58333x: 12, 11.5833, 12.1667, 11.75 -> median (11.75 + 12) / 2 = 11.875.
    const line = theilSenTrend([
      { date: '2024-01-01', value: 12 },
      { date: '2024-01-08', value: 10 },
      { date: '2024-01-15', value: 9 },
      { date: '2024-01-22', value: 7 },
    ])!;
    expect(line.ratePerWeek).toBeCloseTo(-1.583333, 5);
    expect(line.anchorValue).toBeCloseTo(11.875, 10);
    // Reaching 2 incidents: (2 - 11.875) / -1.58333 = 6.2368 weeks = 43.66 days -> 44 days after Jan 1 = Feb 14, 2024.
    expect(projectTargetDate(line, 2, 'decrease')).toEqual({ date: '2024-02-14', label: 'projected Feb 14, 2024' });
  });
});

describe('projection', () => {
  it('dates the target at the current rate', () => {
    // Theil-Sen line 10 + 2/week; target 62 is 52 above: 26 weeks = 182 days after Jan 1, 2024 (leap year) = Jul 1, 2024.
    expect(projectTargetDate(theilSenTrend(probes)!, 62, 'increase').date).toBe('2024-07-01');
  });

  it('says "not at this rate" for a flat or backward trend', () => {
    const flat = theilSenTrend([{ date: '2024-01-01', value: 5 }, { date: '2024-01-08', value: 5 }, { date: '2024-01-15', value: 5 }])!;
    expect(projectTargetDate(flat, 20, 'increase')).toEqual({ date: null, label: 'not at this rate' });
    const falling = theilSenTrend([{ date: '2024-01-01', value: 9 }, { date: '2024-01-08', value: 8 }, { date: '2024-01-15', value: 7 }])!;
    expect(projectTargetDate(falling, 20, 'increase').date).toBeNull();
  });

  it('says "not at this rate" when the crossing is more than five years away', () => {
    // 0.1 per week toward a gap of 50: 500 weeks, about 9.6 years.
    const slow = { anchorDate: '2024-01-01', anchorValue: 10, ratePerWeek: 0.1 };
    expect(projectTargetDate(slow, 60, 'increase').date).toBeNull();
  });
});

describe('points off the aim line', () => {
  it('counts points below the aim for an increase goal and above it for a decrease goal', () => {
    // Aim 10 -> 62 at 1/week: aim values for weeks 0..4 are 10, 11, 12, 13, 14. A second series 9, 11, 11, 14, 13:
    // 9 < 10 and 11 < 12 and 13 < 14 are below (3); 11 = 11 and 14 > 13 are not.
    const aim = aimLine({ date: '2024-01-01', value: 10 }, { date: '2024-12-30', value: 62 });
    const values = [9, 11, 11, 14, 13].map((value, i) => ({ date: probes[i].date, value }));
    expect(pointsOffAim(values, aim, 'increase').map((p) => p.value)).toEqual([9, 11, 13]);
    // Decrease aim 12 -> 2 over 70 days (10 weeks) = -1/week; aim at weeks 0..4 = 12, 11, 10, 9, 8.
    // Incidents 12, 10, 9, 7, 9: only 9 at week 4 (aim 8) is above.
    const down = aimLine({ date: '2024-01-01', value: 12 }, { date: '2024-03-11', value: 2 });
    const incidents = [12, 10, 9, 7, 9].map((value, i) => ({ date: probes[i].date, value }));
    expect(pointsOffAim(incidents, down, 'decrease')).toEqual([{ date: '2024-01-29', value: 9 }]);
  });
});

describe('progress stats', () => {
  it('shows no trend under three points and the Theil-Sen trend from three', () => {
    const baseline = { date: '2024-01-01', value: 10 };
    const target = { date: '2024-12-30', value: 62 };
    const two = progressStats(probes.slice(0, 2), baseline, target, 'increase');
    expect(two.trend).toBeNull();
    expect(two.projection).toBeNull();
    expect(two.rateNeededPerWeek).toBeCloseTo(1, 10);
    const all = progressStats(probes, baseline, target, 'increase');
    expect(all.trend).toEqual(all.theilSen);
    expect(all.ratePerWeek).toBeCloseTo(2, 10);
    expect(all.ols!.ratePerWeek).toBeCloseTo(3.4, 10);
    expect(all.projection!.date).toBe('2024-07-01');
    // Aim values 10..14 for weeks 0..4 against 10, 12, 14, 30, 18: none below.
    expect(all.pointsOffAim).toBe(0);
  });
});
