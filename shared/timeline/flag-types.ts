// Red flag types, thresholds and the small helpers every rule uses.
import type { Provenance } from '../domain';
import type { GoalLineage } from './lineage';
import type { CaseGoal, CaseModel, GoalDataPoint } from './model';

export const RED_FLAG_TYPES = [
  'goal_carried_forward_unmet',
  'goal_target_below_baseline',
  'vague_goal',
  'progress_report_without_data',
  'declining_percentiles',
  'services_unchanged_despite_stagnation',
  'missed_services',
  'progress_code_contradicts_data',
  'goal_not_updated_to_grade_level',
  'progress_report_missing_or_late',
  'annual_review_overdue',
  'reevaluation_overdue',
] as const;
export type RedFlagType = (typeof RED_FLAG_TYPES)[number];

export interface RedFlag {
  /** Stable across recomputation for the same evidence, so a dismissal (with its reason) sticks. */
  key: string;
  type: RedFlagType;
  goalIds: string[];
  documentIds: string[];
  description: string;
  evidence: Provenance[];
}

export const FLAG_THRESHOLDS = {
  /** Goal texts this alike (share of words kept in order, dates ignored) are "the same goal" restated: four words
   *  in five unchanged. A goal rewritten for a harder task (one paragraph -> two) keeps far fewer. */
  carriedForwardWording: 0.8,
  /** A trend delivering under a quarter of the growth the aim line needs is flat: at that rate the child closes under a quarter of the gap. */
  flatFractionOfNeededRate: 0.25,
  /** Data are "far below the aim line" when the latest point is short of it by half the baseline-to-target distance or more. */
  farBelowAimFraction: 0.5,
  /** Growth across a lineage under half the rate its first goal asked for is stagnation, not slow progress. */
  stagnantFractionOfNeededRate: 0.5,
  /** Trends and flatness need this many measured points: two points are a line through noise. */
  minPointsForTrend: 3,
  /** Two administrations alone count as a decline only when the percentile falls this far (smaller moves are within test error). */
  percentileSingleDrop: 10,
  /** Missed minutes below this (about one short session) are not flagged. */
  minMissedMinutes: 30,
  /** Days of slack after a period before its progress report counts as missing (reports follow grading periods). */
  reportGraceDays: 45,
};
export type FlagThresholds = typeof FLAG_THRESHOLDS;

export interface FlagOptions {
  thresholds?: Partial<FlagThresholds>;
}

/** Shared lookups for the rules. */
export interface FlagContext {
  model: CaseModel;
  links: GoalLineage[];
  goals: Map<string, CaseGoal>;
  points: Map<string, GoalDataPoint[]>;
  t: FlagThresholds;
}

export function flagKey(type: RedFlagType, parts: string[]): string {
  return `${type}:${[...parts].sort().join(',')}`;
}

export function uniq<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function fmtNum(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(Math.round(n * 10) / 10);
}

export function goalName(goal: CaseGoal): string {
  return goal.area ? `${goal.area} goal` : goal.number != null ? `Goal ${goal.number}` : 'Goal';
}
