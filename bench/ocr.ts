// Benchmark 1 (issue 4): our OCR pipeline against the native tesseract CLI on the same page
// images with the same number of parallel processes: wall time, CPU time and character error
// rate. Pages: the image-only documents of ../shared dev-rivera plus a generated 50-page scanned
// packet. Run: npx tsx bench/ocr.ts [--pages N] [--packet-dpi N] [--native-best] [--no-write]
// What each of the driver's choices buys (issue 21), ours run again with one changed, in the same run:
// [--variants crop,no-downscale,no-blank-skip] (crop: cropped to the ink, off by default; no-downscale:
// scans above 300 dpi read at their own; no-blank-skip: blank pages sent to tesseract).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { openPdfForRendering, scanToPng } from '../main/core/documents/render';
import { characterErrorRate } from '../main/core/ocr/cer';
import { defaultTessdataDir } from '../main/core/ocr/paths';
import { createOcrDriver } from '../main/core/ocr/tesseract';
import { scanPdf, specText, typesetPages, type SyntheticPageSpec } from '../tests/support/synthetic-scan';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RIVERA = process.env.CASEFILE_SHARED_DIR
  ? path.join(process.env.CASEFILE_SHARED_DIR, 'fixtures/cases/dev-rivera')
  : path.resolve(ROOT, '../shared/fixtures/cases/dev-rivera');
const args = process.argv.slice(2);
const packetPages = Number(args[args.indexOf('--pages') + 1]) || 50;
const packetDpi = args.includes('--packet-dpi') ? Number(args[args.indexOf('--packet-dpi') + 1]) : 200;
const variantNames = args.includes('--variants') ? args[args.indexOf('--variants') + 1].split(',') : [];
const parallel = os.availableParallelism();
const NATIVE = '/usr/bin/tesseract';

interface PageImage {
  file: string;
  dpi: number;
}
interface BenchDoc {
  name: string;
  pages: PageImage[];
  reference: string;
}

async function fixtureDocs(dir: string): Promise<BenchDoc[]> {
  if (!existsSync(path.join(RIVERA, 'truth.json'))) {
    console.warn(`(dev-rivera fixture not found at ${RIVERA}: benchmarking the generated packet only)`);
    return [];
  }
  const truth = JSON.parse(readFileSync(path.join(RIVERA, 'truth.json'), 'utf8')) as {
    documents: { file: string; reference_text?: string }[];
  };
  const docs: BenchDoc[] = [];
  for (const d of truth.documents.filter((x) => x.reference_text)) {
    const name = path.basename(d.file);
    const bytes = readFileSync(path.join(RIVERA, 'documents', name));
    const pages: PageImage[] = [];
    if (name.toLowerCase().endsWith('.pdf')) {
      const source = await openPdfForRendering(bytes);
      for (let n = 1; n <= source.numPages; n++) {
        const scan = await source.extractScan(n);
        if (!scan) throw new Error(`${name} page ${n} is not a scan`);
        const file = path.join(dir, `${name}-p${n}.png`);
        // Lossless and grey, with its resolution recorded, so both engines read identical pixels.
        writeFileSync(file, await sharp(await scanToPng(scan)).greyscale().withMetadata({ density: scan.dpi }).png().toBuffer());
        pages.push({ file, dpi: scan.dpi });
      }
      await source.close();
    } else {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      pages.push({ file, dpi: 0 });
    }
    docs.push({ name, pages, reference: readFileSync(path.join(RIVERA, d.reference_text as string), 'utf8') });
  }
  return docs;
}

/** A varied, deterministic packet: forms with label/value rows, narrative paragraphs, data lines. */
function packetSpecs(count: number): SyntheticPageSpec[] {
  const areas = ['Reading Fluency', 'Written Expression', 'Math Calculation', 'Attention', 'Speech and Language'];
  const words = 'student teacher progress goal baseline trials accuracy minutes weekly reading writing classroom support services assessment probe passage measured report meeting parent district specialist'.split(' ');
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const lines: string[] = [
      `Student Name\tAlex Sample ${i + 1}`,
      `Date of Report\t${String((i % 12) + 1).padStart(2, '0')}/${String((i % 27) + 1).padStart(2, '0')}/2024`,
      `Area of Need\t${pick(areas)}`,
    ];
    for (let l = 0; l < 22; l++) {
      if (l % 7 === 6) lines.push(`Probe ${l}: ${Math.floor(rand() * 90) + 10} words correct, ${Math.floor(rand() * 30) + 70}% accuracy`);
      else lines.push(Array.from({ length: 9 }, () => pick(words)).join(' ') + '.');
    }
    return { title: `Progress Monitoring Record - Page ${i + 1}`, lines, fontSize: 11 };
  });
}

async function packetDoc(dir: string, count: number): Promise<BenchDoc> {
  const specs = packetSpecs(count);
  const dpi = packetDpi;
  const scans = await scanPdf(await typesetPages(specs), dpi, (n) => ({
    angle: ((n * 37) % 31) / 10 - 1.5,
    lightFalloff: 0.4,
    blur: 0.9,
    noise: 16,
    seed: n,
  }));
  const pages = await Promise.all(
    scans.map(async (s, i) => {
      const file = path.join(dir, `packet-p${i + 1}.png`);
      writeFileSync(file, await sharp(s.png).withMetadata({ density: dpi }).png().toBuffer());
      return { file, dpi };
    }),
  );
  return { name: `generated packet (${count} pages)`, pages, reference: specs.map(specText).join('\n') };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function runOurs(docs: BenchDoc[], cut?: string) {
  const started = Date.now();
  const cpu0 = cpuMs();
  let passes = 0;
  const driver = createOcrDriver({
    workers: parallel,
    onPass: () => passes++,
    skipBlank: cut !== 'no-blank-skip',
    preprocess: { ...(cut === 'crop' ? { cropToText: true } : {}), ...(cut === 'no-downscale' ? { maxDpi: 0 } : {}) },
  });
  const texts = await Promise.all(
    docs.map(async (d) => {
      const pages = await Promise.all(
        d.pages.map((p, i) => driver.recognize({ pageNumber: i + 1, image: readFileSync(p.file), dpi: p.dpi || undefined })),
      );
      return pages.map((p) => p.text).join(' ');
    }),
  );
  await driver.dispose();
  return { wallMs: Date.now() - started, cpuMs: cpuMs() - cpu0, texts, passes };
}

/** Native CLI, `parallel` single-threaded processes at a time, same page images. */
async function runNative(docs: BenchDoc[], tessdataDir?: string) {
  const jobs = docs.flatMap((d, di) => d.pages.map((p, pi) => ({ di, pi, file: p.file })));
  const out = docs.map((d) => new Array<string>(d.pages.length).fill(''));
  let cpu = 0;
  const started = Date.now();
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const cliArgs = [NATIVE, job.file, '-', '--psm', '3', ...(tessdataDir ? ['--tessdata-dir', tessdataDir] : [])];
      const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
        execFile('/usr/bin/time', ['-f', 'CPU %U %S', ...cliArgs], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 << 20 }, (e, so, se) =>
          e ? reject(e) : resolve({ stdout: so, stderr: se }),
        ),
      );
      const m = /CPU ([\d.]+) ([\d.]+)/.exec(stderr);
      if (m) cpu += (Number(m[1]) + Number(m[2])) * 1000;
      out[job.di][job.pi] = stdout;
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return { wallMs: Date.now() - started, cpuMs: cpu, texts: out.map((pages) => pages.join(' ')) };
}

function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores available, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

const fmt = (n: number) => n.toFixed(4);
const secs = (ms: number) => (ms / 1000).toFixed(1);

async function main() {
  if (!existsSync(NATIVE)) throw new Error(`${NATIVE} not found: apt-get install -y tesseract-ocr`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-ocr-'));
  try {
    const fixture = await fixtureDocs(dir);
    const packet = await packetDoc(dir, packetPages);
    const docs = [...fixture, packet];
    const pageCount = docs.reduce((n, d) => n + d.pages.length, 0);
    console.log(`OCR benchmark: ${pageCount} pages, ${parallel} parallel workers/processes\n${machine()}\n`);

    const ours = await runOurs(docs);
    const variants: { cut: string; run: Awaited<ReturnType<typeof runOurs>> }[] = [];
    for (const cut of variantNames) variants.push({ cut, run: await runOurs(docs, cut) });
    const native = await runNative(docs);
    let nativeBest: Awaited<ReturnType<typeof runNative>> | null = null;
    if (args.includes('--native-best')) {
      const td = path.join(dir, 'tessdata-best-int');
      mkdirSync(td);
      writeFileSync(path.join(td, 'eng.traineddata'), gunzipSync(readFileSync(path.join(defaultTessdataDir(), 'eng.traineddata.gz'))));
      nativeBest = await runNative(docs, td);
    }

    const rows = docs.map((d, i) => ({
      name: d.name,
      pages: d.pages.length,
      ours: characterErrorRate(d.reference, ours.texts[i]),
      variants: variants.map((v) => characterErrorRate(d.reference, v.run.texts[i])),
      native: characterErrorRate(d.reference, native.texts[i]),
      nativeBest: nativeBest ? characterErrorRate(d.reference, nativeBest.texts[i]) : null,
    }));
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
    const fixtureRows = rows.slice(0, fixture.length);
    const table = [
      `| document | pages | CER ours | CER native (Debian eng, fast) |${nativeBest ? ' CER native (our best_int model) |' : ''}`,
      `| --- | ---: | ---: | ---: |${nativeBest ? ' ---: |' : ''}`,
      ...rows.map((r) => `| ${r.name} | ${r.pages} | ${fmt(r.ours)} | ${fmt(r.native)} |${r.nativeBest !== null ? ` ${fmt(r.nativeBest)} |` : ''}`),
      ...(fixture.length
        ? [`| **mean of the ${fixture.length} fixture documents** | | **${fmt(mean(fixtureRows.map((r) => r.ours)))}** | **${fmt(mean(fixtureRows.map((r) => r.native)))}** |${nativeBest ? ` **${fmt(mean(fixtureRows.map((r) => r.nativeBest as number)))}** |` : ''}`]
        : []),
    ];
    const timing = [
      '| engine | wall s | CPU s | wall vs native | CPU vs native |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| ours (tesseract.js 7 wasm, best_int, preprocessing; ${ours.passes} passes) | ${secs(ours.wallMs)} | ${secs(ours.cpuMs)} | ${(ours.wallMs / native.wallMs).toFixed(2)}x | ${(ours.cpuMs / native.cpuMs).toFixed(2)}x |`,
      ...variants.map(
        (v, k) =>
          `| ours, ${v.cut} (${v.run.passes} passes; fixture mean CER ${fmt(mean(fixtureRows.map((r) => r.variants[k])))}) | ${secs(v.run.wallMs)} | ${secs(v.run.cpuMs)} | ${(v.run.wallMs / native.wallMs).toFixed(2)}x | ${(v.run.cpuMs / native.cpuMs).toFixed(2)}x |`,
      ),
      `| native tesseract ${nativeVersion()} (Debian eng) | ${secs(native.wallMs)} | ${secs(native.cpuMs)} | 1.00x | 1.00x |`,
      ...(nativeBest
        ? [`| native, our best_int model | ${secs(nativeBest.wallMs)} | ${secs(nativeBest.cpuMs)} | ${(nativeBest.wallMs / native.wallMs).toFixed(2)}x | ${(nativeBest.cpuMs / native.cpuMs).toFixed(2)}x |`]
        : []),
    ];
    const load = os.loadavg()[0].toFixed(1);
    console.log(table.join('\n') + '\n\n' + timing.join('\n') + `\n\n(1-minute load average at the end: ${load})`);
    if (!args.includes('--no-write')) writeResults(table, timing, pageCount, load);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function nativeVersion(): string {
  try {
    return /tesseract ([\d.]+)/.exec(execFileSync(NATIVE, ['--version'], { encoding: 'utf8' }))?.[1] ?? '';
  } catch {
    return '';
  }
}

function writeResults(table: string[], timing: string[], pageCount: number, load: string) {
  const file = path.join(ROOT, 'bench', 'RESULTS.md');
  const headings = ['## OCR', '## Search', '## Import memory'];
  let text = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmark results\n\n${headings.join('\n\n(not run yet)\n\n')}\n\n(not run yet)\n`;
  const section = [
    '## OCR',
    '',
    `\`npx tsx bench/ocr.ts\`, ${new Date().toISOString().slice(0, 10)}. Machine: ${machine()}.`,
    `${pageCount} page images (the dev-rivera image-only documents and a generated scanned packet), ` +
      `${parallel} tesseract.js workers vs ${parallel} native \`tesseract --psm 3\` processes (OMP_THREAD_LIMIT=1) on the same images. ` +
      `CER is Levenshtein / reference length on whitespace-normalised text, as ../shared/eval/score.py computes it. ` +
      `CPU time is shown beside wall time because the machine is shared (load average ${load} at the end of the run).`,
    '',
    ...table,
    '',
    ...timing,
    '',
  ].join('\n');
  const start = text.indexOf('## OCR');
  if (start < 0) text = text.trimEnd() + '\n\n' + section;
  else {
    const end = text.indexOf('\n## ', start + 1);
    text = text.slice(0, start) + section + (end >= 0 ? text.slice(end + 1) : '');
  }
  writeFileSync(file, text);
  console.log(`\nwrote ${path.relative(ROOT, file)}`);
}

await main();
