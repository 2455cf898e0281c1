// Case archive memory (issue 17): peak resident memory of `casefile archive import` (into a fresh
// data folder) and `casefile archive export` of a case that holds one large original (a real PDF
// carrying --mb megabytes of random bytes, so nothing compresses). Each run is a child process
// measured from /proc and by GNU time. Measured in the same run: the references (the same import and
// export of a case whose original is 1 MB: the command's own cost) and, given --before-cli, the
// same commands by the build before they streamed (`git archive <commit> | tar -x -C DIR`, then
// `node scripts/build-cli.mjs` there).
// Run: CASEFILE_KEY=... npx tsx bench/archive-memory.ts [--mb 100] [--runs 3] [--before-cli DIR/bin/casefile.mjs] [--no-write]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
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

/** A data folder with one case whose original is `mb` MB, and that case's archive at `file`. */
async function makeSource(file: string, mb: number): Promise<{ dataDir: string; caseId: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'casefile-bench-archive-src-'));
  const engine = bootEngine({ dataDir, purpose: 'bench', resume: false });
  try {
    const { id } = (await engine.registry.call('cases.create' as never, { name: 'Archive bench' } as never, { core: engine.core, transport: 'cli' })) as { id: string };
    const pdf = await bulkyPdf(mb);
    const [r] = await importOne(engine.core, id, { fileName: 'scan.pdf', source: 'scan.pdf', read: () => pdf });
    if (r?.status !== 'imported') throw new Error(`the bench PDF was not imported: ${r?.message}`);
    exportCaseArchive(engine.core, id, file, PASS);
    return { dataDir, caseId: id };
  } finally {
    await engine.stop();
  }
}

/**
 * Runs `casefile --data-dir DIR ...command` `runs` times (DIR a fresh folder unless given); the
 * median peak and its range (GC timing moves a single run).
 */
async function measure(label: string, cli: string, command: string[], dataDir?: string): Promise<string> {
  const peaks: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const target = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'casefile-bench-archive-to-'));
    const run = await runMeasured(process.execPath, [cli, '--data-dir', target, ...command], { env: { CASEFILE_ARCHIVE_PASSPHRASE: PASS } });
    if (!dataDir) rmSync(target, { recursive: true, force: true });
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
  const file = path.join(os.tmpdir(), `casefile-bench-archive-${process.pid}-${sizeMb}mb.casefile`);
  const small = path.join(os.tmpdir(), `casefile-bench-archive-${process.pid}-1mb.casefile`);
  const big = await makeSource(file, sizeMb);
  const little = await makeSource(small, 1);
  const out = path.join(os.tmpdir(), `casefile-bench-archive-${process.pid}-out.casefile`);
  try {
    const header = `${machineLine()}; load ${loadAverage()}; archive ${(statSync(file).size / 2 ** 20).toFixed(1)} MB (one case, one ${sizeMb} MB original)`;
    console.log(`archive memory: ${header}`);
    const lines = [`| run (${runs} each) | peak RSS, median (range) | CPU, median |`, '|---|---|---|'];
    const exportOf = (s: { caseId: string }) => ['archive', 'export', '--case', s.caseId, '--out', out, '--json'];
    lines.push(await measure('reference: import of a 1 MB original, streamed', after, ['archive', 'import', small, '--json']));
    if (before) lines.push(await measure('import, before (originals gathered whole)', before, ['archive', 'import', file, '--json']));
    lines.push(await measure('import, streamed', after, ['archive', 'import', file, '--json']));
    lines.push(await measure('reference: export of a 1 MB original, streamed', after, exportOf(little), little.dataDir));
    if (before) lines.push(await measure('export, before (each original opened whole)', before, exportOf(big), big.dataDir));
    lines.push(await measure('export, streamed', after, exportOf(big), big.dataDir));
    if (!args.flag('no-write')) {
      writeResultsSection('## Case archive memory (issue 17)', [
        `Run: \`npx tsx bench/archive-memory.ts --mb ${sizeMb} --runs ${runs}${before ? ' --before-cli DIR/bin/casefile.mjs' : ''}\` (${new Date().toISOString().slice(0, 10)}). ${header}. \`casefile archive import\` into a fresh data folder and \`casefile archive export\` of the case; peak RSS is the largest of the process tree's sampled RSS, its VmHWM and GNU time's maximum.`,
        '',
        ...lines,
      ]);
    }
  } finally {
    for (const f of [file, small, out]) rmSync(f, { force: true });
    for (const s of [big, little]) rmSync(s.dataDir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
