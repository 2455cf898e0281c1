// Cases go to a trash, never straight to deletion: moving one there shows a note with Undo, the
// home page's Trash restores it, and emptying the trash needs the typed words. Nothing needs a reload.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { callApi, goToRoute } from './support/case-switch';
import { startHostProcess, type HostProcess } from './support/host';
import { CaseListPage, CaseView } from './support/pages';
import { screenshotPath } from './support/screenshots';

describe('the case trash, in the browser', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    host = await startHostProcess();
    browser = await launchBrowser();
    await callApi(host, 'cases.create', { name: 'Ana Torres', school: 'Maple Elementary' });
    await callApi(host, 'cases.create', { name: 'Ben Okafor', school: 'Oak Middle' });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  /** Shows the Trash on the home page (the toggle keeps its state across same-page navigations). */
  async function openTrash(count: number) {
    const toggle = browser.page.getByRole('button', { name: `Trash (${count})` });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  }
  const toast = () => browser.page.getByRole('status').getByRole('listitem');

  it('moves a case to the trash from Case info, and Undo brings it back', async () => {
    const page = browser.page;
    const list = new CaseListPage(page);
    await list.open(host.url);
    await list.caseRow('Ana Torres').click();
    const view = new CaseView(page);
    await view.waitFor('Ana Torres');
    await view.goTo('Case info');
    await page.getByRole('button', { name: 'Move case to trash' }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await expect.poll(() => toast().textContent()).toMatch(/Moved "Ana Torres" to the trash/);
    await expect.poll(() => list.caseRow('Ana Torres').count()).toBe(0);
    expect((await callApi(host, 'cases.trash', undefined)).map((c) => c.name)).toEqual(['Ana Torres']);
    await page.getByRole('button', { name: 'Trash (1)' }).waitFor();
    await page.screenshot({ path: screenshotPath('case-trash-toast.png') });

    await toast().getByRole('button', { name: 'Undo' }).click();
    // Undo brings the user back to the case they left.
    await view.waitFor('Ana Torres');
    expect(await callApi(host, 'cases.trash', undefined)).toEqual([]);
    await page.getByRole('link', { name: 'Cases' }).click();
    await expect.poll(() => list.caseRow('Ana Torres').count()).toBe(1);
  });

  it('removing a deadline event shows a note whose Undo enters it again', async () => {
    const page = browser.page;
    const cara = await callApi(host, 'cases.create', { name: 'Cara Diaz', state: 'CA' });
    await callApi(host, 'events.add', { caseId: cara.id, type: 'records_request', date: '2026-11-02', label: 'Asked for the records by email' });
    await goToRoute(page, host, `case/${cara.id}/deadlines`);
    await page.getByRole('button', { name: 'Remove Asked for the records by email' }).click();
    await expect.poll(async () => (await callApi(host, 'events.list', { caseId: cara.id })).filter((e) => e.origin === 'user').length).toBe(0);
    const note = toast().filter({ hasText: 'Removed the event "Asked for the records by email"' });
    await note.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Remove Asked for the records by email' }).waitFor();
    expect((await callApi(host, 'events.list', { caseId: cara.id })).filter((e) => e.origin === 'user').map((e) => [e.type, e.date, e.label])).toEqual([['records_request', '2026-11-02', 'Asked for the records by email']]);
    // Out of the way of the trash tests below.
    await callApi(host, 'cases.delete', { caseId: cara.id });
    await callApi(host, 'cases.purge', { caseId: cara.id });
  });

  it('restores from the Trash on the home page and lists it again at once', async () => {
    const page = browser.page;
    const list = new CaseListPage(page);
    const ben = (await callApi(host, 'cases.list', {})).find((c) => c.name === 'Ben Okafor')!;
    await list.open(host.url);
    await callApi(host, 'cases.delete', { caseId: ben.id }); // from elsewhere (the command line): the list follows
    await expect.poll(() => list.caseRow('Ben Okafor').count()).toBe(0);
    await openTrash(1);
    const trash = page.getByRole('list', { name: 'Cases in the trash' });
    await trash.getByText('Ben Okafor').waitFor();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await trash.getByRole('button', { name: 'Restore Ben Okafor' }).click();
    await expect.poll(() => list.caseRow('Ben Okafor').count()).toBe(1);
    await page.getByText('The trash is empty.').waitFor();
  });

  it('empties the trash only after the words are typed', async () => {
    const page = browser.page;
    const list = new CaseListPage(page);
    await list.open(host.url);
    for (const c of await callApi(host, 'cases.list', {})) await callApi(host, 'cases.delete', { caseId: c.id });
    await openTrash(2);
    await page.getByRole('button', { name: 'Empty trash…' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete for good' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type “empty trash” to confirm/).fill('empty');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type “empty trash” to confirm/).fill('empty trash');
    await page.screenshot({ path: screenshotPath('case-trash-empty.png') });
    await confirm.click();
    await expect.poll(() => toast().last().textContent()).toMatch(/Deleted 2 cases for good/);
    await page.getByText('The trash is empty.').waitFor();
    expect(await callApi(host, 'cases.trash', undefined)).toEqual([]);
    expect(await callApi(host, 'cases.list', { includeArchived: true })).toEqual([]);
  });
});
