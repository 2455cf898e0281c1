// What a goal chart shows, gathered from the case model: one segment per goal of a lineage (its
// IEP phase), each with baseline, target, data points and the computed progress statistics.
import type { Direction, Provenance } from '../domain';
import { findDates, formatDisplayDate, isoDate } from '../text/dates';
import type { GoalLineage } from './lineage';
import { effectiveDirection } from './lineage';
import {
  type CaseGoal,
  type CaseIep,
  type CaseModel,
  dataPointsByGoal,
  goalById,
  iepById,
  iepStart,
} from './model';
import { canonicalUnit, gradeLevelFromText } from './similarity';
import { type ProgressStats, progressStats } from './stats';
import { addDays, daysBetween } from '../text/dates';
import { type NormBands, normBands } from '../norms/bands';
import { ORF_HASBROUCK_TINDAL_2017 } from '../norms/orf-hasbrouck-tindal-2017';

export interface ChartPoint {
  date: string;
  value: number;
  source: Provenance;
  /** "Progress report Jun 5, 2024" or the file name: where the point was read. */
  sourceLabel: string;
}

export interface ChartSegment {
  goalId: string;
  iepId: string;
  /** "Annual IEP Oct 10, 2023". */
  phaseLabel: string;
  phaseStart: string | null;
  baseline: (ChartPoint & { estimatedDate: boolean }) | null;
  target: { date: string; value: number } | null;
  direction: Direction;
  points: ChartPoint[];
  stats: ProgressStats;
}

export interface GoalChartData {
  lineageId: string;
  title: string;
  unit: string | null;
  segments: ChartSegment[];
  /** Goals of the lineage measured in another unit than the latest, left off the chart (one axis, one unit). */
  omittedGoalIds: string[];
  /** Peers' percentile lines for a measure with published norms (oral reading fluency), over the chart's span. */
  norms?: NormBands | null;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A baseline measured more than this long before the IEP starts is dated at the IEP start instead (likely misread). */
const MAX_BASELINE_LEAD_DAYS = 200;

/**
 * The date a baseline was measured: a full date in its text, else "09/2022" or "September 2022"
 * read as the middle of that month, else the IEP start. The chart marks estimated dates as such.
 */
export function baselineDate(goal: CaseGoal, iep: CaseIep | undefined): { date: string | null; estimated: boolean } {
  const start = iep ? iepStart(iep) : null;
  const text = goal.baselineText ?? '';
  let found: string | null = findDates(text)[0]?.iso ?? null;
  if (!found) {
    const numeric = /\b(\d{1,2})\/(\d{4})\b/.exec(text);
    const named = new RegExp(`\\b(${MONTH_NAMES.join('|')})\\s+(\\d{4})\\b`, 'i').exec(text);
    if (numeric) found = isoDate(+numeric[2], +numeric[1], 15);
    else if (named) found = isoDate(+named[2], MONTH_NAMES.indexOf(named[1].toLowerCase()) + 1, 15);
  }
  if (found && start && (found > start || daysBetween(found, start) > MAX_BASELINE_LEAD_DAYS)) found = null;
  if (found) return { date: found, estimated: false };
  return { date: start, estimated: true };
}

/** The goal's target date, else the date its relative timeframe names, else the IEP's end, else a year after it started. */
export function targetDate(goal: CaseGoal, iep: CaseIep | undefined): string | null {
  if (goal.targetDate) return goal.targetDate;
  if (goal.impliedTargetDate) return goal.impliedTargetDate;
  if (iep?.endDate) return iep.endDate;
  const start = iep ? iepStart(iep) : null;
  return start ? addDays(start, 364) : null;
}

function phaseLabel(iep: CaseIep | undefined): string {
  if (!iep) return 'IEP';
  const kind = iep.type ? `${iep.type[0].toUpperCase()}${iep.type.slice(1)} IEP` : 'IEP';
  return `${kind} ${formatDisplayDate(iep.meetingDate ?? iepStart(iep))}`;
}

/** Chart data for one goal (a lineage of one) or a whole lineage. */
export function lineageChartData(model: CaseModel, lineage: Pick<GoalLineage, 'id' | 'goalIds' | 'label'>): GoalChartData {
  const goals = goalById(model);
  const ieps = iepById(model);
  const pointsByGoal = dataPointsByGoal(model);
  const docs = new Map(model.documents.map((d) => [d.id, d] as const));
  const lineageGoals = lineage.goalIds.map((id) => goals.get(id)).filter((g): g is CaseGoal => !!g);
  const last = lineageGoals[lineageGoals.length - 1];
  const unit = last?.unit ?? null;
  const sameAxis = (g: CaseGoal) => !unit || !g.unit || canonicalUnit(g.unit) === canonicalUnit(unit);
  const sourceLabel = (documentId: string) => {
    const doc = docs.get(documentId);
    if (!doc) return documentId;
    return doc.type === 'progress_report' && doc.date ? `Progress report ${formatDisplayDate(doc.date)}` : doc.fileName;
  };
  const segments = lineageGoals.filter(sameAxis).map((goal): ChartSegment => {
    const iep = ieps.get(goal.iepId);
    const direction = effectiveDirection(goal);
    const base = baselineDate(goal, iep);
    const baseline = goal.baselineValue != null && base.date
      ? { date: base.date, value: goal.baselineValue, source: goal.source, sourceLabel: sourceLabel(goal.documentId), estimatedDate: base.estimated }
      : null;
    const end = targetDate(goal, iep);
    const target = goal.targetValue != null && end ? { date: end, value: goal.targetValue } : null;
    const points = (pointsByGoal.get(goal.id) ?? []).map((p) => ({ date: p.date, value: p.value, source: p.source, sourceLabel: sourceLabel(p.reportDocumentId) }));
    return {
      goalId: goal.id,
      iepId: goal.iepId,
      phaseLabel: phaseLabel(iep),
      phaseStart: iep ? iepStart(iep) : null,
      baseline,
      target,
      direction,
      points,
      stats: progressStats(points, baseline, target, direction),
    };
  });
  return {
    lineageId: lineage.id,
    title: lineage.label || last?.area || 'Goal',
    unit,
    segments,
    omittedGoalIds: lineageGoals.filter((g) => !sameAxis(g)).map((g) => g.id),
    norms: chartNorms(model, unit, segments),
  };
}

/** Norm lines for a fluency chart over the dates it shows; none for other measures. */
function chartNorms(model: CaseModel, unit: string | null, segments: ChartSegment[]): NormBands | null {
  const table = ORF_HASBROUCK_TINDAL_2017;
  if (canonicalUnit(unit) !== table.unit) return null;
  const dates = segments.flatMap((s) => [s.baseline?.date, s.target?.date, ...s.points.map((p) => p.date)]).filter((d): d is string => !!d).sort();
  if (!dates.length) return null;
  // The material a year's goal is measured on ("a third grade passage"): grade norms cannot judge lower-grade passages.
  const goals = goalById(model);
  const ieps = iepById(model);
  const materialInYear = (year: number) => {
    const levels = segments.flatMap((s) => {
      const goal = goals.get(s.goalId);
      const start = s.phaseStart ?? s.baseline?.date ?? null;
      const end = s.target?.date ?? (goal ? targetDate(goal, ieps.get(goal.iepId)) : null);
      const level = goal ? goal.gradeLevel ?? gradeLevelFromText(goal.text) : null;
      const inYear = start && end && start < `${year + 1}-07-01` && end >= `${year}-07-01`;
      return inYear && level != null ? [level] : [];
    });
    return levels.length ? Math.min(...levels) : null;
  };
  return normBands(model, table, dates[0], dates[dates.length - 1], materialInYear);
}
