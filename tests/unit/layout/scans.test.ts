// Scanned pages: checkboxes and ruling lines read from pixels, and OCR lines kept whole on a page a
// couple of degrees off level. Pages are generated, rendered and degraded here (no fixtures).
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { Word } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { layoutDocument } from '../../../main/core/layout';
import { deskewedLines } from '../../../main/core/layout/lines';
import { pixelCheckboxes, pixelRules } from '../../../main/core/layout/pixel-boxes';
import { createOcrDriver, type TesseractOcrDriver } from '../../../main/core/ocr/tesseract';
import { generateForms } from '../../support/form-pages';
import { scanPdf } from '../../support/synthetic-scan';

const grey = async (png: Buffer) => {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { pixels: new Uint8Array(data), width: info.width, height: info.height };
};

describe('checkboxes and rules in pixels', () => {
  it('reads every square box of 12 scanned form pages (noise, blur, uneven light) with its state', async () => {
    const misses: string[] = [];
    let boxes = 0;
    for (const seed of [5, 6, 7]) {
      const { pdf, pages } = await generateForms(seed, 4);
      const scans = await scanPdf(pdf, 150, (n) => ({ noise: 6, blur: 0.5, lightFalloff: 0.3, seed: seed * 10 + n }));
      for (const truth of pages) {
        const dpi = scans[truth.page - 1].dpi;
        const found = pixelCheckboxes(await grey(scans[truth.page - 1].png), dpi).map((b) => ({ ...b, bbox: b.bbox.map((v) => (v * 72) / dpi) }));
        for (const t of truth.checkboxes.filter((c) => c.style !== 'radio')) {
          boxes++;
          const [cx, cy] = [(t.bbox[0] + t.bbox[2]) / 2, (t.bbox[1] + t.bbox[3]) / 2];
          const got = found.find((b) => Math.abs((b.bbox[0] + b.bbox[2]) / 2 - cx) < 4 && Math.abs((b.bbox[1] + b.bbox[3]) / 2 - cy) < 4);
          if (got?.checked !== t.checked) misses.push(`seed ${seed} p${truth.page} ${t.style} ${t.label}: ${got ? got.checked : 'not found'} != ${t.checked}`);
        }
      }
    }
    expect(boxes).toBeGreaterThan(20);
    expect(misses).toEqual([]);
  });

  it('finds the rules of a ruled table on a scan, and none in plain text', async () => {
    const { pdf, pages } = await generateForms(3, 6);
    const scans = await scanPdf(pdf, 150, () => ({ noise: 5, seed: 2 }));
    for (const truth of pages) {
      const rules = pixelRules(await grey(scans[truth.page - 1].png), 150);
      const table = truth.tables[0];
      const horizontal = rules.filter((r) => r.y0 === r.y1 && (r.x1 - r.x0) * 72 / 150 > 400);
      const vertical = rules.filter((r) => r.x0 === r.x1);
      if (table.ruled) {
        expect(horizontal.length).toBe(table.rows.length + 2);
        expect(vertical.length).toBe(table.header.length + 1);
      } else expect(horizontal.length + vertical.length).toBe(0);
    }
  });
});

describe('OCR lines', () => {
  /** Words of a page turned by `degrees` about its centre, as a skewed scan puts them. */
  const turned = (words: Word[], degrees: number, w: number, h: number): Word[] => {
    const r = (degrees * Math.PI) / 180;
    return words.map((word) => {
      const [x, y] = [(word.bbox[0] + word.bbox[2]) / 2 - w / 2, (word.bbox[1] + word.bbox[3]) / 2 - h / 2];
      const [cx, cy] = [x * Math.cos(r) - y * Math.sin(r) + w / 2, x * Math.sin(r) + y * Math.cos(r) + h / 2];
      const [hw, hh] = [(word.bbox[2] - word.bbox[0]) / 2, (word.bbox[3] - word.bbox[1]) / 2];
      return { ...word, bbox: [cx - hw, cy - hh, cx + hw, cy + hh] };
    });
  };

  for (const degrees of [-2, -1, 1, 2]) {
    it(`keeps every printed line of 6 form pages one line at ${degrees} degrees, small glyphs included`, async () => {
      const { pdf } = await generateForms(17, 6);
      for (const page of (await readPdfText(new Uint8Array(pdf))).pages) {
        // Small glyphs as OCR boxes them: a hyphen mid-line, a stop on the baseline.
        const words = page.words.flatMap((w) => (/^\d/.test(w.text) ? [w, { ...w, text: '-', bbox: [w.bbox[2] + 1, w.bbox[1] + 5, w.bbox[2] + 4, w.bbox[1] + 6.5] as Word['bbox'] }] : [w]));
        const level = deskewedLines(words).map((l) => l.map((w) => w.text).join(' '));
        const skewed = deskewedLines(turned(words, degrees, page.width, page.height)).map((l) => l.map((w) => w.text).join(' '));
        expect(skewed).toEqual(level);
      }
    });
  }
});

describe('a scanned form through OCR', () => {
  let driver: TesseractOcrDriver | null = null;
  afterAll(() => driver?.dispose());

  it('reads the boxes, fields and table of a skewed, noisy scan', async () => {
    const { pdf, pages } = await generateForms(29, 3);
    const truth = pages.find((p) => p.checkboxes[0].style === 'cross' || p.checkboxes[0].style === 'tick') ?? pages[0];
    const [scan] = (await scanPdf(pdf, 200, () => ({ angle: 1.5, noise: 8, lightFalloff: 0.3, seed: 4 }))).slice(truth.page - 1);
    driver = createOcrDriver({ workers: 1 });
    const page = await driver.recognize({ pageNumber: 1, image: scan.png, dpi: scan.dpi });
    const model = layoutDocument([page]).pages[0];
    const boxes = model.checkboxes.filter((c) => c.source === 'pixels');
    const read = truth.checkboxes.map((t) => boxes.find((b) => b.label.toLowerCase().includes(t.label.toLowerCase()))?.checked ?? 'missing');
    expect(read).toEqual(truth.checkboxes.map((t) => (t.style === 'radio' ? 'missing' : t.checked)));
    for (const f of truth.fields.slice(0, 3)) expect(model.fields.find((g) => g.label === f.label)?.value).toBe(f.value);
  });
});
