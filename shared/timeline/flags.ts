// Red flags: patterns in the evidence that an IEP may not be working, each naming its values,
// dates and sources. Worded as what the records show, never as a legal conclusion. A flag an
// attorney cannot defend costs credibility, so each rule stays quiet where the records leave room
// for doubt. Goal rules live in flags-goals.ts, progress-report rules in flags-progress.ts, test
// scores, services and the calendar in flags-schedule.ts.
import { type FlagContext, type FlagOptions, type RedFlag, FLAG_THRESHOLDS, RED_FLAG_TYPES } from './flag-types';
import { carriedForwardFlags, gradeLevelFlags, targetBelowBaselineFlags, vagueGoalFlags } from './flags-goals';
import { scoreGapFlags } from './flags-scores';
import { gapWideningFlags, goalNotAmbitiousFlags } from './flags-norms';
import { codeContradictsDataFlags, reportWithoutDataFlags } from './flags-progress';
import { scheduleFlags, serviceFlags, testScoreFlags } from './flags-schedule';
import type { GoalLineage } from './lineage';
import { type CaseModel, dataPointsByGoal, goalById } from './model';

export * from './flag-types';
export { claimsMet, claimsProgress, isNotAddressed } from './flags-progress';
export { enrolledGrade, goalExtentUncertain, restates, statesBehaviourFrequency } from './flags-goals';

/** Every red flag the case shows, in a stable order (by type as listed, then key). */
export function computeRedFlags(model: CaseModel, links: GoalLineage[], opts: FlagOptions = {}): RedFlag[] {
  const ctx: FlagContext = {
    model,
    links,
    goals: goalById(model),
    points: dataPointsByGoal(model),
    t: { ...FLAG_THRESHOLDS, ...opts.thresholds },
    norms: opts.norms,
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
    ...gapWideningFlags(ctx),
    ...goalNotAmbitiousFlags(ctx),
    ...scoreGapFlags(ctx),
  ];
  const order = new Map(RED_FLAG_TYPES.map((t, i) => [t, i] as const));
  return flags.sort((a, b) => order.get(a.type)! - order.get(b.type)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
