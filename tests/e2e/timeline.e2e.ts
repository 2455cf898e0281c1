// The case overview, Goals & timeline and Scores on the dev-rivera fixture's text PDFs, imported through
// the CLI before the browser starts (the image-only scans are left out: OCR is not the point here).
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRivera, REPO_ROOT, RIVERA_DOCS } from '../support/fixtures';
import { launchBrowser } from './support/browser';
import { freshDataDir, startHostProcess, type HostProcess } from './support/host';
import { CaseListPage, CaseView } from './support/pages';
import { GoalsPage, OverviewPage } from './support/timeline-pages';
import { screenshotPath } from './support/screenshots';


async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

function casefile(dataDir: string, args: string[]): string {
  return execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin/casefile.mjs'), '--data-dir', dataDir, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

describeRivera('overview, goals & timeline and scores on dev-rivera', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    const dataDir = freshDataDir();
    const files = readdirSync(RIVERA_DOCS)
      .filter((f) => !/^scan_/i.test(f) && !/\.jpe?g$/i.test(f))
      .map((f) => path.join(RIVERA_DOCS, f));
    casefile(dataDir, ['cases', 'create', '--name', 'Rivera']);
    const out = casefile(dataDir, ['import', '--case', 'Rivera', ...files]);
    expect(out).toMatch(new RegExp(`${files.length} imported`));
    host = await startHostProcess(dataDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  async function openCase(section?: string) {
    // Straight to the case row: the home page's headings are another helper's and change.
    await browser.page.goto(host.url);
    await new CaseListPage(browser.page).caseRow('Rivera').click();
    const view = new CaseView(browser.page);
    await view.waitFor('Rivera');
    if (section) await view.goTo(section);
  }

  it('the overview lists the red flags with their evidence and passes axe', async () => {
    await openCase();
    const overview = new OverviewPage(browser.page);
    await expect.poll(() => overview.openFlags().count()).toBeGreaterThan(3);
    const carried = overview.flag(/carried forward/i);
    await expect.poll(() => carried.count()).toBe(1);
    expect(await carried.textContent()).toMatch(/48 → 69 WCPM/);
    // Evidence links open the cited page with the value boxed.
    const evidence = carried.getByRole('list', { name: 'Evidence' }).getByRole('link').first();
    expect(decodeURIComponent((await evidence.getAttribute('href')) ?? '')).toMatch(/\/documents\/[^/]+\/\d+\/boxes=[\d.]+,/);
    await browser.page.getByRole('region', { name: 'Goals' }).locator('.chart-canvas svg').first().waitFor();
    expect(await seriousViolations(browser.page)).toEqual([]);
    await browser.page.screenshot({ path: screenshotPath('overview.png'), fullPage: false });
  });

  it('Goals & timeline shows the timeline and a goal chart with its aim line and data points', async () => {
    await openCase('Goals & timeline');
    const goals = new GoalsPage(browser.page);
    await goals.timeline().waitFor();
    await expect.poll(() => goals.timelineItems().count()).toBeGreaterThan(20);
    expect(await browser.page.getByRole('list', { name: 'IEP periods' }).getByRole('link').count()).toBeGreaterThanOrEqual(3);

    await goals.lineageTab(/Reading Fluency/).click();
    await goals.settledGoalChart().waitFor();
    await expect.poll(() => goals.aimLinePaths()).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await goals.dataPointCentres()).length).toBeGreaterThanOrEqual(3);
    expect(await goals.goalChart().getAttribute('aria-label')).toMatch(/Reading Fluency: \d+ points/);
    // Computed figures carry their formula.
    expect(await browser.page.getByRole('button', { name: /How the rate of improvement is computed/ }).count()).toBeGreaterThan(0);

    // Zoom to months and back.
    const ticksBefore = await goals.timeline().locator('.tl-tick').count();
    await browser.page.getByRole('button', { name: 'Zoom in to months' }).click();
    await browser.page.getByRole('button', { name: 'Zoom in to months' }).click();
    await expect.poll(() => goals.timeline().locator('.tl-tick').count()).toBeGreaterThan(ticksBefore);
    await browser.page.getByRole('button', { name: 'Zoom out to years' }).click();
    await browser.page.getByRole('button', { name: 'Zoom out to years' }).click();

    expect(await seriousViolations(browser.page)).toEqual([]);
    // Tall enough for the timeline and the goal chart below it, for the README.
    await browser.page.setViewportSize({ width: 1366, height: 1500 });
    await goals.goalChartSvg().waitFor();
    await browser.page.evaluate(() => window.scrollTo(0, 0));
    await browser.page.screenshot({ path: screenshotPath('timeline.png'), fullPage: false });
    await browser.page.setViewportSize({ width: 1366, height: 860 });
  });

  it('clicking a data point opens the document viewer at its page', async () => {
    await openCase('Goals & timeline');
    const goals = new GoalsPage(browser.page);
    await goals.lineageTab(/Reading Fluency/).click();
    await goals.settledGoalChart().waitFor();
    await expect.poll(async () => (await goals.dataPointCentres()).length).toBeGreaterThanOrEqual(3);
    const tooltip = await goals.clickDataPoint();
    expect(tooltip).toMatch(/Progress report|p\. \d+/);
    const currentHash = () => browser.page.evaluate(() => decodeURIComponent(window.location.hash));
    await expect.poll(currentHash).toMatch(/#\/case\/[^/]+\/documents\/[^/]+\/\d+\/boxes=[\d.]+,/);
    const hash = await currentHash();
    const page = Number(/\/documents\/[^/]+\/(\d+)\//.exec(hash)![1]);
    await browser.page.getByRole('region', { name: /^Viewer:/ }).waitFor();
    await expect.poll(() => browser.page.getByLabel('Page number').first().inputValue()).toBe(String(page));
  });

  it('a dismissed flag stays dismissed with its reason after a reload, and can be restored', async () => {
    await openCase();
    const overview = new OverviewPage(browser.page);
    await expect.poll(() => overview.flag(/target at or below the baseline/i).count()).toBe(1);
    const before = await overview.openFlags().count();
    const reason = 'Baseline was misreported; the team corrected it at the meeting.';
    await overview.dismiss(/target at or below the baseline/i, reason);
    await expect.poll(() => overview.openFlags().count()).toBe(before - 1);

    await browser.page.reload();
    await expect.poll(() => overview.openFlags().count()).toBe(before - 1);
    const dismissed = await overview.openDismissed();
    await expect.poll(() => dismissed.filter({ hasText: reason }).count()).toBe(1);

    await dismissed.filter({ hasText: reason }).getByRole('button', { name: /^Restore/ }).click();
    await expect.poll(() => overview.openFlags().count()).toBe(before);
  });

  it('the goal checker reports a vague goal as not measurable and a measurable one as measurable', async () => {
    await openCase('Goals & timeline');
    const goals = new GoalsPage(browser.page);
    let checker = await goals.checkGoal('Jordan will improve his reading skills.');
    await expect.poll(() => checker.getByTestId('measurable-verdict').textContent()).toBe('Not measurable');
    expect(await checker.getByText('Criterion: missing').count()).toBe(1);
    checker = await goals.checkGoal('By June 2026, given a 4th grade passage, Jordan will read aloud at 100 words correct per minute in 3 of 4 weekly probes.');
    await expect.poll(() => checker.getByTestId('measurable-verdict').textContent()).toBe('Measurable');
  });

  it('Scores shows the percentile chart and every score linking to its page, and passes axe', async () => {
    await openCase('Scores');
    const table = browser.page.getByRole('region', { name: /Every score/ }).getByRole('table');
    await table.waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(10);
    // The printed subtest with its canonical name beside it (vocab/scores.ts MEASURE_ALIASES).
    expect(await table.getByRole('row').filter({ hasText: 'English Language Arts/Literacy' }).first().getByRole('cell').nth(1).textContent()).toBe('English Language Arts/Literacy (ELA)');
    const firstValue = table.getByRole('link').first();
    expect(await firstValue.getAttribute('href')).toMatch(/\/documents\/[^/]+\/\d+/);
    await browser.page.locator('.chart-canvas svg').first().waitFor();
    expect(await seriousViolations(browser.page)).toEqual([]);
  });
});
