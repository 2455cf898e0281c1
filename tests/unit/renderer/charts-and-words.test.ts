// The look of numbers and dates on screen: a percent axis stops at 100, the app draws one title per
// chart, dates read "Oct 10, 2023" (computed texts included), and the goal check quotes the goal.
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../../shared/domain';
import { checkGoal } from '../../../shared/goals/check';
import { formatDisplayDate } from '../../../shared/text/dates';
import { isPercentUnit, valueAxisBounds } from '../../../shared/timeline/axis';
import { goalChartOption } from '../../../shared/timeline/chart';
import type { ChartSegment, GoalChartData } from '../../../shared/timeline/chart-data';
import { progressStats } from '../../../shared/timeline/stats';
import { untitledOption } from '../../../shared/timeline/untitled';
import { compactOption } from '../../../renderer/src/components/charts/chartData';

const source = { documentId: 'doc-1', page: 1, bbox: null };

function segment(unit: string, baseline: number, target: number, values: number[], direction: Direction = 'increase'): ChartSegment {
  const points = values.map((value, i) => ({ date: `2024-${String(i + 2).padStart(2, '0')}-15`, value, source, sourceLabel: 'Progress report' }));
  const b = { date: '2023-10-10', value: baseline, source, sourceLabel: 'IEP', estimatedDate: false };
  const t = { date: '2024-10-09', value: target };
  return { goalId: 'g1', iepId: 'i1', phaseLabel: `IEP Oct 10, 2023 (${unit})`, phaseStart: '2023-10-10', baseline: b, target: t, direction, points, stats: progressStats(points, b, t, direction) };
}

function chart(unit: string, baseline: number, target: number, values: number[]): GoalChartData {
  return { lineageId: 'l1', title: 'Math Calculation', unit, segments: [segment(unit, baseline, target, values)], omittedGoalIds: [] };
}

function yAxis(option: unknown): { min?: number; max?: number; name?: string } {
  return (option as { yAxis: { min?: number; max?: number; name?: string } }).yAxis;
}

describe('the value axis', () => {
  it('stops a percent axis at 100, in the goal’s own unit, even when the data and target come near it', () => {
    const option = goalChartOption(chart('percent accuracy', 85, 95, [88, 97, 99]));
    expect(yAxis(option)).toMatchObject({ min: 0, max: 100, name: 'percent accuracy' });
    expect(valueAxisBounds('% of intervals', [40, 80])).toEqual({ min: 0, max: 100 });
  });

  it('leaves other units to the chart’s own rounding, and a percent whose data pass 100 unbounded above', () => {
    const wcpm = goalChartOption(chart('WCPM', 48, 90, [52, 60, 63]));
    expect(yAxis(wcpm).max).toBeUndefined();
    expect(yAxis(wcpm).name).toBe('WCPM');
    expect(valueAxisBounds('percent of baseline', [80, 130])).toEqual({ min: 0 });
    expect(isPercentUnit('words correct per minute')).toBe(false);
    expect(isPercentUnit('percent of opportunities')).toBe(true);
  });
});

describe('one title per chart in the app', () => {
  it('drops the chart’s own title under the section’s heading, keeps the trend summary and moves the plot up', () => {
    const option = goalChartOption(chart('WCPM', 48, 90, [52, 60, 63])) as { title: { text: string; subtext: string }; grid: { top: number } };
    const drawn = untitledOption(option) as typeof option;
    expect(option.title.text).toBe('Math Calculation');
    expect(drawn.title.text).toBe('');
    expect(drawn.title.subtext).toBe(option.title.subtext);
    expect(drawn.grid.top).toBeLessThan(option.grid.top);
    const small = untitledOption(compactOption(option)) as { title: { show?: boolean } };
    expect(small.title.show).toBe(false);
  });
});

describe('dates on screen', () => {
  it('read "Oct 10, 2023", with a dash for none', () => {
    expect(formatDisplayDate('2023-10-10')).toBe('Oct 10, 2023');
    expect(formatDisplayDate('2024-02-29T12:00:00Z')).toBe('Feb 29, 2024');
    expect(formatDisplayDate(null)).toBe('—');
  });

  it('in the projection a chart’s computed marker explains', () => {
    const s = segment('WCPM', 48, 90, [52, 60, 66, 70]);
    expect(s.stats.projection?.label).toMatch(/^projected [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  });
});

describe('the goal check quotes the goal', () => {
  const goal = 'By 10/09/2024, when given an unfamiliar 3rd grade level passage, Mateo will read aloud at a rate of 90 words correct per minute (WCPM).';

  it('its own condition and the baseline it used, not example text', () => {
    const check = checkGoal(goal, { baselineValue: 61, baselineDate: '2023-10-10' });
    expect(check.conditionText).toBe('when given an unfamiliar 3rd grade level passage');
    expect(check.baselineUsed).toBe(61);
    expect(check.baselineValue).toBeNull();
  });

  it('counts weeks in whole weeks', () => {
    const check = checkGoal(goal, { baselineValue: 61, baselineDate: '2023-10-10', observedRatePerWeek: 0.1 });
    expect(check.ambition?.reason).toMatch(/in \d+ weeks needs/);
  });
});

describe('one title per chart in the packet', () => {
  it('draws the packet chart without its own title: the packet heads it', async () => {
    const { renderChartSvg } = await import('../../../main/core/timeline/svg');
    const option = goalChartOption(chart('WCPM', 48, 90, [52, 60, 63]));
    const titled = renderChartSvg(option, { width: 640, height: 320 });
    const drawn = renderChartSvg(untitledOption(option), { width: 640, height: 320 });
    expect(titled).toContain('Math Calculation');
    expect(drawn).not.toContain('Math Calculation');
    expect(drawn).toContain('WCPM');
  });
});
