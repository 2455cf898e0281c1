import type { Migration } from '../migrate';

/**
 * Events read from letters are stored when a document is extracted (issue 19), not read again at each
 * listing: a row per document, kind and source key (the page and the words of its sentence without the
 * date, so a re-read that changes the date finds the same row). `found` is 0 for a row the latest read no
 * longer gives (kept only when the user answered it); a dismissal keeps its reason. Rows from before keep
 * their answers under a legacy key by date, taken over by the first read that finds the same date.
 * `event_suggestion_reads` says which pages (by their stamp) a document's stored events were read from.
 */
export const m0270StoredEventSuggestions: Migration = {
  version: 270,
  name: 'stored event suggestions',
  up(db) {
    db.exec(`
      CREATE TABLE event_suggestions_new (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        source_key TEXT NOT NULL,
        event_type TEXT NOT NULL,
        date TEXT,
        page INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        recipient TEXT,
        action TEXT,
        automatic INTEGER NOT NULL DEFAULT 0,
        found INTEGER NOT NULL DEFAULT 1,
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'dismissed')),
        dismiss_reason TEXT,
        event_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (document_id, kind, source_key)
      );
      INSERT INTO event_suggestions_new (id, case_id, document_id, kind, source_key, event_type, date, page, sentence, recipient, action, automatic, found, status, dismiss_reason, event_id, created_at, updated_at)
        SELECT id, case_id, document_id, kind, 'legacy|' || coalesce(date, ''), event_type, date, page, sentence, recipient, NULL, 0, 0, status, NULL, event_id, created_at, updated_at
          FROM event_suggestions;
      DROP TABLE event_suggestions;
      ALTER TABLE event_suggestions_new RENAME TO event_suggestions;
      CREATE INDEX event_suggestions_case ON event_suggestions(case_id);
      CREATE TABLE event_suggestion_reads (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        stamp TEXT NOT NULL,
        read_at TEXT NOT NULL
      );
    `);
  },
};
