// Case info filled from the records, in the browser against the real host: an IEP typeset here
// names the parent and the case manager; Case info offers them with their source page, the parent
// is accepted (the form shows her at once), the case manager dismissed, and a drafted letter is
// signed with the parent's name instead of "Parent/Guardian". Axe finds nothing on the section.
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';
import { typesetPages } from '../support/synthetic-scan';
import { LettersPage } from './support/act-pages';
import { hostAndBrowser } from './support/browser';
import { callApi, importThroughApi } from './support/case-switch';
import { CaseListPage, CaseView } from './support/pages';
import { screenshotPath } from './support/screenshots';

describe('Case info suggestions from the records', () => {
  const env = hostAndBrowser();

  it('accepts the parent found in an IEP, and the drafted letter is signed with her name', async () => {
    const page = env.browser.page;
    const c = await callApi(env.host, 'cases.create', { name: 'Noor Haddad', childName: 'Noor Haddad', state: 'CA' });
    const dir = tempDir();
    const pdf = await typesetPages([
      {
        title: 'Individualized Education Program',
        lines: ['Student\tNoor Haddad', 'Meeting Date\t09/12/2026', 'Parent/Guardian\tAmira Haddad (Mother), 40 Elm St, Fairview, CA 95999, (555) 010-2000', 'Case Manager\tGrace Okonkwo, Education Specialist'],
      },
    ]);
    writeFileSync(path.join(dir, 'Haddad_IEP_2026-09-12.pdf'), pdf);
    await importThroughApi(env.host, c.id, dir, ['Haddad_IEP_2026-09-12.pdf']);

    const list = new CaseListPage(page);
    await list.open(env.host.url);
    await list.caseRow('Noor Haddad').click();
    const view = new CaseView(page);
    await view.waitFor('Noor Haddad');
    await view.goTo('Case info');
    const found = page.getByRole('region', { name: 'Found in the records' });
    const parent = found.getByRole('listitem', { name: 'Parent or guardian: Amira Haddad' });
    await parent.waitFor();
    expect(await parent.textContent()).toMatch(/Mother.*\(555\) 010-2000.*Haddad_IEP_2026-09-12\.pdf, p\. 1/);
    const axe = await new AxeBuilder({ page }).include('.contact-suggestions').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: screenshotPath('case-info-suggestions.png') });

    await parent.getByRole('button', { name: 'Accept Amira Haddad as parent or guardian' }).click();
    await expect.poll(() => parent.count()).toBe(0);
    await expect.poll(() => page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Amira Haddad');
    await found.getByRole('button', { name: 'Dismiss Grace Okonkwo' }).click();
    await expect.poll(() => found.count()).toBe(0);
    await expect.poll(async () => (await callApi(env.host, 'cases.get', { caseId: c.id })).parents[0]?.name).toBe('Amira Haddad');

    await view.goTo('Letters');
    const letters = new LettersPage(page);
    await letters.draft('Records request');
    const sender = letters.editor().getByRole('textbox', { name: 'From (sender lines)' });
    await expect.poll(() => sender.inputValue()).toMatch(/^Amira Haddad\n/);
    expect(await sender.inputValue()).not.toMatch(/Parent\/Guardian/);
  });
});
