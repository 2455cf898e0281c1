// The viewer shows a scanned page as its image, its recognised text, or the text over a faded image.
// A page is typeset, rendered and degraded like a copier's scan (tests/support/synthetic-scan), imported
// through the real host and read by OCR; the viewer's three-way toggle is then driven in Chromium.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPdf, typesetPages } from '../support/synthetic-scan';
import { seriousViolations } from './support/act-pages';
import { launchBrowser } from './support/browser';
import { callApi, goToRoute, importThroughApi } from './support/case-switch';
import { startHostProcess, type HostProcess } from './support/host';

const LINES = ['Annual goal: Reading fluency', 'Baseline: 48 words correct per minute', 'Target: 90 words correct per minute', 'Progress code: insufficient progress'];

describe('the recognised-text overlay on a scan', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let route: string;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'casefile-overlay-'));
    const pdf = await typesetPages([{ title: 'Progress Report on Annual Goals', lines: LINES, fontSize: 14 }]);
    const [scan] = await scanPdf(pdf, 150, () => ({ angle: 0.4, noise: 6, lightFalloff: 0.1, seed: 7 }));
    writeFileSync(path.join(dir, 'scan-progress.png'), scan.png);
    host = await startHostProcess();
    browser = await launchBrowser();
    const caseId = (await callApi(host, 'cases.create', { name: 'Overlay Test' })).id;
    await importThroughApi(host, caseId, dir, ['scan-progress.png']);
    const [doc] = await callApi(host, 'documents.list', { caseId });
    route = `case/${caseId}/documents/${doc.id}/1`;
    await browser.page.goto(host.url);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('switches between the image, the text on its lines, and both, and passes axe in each', async () => {
    const page = browser.page;
    await goToRoute(page, host, route);
    const toggle = page.getByRole('radiogroup', { name: 'Show the page as' });
    const pageView = page.locator('.viewer-page').getByRole('group', { name: 'Page 1' });
    const image = pageView.getByRole('img', { name: 'Page 1' });
    const text = pageView.locator('.page-words');

    // Image: the scan alone.
    await image.waitFor();
    expect(await toggle.getByRole('radio', { name: 'Image' }).isChecked()).toBe(true);
    expect(await text.count()).toBe(0);

    // Text: the scan goes, the recognised lines stand in its place, one run per printed line.
    await toggle.getByRole('radio', { name: 'Text' }).click();
    await text.waitFor();
    expect(await image.count()).toBe(0);
    const runs = await text.locator('span').evaluateAll((spans) =>
      spans.map((s) => ({ text: s.textContent!.trim(), top: s.getBoundingClientRect().top, height: s.getBoundingClientRect().height })),
    );
    const baseline = runs.find((r) => /Baseline/i.test(r.text));
    const target = runs.find((r) => /Target/i.test(r.text));
    expect(baseline?.text).toMatch(/Baseline:? 48 words correct per minute/i);
    expect(target?.text).toMatch(/Target:? 90 words correct per minute/i);
    // Lines keep their printed order and do not overlap.
    expect(target!.top).toBeGreaterThan(baseline!.top + baseline!.height * 0.6);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(os.tmpdir(), 'overlay-text.png') });

    // Both: the text over the scan, which is faded so the text reads.
    await toggle.getByRole('radio', { name: 'Both' }).click();
    await image.waitFor();
    await text.waitFor();
    expect(Number(await image.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.5);
    expect(await seriousViolations(page)).toEqual([]);

    // Back to the image alone.
    await toggle.getByRole('radio', { name: 'Image' }).click();
    await expect.poll(() => text.count()).toBe(0);
    expect(Number(await image.evaluate((el) => getComputedStyle(el).opacity))).toBe(1);
  });
});
