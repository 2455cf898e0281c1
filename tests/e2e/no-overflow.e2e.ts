// Every screen fits a 14" laptop: at 1280x800 no section of a full case scrolls sideways, in the
// light theme or the dark. Screenshots of each go to out/screenshots for a person to look at.
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRivera, RIVERA_DOCS } from '../support/fixtures';
import { launchBrowser } from './support/browser';
import { callApi, goToRoute, importThroughApi } from './support/case-switch';
import { startHostProcess, type HostProcess } from './support/host';
import { screenshotPath } from './support/screenshots';

/** The fixture's text PDFs (no scans or photos: OCR would only make the setup slow). */
const FILES = readdirSync(RIVERA_DOCS).filter((f) => f.endsWith('.pdf') && !f.startsWith('scan_'));


/** How far the page scrolls sideways, and the widest elements that stick out (to say what to fix). */
async function overflow(page: Page): Promise<{ by: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const by = root.scrollWidth - root.clientWidth;
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > root.clientWidth + 1;
    // The innermost elements that stick out: what to fix, not every box around it.
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => sticksOut(el) && ![...el.children].some(sticksOut))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    // A table wider than the box it sits in pokes out of its card even when the page itself does not scroll.
    for (const t of document.querySelectorAll('table')) {
      const box = t.parentElement!;
      if (getComputedStyle(box).overflowX !== 'visible') continue; // a box that scrolls its table is fine
      const over = t.getBoundingClientRect().right - box.getBoundingClientRect().right;
      if (over > 1) culprits.push(`table.${[...t.classList].join('.')} sticks out of ${box.tagName.toLowerCase()}.${[...box.classList].join('.')} by ${Math.round(over)}`);
    }
    return { by: culprits.length ? Math.max(by, 1) : by, culprits };
  });
}

const SECTIONS = ['overview', 'documents', 'review', 'goals', 'services', 'scores', 'deadlines', 'letters', 'packet', 'info'];

describeRivera('no sideways scrolling at 1280x800', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let caseId: string;

  beforeAll(async () => {
    host = await startHostProcess();
    browser = await launchBrowser();
    await browser.page.setViewportSize({ width: 1280, height: 800 });
    caseId = (await callApi(host, 'cases.create', { name: 'Mateo Rivera', state: 'CA', dob: '2014-03-14' })).id;
    await importThroughApi(host, caseId, RIVERA_DOCS, FILES);
    await browser.page.goto(host.url);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`every section of a full case fits, ${theme}`, async () => {
      const page = browser.page;
      const found: Record<string, { by: number; culprits: string[] }> = {};
      const queue = await callApi(host, 'review.queue', { caseId });
      const routes = [
        ['home', ''],
        ['settings', 'settings'],
        ...SECTIONS.map((s) => [s, `case/${caseId}/${s}`]),
        ['review-document', `case/${caseId}/review/${queue[0].documentId}`],
        ['viewer', `case/${caseId}/documents/${queue[0].documentId}/1`],
      ];
      for (const [name, route] of routes) {
        await goToRoute(page, host, route);
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 30_000 });
        await page.waitForTimeout(300); // charts lay out after their data arrives
        const o = await overflow(page);
        if (o.by > 0) found[name] = o;
        await page.screenshot({ path: screenshotPath(`fit-1280-${theme}-${name}.png`), fullPage: false });
      }
      expect(found).toEqual({});
    });
  }
});
