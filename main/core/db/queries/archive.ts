// The rows of one case, for the case archive: the case, every table keyed by case_id, every table
// keyed by document_id of its documents, and the blobs rows of its originals; found from the schema,
// so a table added later with either key comes along. The search index is rebuilt, not copied.
import type { Db } from '../open';
import { searchIndexQueries } from './search-index';

export type Row = Record<string, unknown>;
export type CaseRows = Record<string, Row[]>;

const SKIP = /^(search_index|sqlite_|settings$)/;

function tablesWith(db: Db): Array<{ name: string; cols: string[] }> {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .filter((t) => !SKIP.test(t.name))
    .map((t) => ({ name: t.name, cols: db.prepare<[], { name: string }>(`PRAGMA table_info("${t.name}")`).all().map((c) => c.name) }));
}

export function readCaseRows(db: Db, caseId: string): CaseRows {
  const out: CaseRows = {};
  const docs = `SELECT id FROM documents WHERE case_id = ?`;
  for (const t of tablesWith(db)) {
    const q = `"${t.name}"`;
    if (t.name === 'cases') out.cases = db.prepare<[string], Row>(`SELECT * FROM cases WHERE id = ?`).all(caseId);
    else if (t.name === 'blobs') out.blobs = db.prepare<[string, string], Row>(`SELECT * FROM blobs WHERE sha256 IN (SELECT sha256 FROM documents WHERE case_id = ? UNION SELECT working_sha256 FROM documents WHERE case_id = ?)`).all(caseId, caseId);
    else if (t.cols.includes('case_id')) out[t.name] = db.prepare<[string], Row>(`SELECT * FROM ${q} WHERE case_id = ? ORDER BY rowid`).all(caseId);
    else if (t.cols.includes('document_id')) out[t.name] = db.prepare<[string], Row>(`SELECT * FROM ${q} WHERE document_id IN (${docs}) ORDER BY rowid`).all(caseId);
  }
  return out;
}

/** Inserts a case's rows (foreign keys checked at commit), then indexes its pages for search. */
export function writeCaseRows(db: Db, rows: CaseRows): void {
  const known = new Set(tablesWith(db).map((t) => t.name));
  const order = ['cases', 'blobs', 'documents', ...Object.keys(rows).filter((n) => !['cases', 'blobs', 'documents'].includes(n))];
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const table of order) {
      if (!rows[table]?.length) continue;
      if (!known.has(table)) throw new Error(`The archive holds a table this version does not have (${table}).`);
      for (const row of rows[table]) {
        let r = table === 'pages' ? { ...row, search_rowid: null } : row;
        // A case's edit version is numbered across all cases: a number taken here takes the next one.
        if (table === 'cases' && 'version' in r && db.prepare('SELECT 1 FROM cases WHERE version = ?').get(r.version)) {
          r = { ...r, version: (db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM cases').get() as { v: number }).v };
        }
        const cols = Object.keys(r);
        // Blobs, form families and their learned anchors (issue 18) are shared across cases: one the folder has already stays.
        const verb = table === 'blobs' || table === 'form_families' || table === 'form_anchors' ? 'INSERT OR IGNORE' : 'INSERT';
        db.prepare(`${verb} INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => r[c]));
      }
    }
    const index = searchIndexQueries(db);
    for (const d of rows.documents ?? []) index.indexDocument(String(d.id));
  })();
}

export function caseExists(db: Db, caseId: string): boolean {
  return Boolean(db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId));
}
