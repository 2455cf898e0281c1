import { describe, expect, it } from 'vitest';
import { assessAmbition, checkGoal } from '../../../shared/goals/check';

const FLUENCY = 'By 06/01/2025, given a 3rd grade passage, Liam will read 90 words correct per minute in 3 of 4 trials.';

describe('checkGoal', () => {
  it('reports components, measurability and the target for a complete goal', () => {
    const r = checkGoal(FLUENCY);
    expect(r.components).toEqual({ condition: true, behavior: true, criterion: true, timeframe: true });
    expect(r.measurable).toBe(true);
    expect(r.targetValue).toBe(90);
    expect(r.unit).toBe('WCPM');
    expect(r.direction).toBe('increase');
    expect(r.baselineValue).toBeNull();
    expect(r.ambition).toBeUndefined();
  });

  it('explains every missing component of a vague goal', () => {
    const r = checkGoal('Sam will improve his behavior.');
    expect(r.measurable).toBe(false);
    expect(r.components).toEqual({ condition: false, behavior: false, criterion: false, timeframe: false });
    expect(r.reasons.filter((x) => /^No |not observable/.test(x))).toHaveLength(4);
  });

  it('computes growth needed per week against the observed rate (hand-computed)', () => {
    // 48 -> 90 WCPM from 2024-06-03 to 2025-06-02 (364 days = 52 weeks): 42 / 52 = 0.81 per week.
    const r = checkGoal('By 06/02/2025, given a 3rd grade passage, Liam will read 90 WCPM.', {
      baselineValue: 48, baselineDate: '2024-06-03', observedRatePerWeek: 0.3,
    });
    expect(r.ambition?.neededPerWeek).toBeCloseTo(0.81, 2);
    expect(r.ambition?.verdict).toBe('requires_acceleration');
    expect(r.ambition?.reason).toMatch(/2.69 times/);
  });

  it('calls a target the child will pass anyway modest, and one at the current rate attainable', () => {
    const goal = 'By 06/02/2025, given a 3rd grade passage, Liam will read 90 WCPM.';
    const opts = { baselineValue: 48, baselineDate: '2024-06-03' };
    expect(checkGoal(goal, { ...opts, observedRatePerWeek: 1.5 }).ambition?.verdict).toBe('modest');
    expect(checkGoal(goal, { ...opts, observedRatePerWeek: 0.8 }).ambition?.verdict).toBe('ambitious_attainable');
    expect(checkGoal(goal, { ...opts, observedRatePerWeek: 0 }).ambition?.verdict).toBe('no_growth_observed');
    expect(checkGoal(goal, opts).ambition?.verdict).toBe('rate_unknown');
  });

  it('flags a target at or below the baseline, direction-aware', () => {
    const up = checkGoal('By 10/09/2024, Mateo will solve 2-digit problems with 75% accuracy on 3 of 4 probes.', { baselineValue: 85 });
    expect(up.ambition?.verdict).toBe('target_not_beyond_baseline');
    const down = checkGoal('By 06/01/2025, during class, Jack will reduce outbursts from 2 to 4 incidents per week.');
    expect(down.direction).toBe('decrease');
    expect(down.baselineValue).toBe(2);
    expect(down.ambition?.verdict).toBe('target_not_beyond_baseline');
  });

  it('treats a decrease goal\'s falling data as growth toward the target', () => {
    const r = assessAmbition({ baseline: 10, target: 2, direction: 'decrease', baselineDate: '2025-01-06', targetDate: '2025-03-03', observedPerWeek: -1, unit: 'incidents per week' });
    // 8 weeks to lose 8 incidents: -1 per week needed, -1 per week observed.
    expect(r.neededPerWeek).toBe(-1);
    expect(r.verdict).toBe('ambitious_attainable');
  });

  it('cannot assess growth per week without dates', () => {
    expect(checkGoal('Given a passage, Liam will read 90 WCPM within one year.', { baselineValue: 50 }).ambition?.verdict).toBe('cannot_assess');
  });
});
