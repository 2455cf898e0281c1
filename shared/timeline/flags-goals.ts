// Red flags about goals as written: a goal not met and restated unchanged, a target at or below the
// baseline, a goal missing the parts that make it measurable (or only its date), and material left
// at a lower grade while the child moves up. Each names the goal, its values and its source.
import { formatDisplayDate } from '../text/dates';
import type { FlagContext, FlagThresholds, RedFlag } from './flag-types';
import { flagKey, fmtNum, goalName, uniq } from './flag-types';
import { goalScale, scaledPoints } from './flags-measure';
import { directionFromText, effectiveDirection, goalYearIep, reachesTarget, wordSimilarity } from './lineage';
import { type CaseGoal, type GoalDataPoint, baseIepOf, iepById, iepStart, lineageGoalById, schoolYearOf } from './model';
import { canonicalUnit, gradeLevelFromText, parseGrade } from './similarity';

/** Grade level of the material a goal is measured on ("a third grade passage" -> 3), when it names one. */
export function materialLevel(goal: Pick<CaseGoal, 'gradeLevel' | 'text'>): number | null {
  return goal.gradeLevel ?? gradeLevelFromText(goal.text);
}

/**
 * Whether goal b restates goal a: the same criterion on the same scale, the same material level and
 * nearly the same words. A raised (or lowered) target, harder material or a rewritten task is a
 * revision of the goal, still in its lineage, not the goal carried forward.
 */
export function restates(a: CaseGoal, b: CaseGoal, t: FlagThresholds): boolean {
  const [sa, sb] = [goalScale(a), goalScale(b)];
  if (sa.target == null || sb.target == null || sa.unit !== sb.unit || Math.abs(sa.target - sb.target) > 1e-9) return false;
  if (materialLevel(a) !== materialLevel(b)) return false;
  return wordSimilarity(a.text, b.text) >= t.carriedForwardWording;
}

/**
 * Whether goal b continues goal a without a criterion of its own, and b's data, read on a's scale,
 * still fall short of a's target: a goal not met and rewritten in vaguer words ("will improve his
 * reading comprehension skills") is the same goal carried on, since nothing it asks was raised.
 * Without data of its own the later goal cannot be shown still unmet, so it is not judged.
 */
export function continuesWithoutCriterion(a: CaseGoal, b: CaseGoal, bPoints: GoalDataPoint[]): boolean {
  const [sa, sb] = [goalScale(a), goalScale(b)];
  if (sa.target == null || sb.target != null) return false;
  const [la, lb] = [materialLevel(a), materialLevel(b)];
  if (lb != null && (la == null || lb > la)) return false;
  const points = scaledPoints(sa, bPoints);
  const direction = effectiveDirection(a);
  return points.length > 0 && !points.some((p) => reachesTarget(p.value, sa.target!, direction));
}

/** One IEP year of a lineage: the goal and any amendment restating it, judged on their data together. */
interface Step {
  goals: CaseGoal[];
  points: GoalDataPoint[];
}

/** Met or not on the evidence (a point reached the target by the goal's date); null without a target or data. */
function verdict(step: Step): 'met' | 'unmet' | null {
  const goal = step.goals[step.goals.length - 1];
  const scale = goalScale(goal);
  if (scale.target == null || !step.points.length) return null;
  const direction = effectiveDirection(goal);
  return step.points.some((p) => (!goal.targetDate || p.date <= goal.targetDate) && reachesTarget(p.value, scale.target!, direction)) ? 'met' : 'unmet';
}

function lineageSteps(ctx: FlagContext, goalIds: string[]): Step[] {
  // A goal of the year before printed in an IEP (its IEP not in the case) is a year of its own.
  const goals = lineageGoalById(ctx.model);
  const steps: Array<Step & { base: string }> = [];
  for (const id of goalIds) {
    const goal = goals.get(id);
    const iep = goal && goalYearIep(ctx.model, goal);
    if (!goal || !iep) continue;
    const base = baseIepOf(ctx.model, iep).id;
    const scale = goalScale(goal);
    const points = scaledPoints(scale, ctx.points.get(goal.id) ?? []);
    const last = steps[steps.length - 1];
    if (last && last.base === base) {
      last.goals.push(goal);
      last.points = scaledPoints(scale, [...last.points, ...points]);
    } else steps.push({ base, goals: [goal], points });
  }
  return steps;
}

/** The line's growth from its first baseline when the later goal measures the same thing, else the later value alone. */
function laterGrowth(from: number | undefined, latest: GoalDataPoint, unit: string, laterUnit: string, last: CaseGoal, later: CaseGoal | undefined): string {
  const date = formatDisplayDate(latest.date);
  if (from != null && later && canonicalUnit(later.unit) === canonicalUnit(last.unit)) {
    return `${fmtNum(from)} → ${fmtNum(latest.value)}${unit} from the first baseline to the latest data (${date})`;
  }
  return `${fmtNum(latest.value)}${laterUnit} on ${date}`;
}

const quoted = (goal: CaseGoal) => `"${goal.text.length > 160 ? `${goal.text.slice(0, 157)}...` : goal.text}"`;

const latestOf = (points: GoalDataPoint[]) => points.reduce<GoalDataPoint | null>((a, p) => (!a || p.date >= a.date ? p : a), null);

/** The flag for one run of restated goals, with what became of the goal line after it. */
function carriedForwardFlag(ctx: FlagContext, run: Step[], later: Step[]): RedFlag {
  const iepDate = (s: Step) => {
    const iep = goalYearIep(ctx.model, s.goals[0]);
    return formatDisplayDate(iep ? iep.meetingDate ?? iepStart(iep) : null);
  };
  const goals = run.flatMap((s) => s.goals);
  const first = goals[0];
  // The latest goal stating a criterion: a goal rewritten without one is judged by it.
  const last = [...goals].reverse().find((g) => goalScale(g).target != null) ?? goals[goals.length - 1];
  const vaguer = goals.filter((g) => goalScale(g).target == null);
  const unit = last.unit ? ` ${last.unit}` : '';
  const level = materialLevel(last);
  const data = run.filter((s) => verdict(s) === 'unmet' || s.goals.some((g) => vaguer.includes(g))).flatMap((s) => s.points);
  const latest = latestOf(data);
  const from = goalScale(first).baseline ?? data[0]?.value;
  const growth = from != null && latest ? `: ${fmtNum(from)} → ${fmtNum(latest.value)}${unit} (latest, ${formatDisplayDate(latest.date)})` : '';
  const met = [run[run.length - 1], ...later].find((s) => verdict(s) === 'met');
  const laterUnmet = later.filter((s) => verdict(s) === 'unmet');
  const laterLatest = met ? null : latestOf(laterUnmet.flatMap((s) => s.points));
  const laterGoal = laterUnmet.find((s) => laterLatest && s.points.includes(laterLatest))?.goals[0];
  const laterUnit = laterGoal?.unit ? ` ${laterGoal.unit}` : '';
  const after = met
    ? ` The goal line was met under the IEP of ${iepDate(met)}.`
    : laterLatest ? ` Later goals in the same line have not reached their targets either: ${laterGrowth(from, laterLatest, unit, laterUnit, last, laterGoal)}.` : '';
  return {
    key: flagKey('goal_carried_forward_unmet', goals.map((g) => g.id)),
    type: 'goal_carried_forward_unmet',
    goalIds: goals.map((g) => g.id),
    documentIds: uniq(goals.map((g) => g.documentId)),
    description:
      `${goalName(last)} not met and written again ${vaguer.length
        ? `without a criterion of its own (${vaguer.map(quoted).join('; ')}), its data still short of the earlier target,`
        : `with the same criterion${level != null ? ` and grade ${level} material` : ''}, in nearly the same words,`} ` +
      `in the IEPs of ${uniq(run.map(iepDate)).join(', ')}${growth} against a target of ${fmtNum(last.targetValue ?? 0)}${unit}.${after}`,
    evidence: [...goals.map((g) => g.source), ...(latest ? [latest.source] : []), ...(laterLatest ? [laterLatest.source] : [])],
  };
}

export function carriedForwardFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const lineage of ctx.links) {
    const steps = lineageSteps(ctx, lineage.goalIds);
    const runs: Step[][] = [];
    for (let i = 1; i < steps.length; i++) {
      const [before, after] = [steps[i - 1], steps[i]];
      const [prior, next] = [before.goals[before.goals.length - 1], after.goals[0]];
      if (verdict(before) !== 'unmet') continue;
      if (!restates(prior, next, ctx.t) && !continuesWithoutCriterion(prior, next, after.goals.flatMap((g) => ctx.points.get(g.id) ?? []))) continue;
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1] === before) run.push(after);
      else runs.push([before, after]);
    }
    for (const run of runs) flags.push(carriedForwardFlag(ctx, run, steps.slice(steps.indexOf(run[run.length - 1]) + 1)));
  }
  return flags;
}

export function targetBelowBaselineFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const goal of ctx.goals.values()) {
    const scale = goalScale(goal);
    if (scale.baseline == null || scale.target == null) continue;
    // Only a direction the goal states counts: inferring it from baseline and target would hide the very problem.
    // Where the reader's direction and the goal's own words disagree, the goal does not say which it is.
    const words = directionFromText(goal.text);
    const direction = goal.direction ?? words;
    if (!direction || direction === 'maintain' || (words && words !== direction)) continue;
    // Strictly behind: a target equal to the baseline most often restates a common criterion ("80%") over a
    // baseline taken on an easier task ("with 80% accuracy on simple fractions; unable to solve complex ones").
    if (scale.baseline === scale.target || !reachesTarget(scale.baseline, scale.target, direction)) continue;
    const unit = goal.unit ? ` ${goal.unit}` : '';
    flags.push({
      key: flagKey('goal_target_below_baseline', [goal.id]),
      type: 'goal_target_below_baseline',
      goalIds: [goal.id],
      documentIds: [goal.documentId],
      description: `${goalName(goal)} asks to ${direction} to ${fmtNum(goal.targetValue!)}${unit}, but the baseline is already ${fmtNum(goal.baselineValue!)}${unit}.`,
      evidence: [goal.source],
    });
  }
  return flags;
}

/**
 * Whether the goal's words as read may not be the whole goal, so a part that seems missing may be in
 * words not read (or the text is not a goal at all): text that starts mid-sentence, stops without
 * ending its sentence, leaves a parenthesis open, runs on far longer than a goal (into other fields),
 * or was read with low confidence.
 */
export function goalExtentUncertain(goal: Pick<CaseGoal, 'text' | 'confidence'>, t: FlagThresholds): boolean {
  const text = goal.text.trim();
  if (!text || goal.confidence < t.minGoalConfidenceToJudgeParts || text.length > t.maxGoalTextChars) return true;
  if (/^(?:[a-z,;:.)\]–-]|\(\s*[a-z])/.test(text)) return true;
  if (!/[.!?]["'’”)\]]?$/.test(text)) return true;
  return (text.match(/\(/g) ?? []).length !== (text.match(/\)/g) ?? []).length;
}

/** Dates and years in a goal's words: numbers that state when, not how well. */
const DATE_WORDS = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{1,2}\/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/gi;

/** A quantity stated as a criterion: "80%", "4 out of 5", "at least 3", "2 or fewer", "3 times per week". */
const CRITERION_WORDS = new RegExp(
  [
    String.raw`\d+(?:\.\d+)?\s*(?:%|percent\b)`,
    String.raw`\b\d+\s*(?:out\s+of|of|\/)\s*\d+\b`,
    String.raw`\b(?:at\s+least|at\s+most|no\s+more\s+than|no\s+fewer\s+than|fewer\s+than|less\s+than|more\s+than|a\s+(?:minimum|maximum)\s+of|up\s+to)\s+\d+`,
    String.raw`\b\d+\s+or\s+(?:fewer|less|more|better|higher|lower|above|below)\b`,
    String.raw`\b\d+\s+(?:\w+\s+){0,2}(?:per|a|each)\s+(?:minute|hour|day|week|month|session|class|period)\b`,
  ].join('|'),
  'i',
);

/**
 * Whether the goal's words state a criterion the reader did not take (none found, no target read): "so that
 * outbursts decrease to 2 or fewer per week" read without its target. Its parts are then not judged:
 * "states no criterion" would be false.
 */
export function criterionUnread(goal: Pick<CaseGoal, 'text' | 'targetValue' | 'components'>): boolean {
  return !goal.components.criterion && goal.targetValue == null && CRITERION_WORDS.test(goal.text.replace(DATE_WORDS, ' '));
}

/** Measures of how often a behaviour occurs: counts per time, occurrences, intervals of a session. */
const FREQUENCY_MEASURE = /\bper\s+(?:minute|hour|day|week|month|session|class|period|observation)|\b(?:times|incidents?|occurrences?|episodes?|instances?|outbursts?|referrals?|tantrums?|intervals?)\b|\bfrequency\b|\ba (?:day|week|session)\b/i;

/** A behaviour-frequency goal that states its baseline, target, measure and date is measurable without a "given ..." condition. */
export function statesBehaviourFrequency(goal: CaseGoal): boolean {
  const unit = canonicalUnit(goal.unit);
  const frequency = unit === 'count' || unit === 'percent_intervals' || FREQUENCY_MEASURE.test(goal.unit ?? '');
  const dated = goal.targetDate != null || goal.components.timeframe;
  return frequency && goal.baselineValue != null && goal.targetValue != null && !!(goal.unit || goal.measuredBy) && dated;
}

const COMPONENT_NAMES = { condition: 'condition', behavior: 'observable behavior', criterion: 'criterion', timeframe: 'timeframe' } as const;
type Component = keyof typeof COMPONENT_NAMES;


export function vagueGoalFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const goal of ctx.goals.values()) {
    if (goalExtentUncertain(goal, ctx.t) || criterionUnread(goal)) continue;
    const missing = (Object.keys(COMPONENT_NAMES) as Component[]).filter((k) => !goal.components[k] && !(k === 'timeframe' && goal.targetDate));
    if (!missing.length && (goal.measurable || goal.targetDate)) continue;
    if (missing.length === 1 && missing[0] === 'timeframe') {
      flags.push({
        key: flagKey('goal_without_target_date', [goal.id]),
        type: 'goal_without_target_date',
        goalIds: [goal.id],
        documentIds: [goal.documentId],
        description: `${goalName(goal)} states a condition, behavior and criterion but no date or period by which it is to be met: ${quoted(goal)}`,
        evidence: [goal.source],
      });
      continue;
    }
    if (!missing.includes('timeframe') && statesBehaviourFrequency(goal)) continue;
    const what = missing.length ? `states no ${missing.map((k) => COMPONENT_NAMES[k]).join(', no ')}` : 'is not measurable as written';
    flags.push({
      key: flagKey('vague_goal', [goal.id]),
      type: 'vague_goal',
      goalIds: [goal.id],
      documentIds: [goal.documentId],
      description: `${goalName(goal)} ${what}: ${quoted(goal)}`,
      evidence: [goal.source],
    });
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

/** One flag per lineage, naming every IEP whose goal kept the material of the year before while the grade advanced. */
export function gradeLevelFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const lineage of ctx.links) {
    const goals = lineage.goalIds.map((id) => ctx.goals.get(id)).filter((g): g is CaseGoal => !!g);
    const found: Array<{ before: CaseGoal; after: CaseGoal; text: string }> = [];
    for (let i = 1; i < goals.length; i++) {
      const [before, after] = [goals[i - 1], goals[i]];
      const [levelBefore, levelAfter] = [materialLevel(before), materialLevel(after)];
      const [gradeBefore, gradeAfter] = [enrolledGrade(ctx, before.iepId), enrolledGrade(ctx, after.iepId)];
      if (levelBefore == null || levelAfter == null || gradeBefore == null || gradeAfter == null) continue;
      if (!(gradeAfter > gradeBefore && levelAfter <= levelBefore && levelAfter < gradeAfter)) continue;
      found.push({ before, after, text: `grade ${levelAfter} material in the grade ${gradeAfter} IEP, as in grade ${gradeBefore} (grade ${levelBefore} material)` });
    }
    if (!found.length) continue;
    const last = found[found.length - 1].after;
    flags.push({
      key: flagKey('goal_not_updated_to_grade_level', found.map((f) => f.after.id)),
      type: 'goal_not_updated_to_grade_level',
      goalIds: found.map((f) => f.after.id),
      documentIds: uniq(found.flatMap((f) => [f.after.documentId, f.before.documentId])),
      description: `${goalName(last)} is still measured on ${found.map((f) => f.text).join('; and on ')}.`,
      evidence: uniq(found.flatMap((f) => [f.before.source, f.after.source])),
    });
  }
  return flags;
}
