// Makes realistic "scanned" pages from known text, for tests and the OCR benchmark: typeset with
// pdfkit (standard fonts, no font files needed), rendered with pdf.js, then rotated, unevenly lit
// and speckled with sharp. The text that went in is the reference to score OCR against.
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { openPdfForRendering } from '../../main/core/documents/render';
import { seededRandom } from '../../bench/support/random';

export interface SyntheticPageSpec {
  /** Lines of body text; a line with a tab is set as two columns (label, value), like a form. */
  lines: string[];
  title?: string;
  fontSize?: number;
}

/** One PDF with a page per spec, Letter size, Helvetica. */
export function typesetPages(pages: SyntheticPageSpec[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 54, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const page of pages) {
      doc.addPage();
      let y = 60;
      if (page.title) {
        doc.font('Helvetica-Bold').fontSize(15).text(page.title, 54, y, { lineBreak: false });
        y += 30;
      }
      const size = page.fontSize ?? 11;
      for (const line of page.lines) {
        const [label, value] = line.split('\t');
        if (value !== undefined) {
          doc.font('Helvetica-Bold').fontSize(size).text(label, 54, y, { lineBreak: false });
          doc.font('Helvetica').fontSize(size).text(value, 230, y, { lineBreak: false });
        } else doc.font('Helvetica').fontSize(size).text(line, 54, y, { lineBreak: false });
        y += size * 1.55;
      }
    }
    doc.end();
  });
}

/** The reference text of a spec, as it reads on the page (title, then lines, columns joined by a space). */
export function specText(page: SyntheticPageSpec): string {
  return [page.title, ...page.lines.map((l) => l.replace('\t', ' '))].filter(Boolean).join('\n');
}

export interface Degradation {
  /** Clockwise rotation in degrees. */
  angle?: number;
  /** 0-1: how much darker the bottom-right corner is lit than the top-left. */
  lightFalloff?: number;
  /** Standard deviation of grey noise. */
  noise?: number;
  /** Gaussian blur sigma in pixels (optics, toner spread). */
  blur?: number;
  /** Seed for the noise, so a test's page is the same every run. */
  seed?: number;
}

export interface SyntheticScan {
  /** Encoded PNG, 8-bit grey. */
  png: Buffer;
  widthPx: number;
  heightPx: number;
  dpi: number;
}

/** Renders every page of a PDF at `dpi` and degrades it like a copier or phone would. */
export async function scanPdf(pdf: Uint8Array, dpi: number, degrade: (page: number) => Degradation): Promise<SyntheticScan[]> {
  const source = await openPdfForRendering(pdf);
  try {
    const out: SyntheticScan[] = [];
    for (let n = 1; n <= source.numPages; n++) out.push(await degradeImage((await source.render(n, dpi)).png, dpi, degrade(n)));
    return out;
  } finally {
    await source.close();
  }
}

export async function degradeImage(png: Buffer, dpi: number, d: Degradation): Promise<SyntheticScan> {
  let img = sharp(png).greyscale();
  if (d.angle) img = img.rotate(d.angle, { background: { r: 255, g: 255, b: 255 } });
  if (d.blur) img = sharp(await img.png({ compressionLevel: 0 }).toBuffer()).blur(d.blur);
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const rand = seededRandom(d.seed ?? 1);
  const falloff = d.lightFalloff ?? 0;
  const noise = d.noise ?? 0;
  const out = Buffer.allocUnsafe(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const light = 1 - falloff * (0.5 * x / width + 0.5 * y / height);
      let v = data[i * info.channels] * light;
      if (noise) v += gaussian(rand) * noise;
      out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  const encoded = await sharp(out, { raw: { width, height, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer();
  return { png: encoded, widthPx: width, heightPx: height, dpi };
}


function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
