// The SQL of merging a case archive into the same case already in the folder: the union of the two,
// the folder's side winning where both hold the same thing. Tables are found from the schema (as
// db/queries/archive.ts does), so a table added later with a case_id or document_id comes along.
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import type { CaseRows, Row } from '../db/queries/archive';
import { searchIndexQueries } from '../db/queries/search-index';

export interface MergeCounts {
  documentsAdded: number;
  /** Documents of the archive already here (the same original, by SHA-256): the folder's rows kept. */
  documentsKept: number;
  /** Rows added per table (documents and blobs aside). */
  added: Record<string, number>;
  /** Letters and events changed on both sides (one id, two contents): the archive's kept beside, under a new id. */
  keptBeside: number;
}

/** Rows the engine derives from a document already here (its own reading of the same original). */
const DERIVED = new Set(['pages', 'extractions', 'jobs', 'ocr_job_pages']);
/** Profile fields of the case the archive may fill where the folder has nothing. */
const PROFILE = ['child_name', 'dob', 'grade', 'primary_disability', 'secondary_disability', 'state', 'district', 'school', 'notes'];

/** Rows a person edits, kept twice when both sides changed them, and the column that says which is which. */
const KEEP_BESIDE: Record<string, string> = { letters: 'subject', case_events: 'label' };
const BOOKKEEPING = new Set(['updated_at', 'version', 'created_at']);
const differs = (a: Row, b: Row) => Object.keys(b).some((k) => !BOOKKEEPING.has(k) && k in a && a[k] !== b[k]);

function contentId(table: string, r: Row): string {
  const h = createHash('sha256').update(table).update(JSON.stringify(r)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const columnsOf = (db: Db, table: string) => db.prepare<[], { name: string }>(`PRAGMA table_info("${table}")`).all().map((c) => c.name);

function insert(db: Db, table: string, row: Row, verb = 'INSERT OR IGNORE'): number {
  const cols = Object.keys(row);
  return db.prepare(`${verb} INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c])).changes;
}

/**
 * Merges `rows` (an archive of case `caseId`, which the folder has) into the folder: documents not
 * here (by SHA-256) with everything of theirs; for documents here, the archive's corrections,
 * confirmations and type or date choices where the folder has none; events, letters, history and
 * the case's other rows not here; empty profile fields filled. Nothing of the folder is changed or lost.
 */
export function mergeCaseRows(db: Db, caseId: string, rows: CaseRows): MergeCounts {
  const counts: MergeCounts = { documentsAdded: 0, documentsKept: 0, added: {}, keptBeside: 0 };
  const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name));
  for (const t of Object.keys(rows)) if (!tables.has(t)) throw new Error(`The archive holds a table this version does not have (${t}).`);
  const here = new Map(db.prepare<[string], { id: string; sha256: string }>('SELECT id, sha256 FROM documents WHERE case_id = ?').all(caseId).map((d) => [d.sha256, d.id]));
  // Archive document id -> the id it has here; `kept` are those the folder had already.
  const docMap = new Map<string, string>();
  const kept = new Set<string>();
  for (const d of rows.documents ?? []) {
    const id = String(d.id);
    const existing = here.get(String(d.sha256));
    if (existing) {
      docMap.set(id, existing);
      kept.add(id);
    } else docMap.set(id, db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) ? randomUUID() : id);
  }
  const renamed = [...docMap].filter(([from, to]) => from !== to);
  const swap = (v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    const exact = docMap.get(v);
    if (exact) return exact;
    let s = v;
    for (const [from, to] of renamed) if (s.includes(from)) s = s.split(from).join(to);
    return s;
  };
  const remap = (r: Row): Row => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, swap(v)]));
  const bump = (table: string, n: number) => n && (counts.added[table] = (counts.added[table] ?? 0) + n);

  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const b of rows.blobs ?? []) insert(db, 'blobs', b);
    const added: string[] = [];
    for (const d of rows.documents ?? []) {
      const id = String(d.id);
      if (kept.has(id)) {
        counts.documentsKept++;
        const mine = docMap.get(id)!;
        // The person's own type or date on the other side fills a choice the folder has not made.
        if (Number(d.type_by_user)) db.prepare('UPDATE documents SET type = ?, subtype = ?, type_confidence = ?, type_by_user = 1 WHERE id = ? AND type_by_user = 0').run(d.type, d.subtype, d.type_confidence, mine);
        if (Number(d.date_by_user)) db.prepare('UPDATE documents SET date = ?, date_confidence = ?, date_by_user = 1 WHERE id = ? AND date_by_user = 0').run(d.date, d.date_confidence, mine);
        continue;
      }
      insert(db, 'documents', remap(d), 'INSERT');
      added.push(docMap.get(id)!);
      counts.documentsAdded++;
    }
    for (const [table, list] of Object.entries(rows)) {
      if (['cases', 'blobs', 'documents'].includes(table)) continue;
      const cols = columnsOf(db, table);
      for (const original of list) {
        if (DERIVED.has(table) && typeof original.document_id === 'string' && kept.has(original.document_id)) continue;
        if (table === 'jobs') continue;
        let r = remap(original);
        if (table === 'pages') r = { ...r, search_rowid: null };
        const label = KEEP_BESIDE[table];
        if (label && cols.includes('id')) {
          const mine = db.prepare<[unknown], Row>(`SELECT * FROM "${table}" WHERE id = ?`).get(r.id);
          if (mine && differs(mine, r)) {
            // Both sides changed the same letter or event: both are kept, the archive's named so.
            // Its id comes from its content, so merging the same archive again adds it no second time.
            bump(table, insert(db, table, { ...r, id: contentId(table, r), [label]: `${String(r[label])} (from the archive)` }));
            counts.keptBeside++;
            continue;
          }
        }
        bump(table, insert(db, table, r));
      }
    }
    const archived = rows.cases?.[0];
    if (archived) {
      const mine = db.prepare<[string], Row>('SELECT * FROM cases WHERE id = ?').get(caseId)!;
      const fill: Row = {};
      for (const c of PROFILE) if ((mine[c] === null || mine[c] === '') && archived[c] !== null && archived[c] !== undefined && archived[c] !== '') fill[c] = archived[c];
      for (const c of ['parents_json', 'contacts_json']) if (mine[c] === '[]' && typeof archived[c] === 'string' && archived[c] !== '[]') fill[c] = archived[c];
      const next = (db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM cases').get() as { v: number }).v;
      const set = { ...fill, version: next };
      db.prepare(`UPDATE cases SET ${Object.keys(set).map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`).run(...Object.values(set), caseId);
    }
    const index = searchIndexQueries(db);
    for (const id of added) index.indexDocument(id);
  })();
  return counts;
}
