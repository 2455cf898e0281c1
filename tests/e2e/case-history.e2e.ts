// Case info's History, in the browser against the real host: the case's lines newest first, and a
// new one appears without a reload when the case changes; axe finds nothing on the section.
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { hostAndBrowser } from './support/browser';
import { callApi } from './support/case-switch';
import { CaseListPage, CaseView } from './support/pages';

describe('the case history in Case info', () => {
  const env = hostAndBrowser();

  it('lists what was done, newest first, and follows the case', async () => {
    const page = env.browser.page;
    const c = await callApi(env.host, 'cases.create', { name: 'Hana Lee', state: 'CA' });
    const eventId = await callApi(env.host, 'events.add', { caseId: c.id, type: 'records_request', date: '2026-11-02', label: 'Asked for the records' });
    expect(eventId).toBeTruthy();
    const list = new CaseListPage(page);
    await list.open(env.host.url);
    await list.caseRow('Hana Lee').click();
    const view = new CaseView(page);
    await view.waitFor('Hana Lee');
    await view.goTo('Case info');
    const items = page.getByRole('region', { name: 'History' }).getByRole('listitem');
    await expect.poll(() => items.allTextContents()).toEqual([expect.stringContaining('Added the event "Asked for the records" on 2026-11-02')]);

    await callApi(env.host, 'events.add', { caseId: c.id, type: 'iep_meeting', date: '2026-12-01', label: 'Annual review meeting' });
    await expect.poll(() => items.allTextContents()).toEqual([expect.stringContaining('Annual review meeting'), expect.stringContaining('Asked for the records')]);
    const axe = await new AxeBuilder({ page }).include('.case-history').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});
