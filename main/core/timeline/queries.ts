// The timeline's SQL: the user's goal links (goal_link_overrides), dismissed red flags
// (flag_dismissals), and the case's documents with their stored extraction results, which the case
// model is built from. Rows are mapped to the shapes the timeline uses here and nowhere else.
import type { LinkOverride } from '../../../shared/timeline/lineage';
import type { Db } from '../db/open';

export interface Dismissal {
  reason: string;
  dismissedAt: string;
}

export function linkOverridesOfCase(db: Db, caseId: string): LinkOverride[] {
  return db
    .prepare<[string], { goal_id: string; lineage_key: string | null }>('SELECT goal_id, lineage_key FROM goal_link_overrides WHERE case_id = ? ORDER BY updated_at')
    .all(caseId)
    .map((r) => ({ goalId: r.goal_id, lineageKey: r.lineage_key }));
}

export function upsertLinkOverride(db: Db, caseId: string, goalId: string, lineageKey: string | null, now: string): void {
  db.prepare(
    `INSERT INTO goal_link_overrides (case_id, goal_id, lineage_key, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(case_id, goal_id) DO UPDATE SET lineage_key = excluded.lineage_key, updated_at = excluded.updated_at`,
  ).run(caseId, goalId, lineageKey, now);
}

export function deleteLinkOverride(db: Db, caseId: string, goalId: string): void {
  db.prepare('DELETE FROM goal_link_overrides WHERE case_id = ? AND goal_id = ?').run(caseId, goalId);
}

export function dismissalsOfCase(db: Db, caseId: string): Map<string, Dismissal> {
  const rows = db
    .prepare<[string], { flag_key: string; reason: string; dismissed_at: string }>('SELECT flag_key, reason, dismissed_at FROM flag_dismissals WHERE case_id = ?')
    .all(caseId);
  return new Map(rows.map((r) => [r.flag_key, { reason: r.reason, dismissedAt: r.dismissed_at }]));
}

export function upsertDismissal(db: Db, caseId: string, flagKey: string, reason: string, now: string): void {
  db.prepare(
    `INSERT INTO flag_dismissals (case_id, flag_key, reason, dismissed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(case_id, flag_key) DO UPDATE SET reason = excluded.reason, dismissed_at = excluded.dismissed_at`,
  ).run(caseId, flagKey, reason, now);
}

export function deleteDismissal(db: Db, caseId: string, flagKey: string): void {
  db.prepare('DELETE FROM flag_dismissals WHERE case_id = ? AND flag_key = ?').run(caseId, flagKey);
}

export interface CaseDocumentRow {
  id: string;
  fileName: string;
  type: string;
  subtype: string | null;
  date: string | null;
  /** The stored extraction result, as JSON; null before a document is extracted. */
  resultJson: string | null;
}

/** The case's documents not in the trash, dated ones first in date order, with their extraction results. */
export function caseDocumentsWithExtractions(db: Db, caseId: string): CaseDocumentRow[] {
  return db
    .prepare<[string], { id: string; file_name: string; type: string; subtype: string | null; date: string | null; result_json: string | null }>(
      `SELECT d.id, d.file_name, d.type, d.subtype, d.date, e.result_json FROM documents d
       LEFT JOIN extractions e ON e.document_id = d.id
       WHERE d.case_id = ? AND d.deleted_at IS NULL ORDER BY d.date IS NULL, d.date, d.created_at`,
    )
    .all(caseId)
    .map((r) => ({ id: r.id, fileName: r.file_name, type: r.type, subtype: r.subtype, date: r.date, resultJson: r.result_json }));
}
