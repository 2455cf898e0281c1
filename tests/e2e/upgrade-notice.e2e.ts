// After an upgrade that reads stored pages again, the app says what changed in a notice the user can
// dismiss: a data folder left by an older page reading (pages aged to layout 1, an extraction with a
// value the current reader does not give, one correction) is opened by the host, which re-reads it
// in the background; the notice appears without a reload, names the document, and stays dismissed.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../main/core/cases';
import { openCore } from '../../main/core/context';
import { importOne } from '../../main/core/documents/import';
import { extractAndStore } from '../../main/core/pipeline';
import { pdfkitPdf } from '../support/form-pages';
import { launchBrowser } from './support/browser';
import { callApi } from './support/case-switch';
import { freshDataDir, startHostProcess, type HostProcess } from './support/host';
import { CaseListPage } from './support/pages';
import { screenshotPath } from './support/screenshots';

/** A data folder as an older app left it, with one document read by layout 1. */
async function olderDataFolder(): Promise<string> {
  const dataDir = freshDataDir();
  const core = openCore({ dataDir });
  try {
    const c = createCase(core, { name: 'Mateo Rivera' });
    const pdf = await pdfkitPdf((doc) => {
      doc.font('Helvetica').fontSize(11).text('Meeting notice: the IEP team will meet on March 4, 2025 to review reading progress.', 72, 90, { width: 440 });
    });
    const [r] = await importOne(core, c.id, { fileName: 'meeting-notice.pdf', source: 'meeting-notice.pdf', read: () => new Uint8Array(pdf) });
    const id = r.documentId!;
    extractAndStore(core, id);
    core.db.prepare('UPDATE pages SET layout_version = 1 WHERE document_id = ?').run(id);
    const row = core.db.prepare<[string], { result_json: string }>('SELECT result_json FROM extractions WHERE document_id = ?').get(id)!;
    core.db.prepare('UPDATE extractions SET result_json = ? WHERE document_id = ?').run(JSON.stringify({ ...(JSON.parse(row.result_json) as object), readByOlderVersion: 'x' }), id);
    core.db
      .prepare("INSERT INTO corrections (id, document_id, entity, entity_key, field, value_json, status, created_at, updated_at) VALUES ('c1', ?, 'iep', 'main', 'type', '\"annual\"', 'edited', 'now', 'now')")
      .run(id);
  } finally {
    await core.close();
  }
  return dataDir;
}

describe('the notice after an upgrade, in the browser', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    host = await startHostProcess(await olderDataFolder());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const notice = () => browser.page.getByRole('status', { name: 'What the update changed' });

  it('says which documents were read again, what changed and that corrections were kept, and stays dismissed', async () => {
    const page = browser.page;
    await new CaseListPage(page).open(host.url);
    await expect.poll(() => notice().textContent()).toMatch(/1 document was read again: meeting-notice\.pdf\. 1 extracted value changed; your 1 correction was kept\./);
    await page.screenshot({ path: screenshotPath('upgrade-notice.png') });
    const axe = await new AxeBuilder({ page }).include('.upgrade-notice').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await notice().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice().count()).toBe(0);
    expect(await callApi(host, 'app.upgradeNotice', undefined)).toBeNull();
    await page.reload();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    expect(await notice().count()).toBe(0);
  });
});
