// The Content-Security-Policy without 'unsafe-inline' styles (issue 17): the real UI, on a real
// case with charts (the dev-rivera text documents imported by the casefile command), walks every
// section and Settings in Debian's Chromium, and the page reports no CSP violation at all.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/host/csp';
import { describeRivera } from '../support/fixtures';
import { importCaseWithCli, openCase, riveraTextDocuments } from './support/act-pages';
import { launchBrowser } from './support/browser';
import { freshDataDir, startHostProcess, type HostProcess } from './support/host';
import { CaseView } from './support/pages';

describeRivera('the content security policy', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    const dataDir = freshDataDir();
    importCaseWithCli(dataDir, 'Rivera CSP', 'MO', riveraTextDocuments());
    host = await startHostProcess(dataDir);
    browser = await launchBrowser();
    await browser.page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('allows no inline style element and is never violated by the UI', async () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    const page = browser.page;
    await openCase(page, host.url, 'Rivera CSP');
    const view = new CaseView(page);
    for (const section of ['Overview', 'Documents', 'Review', 'Services', 'Deadlines', 'Letters', 'Packet', 'Case info']) {
      await view.goTo(section);
      // Each section has drawn once nothing on the page is still loading (aria-busy).
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    }
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByRole('heading', { name: 'Backup' }).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    // An inline <style> element is refused: the policy is really in force.
    const probe = await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'body { outline: 7px solid rgb(1, 2, 3); }';
      document.head.append(s);
      return getComputedStyle(document.body).outlineWidth;
    });
    expect(probe).not.toBe('7px');
    const after = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(after.length).toBeGreaterThan(seen.length);
    // zod probes once whether it may compile its parsers (Function('') in a try, its allowsEval): refused, harmlessly.
    expect(seen.filter((v) => !v.startsWith('script-src eval'))).toEqual([]);
  });
});
