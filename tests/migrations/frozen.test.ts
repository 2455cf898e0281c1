// Migrations are frozen: each holds its own SQL, so none may import the live schema or queries
// (a later change there would change what an old migration does to an old database).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../main/core/db/migrate';
import { SEARCH_INDEX_DDL } from '../../main/core/db/queries/search-index';

const dir = path.join(import.meta.dirname, '../../main/core/db/migrations');

/** The module specifiers a source file imports (static, dynamic and re-exports). */
function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('frozen migrations', () => {
  it('import nothing from db/queries or elsewhere in the app except the migration runner types', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const offending = files.flatMap((f) =>
      importsOf(readFileSync(path.join(dir, f), 'utf8'))
        .filter((spec) => spec.startsWith('.') && spec !== '../migrate')
        .map((spec) => `${f}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the import finder sees a planted import from queries/', () => {
    expect(importsOf("import { SEARCH_INDEX_DDL } from '../queries/search-index';\nconst x = await import('../queries/cases');")).toEqual(['../queries/search-index', '../queries/cases']);
  });

  it('0060 still creates the search index the live queries are written for', () => {
    // The migration keeps its own copy of the DDL; the tags it writes are checked against the live
    // format in migrations.test.ts. If the live schema changes, a new migration carries the change.
    const db = new Database(':memory:');
    migrate(db, 60);
    expect(db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'search_index'").get()?.sql).toBe(SEARCH_INDEX_DDL);
    db.close();
  });
});
