import { checkGoal } from '../../shared/goals/check';
import { clearLinkOverride, dismissFlag, setLinkOverride, undismissFlag } from '../core/timeline/store';
import { flagsOf, lineagesOf, overviewOf, scoresOf, timelineOf } from '../core/timeline/service';
import type { Registry } from './registry';

export function registerTimeline(reg: Registry): void {
  reg.register('case.overview', ({ caseId }, { core }) => overviewOf(core, caseId));
  reg.register('timeline.get', ({ caseId }, { core }) => timelineOf(core, caseId));
  reg.register('goals.lineages', ({ caseId }, { core }) => lineagesOf(core, caseId));
  reg.register('goals.link', ({ caseId, goalId, lineageKey }, { core }) => {
    setLinkOverride(core, caseId, goalId, lineageKey);
    return lineagesOf(core, caseId);
  });
  reg.register('goals.resetLink', ({ caseId, goalId }, { core }) => {
    clearLinkOverride(core, caseId, goalId);
    return lineagesOf(core, caseId);
  });
  reg.register('goals.check', ({ text, ...opts }) => checkGoal(text, opts));
  reg.register('flags.list', ({ caseId, includeDismissed }, { core }) => flagsOf(core, caseId, includeDismissed ?? true));
  reg.register('flags.dismiss', ({ caseId, key, reason }, { core }) => {
    dismissFlag(core, caseId, key, reason);
    return flagsOf(core, caseId);
  });
  reg.register('flags.restore', ({ caseId, key }, { core }) => {
    undismissFlag(core, caseId, key);
    return flagsOf(core, caseId);
  });
  reg.register('scores.list', ({ caseId }, { core }) => scoresOf(core, caseId));
}
