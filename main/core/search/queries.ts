// The search's SQL: matches ranked by bm25 inside FTS5 (search_index), and the pages and documents
// the ranked rows belong to. Rows are mapped to camelCase here and nowhere else.
import type { Db } from '../db/open';

export interface RankedMatch {
  rid: number;
  score: number;
  /** Matching pages read: the window, and one more if there are more. */
  matched: number;
}

export interface RankQuery {
  /** An FTS5 expression over the text and tags columns. */
  match: string;
  /** How many of the newest matching pages are ranked. */
  window: number;
  limit: number;
  dateFrom?: string;
  dateTo?: string;
}

/**
 * The best matches among the newest `window` matching pages (FTS5 walks rowids newest first
 * cheaply), with how many were read; throws SQLite's error for an expression FTS5 cannot parse.
 */
export function rankMatches(db: Db, q: RankQuery): RankedMatch[] {
  const params: Record<string, unknown> = { match: q.match, window: q.window, limit: q.limit };
  const dates: string[] = [];
  if (q.dateFrom) {
    dates.push('d.date >= @dateFrom');
    params.dateFrom = q.dateFrom;
  }
  if (q.dateTo) {
    dates.push('d.date <= @dateTo');
    params.dateTo = q.dateTo;
  }
  const matching = dates.length
    ? `search_index f JOIN pages p ON p.search_rowid = f.rowid JOIN documents d ON d.id = p.document_id
       WHERE search_index MATCH @match AND ${dates.join(' AND ')}`
    : 'search_index f WHERE search_index MATCH @match';
  // One page more than the window is read (not ranked) to learn whether any match was left out.
  const candidates = `SELECT f.rowid AS rid, f.rank AS score FROM ${matching} ORDER BY f.rowid DESC LIMIT @window + 1`;
  return db
    .prepare<Record<string, unknown>, RankedMatch>(
      `SELECT rid, score, matched FROM (
         SELECT rid, score, count(*) OVER () AS matched, min(rid) OVER () AS oldest FROM (${candidates})
       ) WHERE matched <= @window OR rid <> oldest ORDER BY score LIMIT @limit`,
    )
    .all(params);
}

export interface IndexedPage {
  rid: number;
  documentId: string;
  pageNumber: number;
  caseId: string;
  caseName: string;
  fileName: string;
  title: string | null;
  type: string;
  date: string | null;
  deletedAt: string | null;
  text: string;
}

/** The pages (with their document and case) that the given index rows belong to. */
export function pagesOfIndexRows(db: Db, rids: number[]): IndexedPage[] {
  return db
    .prepare<
      [string],
      { rid: number; document_id: string; page_number: number; case_id: string; case_name: string; file_name: string; title: string | null; type: string; date: string | null; deleted_at: string | null; text: string }
    >(
      `SELECT p.search_rowid AS rid, p.document_id, p.page_number, p.text, d.case_id, c.name AS case_name, d.file_name, d.title, d.type, d.date, d.deleted_at
       FROM pages p JOIN documents d ON d.id = p.document_id JOIN cases c ON c.id = d.case_id
       WHERE p.search_rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(rids))
    .map((r) => ({
      rid: r.rid,
      documentId: r.document_id,
      pageNumber: r.page_number,
      caseId: r.case_id,
      caseName: r.case_name,
      fileName: r.file_name,
      title: r.title,
      type: r.type,
      date: r.date,
      deletedAt: r.deleted_at,
      text: r.text,
    }));
}

/** A page's words with their boxes, as stored JSON, or null when the document has no such page. */
export function pageWordsJson(db: Db, documentId: string, page: number): string | null {
  return db.prepare<[string, number], { words_json: string }>('SELECT words_json FROM pages WHERE document_id = ? AND page_number = ?').get(documentId, page)?.words_json ?? null;
}
