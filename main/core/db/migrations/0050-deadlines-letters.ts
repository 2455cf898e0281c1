import type { Migration } from '../migrate';

export const m0050DeadlinesLetters: Migration = {
  version: 50,
  name: 'case events, district calendars, deadline adjustments and letters',
  up(db) {
    db.exec(`
      CREATE TABLE case_events (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date TEXT NOT NULL,
        label TEXT NOT NULL,
        source_document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
        response_date TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_events_case ON case_events(case_id, date);

      CREATE TABLE calendars (
        case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        calendar_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE deadline_adjustments (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        met_date TEXT,
        extended_to TEXT,
        waived INTEGER NOT NULL DEFAULT 0,
        note TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (case_id, event_id, rule_id)
      ) STRICT;

      CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        template TEXT NOT NULL,
        subject TEXT NOT NULL,
        draft_json TEXT NOT NULL,
        sent_date TEXT,
        response_date TEXT,
        document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
