// Work the app was closed under is not lost from sight: a data folder holding two import batches a
// kill left 'running' (one whose file is still on disk, one whose files are gone) is opened by the
// host; the start-up resumes the first and fails the second once, and the case page says so in a
// notice that names the reason, passes axe, and stays dismissed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../main/core/cases';
import { openCore } from '../../main/core/context';
import { jobQueries } from '../../main/core/db/queries/jobs';
import { pdfkitPdf } from '../support/form-pages';
import { tempDir } from '../support/core';
import { launchBrowser } from './support/browser';
import { callApi, goToRoute } from './support/case-switch';
import { freshDataDir, startHostProcess, type HostProcess } from './support/host';
import { CaseView } from './support/pages';
import { screenshotPath } from './support/screenshots';

async function interruptedDataFolder(): Promise<{ dataDir: string; caseId: string }> {
  const dataDir = freshDataDir();
  const dir = path.join(tempDir(), 'on-disk');
  mkdirSync(dir);
  const kept = path.join(dir, 'meeting-notice.pdf');
  writeFileSync(kept, await pdfkitPdf((doc) => doc.fontSize(11).text('Meeting notice: the IEP team will meet on March 4, 2025 to review reading progress.', 72, 90, { width: 440 })));
  const gone = path.join(dir, 'evaluation-report.pdf');
  const core = openCore({ dataDir });
  try {
    const caseId = createCase(core, { name: 'Mateo Rivera' }).id;
    const q = jobQueries(core.db);
    const file = (p: string) => ({ fileName: path.basename(p), source: p, path: p });
    q.insert({ id: 'kept-import', caseId, kind: 'import', status: 'running', payload: { files: [file(kept)] }, now: '2026-12-01T09:00:00.000Z' });
    q.insert({ id: 'gone-import', caseId, kind: 'import', status: 'running', payload: { files: [file(gone)] }, now: '2026-12-02T09:05:00.000Z' });
    return { dataDir, caseId };
  } finally {
    await core.close();
  }
}

describe('jobs a restart stopped, in the browser', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let caseId: string;

  beforeAll(async () => {
    const folder = await interruptedDataFolder();
    caseId = folder.caseId;
    host = await startHostProcess(folder.dataDir);
    browser = await launchBrowser();
    await browser.page.goto(host.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const notice = () => browser.page.getByRole('status', { name: 'Work stopped when the app closed' });

  it('says which import was resumed and which could not be, with why, and stays dismissed', async () => {
    const page = browser.page;
    await goToRoute(page, host, `case/${caseId}/overview`);
    await new CaseView(page).waitFor('Mateo Rivera');
    await expect.poll(() => notice().textContent(), { timeout: 30_000 }).toMatch(/An import of files started Dec 1, 2026 was stopped when the app closed, and has been resumed and finished\./);
    const text = (await notice().textContent())!;
    expect(text).toMatch(/started Dec 2, 2026 was stopped when the app closed and could not be resumed: None of the 1 file\(s\) of this import can be read any more \(evaluation-report\.pdf\)/);
    expect(await callApi(host, 'documents.list', { caseId }).then((d) => d.map((x) => x.fileName))).toEqual(['meeting-notice.pdf']);
    await page.screenshot({ path: screenshotPath('jobs-notice.png') });
    const axe = await new AxeBuilder({ page }).include('.jobs-notice').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await notice().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice().count()).toBe(0);
    expect(await callApi(host, 'jobs.list', { caseId })).toEqual([]);
    await page.reload();
    await new CaseView(page).waitFor('Mateo Rivera');
    expect(await notice().count()).toBe(0);
  });
});
