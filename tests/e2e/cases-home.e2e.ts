// The cases home for an advocate with many cases: each row shows the child, school, next deadline
// with its days left, open flags and documents to review; sorted by last opened, next deadline,
// open flags or name; searched and filtered. Fits 1280x800 without sideways scrolling, light and dark.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRivera, RIVERA_DOCS } from '../support/fixtures';
import { launchBrowser } from './support/browser';
import { callApi, importThroughApi } from './support/case-switch';
import { startHostProcess, type HostProcess } from './support/host';
import { CaseListPage } from './support/pages';
import { screenshotPath } from './support/screenshots';


const today = () => new Date().toISOString().slice(0, 10);

describeRivera('the cases home', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let list: CaseListPage;
  let mateoFlags: number;
  const consoleErrors: string[] = [];
  const rowNames = () => browser.page.locator('.case-list .case-name').allTextContents();
  const choose = async (label: string, option: string) => {
    await browser.page.getByRole('button', { name: new RegExp(`\\b${label}\\b`) }).click();
    await browser.page.getByRole('option', { name: option, exact: true }).click();
  };

  beforeAll(async () => {
    host = await startHostProcess();
    browser = await launchBrowser();
    const mateo = await callApi(host, 'cases.create', { name: 'Mateo Rivera', state: 'CA' });
    const ana = await callApi(host, 'cases.create', { name: 'Ana Able', state: 'CA', school: 'Maple Elementary' });
    const zed = await callApi(host, 'cases.create', { name: 'Zed Zimmer', state: 'MO', school: 'Oak Middle' });
    await importThroughApi(host, mateo.id, RIVERA_DOCS, ['Rivera_Mateo_IEP_Annual_2023-10-10.pdf']);
    await callApi(host, 'events.add', { caseId: ana.id, type: 'records_request', date: today(), label: 'Records request by email' });
    mateoFlags = (await callApi(host, 'flags.list', { caseId: mateo.id })).filter((f) => !f.dismissed).length;
    await callApi(host, 'cases.open', { caseId: mateo.id });
    await callApi(host, 'cases.open', { caseId: zed.id }); // opened last
    await browser.page.setViewportSize({ width: 1280, height: 800 });
    browser.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    list = new CaseListPage(browser.page);
    await list.open(host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('shows each case with its next deadline, open flags and documents to review', async () => {
    expect(mateoFlags).toBeGreaterThan(0);
    const mateo = list.caseRow('Mateo Rivera');
    await expect.poll(() => mateo.textContent()).toContain(`${mateoFlags} open flag`);
    await expect.poll(() => mateo.textContent()).toContain('1 to review');
    expect(await mateo.textContent()).toMatch(/overdue, \d+ days ago/);
    const ana = list.caseRow('Ana Able');
    await expect.poll(() => ana.textContent()).toMatch(/Maple Elementary.*in \d+ days/);
    await expect.poll(() => ana.textContent()).toContain('0 open flags');
    expect(await list.caseRow('Zed Zimmer').textContent()).toContain('No open deadline');
    expect(await rowNames()).toEqual(['Zed Zimmer', 'Mateo Rivera', 'Ana Able']);
    const axe = await new AxeBuilder({ page: browser.page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('sorts by name, next deadline and open flags, and remembers the choice', async () => {
    await choose('Sort by', 'Name');
    await expect.poll(rowNames).toEqual(['Ana Able', 'Mateo Rivera', 'Zed Zimmer']);
    await choose('Sort by', 'Next deadline');
    await expect.poll(rowNames).toEqual(['Mateo Rivera', 'Ana Able', 'Zed Zimmer']);
    await choose('Sort by', 'Open flags');
    await expect.poll(async () => (await rowNames())[0]).toBe('Mateo Rivera');
    await browser.page.reload();
    await browser.page.getByRole('grid', { name: 'Cases, by open flags' }).waitFor();
  });

  it('filters and searches', async () => {
    await choose('Show', 'With documents to review');
    await expect.poll(rowNames).toEqual(['Mateo Rivera']);
    await choose('Show', 'Deadline within 30 days');
    await expect.poll(async () => (await rowNames()).sort()).toEqual(['Ana Able', 'Mateo Rivera']);
    await choose('Show', 'All cases');
    await browser.page.getByRole('searchbox', { name: 'Search cases' }).fill('oak');
    await expect.poll(rowNames).toEqual(['Zed Zimmer']);
    await browser.page.getByRole('searchbox', { name: 'Search cases' }).fill('');
    await expect.poll(async () => (await rowNames()).length).toBe(3);
  });

  it('archives and moves to the trash from a row, each with Undo', async () => {
    const page = browser.page;
    const note = (text: string) => page.getByRole('status').getByRole('listitem').filter({ hasText: text });
    await list.caseRow('Zed Zimmer').getByRole('button', { name: 'Archive Zed Zimmer' }).click();
    await expect.poll(() => list.caseRow('Zed Zimmer').count()).toBe(0);
    await note('Archived "Zed Zimmer"').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => list.caseRow('Zed Zimmer').count()).toBe(1);
    expect((await callApi(host, 'cases.get', { caseId: (await callApi(host, 'cases.list', {})).find((c) => c.name === 'Zed Zimmer')!.id })).archivedAt).toBeNull();

    await list.caseRow('Ana Able').getByRole('button', { name: 'Move Ana Able to the trash' }).click();
    await expect.poll(() => list.caseRow('Ana Able').count()).toBe(0);
    expect((await callApi(host, 'cases.trash', undefined)).map((c) => c.name)).toEqual(['Ana Able']);
    await note('Moved "Ana Able" to the trash').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => list.caseRow('Ana Able').count()).toBe(1);
    expect(await callApi(host, 'cases.trash', undefined)).toEqual([]);
  });

  it('fits 1280x800 without sideways scrolling, light and dark', async () => {
    const page = browser.page;
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`cases-home-1280-${theme}.png`) });
    }
  });

  it('has a favicon, and the home page logged no console errors', async () => {
    const href = await browser.page.locator('link[rel="icon"]').evaluate((l) => (l as HTMLLinkElement).href);
    const res = await fetch(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await res.text()).toMatch(/^<svg /);
    expect(consoleErrors).toEqual([]);
  });
});
