// One correction teaches the form (issue 18), in the browser against the real host: three progress
// reports of one made-up district form whose report date no extractor reads (tests/e2e/support/
// forms-learning.ts writes them here). Correcting the date on one offers to apply it to the two
// others with a preview of each value on its page; accepted, another report shows its own date with
// "Learned from your correction on ..."; the Forms page lists what was learned (axe clean) and
// deleting it takes the value away. The toast's Undo takes a second applied anchor back at once,
// leaving the user's own corrections.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BBox } from '../../shared/domain';
import { formatDisplayDate } from '../../shared/text/dates';
import { formDocument, type FormDocTruth } from '../unit/forms/form-family';
import { launchBrowser } from './support/browser';
import { callApi, importThroughApi } from './support/case-switch';
import { ReviewPage } from './support/documents-pages';
import { LEARNING_REPORTS, writeLearningReports } from './support/forms-learning';
import { startHostProcess, type HostProcess } from './support/host';

const GROUP = 'Progress report';
const FIELD = 'Report date';
const [A, B, C] = LEARNING_REPORTS;

async function axeViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('one correction teaches the form', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let review: ReviewPage;
  let caseId: string;
  const ids = new Map<string, string>();

  const openReview = async (fileName: string) => {
    await browser.page.goto(`${host.origin}/#/case/${caseId}/review/${ids.get(fileName)}`);
    await review.group(GROUP).waitFor();
  };
  const reportDate = () => review.field(GROUP, FIELD);
  const editReportDate = async (iso: string) => {
    await reportDate().click();
    await browser.page.keyboard.press('e');
    const input = browser.page.getByRole('textbox', { name: `New value for ${FIELD}` });
    await input.fill(iso);
    await input.press('Enter');
    await expect.poll(() => reportDate().textContent()).toMatch(/edited by you/);
  };
  const offer = () => browser.page.getByRole('region', { name: /^Apply to \d+ other progress reports? of this form\?$/ });

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'forms-learning-'));
    await writeLearningReports(dir);
    host = await startHostProcess();
    browser = await launchBrowser();
    review = new ReviewPage(browser.page);
    caseId = (await callApi(host, 'cases.create', { name: 'Harbor Point reports', state: 'CA' })).id;
    await importThroughApi(host, caseId, dir, LEARNING_REPORTS.map((r) => r.fileName));
    for (const d of await callApi(host, 'documents.list', { caseId })) ids.set(d.fileName, d.id);
    await browser.page.goto(host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('reads no report date on any of the reports, which share one form', async () => {
    for (const r of LEARNING_REPORTS) {
      const got = await callApi(host, 'review.get', { caseId, documentId: ids.get(r.fileName)! });
      expect(got.corrected?.progressReport?.reportDate ?? null).toBeNull();
    }
    await openReview(A.fileName);
    expect(await reportDate().locator('.field-value').textContent()).toBe('—');
    await expect.poll(() => browser.page.locator('.review-head .form-family').textContent()).toMatch(/3 documents in 1 case/);
  });

  it('a correction offers the same reading on the other reports, previewed on their pages; accepted, they show it as learned', async () => {
    await editReportDate(A.mailedIso);
    await offer().waitFor();
    const items = offer().getByRole('list', { name: 'Values it would fill' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    for (const r of [B, C]) {
      const item = items.filter({ hasText: r.fileName });
      expect(await item.locator('.apply-value').textContent()).toBe(formatDisplayDate(r.mailedIso));
      // Its box drawn on its page.
      await expect.poll(() => item.locator('.page-overlay rect').count()).toBe(1);
    }
    expect(await axeViolations(browser.page, '.apply-offer')).toEqual([]);
    await browser.page.screenshot({ path: '/tmp/forms-offer.png' });
    await offer().getByRole('button', { name: 'Apply to 2 documents' }).click();
    await browser.page.getByRole('status').filter({ hasText: /Filled 2 values on 2 other documents of this form/ }).waitFor();
    await expect.poll(() => offer().count()).toBe(0);

    await openReview(B.fileName);
    await expect.poll(() => reportDate().locator('.field-value').textContent()).toBe(formatDisplayDate(B.mailedIso));
    const row = await reportDate().textContent();
    expect(row).toContain(`Learned from your correction on ${A.fileName}, p. 1`);
    expect(row).toMatch(/automatic/);
    // Its box on the page, where the anchor read it.
    await reportDate().click();
    await expect.poll(() => browser.page.locator('.review-page rect[data-kind="selected"]').count()).toBe(1);
    await browser.page.screenshot({ path: '/tmp/forms-learned.png' });
    for (const colorScheme of ['light', 'dark'] as const) {
      await browser.page.emulateMedia({ colorScheme });
      expect(await axeViolations(browser.page, '.review-fields')).toEqual([]);
      expect(await axeViolations(browser.page, '.review-head')).toEqual([]);
    }
    await browser.page.emulateMedia({ colorScheme: 'light' });
  });

  it('the Forms page lists the family and what it learned; rename names it everywhere, disable takes its values out until enabled, delete removes them', async () => {
    await browser.page.locator('.review-head .form-family').click();
    const page = browser.page;
    await page.getByRole('heading', { name: 'Forms', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /^What was learned on / });
    const row = table.getByRole('row').filter({ hasText: `${GROUP} · ${FIELD}` });
    await expect.poll(() => row.textContent()).toContain(`from your correction on ${A.fileName}, p. 1`);
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('2');
    expect(await axeViolations(page, '.forms-page')).toEqual([]);
    await page.screenshot({ path: '/tmp/forms-page.png' });
    // The dark theme (following the system) is as readable, and a 14" laptop's width does not scroll sideways.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await axeViolations(page, '.forms-page')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.emulateMedia({ colorScheme: 'light' });
    const formsRoute = page.url();

    await page.getByRole('button', { name: /^Rename / }).click();
    const name = page.getByRole('dialog').getByRole('textbox', { name: 'Form name' });
    await name.fill('Harbor Point progress report');
    await page.getByRole('dialog').getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByRole('heading', { name: 'Harbor Point progress report', level: 2 }).waitFor();

    // Disabled, the anchor's values leave the documents it filled; enabled, they come back.
    // The switch's input is visually hidden: a person clicks its label.
    const use = row.getByRole('switch', { name: `Use the anchor for ${GROUP} · ${FIELD}` });
    await row.locator('label.react-aria-Switch').click();
    await expect.poll(() => use.isChecked()).toBe(false);
    await openReview(B.fileName);
    await expect.poll(() => reportDate().locator('.field-value').textContent()).toBe('—');
    expect(await page.locator('.review-head .form-family').textContent()).toContain('Harbor Point progress report');
    await page.goto(formsRoute);
    await row.locator('label.react-aria-Switch').click();
    await expect.poll(() => use.isChecked()).toBe(true);
    await openReview(B.fileName);
    await expect.poll(() => reportDate().locator('.field-value').textContent()).toBe(formatDisplayDate(B.mailedIso));
    await page.goto(formsRoute);

    await row.getByRole('button', { name: /^Delete what was learned/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => table.count()).toBe(0);

    await openReview(B.fileName);
    await expect.poll(() => reportDate().locator('.field-value').textContent()).toBe('—');
    expect(await reportDate().textContent()).not.toContain('Learned from');
    await openReview(A.fileName);
    expect(await reportDate().locator('.field-value').textContent()).toBe(formatDisplayDate(A.mailedIso));
    expect(await reportDate().textContent()).toMatch(/edited by you/);
  });

  it("the toast's Undo takes an applied reading back at once; the user's own correction stays", async () => {
    await openReview(B.fileName);
    await editReportDate(B.mailedIso);
    // Report A's date is the user's own: it stays, only C is offered.
    await offer().waitFor();
    expect(await offer().textContent()).toMatch(/1 value you confirmed or edited stays as it is/);
    expect(await offer().getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(C.fileName)]);
    await offer().getByRole('button', { name: 'Apply to 1 document' }).click();
    const toast = browser.page.getByRole('status').getByRole('listitem').filter({ hasText: 'Filled 1 value on 1 other document of this form.' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await browser.page.getByRole('status').filter({ hasText: /Removed the \d+ learned values?/ }).waitFor();

    await openReview(C.fileName);
    await expect.poll(() => reportDate().locator('.field-value').textContent()).toBe('—');
    expect(await reportDate().textContent()).not.toContain('Learned from');
    const a = await callApi(host, 'review.get', { caseId, documentId: ids.get(A.fileName)! });
    expect(a.corrected?.progressReport?.reportDate).toBe(A.mailedIso);
    expect(a.learned ?? []).toEqual([]);
  });

  it('marking where the field is on the page sets it from the words there; with every other report the user\'s own, nothing is offered', async () => {
    const page = browser.page;
    await openReview(C.fileName);
    await reportDate().click();
    await page.getByRole('button', { name: 'Mark on page' }).click();
    const overlay = page.locator('.review-page .page-overlay.selecting');
    const b = (await overlay.boundingBox())!;
    // The date is printed at x 140, y 120 (PDF points) on a Letter page: drag a rectangle around it.
    const at = (x: number, y: number) => [b.x + (x / 612) * b.width, b.y + (y / 792) * b.height] as const;
    const preview = page.waitForResponse((r) => r.url().endsWith('/api/call/forms.previewApply'));
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/call/review.correct'));
    await page.mouse.move(...at(132, 112));
    await page.mouse.down();
    await page.mouse.move(...at(215, 136), { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => reportDate().locator('.field-value').textContent()).toBe(formatDisplayDate(C.mailedIso));
    expect(await reportDate().textContent()).toMatch(/edited by you/);
    // The box marked goes with the value (the form learns that place): the date's words, inside the rectangle drawn.
    const marked = ((await sent).postDataJSON() as { source?: { page: number; bbox: [number, number, number, number] } }).source;
    expect(marked?.page).toBe(1);
    const [x0, y0, x1, y1] = marked!.bbox;
    expect([x0 >= 131, y0 >= 111, x1 <= 216, y1 <= 137, x1 - x0 > 20]).toEqual([true, true, true, true, true]);
    const answer = (await (await preview).json()) as { value: { items: Array<{ action: string }> } };
    expect(answer.value.items.map((i) => i.action)).toEqual(['kept', 'kept']);
    expect(await offer().count()).toBe(0);
  });

  it('the document viewer names the form too', async () => {
    await browser.page.goto(`${host.origin}/#/case/${caseId}/documents/${ids.get(B.fileName)}`);
    await expect.poll(() => browser.page.locator('.doc-props .form-family').textContent()).toMatch(/3 documents in 1 case/);
  });
});

// A form whose goal rows no reader finds (the goal in a narrow side column, a code column without a
// header: tests/unit/forms/form-family.ts): the user adds the first row of one report by drawing a
// box around it, and the form's other reports get their rows.
describe('a row added from the page teaches the form its rows', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let review: ReviewPage;
  let caseId: string;
  const docs: Array<{ id: string; truth: FormDocTruth }> = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'forms-rows-'));
    const truths: FormDocTruth[] = [];
    for (const seed of [1, 2, 3]) {
      const { pdf, truth } = await formDocument('harbor', seed);
      writeFileSync(path.join(dir, truth.fileName), pdf);
      truths.push(truth);
    }
    host = await startHostProcess();
    browser = await launchBrowser();
    review = new ReviewPage(browser.page);
    caseId = (await callApi(host, 'cases.create', { name: 'Harbor Ridge reports', state: 'CA' })).id;
    await importThroughApi(host, caseId, dir, truths.map((t) => t.fileName));
    const listed = await callApi(host, 'documents.list', { caseId });
    for (const truth of truths) docs.push({ id: listed.find((d) => d.fileName === truth.fileName)!.id, truth });
    // The first visit carries the host's token; later routes are opened within the session.
    await browser.page.goto(host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('adds the missed row by its box, offers the rows of the other reports, and fills them as learned', async () => {
    const page = browser.page;
    const [first, second] = docs;
    for (const d of docs) {
      const entries = (await callApi(host, 'review.get', { caseId, documentId: d.id })).corrected?.progressReport?.entries ?? [];
      expect(entries.some((e) => e.goalLabel === d.truth.entries[0].goalLabel)).toBe(false);
    }
    // Where the first row is printed: its goal, code and remarks, the words nearest the top of the table.
    const [p1] = await callApi(host, 'documents.pages', { documentId: first.id });
    const e = first.truth.entries[0];
    const want = new Set([...e.goalLabel.split(/\s+/), e.code, ...e.comment.split(/\s+/)]);
    const rowWords = p1.words.filter((w) => want.has(w.text) && w.bbox[1] > 176);
    const top = Math.min(...rowWords.map((w) => w.bbox[1]));
    const row = rowWords.filter((w) => w.bbox[1] < top + 30);
    const box: BBox = [Math.min(...row.map((w) => w.bbox[0])) - 3, top - 3, Math.max(...row.map((w) => w.bbox[2])) + 3, Math.max(...row.map((w) => w.bbox[3])) + 3];

    await page.goto(`${host.origin}/#/case/${caseId}/review/${first.id}`);
    await review.group('Progress report').waitFor();
    await page.getByRole('button', { name: 'Add a missed row' }).click();
    const overlay = page.locator('.review-page .page-overlay.selecting');
    const b = (await overlay.boundingBox())!;
    const at = (x: number, y: number) => [b.x + (x / p1.width) * b.width, b.y + (y / p1.height) * b.height] as const;
    await page.mouse.move(...at(box[0], box[1]));
    await page.mouse.down();
    await page.mouse.move(...at(box[2], box[3]), { steps: 5 });
    await page.mouse.up();
    // The row's words fill its columns: the goal left of the code, the remarks right of it.
    const panel = page.getByRole('region', { name: 'Add a missed row' });
    await expect.poll(() => panel.getByRole('textbox', { name: 'Goal' }).inputValue()).toBe(e.goalLabel);
    expect(await panel.getByRole('textbox', { name: 'Progress code' }).inputValue()).toBe(e.code);
    expect(await panel.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe(e.comment);
    await panel.getByRole('button', { name: 'Add row', exact: true }).click();
    await expect.poll(() => page.locator('li.field.status-added').count()).toBeGreaterThan(0);

    // The other reports' rows, and the rest of this report's: each row previewed by what it prints.
    const offer = page.getByRole('region', { name: 'Apply to 2 other progress reports of this form?' });
    await offer.waitFor();
    const here = first.truth.entries.length - 1;
    expect(await offer.textContent()).toContain(`It also reads ${here} more ${here === 1 ? 'row' : 'rows'} on this document.`);
    const items = offer.getByRole('list', { name: 'Values it would fill' }).getByRole('listitem');
    const s0 = second.truth.entries[0];
    await expect.poll(() => items.filter({ hasText: second.truth.fileName }).first().locator('.apply-value').textContent()).toBe(`${s0.goalLabel} · ${s0.code} · ${s0.comment}`);
    expect(await axeViolations(page, '.apply-offer')).toEqual([]);
    await page.screenshot({ path: '/tmp/forms-rows-offer.png' });
    await offer.getByRole('button', { name: 'Apply to 2 documents and this one' }).click();
    await expect.poll(() => offer.count()).toBe(0);

    await page.goto(`${host.origin}/#/case/${caseId}/review/${second.id}`);
    const s = second.truth.entries[0];
    const goal = review.field(new RegExp(`^Progress · goal +· ${s.goalLabel}$`), 'Progress code');
    await expect.poll(() => goal.locator('.field-value').textContent()).toBe(s.code);
    expect(await goal.textContent()).toContain(`Learned from your correction on ${first.truth.fileName}, p. 1`);
  });
});
