// The tesseract.js driver on pages we typeset, scan and spoil ourselves: known words, known places.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { characterErrorRate } from '../../../main/core/ocr/cer';
import { OcrCancelledError } from '../../../main/core/ocr/driver';
import { createOcrDriver, type TesseractOcrDriver } from '../../../main/core/ocr/tesseract';
import type { Word } from '../../../shared/domain';
import { degradeImage, scanPdf, specText, typesetPages, type SyntheticPageSpec } from '../../support/synthetic-scan';

const DPI = 200;
const ANGLE = 3;
const page: SyntheticPageSpec = {
  title: 'Progress Report on Annual Goals',
  lines: [
    'Student Name\tJordan Example',
    'Report Date\t11/18/2024',
    'Goal 1: Reading Fluency',
    'Baseline: 42 words correct per minute on grade level passages.',
    'Current: 58 words correct per minute with 93% accuracy.',
    'Progress Code\tSP - Sufficient progress',
  ],
  fontSize: 12,
};

let driver: TesseractOcrDriver;
let pdf: Buffer;
let textLayer: Word[];
beforeAll(async () => {
  driver = createOcrDriver({ workers: 2 });
  pdf = await typesetPages([page]);
  textLayer = (await readPdfText(pdf)).pages[0].words;
});
afterAll(() => driver.dispose());

/** Where a point of the unrotated page (in points) lands on the rotated scan (in points). */
function rotatedPoint(x: number, y: number, srcW: number, srcH: number, dstW: number, dstH: number): [number, number] {
  const r = (ANGLE * Math.PI) / 180;
  const dx = x - srcW / 2;
  const dy = y - srcH / 2;
  return [dx * Math.cos(r) - dy * Math.sin(r) + dstW / 2, dx * Math.sin(r) + dy * Math.cos(r) + dstH / 2];
}

describe('tesseract OCR driver', () => {
  it('reads a skewed, unevenly lit, noisy scan and boxes each word where it is on the page', async () => {
    const [scan] = await scanPdf(pdf, DPI, () => ({ angle: ANGLE, lightFalloff: 0.55, noise: 10, seed: 7 }));
    const result = await driver.recognize({ pageNumber: 3, image: scan.png, dpi: DPI });
    expect(result.pageNumber).toBe(3);
    expect(result.source).toBe('ocr');
    expect(result.width).toBeCloseTo((scan.widthPx * 72) / DPI, 1);
    expect(characterErrorRate(specText(page), result.text)).toBeLessThan(0.03);
    expect(result.meanConfidence).toBeGreaterThan(80);

    // Distinctive words: each OCR box centre must sit where the typeset word went, after the rotation.
    const checked = ['Jordan', '11/18/2024', 'Fluency', 'Baseline:', 'accuracy.', 'Sufficient'];
    for (const text of checked) {
      const source = textLayer.find((w) => w.text === text);
      const found = result.words.find((w) => w.text === text);
      expect(source, `typeset ${text}`).toBeDefined();
      expect(found, `recognised ${text}`).toBeDefined();
      const [ex, ey] = rotatedPoint(
        (source!.bbox[0] + source!.bbox[2]) / 2,
        (source!.bbox[1] + source!.bbox[3]) / 2,
        612,
        792,
        result.width,
        result.height,
      );
      const cx = (found!.bbox[0] + found!.bbox[2]) / 2;
      const cy = (found!.bbox[1] + found!.bbox[3]) / 2;
      expect(Math.abs(cx - ex), `${text} x`).toBeLessThan(5);
      expect(Math.abs(cy - ey), `${text} y`).toBeLessThan(5);
      expect(found!.conf).toBeGreaterThan(0);
      expect(found!.conf).toBeLessThanOrEqual(100);
    }
    // Rows read left to right: the form's label and value are one line of text.
    expect(result.text).toMatch(/Student Name\s+Jordan Example/);
  });

  it('turns an upside-down page the right way up', async () => {
    const [scan] = await scanPdf(pdf, DPI, () => ({ angle: 180, noise: 5 }));
    const result = await driver.recognize({ pageNumber: 1, image: scan.png, dpi: DPI });
    expect(characterErrorRate(specText(page), result.text)).toBeLessThan(0.05);
    // Boxes are on the page as given (upside down): the title is now near the bottom.
    const title = result.words.find((w) => w.text === 'Progress');
    expect(title!.bbox[1]).toBeGreaterThan(result.height / 2);
  });

  it.each([90, 270])('reads a page scanned sideways (turned %i degrees)', async (angle) => {
    const [scan] = await scanPdf(pdf, DPI, () => ({ angle }));
    const result = await driver.recognize({ pageNumber: 1, image: scan.png, dpi: DPI });
    expect(result.width).toBeGreaterThan(result.height);
    expect(characterErrorRate(specText(page), result.text)).toBeLessThan(0.05);
  });

  it('reports progress per page and keeps input order', async () => {
    const pdf2 = await typesetPages([
      { lines: ['First page of the packet about reading'] },
      { lines: ['Second page of the packet about writing'] },
    ]);
    const scans = await scanPdf(pdf2, DPI, () => ({ noise: 4 }));
    const events: number[] = [];
    const pages = await driver.recognizeAll(
      scans.map((s, i) => ({ pageNumber: i + 1, image: s.png, dpi: DPI })),
      { onProgress: (p) => events.push(p.done * 10 + p.total) },
    );
    expect(events).toEqual([12, 22]);
    expect(pages.map((p) => p.pageNumber)).toEqual([1, 2]);
    expect(pages[0].text).toContain('reading');
    expect(pages[1].text).toContain('writing');
  });

  it('cancels promptly, stops its workers, and works again afterwards', async () => {
    const [scan] = await scanPdf(pdf, 300, () => ({ noise: 8 }));
    const many = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (n) => ({ pageNumber: n, image: (await degradeImage(scan.png, 300, { seed: n, noise: 6 })).png, dpi: 300 })),
    );
    const fresh = createOcrDriver({ workers: 2 });
    const controller = new AbortController();
    const finished: number[] = [];
    const job = fresh.recognizeAll(many, { signal: controller.signal, onProgress: (p) => finished.push(p.page.pageNumber) });
    job.catch(() => {}); // asserted below
    // Cancel while both workers are in the middle of a page.
    await vi.waitFor(() => expect(fresh.busyWorkers).toBe(2), { timeout: 60_000, interval: 20 });
    const abortedAt = Date.now();
    controller.abort();
    await expect(job).rejects.toBeInstanceOf(OcrCancelledError);
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    expect(finished.length).toBeLessThan(many.length);
    // Workers busy with the cancelled pages were terminated; none linger or restart.
    await new Promise((r) => setTimeout(r, 200));
    expect(fresh.liveWorkers).toBe(0);
    const again = await fresh.recognize(many[0]);
    expect(again.text).toContain('Reading Fluency');
    await fresh.dispose();
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      driver.recognize({ pageNumber: 1, image: Buffer.alloc(0) }, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(OcrCancelledError);
  });

  it('dispose() stops every worker', async () => {
    const d = createOcrDriver({ workers: 1 });
    const [scan] = await scanPdf(await typesetPages([{ lines: ['Short page'] }]), 150, () => ({}));
    await d.recognize({ pageNumber: 1, image: scan.png, dpi: 150 });
    expect(d.liveWorkers).toBe(1);
    await d.dispose();
    expect(d.liveWorkers).toBe(0);
  });

  it('releaseIdleWorkers() stops idle workers only, and the driver starts new ones for the next page', async () => {
    const d = createOcrDriver({ workers: 2 });
    const [scan] = await scanPdf(await typesetPages([{ lines: ['Reading goal baseline'] }]), 150, () => ({}));
    const page = () => d.recognize({ pageNumber: 1, image: scan.png, dpi: 150 });
    await Promise.all([page(), page()]);
    expect(d.liveWorkers).toBe(2);
    // One page in flight: its worker is busy and stays; the other is released.
    const running = page();
    await vi.waitFor(() => expect(d.busyWorkers).toBe(1), { timeout: 60_000, interval: 20 });
    await d.releaseIdleWorkers();
    expect(d.liveWorkers).toBe(1);
    expect((await running).text).toMatch(/Reading goal/);
    await d.releaseIdleWorkers();
    expect(d.liveWorkers).toBe(0);
    expect((await page()).text).toMatch(/baseline/);
    expect(d.liveWorkers).toBe(1);
    await d.dispose();
  });

  it('replaces a worker after its quota of pages, and the fresh one reads as well', async () => {
    const d = createOcrDriver({ workers: 1, recycleAfter: 2 });
    const [scan] = await scanPdf(await typesetPages([{ lines: ['Speech minutes weekly'] }]), 150, () => ({}));
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push((await d.recognize({ pageNumber: 1, image: scan.png, dpi: 150 })).text);
    expect(d.workersStarted).toBe(2);
    expect(d.liveWorkers).toBe(1);
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/Speech minutes weekly/);
    await d.dispose();
  });
});
