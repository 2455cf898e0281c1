// Chart maths for progress monitoring: aim line, trend lines, rate of improvement, projection.
// Time is measured in weeks (days / 7), the unit progress-monitoring tools report rates in.
//
// Which trend the charts show: Theil-Sen. The slope is the median of the slopes between every pair
// of points, so one bad probe (a sick day, a mis-scored passage) cannot tilt it, where one outlier
// can swing least squares a long way with the handful of points a progress report gives. Least
// squares is still computed and offered, because aimsweb and most district tools draw it.
import type { Direction } from '../domain';
import { linearRegression, median } from 'simple-statistics';
import { addDays, daysBetween, formatDisplayDate } from '../text/dates';

export interface DatedValue {
  date: string;
  value: number;
}

/** A straight line over time: value at anchorDate, change per week. */
export interface Line {
  anchorDate: string;
  anchorValue: number;
  ratePerWeek: number;
}

export interface AimLine extends Line {
  startDate: string;
  startValue: number;
  endDate: string;
  endValue: number;
}

export function weeksBetween(from: string, to: string): number {
  return daysBetween(from, to) / 7;
}

export function valueAt(line: Line, date: string): number {
  return line.anchorValue + line.ratePerWeek * weeksBetween(line.anchorDate, date);
}

/** The line from the baseline (value at its date) to the target (value at the target date). */
export function aimLine(baseline: DatedValue, target: DatedValue): AimLine {
  const weeks = weeksBetween(baseline.date, target.date);
  const ratePerWeek = weeks > 0 ? (target.value - baseline.value) / weeks : 0;
  return {
    anchorDate: baseline.date,
    anchorValue: baseline.value,
    ratePerWeek,
    startDate: baseline.date,
    startValue: baseline.value,
    endDate: target.date,
    endValue: target.value,
  };
}

function xs(points: DatedValue[], anchor: string): number[] {
  return points.map((p) => weeksBetween(anchor, p.date));
}

/** Ordinary least squares line through the points, anchored at the first date; null under 2 distinct dates. */
export function olsTrend(points: DatedValue[]): Line | null {
  if (points.length < 2) return null;
  const anchorDate = points.reduce((min, p) => (p.date < min ? p.date : min), points[0].date);
  const x = xs(points, anchorDate);
  if (x.every((v) => v === x[0])) return null;
  const { m, b } = linearRegression(x.map((v, i) => [v, points[i].value]));
  return { anchorDate, anchorValue: b, ratePerWeek: m };
}

/**
 * Theil-Sen line: slope = median of pairwise slopes (pairs on the same date skipped),
 * intercept = median of (value - slope * weeks) at the first date (Sen 1968).
 */
export function theilSenTrend(points: DatedValue[]): Line | null {
  if (points.length < 2) return null;
  const anchorDate = points.reduce((min, p) => (p.date < min ? p.date : min), points[0].date);
  const x = xs(points, anchorDate);
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (x[j] !== x[i]) slopes.push((points[j].value - points[i].value) / (x[j] - x[i]));
    }
  }
  if (!slopes.length) return null;
  const ratePerWeek = median(slopes);
  return { anchorDate, anchorValue: median(points.map((p, i) => p.value - ratePerWeek * x[i])), ratePerWeek };
}

/** Trend lines are drawn once there are this many data points, as progress-monitoring tools do. */
export const MIN_POINTS_FOR_TREND = 3;
/** Projections further out than this are reported as "not at this rate": a line is no forecast for a decade. */
const MAX_PROJECTION_YEARS = 5;

export interface Projection {
  /** The date the trend reaches the target; null when it does not ("not at this rate"). */
  date: string | null;
  label: string;
}

/**
 * When the trend reaches the target, direction-aware. A trend moving away from the target, flat,
 * or arriving more than MAX_PROJECTION_YEARS later gives "not at this rate".
 */
export function projectTargetDate(trend: Line, target: number, direction: Direction): Projection {
  const gap = target - trend.anchorValue;
  const wantUp = direction !== 'decrease';
  if ((wantUp && gap <= 0) || (!wantUp && gap >= 0)) return { date: trend.anchorDate, label: `target reached by ${formatDisplayDate(trend.anchorDate)}` };
  if (trend.ratePerWeek === 0 || Math.sign(trend.ratePerWeek) !== Math.sign(gap)) return { date: null, label: 'not at this rate' };
  const weeks = gap / trend.ratePerWeek;
  if (weeks > MAX_PROJECTION_YEARS * 52.18) return { date: null, label: 'not at this rate' };
  const date = addDays(trend.anchorDate, Math.round(weeks * 7));
  return { date, label: `projected ${formatDisplayDate(date)}` };
}

/** Points on the wrong side of the aim line: below it for a goal to increase, above it for one to decrease. */
export function pointsOffAim<T extends DatedValue>(points: T[], aim: Line, direction: Direction): T[] {
  return points.filter((p) => (direction === 'decrease' ? p.value > valueAt(aim, p.date) : p.value < valueAt(aim, p.date)));
}

export interface ProgressStats {
  aim: AimLine | null;
  ols: Line | null;
  theilSen: Line | null;
  /** The trend the charts show (Theil-Sen), null under MIN_POINTS_FOR_TREND points. */
  trend: Line | null;
  /** Rate of improvement per week from the shown trend, sign as measured. */
  ratePerWeek: number | null;
  /** Rate per week the aim line asks for. */
  rateNeededPerWeek: number | null;
  projection: Projection | null;
  pointsOffAim: number;
  /** The formula behind each computed number, for the "computed" marker's tooltip. */
  formulas: string[];
}

/** Everything a goal chart reports about its data: aim line, both trends, rates, projection, points off the aim line. */
export function progressStats(
  points: DatedValue[],
  baseline: DatedValue | null,
  target: DatedValue | null,
  direction: Direction,
): ProgressStats {
  const aim = baseline && target ? aimLine(baseline, target) : null;
  const enough = points.length >= MIN_POINTS_FOR_TREND;
  const ols = enough ? olsTrend(points) : null;
  const theilSen = enough ? theilSenTrend(points) : null;
  const trend = theilSen;
  const formulas = [
    'aim line: (target - baseline) / weeks from baseline date to target date',
    'trend: Theil-Sen, the median of the slopes between every pair of data points (per week)',
    'projection: date the trend line reaches the target',
  ];
  return {
    aim,
    ols,
    theilSen,
    trend,
    ratePerWeek: trend?.ratePerWeek ?? null,
    rateNeededPerWeek: aim?.ratePerWeek ?? null,
    projection: trend && target ? projectTargetDate(trend, target.value, direction) : null,
    pointsOffAim: aim ? pointsOffAim(points, aim, direction).length : 0,
    formulas,
  };
}
