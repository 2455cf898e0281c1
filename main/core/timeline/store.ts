// The user's timeline decisions: goal links made or broken by hand, and red flags dismissed with a
// reason. Each change says case.changed, so every open screen of the case follows it.
import type { LinkOverride } from '../../../shared/timeline/lineage';
import type { Core } from '../context';
import { deleteDismissal, deleteLinkOverride, dismissalsOfCase, linkOverridesOfCase, upsertDismissal, upsertLinkOverride, type Dismissal } from './queries';
import { recordHistory } from '../history/history';

export type { Dismissal };

export function loadLinkOverrides(core: Core, caseId: string): LinkOverride[] {
  return linkOverridesOfCase(core.db, caseId);
}

export function setLinkOverride(core: Core, caseId: string, goalId: string, lineageKey: string | null): void {
  upsertLinkOverride(core.db, caseId, goalId, lineageKey, core.nowIso());
  core.emit('case.changed', { caseId, what: 'links' });
}

export function clearLinkOverride(core: Core, caseId: string, goalId: string): void {
  deleteLinkOverride(core.db, caseId, goalId);
  core.emit('case.changed', { caseId, what: 'links' });
}

export function loadDismissals(core: Core, caseId: string): Map<string, Dismissal> {
  return dismissalsOfCase(core.db, caseId);
}

export function dismissFlag(core: Core, caseId: string, flagKey: string, reason: string): void {
  upsertDismissal(core.db, caseId, flagKey, reason, core.nowIso());
  recordHistory(core, caseId, { kind: 'flag_dismissed', description: `Dismissed the flag ${flagKey}${reason ? `: ${reason}` : ''}`, ids: [flagKey] });
  core.emit('case.changed', { caseId, what: 'flags' });
}

export function undismissFlag(core: Core, caseId: string, flagKey: string): void {
  deleteDismissal(core.db, caseId, flagKey);
  recordHistory(core, caseId, { kind: 'flag_restored', description: `Brought back the flag ${flagKey}`, ids: [flagKey] });
  core.emit('case.changed', { caseId, what: 'flags' });
}
