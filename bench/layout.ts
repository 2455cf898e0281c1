// `npm run bench -- layout`: what reading a page as printed costs. Generated form pages (fields,
// boxes, tables, columns; see tests/support/form-pages.ts) read three ways: pdf.js's text alone (the
// reference), readPdfText (text, drawn rules and boxes, ligature repair), and the layout model.
import { cpus } from 'node:os';
import { loadPdfJs, pdfDocumentOptions, readPdfText } from '../main/core/documents/pdf-text';
import { layoutDocument } from '../main/core/layout';
import { generateForms } from '../tests/support/form-pages';

const pagesArg = process.argv.indexOf('--pages');
const PAGES = pagesArg > 0 ? Number(process.argv[pagesArg + 1]) : 60;
const RUNS = 3;

async function textOnly(pdf: Uint8Array): Promise<void> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument(pdfDocumentOptions(new Uint8Array(pdf))).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  await doc.destroy();
}

async function time(work: () => Promise<unknown> | unknown): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const cpu = process.cpuUsage(cpu0);
  return { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const { pdf } = await generateForms(2026, PAGES);
const bytes = new Uint8Array(pdf);
const { pages } = await readPdfText(bytes);
const rows: Array<[string, Array<{ wall: number; cpu: number }>]> = [['pdf.js text only', []], ['readPdfText', []], ['layoutDocument', []]];
for (let r = 0; r < RUNS; r++) {
  rows[0][1].push(await time(() => textOnly(bytes)));
  rows[1][1].push(await time(() => readPdfText(bytes)));
  rows[2][1].push(await time(() => layoutDocument(pages)));
}
console.log(`layout: ${PAGES} generated form pages, median of ${RUNS} runs; ${cpus()[0]?.model ?? '?'} x${cpus().length}, Node ${process.version}, load ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
console.log('| Work | Wall per page | CPU per page |\n|---|---|---|');
for (const [name, runs] of rows) {
  console.log(`| ${name} | ${(median(runs.map((x) => x.wall)) / PAGES).toFixed(1)} ms | ${(median(runs.map((x) => x.cpu)) / PAGES).toFixed(1)} ms |`);
}
