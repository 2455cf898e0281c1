// OCR does less work: blank pages are not sent to tesseract, a 600-dpi scan is read at 300 dpi,
// and a page read confidently the first time is not read again. Passes are counted by the driver
// itself (the production path), on pages we typeset, scan and spoil ourselves.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '../../../main/core/ocr/cer';
import { inkBox } from '../../../main/core/ocr/preprocess';
import { createOcrDriver, type OcrPass, type TesseractOcrDriver } from '../../../main/core/ocr/tesseract';
import { degradeImage, scanPdf, specText, typesetPages, type SyntheticPageSpec } from '../../support/synthetic-scan';

const page: SyntheticPageSpec = {
  title: 'Annual Review of Services',
  lines: [
    'Student Name\tMorgan Testcase',
    'Meeting Date\t03/12/2025',
    'Speech therapy: 30 minutes twice weekly in a small group.',
    'Occupational therapy: 45 minutes monthly, consultation only.',
  ],
  fontSize: 12,
};

let driver: TesseractOcrDriver;
const passes: OcrPass[] = [];
beforeAll(() => {
  driver = createOcrDriver({ workers: 1, onPass: (p) => passes.push(p) });
});
afterAll(() => driver.dispose());

/** Passes the driver made while `fn` ran. */
async function counting<T>(fn: () => Promise<T>): Promise<{ result: T; passes: OcrPass[] }> {
  const before = passes.length;
  const result = await fn();
  return { result, passes: passes.slice(before) };
}

/**
 * A real 600-dpi rendering (the app's renderer caps a page at 25 megapixels, which a 600-dpi Letter
 * page exceeds): poppler's pdftoppm, in grey.
 */
async function poppler600(pdf: Buffer): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ocr-work-'));
  try {
    writeFileSync(path.join(dir, 'page.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '600', '-gray', '-png', '-singlefile', path.join(dir, 'page.pdf'), path.join(dir, 'page')]);
    return readFileSync(path.join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A few dark specks (dust, toner) scattered over a grey image. */
async function speckle(png: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < 40; i++) {
    const x = 50 + ((i * 7919) % (info.width - 100));
    const y = 50 + ((i * 104729) % (info.height - 100));
    for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) data[(y + dy) * info.width + x + dx] = 20;
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).png().toBuffer();
}

describe('OCR work saved', () => {
  it('does not send a blank scanned page to tesseract, specks, noise and a shadow notwithstanding', async () => {
    const [blank] = await scanPdf(await typesetPages([{ lines: [] }]), 200, () => ({ angle: 0.8, lightFalloff: 0.5, noise: 12, blur: 0.8, seed: 3 }));
    const image = await speckle(blank.png);
    const { result, passes: made } = await counting(() => driver.recognize({ pageNumber: 2, image, dpi: 200 }));
    expect(made).toHaveLength(0);
    expect(result.words).toEqual([]);
    expect(result.text).toBe('');
    expect(result.width).toBeCloseTo((blank.widthPx * 72) / 200, 1);
  });

  it('still reads a page that holds one short line, cropped to it when asked', async () => {
    const [sparse] = await scanPdf(await typesetPages([{ lines: ['Page 7 of 9'], fontSize: 11 }]), 200, () => ({ noise: 12, seed: 4 }));
    const image = await speckle(sparse.png);
    const cropping = createOcrDriver({ workers: 1, preprocess: { cropToText: true }, onPass: (p) => passes.push(p) });
    const { result, passes: made } = await counting(() => cropping.recognize({ pageNumber: 7, image, dpi: 200 }).finally(() => cropping.dispose()));
    expect(made.length).toBeGreaterThan(0);
    expect(result.text).toContain('Page 7 of 9');
    // Cropped to the ink: far less than the whole page went to tesseract.
    expect(made[0].width * made[0].height).toBeLessThan(sparse.widthPx * sparse.heightPx * 0.25);
  });

  it('reads a 600-dpi scan at 300 dpi, with the same words in the same places as the 300-dpi scan', async () => {
    const pdf = await typesetPages([page]);
    const fine = await degradeImage(await poppler600(pdf), 600, { angle: 1.2, lightFalloff: 0.3, noise: 10, blur: 1.2, seed: 5 });
    const [usual] = await scanPdf(pdf, 300, () => ({ angle: 1.2, lightFalloff: 0.3, noise: 10, blur: 0.6, seed: 5 }));
    const a = await counting(() => driver.recognize({ pageNumber: 1, image: fine.png, dpi: 600 }));
    const b = await counting(() => driver.recognize({ pageNumber: 1, image: usual.png, dpi: 300 }));
    expect(a.passes).toHaveLength(1);
    expect(a.passes[0].dpi).toBe(300);
    // Scaled to half before tesseract saw it (the deskew rotation widens it a little).
    expect(a.passes[0].width).toBeLessThanOrEqual(Math.ceil(fine.widthPx / 2) + 80);
    expect(a.passes[0].width).toBeGreaterThan(fine.widthPx / 2 - 10);
    expect(a.result.words.map((w) => w.text)).toEqual(b.result.words.map((w) => w.text));
    expect(characterErrorRate(specText(page), a.result.text)).toBeLessThan(0.02);
    // Boxes in points of the page, wherever the 300-dpi reading put them.
    expect(Math.abs(a.result.width - b.result.width)).toBeLessThan(1);
    for (const [i, w] of a.result.words.entries()) {
      const v = b.result.words[i].bbox;
      for (let k = 0; k < 4; k++) expect(Math.abs(w.bbox[k] - v[k])).toBeLessThan(2.5);
    }
  });

  it('makes one pass on a page read confidently, and retries turned only when the first reading is poor', async () => {
    const [scan] = await scanPdf(await typesetPages([page]), 200, () => ({ angle: -0.7, lightFalloff: 0.4, noise: 12, seed: 6 }));
    const upright = await counting(() => driver.recognize({ pageNumber: 1, image: scan.png, dpi: 200 }));
    expect(upright.passes.map((p) => p.quarterTurns)).toEqual([0]);
    expect(upright.result.meanConfidence).toBeGreaterThan(80);
    expect(characterErrorRate(specText(page), upright.result.text)).toBeLessThan(0.03);

    const upsideDown = (await degradeImage(scan.png, 200, { angle: 180 })).png;
    const turned = await counting(() => driver.recognize({ pageNumber: 1, image: upsideDown, dpi: 200 }));
    expect(turned.passes.length).toBeGreaterThan(1);
    expect(turned.passes.map((p) => p.quarterTurns)).toContain(2);
    expect(characterErrorRate(specText(page), turned.result.text)).toBeLessThan(0.03);
  });

  it('finds the ink box of a page and ignores lone specks', () => {
    const width = 850;
    const height = 1100;
    const pixels = new Uint8Array(width * height).fill(250);
    pixels[500 * width + 60] = 0; // a speck
    for (let y = 300; y < 330; y++) for (let x = 200; x < 600; x++) pixels[y * width + x] = (x >> 2) % 2 ? 30 : 250; // a line of "text"
    expect(inkBox(pixels, width, height, 100)).toEqual([200, 296, 600, 336]);
    expect(inkBox(new Uint8Array(width * height).fill(250), width, height, 100)).toBeNull();
  });
});
