import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRivera, RIVERA_DOCS } from '../support/fixtures';
import { launchBrowser } from './support/browser';
import { openCaseList, DocumentsPage } from './support/documents-pages';
import { startHostProcess, type HostProcess } from './support/host';
import { CaseListPage, CaseView } from './support/pages';

const IEP = path.join(RIVERA_DOCS, 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf');
const PROGRESS = path.join(RIVERA_DOCS, 'Rivera_Mateo_Progress_Report_2023-12-08.pdf');
const EMAIL = path.join(RIVERA_DOCS, 'Email_2024-01-22_Rivera_to_Nunez.pdf');

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describeRivera('documents: import, list, search, view, trash', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let docs: DocumentsPage;

  beforeAll(async () => {
    host = await startHostProcess();
    browser = await launchBrowser();
    docs = new DocumentsPage(browser.page);
    const list = new CaseListPage(browser.page);
    await openCaseList(browser.page, host.url);
    await list.createCase({ name: 'Mateo Rivera', state: 'CA' });
    await new CaseView(browser.page).waitFor('Mateo Rivera');
    await new CaseView(browser.page).goTo('Documents');
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('an empty case teaches, and passes axe', async () => {
    await browser.page.getByText("Drop the family's documents here").waitFor();
    await browser.page.screenshot({ path: '/tmp/documents-empty.png' });
    expect(await seriousViolations(browser.page)).toEqual([]);
  });

  it('imports by the file picker with one progress bar, and lists the documents with their type', async () => {
    await docs.importByPicker([IEP, PROGRESS]);
    await docs.waitForImport();
    await expect.poll(() => docs.importRow('Rivera_Mateo_IEP_Annual_2023-10-10.pdf').textContent()).toMatch(/Imported/);
    await expect.poll(() => docs.row('Rivera_Mateo_IEP_Annual_2023-10-10').textContent()).toMatch(/IEP/);
    await expect.poll(() => docs.row('Rivera_Mateo_Progress_Report_2023-12-08').textContent()).toMatch(/Progress report/);
    expect(await docs.row('Rivera_Mateo_Progress_Report_2023-12-08').textContent()).toMatch(/Dec 8, 2023/);
    await browser.page.screenshot({ path: '/tmp/documents-list.png' });
    expect(await seriousViolations(browser.page)).toEqual([]);
  });

  it('imports by a drop, and a bad file says what is wrong while the rest of the batch goes on', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'casefile-bad-'));
    const empty = path.join(dir, 'empty-scan.pdf');
    const exe = path.join(dir, 'setup.exe');
    writeFileSync(empty, '');
    writeFileSync(exe, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200, 1)]));
    await docs.importByDrop([empty, EMAIL, exe]);
    await docs.waitForImport(2);
    await expect.poll(() => docs.importRow('Email_2024-01-22_Rivera_to_Nunez.pdf').textContent()).toMatch(/Imported/);
    await expect.poll(() => docs.importRow('empty-scan.pdf').textContent()).toMatch(/Failed/);
    await expect.poll(() => docs.importRow('setup.exe').textContent()).toMatch(/Failed/);
    const alerts = browser.page.locator('.import-errors');
    await expect.poll(() => alerts.last().textContent()).toMatch(/empty-scan\.pdf/);
    await expect.poll(() => alerts.last().textContent()).toMatch(/setup\.exe/);
    await expect.poll(() => docs.row('Email_2024-01-22_Rivera_to_Nunez').textContent()).toMatch(/Correspondence/);
    expect(await docs.row('empty-scan').count()).toBe(0);
    await browser.page.screenshot({ path: '/tmp/documents-bad-files.png' });
  });

  it('searches, opens a hit, and the viewer shows the page with every hit boxed', async () => {
    await docs.search('baseline');
    await expect.poll(() => docs.hits().count()).toBeGreaterThan(0);
    const first = docs.hits().filter({ hasText: 'IEP_Annual' }).first();
    expect(await first.locator('mark').first().textContent()).toMatch(/baseline/i);
    await first.click();
    await docs.viewer().waitFor();
    await docs.pageImage().waitFor();
    await expect.poll(() => docs.boxes('hit').count()).toBeGreaterThan(0);
    // The box lies over the page image.
    const img = (await docs.pageImage().boundingBox())!;
    const box = (await docs.boxes('hit').first().boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(img.x - 4);
    expect(box.y).toBeGreaterThanOrEqual(img.y - 4);
    expect(box.x + box.width).toBeLessThanOrEqual(img.x + img.width + 4);
    expect(box.width).toBeGreaterThan(5);
    expect(box.width).toBeLessThan(img.width / 2);
    await browser.page.screenshot({ path: '/tmp/documents-viewer.png' });
    expect(await seriousViolations(browser.page)).toEqual([]);
    // Keyboard paging in the viewer (the IEP has several pages).
    await docs.pageRegion().focus();
    await browser.page.keyboard.press('Home');
    expect(await docs.settledPage()).toBe(1);
    await browser.page.keyboard.press('PageDown');
    expect(await docs.settledPage()).toBe(2);
    await browser.page.keyboard.press('End');
    expect(await docs.settledPage()).toBe(5);
    expect(await browser.page.locator('.viewer-toolbar .page-number input').inputValue()).toBe('5');
    await docs.search('');
  });

  it('turns exactly one page per paging key, however fast the keys come and however busy the machine', async () => {
    // The IEP is open from the search above; its hit page is not page 1, which is what made a key
    // handled against the page being left land somewhere else (PageDown on page 1 showed page 4).
    await docs.pageRegion().focus();
    const pages = Number(/of (\d+)/.exec((await docs.pageRegion().getAttribute('aria-label')) ?? '')?.[1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    await browser.page.keyboard.press('End');
    expect(await docs.settledPage()).toBe(pages);

    // Keys that arrive before the app has drawn the page the last one asked for.
    await docs.pressAtOnce(['Home', 'PageDown']);
    expect(await docs.settledPage()).toBe(2);
    await docs.pressAtOnce(['PageDown', 'PageDown', 'PageDown']);
    expect(await docs.settledPage()).toBe(5);
    await docs.pressAtOnce(['PageUp', 'ArrowLeft', 'ArrowRight', 'PageUp']);
    expect(await docs.settledPage()).toBe(3);
    await docs.pressAtOnce(['End', 'PageUp']);
    expect(await docs.settledPage()).toBe(pages - 1);

    // Real key presses, one straight after another, with the CPU slowed six times.
    const cdp = await browser.page.context().newCDPSession(browser.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    try {
      for (let round = 0; round < 3; round++) {
        await browser.page.keyboard.press('Home');
        await browser.page.keyboard.press('PageDown');
        expect(await docs.settledPage()).toBe(2);
        for (let i = 0; i < 3; i++) await browser.page.keyboard.press('PageDown');
        expect(await docs.settledPage()).toBe(5);
        await browser.page.keyboard.press('End');
        await browser.page.keyboard.press('PageUp');
        await browser.page.keyboard.press('PageUp');
        expect(await docs.settledPage()).toBe(pages - 2);
      }
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    }
    // The page turned without scrolling the page area: it shows the top of the new page.
    expect(await docs.pageRegion().evaluate((el) => el.scrollTop)).toBe(0);
  });

  it('renames, re-dates, moves to the trash and restores', async () => {
    await docs.row('Email_2024-01-22_Rivera_to_Nunez').click();
    await docs.viewer().waitFor();
    const title = browser.page.getByRole('textbox', { name: 'Title' });
    await title.fill('Email from parent asking for a meeting');
    await title.press('Enter');
    await expect.poll(() => docs.row('Email from parent').count()).toBe(1);
    await browser.page.getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => docs.row('Email from parent').count()).toBe(0);
    await docs.toggleTrash();
    await expect.poll(() => docs.row('Email from parent').count()).toBe(1);
    expect(await seriousViolations(browser.page)).toEqual([]);
    await browser.page.getByRole('button', { name: 'Restore Email from parent asking for a meeting' }).click();
    await expect.poll(() => docs.row('Email from parent').count()).toBe(0);
    await docs.toggleTrash();
    await expect.poll(() => docs.row('Email from parent').count()).toBe(1);
    await browser.page.reload();
    await expect.poll(() => docs.row('Email from parent').count()).toBe(1);
  });

  it('the command palette finds page text across cases and opens the page', async () => {
    await browser.page.keyboard.press('Control+k');
    const dialog = browser.page.getByRole('dialog');
    await dialog.getByRole('searchbox').fill('baseline');
    const option = dialog.getByRole('option').filter({ hasText: 'page' }).first();
    await option.waitFor();
    expect(await seriousViolations(browser.page)).toEqual([]);
    await option.click();
    await docs.viewer().waitFor();
    await expect.poll(() => docs.boxes('hit').count()).toBeGreaterThan(0);
  });
});
