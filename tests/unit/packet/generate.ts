// Exhibits and charts composed for the packet tests: text PDFs of several sizes and rotations, an
// image-only "scan" with OCR words, and an echarts SVG chart rendered the way the app renders charts.
import * as echarts from 'echarts';
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import type { Word } from '../../../shared/domain';

/** Each page says "<tag> page N" near the top and carries a grey block that runs to the page's bottom edge. */
export async function textPdf(tag: string, pages: number, options: { size?: [number, number]; rotate?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const [w, h] = options.size ?? [612, 792];
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([w, h]);
    page.drawText(`${tag} page ${n}`, { x: 72, y: h - 90, size: 18, font });
    page.drawText(`Body text of ${tag}, page ${n} of ${pages}.`, { x: 72, y: h - 130, size: 11, font });
    // Content to the very edge, as on a scan: the stamp must not land on it.
    page.drawRectangle({ x: 0, y: 0, width: w, height: 40, color: rgb(0.6, 0.6, 0.6) });
    if (options.rotate) page.setRotation(degrees(options.rotate));
  }
  return doc.save();
}

/** One image-only page (a grey-bordered "scan") and the OCR words a recogniser would report for it. */
export async function scannedPdf(words: string[]): Promise<{ pdf: Uint8Array; ocrWords: Word[][] }> {
  const png = await sharp({ create: { width: 850, height: 1100, channels: 3, background: { r: 235, g: 235, b: 228 } } }).png().toBuffer();
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(png);
  const page = doc.addPage([612, 792]);
  page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  const ocr: Word[] = words.map((text, i) => ({ text, bbox: [72 + i * 80, 100, 72 + i * 80 + 70, 114], conf: 90 }));
  return { pdf: await doc.save(), ocrWords: [ocr] };
}

export function lineChartSvg(title: string, values: number[], width = 600, height = 300): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    title: { text: title },
    xAxis: { type: 'category', data: values.map((_, i) => `P${i + 1}`) },
    yAxis: { type: 'value' },
    series: [{ type: 'line', data: values, markLine: { data: [{ yAxis: 90, name: 'Goal' }] } }],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
