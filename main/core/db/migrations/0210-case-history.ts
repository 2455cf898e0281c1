import type { Migration } from '../migrate';

/**
 * An append-only history per case: what happened (imported, corrected, exported, a packet built, a
 * letter saved...), when, a short description and the ids it concerns. Rows are never changed; a row
 * is deleted only with its case (purged for good), which the triggers check: an UPDATE is refused,
 * and a DELETE is refused while the case row still exists.
 */
export const m0210CaseHistory: Migration = {
  version: 210,
  name: 'case history',
  up(db) {
    db.exec(`
      CREATE TABLE case_history (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        description TEXT NOT NULL,
        ids TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX case_history_case ON case_history(case_id, at);
      CREATE TRIGGER case_history_no_update BEFORE UPDATE ON case_history
      BEGIN
        SELECT RAISE(ABORT, 'case history is append-only');
      END;
      CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history
      WHEN EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id)
      BEGIN
        SELECT RAISE(ABORT, 'case history is append-only');
      END;
    `);
  },
};
