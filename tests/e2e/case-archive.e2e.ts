// Moving a case to another computer (issue 17), in the browser against two real hosts (`casefile
// serve`, each its own data folder): Case info's Export case archive downloads
// <Child>_case-archive_<date>.casefile from the first; a fresh host's Settings imports it, and the
// case there has the same documents (each original's SHA-256) and the correction made before.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagingDir } from '../../main/core/documents/uploads';
import { tempDir } from '../support/core';
import { launchBrowser } from './support/browser';
import { callApi, goToRoute, importThroughApi } from './support/case-switch';
import { startHostProcess, type HostProcess } from './support/host';
import { CaseListPage } from './support/pages';

const PASS = 'moving day 2025';
const FIXTURE = '/work/shared/fixtures/cases/dev-rivera/documents';
const FILES = ['Rivera_Mateo_IEP_Annual_2023-10-10.pdf', 'Records_Request_2025-01-15.pdf'];

async function originals(host: HostProcess, caseId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const d of await callApi(host, 'documents.list', { caseId })) {
    const res = await fetch(`${host.origin}/api/original?doc=${encodeURIComponent(d.id)}`, { headers: { authorization: `Bearer ${host.token}` } });
    expect(res.status).toBe(200);
    out[d.fileName] = createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex');
  }
  return out;
}

describe('a case moved to another computer', () => {
  let from: HostProcess;
  let to: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    [from, to] = await Promise.all([startHostProcess(), startHostProcess()]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await from?.stop();
    await to?.stop();
  });

  it('exports from Case info and imports in a fresh folder with its documents and corrections', async () => {
    const page = browser.page;
    const c = await callApi(from, 'cases.create', { name: 'Mateo Rivera', childName: 'Mateo Rivera' });
    await importThroughApi(from, c.id, FIXTURE, FILES);
    const iep = (await callApi(from, 'documents.list', { caseId: c.id })).find((d) => d.fileName === FILES[0])!;
    const review = await callApi(from, 'review.get', { caseId: c.id, documentId: iep.id });
    const goal = review.corrected!.iep!.goals[0];
    await callApi(from, 'review.correct', { caseId: c.id, documentId: iep.id, entity: 'goal', entityKey: goal.key, field: '*', status: 'deleted' });
    const before = await originals(from, c.id);
    expect(Object.keys(before).sort()).toEqual([...FILES].sort());

    await new CaseListPage(page).open(from.url);
    await goToRoute(page, from, `case/${c.id}/info`);
    const section = page.getByRole('region', { name: 'Move this case to another computer' });
    await section.getByRole('button', { name: 'Export case archive…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export case archive' });
    await dialog.getByLabel('Archive passphrase', { exact: true }).fill(PASS);
    await dialog.getByLabel('Archive passphrase again').fill(PASS);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Mateo_Rivera_case-archive_\d{4}-\d{2}-\d{2}\.casefile$/);
    const saved = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(saved);
    await expect.poll(() => section.getByRole('status').textContent()).toMatch(/^Saved Mateo_Rivera_case-archive_/);
    // The archive was staged only while it was sent.
    const staged = () => (existsSync(stagingDir(from.dataDir)) ? readdirSync(stagingDir(from.dataDir)).filter((f) => f.startsWith('archive-')) : []);
    await expect.poll(staged).toEqual([]);

    // The other computer: a fresh data folder, its Settings.
    expect(await callApi(to, 'cases.list', {})).toEqual([]);
    await new CaseListPage(page).open(to.url);
    await goToRoute(page, to, 'settings');
    const imp = page.getByRole('region', { name: 'Import a case archive' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), imp.getByRole('button', { name: 'Choose case archive…' }).click()]);
    await chooser.setFiles(saved);
    await imp.getByLabel('Passphrase of the archive').fill(PASS);
    await imp.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => imp.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/Imported/);

    const cases = await callApi(to, 'cases.list', {});
    expect(cases.map((x) => x.id)).toEqual([c.id]);
    expect(await originals(to, c.id)).toEqual(before);
    const there = await callApi(to, 'review.get', { caseId: c.id, documentId: iep.id });
    expect(there.corrections.map((x) => [x.entityKey, x.status])).toEqual([[goal.key, 'deleted']]);
    expect(there.corrected!.iep!.goals.some((g) => g.key === goal.key)).toBe(false);
    const history = await callApi(to, 'cases.history', { caseId: c.id });
    expect(history.some((h) => h.kind === 'exported' && h.description.includes(download.suggestedFilename()))).toBe(true);
    await imp.getByRole('link', { name: 'Open the case' }).click();
    await page.getByRole('navigation', { name: 'Case sections' }).getByText('Mateo Rivera').first().waitFor();
  });
});
