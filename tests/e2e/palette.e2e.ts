// The command palette runs commands as well as searching: sections by prefix ("rev" → Review), a
// new case, a letter draft, a deadline event, the theme; page text is searched in the current case
// or, with the toggle, in all cases. "?" lists the shortcuts; Alt+digit goes to a section.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRivera, RIVERA_DOCS } from '../support/fixtures';
import { launchBrowser } from './support/browser';
import { callApi, goToRoute, importThroughApi } from './support/case-switch';
import { startHostProcess, type HostProcess } from './support/host';
import { CaseView } from './support/pages';
import { screenshotPath } from './support/screenshots';


async function serious(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describeRivera('the command palette', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let mateo: string;
  const palette = () => browser.page.getByRole('dialog', { name: 'Commands and search' });
  async function openPalette(text: string) {
    await browser.page.keyboard.press('Control+k');
    await palette().getByRole('searchbox').fill(text);
  }
  const firstOption = () => palette().getByRole('option').first();

  beforeAll(async () => {
    host = await startHostProcess();
    browser = await launchBrowser();
    mateo = (await callApi(host, 'cases.create', { name: 'Mateo Rivera', state: 'CA' })).id;
    const other = (await callApi(host, 'cases.create', { name: 'Lena Park', state: 'CA' })).id;
    await importThroughApi(host, mateo, RIVERA_DOCS, ['Rivera_Mateo_IEP_Annual_2023-10-10.pdf']);
    await importThroughApi(host, other, RIVERA_DOCS, ['Rivera_Mateo_Progress_Report_2023-12-08.pdf']);
    await browser.page.goto(host.url);
    await goToRoute(browser.page, host, `case/${mateo}/overview`);
    await new CaseView(browser.page).waitFor('Mateo Rivera');
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('"rev" finds Review first, shows its shortcut, and Enter goes there with focus on the first document', async () => {
    await openPalette('rev');
    await expect.poll(() => firstOption().textContent()).toBe('Go to ReviewAlt+3');
    expect(await serious(browser.page)).toEqual([]);
    await browser.page.screenshot({ path: screenshotPath('palette-commands.png') });
    await browser.page.keyboard.press('ArrowDown');
    await browser.page.keyboard.press('Enter');
    await browser.page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
    expect(browser.page.url()).toContain(`#/case/${mateo}/review`);
    // Focus lands on the first document to review: Enter opens it, and focus goes to its fields.
    await expect.poll(() => browser.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('row');
    await browser.page.keyboard.press('Enter');
    await expect.poll(() => browser.page.evaluate(() => document.activeElement?.matches('.review-fields li.field') ?? false)).toBe(true);
  });

  it('drafts a letter, adds a deadline event, imports, builds a packet, and Alt+digit moves between sections', async () => {
    const page = browser.page;
    await openPalette('records letter');
    await expect.poll(() => firstOption().textContent()).toBe('Draft letter: Records request');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Edit letter: Records request' }).waitFor();

    await openPalette('add deadline');
    await expect.poll(() => firstOption().textContent()).toBe('Add deadline event');
    await firstOption().click();
    await page.getByRole('heading', { name: 'Deadlines', level: 1 }).waitFor();
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('form.event-form'))).toBe(true);

    await openPalette('import');
    await expect.poll(() => firstOption().textContent()).toBe('Import documents…');
    await firstOption().click();
    await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add files…');

    await openPalette('build pack');
    await firstOption().click();
    await page.getByRole('heading', { name: 'Packet', level: 1 }).waitFor();

    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
  });

  it('searches page text in this case, or in all cases with the toggle', async () => {
    const page = browser.page;
    await openPalette('fluency');
    await expect.poll(async () => (await palette().getByRole('option').allTextContents()).filter((t) => /page \d/.test(t)).length).toBeGreaterThan(0);
    const caseNames = async () => new Set((await palette().getByRole('option').allTextContents()).filter((t) => /page \d/.test(t)).map((t) => (t.includes('Lena Park') ? 'Lena Park' : t.includes('Mateo Rivera') ? 'Mateo Rivera' : '?')));
    expect([...(await caseNames())]).toEqual(['Mateo Rivera']);
    await palette().getByRole('button', { name: 'All cases' }).click();
    await expect.poll(async () => [...(await caseNames())].sort()).toEqual(['Lena Park', 'Mateo Rivera']);
    await page.keyboard.press('Escape');
  });

  it('opens New case, switches the theme, and "?" lists the shortcuts', async () => {
    const page = browser.page;
    await openPalette('new case');
    await firstOption().click();
    await page.getByRole('dialog').getByRole('heading', { name: 'New case' }).waitFor();
    await page.keyboard.press('Escape');

    await openPalette('dark');
    await expect.poll(() => firstOption().textContent()).toBe('Switch to dark theme');
    await firstOption().click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect((await callApi(host, 'settings.get', undefined)).theme).toBe('dark');

    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('?');
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await overlay.getByText('Command palette: commands, cases and page text').waitFor();
    expect(await serious(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('shortcuts-dark.png') });
    await page.keyboard.press('Escape');
    await openPalette('light');
    await firstOption().click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });
});
