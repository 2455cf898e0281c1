// The goal quality check: the four components, the measurability verdict and, given a baseline
// and the growth the data show, whether the target asks for more growth than the child is making.
// Runs in the app (typed or pasted goals) and behind `casefile goal-check`.
import type { Direction, GoalComponents } from '../domain';
import { daysBetween, parseDate } from '../text/dates';
import { conditionPhrase, parseGoalSentence } from './parse';
import { resolveTargetDate } from './timeframe';

export interface GoalCheckOptions {
  /** Baseline in the goal's unit, when known from elsewhere (the IEP's baseline box, present levels). */
  baselineValue?: number | null;
  /** ISO date the baseline was measured (or the IEP start); needed to compute growth per week. */
  baselineDate?: string | null;
  /** Growth per week the data show (trend slope, same unit; negative = falling). */
  observedRatePerWeek?: number | null;
  /** Used as the target date when the goal states none (e.g. the IEP end date). */
  defaultTargetDate?: string | null;
}

export type AmbitionVerdict =
  | 'target_not_beyond_baseline'
  | 'modest'
  | 'ambitious_attainable'
  | 'requires_acceleration'
  | 'no_growth_observed'
  | 'rate_unknown'
  | 'cannot_assess';

export interface GoalAmbition {
  /** Change per week the goal asks for, in the goal's unit (signed: negative for decrease goals). */
  neededPerWeek: number | null;
  observedPerWeek: number | null;
  verdict: AmbitionVerdict;
  reason: string;
}

export interface GoalCheck {
  components: GoalComponents;
  measurable: boolean;
  targetValue: number | null;
  /** The target as written when it is a range ("70-80% accuracy"); targetValue is the end that meets it. */
  targetRange: { low: number; high: number } | null;
  unit: string | null;
  direction: Direction | null;
  /** As stated in the sentence only (the CLI contract); opts.baselineValue feeds the ambition check. */
  baselineValue: number | null;
  /** The baseline the ambition check used: the sentence's, or the one given (the IEP's baseline box). */
  baselineUsed: number | null;
  /** The goal's own words for its condition, quoted by the goal check; null when it names none. */
  conditionText: string | null;
  targetDate: string | null;
  area: string | null;
  gradeLevel: number | null;
  measuredBy: string | null;
  reasons: string[];
  ambition?: GoalAmbition;
}

export function checkGoal(text: string, opts: GoalCheckOptions = {}): GoalCheck {
  const parsed = parseGoalSentence(text);
  // "In six months", "by January", "by the next annual review": counted from the dates given.
  const ruleDate = parsed.targetDateRule ? resolveTargetDate(parsed.targetDateRule, parseDate(opts.baselineDate ?? null), parseDate(opts.defaultTargetDate ?? null)) : null;
  const targetDate = parsed.targetDate ?? ruleDate;
  const result: GoalCheck = {
    components: parsed.components,
    measurable: parsed.measurable,
    targetValue: parsed.targetValue,
    targetRange: parsed.targetRange,
    unit: parsed.unit,
    direction: parsed.direction,
    baselineValue: parsed.baselineValue,
    baselineUsed: opts.baselineValue ?? parsed.baselineValue,
    conditionText: conditionPhrase(text),
    targetDate,
    area: parsed.area,
    gradeLevel: parsed.gradeLevel,
    measuredBy: parsed.measuredBy,
    reasons: [...parsed.reasons],
  };
  const baseline = opts.baselineValue ?? parsed.baselineValue;
  if (baseline !== null && baseline !== undefined && parsed.targetValue !== null) {
    result.ambition = assessAmbition({
      baseline,
      target: parsed.targetValue,
      direction: parsed.direction ?? 'increase',
      baselineDate: parseDate(opts.baselineDate ?? null),
      targetDate: targetDate ?? parseDate(opts.defaultTargetDate ?? null),
      observedPerWeek: opts.observedRatePerWeek ?? null,
      unit: parsed.unit ?? '',
    });
    result.reasons.push(result.ambition.reason);
  }
  return result;
}

interface AmbitionInput {
  baseline: number;
  target: number;
  direction: Direction;
  baselineDate: string | null;
  targetDate: string | null;
  observedPerWeek: number | null;
  unit: string;
}

/** Needed vs observed growth per week. Ratios: < 0.8 modest, 0.8-1.5 attainable, > 1.5 needs acceleration. */
export function assessAmbition(a: AmbitionInput): GoalAmbition {
  const sign = a.direction === 'decrease' ? -1 : 1;
  const gainAsked = (a.target - a.baseline) * sign;
  const u = a.unit ? ` ${a.unit}` : '';
  if (a.direction !== 'maintain' && gainAsked <= 0) {
    return {
      neededPerWeek: 0,
      observedPerWeek: a.observedPerWeek,
      verdict: 'target_not_beyond_baseline',
      reason: `The target (${a.target}${u}) asks for no ${a.direction === 'decrease' ? 'reduction' : 'growth'} beyond the baseline (${a.baseline}${u}).`,
    };
  }
  if (!a.baselineDate || !a.targetDate || daysBetween(a.baselineDate, a.targetDate) < 7) {
    return {
      neededPerWeek: null,
      observedPerWeek: a.observedPerWeek,
      verdict: 'cannot_assess',
      reason: `The goal asks for a change of ${round(a.target - a.baseline)}${u} from ${a.baseline}; growth per week needs a baseline date and a target date.`,
    };
  }
  const weeks = daysBetween(a.baselineDate, a.targetDate) / 7;
  const needed = (a.target - a.baseline) / weeks;
  const base = `From ${a.baseline} to ${a.target}${u} in ${Math.round(weeks)} weeks needs ${round(needed)}${u} per week`;
  if (a.observedPerWeek === null || a.observedPerWeek === undefined) {
    return { neededPerWeek: round(needed), observedPerWeek: null, verdict: 'rate_unknown', reason: `${base}; no observed rate to compare.` };
  }
  const observedGain = a.observedPerWeek * sign;
  const neededGain = needed * sign;
  if (observedGain <= 0) {
    return {
      neededPerWeek: round(needed),
      observedPerWeek: a.observedPerWeek,
      verdict: 'no_growth_observed',
      reason: `${base}; the data show ${round(a.observedPerWeek)}${u} per week, no growth toward the target.`,
    };
  }
  const ratio = neededGain / observedGain;
  const verdict: AmbitionVerdict = ratio < 0.8 ? 'modest' : ratio <= 1.5 ? 'ambitious_attainable' : 'requires_acceleration';
  const words: Record<string, string> = {
    modest: 'less than the growth already shown: the target is modest',
    ambitious_attainable: 'about the growth already shown: attainable at the current rate',
    requires_acceleration: `${round(ratio)} times the growth shown: not at this rate without a change in instruction or services`,
  };
  return {
    neededPerWeek: round(needed),
    observedPerWeek: a.observedPerWeek,
    verdict,
    reason: `${base}; the data show ${round(a.observedPerWeek)}${u} per week, ${words[verdict]}.`,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
