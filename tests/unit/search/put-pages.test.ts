// Replacing pages must leave exactly one search row per page with text, and none for a page left
// without text.
import { describe, expect, it } from 'vitest';
import type { PageContent } from '../../../shared/domain';
import { createCase } from '../../../main/core/cases';
import { documentQueries } from '../../../main/core/db/queries/documents';
import { pageBoxes, search } from '../../../main/core/search/service';
import { testCore } from '../../support/core';
import { textPage } from '../../support/pages';

const page = (n: number, text: string) => textPage(n, text, 'ocr');

describe('documentQueries.putPages', () => {
  it('indexes each page once through placeholder, OCR and re-OCR writes', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Search rows' });
    const now = core.nowIso();
    core.db.prepare('INSERT INTO blobs (sha256, size, created_at) VALUES (?, 1, ?)').run('a'.repeat(64), now);
    core.db
      .prepare("INSERT INTO documents (id, case_id, sha256, file_name, format, created_at, updated_at) VALUES ('d1', ?, ?, 'scan.pdf', 'pdf', ?, ?)")
      .run(c.id, 'a'.repeat(64), now, now);
    const q = documentQueries(core.db);
    const rows = () =>
      core.db
        .prepare<[], { page_number: number; text: string }>(
          "SELECT p.page_number, s.text FROM pages p JOIN search_index s ON s.rowid = p.search_rowid WHERE p.document_id = 'd1' ORDER BY p.page_number",
        )
        .all();
    const indexRows = () => core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM search_index').get()?.n;
    const write = (pages: PageContent[]) => core.db.transaction(() => q.putPages('d1', pages))();

    write([page(1, ''), page(2, '  ')]); // an image-only import: pages without text yet
    expect(rows()).toEqual([]);
    write([page(1, 'reading goal baseline'), page(2, 'speech minutes weekly')]); // OCR fills them
    expect(rows().map((r) => r.page_number)).toEqual([1, 2]);
    write([page(1, 'reading goal revised'), page(2, '')]); // re-OCR: one changes, one loses its text
    expect(rows()).toEqual([{ page_number: 1, text: 'reading goal revised' }]);
    expect(indexRows()).toBe(1); // the replaced rows are gone from the index, not only unlinked
    expect(search(core, { query: 'baseline' }).hits).toEqual([]);
    expect(search(core, { query: 'revised' }).hits.map((h) => h.page)).toEqual([1]);
    expect(pageBoxes(core, 'd1', 1, 'revised')).toEqual([[80, 10, 110, 22]]);
    await core.close();
  });
});
