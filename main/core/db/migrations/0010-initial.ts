import type { Migration } from '../migrate';

export const m0010Initial: Migration = {
  version: 10,
  name: 'initial: cases and settings',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        child_name TEXT,
        dob TEXT,
        grade TEXT,
        primary_disability TEXT,
        secondary_disability TEXT,
        state TEXT,
        district TEXT,
        school TEXT,
        parents_json TEXT NOT NULL DEFAULT '[]',
        contacts_json TEXT NOT NULL DEFAULT '[]',
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_opened_at TEXT,
        archived_at TEXT
      ) STRICT;
      CREATE INDEX cases_last_opened ON cases(last_opened_at);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
