import type { Migration } from '../migrate';

export const m0020Documents: Migration = {
  version: 20,
  name: 'documents, pages, full-text search, background jobs',
  up(db) {
    db.exec(`
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        file_name TEXT NOT NULL,
        source_path TEXT,
        archive_path TEXT,
        parent_document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
        format TEXT NOT NULL,
        page_count INTEGER NOT NULL DEFAULT 0,
        text_source TEXT,
        title TEXT,
        type TEXT NOT NULL DEFAULT 'other',
        type_confidence REAL NOT NULL DEFAULT 0,
        type_by_user INTEGER NOT NULL DEFAULT 0,
        subtype TEXT,
        date TEXT,
        date_confidence REAL NOT NULL DEFAULT 0,
        date_by_user INTEGER NOT NULL DEFAULT 0,
        meta_json TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL DEFAULT 'ready',
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        UNIQUE (case_id, sha256)
      ) STRICT;
      CREATE INDEX documents_case ON documents(case_id, deleted_at, date);

      CREATE TABLE pages (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page_number INTEGER NOT NULL,
        width REAL NOT NULL,
        height REAL NOT NULL,
        text TEXT NOT NULL,
        words_json TEXT NOT NULL,
        source TEXT NOT NULL,
        mean_confidence REAL,
        needs_review INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (document_id, page_number)
      ) STRICT;

      CREATE VIRTUAL TABLE pages_fts USING fts5(
        text,
        document_id UNINDEXED,
        page_number UNINDEXED,
        case_id UNINDEXED,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );

      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        payload_json TEXT NOT NULL DEFAULT '{}',
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX jobs_status ON jobs(status);
    `);
  },
};
