// Live state: counts and lists follow the engine's change events without a reload. The Review
// badge, the overview's "N documents need review", the queue's "k of n confirmed" and the document
// list move as documents are imported (here from outside the page, as another window would) and
// reviewed; Confirm document moves on to the next document needing review, and finished documents
// leave the queue for its Done filter.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRivera, RIVERA_DOCS } from '../support/fixtures';
import { launchBrowser } from './support/browser';
import { callApi, goToRoute, importThroughApi } from './support/case-switch';
import { DocumentsPage, ReviewPage } from './support/documents-pages';
import { startHostProcess, type HostProcess } from './support/host';
import { CaseView } from './support/pages';
import { screenshotPath } from './support/screenshots';

const IEP = 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf';
const PROGRESS = 'Rivera_Mateo_Progress_Report_2023-12-08.pdf';


describeRivera('live state without reloads', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let caseId: string;
  const badge = () => browser.page.getByRole('navigation', { name: 'Case sections' }).locator('.count');

  beforeAll(async () => {
    host = await startHostProcess();
    browser = await launchBrowser();
    caseId = (await callApi(host, 'cases.create', { name: 'Mateo Rivera', state: 'CA' })).id;
    await browser.page.goto(host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('the document list, the Review badge and the overview count follow imports made elsewhere', async () => {
    const page = browser.page;
    await goToRoute(page, host, `case/${caseId}/documents`);
    const view = new CaseView(page);
    await view.waitFor('Mateo Rivera');
    await page.getByText(/Drop the family's documents|No document/).first().waitFor();
    expect(await badge().count()).toBe(0);

    await importThroughApi(host, caseId, RIVERA_DOCS, [IEP]);
    const docs = new DocumentsPage(page);
    await expect.poll(() => docs.row(IEP).count()).toBe(1);
    await expect.poll(() => badge().textContent()).toBe('1');

    await view.goTo('Overview');
    const needReview = page.getByRole('link', { name: /documents? needs? review/ });
    await expect.poll(() => needReview.textContent()).toBe('1 document needs review');
    await importThroughApi(host, caseId, RIVERA_DOCS, [PROGRESS]);
    await expect.poll(() => needReview.textContent()).toBe('2 documents need review');
    await expect.poll(() => badge().textContent()).toBe('2');
  });

  it('review: focus lands in the field list, counts follow each confirmation, Confirm document moves on', async () => {
    const page = browser.page;
    const view = new CaseView(page);
    const review = new ReviewPage(page);
    await view.goTo('Review');
    await page.getByRole('radio', { name: 'To review (2)' }).waitFor();
    const iepRow = review.queueRow(IEP);
    await expect.poll(() => iepRow.textContent()).toMatch(/0 of \d+ confirmed/);
    await iepRow.click();
    await review.group(/^Goal 1\b/).waitFor();
    // Arriving puts focus in the field list: Enter confirms the first field at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.review-fields li.field') ?? false)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.review-fields li.field.status-confirmed').count()).toBe(1);
    await page.getByRole('button', { name: '← Queue' }).click();
    await expect.poll(() => review.queueRow(IEP).textContent()).toMatch(/1 of \d+ confirmed/);

    await review.queueRow(IEP).click();
    await review.group(/^Goal 1\b/).waitFor();
    await page.getByRole('button', { name: 'Confirm document' }).click();
    // On to the progress report, the other document needing review.
    await page.locator('.review-head h2').filter({ hasText: PROGRESS }).waitFor();
    await expect.poll(() => badge().textContent()).toBe('1');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Confirmed .*Next: Rivera_Mateo_Progress_Report_2023-12-08\.pdf/);
    await page.screenshot({ path: screenshotPath('review-next-document.png') });

    await page.getByRole('button', { name: 'Confirm document' }).click();
    await page.getByText('Every document has been reviewed.').first().waitFor();
    await expect.poll(() => badge().count()).toBe(0);
    await page.getByRole('grid', { name: 'Documents to review' }).getByText('Nothing left to review.').waitFor();
    expect(await review.queueRow(IEP).count()).toBe(0);
    await page.getByRole('radio', { name: 'Done (2)' }).click();
    const done = page.getByRole('grid', { name: 'Reviewed documents' });
    await expect.poll(() => done.getByRole('row').count()).toBe(2);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await view.goTo('Overview');
    await page.getByRole('heading', { name: 'Recent documents' }).waitFor();
    expect(await page.getByRole('link', { name: /documents? needs? review/ }).count()).toBe(0);
  });

  it("the overview's red flags follow a correction made elsewhere", async () => {
    const page = browser.page;
    const view = new CaseView(page);
    await view.goTo('Overview');
    const iep = (await callApi(host, 'review.queue', { caseId })).find((q) => q.fileName === IEP)!;
    const review = await callApi(host, 'review.get', { caseId, documentId: iep.documentId });
    const vague = (await callApi(host, 'flags.list', { caseId })).filter((f) => f.type === 'vague_goal');
    const goal = review.corrected!.iep!.goals.find((g) => g.area && vague.some((f) => f.description.startsWith(g.area!)))!;
    const flag = vague.find((f) => f.description.startsWith(goal.area!))!;
    const shown = () => page.locator('.overview').textContent();
    await expect.poll(shown).toContain(flag.description.slice(0, 40));
    // The goal was read wrongly: remove it, as another window would, and its flag leaves the overview.
    await callApi(host, 'review.correct', { caseId, documentId: iep.documentId, entity: 'goal', entityKey: goal.key, field: '*', status: 'deleted' });
    expect((await callApi(host, 'flags.list', { caseId })).some((f) => f.key === flag.key)).toBe(false);
    await expect.poll(shown).not.toContain(flag.description.slice(0, 40));
  });

  it('moving a document to the trash shows a note whose Undo brings it back', async () => {
    const page = browser.page;
    const view = new CaseView(page);
    await view.goTo('Documents');
    const docs = new DocumentsPage(page);
    await docs.row(PROGRESS).click();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => docs.row(PROGRESS).count()).toBe(0);
    const note = page.getByRole('status').getByRole('listitem').filter({ hasText: 'to the trash' });
    await note.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => docs.row(PROGRESS).count()).toBe(1);
    expect((await callApi(host, 'documents.list', { caseId })).map((d) => d.fileName)).toContain(PROGRESS);
  });
});
