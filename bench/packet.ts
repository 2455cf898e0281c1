// Packet benchmark: a 500-page packet from generated exhibits, beside qpdf merging the same files and
// overlaying a Bates stamp page per page, in the same run. Each side runs in its own child process
// under /usr/bin/time -v so peak resident memory is measured the same way for both. Both sides run
// --runs times (default 3), alternating, and every figure is the median over the runs. The build's
// pagination check is timed apart: its phase inside the build, and the check alone in a process of
// its own (--check PACKET) for its own peak RSS.
//   npx tsx bench/packet.ts            (writes figures to stdout; --write replaces the "## Packet"
//                                       section of bench/RESULTS.md with them)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

const EXHIBITS = 50;
const PAGES_PER_EXHIBIT = 10;
const SCAN_EVERY = 3; // every third exhibit is a scan: one JPEG per page, as from a copier
const here = path.dirname(fileURLToPath(import.meta.url));

async function generateExhibits(dir: string): Promise<string[]> {
  const jpeg = await sharp({ create: { width: 1275, height: 1650, channels: 3, background: { r: 240, g: 240, b: 232 } } })
    .composite([{ input: Buffer.from(`<svg width="1275" height="1650"><text x="150" y="300" font-size="60">Scanned page</text>${Array.from({ length: 40 }, (_, i) => `<rect x="150" y="${400 + i * 28}" width="${600 + ((i * 97) % 400)}" height="12" fill="#333"/>`).join('')}</svg>`) }])
    .jpeg({ quality: 70 }).toBuffer();
  const files: string[] = [];
  for (let e = 0; e < EXHIBITS; e++) {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const image = e % SCAN_EVERY === 0 ? await doc.embedJpg(jpeg) : null;
    for (let p = 1; p <= PAGES_PER_EXHIBIT; p++) {
      const page = doc.addPage([612, 792]);
      if (image) { page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 }); continue; }
      page.drawText(`Exhibit ${e + 1}, page ${p}`, { x: 72, y: 720, size: 16, font });
      for (let line = 0; line < 40; line++) {
        page.drawText(`Line ${line + 1}: the student's goal data, service minutes and notes for this reporting period.`, { x: 72, y: 690 - line * 15, size: 10, font, color: rgb(0.1, 0.1, 0.1) });
      }
    }
    const file = path.join(dir, `exhibit-${String(e + 1).padStart(3, '0')}.pdf`);
    writeFileSync(file, await doc.save());
    files.push(file);
  }
  return files;
}

/** One page per Bates number, for qpdf's --overlay (page n of the overlay lands on page n). */
async function stampPages(file: string, pages: number): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) doc.addPage([612, 792]).drawText(`BENCH-${String(n).padStart(6, '0')}`, { x: 520, y: 10, size: 9, font });
  writeFileSync(file, await doc.save());
}

interface Measured { wallSeconds: number; cpuSeconds: number; maxRssMb: number }

function timed(cmd: string, args: string[]): Measured & { stdout: string } {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${cmd} failed: ${run.stderr}`);
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(run.stderr)?.[1] ?? NaN);
  const cpuSeconds = field('User time \\(seconds\\)') + field('System time \\(seconds\\)');
  return { wallSeconds, cpuSeconds, maxRssMb: field('Maximum resident set size \\(kbytes\\)') / 1024, stdout: run.stdout };
}

/** Child mode: build the packet from the exhibit files and print the build's own wall time. */
async function child(dir: string, out: string): Promise<void> {
  const { buildPacket } = await import('../main/core/packet/build');
  const files = readdirSync(dir).filter((f) => f.startsWith('exhibit-')).sort();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const cpuNow = () => { const c = process.cpuUsage(cpuBefore); return (c.user + c.system) / 1e6; };
  const phaseStart = new Map<string, { wall: number; cpu: number }>();
  let lastReading = { wall: started, cpu: 0 };
  const pdf = await buildPacket({
    case: { title: 'Benchmark v. District', studentName: 'Student', preparedBy: 'Bench', date: '2025-01-01' },
    bates: { prefix: 'BENCH-', start: 1, digits: 6, position: 'bottom-right' },
    labelStyle: 'P-1',
    sections: ['cover', 'toc', 'chronology', 'index', 'exhibits'],
    exhibits: files.map((f, i) => ({ description: `Generated exhibit ${i + 1}`, date: '2024-01-01', documentId: f, pdfBytes: new Uint8Array(readFileSync(path.join(dir, f))) })),
    findings: [],
    chronology: files.map((f, i) => ({ date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, event: `Event from exhibit ${i + 1}`, documentId: f, page: 1 })),
    goalCharts: [], scoreTrends: [], compEd: null,
  }, { onProgress: (p) => {
    if (!phaseStart.has(p.phase)) phaseStart.set(p.phase, { wall: performance.now(), cpu: cpuNow() });
    if (p.phase === 'reading') lastReading = { wall: performance.now(), cpu: cpuNow() };
  } });
  const end = { wall: performance.now(), cpu: cpuNow() };
  const exhibitsAt = phaseStart.get('exhibits') ?? end;
  // The pagination check reads the saved packet back: from its phase to the end.
  const checkAt = phaseStart.get('checking') ?? end;
  const checkSeconds = (end.wall - checkAt.wall) / 1000;
  const checkCpuSeconds = end.cpu - checkAt.cpu;
  // The part qpdf also does: read the exhibits, then copy, stamp and write the pages.
  const mergeSeconds = ((lastReading.wall - started) + (checkAt.wall - exhibitsAt.wall)) / 1000;
  const mergeCpuSeconds = lastReading.cpu + (checkAt.cpu - exhibitsAt.cpu);
  const frontMatterSeconds = (exhibitsAt.wall - lastReading.wall) / 1000;
  const frontMatterCpuSeconds = exhibitsAt.cpu - lastReading.cpu;
  writeFileSync(out, pdf);
  console.log(JSON.stringify({ innerSeconds: (end.wall - started) / 1000, innerCpuSeconds: end.cpu, mergeSeconds, mergeCpuSeconds, frontMatterSeconds, frontMatterCpuSeconds, checkSeconds, checkCpuSeconds, bytes: pdf.byteLength }));
}

/** Child mode: the pagination check alone on a built packet, in its own process (its own peak RSS). */
async function checkChild(file: string): Promise<void> {
  const { checkPagination } = await import('../main/core/packet/pagination-check');
  const pdf = new Uint8Array(readFileSync(file));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = await checkPagination(pdf, { prefix: 'BENCH-', start: 1, digits: 6, position: 'bottom-right' });
  const cpu = process.cpuUsage(cpuBefore);
  if (!report.ok) throw new Error(`The bench packet fails its check: ${report.defects.join('; ')}`);
  console.log(JSON.stringify({ checkSeconds: (performance.now() - started) / 1000, checkCpuSeconds: (cpu.user + cpu.system) / 1e6 }));
}

interface Inner { innerSeconds: number; innerCpuSeconds: number; mergeSeconds: number; mergeCpuSeconds: number; frontMatterSeconds: number; frontMatterCpuSeconds: number; checkSeconds: number; checkCpuSeconds: number; bytes: number }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of each numeric field over the runs (fields taken separately). */
function medians<T extends object>(runs: T[]): T {
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => Number(r[k as keyof T])))])) as T;
}

/** Replaces the "## Packet" section (up to the next "## " heading) of the results file, or appends it. */
function writeSection(file: string, section: string): void {
  let text = '';
  try { text = readFileSync(file, 'utf8'); } catch { /* a new results file */ }
  const start = text.search(/^## Packet\s*$/m);
  if (start < 0) { writeFileSync(file, `${text.trimEnd()}\n\n${section}`); return; }
  const next = text.slice(start + 1).search(/^## /m);
  const end = next < 0 ? text.length : start + 1 + next;
  writeFileSync(file, `${text.slice(0, start)}${section}${next < 0 ? '' : '\n'}${text.slice(end)}`);
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg()[0];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'packet-bench-'));
  try {
    const files = await generateExhibits(dir);
    const pages = EXHIBITS * PAGES_PER_EXHIBIT;
    await stampPages(path.join(dir, 'stamps.pdf'), pages);
    const inputMb = files.reduce((a, f) => a + readFileSync(f).byteLength, 0) / 1e6;

    const runsAt = process.argv.indexOf('--runs');
    const runs = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1])) : 3;
    const tsx = path.join(here, '..', 'node_modules', '.bin', 'tsx');
    // This file bundled (packages external, as scripts/build-cli.mjs bundles the app), run by plain node:
    // under tsx every package is loaded through its transform, which alone costs pdf.js over a second of CPU.
    const bundled = path.join(here, '..', 'node_modules', '.cache', 'bench-packet.mjs');
    buildSync({ entryPoints: [fileURLToPath(import.meta.url)], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundled, logLevel: 'warning' });
    const rounds: Array<{ qpdfMerge: Measured; qpdfStamp: Measured; ours: Measured; inner: Inner; check: Measured; checkInner: { checkSeconds: number; checkCpuSeconds: number }; bundled: { build: Measured; inner: Inner; check: Measured; checkInner: { checkSeconds: number; checkCpuSeconds: number } } }> = [];
    for (let r = 0; r < runs; r++) {
      const qm = timed('qpdf', ['--empty', '--pages', ...files, '--', path.join(dir, 'merged.pdf')]);
      const qs = timed('qpdf', [path.join(dir, 'merged.pdf'), '--overlay', path.join(dir, 'stamps.pdf'), '--', path.join(dir, 'qpdf-out.pdf')]);
      const o = timed(tsx, [fileURLToPath(import.meta.url), '--child', dir, path.join(dir, 'packet.pdf')]);
      const inner = JSON.parse(o.stdout.trim().split('\n').at(-1)!) as Inner;
      const c = timed(tsx, [fileURLToPath(import.meta.url), '--check', path.join(dir, 'packet.pdf')]);
      const checkInner = JSON.parse(c.stdout.trim().split('\n').at(-1)!) as { checkSeconds: number; checkCpuSeconds: number };
      const b = timed(process.execPath, [bundled, '--child', dir, path.join(dir, 'packet-bundled.pdf')]);
      const bInner = JSON.parse(b.stdout.trim().split('\n').at(-1)!) as Inner;
      const bc = timed(process.execPath, [bundled, '--check', path.join(dir, 'packet-bundled.pdf')]);
      const bcInner = JSON.parse(bc.stdout.trim().split('\n').at(-1)!) as { checkSeconds: number; checkCpuSeconds: number };
      const pick = (m: Measured): Measured => ({ wallSeconds: m.wallSeconds, cpuSeconds: m.cpuSeconds, maxRssMb: m.maxRssMb });
      rounds.push({ qpdfMerge: pick(qm), qpdfStamp: pick(qs), ours: pick(o), inner, check: pick(c), checkInner, bundled: { build: pick(b), inner: bInner, check: pick(bc), checkInner: bcInner } });
    }
    const qpdfMerge = medians(rounds.map((r) => r.qpdfMerge));
    const qpdfStamp = medians(rounds.map((r) => r.qpdfStamp));
    const ours = medians(rounds.map((r) => r.ours));
    const inner = medians(rounds.map((r) => r.inner));
    const check = medians(rounds.map((r) => r.check));
    const checkInner = medians(rounds.map((r) => r.checkInner));
    const buildCpu = median(rounds.map((r) => r.inner.innerCpuSeconds - r.inner.checkCpuSeconds));
    const bBuild = medians(rounds.map((r) => r.bundled.build));
    const bInner = medians(rounds.map((r) => r.bundled.inner));
    const bCheck = medians(rounds.map((r) => r.bundled.check));
    const bCheckInner = medians(rounds.map((r) => r.bundled.checkInner));
    const bBuildCpu = median(rounds.map((r) => r.bundled.inner.innerCpuSeconds - r.bundled.inner.checkCpuSeconds));
    const qpdfSeconds = median(rounds.map((r) => r.qpdfMerge.wallSeconds + r.qpdfStamp.wallSeconds));
    const qpdfCpu = median(rounds.map((r) => r.qpdfMerge.cpuSeconds + r.qpdfStamp.cpuSeconds));
    const cpuRatios = rounds.map((r) => r.inner.innerCpuSeconds / (r.qpdfMerge.cpuSeconds + r.qpdfStamp.cpuSeconds));
    const wallRatios = rounds.map((r) => r.inner.innerSeconds / (r.qpdfMerge.wallSeconds + r.qpdfStamp.wallSeconds));
    const outPages = (await PDFDocument.load(readFileSync(path.join(dir, 'packet.pdf')))).getPageCount();
    const qpdfVersion = execFileSync('qpdf', ['--version'], { encoding: 'utf8' }).split('\n')[0];

    const ratio = inner.innerSeconds / qpdfSeconds;
    const lines = [
      '## Packet',
      '',
      `Run ${new Date().toISOString().slice(0, 10)}, median of ${runs} alternating runs of each side, on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${qpdfVersion}; load average at start ${loadAtStart.toFixed(1)} (other jobs share the machine, so times vary run to run).`,
      `Input: ${EXHIBITS} generated exhibits x ${PAGES_PER_EXHIBIT} pages = ${pages} pages (every ${SCAN_EVERY}rd exhibit a JPEG scan), ${inputMb.toFixed(1)} MB.`,
      '',
      '| Tool | Work | Wall time | CPU time | Peak RSS |',
      '|---|---|---|---|---|',
      `| qpdf | merge ${EXHIBITS} files | ${qpdfMerge.wallSeconds.toFixed(2)} s | ${qpdfMerge.cpuSeconds.toFixed(2)} s | ${qpdfMerge.maxRssMb.toFixed(0)} MB |`,
      `| qpdf | overlay ${pages} Bates stamp pages | ${qpdfStamp.wallSeconds.toFixed(2)} s | ${qpdfStamp.cpuSeconds.toFixed(2)} s | ${qpdfStamp.maxRssMb.toFixed(0)} MB |`,
      `| qpdf | total | ${qpdfSeconds.toFixed(2)} s | ${qpdfCpu.toFixed(2)} s | ${Math.max(qpdfMerge.maxRssMb, qpdfStamp.maxRssMb).toFixed(0)} MB |`,
      `| buildPacket | front matter + ${EXHIBITS} slip sheets + ${pages} stamped pages, outline, links (${outPages} pages, ${(inner.bytes / 1e6).toFixed(1)} MB), then its pagination check | ${inner.innerSeconds.toFixed(2)} s build (${ours.wallSeconds.toFixed(2)} s with process start) | ${inner.innerCpuSeconds.toFixed(2)} s build (${ours.cpuSeconds.toFixed(2)} s process) | ${ours.maxRssMb.toFixed(0)} MB |`,
      `| of which | the pagination check (phase 'checking' to the end) | ${inner.checkSeconds.toFixed(2)} s | ${inner.checkCpuSeconds.toFixed(2)} s | |`,
      `| checkPagination | the same check alone on the built packet, own process | ${checkInner.checkSeconds.toFixed(2)} s (${check.wallSeconds.toFixed(2)} s with process start) | ${checkInner.checkCpuSeconds.toFixed(2)} s (${check.cpuSeconds.toFixed(2)} s process) | ${check.maxRssMb.toFixed(0)} MB |`,
      `| buildPacket, bundled | the same build and check, this file bundled by esbuild and run by node (as the app runs) | ${bInner.innerSeconds.toFixed(2)} s build (${bBuild.wallSeconds.toFixed(2)} s process) | ${bInner.innerCpuSeconds.toFixed(2)} s build (${bBuild.cpuSeconds.toFixed(2)} s process) | ${bBuild.maxRssMb.toFixed(0)} MB |`,
      `| of which | the pagination check | ${bInner.checkSeconds.toFixed(2)} s | ${bInner.checkCpuSeconds.toFixed(2)} s | |`,
      `| checkPagination, bundled | the check alone, own process | ${bCheckInner.checkSeconds.toFixed(2)} s (${bCheck.wallSeconds.toFixed(2)} s process) | ${bCheckInner.checkCpuSeconds.toFixed(2)} s (${bCheck.cpuSeconds.toFixed(2)} s process) | ${bCheck.maxRssMb.toFixed(0)} MB |`,
      '',
      `Build without the check: ${buildCpu.toFixed(2)} s CPU, ${(buildCpu / qpdfCpu).toFixed(2)}x qpdf's; the check ${inner.checkCpuSeconds.toFixed(2)} s CPU inside the build. Bundled: build ${bBuildCpu.toFixed(2)} s CPU (${(bBuildCpu / qpdfCpu).toFixed(2)}x qpdf's), check ${bInner.checkCpuSeconds.toFixed(2)} s, together ${(bInner.innerCpuSeconds / qpdfCpu).toFixed(2)}x qpdf's CPU.`,
      `Of the build: ${inner.frontMatterCpuSeconds.toFixed(2)} s CPU (${inner.frontMatterSeconds.toFixed(2)} s wall) laying out the front matter and slip sheets (one pass); ${inner.mergeCpuSeconds.toFixed(2)} s CPU (${inner.mergeSeconds.toFixed(2)} s wall) reading, stamping and writing the exhibit pages (the work qpdf does), ${(inner.mergeCpuSeconds / qpdfCpu).toFixed(2)}x qpdf's CPU time.`,
      `Ratio buildPacket / qpdf (medians): ${ratio.toFixed(2)}x wall, ${(inner.innerCpuSeconds / qpdfCpu).toFixed(2)}x CPU (target <= 3x); per run: ${cpuRatios.map((x) => x.toFixed(2)).join(', ')}x CPU, ${wallRatios.map((x) => x.toFixed(2)).join(', ')}x wall. Peak RSS ${ours.maxRssMb.toFixed(0)} MB (target < 1024 MB).`,
      '',
    ];
    console.log(lines.join('\n'));
    if (process.argv.includes('--write')) writeSection(path.join(here, 'RESULTS.md'), lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --generate DIR writes the exhibits only, for profiling the child by hand:
//   npx tsx bench/packet.ts --generate /tmp/x && node --cpu-prof --import tsx bench/packet.ts --child /tmp/x /tmp/x/packet.pdf
const childAt = process.argv.indexOf('--child');
const generateAt = process.argv.indexOf('--generate');
const checkAt = process.argv.indexOf('--check');
if (childAt > 0) await child(process.argv[childAt + 1], process.argv[childAt + 2]);
else if (checkAt > 0) await checkChild(process.argv[checkAt + 1]);
else if (generateAt > 0) await generateExhibits(process.argv[generateAt + 1]);
else await main();
