// Every open red flag on the overview offers its next step: "Draft letter" opens the letter that acts
// on it, drafted from the case with the flag's finding and its source pages; "Add deadline" records the day the family learned of it, which starts
// the complaint and due-process clocks on the Deadlines page; "Add to packet" puts its documents among the
// packet's exhibits and its finding in the packet's findings; "Dismiss" asks why and keeps the reason.
// dev-rivera documents imported through the host's API; what was stored is read back through the API.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRivera, RIVERA_DOCS } from '../support/fixtures';
import { launchBrowser } from './support/browser';
import { callApi, goToRoute } from './support/case-switch';
import { startHostProcess, type HostProcess } from './support/host';
import { CaseView } from './support/pages';
import { screenshotPath } from './support/screenshots';

const FILES = ['Rivera_Mateo_IEP_Initial_2022-10-12.pdf', 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf', 'Rivera_Mateo_Progress_Report_2023-06-02.pdf'];

async function importFiles(host: HostProcess, caseId: string) {
  const uploads = [];
  for (const fileName of FILES) {
    const res = await fetch(`${host.origin}/api/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${host.token}` },
      body: readFileSync(path.join(RIVERA_DOCS, fileName)),
    });
    const { value } = (await res.json()) as { value: { uploadId: string } };
    uploads.push({ uploadId: value.uploadId, fileName });
  }
  const batch = await callApi(host, 'documents.import', { caseId, uploads });
  for (let i = 0; i < 1200; i++) {
    if ((await callApi(host, 'documents.importStatus', { jobId: batch.jobId })).done) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the import did not finish');
}

describeRivera('next steps from every red flag', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let caseId: string;

  beforeAll(async () => {
    host = await startHostProcess();
    browser = await launchBrowser();
    caseId = (await callApi(host, 'cases.create', { name: 'Mateo Rivera', state: 'CA' })).id;
    await importFiles(host, caseId);
    await browser.page.goto(host.url);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const flagItems = () => browser.page.locator('.flags > .flag-list > li.flag');

  it('each open flag has Draft letter, Add deadline and Dismiss; Draft letter opens the letter drafted with its finding', async () => {
    const page = browser.page;
    const flags = (await callApi(host, 'flags.list', { caseId })).filter((f) => !f.dismissed);
    expect(flags.length).toBeGreaterThan(0);
    await goToRoute(page, host, `case/${caseId}/overview`);
    await new CaseView(page).waitFor('Mateo Rivera');
    await expect.poll(() => flagItems().count(), { timeout: 20_000 }).toBe(flags.length);
    for (let i = 0; i < flags.length; i++) {
      const steps = flagItems().nth(i).getByRole('group', { name: /^Next steps: / });
      expect(await steps.getByRole('button').allInnerTexts()).toEqual(['Draft letter', 'Add to packet', 'Add deadline…', 'Dismiss…']);
    }
    expect((await new AxeBuilder({ page }).include('.flags').analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.locator('.flags').screenshot({ path: screenshotPath('flag-next-steps.png') });

    const templates = await callApi(host, 'letters.templates', undefined);
    const finding = (await flagItems().first().locator(':scope > p').first().textContent())!.trim().replace(/[.\s]+$/, '');
    await flagItems().first().getByRole('button', { name: /^Draft letter: / }).click();
    const heading = page.locator('#editor-heading');
    await heading.waitFor({ timeout: 20_000 });
    expect(templates.map((t) => t.title)).toContain(await heading.textContent());
    expect(page.url()).toMatch(/#\/case\/[^/]+\/letters$/);
    // The draft is the case's own: the child's name is in it.
    await expect.poll(() => page.locator('.letters').textContent()).toMatch(/Mateo/);
    // Drafted from the flag: right after the introduction, the flag's finding with its source pages.
    const second = page.locator('.paragraphs .paragraph textarea').nth(1);
    expect(await second.inputValue()).toMatch(/^Mateo's records show the following, which I ask the team to address: /);
    expect(await second.inputValue()).toContain(finding);
    expect(await second.inputValue()).toMatch(/, p\. \d+[;)]/);
  });

  it('Add deadline records the day learned of as an event, and its clocks appear under Deadlines', async () => {
    const page = browser.page;
    await new CaseView(page).goTo('Overview');
    const first = flagItems().first();
    const title = (await first.locator('h3').textContent())!;
    await first.getByRole('button', { name: /^Add deadline: / }).click();
    const dialog = page.getByRole('dialog', { name: `Add deadline for flag: ${title}` });
    await dialog.getByLabel('Learned of it on').fill('2026-01-15');
    const label = await dialog.getByLabel('Event').inputValue();
    expect(label.startsWith(`${title}: `)).toBe(true);
    await dialog.getByRole('button', { name: 'Add deadline' }).click();
    await page.getByRole('status').filter({ hasText: 'Deadline event added' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Deadline event added' }).textContent()).toContain('Jan 15, 2026');

    const events = await callApi(host, 'events.list', { caseId });
    const added = events.filter((e) => e.type === 'violation_known' && e.date === '2026-01-15');
    expect(added.map((e) => e.label)).toEqual([label]);
    const clocks = (await callApi(host, 'deadlines.list', { caseId })).filter((d) => d.triggerEvent.id === added[0]!.id);
    expect(clocks.length).toBeGreaterThan(0);
    expect(clocks.every((d) => d.dueDate && d.dueDate > '2026-01-15')).toBe(true);

    await new CaseView(page).goTo('Deadlines');
    await page.getByText(label.slice(0, 40)).first().waitFor({ timeout: 20_000 });
  });

  it('Dismiss asks why, and the reason is kept with the dismissed flag', async () => {
    const page = browser.page;
    await new CaseView(page).goTo('Overview');
    const open = (await callApi(host, 'flags.list', { caseId })).filter((f) => !f.dismissed);
    await expect.poll(() => flagItems().count(), { timeout: 20_000 }).toBe(open.length);
    const before = open.length;
    const first = flagItems().first();
    const title = (await first.locator('h3').textContent())!;
    const key = open[0]!.key;
    await first.getByRole('button', { name: /^Dismiss: / }).click();
    const dialog = page.getByRole('dialog', { name: `Dismiss flag: ${title}` });
    await dialog.getByLabel('Why is this flag not a concern?').fill('Discussed at the March meeting; the team agreed a plan.');
    await dialog.getByRole('button', { name: 'Dismiss flag' }).click();
    await expect.poll(() => flagItems().count()).toBe(before - 1);
    const stored = (await callApi(host, 'flags.list', { caseId, includeDismissed: true })).find((f) => f.key === key)!;
    expect(stored.dismissed?.reason).toBe('Discussed at the March meeting; the team agreed a plan.');
    await page.getByRole('button', { name: /^Dismissed \(\d+\)$/ }).click();
    await page.locator('.dismiss-reason').filter({ hasText: 'Discussed at the March meeting' }).waitFor();
  });

  it("Add to packet puts the flag's documents among the exhibits and its finding in the packet's findings", async () => {
    const page = browser.page;
    await new CaseView(page).goTo('Overview');
    const open = (await callApi(host, 'flags.list', { caseId })).filter((f) => !f.dismissed);
    await expect.poll(() => flagItems().count(), { timeout: 20_000 }).toBe(open.length);
    const flag = open[0]!;
    expect(await flagItems().first().locator(':scope > p').first().textContent()).toBe(flag.description);
    await flagItems().first().getByRole('button', { name: /^Add to packet: / }).click();
    const findings = page.getByRole('list', { name: 'Findings in the packet' });
    await findings.waitFor({ timeout: 20_000 });
    expect(await findings.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining(flag.description)]);
    expect(page.url()).toMatch(/#\/case\/[^/]+\/packet$/);
    const titles = (await callApi(host, 'packet.candidates', { caseId })).filter((c) => flag.documentIds.includes(c.documentId)).map((c) => c.title || c.fileName);
    expect(titles.length).toBe(flag.documentIds.length);
    const order = page.locator('section[aria-labelledby="order-heading"]');
    for (const t of titles) await order.getByText(t).first().waitFor();
    expect(await order.locator('[role="row"]').count()).toBe(titles.length);
    expect((await new AxeBuilder({ page }).include('.packet').analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  it("a goal lineage shows the red flags on its goals with the same next steps", async () => {
    const page = browser.page;
    const open = (await callApi(host, 'flags.list', { caseId })).filter((f) => !f.dismissed);
    const lineages = await callApi(host, 'goals.lineages', { caseId });
    const withFlags = lineages.map((l) => ({ l, flags: open.filter((f) => f.goalIds.some((g) => l.goalIds.includes(g))) })).filter((x) => x.flags.length);
    expect(withFlags.length).toBeGreaterThan(0);
    const { l, flags } = withFlags[0]!;
    await goToRoute(page, host, `case/${caseId}/goals/${encodeURIComponent(l.id)}`);
    const section = page.getByRole('region', { name: /^Red flags on this goal/ });
    await section.waitFor({ timeout: 20_000 });
    const items = section.locator(':scope > .flag-list > li.flag');
    await expect.poll(() => items.count()).toBe(flags.length);
    for (let i = 0; i < flags.length; i++) {
      expect(await items.nth(i).getByRole('group', { name: /^Next steps: / }).getByRole('button').allInnerTexts()).toEqual(['Draft letter', 'Add to packet', 'Add deadline…', 'Dismiss…']);
    }
    expect((await new AxeBuilder({ page }).include('.lineage .flags').analyze()).violations.map((v) => v.id)).toEqual([]);
  });
});
