// Benchmark 3 (issue 4): peak resident memory while `casefile import` brings in a long scanned PDF
// (image only, so every page goes through OCR). The PDF is generated: special-education pages
// typeset, rendered at --dpi, tilted and speckled like a copier scan, JPEG-compressed and
// assembled with pdf-lib. The import runs in a child process whose tree is sampled from /proc;
// references measured in the same run: native `tesseract` and poppler's `pdftoppm` on one page.
// Run: npx tsx bench/import-memory.ts [--pages 300] [--dpi 200] [--no-write]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { openPdfForRendering } from '../main/core/documents/render';
import { degradeImage, typesetPages, type SyntheticPageSpec } from '../tests/support/synthetic-scan';
import { buildVocabulary, childName, generatePage } from './support/corpus';
import { runMeasured, type MeasuredRun } from './support/memory';
import { pick, seededRandom } from './support/random';
import { REPO_ROOT, cliArgs, loadAverage, machineLine, writeResultsSection } from './support/report';

const args = cliArgs();
const pageCount = Number(args.value('pages') ?? 300);
const dpi = Number(args.value('dpi') ?? 200);
const TARGET_MB = 600; // issue 21
const CLI = path.join(REPO_ROOT, 'bin', 'casefile.mjs');

/** Lines of realistic page text, short enough to fit a Letter page at 11 pt. */
function pageSpecs(count: number): SyntheticPageSpec[] {
  const rand = seededRandom(77);
  const vocab = buildVocabulary(4000, rand);
  const child = childName(rand);
  return Array.from({ length: count }, (_, i) => {
    const type = pick(rand, ['iep', 'progress_report', 'service_log', 'correspondence', 'evaluation'] as const);
    const lines = generatePage(type, i + 1, child, false, vocab, rand).text.split('\n');
    return { title: lines[0], lines: lines.slice(1, 36).map((l) => l.slice(0, 88)), fontSize: 10 };
  });
}

/** The scanned PDF, page by page so the generator never holds more than one page image. */
async function makeScannedPdf(file: string, count: number): Promise<void> {
  const source = await openPdfForRendering(await typesetPages(pageSpecs(count)));
  const out = await PDFDocument.create();
  try {
    for (let n = 1; n <= count; n++) {
      const scan = await degradeImage((await source.render(n, dpi)).png, dpi, { angle: ((n * 37) % 21) / 10 - 1, lightFalloff: 0.25, blur: 0.6, noise: 8, seed: n });
      const jpeg = await sharp(scan.png).jpeg({ quality: 70 }).toBuffer();
      const image = await out.embedJpg(jpeg);
      // The page keeps Letter's size; a slightly rotated scan is a little larger, so fit it.
      const page = out.addPage([612, 792]);
      page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
      if (n % 25 === 0) process.stdout.write(`  generated ${n}/${count} pages\n`);
    }
  } finally {
    await source.close();
  }
  writeFileSync(file, await out.save());
}

const mb = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n)} MB`);
const secs = (n: number) => `${(n / 1000).toFixed(1)} s`;
const cpu = (r: MeasuredRun) => (r.cpuSeconds === null ? 'n/a' : `${r.cpuSeconds.toFixed(1)} s`);
const peakOf = (r: MeasuredRun) => Math.max(r.peakTreeRssMb, r.peakHwmMb, r.timeMaxRssMb ?? 0);

async function main() {
  // The data folder is encrypted; with no keychain here, the CLI takes its key from the environment.
  process.env.CASEFILE_PASSPHRASE ??= 'bench-import-memory';
  const work = mkdtempSync(path.join(os.tmpdir(), 'casefile-bench-import-'));
  try {
    console.log(`import memory benchmark: ${machineLine()}; load ${loadAverage()}`);
    // Generating is slow (minutes for 300 pages) and deterministic: keep the PDF for the next run.
    const pdf = path.join(os.tmpdir(), `casefile-bench-scan-${pageCount}p-${dpi}dpi.pdf`);
    const genStarted = Date.now();
    if (!existsSync(pdf)) {
      await makeScannedPdf(`${pdf}.partial`, pageCount);
      renameSync(`${pdf}.partial`, pdf);
    }
    console.log(`  ${pageCount}-page scanned PDF at ${dpi} dpi: ${(statSync(pdf).size / 2 ** 20).toFixed(1)} MB, ${Date.now() - genStarted > 1000 ? `made in ${secs(Date.now() - genStarted)}` : 'reused from an earlier run'}`);

    // References, measured on the same machine in the same run.
    const onePage = path.join(work, 'page1.png');
    const first = await openPdfForRendering(new Uint8Array(readFileSync(pdf)));
    const scan = await first.extractScan(1);
    await first.close();
    if (!scan) throw new Error('page 1 of the generated PDF is not a scan');
    await sharp(scan.pixels, { raw: { width: scan.widthPx, height: scan.heightPx, channels: scan.channels } }).png().withMetadata({ density: dpi }).toFile(onePage);
    const tesseract = existsSync('/usr/bin/tesseract') ? await runMeasured('/usr/bin/tesseract', [onePage, path.join(work, 'page1'), '--psm', '3']) : null;
    const poppler = existsSync('/usr/bin/pdftoppm') ? await runMeasured('/usr/bin/pdftoppm', ['-r', String(dpi), '-gray', '-f', '1', '-l', '1', pdf, path.join(work, 'poppler')]) : null;

    const dataDir = path.join(work, 'data');
    execFileSync(process.execPath, [CLI, '--data-dir', dataDir, 'cases', 'create', '--name', 'Bench'], { stdio: 'ignore' });
    console.log(`  importing with ${CLI} (sampling memory every 100 ms)...`);
    let lastReport = 0;
    const run = await runMeasured(process.execPath, [CLI, '--data-dir', dataDir, 'import', '--case', 'Bench', pdf], {
      onSample: ([t, rss]) => {
        if (t - lastReport >= 30) {
          lastReport = t;
          console.log(`  ${t.toFixed(0)} s: ${Math.round(rss)} MB`);
        }
      },
    });
    if (run.code !== 0) throw new Error(`import failed (exit ${run.code}): ${run.stderr.slice(-2000)}`);
    const exportFile = path.join(work, 'export.json');
    execFileSync(process.execPath, [CLI, '--data-dir', dataDir, 'export', '--case', 'Bench', '--out', exportFile], { stdio: 'ignore' });
    const exported = JSON.parse(readFileSync(exportFile, 'utf8')) as { documents: { pageTexts?: string[] }[] };
    const pagesWithText = exported.documents[0]?.pageTexts?.filter((t) => t.trim()).length ?? 0;
    const peak = peakOf(run);
    // Memory over time, in tenths of the run: shows whether it climbs with the pages done.
    const profile = Array.from({ length: 10 }, (_, i) => {
      const window = run.samples.filter(([t]) => t >= (i * run.wallMs) / 10000 && t < ((i + 1) * run.wallMs) / 10000);
      return Math.round(Math.max(0, ...window.map(([, m]) => m)));
    });
    const body = [
      `\`npm run bench -- import-memory --pages ${pageCount}\`, ${new Date().toISOString().slice(0, 10)}. Machine: ${machineLine()}; load average ${loadAverage()} at the end (shared machine).`,
      `Input: a generated ${pageCount}-page image-only PDF (special-education pages typeset, rendered at ${dpi} dpi, tilted up to 1 degree, unevenly lit, blurred and speckled, JPEG quality 70, one image per page), ${(statSync(pdf).size / 2 ** 20).toFixed(1)} MB.`,
      `Measured: \`node bin/casefile.mjs import --case Bench FILE.pdf\` in a child process, its process tree's resident memory sampled from /proc every 100 ms (worker threads share the process), plus the kernel's VmHWM and GNU time's maximum RSS; the peak is the largest of the three.`,
      '',
      '| Run | Work | Wall time | CPU time | Peak RSS | Target |',
      '|---|---|---|---|---|---|',
      `| casefile import | ${pageCount} scanned pages, OCR, ${pagesWithText} pages with text stored | ${secs(run.wallMs)} | ${cpu(run)} | ${mb(peak)} (polled tree ${mb(run.peakTreeRssMb)}, VmHWM ${mb(run.peakHwmMb)}, time -v ${mb(run.timeMaxRssMb)}) | < ${TARGET_MB} MB: ${peak < TARGET_MB ? 'met' : 'NOT met'} |`,
      tesseract ? `| native tesseract 5 (reference) | page 1 only, --psm 3 | ${secs(tesseract.wallMs)} | ${cpu(tesseract)} | ${mb(peakOf(tesseract))} | - |` : '| native tesseract | not installed | - | - | - | - |',
      poppler ? `| pdftoppm (reference) | page 1 rendered at ${dpi} dpi | ${secs(poppler.wallMs)} | ${cpu(poppler)} | ${mb(peakOf(poppler))} | - |` : '| pdftoppm | not installed | - | - | - | - |',
      '',
      `Import RSS by tenth of the run (MB): ${profile.join(', ')}.`,
    ];
    console.log(`\n${body.join('\n')}`);
    if (!args.flag('no-write')) writeResultsSection('## Import memory', body);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
