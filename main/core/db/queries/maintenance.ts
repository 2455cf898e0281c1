// Upkeep of the database file itself.
import type { Db } from '../open';

/**
 * After a case is deleted for good: its words leave the search index (FTS5 'optimize' merges the
 * segments that still held them), the freed pages are vacuumed out of the file and the WAL is
 * emptied, so nothing of the case stays in the file (secure_delete zeroes what SQLite frees, not
 * what FTS5 keeps). Skipped inside a transaction (VACUUM cannot run there).
 */
export function compactAfterDelete(db: Db): void {
  if (db.inTransaction) return;
  const fts = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'").all();
  for (const { name } of fts) db.prepare(`INSERT INTO "${name}"("${name}") VALUES ('optimize')`).run();
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Each table's row count by name (SQLite's own tables left out): two copies of a database compare by these. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
  return out;
}

/** A consistent copy of the open database written to `file` (VACUUM INTO: encrypted with the database's own key). */
export function snapshotInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}
