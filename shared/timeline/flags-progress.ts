// Red flags about progress reports: a report that gives codes without data for its period, and a
// code that claims progress or mastery the data do not show. Each report is judged on its own
// period: points the reader marks as reprinted from an earlier column are left out, and so are
// points dated before the period (its printed start, else the goal's previous report), so a
// cumulative grid neither counts old data as new nor hides a period left empty.
import { formatDisplayDate } from '../text/dates';
import type { FlagContext, RedFlag } from './flag-types';
import { flagKey, fmtNum, goalName, uniq } from './flag-types';
import { aimValueAt, goalAimLine, goalScale, meetsAim, scaledPoints, scaleUnitLabel, worseThan } from './flags-measure';
import { effectiveDirection, reachesTarget } from './lineage';
import { type CaseGoal, type CaseProgressEntry, type CaseProgressReport, type GoalDataPoint, iepById, reportDate } from './model';
import { theilSenTrend } from './stats';

function codeMeaning(entry: CaseProgressEntry, report: CaseProgressReport): string {
  const code = entry.code?.trim() ?? '';
  return `${entry.codeText ?? ''} ${report.legend[code] ?? ''}`.trim().toLowerCase();
}

/** Codes saying the goal was not worked on yet: no data is expected for them. */
export function isNotAddressed(entry: CaseProgressEntry, report: CaseProgressReport): boolean {
  const meaning = codeMeaning(entry, report);
  if (meaning) return /not (?:yet )?(?:been )?(?:addressed|introduced|begun|started|initiated|worked on|taught|assessed|measured)|no instruction|not applicable|\bn\/a\b|will be addressed/.test(meaning);
  return /^(?:NI|NA|N\/A|NY|NT|NYI)$/i.test(entry.code?.trim() ?? '');
}

/** Words that hedge a progress code: "progressing gradually, may not meet goal" warns rather than claims. */
const HEDGED = /\b(?:in|un)sufficient|not (?:making|on)|limited|minimal|little|no progress|regress|inadequate|unsatisfactory|inconsistent|may not|might not|not (?:expected|likely|anticipated) to|unlikely|gradual|slow|some progress|partial/;

/** Codes claiming progress on track ("sufficient", "adequate", "satisfactory", "making progress"). */
export function claimsProgress(entry: CaseProgressEntry, report: CaseProgressReport): boolean {
  const meaning = codeMeaning(entry, report);
  if (meaning) {
    if (HEDGED.test(meaning)) return false;
    return /sufficient|adequate|satisfactory|on track|making (?:good |expected )?progress|progressing|expected progress|good progress|anticipate meeting/.test(meaning);
  }
  return /^(?:SP|AP|MP|OT|S)$/i.test(entry.code?.trim() ?? '');
}

/** Codes claiming the goal was met or mastered. */
export function claimsMet(entry: CaseProgressEntry, report: CaseProgressReport): boolean {
  const meaning = codeMeaning(entry, report);
  // "Some progress; goal may not be met" names the goal met only to doubt it.
  if (meaning) return /\b(?:goal|objective)?\s*(?:met|mastered|achieved|attained)\b/.test(meaning) && !HEDGED.test(meaning) && !/not (?:yet )?(?:be(?:en)? )?(?:met|mastered|achieved|attained)/.test(meaning);
  return /^(?:GM|M|MET|MA)$/i.test(entry.code?.trim() ?? '');
}

/** Dates of the reports that carry an entry for each goal, oldest first. */
function reportDatesByGoal(ctx: FlagContext): Map<string, string[]> {
  const byGoal = new Map<string, string[]>();
  for (const report of ctx.model.progressReports) {
    const date = reportDate(report);
    if (!date) continue;
    for (const e of report.entries) if (e.goalId) byGoal.set(e.goalId, [...(byGoal.get(e.goalId) ?? []), date]);
  }
  for (const [id, dates] of byGoal) byGoal.set(id, uniq(dates).sort());
  return byGoal;
}

/** Where a report's own period starts for one goal: its printed start, else just after the goal's previous report. */
function periodStart(report: CaseProgressReport, goalId: string | null, dates: Map<string, string[]>): { date: string; inclusive: boolean } | null {
  if (report.periodStart) return { date: report.periodStart, inclusive: true };
  const date = reportDate(report);
  const earlier = goalId && date ? (dates.get(goalId) ?? []).filter((d) => d < date) : [];
  return earlier.length ? { date: earlier[earlier.length - 1], inclusive: false } : null;
}

/**
 * The entry's data points that fall in the report's own period (undated ones take the report's date):
 * not those the reader marked as reprinted from an earlier period's column, nor those dated before the period.
 */
function periodPoints(entry: CaseProgressEntry, report: CaseProgressReport, dates: Map<string, string[]>): GoalDataPoint[] {
  const start = periodStart(report, entry.goalId, dates);
  const date = reportDate(report);
  return entry.dataPoints
    .filter((p) => !p.earlierPeriod)
    .map((p) => ({ date: p.date ?? date ?? '', value: p.value, unit: p.unit, source: p.source, reportDocumentId: report.documentId, code: entry.code }))
    .filter((p) => p.date && (!start || (start.inclusive ? p.date >= start.date : p.date > start.date)));
}

export function reportWithoutDataFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  const dates = reportDatesByGoal(ctx);
  for (const report of ctx.model.progressReports) {
    const empty = report.entries.filter((e) =>
      !isNotAddressed(e, report) && (e.dataPoints.length ? periodPoints(e, report, dates).length === 0 : !e.hasData));
    if (!empty.length) continue;
    const goalIds = uniq(empty.map((e) => e.goalId).filter((id): id is string => !!id));
    const names = goalIds.map((id) => ctx.goals.get(id)).filter((g): g is CaseGoal => !!g).map((g) => g.area ?? `goal ${g.number ?? ''}`.trim());
    const codes = uniq(empty.map((e) => e.code).filter(Boolean));
    const date = reportDate(report);
    flags.push({
      key: flagKey('progress_report_without_data', [report.documentId]),
      type: 'progress_report_without_data',
      goalIds,
      documentIds: [report.documentId],
      description:
        `Progress report${date ? ` of ${formatDisplayDate(date)}` : ''} gives no measured data for its period for ${empty.length} of ${report.entries.length} ${report.entries.length === 1 ? 'goal' : 'goals'}` +
        `${names.length ? ` (${names.join('; ')})` : ''}${codes.length ? `, coded ${codes.join('/')}` : ''}.`,
      evidence: empty.map((e) => e.source),
    });
  }
  return flags;
}

const list = (points: GoalDataPoint[]) => points.map((p) => fmtNum(p.value)).join(', ');

/** Why one entry's code contradicts the goal's data, or null when the data bear it out (or cannot judge it). */
function contradiction(ctx: FlagContext, goal: CaseGoal, entry: CaseProgressEntry, report: CaseProgressReport, dates: Map<string, string[]>) {
  const progress = claimsProgress(entry, report);
  const met = claimsMet(entry, report);
  if (!progress && !met) return null;
  const date = reportDate(report);
  const scale = goalScale(goal);
  const direction = effectiveDirection(goal);
  const points = scaledPoints(scale, (ctx.points.get(goal.id) ?? []).filter((p) => !date || p.date <= date));
  const period = scaledPoints(scale, periodPoints(entry, report, dates));
  const unit = scaleUnitLabel(goal, scale);
  const code = `coded "${entry.codeText ?? report.legend[entry.code ?? ''] ?? entry.code}"`;
  const aim = goalAimLine(goal, iepById(ctx.model).get(goal.iepId), scale);
  const latest = points[points.length - 1];
  const reasons: string[] = [];
  if (met && scale.target != null && points.length && !points.some((p) => reachesTarget(p.value, scale.target!, direction))) {
    reasons.push(`reported as met, but no data point reaches the target of ${fmtNum(scale.target)}${unit} (${list(points)}${unit})`);
  }
  // A progress claim stands when the latest data meet the aim line, however the earlier points went.
  if (aim && latest && meetsAim(aim, latest, direction) && !reasons.length) return null;
  const side = direction === 'decrease' ? 'above' : 'below';
  if (scale.baseline != null && goal.unit && period.length >= ctx.t.minPeriodPointsWorseThanBaseline && period.every((p) => worseThan(p.value, scale.baseline!, direction))) {
    reasons.push(`${code} while every data point of the period (${list(period)}${unit}) is ${side} the baseline of ${fmtNum(scale.baseline)}${unit}`);
  } else if (progress && aim && latest && scale.baseline != null) {
    const trend = points.length >= ctx.t.minPointsForTrend ? theilSenTrend(points) : null;
    const sign = direction === 'decrease' ? -1 : 1;
    const flat = trend && aim.ratePerWeek !== 0 && sign * trend.ratePerWeek < ctx.t.flatFractionOfNeededRate * Math.abs(aim.ratePerWeek);
    const shortfall = sign * (aimValueAt(aim, latest.date) - latest.value);
    const span = Math.abs(aim.endValue - aim.startValue);
    const farBelow = points.length >= ctx.t.minPointsForShortfall && span > 0 && shortfall >= ctx.t.farBelowAimFraction * span;
    if (flat || farBelow) {
      const parts = [
        flat ? `the data are flat (${list(points)}${unit})` : `the data are ${list(points)}${unit}`,
        farBelow ? `${fmtNum(shortfall)}${unit} ${side} the aim line on ${formatDisplayDate(latest.date)}` : '',
      ].filter(Boolean);
      reasons.push(`${code} while ${parts.join(' and ')}, against a target of ${fmtNum(aim.endValue)}${unit}`);
    }
  }
  if (!reasons.length) return null;
  return { why: reasons.join('; '), evidence: [entry.source, ...(period.length ? period : points).map((p) => p.source)] };
}

export function codeContradictsDataFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  const dates = reportDatesByGoal(ctx);
  for (const report of ctx.model.progressReports) {
    const date = reportDate(report);
    for (const entry of report.entries) {
      const goal = entry.goalId ? ctx.goals.get(entry.goalId) : undefined;
      const found = goal ? contradiction(ctx, goal, entry, report, dates) : null;
      if (!goal || !found) continue;
      flags.push({
        key: flagKey('progress_code_contradicts_data', [report.documentId, goal.id]),
        type: 'progress_code_contradicts_data',
        goalIds: [goal.id],
        documentIds: [report.documentId],
        description: `${goalName(goal)}${date ? `, progress report of ${formatDisplayDate(date)}` : ''}: ${found.why}.`,
        evidence: found.evidence,
      });
    }
  }
  return flags;
}
