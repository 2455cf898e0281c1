// The 100-megapixel limit holds inside PDFs too: a page of any size is drawn within
// MAX_RENDER_PIXELS, and an image over MAX_PDF_IMAGE_PIXELS is never decoded (pdf.js leaves it
// out of the render and OCR), so a small PDF cannot cost minutes and gigabytes. The PDFs are
// written here byte by byte: one huge page, one page holding a huge flate-compressed image.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_PDF_IMAGE_PIXELS, MAX_RENDER_PIXELS, cappedScale, openPdfForRendering } from '../../../main/core/documents/render';

/** A one-page PDF with correct xref offsets from its objects (1: catalog, 2: pages, 3: page, ...). */
function pdf(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0].length;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    offsets.push(size);
    size += chunk.length;
    parts.push(chunk);
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);

function hugePagePdf(sidePt: number): Buffer {
  const content = Buffer.from(`BT /F1 400 Tf 1000 ${sidePt / 2} Td (A page ${sidePt} points wide) Tj ET`);
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${sidePt} ${sidePt}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    stream('', content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** A letter page painted edge to edge with one grey `side` x `side` image (a scan, to pdf.js). */
function scanPdf(side: number): Buffer {
  const pixels = Buffer.alloc(side * side, 0xf0);
  const content = Buffer.from('q 612 0 0 792 0 0 cm /Im1 Do Q');
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    stream('', content),
    stream(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflateSync(pixels, { level: 9 })),
  ]);
}

describe('pixel caps inside PDFs', () => {
  it('keeps the render scale within the edge and area caps, and leaves ordinary pages alone', () => {
    const letter = cappedScale(612, 792, 300);
    expect(letter).toBeCloseTo(300 / 72, 6);
    const huge = cappedScale(16000, 16000, 300);
    expect(16000 * 16000 * huge * huge).toBeLessThanOrEqual(MAX_RENDER_PIXELS * 1.0001);
    const strip = cappedScale(14400, 100, 300);
    expect(14400 * strip).toBeLessThanOrEqual(12_000.001);
  });

  it('draws a 16000 x 16000 pt page within 25 megapixels in seconds', async () => {
    const bytes = hugePagePdf(16000);
    expect(bytes.length).toBeLessThan(2000);
    const started = Date.now();
    const src = await openPdfForRendering(bytes);
    try {
      const size = await src.size(1);
      expect([size.widthPt, size.heightPt]).toEqual([16000, 16000]);
      const page = await src.render(1, 300);
      expect(page.widthPx * page.heightPx).toBeLessThanOrEqual(MAX_RENDER_PIXELS);
      expect(page.widthPx).toBeGreaterThan(4000);
      const ocr = await src.imageForOcr(1);
      expect(ocr.widthPx * ocr.heightPx).toBeLessThanOrEqual(MAX_RENDER_PIXELS);
    } finally {
      await src.close();
    }
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it('never decodes an image over the limit inside a PDF, and still takes a scan under it', async () => {
    const side = 12_000; // 144 megapixels, a 2 MB file
    expect(side * side).toBeGreaterThan(MAX_PDF_IMAGE_PIXELS);
    const bytes = scanPdf(side);
    expect(bytes.length).toBeLessThan(3_000_000);
    const rssBefore = process.memoryUsage().rss;
    const src = await openPdfForRendering(bytes);
    try {
      expect(await src.extractScan(1)).toBeNull();
      const ocr = await src.imageForOcr(1);
      // Drawn as a page at 300 dpi without the image, not the image's 144 megapixels.
      expect([ocr.widthPx, ocr.heightPx]).toEqual([2550, 3300]);
      expect(ocr.pixels.subarray(0, 4000).every((b) => b === 255)).toBe(true);
    } finally {
      await src.close();
    }
    // Decoding it would have needed 144 MB grey (576 MB as RGBA) at least.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);

    const small = await openPdfForRendering(scanPdf(3000));
    try {
      const scan = await small.extractScan(1);
      expect(scan && [scan.widthPx, scan.heightPx]).toEqual([3000, 3000]);
    } finally {
      await small.close();
    }
  }, 120_000);
});
