import type { Migration } from '../migrate';

// Frozen: this migration holds its own SQL and tag format as they were when it was written, so a
// later change to the live schema in queries/ cannot change what it does to an old database.
const SEARCH_INDEX_DDL = `CREATE VIRTUAL TABLE search_index USING fts5(
  text,
  tags,
  tokenize = 'porter unicode61 remove_diacritics 2'
)`;
const hex = (value: string) => Buffer.from(value, 'utf8').toString('hex');
const searchTags = (caseId: string, type: string) => `k${hex(caseId)}0 y${hex(type)}0`;

/**
 * Replaces pages_fts (searchable by its text only, so replacing one page's row scanned the whole
 * index) with search_index: rows keyed by a rowid each page stores, and the case and document type
 * as indexed filter tags. Every page with text of a document not in the trash is indexed again.
 */
export const m0060SearchIndex: Migration = {
  version: 60,
  name: 'search index keyed by page, with case and type tags',
  up(db) {
    db.exec(`${SEARCH_INDEX_DDL}; ALTER TABLE pages ADD COLUMN search_rowid INTEGER;`);
    const insert = db.prepare('INSERT INTO search_index (text, tags) VALUES (?, ?)');
    const link = db.prepare('UPDATE pages SET search_rowid = ? WHERE rowid = ?');
    const rows = db
      .prepare<[], { rowid: number; text: string; case_id: string; type: string }>(
        `SELECT p.rowid, p.text, d.case_id, d.type FROM pages p JOIN documents d ON d.id = p.document_id
         WHERE d.deleted_at IS NULL AND trim(p.text) <> '' ORDER BY d.created_at, p.document_id, p.page_number`,
      )
      .all();
    for (const r of rows) link.run(insert.run(r.text, searchTags(r.case_id, r.type)).lastInsertRowid, r.rowid);
    db.exec(`CREATE UNIQUE INDEX pages_search_rowid ON pages(search_rowid); DROP TABLE pages_fts;`);
  },
};
