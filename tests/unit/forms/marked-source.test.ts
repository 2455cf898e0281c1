// Issue 18: a value the user marked on the page ("Mark on page") is learned at the box they marked,
// not found by its text. A made-up form prints two dates (when it was sent home, and the report
// date); on the document corrected both are the same day, so the date's text alone cannot tell
// which is meant. Real PDFs through the real import, extraction and review on a real store.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/context';
import { createCase } from '../../../main/core/cases';
import { previewApply } from '../../../main/core/forms/service';
import { documentQueries, rowToPageContent } from '../../../main/core/db/queries/documents';
import { correct } from '../../../main/core/review/service';
import type { BBox } from '../../../shared/domain';
import { tempDir, testCore } from '../../support/core';
import { importAndExtract } from '../../support/import-doc';
import { pdfkitPdf } from '../../support/form-pages';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const printed = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
};
/** The y of the two dates' lines on the page. */
const SENT_Y = 100;
const REPORT_Y = 140;

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function importDoc(core: Core, caseId: string, name: string, sent: string, report: string): Promise<string> {
  const pdf = await pdfkitPdf((doc) => {
    const t = (s: string, x: number, y: number, font = 'Helvetica', size = 10) => doc.font(font).fontSize(size).text(s, x, y, { lineBreak: false });
    t('WESTBROOK VALLEY SCHOOLS', 50, 40, 'Helvetica-Bold', 13);
    t('Student Growth Summary - Progress Report', 50, 58, 'Helvetica', 11);
    t('Form WV-22', 480, 40, 'Helvetica', 8);
    t('Sent home', 50, SENT_Y, 'Helvetica-Bold');
    t(printed(sent), 170, SENT_Y);
    t('Case manager', 330, SENT_Y, 'Helvetica-Bold');
    t('Dana Whitfield', 430, SENT_Y);
    t('Reporting as of', 50, REPORT_Y, 'Helvetica-Bold');
    t(printed(report), 170, REPORT_Y);
    t('Cycle', 330, REPORT_Y, 'Helvetica-Bold');
    t('Second cycle', 430, REPORT_Y);
    t('Westbrook Valley Schools - Office of Student Services', 50, 750, 'Helvetica', 8);
  });
  const dir = tempDir('forms-marked-');
  writeFileSync(path.join(dir, name), pdf);
  return importAndExtract(core, caseId, dir, name);
}

/** The box around the words printed on the line at `y`, right of its label. */
function valueBox(core: Core, documentId: string, y: number): BBox {
  const words = documentQueries(core.db)
    .pages(documentId)
    .map(rowToPageContent)
    .flatMap((p) => p.words)
    .filter((w) => w.bbox[1] >= y - 4 && w.bbox[1] <= y + 8 && w.bbox[0] >= 160 && w.bbox[2] <= 320);
  expect(words.map((w) => w.text).join(' ')).toMatch(/\d{4}/);
  return [Math.min(...words.map((w) => w.bbox[0])) - 1, Math.min(...words.map((w) => w.bbox[1])) - 1, Math.max(...words.map((w) => w.bbox[2])) + 1, Math.max(...words.map((w) => w.bbox[3])) + 1];
}

async function scenario() {
  const core = testCore();
  cores.push(core);
  const c = createCase(core, { name: 'Marked' });
  // The corrected document prints one day twice; the others print two different days.
  const first = await importDoc(core, c.id, 'wv-first.pdf', '2024-03-12', '2024-03-12');
  const others = [
    { id: await importDoc(core, c.id, 'wv-second.pdf', '2024-06-03', '2024-05-28'), sent: '2024-06-03', report: '2024-05-28' },
    { id: await importDoc(core, c.id, 'wv-third.pdf', '2025-01-20', '2025-01-09'), sent: '2025-01-20', report: '2025-01-09' },
  ];
  return { core, first, others };
}

const reportDate = (documentId: string) => ({ documentId, entity: 'progress_report' as const, entityKey: 'report', field: 'reportDate', value: '2024-03-12', status: 'edited' as const });

describe('a value marked on the page', () => {
  it('teaches the date printed where the user marked it, the second of two equal dates', async () => {
    const { core, first, others } = await scenario();
    const box = valueBox(core, first, REPORT_Y);
    const review = correct(core, reportDate(first), { page: 1, bbox: box });
    const preview = previewApply(core, { correctionId: review.corrections.at(-1)!.id });
    expect(preview.anchor?.description).toMatch(/Reporting as of/);
    for (const o of others) {
      const item = preview.items.find((i) => i.documentId === o.id && i.field === 'reportDate');
      expect(item?.value).toBe(o.report);
      // Its box on the other document is the report date's line, not the sent-home one.
      expect(item!.bbox![1]).toBeGreaterThan(REPORT_Y - 6);
      expect(item!.bbox![1]).toBeLessThan(REPORT_Y + 10);
    }
  });

  it('without a marked box the same correction is read at the first date printed (why the box is needed)', async () => {
    const { core, first, others } = await scenario();
    const review = correct(core, reportDate(first));
    const preview = previewApply(core, { correctionId: review.corrections.at(-1)!.id });
    for (const o of others) expect(preview.items.find((i) => i.documentId === o.id && i.field === 'reportDate')?.value).toBe(o.sent);
  });

  it('marking the first of the two learns the first', async () => {
    const { core, first, others } = await scenario();
    const review = correct(core, reportDate(first), { page: 1, bbox: valueBox(core, first, SENT_Y) });
    const preview = previewApply(core, { correctionId: review.corrections.at(-1)!.id });
    expect(preview.anchor?.description).toMatch(/Sent home/);
    for (const o of others) expect(preview.items.find((i) => i.documentId === o.id && i.field === 'reportDate')?.value).toBe(o.sent);
  });
});
