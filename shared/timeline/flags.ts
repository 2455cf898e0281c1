// Red flags: patterns in the evidence that an IEP may not be working, each naming its values,
// dates and sources. Worded as what the records show, never as a legal conclusion.
// Goal and progress-report rules live here; services and schedule rules in flags-schedule.ts.
import { formatDisplayDate } from '../text/dates';
import { baselineDate, targetDate } from './chart-data';
import type { GoalLineage } from './lineage';
import { directionFromText, effectiveDirection, goalMet, reachesTarget, wordSimilarity } from './lineage';
import {
  type CaseGoal,
  type CaseModel,
  type CaseProgressEntry,
  type CaseProgressReport,
  dataPointsByGoal,
  goalById,
  iepById,
  iepStart,
  reportDate,
  schoolYearOf,
} from './model';
import { gradeLevelFromText, parseGrade } from './similarity';
import { aimLine, theilSenTrend, valueAt } from './stats';
import { scheduleFlags, serviceFlags, testScoreFlags } from './flags-schedule';
import { type FlagContext, type FlagOptions, type RedFlag, FLAG_THRESHOLDS, RED_FLAG_TYPES, flagKey, fmtNum, goalName, uniq } from './flag-types';

export * from './flag-types';

/** Every red flag the case shows, in a stable order (by type as listed, then key). */
export function computeRedFlags(model: CaseModel, links: GoalLineage[], opts: FlagOptions = {}): RedFlag[] {
  const ctx: FlagContext = {
    model,
    links,
    goals: goalById(model),
    points: dataPointsByGoal(model),
    t: { ...FLAG_THRESHOLDS, ...opts.thresholds },
  };
  const flags = [
    ...carriedForwardFlags(ctx),
    ...targetBelowBaselineFlags(ctx),
    ...vagueGoalFlags(ctx),
    ...reportWithoutDataFlags(ctx),
    ...codeContradictsDataFlags(ctx),
    ...gradeLevelFlags(ctx),
    ...testScoreFlags(ctx),
    ...serviceFlags(ctx),
    ...scheduleFlags(ctx),
  ];
  const order = new Map(RED_FLAG_TYPES.map((t, i) => [t, i] as const));
  return flags.sort((a, b) => order.get(a.type)! - order.get(b.type)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function carriedForwardFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  const ieps = iepById(ctx.model);
  for (const lineage of ctx.links) {
    const goals = lineage.goalIds.map((id) => ctx.goals.get(id)).filter((g): g is CaseGoal => !!g);
    let run: CaseGoal[] = goals.slice(0, 1);
    const runs: CaseGoal[][] = [];
    for (let i = 1; i < goals.length; i++) {
      if (wordSimilarity(goals[i - 1].text, goals[i].text) >= ctx.t.carriedForwardWording) run.push(goals[i]);
      else {
        runs.push(run);
        run = [goals[i]];
      }
    }
    runs.push(run);
    for (const same of runs) {
      const iepIds = uniq(same.map((g) => g.iepId));
      if (iepIds.length < 2) continue;
      const verdicts = same.map((g) => goalMet(g, ctx.points.get(g.id) ?? []));
      if (!verdicts.includes(false) || verdicts.includes(true)) continue;
      const years = uniq(iepIds.map((id) => ieps.get(id)).map((i) => (i && iepStart(i) ? schoolYearOf(iepStart(i)!) : null)));
      const data = same.flatMap((g) => ctx.points.get(g.id) ?? []);
      const first = same[0];
      const lastGoal = same[same.length - 1];
      const latest = data[data.length - 1];
      const unit = lastGoal.unit ? ` ${lastGoal.unit}` : '';
      const targets = uniq(same.map((g) => g.targetValue).filter((v): v is number => v != null));
      const from = first.baselineValue ?? data[0]?.value;
      const growth = from != null && latest ? `: ${fmtNum(from)} -> ${fmtNum(latest.value)}${unit} (latest, ${formatDisplayDate(latest.date)})` : '';
      flags.push({
        key: flagKey('goal_carried_forward_unmet', same.map((g) => g.id)),
        type: 'goal_carried_forward_unmet',
        goalIds: same.map((g) => g.id),
        documentIds: uniq(same.map((g) => g.documentId)),
        description:
          `${goalName(lastGoal)} carried forward in ${iepIds.length} IEPs over ${years.length} school year(s) with nearly the same text and not met` +
          `${growth} against a target of ${targets.map(fmtNum).join(', then ')}${unit}.`,
        evidence: [...same.map((g) => g.source), ...(latest ? [latest.source] : [])],
      });
    }
  }
  return flags;
}

function targetBelowBaselineFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const goal of ctx.goals.values()) {
    if (goal.baselineValue == null || goal.targetValue == null) continue;
    // Only a direction the goal states counts: inferring it from baseline and target would hide the very problem.
    const direction = goal.direction ?? directionFromText(goal.text);
    if (!direction || direction === 'maintain') continue;
    if (!reachesTarget(goal.baselineValue, goal.targetValue, direction)) continue;
    const unit = goal.unit ? ` ${goal.unit}` : '';
    flags.push({
      key: flagKey('goal_target_below_baseline', [goal.id]),
      type: 'goal_target_below_baseline',
      goalIds: [goal.id],
      documentIds: [goal.documentId],
      description: `${goalName(goal)} asks to ${direction} to ${fmtNum(goal.targetValue)}${unit}, but the baseline is already ${fmtNum(goal.baselineValue)}${unit}.`,
      evidence: [goal.source],
    });
  }
  return flags;
}

const COMPONENT_NAMES = { condition: 'condition', behavior: 'observable behavior', criterion: 'criterion', timeframe: 'timeframe' } as const;

function vagueGoalFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const goal of ctx.goals.values()) {
    const missing = (Object.keys(COMPONENT_NAMES) as Array<keyof typeof COMPONENT_NAMES>).filter((k) => !goal.components[k]);
    if (!missing.length && goal.measurable) continue;
    const what = missing.length ? `states no ${missing.map((k) => COMPONENT_NAMES[k]).join(', no ')}` : 'is not measurable as written';
    flags.push({
      key: flagKey('vague_goal', [goal.id]),
      type: 'vague_goal',
      goalIds: [goal.id],
      documentIds: [goal.documentId],
      description: `${goalName(goal)} ${what}: "${goal.text.length > 160 ? `${goal.text.slice(0, 157)}...` : goal.text}"`,
      evidence: [goal.source],
    });
  }
  return flags;
}

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

/** Codes claiming progress on track ("sufficient", "adequate", "satisfactory", "making progress"). */
export function claimsProgress(entry: CaseProgressEntry, report: CaseProgressReport): boolean {
  const meaning = codeMeaning(entry, report);
  if (meaning) {
    if (/\b(?:in|un)sufficient|not (?:making|on)|limited|minimal|little|no progress|regress|inadequate|unsatisfactory/.test(meaning)) return false;
    return /sufficient|adequate|satisfactory|on track|making (?:good |expected )?progress|progressing|expected progress|good progress/.test(meaning);
  }
  return /^(?:SP|AP|MP|OT|S)$/i.test(entry.code?.trim() ?? '');
}

/** Codes claiming the goal was met or mastered. */
export function claimsMet(entry: CaseProgressEntry, report: CaseProgressReport): boolean {
  const meaning = codeMeaning(entry, report);
  if (meaning) return /\b(?:goal|objective)?\s*(?:met|mastered|achieved|attained)\b/.test(meaning) && !/not (?:yet )?(?:met|mastered|achieved)/.test(meaning);
  return /^(?:GM|M|MET|MA)$/i.test(entry.code?.trim() ?? '');
}

function reportWithoutDataFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const report of ctx.model.progressReports) {
    const empty = report.entries.filter((e) => !e.hasData && !e.dataPoints.length && !isNotAddressed(e, report));
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
        `Progress report${date ? ` of ${formatDisplayDate(date)}` : ''} gives no measured data for ${empty.length} of ${report.entries.length} goal(s)` +
        `${names.length ? ` (${names.join('; ')})` : ''}${codes.length ? `, coded ${codes.join('/')}` : ''}.`,
      evidence: empty.map((e) => e.source),
    });
  }
  return flags;
}

function codeContradictsDataFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  const ieps = iepById(ctx.model);
  for (const report of ctx.model.progressReports) {
    const date = reportDate(report);
    for (const entry of report.entries) {
      const goal = entry.goalId ? ctx.goals.get(entry.goalId) : undefined;
      if (!goal || goal.targetValue == null) continue;
      const progress = claimsProgress(entry, report);
      const met = claimsMet(entry, report);
      if (!progress && !met) continue;
      const points = (ctx.points.get(goal.id) ?? []).filter((p) => !date || p.date <= date);
      if (!points.length) continue;
      const direction = effectiveDirection(goal);
      const unit = goal.unit ? ` ${goal.unit}` : '';
      const values = points.map((p) => fmtNum(p.value)).join(', ');
      let why: string | null = null;
      if (met && !points.some((p) => reachesTarget(p.value, goal.targetValue!, direction))) {
        why = `reported as met, but no data point reaches the target of ${fmtNum(goal.targetValue)}${unit}`;
      } else if (progress) {
        const iep = ieps.get(goal.iepId);
        const base = baselineDate(goal, iep);
        const end = targetDate(goal, iep);
        const aim = goal.baselineValue != null && base.date && end ? aimLine({ date: base.date, value: goal.baselineValue }, { date: end, value: goal.targetValue }) : null;
        const trend = points.length >= ctx.t.minPointsForTrend ? theilSenTrend(points) : null;
        const latest = points[points.length - 1];
        const sign = direction === 'decrease' ? -1 : 1;
        const flat = aim && trend && aim.ratePerWeek !== 0 && (sign * trend.ratePerWeek) < ctx.t.flatFractionOfNeededRate * Math.abs(aim.ratePerWeek);
        const shortfall = aim ? sign * (valueAt(aim, latest.date) - latest.value) : 0;
        const span = goal.baselineValue != null ? Math.abs(goal.targetValue - goal.baselineValue) : 0;
        const farBelow = aim && span > 0 && shortfall >= ctx.t.farBelowAimFraction * span;
        if (flat || farBelow) {
          const parts = [
            flat ? `the data are flat (${values}${unit})` : `the data are ${values}${unit}`,
            farBelow ? `${fmtNum(Math.round(shortfall))}${unit} ${direction === 'decrease' ? 'above' : 'below'} the aim line on ${formatDisplayDate(latest.date)}` : '',
          ].filter(Boolean);
          why = `coded "${entry.codeText ?? entry.code}" while ${parts.join(' and ')}, against a target of ${fmtNum(goal.targetValue)}${unit}`;
        }
      }
      if (!why) continue;
      flags.push({
        key: flagKey('progress_code_contradicts_data', [report.documentId, goal.id]),
        type: 'progress_code_contradicts_data',
        goalIds: [goal.id],
        documentIds: [report.documentId],
        description: `${goalName(goal)}${date ? `, progress report of ${formatDisplayDate(date)}` : ''}: ${why}.`,
        evidence: [entry.source, ...points.map((p) => p.source)],
      });
    }
  }
  return flags;
}

/** The grade the child was enrolled in under an IEP: printed on it, else the case's grade for that school year. */
export function enrolledGrade(ctx: FlagContext, iepId: string): number | null {
  const iep = iepById(ctx.model).get(iepId);
  if (!iep) return null;
  const printed = parseGrade(iep.student.grade);
  if (printed != null) return printed;
  const start = iepStart(iep);
  return start ? parseGrade(ctx.model.student.grades?.[schoolYearOf(start)]) : null;
}

function gradeLevelFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  const level = (g: CaseGoal) => g.gradeLevel ?? gradeLevelFromText(g.text);
  for (const lineage of ctx.links) {
    const goals = lineage.goalIds.map((id) => ctx.goals.get(id)).filter((g): g is CaseGoal => !!g);
    for (let i = 1; i < goals.length; i++) {
      const [before, after] = [goals[i - 1], goals[i]];
      const [levelBefore, levelAfter] = [level(before), level(after)];
      const [gradeBefore, gradeAfter] = [enrolledGrade(ctx, before.iepId), enrolledGrade(ctx, after.iepId)];
      if (levelBefore == null || levelAfter == null || gradeBefore == null || gradeAfter == null) continue;
      if (!(gradeAfter > gradeBefore && levelAfter <= levelBefore && levelAfter < gradeAfter)) continue;
      flags.push({
        key: flagKey('goal_not_updated_to_grade_level', [after.id]),
        type: 'goal_not_updated_to_grade_level',
        goalIds: [after.id],
        documentIds: uniq([after.documentId, before.documentId]),
        description: `${goalName(after)} is still measured on grade ${levelAfter} material in the grade ${gradeAfter} IEP, as it was in grade ${gradeBefore} (grade ${levelBefore} material).`,
        evidence: [before.source, after.source],
      });
    }
  }
  return flags;
}
