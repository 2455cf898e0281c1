// A capital O on a scan is a ring of ink, as an empty radio mark is. Pages printed here with lone
// O's in running text (a word of its own, the first or last letter of a word) and with radio groups
// (rings larger than the capitals and rings the size of the capitals, set apart before their
// labels) are rendered, degraded, turned and read by OCR: every O stays a letter, every radio is
// read with its state and label.
import { afterAll, describe, expect, it } from 'vitest';
import type { PageContent } from '../../../shared/domain';
import { layoutDocument } from '../../../main/core/layout';
import { createOcrDriver, type TesseractOcrDriver } from '../../../main/core/ocr/tesseract';
import { pdfkitPdf } from '../../support/form-pages';
import { scanPdf } from '../../support/synthetic-scan';

const SENTENCES = [
  'Blood type O negative was noted by the school nurse.',
  'The class met in Room O on the second floor every day.',
  'Our OT and PT staff go to the zoo. OHI and Odd too.',
  'Plan O and section O of the report were read to the parent.',
];

interface Radio { group: string; options: string[]; ticked: number; diameter: number; y: number }
const RADIOS: Radio[] = [
  { group: 'Meeting Type:', options: ['Initial', 'Annual', 'Triennial'], ticked: 1, diameter: 10, y: 260 },
  // Rings the height of the capitals: marks only because they stand apart before their labels.
  { group: 'Parent Attended:', options: ['Yes', 'No'], ticked: 0, diameter: 8, y: 300 },
];

const page = (font: string) => pdfkitPdf((doc) => {
  doc.font(font).fontSize(11).fillColor('black');
  SENTENCES.forEach((s, i) => doc.text(s, 60, 80 + i * 30, { lineBreak: false }));
  for (const r of RADIOS) {
    doc.text(r.group, 60, r.y, { lineBreak: false });
    r.options.forEach((o, i) => {
      const x = 170 + i * 90;
      const [cx, cy] = [x + r.diameter / 2, r.y + 4];
      doc.lineWidth(1).circle(cx, cy, r.diameter / 2).stroke();
      if (i === r.ticked) doc.circle(cx, cy, r.diameter / 4).fill();
      doc.fillColor('black').text(o, x + r.diameter + 4, r.y, { lineBreak: false });
    });
  }
});

describe('a lone capital O on a scan', () => {
  let driver: TesseractOcrDriver | null = null;
  afterAll(() => driver?.dispose());

  const cases: Array<[string, number]> = [['Helvetica', 0], ['Times-Roman', 2], ['Helvetica', -2]];
  for (const [font, angle] of cases) {
    it(`is read as a letter, and radio rings as marks (${font}, ${angle} degrees)`, async () => {
      const [scan] = await scanPdf(new Uint8Array(await page(font)), 200, () => ({ angle, noise: 6, blur: 0.4, seed: 7 }));
      driver ??= createOcrDriver({ workers: 1 });
      const ocr: PageContent = await driver.recognize({ pageNumber: 1, image: scan.png, dpi: scan.dpi });
      const model = layoutDocument([ocr]).pages[0];
      const marks = model.checkboxes.filter((c) => c.source === 'pixels');
      // No mark among the sentences (they end above the first radio group).
      const firstGroup = Math.min(...model.blocks.flatMap((b) => b.lines).filter((l) => /Meeting/.test(l.text)).map((l) => l.bbox[1]));
      expect(marks.filter((c) => c.bbox[3] < firstGroup - 4).map((c) => c.label)).toEqual([]);
      const read = marks.map((c) => [c.label, c.checked]);
      expect(read).toEqual(RADIOS.flatMap((r) => r.options.map((o, i) => [o, i === r.ticked])));
      // The O's are still words of their lines.
      expect(ocr.text).toMatch(/type O negative/);
      expect(ocr.text).toMatch(/Room O on/);
    });
  }
});
