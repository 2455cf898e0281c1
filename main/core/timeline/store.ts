// The user's timeline decisions: goal links made or broken by hand, and red flags dismissed with a reason.
import type { LinkOverride } from '../../../shared/timeline/lineage';
import type { Core } from '../context';

export function loadLinkOverrides(core: Core, caseId: string): LinkOverride[] {
  return core.db
    .prepare<[string], { goal_id: string; lineage_key: string | null }>('SELECT goal_id, lineage_key FROM goal_link_overrides WHERE case_id = ? ORDER BY updated_at')
    .all(caseId)
    .map((r) => ({ goalId: r.goal_id, lineageKey: r.lineage_key }));
}

export function setLinkOverride(core: Core, caseId: string, goalId: string, lineageKey: string | null): void {
  core.db
    .prepare(
      `INSERT INTO goal_link_overrides (case_id, goal_id, lineage_key, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(case_id, goal_id) DO UPDATE SET lineage_key = excluded.lineage_key, updated_at = excluded.updated_at`,
    )
    .run(caseId, goalId, lineageKey, core.nowIso());
}

export function clearLinkOverride(core: Core, caseId: string, goalId: string): void {
  core.db.prepare('DELETE FROM goal_link_overrides WHERE case_id = ? AND goal_id = ?').run(caseId, goalId);
}

export interface Dismissal {
  reason: string;
  dismissedAt: string;
}

export function loadDismissals(core: Core, caseId: string): Map<string, Dismissal> {
  const rows = core.db
    .prepare<[string], { flag_key: string; reason: string; dismissed_at: string }>('SELECT flag_key, reason, dismissed_at FROM flag_dismissals WHERE case_id = ?')
    .all(caseId);
  return new Map(rows.map((r) => [r.flag_key, { reason: r.reason, dismissedAt: r.dismissed_at }]));
}

export function dismissFlag(core: Core, caseId: string, flagKey: string, reason: string): void {
  core.db
    .prepare(
      `INSERT INTO flag_dismissals (case_id, flag_key, reason, dismissed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(case_id, flag_key) DO UPDATE SET reason = excluded.reason, dismissed_at = excluded.dismissed_at`,
    )
    .run(caseId, flagKey, reason, core.nowIso());
}

export function undismissFlag(core: Core, caseId: string, flagKey: string): void {
  core.db.prepare('DELETE FROM flag_dismissals WHERE case_id = ? AND flag_key = ?').run(caseId, flagKey);
}
