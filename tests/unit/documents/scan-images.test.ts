// Scanned pages go to OCR as the JPEG stored in the PDF: exactly those bytes, with the page's size
// and the scan's resolution, and only for pages that are one upright JPEG over the whole page.
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import path from 'node:path';
import { BlobStore } from '../../../main/core/documents/blob-store';
import { tempDir } from '../../support/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { contentTokens, findScanImages } from '../../../main/core/pdf/scan-images';

async function jpeg(width: number, height: number, colour = false, cmyk = false): Promise<Buffer> {
  const img = sharp({ create: { width, height, channels: 3, background: colour ? '#d0c0b0' : '#ffffff' } });
  if (cmyk) return img.toColourspace('cmyk').jpeg().toBuffer();
  return colour ? img.jpeg({ quality: 80 }).toBuffer() : img.toColourspace('b-w').jpeg({ quality: 80 }).toBuffer();
}

describe('openScanImages', () => {
  it('hands over a full-page JPEG as stored and refuses every other kind of page', async () => {
    const pdf = await PDFDocument.create();
    const grey = await jpeg(1700, 2200);
    const colour = await jpeg(850, 1100, true);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const add = () => pdf.addPage([612, 792]);
    // 1: a grey 200-dpi scan; 2: a colour 100-dpi scan
    add().drawImage(await pdf.embedJpg(grey), { x: 0, y: 0, width: 612, height: 792 });
    add().drawImage(await pdf.embedJpg(colour), { x: 0, y: 0, width: 612, height: 792 });
    // 3: a scan with a text layer; 4: two images; 5: an image over half the page; 6: a PNG scan; 7: turned; 8: CMYK; 9: text only
    const withText = add();
    withText.drawImage(await pdf.embedJpg(grey), { x: 0, y: 0, width: 612, height: 792 });
    withText.drawText('OCR layer', { x: 10, y: 10, font, size: 8 });
    const two = add();
    two.drawImage(await pdf.embedJpg(grey), { x: 0, y: 0, width: 612, height: 792 });
    two.drawImage(await pdf.embedJpg(colour), { x: 0, y: 0, width: 100, height: 100 });
    add().drawImage(await pdf.embedJpg(grey), { x: 0, y: 0, width: 612, height: 396 });
    add().drawImage(await pdf.embedPng(await sharp(grey).png().toBuffer()), { x: 0, y: 0, width: 612, height: 792 });
    const turned = add();
    turned.drawImage(await pdf.embedJpg(grey), { x: 0, y: 0, width: 612, height: 792 });
    turned.setRotation(degrees(90));
    add().drawImage(await pdf.embedJpg(await jpeg(850, 1100, true, true)), { x: 0, y: 0, width: 612, height: 792 });
    add().drawText('Just words (with "Do" and BT inside a string)', { x: 20, y: 700, font, size: 12 });

    const file = Buffer.from(await pdf.save());
    const scans = (await findScanImages(file))!;
    expect(scans).toHaveLength(9);
    const first = scans[0]!;
    expect(file.subarray(first.offset, first.offset + first.length).equals(grey)).toBe(true);
    expect(first).toMatchObject({ widthPx: 1700, heightPx: 2200, components: 1, widthPt: 612, heightPt: 792, dpi: 200 });
    const second = scans[1]!;
    expect(file.subarray(second.offset, second.offset + second.length).equals(colour)).toBe(true);
    expect(second).toMatchObject({ widthPx: 850, heightPx: 1100, components: 3, dpi: 100 });
    scans.slice(2).forEach((s, i) => expect(s, `page ${i + 3}`).toBeNull());
  });

  it('returns null for what pdf-lib cannot read, so pdf.js can say what is wrong', async () => {
    expect(await findScanImages(Buffer.from('not a pdf at all'))).toBeNull();
  });

  it('reads operators, not the insides of strings, arrays and dictionaries', () => {
    const src = 'q 612 0 0 792 0 0 cm /Im0 Do Q BT (a (nested) \\) Do) Tj [(x) 3 (y)] TJ ET <</MCID 0>> BDC <48656c6c6f> Tj % comment Do\nEMC';
    expect([...contentTokens(src)]).toEqual(['q', '612', '0', '0', '792', '0', '0', 'cm', '/Im0', 'Do', 'Q', 'BT', '()', 'Tj', '[', '()', '3', '()', ']', 'TJ', 'ET', '<<', '/MCID', '0', '>>', 'BDC', '<>', 'Tj', 'EMC']);
  });
});

describe('BlobStore.getRange', () => {
  it('reads a stretch of a stored original, and says so when the file is gone or short', () => {
    const store = new BlobStore(path.join(tempDir(), 'blobs'));
    const bytes = Buffer.from(Array.from({ length: 100_000 }, (_, i) => i % 251));
    const sha = store.put(bytes);
    expect(store.getRange(sha, 12_345, 40_000).equals(bytes.subarray(12_345, 52_345))).toBe(true);
    expect(() => store.getRange(sha, 99_990, 20)).toThrow(/shorter than expected/);
    store.remove(sha);
    expect(() => store.getRange(sha, 0, 10)).toThrow(/missing from the store/);
  });
});
