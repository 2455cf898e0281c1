// Case archive import memory (issue 17): peak resident memory of `casefile archive import` on an
// archive whose case holds one large original (a real PDF carrying --mb megabytes of random bytes,
// so nothing compresses), into a fresh data folder. Each run is a child process measured from /proc
// and by GNU time. Measured in the same run: the reference (the same import of an archive whose
// original is 1 MB: the command's own cost) and, given --before-cli, the same import by another build of the command
// (the one before the import streamed: `git archive <commit> | tar -x -C DIR`, then
// `node scripts/build-cli.mjs` there).
// Run: CASEFILE_KEY=... npx tsx bench/archive-memory.ts [--mb 100] [--runs 3] [--before-cli DIR/bin/casefile.mjs] [--no-write]
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportCaseArchive } from '../main/core/backup/archive';
import { importOne } from '../main/core/documents/import';
import { bootEngine } from '../main/engine/boot';
import { bulkyPdf } from '../tests/unit/backup/bulky-pdf';
import { runMeasured } from './support/memory';
import { REPO_ROOT, cliArgs, loadAverage, machineLine, writeResultsSection } from './support/report';

const args = cliArgs();
const sizeMb = Number(args.value('mb') ?? 100);
const after = path.join(REPO_ROOT, 'bin', 'casefile.mjs');
const before = args.value('before-cli');
const PASS = 'bench archive memory';
const runs = Number(args.value('runs') ?? 3);

async function makeArchive(file: string, mb: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'casefile-bench-archive-src-'));
  const engine = bootEngine({ dataDir, purpose: 'bench', resume: false });
  try {
    const { id } = (await engine.registry.call('cases.create' as never, { name: 'Archive bench' } as never, { core: engine.core, transport: 'cli' })) as { id: string };
    const pdf = await bulkyPdf(mb);
    const [r] = await importOne(engine.core, id, { fileName: 'scan.pdf', source: 'scan.pdf', read: () => pdf });
    if (r?.status !== 'imported') throw new Error(`the bench PDF was not imported: ${r?.message}`);
    exportCaseArchive(engine.core, id, file, PASS);
  } finally {
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs the command `runs` times, each into a fresh folder; the median peak and its range (GC timing moves a single run). */
async function measure(label: string, cli: string, command: string[]): Promise<string> {
  const peaks: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const target = mkdtempSync(path.join(os.tmpdir(), 'casefile-bench-archive-to-'));
    const run = await runMeasured(process.execPath, [cli, '--data-dir', target, ...command], { env: { CASEFILE_ARCHIVE_PASSPHRASE: PASS } });
    rmSync(target, { recursive: true, force: true });
    if (run.code !== 0) throw new Error(`${label} failed: ${run.stderr}`);
    peaks.push(Math.max(run.peakTreeRssMb, run.peakHwmMb, run.timeMaxRssMb ?? 0));
    cpu.push(run.cpuSeconds ?? NaN);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const line = `| ${label} | ${Math.round(median(peaks))} MB (${Math.round(Math.min(...peaks))}-${Math.round(Math.max(...peaks))}) | ${median(cpu).toFixed(1)} s |`;
  console.log(line);
  return line;
}

async function main() {
  const file = path.join(os.tmpdir(), `casefile-bench-archive-${sizeMb}mb.casefile`);
  if (!existsSync(file)) await makeArchive(file, sizeMb);
  const small = path.join(os.tmpdir(), 'casefile-bench-archive-1mb.casefile');
  if (!existsSync(small)) await makeArchive(small, 1);
  const header = `${machineLine()}; load ${loadAverage()}; archive ${(statSync(file).size / 2 ** 20).toFixed(1)} MB (one case, one ${sizeMb} MB original)`;
  console.log(`archive import memory: ${header}`);
  const lines = [`| run (${runs} each) | peak RSS, median (range) | CPU, median |`, '|---|---|---|'];
  lines.push(await measure('reference: the same import of a 1 MB original, streamed', after, ['archive', 'import', small, '--json']));
  if (before) lines.push(await measure('`casefile archive import`, before (originals gathered whole)', before, ['archive', 'import', file, '--json']));
  lines.push(await measure('`casefile archive import`, streamed', after, ['archive', 'import', file, '--json']));
  if (!args.flag('no-write')) {
    writeResultsSection('## Case archive import memory (issue 17)', [
      `Run: \`npx tsx bench/archive-memory.ts --mb ${sizeMb}${before ? ' --before-cli DIR/bin/casefile.mjs' : ''}\` (${new Date().toISOString().slice(0, 10)}). ${header}. Peak RSS is the largest of the process tree's sampled RSS, its VmHWM and GNU time's maximum; each run imports into a fresh data folder.`,
      '',
      ...lines,
    ]);
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
