import type { Migration } from '../migrate';

/**
 * Form families and what one correction teaches them (issue 18): each extracted document's layout
 * fingerprint and family; the anchors learned from the user's corrections, per family; and the
 * values an anchor filled on a document, kept apart from extraction and from the corrections (an
 * undo deletes an anchor's rows and nothing else).
 */
export const m0220FormFamilies: Migration = {
  version: 220,
  name: 'form families',
  up(db) {
    db.exec(`
      CREATE TABLE form_families (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        custom_name TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE form_fingerprints (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        family_id TEXT NOT NULL REFERENCES form_families(id),
        tokens_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX form_fingerprints_family ON form_fingerprints(family_id);
      CREATE TABLE form_anchors (
        id TEXT PRIMARY KEY,
        family_id TEXT NOT NULL REFERENCES form_families(id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        field TEXT NOT NULL,
        shape TEXT NOT NULL,
        description TEXT NOT NULL,
        spec_json TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        applied INTEGER NOT NULL DEFAULT 0,
        correction_id TEXT,
        source_document_id TEXT NOT NULL,
        source_file_name TEXT NOT NULL,
        source_page INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX form_anchors_family ON form_anchors(family_id);
      CREATE TABLE form_values (
        id TEXT PRIMARY KEY,
        anchor_id TEXT NOT NULL REFERENCES form_anchors(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        field TEXT NOT NULL,
        value_json TEXT NOT NULL,
        page INTEGER NOT NULL,
        bbox_json TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (anchor_id, document_id, entity_key, field)
      ) STRICT;
      CREATE INDEX form_values_document ON form_values(document_id);
    `);
  },
};
