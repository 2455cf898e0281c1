// Packet benchmark: a 500-page packet from generated exhibits, beside qpdf merging the same files and
// overlaying a Bates stamp page per page, in the same run. Each side runs in its own child process
// under /usr/bin/time -v so peak resident memory is measured the same way for both.
//   npx tsx bench/packet.ts            (writes figures to stdout; --write appends them to bench/RESULTS.md)
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  const phaseStart = new Map<string, number>();
  let lastReading = started;
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
    if (!phaseStart.has(p.phase)) phaseStart.set(p.phase, performance.now());
    if (p.phase === 'reading') lastReading = performance.now();
  } });
  const at = (phase: string) => phaseStart.get(phase) ?? performance.now();
  // The part qpdf also does: read the exhibits, then copy, stamp and write the pages.
  const mergeSeconds = ((lastReading - started) + (performance.now() - at('exhibits'))) / 1000;
  const frontMatterSeconds = (at('exhibits') - lastReading) / 1000;
  writeFileSync(out, pdf);
  const cpu = process.cpuUsage(cpuBefore);
  console.log(JSON.stringify({ innerSeconds: (performance.now() - started) / 1000, innerCpuSeconds: (cpu.user + cpu.system) / 1e6, mergeSeconds, frontMatterSeconds, bytes: pdf.byteLength }));
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg()[0];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'packet-bench-'));
  try {
    const files = await generateExhibits(dir);
    const pages = EXHIBITS * PAGES_PER_EXHIBIT;
    await stampPages(path.join(dir, 'stamps.pdf'), pages);
    const inputMb = files.reduce((a, f) => a + readFileSync(f).byteLength, 0) / 1e6;

    const qpdfMerge = timed('qpdf', ['--empty', '--pages', ...files, '--', path.join(dir, 'merged.pdf')]);
    const qpdfStamp = timed('qpdf', [path.join(dir, 'merged.pdf'), '--overlay', path.join(dir, 'stamps.pdf'), '--', path.join(dir, 'qpdf-out.pdf')]);
    const qpdfSeconds = qpdfMerge.wallSeconds + qpdfStamp.wallSeconds;
    const qpdfCpu = qpdfMerge.cpuSeconds + qpdfStamp.cpuSeconds;

    const tsx = path.join(here, '..', 'node_modules', '.bin', 'tsx');
    const ours = timed(tsx, [fileURLToPath(import.meta.url), '--child', dir, path.join(dir, 'packet.pdf')]);
    const inner = JSON.parse(ours.stdout.trim().split('\n').at(-1)!) as { innerSeconds: number; innerCpuSeconds: number; mergeSeconds: number; frontMatterSeconds: number; bytes: number };
    const outPages = (await PDFDocument.load(readFileSync(path.join(dir, 'packet.pdf')))).getPageCount();
    const qpdfVersion = execFileSync('qpdf', ['--version'], { encoding: 'utf8' }).split('\n')[0];

    const ratio = inner.innerSeconds / qpdfSeconds;
    const lines = [
      '## Packet',
      '',
      `Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${qpdfVersion}; load average at start ${loadAtStart.toFixed(1)} (other jobs share the machine, so times vary run to run).`,
      `Input: ${EXHIBITS} generated exhibits x ${PAGES_PER_EXHIBIT} pages = ${pages} pages (every ${SCAN_EVERY}rd exhibit a JPEG scan), ${inputMb.toFixed(1)} MB.`,
      '',
      '| Tool | Work | Wall time | CPU time | Peak RSS |',
      '|---|---|---|---|---|',
      `| qpdf | merge ${EXHIBITS} files | ${qpdfMerge.wallSeconds.toFixed(2)} s | ${qpdfMerge.cpuSeconds.toFixed(2)} s | ${qpdfMerge.maxRssMb.toFixed(0)} MB |`,
      `| qpdf | overlay ${pages} Bates stamp pages | ${qpdfStamp.wallSeconds.toFixed(2)} s | ${qpdfStamp.cpuSeconds.toFixed(2)} s | ${qpdfStamp.maxRssMb.toFixed(0)} MB |`,
      `| qpdf | total | ${qpdfSeconds.toFixed(2)} s | ${qpdfCpu.toFixed(2)} s | ${Math.max(qpdfMerge.maxRssMb, qpdfStamp.maxRssMb).toFixed(0)} MB |`,
      `| buildPacket | front matter + ${EXHIBITS} slip sheets + ${pages} stamped pages, outline, links (${outPages} pages, ${(inner.bytes / 1e6).toFixed(1)} MB) | ${inner.innerSeconds.toFixed(2)} s build (${ours.wallSeconds.toFixed(2)} s with process start) | ${inner.innerCpuSeconds.toFixed(2)} s build (${ours.cpuSeconds.toFixed(2)} s process) | ${ours.maxRssMb.toFixed(0)} MB |`,
      '',
      `Of the build: ${inner.frontMatterSeconds.toFixed(2)} s laying out the front matter (twice, to settle page numbers) and slip sheets; ${inner.mergeSeconds.toFixed(2)} s reading, stamping and writing the exhibit pages (the work qpdf does), ${(inner.mergeSeconds / qpdfSeconds).toFixed(2)}x qpdf's wall time.`,
      `Ratio buildPacket / qpdf: ${ratio.toFixed(2)}x wall, ${(inner.innerCpuSeconds / qpdfCpu).toFixed(2)}x CPU (target <= 3x); peak RSS ${ours.maxRssMb.toFixed(0)} MB (target < 1024 MB).`,
      '',
    ];
    console.log(lines.join('\n'));
    if (process.argv.includes('--write')) appendFileSync(path.join(here, 'RESULTS.md'), `\n${lines.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt > 0) await child(process.argv[childAt + 1], process.argv[childAt + 2]);
else await main();
