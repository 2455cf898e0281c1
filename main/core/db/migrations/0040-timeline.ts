import type { Migration } from '../migrate';

export const m0040Timeline: Migration = {
  version: 40,
  name: 'goal link overrides and dismissed red flags',
  up(db) {
    db.exec(`
      CREATE TABLE goal_link_overrides (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        goal_id TEXT NOT NULL,
        lineage_key TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (case_id, goal_id)
      ) STRICT;

      CREATE TABLE flag_dismissals (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        flag_key TEXT NOT NULL,
        reason TEXT NOT NULL,
        dismissed_at TEXT NOT NULL,
        PRIMARY KEY (case_id, flag_key)
      ) STRICT;
    `);
  },
};
