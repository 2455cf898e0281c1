import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRivera, RIVERA_DOCS } from '../support/fixtures';
import { launchBrowser } from './support/browser';
import { openCaseList, DocumentsPage, ReviewPage } from './support/documents-pages';
import { startHostProcess, type HostProcess } from './support/host';
import { CaseListPage, CaseView } from './support/pages';

const IEP = path.join(RIVERA_DOCS, 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf');

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describeRivera('review: corrections survive reloads and re-extraction', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let review: ReviewPage;

  beforeAll(async () => {
    host = await startHostProcess();
    browser = await launchBrowser();
    review = new ReviewPage(browser.page);
    const list = new CaseListPage(browser.page);
    await openCaseList(browser.page, host.url);
    await list.createCase({ name: 'Mateo Rivera', state: 'CA' });
    const view = new CaseView(browser.page);
    await view.waitFor('Mateo Rivera');
    await view.goTo('Documents');
    const docs = new DocumentsPage(browser.page);
    await docs.importByPicker([IEP]);
    await docs.waitForImport();
    await view.goTo('Review');
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('lists the IEP in the queue and opens the split view with a box on every value', async () => {
    const row = review.queueRow('Rivera_Mateo_IEP_Annual_2023-10-10.pdf');
    await expect.poll(() => row.textContent()).toMatch(/0 of \d+ confirmed/);
    expect(await seriousViolations(browser.page)).toEqual([]);
    await row.click();
    await review.group(/^Goal 1\b/).waitFor();
    await expect.poll(() => browser.page.locator('.review-page .page-overlay rect').count()).toBeGreaterThan(0);
    expect(await seriousViolations(browser.page)).toEqual([]);
  });

  it('selecting a field boxes its source; E edits a baseline, which shows as edited after a reload and a re-run', async () => {
    const baseline = review.field(/^Goal 1\b/, 'Baseline value');
    await baseline.click();
    await expect.poll(() => browser.page.locator('.review-page rect[data-kind="selected"]').count()).toBe(1);
    const before = await baseline.locator('.field-value').textContent();
    const corrected = before === '57' ? '58' : '57';
    await browser.page.keyboard.press('e');
    const input = browser.page.getByRole('textbox', { name: 'New value for Baseline value' });
    await input.fill(corrected);
    await input.press('Enter');
    await expect.poll(() => baseline.textContent()).toMatch(/edited by you/);
    expect(await baseline.locator('.field-value').textContent()).toBe(corrected);
    await browser.page.screenshot({ path: '/tmp/review-edited.png' });

    // Enter confirms the next field (J moves down).
    await baseline.focus();
    await browser.page.keyboard.press('j');
    await browser.page.keyboard.press('Enter');
    await expect.poll(() => review.field(/^Goal 1\b/, 'Target').textContent()).toMatch(/confirmed/);

    await browser.page.reload();
    await review.group(/^Goal 1\b/).waitFor();
    await expect.poll(() => review.field(/^Goal 1\b/, 'Baseline value').textContent()).toMatch(/edited by you/);
    expect(await review.field(/^Goal 1\b/, 'Baseline value').locator('.field-value').textContent()).toBe(corrected);

    // The screen looks the same before and after a re-run, so wait for the re-run itself to answer,
    // then read what it kept both on the screen and from a fresh load.
    const rerun = browser.page.waitForResponse((r) => r.url().endsWith('/api/call/review.rerun'));
    await browser.page.getByRole('button', { name: 'Re-run extraction' }).click();
    expect((await rerun).ok()).toBe(true);
    for (const fresh of [false, true]) {
      if (fresh) {
        await browser.page.reload();
        await review.group(/^Goal 1\b/).waitFor();
      }
      await expect.poll(() => review.field(/^Goal 1\b/, 'Baseline value').locator('.field-value').textContent()).toBe(corrected);
      await expect.poll(() => review.field(/^Goal 1\b/, 'Baseline value').textContent()).toMatch(/edited by you/);
      await expect.poll(() => review.field(/^Goal 1\b/, 'Target').textContent()).toMatch(/confirmed/);
    }
    expect(await seriousViolations(browser.page)).toEqual([]);
  });

  it('adds a missed goal by dragging a rectangle over its text on the page', async () => {
    await browser.page.getByRole('button', { name: 'Add a missed goal' }).click();
    const overlay = browser.page.locator('.review-page .page-overlay');
    const b = (await overlay.boundingBox())!;
    await browser.page.mouse.move(b.x + b.width * 0.08, b.y + b.height * 0.3);
    await browser.page.mouse.down();
    await browser.page.mouse.move(b.x + b.width * 0.9, b.y + b.height * 0.36, { steps: 5 });
    await browser.page.mouse.up();
    const text = browser.page.getByRole('textbox', { name: 'Goal text' });
    await expect.poll(() => text.inputValue()).not.toBe('');
    await browser.page.screenshot({ path: '/tmp/review-add.png' });
    await browser.page.getByRole('button', { name: 'Add goal', exact: true }).click();
    await expect.poll(() => browser.page.locator('li.field.status-added').count()).toBeGreaterThan(0);
    await browser.page.reload();
    await review.group(/^Goal 1\b/).waitFor();
    await expect.poll(() => browser.page.locator('li.field.status-added').count()).toBeGreaterThan(0);
  });
});
