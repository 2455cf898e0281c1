// How the red-flag rules compare a goal's numbers: criteria on one scale (a "4 of 5 trials" target
// is 80 percent when the data are percentages), data points only in a unit that can be compared
// with the goal's, points repeated by cumulative report grids counted once, "worse" in the goal's
// own direction, and the aim line held at the target once the target date has passed.
import type { Direction } from '../domain';
import type { CaseGoal, CaseIep, GoalDataPoint } from './model';
import { baselineDate, targetDate } from './chart-data';
import { canonicalUnit } from './similarity';
import { type AimLine, aimLine, valueAt } from './stats';

/** A criterion counted in trials: "4 out of 5 trials", "4/5 opportunities". */
const TRIALS_RATIO = /\b(\d{1,2})\s*(?:out\s+of|of|\/)\s*(\d{1,2})\s+(?:consecutive\s+)?(?:trials?|opportunit(?:y|ies)|attempts?)\b/i;

/** Canonical units that measure the same kind of thing; a percentage never compares with a count. */
const FAMILY: Record<string, string> = {
  percent: 'percent', percent_intervals: 'percent', trials: 'trials', wcpm: 'rate', wpm: 'rate', rubric: 'rubric', count: 'count', duration: 'duration',
};

export interface GoalScale {
  /** Canonical unit of baseline and target below (null when the goal names none). */
  unit: string | null;
  baseline: number | null;
  target: number | null;
  /** Trials per criterion when the goal counts trials ("4 of 5 trials" -> 5): counts are then read as percentages. */
  trialsOf: number | null;
}

/** Baseline and target on one scale: a count of trials becomes the percentage of trials it stands for. */
export function goalScale(goal: Pick<CaseGoal, 'unit' | 'baselineValue' | 'targetValue' | 'text'>): GoalScale {
  const unit = canonicalUnit(goal.unit);
  const ratio = unit === 'trials' ? TRIALS_RATIO.exec(goal.text) : null;
  if (ratio && goal.targetValue != null && Number(ratio[1]) === goal.targetValue && Number(ratio[2]) > 0) {
    const of = Number(ratio[2]);
    const asPercent = (v: number | null) => (v == null ? null : v <= of ? (100 * v) / of : v);
    return { unit: 'percent', baseline: asPercent(goal.baselineValue), target: (100 * goal.targetValue) / of, trialsOf: of };
  }
  return { unit, baseline: goal.baselineValue, target: goal.targetValue, trialsOf: null };
}

/** The unit to print after values on the goal's scale ("percent of trials" once trials are read as percentages). */
export function scaleUnitLabel(goal: Pick<CaseGoal, 'unit'>, scale: GoalScale): string {
  if (scale.trialsOf) return ' percent of trials';
  return goal.unit ? ` ${goal.unit}` : '';
}

function family(unit: string | null): string | null {
  return unit ? FAMILY[unit] ?? 'other' : null;
}

/** A data point's value on the goal's scale, or null when its unit cannot be compared with the goal's. */
export function valueOnScale(scale: GoalScale, point: Pick<GoalDataPoint, 'value' | 'unit'>): number | null {
  const unit = canonicalUnit(point.unit);
  if (!unit || !scale.unit || unit === scale.unit) return point.value;
  if (unit === 'trials' && scale.trialsOf) return (100 * point.value) / scale.trialsOf;
  const [a, b] = [family(unit), family(scale.unit)];
  if (a === b) return point.value;
  // Units written differently ("sentences", "complete sentences") still compare; a percentage and a count never do.
  if (a === 'percent' || b === 'percent') return null;
  return a === 'other' || b === 'other' ? point.value : null;
}

/** Points on the goal's scale, each date and value once (cumulative grids reprint earlier periods), oldest first. */
export function scaledPoints(scale: GoalScale, points: GoalDataPoint[]): GoalDataPoint[] {
  const seen = new Set<string>();
  const out: GoalDataPoint[] = [];
  for (const p of points) {
    const value = valueOnScale(scale, p);
    if (value == null) continue;
    const key = `${p.date}|${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...p, value });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Whether a value is worse than a reference in the goal's direction; a goal to maintain a level is not judged. */
export function worseThan(value: number, reference: number, direction: Direction): boolean {
  if (direction === 'maintain') return false;
  return direction === 'decrease' ? value > reference : value < reference;
}

/** The aim line from the baseline (at its date) to the target (at the target date), on the goal's scale. */
export function goalAimLine(goal: CaseGoal, iep: CaseIep | undefined, scale: GoalScale): AimLine | null {
  const base = baselineDate(goal, iep).date;
  const end = targetDate(goal, iep);
  if (scale.baseline == null || scale.target == null || !base || !end || end <= base) return null;
  return aimLine({ date: base, value: scale.baseline }, { date: end, value: scale.target });
}

/** The aim line's value on a date, held at the baseline before it starts and at the target after it ends. */
export function aimValueAt(aim: AimLine, date: string): number {
  if (date <= aim.startDate) return aim.startValue;
  if (date >= aim.endDate) return aim.endValue;
  return valueAt(aim, date);
}

/** Whether a point is on or beyond the aim line in the goal's direction. */
export function meetsAim(aim: AimLine, point: { date: string; value: number }, direction: Direction): boolean {
  const aimValue = aimValueAt(aim, point.date);
  return direction === 'decrease' ? point.value <= aimValue : point.value >= aimValue;
}
