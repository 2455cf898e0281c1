import type { Migration } from '../migrate';

/**
 * People the case's records name, offered in Case info (issue 20): one row per person and role,
 * with what the records print and where, and what the user made of it (pending, confirmed,
 * dismissed). A dismissed person stays dismissed when the records are read again.
 */
export const m0260ContactSuggestions: Migration = {
  version: 260,
  name: 'contact suggestions',
  up(db) {
    db.exec(`
      CREATE TABLE contact_suggestions (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        person_key TEXT NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        title TEXT,
        email TEXT,
        phone TEXT,
        address TEXT,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page INTEGER NOT NULL,
        bbox_json TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'dismissed')),
        updated_at TEXT NOT NULL,
        UNIQUE (case_id, person_key, role)
      ) STRICT;
    `);
  },
};
