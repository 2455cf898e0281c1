// Page rendering with pdf.js on @napi-rs/canvas, and the native-resolution scan of image-only pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { openPdfForRendering, renderPdfPage } from '../../../main/core/documents/render';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';
import { typesetPages } from '../../support/synthetic-scan';

/** An image-only PDF: one full-page JPEG of the given pixel size on a page of the given points. */
async function imagePdf(px: [number, number], pt: [number, number], fill: number): Promise<Uint8Array> {
  const jpeg = await sharp({ create: { width: px[0], height: px[1], channels: 3, background: { r: fill, g: fill, b: fill } } })
    .composite([{ input: Buffer.from(`<svg width="${px[0]}" height="${px[1]}"><rect x="10" y="10" width="40" height="20" fill="black"/></svg>`), top: 0, left: 0 }])
    .jpeg()
    .toBuffer();
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(jpeg);
  const page = doc.addPage(pt);
  page.drawImage(image, { x: 0, y: 0, width: pt[0], height: pt[1] });
  return doc.save();
}

describe('renderPdfPage', () => {
  it('renders a text page at the requested resolution, with the text dark on white', async () => {
    const pdf = await typesetPages([{ title: 'Rendering check', lines: ['A line of body text'] }]);
    const page = await renderPdfPage(pdf, 1, 100);
    expect([page.widthPt, page.heightPt]).toEqual([612, 792]);
    expect(page.widthPx).toBe(850);
    expect(page.heightPx).toBe(1100);
    const { data, info } = await sharp(page.png).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([850, 1100]);
    // The title sits near the top left (54 pt, 60 pt from the corner): dark pixels there, white margins.
    const at = (xPt: number, yPt: number) => data[Math.round((yPt * 100) / 72) * info.width + Math.round((xPt * 100) / 72)];
    let dark = 0;
    for (let x = 54; x < 180; x++) for (let y = 60; y < 75; y++) if (at(x, y) < 100) dark++;
    expect(dark).toBeGreaterThan(50);
    expect(at(20, 20)).toBe(255);
    expect(at(590, 770)).toBe(255);
  });

  it('refuses a page that does not exist', async () => {
    const pdf = await typesetPages([{ lines: ['only page'] }]);
    await expect(renderPdfPage(pdf, 2, 72)).rejects.toThrow();
  });
});

describe('extractScan', () => {
  it('returns the embedded full-page image at its own resolution', async () => {
    const pdf = await imagePdf([1275, 1650], [612, 792], 230);
    const source = await openPdfForRendering(pdf);
    const scan = await source.extractScan(1);
    await source.close();
    expect(scan).not.toBeNull();
    expect([scan!.widthPx, scan!.heightPx, scan!.dpi]).toEqual([1275, 1650, 150]);
    expect(scan!.pixels.length).toBe(1275 * 1650 * scan!.channels);
    expect(scan!.pixels[(900 * 1275 + 600) * scan!.channels]).toBeGreaterThan(200);
    expect(scan!.pixels[(20 * 1275 + 20) * scan!.channels]).toBeLessThan(60);
  });

  it('gives null for a page with text, and imageForOcr falls back to a render', async () => {
    const pdf = await typesetPages([{ lines: ['typed text'] }]);
    const source = await openPdfForRendering(pdf);
    expect(await source.extractScan(1)).toBeNull();
    const image = await source.imageForOcr(1, 150);
    await source.close();
    expect([image.widthPx, image.heightPx, Math.round(image.dpi)]).toEqual([1275, 1650, 150]);
  });

  it('gives null when the image covers only part of the page', async () => {
    const jpeg = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    page.drawImage(await doc.embedJpg(jpeg), { x: 100, y: 100, width: 200, height: 200 });
    const source = await openPdfForRendering(await doc.save());
    expect(await source.extractScan(1)).toBeNull();
    await source.close();
  });
});

describeRivera('extractScan on the fixture scans', () => {
  it('finds each page of a scanned PDF at its native 300 dpi', async () => {
    const source = await openPdfForRendering(readFileSync(path.join(RIVERA_DOCS, 'scan_20240229_0931.pdf')));
    expect(source.numPages).toBe(2);
    const scan = await source.extractScan(2);
    await source.close();
    expect([scan!.widthPx, scan!.heightPx, scan!.dpi, scan!.widthPt]).toEqual([2550, 3300, 300, 612]);
  });
});
