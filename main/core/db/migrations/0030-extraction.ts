import type { Migration } from '../migrate';

export const m0030Extraction: Migration = {
  version: 30,
  name: 'extraction results and the user corrections kept apart from them',
  up(db) {
    db.exec(`
      CREATE TABLE extractions (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        extractor_version INTEGER NOT NULL,
        result_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- One row per corrected field of an extracted entity. Re-running extraction never touches
      -- this table, so a confirmed or edited value survives any new version of the extractor.
      CREATE TABLE corrections (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        field TEXT NOT NULL,
        value_json TEXT,
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'edited', 'deleted', 'added')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (document_id, entity, entity_key, field)
      ) STRICT;
      CREATE INDEX corrections_document ON corrections(document_id);

      CREATE TABLE document_reviews (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        confirmed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
