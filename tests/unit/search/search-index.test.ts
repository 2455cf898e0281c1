// The search index: filters by case and type inside FTS5 (tags kept in step with the documents),
// rows that follow pages through trash, restore, re-classification and case deletion, and a
// ranking window that is exact when few pages match and says so when many do.
import { describe, expect, it } from 'vitest';
import type { DocType } from '../../../shared/domain';
import { createCase, deleteCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { documentQueries } from '../../../main/core/db/queries/documents';
import { caseTag, typeTag } from '../../../main/core/db/queries/search-index';
import { restoreDocument, trashDocument, updateDocument } from '../../../main/core/documents/service';
import { search } from '../../../main/core/search/service';
import { testCore } from '../../support/core';
import { textPage } from '../../support/pages';

const page = textPage;

let docs = 0;
function addDocument(core: Core, caseId: string, type: DocType, texts: string[], date = '2024-05-01'): string {
  const id = `doc-${++docs}`;
  const sha = String(docs).padStart(64, '0');
  const now = core.nowIso();
  core.db.prepare('INSERT INTO blobs (sha256, size, created_at) VALUES (?, 1, ?)').run(sha, now);
  core.db
    .prepare("INSERT INTO documents (id, case_id, sha256, file_name, format, type, date, created_at, updated_at) VALUES (?, ?, ?, ?, 'pdf', ?, ?, ?, ?)")
    .run(id, caseId, sha, `${id}.pdf`, type, date, now, now);
  core.db.transaction(() => documentQueries(core.db).putPages(id, texts.map((t, i) => page(i + 1, t))))();
  return id;
}

const indexRows = (core: Core) => core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM search_index').get()?.n;
const found = (core: Core, opts: Parameters<typeof search>[1]) => search(core, opts).hits.map((h) => `${h.documentId}:${h.page}`);

describe('search index', () => {
  it('filters by case and by type inside the index, and follows a change of type', async () => {
    const core = testCore();
    const a = createCase(core, { name: 'A' });
    const b = createCase(core, { name: 'B' });
    const iep = addDocument(core, a.id, 'iep', ['reading fluency goal']);
    const pr = addDocument(core, a.id, 'progress_report', ['reading fluency progress']);
    const other = addDocument(core, b.id, 'iep', ['reading fluency in case b']);
    expect(found(core, { query: 'fluency' }).sort()).toEqual([`${iep}:1`, `${pr}:1`, `${other}:1`]);
    expect(found(core, { query: 'fluency', caseId: a.id }).sort()).toEqual([`${iep}:1`, `${pr}:1`]);
    expect(found(core, { query: 'fluency', caseId: a.id, types: ['iep'] })).toEqual([`${iep}:1`]);
    expect(found(core, { query: 'fluency', types: ['iep', 'progress_report'] }).sort()).toEqual([`${iep}:1`, `${pr}:1`, `${other}:1`]);
    expect(found(core, { query: 'fluency', dateFrom: '2025-01-01' })).toEqual([]);

    updateDocument(core, pr, { type: 'evaluation' });
    expect(found(core, { query: 'fluency', types: ['progress_report'] })).toEqual([]);
    expect(found(core, { query: 'fluency', types: ['evaluation'] })).toEqual([`${pr}:1`]);
    await core.close();
  });

  it('never matches what a person types against the filter tags', async () => {
    const core = testCore();
    const a = createCase(core, { name: 'A' });
    addDocument(core, a.id, 'iep', ['goal text']);
    for (const query of [caseTag(a.id), typeTag('iep'), `tags:${typeTag('iep')}`, 'goal']) {
      expect(search(core, { query }).hits.length, query).toBe(query === 'goal' ? 1 : 0);
    }
    await core.close();
  });

  it('drops and restores rows with the trash, and drops a deleted case\'s rows', async () => {
    const core = testCore();
    const a = createCase(core, { name: 'A' });
    const b = createCase(core, { name: 'B' });
    const d1 = addDocument(core, a.id, 'iep', ['speech articulation', 'speech minutes']);
    addDocument(core, b.id, 'iep', ['speech therapy']);
    expect(indexRows(core)).toBe(3);
    trashDocument(core, d1);
    expect(indexRows(core)).toBe(1);
    expect(found(core, { query: 'speech', caseId: a.id })).toEqual([]);
    updateDocument(core, d1, { type: 'evaluation' }); // re-classified in the trash: still out of search
    expect(indexRows(core)).toBe(1);
    restoreDocument(core, d1);
    expect(found(core, { query: 'speech', caseId: a.id, types: ['evaluation'] }).sort()).toEqual([`${d1}:1`, `${d1}:2`]);
    deleteCase(core, a.id);
    expect(indexRows(core)).toBe(1);
    expect(found(core, { query: 'speech' })).toHaveLength(1);
    await core.close();
  });

  it('ranks every match by bm25 when they fit the window, and says when they do not', async () => {
    const core = testCore();
    const a = createCase(core, { name: 'A' });
    // Pages with more mentions of "goal" in fewer words rank higher.
    const texts = ['goal and nothing much else said here at all today', 'goal goal goal', 'goal goal more words here', 'a goal among very many other different words on this page', 'goal goal goal goal'];
    const id = addDocument(core, a.id, 'iep', texts);
    const full = core.db
      .prepare<[], { page_number: number }>(
        "SELECT p.page_number FROM search_index s JOIN pages p ON p.search_rowid = s.rowid WHERE search_index MATCH 'text : goal' ORDER BY s.rank",
      )
      .all()
      .map((r) => r.page_number);
    const exact = search(core, { query: 'goal' });
    expect(exact.rankedAmong).toBeNull();
    expect(exact.hits.map((h) => h.page)).toEqual(full);
    expect(full[0]).toBe(5);

    // A window of 3 ranks the 3 most recently indexed pages (3, 4, 5) and reports it.
    const windowed = search(core, { query: 'goal' }, 3);
    expect(windowed.rankedAmong).toBe(3);
    expect(windowed.hits.map((h) => h.page)).toEqual(full.filter((n) => n >= 3));
    expect(search(core, { query: 'goal', limit: 2 }, 3).hits.map((h) => `${h.documentId}:${h.page}`)).toEqual(
      full.filter((n) => n >= 3).slice(0, 2).map((n) => `${id}:${n}`),
    );
    // Exactly as many matches as the window: every one was ranked.
    expect(search(core, { query: 'goal' }, 5).rankedAmong).toBeNull();
    await core.close();
  });

  it('reports a query FTS5 cannot parse as a clear message', async () => {
    const core = testCore();
    createCase(core, { name: 'A' });
    expect(() => search(core, { query: '"' })).toThrow(/Type a word/);
    expect(search(core, { query: 'goal AND (' }).hits).toEqual([]);
    await core.close();
  });
});
