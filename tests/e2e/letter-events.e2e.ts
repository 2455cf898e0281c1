// Events read from letters, end to end: the dev case's records request (an email printed to PDF) is imported
// with the CLI; Deadlines shows the records clock it starts at once (its subject leaves no doubt) and suggests
// the IEP meeting the email also asks for, with its page; accepting it shows the meeting deadline.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRivera, RIVERA_DOCS } from '../support/fixtures';
import { DeadlinesPage, importCaseWithCli, openCase, seriousViolations } from './support/act-pages';
import { launchBrowser } from './support/browser';
import { freshDataDir, startHostProcess, type HostProcess } from './support/host';
import { CaseView } from './support/pages';
import { screenshotPath } from './support/screenshots';

describeRivera('events read from letters: accept a suggestion and see its deadline', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    const dataDir = freshDataDir();
    importCaseWithCli(dataDir, 'Rivera', 'CA', [path.join(RIVERA_DOCS, 'Records_Request_2025-01-15.pdf')]);
    host = await startHostProcess(dataDir);
    browser = await launchBrowser();
    await openCase(browser.page, host.url, 'Rivera');
    await new CaseView(browser.page).goTo('Deadlines');
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('accepting the suggested meeting request starts its deadline; the records request counts at once', async () => {
    const page = browser.page;
    const deadlines = new DeadlinesPage(page);
    const panel = page.getByRole('region', { name: /Read from letters and notices/ });
    const meeting = panel.getByRole('listitem', { name: /^IEP meeting requested Jan 15, 2025 - from Records_Request_2025-01-15\.pdf, p\. 1$/ });
    await meeting.waitFor();
    expect(await meeting.textContent()).toMatch(/I also request an IEP meeting/);
    expect(await meeting.textContent()).toMatch(/Would start: IEP meeting requested in writing by the parent/);
    // The records request's subject leaves no doubt: its clock already runs (Ed Code 56504).
    expect(await panel.getByRole('listitem', { name: /^Records request sent Jan 15, 2025 to Kevin Tran/ }).textContent()).toMatch(/Counted \(automatic\)/);
    await expect.poll(() => deadlines.rows(/Access to and copies of school records/).count()).toBeGreaterThan(0);
    expect(await deadlines.rows(/Access to and copies of school records/).first().textContent()).toMatch(/56504/);
    expect(await deadlines.rows(/IEP meeting requested in writing by the parent/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await meeting.getByRole('button', { name: /^Accept / }).click();
    await expect.poll(() => meeting.textContent()).toMatch(/Accepted/);
    await expect.poll(() => deadlines.rows(/IEP meeting requested in writing by the parent/).count()).toBeGreaterThan(0);
    const row = deadlines.rows(/IEP meeting requested in writing by the parent/).first();
    expect(await row.textContent()).toMatch(/56343\.5/);
    await page.screenshot({ path: screenshotPath('letter-events.png') });
  }, 120_000);
});
