// The case_history table's SQL: lines are only ever inserted and read (the triggers refuse the rest).
import type { Db } from '../db/open';

export interface HistoryRow {
  id: string;
  case_id: string;
  at: string;
  kind: string;
  description: string;
  ids: string;
}

export function insertHistory(db: Db, row: HistoryRow): void {
  db.prepare('INSERT INTO case_history (id, case_id, at, kind, description, ids) VALUES (@id, @case_id, @at, @kind, @description, @ids)').run(row);
}

/** Newest first; lines written in the same instant in the reverse of their writing order. */
export function historyOfCase(db: Db, caseId: string): HistoryRow[] {
  return db.prepare<[string], HistoryRow>('SELECT * FROM case_history WHERE case_id = ? ORDER BY at DESC, rowid DESC').all(caseId);
}
