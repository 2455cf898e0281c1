// Meeting brief end to end: on Goals & timeline, prepare the brief for dev-rivera, see each goal's
// figures and on-track verdict, rewrite a question, save it as PDF, and find it filed in Documents
// holding the rewritten question (its text read back through the API from the stored pages).
import { beforeAll, expect, it } from 'vitest';
import { describeRivera } from '../support/fixtures';
import { seriousViolations, riveraCaseInBrowser } from './support/act-pages';
import { callApi } from './support/case-switch';
import { CaseView } from './support/pages';

describeRivera('meeting brief: prepare, edit the questions, save and file', () => {
  let view: CaseView;
  const question = `What will the team change in reading fluency instruction before the next report? (e2e ${Date.now()})`;

  const env = riveraCaseInBrowser();
  beforeAll(() => {
    view = new CaseView(env.browser.page);
  });

  it('previews every goal with its figures and verdict, saves the edited brief and files it', async () => {
    const page = env.browser.page;
    await view.goTo('Goals & timeline');
    await page.getByRole('button', { name: 'Prepare meeting brief…' }).click();
    const fluency = page.getByRole('region', { name: 'Goal 1: Reading Fluency' });
    await fluency.waitFor();
    expect(await fluency.textContent()).toMatch(/Target: 90 WCPM/);
    expect(await fluency.textContent()).toMatch(/Not on track/);
    await expect.poll(() => page.locator('.brief-goal').count()).toBe(4);
    const field = page.getByRole('textbox', { name: 'Questions on Goal 1: Reading Fluency' });
    expect(await field.inputValue()).toMatch(/Endrew F\./);
    await field.fill(question);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save brief as PDF' }).click();
    const status = page.getByRole('status').filter({ hasText: /Meeting_Brief_/ });
    await status.waitFor();
    const fileName = /Meeting_Brief_\d{4}-\d{2}-\d{2}\.pdf/.exec((await status.textContent()) ?? '')![0];

    await view.goTo('Documents');
    await page.getByText(fileName).first().waitFor();
    // The filed PDF's own pages hold the rewritten question, under the brief's file name and type.
    const found = await callApi(env.host, 'search.query', { query: 'reading fluency instruction before the next report', types: ['other'] });
    const hit = found.hits.find((h) => h.fileName === fileName);
    expect(hit, JSON.stringify(found.hits.map((h) => h.fileName))).toBeTruthy();
    expect(hit!.type).toBe('other');
  }, 240_000);
});
