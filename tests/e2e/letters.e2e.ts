// Letters end to end: draft a records request from the case, edit it, save it as sent, and see the
// clock it starts in Deadlines and the letter filed in Documents as correspondence.
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeRivera } from '../support/fixtures';
import { DeadlinesPage, LettersPage, seriousViolations, riveraCaseInBrowser } from './support/act-pages';
import { DocumentsPage } from './support/documents-pages';
import { CaseView } from './support/pages';
import { screenshotPath } from './support/screenshots';


describeRivera('letters: draft, edit, save as sent, and the deadline it starts', () => {
  let view: CaseView;
  const letters = () => new LettersPage(env.browser.page);
  const edited = `I am writing about my son Mateo (edited in the e2e test ${Date.now()}).`;
  let subject = '';
  let sentDate = '';
  const env = riveraCaseInBrowser();
  beforeAll(() => {
    view = new CaseView(env.browser.page);
  });

  it('shows the case deadlines with their rule, citation and confidence', async () => {
    await view.goTo('Deadlines');
    const deadlines = new DeadlinesPage(env.browser.page);
    await expect.poll(() => deadlines.rows(/Annual IEP review/).count()).toBeGreaterThan(0);
    const row = deadlines.rows(/Annual IEP review/).first();
    expect(await row.textContent()).toMatch(/56343/);
    // The fixture's rules are not primary-verified: the label must say so, never present them as authoritative.
    expect(await row.textContent()).toMatch(/Secondary source|Unverified/);
    expect(await seriousViolations(env.browser.page)).toEqual([]);
  });

  it('drafts a records request, edits a paragraph, and saves it as sent', async () => {
    await view.goTo('Letters');
    await letters().draft('Records request');
    subject = await letters().subject().inputValue();
    expect(subject).toMatch(/Rivera/);
    const first = letters().paragraph(1);
    expect(await first.inputValue()).not.toBe('');
    await first.fill(edited);
    // Reorder with the keyboard-reachable buttons: paragraph 2 moves up and back down.
    const second = await letters().paragraph(2).inputValue();
    await env.browser.page.getByRole('button', { name: 'Move paragraph 2 up' }).click();
    await expect.poll(() => letters().paragraph(1).inputValue()).toBe(second);
    await env.browser.page.getByRole('button', { name: 'Move paragraph 1 down' }).click();
    await expect.poll(() => letters().paragraph(1).inputValue()).toBe(edited);
    expect(await seriousViolations(env.browser.page)).toEqual([]);
    await env.browser.page.screenshot({ path: screenshotPath('letters.png') });

    const d = new Date();
    sentDate = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await letters().saveAsSent(sentDate);
    await letters().notice().waitFor();
    expect(await letters().notice().textContent()).toMatch(/starts (this deadline|these deadlines)/);
    await expect.poll(() => letters().savedRow(subject).textContent()).toMatch(/Sent /);
  });

  it('the saved letter downloads as a DOCX holding the edited paragraph', async () => {
    const [download] = await Promise.all([env.browser.page.waitForEvent('download'), letters().savedRow(subject).getByRole('button', { name: /as DOCX$/ }).click()]);
    // Named for the child, the letter and the day: Rivera_<template>_YYYY-MM-DD.docx.
    expect(download.suggestedFilename()).toMatch(/^Rivera_[a-z]+(-[a-z]+)*_\d{4}-\d{2}-\d{2}\.docx$/);
    const file = await download.path();
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(file) });
    expect(value).toContain(edited);
  });

  it('the letter starts its deadline in Deadlines and is filed in Documents as correspondence', async () => {
    await letters().notice().getByRole('link', { name: 'See Deadlines' }).click();
    const deadlines = new DeadlinesPage(env.browser.page);
    const started = deadlines.rows(/letter sent/);
    await expect.poll(() => started.count()).toBeGreaterThan(0);
    const text = (await started.first().textContent()) ?? '';
    expect(text).toContain(subject);
    expect(text).toMatch(/records/i);
    // Sent today: the clock is open, not met and not overdue.
    expect(await started.first().getAttribute('class')).toMatch(/status-(upcoming|due)/);
    await env.browser.page.screenshot({ path: screenshotPath('deadlines.png'), fullPage: true });

    // The district answers: marked met with its date, the deadline leaves the open groups; Undo brings it back.
    await started.first().getByRole('button', { name: /^Mark met:/ }).click();
    await started.first().getByLabel('District responded on').fill(sentDate);
    await started.first().getByRole('button', { name: 'Mark met', exact: true }).click();
    await expect.poll(() => deadlines.table('Met').getByRole('row').filter({ hasText: subject }).count()).toBe(1);
    await deadlines.table('Met').getByRole('row').filter({ hasText: subject }).getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => deadlines.table('Met').getByRole('row').filter({ hasText: subject }).count()).toBe(0);

    await view.goTo('Documents');
    const docs = new DocumentsPage(env.browser.page);
    await expect.poll(() => docs.row(subject).count()).toBe(1);
    expect(await docs.row(subject).textContent()).toMatch(/Correspondence/i);
  });

  it('the home page lists the open deadlines of every case, soonest first', async () => {
    await env.browser.page.getByRole('link', { name: 'Cases', exact: true }).click();
    const list = env.browser.page.getByRole('list', { name: 'Open deadlines, soonest first' });
    await expect.poll(() => list.getByRole('listitem').filter({ hasText: /Rivera/ }).count()).toBeGreaterThan(0);
    const dates = await list.getByRole('listitem').locator('strong').allTextContents();
    const times = dates.map((d) => Date.parse(d));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(await seriousViolations(env.browser.page)).toEqual([]);
  });
});
