// The disclosure kit end to end: on the Packet page choose two exhibits, enter the hearing date (the
// deadline shows, five business days before), fill and save the witness list, build the kit, download
// both files and read them back (DOCX with mammoth, PDF with pdf.js): the same deadline, the exhibits
// with the Bates ranges the page shows, the witness.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, expect, it } from 'vitest';
import { readPdfText } from '../../main/core/documents/pdf-text';
import { describeRivera, RIVERA_DOCS } from '../support/fixtures';
import { PacketPage, seriousViolations, riveraCaseInBrowser } from './support/act-pages';
import { CaseView } from './support/pages';

describeRivera('disclosure kit: hearing date, witnesses, build and open both files', () => {
  let packet: PacketPage;

  const env = riveraCaseInBrowser(['Rivera_Mateo_IEP_Annual_2023-10-10.pdf', 'Records_Request_2025-01-15.pdf'].map((f) => path.join(RIVERA_DOCS, f)));
  beforeAll(() => {
    packet = new PacketPage(env.browser.page);
  });

  it('builds the kit and both files carry the deadline, the exhibits with their ranges and the witness', async () => {
    const page = env.browser.page;
    await new CaseView(page).goTo('Packet');
    await packet.candidates().waitFor();
    for (const t of ['IEP_Annual_2023-10-10', 'Records_Request_2025-01-15']) await packet.choose(t);
    await page.getByRole('textbox', { name: 'Bates prefix' }).fill('KIT-');

    // Tuesday May 27, 2025, after Memorial Day: back over the holiday and a weekend to May 19.
    await page.getByLabel('Hearing date').fill('2025-05-27');
    const deadline = page.getByRole('status', { name: 'Disclosure deadline' });
    await expect.poll(() => deadline.textContent()).toMatch(/Disclose by May 19, 2025/);
    expect(await deadline.textContent()).toMatch(/34 CFR 300\.512\(a\)\(3\), \(b\).*\(verified\)/);

    await page.getByRole('button', { name: 'Add witness' }).click();
    const w = page.getByRole('group', { name: 'Witness 1' });
    await w.getByLabel('Name').fill('Dana Ortiz');
    await w.getByLabel('Role').fill('Reading specialist');
    await w.getByLabel('Subject of testimony').fill('Reading data');
    await w.getByLabel('Contact').fill('dana@example.org');
    await page.getByRole('button', { name: 'Save witness list' }).click();
    await page.getByText('Witness list saved (1 witness).').waitFor();

    await page.getByRole('button', { name: 'Build disclosure kit' }).click();
    await page.getByText(/Disclosure kit ready: 2 exhibits, 1 witness;/).waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);

    const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download disclosure (Word)' }).click()]);
    expect(docxDownload.suggestedFilename()).toMatch(/\.docx$/);
    const docx = (await mammoth.extractRawText({ path: await docxDownload.path() })).value.replace(/\s+/g, ' ');
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download disclosure (PDF)' }).click()]);
    expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfBytes = readFileSync(await pdfDownload.path());
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = (await readPdfText(new Uint8Array(pdfBytes))).pages.map((p) => p.text).join(' ').replace(/\s+/g, ' ');

    for (const text of [docx, pdf]) {
      expect(text).toContain('Last day to disclose: May 19, 2025');
      expect(text).toMatch(/P-1 .*KIT-000001 - KIT-0000\d\d/);
      expect(text).toMatch(/P-2 .*KIT-0000\d\d/);
      expect(text).toContain('Dana Ortiz');
      expect(text).toContain('Reading specialist');
    }

    // A packet built later without the second exhibit is flagged against the disclosure.
    await packet.candidates().getByRole('row').filter({ hasText: 'Records_Request_2025-01-15' }).click();
    await expect.poll(() => packet.order().getByRole('row').count()).toBe(1);
    await page.getByRole('button', { name: 'Build packet' }).click();
    await packet.waitForBuild();
    const flagged = page.getByRole('list', { name: 'Changed since the last disclosure' });
    await expect.poll(() => flagged.textContent(), { timeout: 30_000 }).toMatch(/Exhibit P-2 was removed since the disclosure of [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
  });
});
