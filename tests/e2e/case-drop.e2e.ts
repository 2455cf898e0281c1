// The whole case view is a drop target: files dropped on the empty overview (which invites the drop),
// on another section or on the case's navigation are imported into the case through the same import
// as the Documents section, with its progress shown where the drop was made; on Documents its own drop
// target imports them once. Files are dropped as a person dragging them from the desktop would (a
// DataTransfer with the files in a dispatched drop); what was stored is read back through the API.
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRivera, RIVERA_DOCS } from '../support/fixtures';
import { launchBrowser } from './support/browser';
import { callApi, goToRoute } from './support/case-switch';
import { dropFiles } from './support/documents-pages';
import { startHostProcess, type HostProcess } from './support/host';
import { CaseView } from './support/pages';

const dropOn = (page: Page, selector: string, files: string[]) => dropFiles(page, selector, files.map((f) => path.join(RIVERA_DOCS, f)));

const IEP = 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf';
const REPORT = 'Rivera_Mateo_Progress_Report_2023-06-02.pdf';
const EMAIL = 'Email_2024-01-22_Rivera_to_Nunez.pdf';
const REQUEST = 'Records_Request_2025-01-15.pdf';

describeRivera('the case view takes dropped files', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let caseId: string;
  const stored = async () => (await callApi(host, 'documents.list', { caseId })).map((d) => d.fileName).sort();

  beforeAll(async () => {
    host = await startHostProcess();
    browser = await launchBrowser();
    caseId = (await callApi(host, 'cases.create', { name: 'Mateo Rivera', state: 'CA' })).id;
    await browser.page.goto(host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('the empty overview invites the drop, and a file dropped on it is imported into the case', async () => {
    const page = browser.page;
    await goToRoute(page, host, `case/${caseId}/overview`);
    await new CaseView(page).waitFor('Mateo Rivera');
    await page.getByText("Drop the family's documents here").waitFor();
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    await dropOn(page, '.drop-hint', [IEP]);
    await expect.poll(stored, { timeout: 120_000 }).toEqual([IEP]);
    // The progress shows on the overview itself, and the overview fills in without a reload.
    await page.locator('.import-run').filter({ hasText: 'Import finished' }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Recent documents' }).waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(/\/overview$/);
  });

  it('files dropped on another section or on the case navigation are imported, and the section stays', async () => {
    const page = browser.page;
    await new CaseView(page).goTo('Deadlines');
    await dropOn(page, '.case-body h1', [REPORT]);
    await expect.poll(stored, { timeout: 120_000 }).toEqual([IEP, REPORT].sort());
    await dropOn(page, '.case-nav', [EMAIL]);
    await expect.poll(stored, { timeout: 120_000 }).toEqual([IEP, REPORT, EMAIL].sort());
    expect(page.url()).toMatch(/\/deadlines$/);
  });

  it('on Documents a drop is imported once, by the section’s own drop target', async () => {
    const page = browser.page;
    await new CaseView(page).goTo('Documents');
    await page.locator('.doc-dropzone').waitFor();
    const runsBefore = await page.locator('.import-run').count();
    await dropOn(page, '.doc-dropzone', [REQUEST]);
    await expect.poll(stored, { timeout: 120_000 }).toEqual([IEP, REPORT, EMAIL, REQUEST].sort());
    await page.locator('.import-run').filter({ hasText: 'Import finished' }).nth(runsBefore).waitFor({ timeout: 60_000 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.locator('.import-run').count()).toBe(runsBefore + 1);
    expect(await page.locator('.import-run').filter({ hasText: /already in this case/ }).count()).toBe(0);
  });
});
