// Packet end to end: the Services figures, then pick exhibits (one as a page range), set the Bates
// prefix, build through the UI, download, and open the PDF back.
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, expect, it } from 'vitest';
import { readPdfText } from '../../main/core/documents/pdf-text';
import { describeRivera } from '../support/fixtures';
import { PacketPage, seriousViolations, riveraCaseInBrowser } from './support/act-pages';
import { CaseView } from './support/pages';
import { screenshotPath } from './support/screenshots';

const PREFIX = 'E2ETEST-';

describeRivera('packet: pick exhibits, number them, build and download', () => {
  let view: CaseView;
  let packet: PacketPage;

  const env = riveraCaseInBrowser();
  beforeAll(() => {
    view = new CaseView(env.browser.page);
    packet = new PacketPage(env.browser.page);
  });

  it('Services shows the logged year with missed minutes, no record as no record, and the comp-ed award beside the evidence', async () => {
    await view.goTo('Services');
    const table = env.browser.page.getByRole('table', { name: /Required, delivered and missed minutes per service/ });
    await table.waitFor();
    // The page opens on a year that has a service log, with district-responsible minutes and their log pages.
    const total = table.locator('tfoot');
    await expect.poll(() => total.textContent()).toMatch(/\d[\d,]* min/);
    expect(await table.getByRole('link', { name: /log: .*page \d+/ }).count()).toBeGreaterThan(0);
    // The log covers the school days, not the summer around them: those weeks read as no record, never as 0 missed.
    expect(await table.textContent()).toMatch(/No record of delivery/);
    await env.browser.page.getByRole('heading', { name: 'Evidence of lost progress' }).waitFor();
    const award = env.browser.page.getByRole('table', { name: /Compensatory education award/ });
    await expect.poll(() => award.locator('tfoot').textContent()).toMatch(/\d h\)/);
    await env.browser.page.getByRole('button', { name: 'Draft compensatory-education request' }).waitFor();
    expect(await seriousViolations(env.browser.page)).toEqual([]);
    await env.browser.page.screenshot({ path: screenshotPath('services.png'), fullPage: true });
  });

  it('builds a packet of the chosen exhibits through the UI and downloads a PDF with the right pages', async () => {
    await view.goTo('Packet');
    await packet.candidates().waitFor();
    const rows = packet.candidates().getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    // Three exhibits: an IEP (kept to a page range), a progress report and the service log.
    const titles = ['IEP_Annual_2023-10-10', 'Progress_Report_2023-12-08', 'SEIS_Service_Log'];
    for (const t of titles) await packet.choose(t);
    const pageCounts = await Promise.all(titles.map(async (t) => Number(/(\d+) p\.$/.exec(((await rows.filter({ hasText: t }).textContent()) ?? '').trim())?.[1])));
    expect(pageCounts.every((n) => n > 0)).toBe(true);

    await packet.order().getByRole('row').filter({ hasText: titles[0] }).click();
    await env.browser.page.getByLabel('From page').fill('2');
    await env.browser.page.getByLabel('To page').fill('3');
    await expect.poll(() => packet.order().getByRole('row').filter({ hasText: titles[0] }).textContent()).toMatch(/pp\. 2-3/);
    const exhibitPages = 2 + pageCounts[1] + pageCounts[2];

    const prefix = env.browser.page.getByRole('textbox', { name: 'Bates prefix' });
    await prefix.fill(PREFIX);
    await expect.poll(() => env.browser.page.locator('.bates-example').textContent()).toBe(`${PREFIX}000001`);
    // Only the exhibits: each behind its slip sheet, so the page count is exact.
    await packet.setSections(['The exhibits']);
    expect(await seriousViolations(env.browser.page)).toEqual([]);

    await env.browser.page.getByRole('button', { name: 'Build packet' }).click();
    await packet.waitForBuild();
    await env.browser.page.screenshot({ path: screenshotPath('packet.png'), fullPage: true });
    const [download] = await Promise.all([env.browser.page.waitForEvent('download'), env.browser.page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Rivera_evidence-packet_\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(exhibitPages + titles.length);
    // The last page carries the last Bates number of the run.
    const text = await readPdfText(new Uint8Array(bytes));
    const last = text.pages[text.pages.length - 1].words.map((w) => w.text).join(' ');
    expect(last).toContain(`${PREFIX}${String(exhibitPages).padStart(6, '0')}`);
  });
});
