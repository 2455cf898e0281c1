import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../main/core/documents/parse/images';
import { decodeFile } from '../../../main/core/documents/parse/formats';
import { ImportProblem } from '../../../main/core/documents/parse/errors';
import { makeJpeg, makePng, makeTiff, pngHeaderOnly } from './make-files';

async function problemOf(p: Promise<unknown>): Promise<ImportProblem> {
  try {
    await p;
  } catch (error) {
    if (error instanceof ImportProblem) return error;
    throw error;
  }
  throw new Error('expected an ImportProblem');
}

describe('decodeImage', () => {
  it('turns a PNG scan into one PNG page, sized from its declared dpi', async () => {
    const pages = await decodeImage(await makePng(850, 1100, { density: 100 }), 'scan.png', 'png');
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect([page.width, page.height, page.dpi, page.dpiDeclared]).toEqual([850, 1100, 100, true]);
    expect([page.widthPt, page.heightPt]).toEqual([612, 792]);
    expect((await sharp(page.png).metadata()).format).toBe('png');
  });

  it('applies EXIF orientation to phone photos and assumes a page-sized dpi when none is stated', async () => {
    // Stored landscape with "rotate 90" in EXIF: the upright page is portrait.
    const photo = await makeJpeg(400, 300, { orientation: 6 });
    const [page] = await decodeImage(photo, 'IMG_0001.jpg', 'jpeg');
    expect([page.width, page.height]).toEqual([300, 400]);
    expect(page.heightPt).toBeCloseTo(11 * 72, 0);
  });

  it('splits a multi-page TIFF into pages, keeping each page size and resolution', async () => {
    const tiff = await makeTiff([[300, 400], [400, 300], [200, 200]], 200);
    const pages = await decodeImage(tiff, 'fax.tif', 'tiff');
    expect(pages.map((p) => [p.pageNumber, p.width, p.height, p.dpi])).toEqual([
      [1, 300, 400, 200],
      [2, 400, 300, 200],
      [3, 200, 200, 200],
    ]);
    expect(pages[0].widthPt).toBeCloseTo(108, 1);
  });

  it('refuses a 20,000 x 20,000 image from its header, before decoding it', async () => {
    const huge = pngHeaderOnly(20_000, 20_000);
    const before = process.memoryUsage().rss;
    const p = await problemOf(decodeImage(huge, 'poster.png', 'png'));
    expect(p.code).toBe('image_too_large');
    expect(p.message).toContain('poster.png');
    expect(p.message).toContain('20000 x 20000');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('applies the same limit to each TIFF page', async () => {
    const tiff = await makeTiff([[200, 200], [300, 300]]);
    const p = await problemOf(decodeImage(tiff, 'big.tif', 'tiff', { maxPixels: 50_000 }));
    expect(p.code).toBe('image_too_large');
  });

  it('reports a damaged JPEG as corrupt_image', async () => {
    const jpeg = await makeJpeg(200, 200);
    const p = await problemOf(decodeImage(jpeg.subarray(0, 300), 'cut.jpg', 'jpeg'));
    expect(p.code).toBe('corrupt_image');
  });

  it('reports a HEIC it cannot decode as corrupt_image (no HEIC encoder exists here to build a real photo)', async () => {
    const fake = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(200, 7)]);
    const p = await problemOf(decodeImage(fake, 'IMG_4471.HEIC', 'heic'));
    expect(p.code).toBe('corrupt_image');
    expect(p.message).toContain('IMG_4471.HEIC');
  });

  it('treats a .pdf that is really a JPEG as the JPEG it is', async () => {
    const decoded = await decodeFile(await makeJpeg(120, 160), 'progress_report.pdf');
    expect(decoded.kind).toBe('jpeg');
    if (decoded.kind !== 'jpeg') return;
    expect(decoded.images[0]).toMatchObject({ width: 120, height: 160 });
  });
});

describe('phone photos', () => {
  it('treat a 72 dpi tag as unknown and size the page as a letter-size sheet', async () => {
    const [page] = await decodeImage(await makePng(1944, 2592, { density: 72 }), 'IMG_0001.png', 'png');
    expect(page.dpiDeclared).toBe(false);
    expect(page.heightPt).toBeCloseTo(792, 0);
    expect(page.dpi).toBeCloseTo(2592 / 11, 0);
  });
});
