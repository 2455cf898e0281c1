// Red flag types, thresholds and the small helpers every rule uses.
import type { Provenance } from '../domain';
import type { OrfNormTable } from '../norms/orf';
import type { GoalLineage } from './lineage';
import type { CaseGoal, CaseModel, GoalDataPoint } from './model';

export const RED_FLAG_TYPES = [
  'goal_carried_forward_unmet',
  'goal_target_below_baseline',
  'vague_goal',
  'goal_without_target_date',
  'progress_report_without_data',
  'declining_percentiles',
  'services_unchanged_despite_stagnation',
  'missed_services',
  'progress_code_contradicts_data',
  'goal_not_updated_to_grade_level',
  'progress_report_missing_or_late',
  'annual_review_overdue',
  'reevaluation_overdue',
  /** flags-notices.ts: a Prior Written Notice with no sentence for one of the elements of 34 CFR 300.503(b). */
  'pwn_missing_element',
  /** flags-norms.ts: a school year's fluency growth short of the 50th percentile's between the same seasons (the gap to peers growing). */
  'gap_widening',
  /** flags-norms.ts: a fluency goal's target below the grade's 10th percentile at its date, or asking less growth than the 50th percentile makes. */
  'goal_not_ambitious',
  /** flags-scores.ts: a measure's raw or scale scores rising across years while its percentile rank or standard score falls. */
  'score_gap_widening',
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
  /** "Far below the aim line" needs this many measured points: one probe early in the year is one bad day. */
  minPointsForShortfall: 2,
  /** A period's data count as worse than the baseline only with this many points, every one of them worse. */
  minPeriodPointsWorseThanBaseline: 2,
  /** A goal read with less confidence than this (OCR doubt and no criterion found) may be missing words: its parts are not judged. */
  minGoalConfidenceToJudgeParts: 0.6,
  /** A goal is a sentence or two (with its criterion, a few hundred characters): text longer than this has run into other fields. */
  maxGoalTextChars: 800,
  /** Two administrations alone count as a decline only when the percentile falls this far (smaller moves are within test error). */
  percentileSingleDrop: 10,
  /** ...or when every one of at least this many measures of the same test fell between the same two administrations:
   *  one small drop is test error, the whole battery falling together is not. */
  percentileBatteryMeasures: 3,
  /** Missed minutes below this (about one short session) are not flagged. */
  minMissedMinutes: 30,
  /** Days of slack after a period before its progress report counts as missing (reports follow grading periods). */
  reportGraceDays: 45,
  /** Days after an annual review or reevaluation fell due before a file with no later IEP or evaluation shows it
   *  overdue: the new document reaches the parent (and the file) weeks after the meeting or testing, so a file
   *  ending sooner cannot show that none was held. */
  reviewRecordGraceDays: 60,
  /** A year's growth counts as the gap to peers growing when it falls this many WCPM short of the 50th percentile's:
   *  Hasbrouck & Tindal's own rule treats scores within 10 WCPM of the 50th percentile as the expected range. */
  gapWideningMinShortfall: 10,
  /** A fluency goal whose target is below this printed percentile of its grade and season aims below nearly all peers. */
  ambitionFloorPercentile: 10,
  /** Two administrations count as standing falling on standard scores (mean 100, SD 15) when it drops this far: a third of a standard deviation. */
  standardScoreDrop: 5,
};
export type FlagThresholds = typeof FLAG_THRESHOLDS;

export interface FlagOptions {
  thresholds?: Partial<FlagThresholds>;
  /** The fluency norms the peer comparisons use (default: Hasbrouck & Tindal 2017, shared/norms). */
  norms?: OrfNormTable;
}

/** Shared lookups for the rules. */
export interface FlagContext {
  model: CaseModel;
  links: GoalLineage[];
  goals: Map<string, CaseGoal>;
  points: Map<string, GoalDataPoint[]>;
  t: FlagThresholds;
  norms?: OrfNormTable;
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
