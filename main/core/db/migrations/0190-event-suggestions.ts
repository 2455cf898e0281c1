import type { Migration } from '../migrate';

/**
 * Events read from the case's letters and notices (a records request, a Prior Written Notice...), as
 * suggestions the user accepts or dismisses. A row holds what was found (kind, date, page, sentence) and
 * the user's answer; an accepted one names the event it became. Keyed by document, kind and date so a
 * re-read of the same letter keeps the answer.
 */
export const m0190EventSuggestions: Migration = {
  version: 190,
  name: 'event suggestions from letters',
  up(db) {
    db.exec(`
      CREATE TABLE event_suggestions (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        event_type TEXT NOT NULL,
        date TEXT,
        page INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        recipient TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'dismissed')),
        event_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (document_id, kind, date)
      );
      CREATE INDEX event_suggestions_case ON event_suggestions(case_id);
    `);
  },
};
