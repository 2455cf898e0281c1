// What the start-up re-read of stored pages tells the user: the documents read again, how many
// extracted values came out different, the corrections kept; held until dismissed, added to by a
// later start. A real core on a temp folder, a PDF built here, its stored pages aged to version 1.
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { importOne } from '../../../main/core/documents/import';
import { changedValues, dismissUpgradeNotice, upgradeNotice } from '../../../main/core/documents/upgrade-notice';
import { extractAndStore, resumePendingWork } from '../../../main/core/pipeline';
import { testCore } from '../../support/core';
import { pdfkitPdf } from '../../support/form-pages';

const letter = (who: string) =>
  pdfkitPdf((doc) => {
    doc.font('Helvetica').fontSize(11);
    doc.text(`Dear ${who},`, 72, 90);
    doc.text('The team will meet on March 4, 2025 to review the reading goal and the service minutes.', 72, 120, { width: 440 });
  });

async function importPdf(core: Core, caseId: string, fileName: string, bytes: Buffer): Promise<string> {
  const [r] = await importOne(core, caseId, { fileName, source: fileName, read: () => new Uint8Array(bytes) });
  expect(r.documentId, r.message ?? '').toBeTruthy();
  extractAndStore(core, r.documentId!);
  return r.documentId!;
}

/** As an older app left it: pages read by layout 1, an extraction holding a value the current one does not give. */
function age(core: Core, documentId: string) {
  core.db.prepare('UPDATE pages SET layout_version = 1 WHERE document_id = ?').run(documentId);
  const row = core.db.prepare<[string], { result_json: string }>('SELECT result_json FROM extractions WHERE document_id = ?').get(documentId)!;
  const stale = { ...(JSON.parse(row.result_json) as object), readByOlderVersion: 'a value' };
  core.db.prepare('UPDATE extractions SET result_json = ? WHERE document_id = ?').run(JSON.stringify(stale), documentId);
}

describe('the upgrade notice', () => {
  it('counts leaf values that differ, leaving aside where they were read', () => {
    expect(changedValues({ a: 1, b: [1, 2], source: { page: 1 } }, { a: 1, b: [1, 2], source: { page: 2 } })).toBe(0);
    expect(changedValues({ a: 1, b: [1, 2] }, { a: 2, b: [1], c: 'x' })).toBe(3);
    expect(changedValues(null, { goals: [{ text: 'x', target: 80 }] })).toBe(2);
  });

  it('says which documents were read again, what changed and the corrections kept, until dismissed', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Upgrade' });
    const old = await importPdf(core, c.id, 'old-letter.pdf', await letter('Ms. Rivera'));
    const current = await importPdf(core, c.id, 'new-letter.pdf', await letter('Mr. Okafor'));
    expect(upgradeNotice(core)).toBeNull();
    age(core, old);
    core.db
      .prepare("INSERT INTO corrections (id, document_id, entity, entity_key, field, value_json, status, created_at, updated_at) VALUES ('k1', ?, 'iep', 'main', 'type', '\"annual\"', 'edited', 'now', 'now')")
      .run(old);

    expect((await resumePendingWork(core)).layoutRefreshed).toEqual([old]);
    expect(upgradeNotice(core)).toMatchObject({ documents: [{ id: old, caseId: c.id, fileName: 'old-letter.pdf' }], valuesChanged: 1, correctionsKept: 1 });
    expect(core.db.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual({ n: 1 });

    // A later start with more to read again adds to the notice not yet dismissed.
    age(core, current);
    await resumePendingWork(core);
    expect(upgradeNotice(core)).toMatchObject({ documents: [{ id: old }, { id: current }], valuesChanged: 2, correctionsKept: 1 });

    expect(dismissUpgradeNotice(core)).toBeNull();
    expect(upgradeNotice(core)).toBeNull();
    await resumePendingWork(core);
    expect(upgradeNotice(core)).toBeNull();
  });
});
