// The full-text index of every page with text (SQLite FTS5 table `search_index`). Each page keeps
// the rowid of its index row in pages.search_rowid, so a page's row is replaced or dropped by rowid
// (the old pages_fts could be searched by its text only: every delete scanned the whole index).
// Besides the text, each row carries filter tags (the case and the document type) as indexed
// tokens, so a search in one case or one type narrows inside FTS5 instead of after it.
import type { Db } from '../open';

/**
 * Filter tokens. The tokenizer keeps letters and digits only and the porter stemmer rewrites
 * English endings, so a tag is a letter, the value in hex (one token, and different values never
 * share one) and a closing digit (no porter rule touches a word that ends in a digit). Searches
 * are confined to the text column, so nothing a person types can match a tag.
 */
const hex = (value: string) => Buffer.from(value, 'utf8').toString('hex');
export const caseTag = (caseId: string) => `k${hex(caseId)}0`;
export const typeTag = (type: string) => `y${hex(type)}0`;
export const searchTags = (caseId: string, type: string) => `${caseTag(caseId)} ${typeTag(type)}`;

export const SEARCH_INDEX_DDL = `CREATE VIRTUAL TABLE search_index USING fts5(
  text,
  tags,
  tokenize = 'porter unicode61 remove_diacritics 2'
)`;

export function searchIndexQueries(db: Db) {
  const insert = db.prepare('INSERT INTO search_index (text, tags) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM search_index WHERE rowid = ?');
  const docInfo = db.prepare<[string], { case_id: string; type: string }>('SELECT case_id, type FROM documents WHERE id = ?');
  const docRows = db.prepare<[string], { page_number: number; text: string; search_rowid: number | null }>(
    'SELECT page_number, text, search_rowid FROM pages WHERE document_id = ? ORDER BY page_number',
  );
  const setRowid = db.prepare('UPDATE pages SET search_rowid = ? WHERE document_id = ? AND page_number = ?');
  const retag = db.prepare('UPDATE search_index SET tags = ? WHERE rowid = ?');
  const tagsOf = db.prepare<[number], { tags: string }>('SELECT tags FROM search_index WHERE rowid = ?');

  /** Indexes a page's text (replacing its old row); a page without text, or without tags (its document is in the trash), gets no row. */
  function putPage(docId: string, pageNumber: number, text: string, oldRowid: number | null, tags: string | null): void {
    if (oldRowid !== null) remove.run(oldRowid);
    const rowid = tags !== null && text.trim() ? Number(insert.run(text, tags).lastInsertRowid) : null;
    setRowid.run(rowid, docId, pageNumber);
  }

  return {
    putPage,
    /** Drops every index row of a document (to the trash, or about to be deleted). */
    removeDocument(docId: string): void {
      for (const p of docRows.all(docId)) if (p.search_rowid !== null) remove.run(p.search_rowid);
      db.prepare('UPDATE pages SET search_rowid = NULL WHERE document_id = ?').run(docId);
    },
    /** Indexes every page of a document afresh (back from the trash). */
    indexDocument(docId: string): void {
      const doc = docInfo.get(docId);
      if (!doc) return;
      const tags = searchTags(doc.case_id, doc.type);
      for (const p of docRows.all(docId)) putPage(docId, p.page_number, p.text, p.search_rowid, tags);
    },
    /** Rewrites a document's tags if its type changed (a no-op otherwise). */
    retagDocument(docId: string): void {
      const doc = docInfo.get(docId);
      if (!doc) return;
      const tags = searchTags(doc.case_id, doc.type);
      for (const p of docRows.all(docId)) {
        if (p.search_rowid !== null && tagsOf.get(p.search_rowid)?.tags !== tags) retag.run(tags, p.search_rowid);
      }
    },
    /** Drops the index rows of every document of a case (the case is being deleted). */
    removeCase(caseId: string): void {
      db.prepare(
        'DELETE FROM search_index WHERE rowid IN (SELECT p.search_rowid FROM pages p JOIN documents d ON d.id = p.document_id WHERE d.case_id = ? AND p.search_rowid IS NOT NULL)',
      ).run(caseId);
    },
  };
}
