// Two text columns on a scan: a page printed here (a title, then two paragraphs side by side) is
// rendered, degraded, turned up to 2 degrees and read by OCR. In the layout model every printed line
// stays one line (none runs across the gutter, each column keeps its number of lines) and the left
// column is read before the right one. The page's stored text keeps printed rows (see
// main/core/ocr/layout.ts: the reference texts OCR is scored against are in row order).
import { afterAll, describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { deskewedLines, layoutDocument } from '../../../main/core/layout';
import { createOcrDriver, type TesseractOcrDriver } from '../../../main/core/ocr/tesseract';
import { pdfkitPdf } from '../../support/form-pages';
import { scanPdf } from '../../support/synthetic-scan';

const LEFT = 'Present levels: the student reads grade level passages with support and answers literal questions about the text with help, needs prompting to start writing tasks, and benefits from graphic organizers and checklists during independent work in class and at home.';
const RIGHT = 'Annual goal: by June the student will read grade level passages aloud at ninety words per minute with ninety five percent accuracy on three of four weekly probes given by the reading teacher.';
const GUTTER_X = 290;

const words = (s: string) => s.toLowerCase().replace(/[^a-z ]/g, ' ').split(/\s+/).filter((w) => w.length > 2);
const share = (got: string, want: string) => {
  const bag = words(got);
  return words(want).filter((w) => bag.includes(w)).length / words(want).length;
};

describe('two columns on a scan', () => {
  let driver: TesseractOcrDriver | null = null;
  afterAll(() => driver?.dispose());

  for (const angle of [0, 2, -2]) {
    it(`reads each printed line as one line and the columns one after the other (${angle} degrees)`, async () => {
      const pdf = await pdfkitPdf((doc) => {
        doc.font('Helvetica-Bold').fontSize(14).text('PRESENT LEVELS AND GOALS', 60, 60, { lineBreak: false });
        doc.font('Helvetica').fontSize(11).text(LEFT, 60, 100, { width: 210, align: 'left' });
        doc.font('Helvetica').fontSize(11).text(RIGHT, GUTTER_X + 20, 100, { width: 210, align: 'left' });
      });
      // How many lines each column printed (under the title), from the PDF's own text layer.
      const printed = deskewedLines((await readPdfText(new Uint8Array(pdf))).pages[0].words.filter((w) => w.bbox[1] > 90));
      const linesIn = (x0: number, x1: number) => printed.filter((l) => l.some((w) => w.bbox[0] >= x0 && w.bbox[2] <= x1)).length;
      const [scan] = await scanPdf(new Uint8Array(pdf), 200, () => ({ angle, noise: 6, blur: 0.4, seed: 5 }));
      driver ??= createOcrDriver({ workers: 1 });
      const page = await driver.recognize({ pageNumber: 1, image: scan.png, dpi: scan.dpi });
      const model = layoutDocument([page]).pages[0];
      const lines = model.blocks.flatMap((b) => b.lines);
      // The scan is turned about its centre: the gutter stays within a few points of where it was printed.
      expect(lines.filter((l) => l.bbox[0] < GUTTER_X - 10 && l.bbox[2] > GUTTER_X + 30).map((l) => l.text)).toEqual([]);
      const left = model.blocks.find((b) => share(b.text, LEFT) > 0.8);
      const right = model.blocks.find((b) => share(b.text, RIGHT) > 0.8);
      expect(left && right, model.blocks.map((b) => b.text).join('\n---\n')).toBeTruthy();
      expect(left!.order).toBeLessThan(right!.order);
      expect(left!.lines.length).toBe(linesIn(0, GUTTER_X));
      expect(right!.lines.length).toBe(linesIn(GUTTER_X, 612));
      // Stored text: printed rows, a left line and the right line beside it on one row.
      const firstRow = page.text.split('\n').find((row) => /Present/.test(row)) ?? '';
      expect(firstRow).toMatch(/Present.*Annual/);
    });
  }
});
