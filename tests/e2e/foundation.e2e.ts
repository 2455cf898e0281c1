import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { hostAndBrowser } from './support/browser';
import { startHostProcess } from './support/host';
import { CaseListPage, CaseView } from './support/pages';
import type { Page } from 'playwright-core';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

describe('foundation through the browser host', () => {
  const env = hostAndBrowser();

  it('creates a case that survives a reload and a host restart', async () => {
    const list = new CaseListPage(env.browser.page);
    await list.open(env.host.url);
    await list.createCase({ name: 'Ana Torres', state: 'MO', dob: '2015-05-02', school: 'Maple Elementary' });
    await new CaseView(env.browser.page).waitFor('Ana Torres');
    await env.browser.page.reload();
    await new CaseView(env.browser.page).waitFor('Ana Torres');

    await env.host.stop();
    env.host = await startHostProcess(env.host.dataDir);
    await list.open(env.host.url);
    await expect.poll(() => list.caseRow('Ana Torres').count()).toBe(1);
  });

  it('exports the case as iep-casefile/export@1 from its page', async () => {
    const list = new CaseListPage(env.browser.page);
    await list.open(env.host.url);
    await list.caseRow('Ana Torres').click();
    await new CaseView(env.browser.page).waitFor('Ana Torres');
    const [download] = await Promise.all([env.browser.page.waitForEvent('download'), env.browser.page.getByRole('button', { name: 'Export case (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe('Ana_Torres.casefile.json');
    const { readFileSync } = await import('node:fs');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; student: { name: string } };
    expect(exported).toMatchObject({ format: 'iep-casefile/export@1', student: { name: 'Ana Torres' } });
  });

  it('refuses bad input with a message and creates nothing', async () => {
    const list = new CaseListPage(env.browser.page);
    await list.open(env.host.url);
    await list.createCase({ name: 'Future Child', dob: '2099-01-01' });
    await expect.poll(() => env.browser.page.getByRole('dialog').getByRole('alert').textContent()).toMatch(/in the future/);
    await env.browser.page.keyboard.press('Escape');
    await env.browser.page.reload();
    await list.caseRow('Ana Torres').waitFor();
    expect(await list.caseRow('Future Child').count()).toBe(0);
  });

  it('requires the token and refuses a foreign Host header', async () => {
    const noToken = await fetch(`${env.host.origin}/api/call/cases.list`, { method: 'POST' });
    expect(noToken.status).toBe(401);
    const wrongToken = await fetch(`${env.host.origin}/api/call/cases.list`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(wrongToken.status).toBe(401);
    const withToken = await fetch(`${env.host.origin}/api/call/cases.list`, { method: 'POST', headers: { authorization: `Bearer ${env.host.token}` } });
    expect(withToken.status).toBe(200);
    expect(((await withToken.json()) as { ok: boolean }).ok).toBe(true);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${env.host.origin}/`, { headers: { host: 'attacker.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    const foreignOrigin = await fetch(`${env.host.origin}/api/call/cases.list`, { method: 'POST', headers: { authorization: `Bearer ${env.host.token}`, origin: 'http://attacker.example' } });
    expect(foreignOrigin.status).toBe(403);
  });

  it('a second host on the same data folder is refused', async () => {
    await expect(startHostProcess(env.host.dataDir)).rejects.toThrow(/already running/);
  });

  it('case list, case overview and settings are keyboard reachable and pass axe', async () => {
    const page = env.browser.page;
    const list = new CaseListPage(page);
    await list.open(env.host.url);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // Keyboard: move into the case list and open the case with Enter.
    await list.caseRow('Ana Torres').focus();
    await page.keyboard.press('Enter');
    await new CaseView(page).waitFor('Ana Torres');
    expect(await seriousViolations(page)).toEqual([]);
    await new CaseView(page).goTo('Case info');
    await page.getByLabel('Grade').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
