// What the layout stores with each page, and what a search finds in it: a word printed with a lost
// ligature is found by its real spelling, a drawn checkbox is kept with its page, and pages read by an
// older layout are read again from the stored file (DESIGN.md item 15).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { documentQueries, rowToPageContent } from '../../../main/core/db/queries/documents';
import { importOne } from '../../../main/core/documents/import';
import { refreshStaleLayouts, staleLayoutDocuments } from '../../../main/core/documents/relayout';
import { LAYOUT_VERSION } from '../../../main/core/layout/types';
import { resumePendingWork } from '../../../main/core/pipeline';
import { pageBoxes, search } from '../../../main/core/search/service';
import { testCore } from '../../support/core';
import { DEJAVU, generateForms } from '../../support/form-pages';
import { breakLigatureMaps, typesetWithLigatures } from '../../support/ligature-pdf';

async function importPdf(core: Core, caseId: string, fileName: string, bytes: Uint8Array): Promise<string> {
  const [r] = await importOne(core, caseId, { fileName, source: fileName, read: () => bytes });
  expect(r.documentId, r.message ?? '').toBeTruthy();
  return r.documentId!;
}

describe.skipIf(!existsSync(DEJAVU))('pages as stored', () => {
  const lines = ['Difficulties with attention and hyperactivity affect classroom fluency.', 'The office will notify staff of the final schedule.'];

  it('finds a word printed with a ligature whose glyph maps to no letters, and boxes it', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Ligatures' });
    const id = await importPdf(core, c.id, 'evaluation.pdf', await breakLigatureMaps(await typesetWithLigatures(lines), 'drop'));
    for (const word of ['difficulties', 'affect', 'fluency', 'office', 'final', 'staff']) {
      const hits = search(core, { query: word, caseId: c.id }).hits;
      expect(hits.map((h) => h.documentId), word).toEqual([id]);
      expect(pageBoxes(core, id, 1, word), word).toHaveLength(1);
    }
  });

  it('stores each page with the drawn boxes it read and the layout version', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Forms' });
    const { pdf, pages: truth } = await generateForms(101, 3);
    const id = await importPdf(core, c.id, 'form.pdf', new Uint8Array(pdf));
    const stored = documentQueries(core.db).pages(id).map(rowToPageContent);
    expect(stored.every((p) => p.layoutVersion === LAYOUT_VERSION)).toBe(true);
    stored.forEach((p, i) => {
      const drawn = truth[i].checkboxes.filter((b) => b.style !== 'glyph');
      expect(p.graphics?.boxes.map((b) => b.checked) ?? []).toEqual(drawn.map((b) => b.checked));
    });
  });

  it('reads again, at start, the pages an older layout read, and leaves current ones alone', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Upgrade' });
    const old = await importPdf(core, c.id, 'old.pdf', await breakLigatureMaps(await typesetWithLigatures(lines), '='));
    const current = await importPdf(core, c.id, 'current.pdf', await breakLigatureMaps(await typesetWithLigatures(['Another final page.']), '='));
    // As a version-1 reading stored it: ligatures lost, no graphics.
    const q = documentQueries(core.db);
    const asRead = q.pages(old).map(rowToPageContent).map((p) => ({ ...p, text: p.text.replaceAll('fi', '='), words: p.words.map((w) => ({ ...w, text: w.text.replaceAll('fi', '=') })), graphics: undefined, layoutVersion: 1 }));
    core.db.transaction(() => q.putPages(old, asRead))();
    expect(search(core, { query: 'final', caseId: c.id }).hits.map((h) => h.documentId)).toEqual([current]);
    expect(staleLayoutDocuments(core)).toEqual([old]);
    const extracted: string[] = [];
    expect(await refreshStaleLayouts(core, (docId) => extracted.push(docId))).toBe(1);
    expect(extracted).toEqual([old]);
    // Start-up does it too, re-extracting what it read again; nothing is stale any more.
    core.db.prepare('UPDATE pages SET layout_version = 1 WHERE document_id = ?').run(old);
    expect((await resumePendingWork(core)).layoutRefreshed).toEqual([old]);
    expect(staleLayoutDocuments(core)).toEqual([]);
    expect(search(core, { query: 'final', caseId: c.id }).hits.map((h) => h.documentId).sort()).toEqual([old, current].sort());
    expect(documentQueries(core.db).pages(old).map((p) => p.layout_version)).toEqual([LAYOUT_VERSION]);
  });
});
