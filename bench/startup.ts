// Benchmark (issue 21): how quickly `casefile` starts and how small it stays. Each figure is a new
// process (cold start), wall time and peak RSS, the median of --runs runs taken round-robin so
// every command sees the same load; beside them, references measured in the same run: bare
// `node -e` opening the same database with better-sqlite3 and running the case list's query, and
// bare `node -e 0`. Commands: `casefile --version`, `casefile cases list` on a data folder with 50
// cases, `casefile import` of a one-page text PDF (a fresh copy of a one-case folder each run), and
// `casefile serve` until its first HTTP answer (RSS then). When the CLI bundle is built, the same
// commands also run from the TypeScript sources through tsx (CASEFILE_FROM_SOURCE=1), which is what
// every command paid before the bundle.
// Also `casefile --help`, and the desktop app's engine process (out/main/engine.cjs, built here into
// a folder of its own) from its start to its ready message and its RSS idle after a first call, as
// the host's RSS idle after its first answer. --no-source leaves out the runs from the sources.
// Run: npm run bench -- startup [--runs 7] [--label "after"] [--no-source] [--no-write]
import { fork, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { openCore } from '../main/core/context';
import { createCase } from '../main/core/cases';
import { runMeasured, type MeasuredRun } from './support/memory';
import { REPO_ROOT, cliArgs, loadAverage, machineLine, writeResultsSection } from './support/report';

// The data folders made here are encrypted as the app's are: with the run's own key unless one is given.
process.env.CASEFILE_KEY ??= randomBytes(32).toString('hex');
const args = cliArgs();
const runs = Number(args.value('runs') ?? 7);
const label = args.value('label') ?? (existsSync(path.join(REPO_ROOT, 'out/cli/main.mjs')) ? 'bundled CLI' : 'CLI from source');
const BIN = path.join(REPO_ROOT, 'bin', 'casefile.mjs');
const bundled = existsSync(path.join(REPO_ROOT, 'out/cli/main.mjs'));
const fromSource = bundled && !args.flag('no-source');
/** How long the host and the engine are left idle after their first answer before their RSS is read. */
const IDLE_MS = 3000;

const work = mkdtempSync(path.join(os.tmpdir(), 'casefile-bench-startup-'));
const fiftyCases = path.join(work, 'fifty');
const oneCase = path.join(work, 'one');

function makeFolder(dir: string, count: number): void {
  const core = openCore({ dataDir: dir });
  for (let i = 1; i <= count; i++) createCase(core, { name: `Student ${String(i).padStart(2, '0')}`, state: 'CA', school: `School ${i % 7}`, district: 'Unified' });
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  void core.close();
}

/** One Letter page of typeset text: a progress note with a goal and its data. */
function onePagePdf(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 72 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => (writeFileSync(file, Buffer.concat(chunks)), resolve()));
    doc.on('error', reject);
    doc.fontSize(16).text('Progress Report on Annual Goals', { align: 'center' }).moveDown();
    doc.fontSize(11).text('Student: Student 01    School: School 1    Reporting period: 10/01/2025 - 12/19/2025').moveDown();
    doc.text('Goal 1 (Reading fluency): By 05/15/2026, given a grade-level passage, the student will read 90 words correct per minute with 95% accuracy, as measured by curriculum-based probes. Baseline: 48 WCPM.').moveDown();
    for (const [d, v] of [['10/06/2025', 52], ['10/27/2025', 55], ['11/17/2025', 54], ['12/08/2025', 58]]) doc.text(`${d}    ${v} WCPM`);
    doc.moveDown().text('Progress code: SP (sufficient progress). The student is working on phrasing and self-correction.');
    doc.end();
  });
}

interface Variant {
  name: string;
  command: string;
  args: () => string[];
  env?: NodeJS.ProcessEnv;
  /** Runs before each measured run, not measured (a fresh data folder for the import). */
  prepare?: () => void;
}

const pdf = path.join(work, 'progress-note.pdf');
const importDir = path.join(work, 'import-run');

/**
 * The reference opens the same encrypted database as the app does (better-sqlite3-multiple-ciphers,
 * SQLCipher 4, the database key derived from CASEFILE_KEY as main/core/vault/vault.ts derives it).
 */
const referenceQuery = [
  'const D=require(process.argv[1]);const c=require("crypto");',
  'const k=Buffer.from(c.hkdfSync("sha256",Buffer.from(process.env.CASEFILE_KEY,"hex"),Buffer.alloc(0),"iep-casefile database v1",32));',
  'const db=new D(process.argv[2],{readonly:true});db.pragma("cipher = \'sqlcipher\'");db.pragma("legacy = 4");db.pragma("key = "+JSON.stringify("x\'"+k.toString("hex")+"\'"));',
  'const rows=db.prepare("SELECT c.id,c.name,c.state,(SELECT count(*) FROM documents d WHERE d.case_id=c.id AND d.deleted_at IS NULL) n FROM cases c ORDER BY c.created_at DESC").all();console.log(rows.length+" cases")',
].join('');

/**
 * Others may edit the sources while this runs (the bin would then rebuild the bundle inside a
 * measured run): bring the bundle up to date first, unmeasured.
 */
function bundleUpToDate(): void {
  if (bundled) spawnSync(process.execPath, ['--input-type=module', '-e', "await (await import('./scripts/cli-bundle.mjs')).cliModuleUrl()"], { cwd: REPO_ROOT, stdio: 'inherit' });
}

function cliVariants(source: boolean): Variant[] {
  const env = source ? { CASEFILE_FROM_SOURCE: '1' } : undefined;
  const from = source ? 'from source (tsx)' : bundled ? '(bundle)' : '';
  const ready = source ? undefined : bundleUpToDate;
  return [
    { name: `casefile --version ${from}`.trim(), command: process.execPath, args: () => [BIN, '--version'], env, prepare: ready },
    { name: `casefile --help ${from}`.trim(), command: process.execPath, args: () => [BIN, '--help'], env, prepare: ready },
    { name: `casefile cases list, 50 cases ${from}`.trim(), command: process.execPath, args: () => [BIN, '--data-dir', fiftyCases, 'cases', 'list'], env, prepare: ready },
    {
      name: `casefile import, 1-page text PDF ${from}`.trim(),
      command: process.execPath,
      args: () => [BIN, '--data-dir', importDir, 'import', '--case', 'Student 01', pdf],
      env,
      prepare: () => {
        ready?.();
        rmSync(importDir, { recursive: true, force: true });
        cpSync(oneCase, importDir, { recursive: true });
      },
    },
  ];
}

const variants: Variant[] = [
  { name: 'reference: node -e 0', command: process.execPath, args: () => ['-e', '0'] },
  { name: 'reference: node -e better-sqlite3-multiple-ciphers query (encrypted), 50 cases', command: process.execPath, args: () => ['-e', referenceQuery, createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers'), path.join(fiftyCases, 'casefile.sqlite')] },
  ...cliVariants(false),
  ...(fromSource ? cliVariants(true) : []),
];

const rssMbOf = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0) / 1024;

/** `casefile serve` until its first answer over HTTP: wall time and the process's RSS then, and idle after. */
async function hostFirstResponse(env?: NodeJS.ProcessEnv): Promise<{ ms: number; rssMb: number; idleMb: number }> {
  const dir = path.join(work, 'host-run');
  rmSync(dir, { recursive: true, force: true });
  cpSync(oneCase, dir, { recursive: true });
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, '--data-dir', dir, 'serve'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/running at (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`casefile serve exited (${code}) before answering: ${out}`)));
  });
  const { origin, hash } = new URL(url);
  const res = await fetch(`${origin}/api/call/app.info`, { method: 'POST', headers: { authorization: `Bearer ${hash.replace('#token=', '')}` } });
  await res.text();
  const ms = performance.now() - started;
  const rss = rssMbOf(child.pid!);
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const idle = rssMbOf(child.pid!);
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  if (!res.ok) throw new Error(`casefile serve answered ${res.status}`);
  return { ms, rssMb: rss, idleMb: idle };
}

/** The desktop build's engine bundle, built apart (two folders below the project, as its paths expect). */
const engineOut = path.join(REPO_ROOT, 'out', `engine-bench-${process.pid}`);

/**
 * The desktop app's engine process, as its main process starts it (a forked child, IPC messages):
 * wall time from the fork to its ready message, its RSS then, and idle after a first call.
 */
async function engineIdle(): Promise<{ ms: number; rssMb: number; idleMb: number }> {
  const dir = path.join(work, 'engine-run');
  rmSync(dir, { recursive: true, force: true });
  cpSync(oneCase, dir, { recursive: true });
  const started = performance.now();
  // execArgv: [] (fork would pass on this process's tsx loader, which the app's engine never has).
  const child = fork(path.join(engineOut, 'engine.cjs'), [`--data-dir=${dir}`], { cwd: REPO_ROOT, execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ms = 0;
  let rssMb = 0;
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: { t: string }) => {
      if (m.t === 'ready') {
        ms = performance.now() - started;
        rssMb = rssMbOf(child.pid!);
        child.send({ t: 'call', id: 1, name: 'cases.list', args: {} });
      }
      if (m.t === 'result') resolve();
      if (m.t === 'failed') reject(new Error(`the engine failed: ${JSON.stringify(m)}`));
    });
    child.once('exit', (code) => reject(new Error(`the engine exited (${code}) before answering`)));
  });
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const idleMb = rssMbOf(child.pid!);
  child.send({ t: 'stop' });
  await exited;
  return { ms, rssMb, idleMb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const peakMb = (r: MeasuredRun) => r.timeMaxRssMb ?? r.peakHwmMb;

async function main(): Promise<void> {
  makeFolder(fiftyCases, 50);
  makeFolder(oneCase, 1);
  await onePagePdf(pdf);
  const loadBefore = loadAverage();
  console.log(`${runs} runs of each, round-robin; load average ${loadBefore} at start; ${bundled ? 'CLI bundle built (out/cli)' : 'no CLI bundle: bin/casefile.mjs runs the sources'}`);

  const results = new Map<string, MeasuredRun[]>(variants.map((v) => [v.name, []]));
  const hostRuns: Record<string, { ms: number; rssMb: number; idleMb: number }[]> = { bin: [], source: [] };
  const engineRuns: { ms: number; rssMb: number; idleMb: number }[] = [];
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--outdir', engineOut], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the desktop engine failed:\n${built.stderr}`);
  for (let i = 0; i < runs; i++) {
    for (const v of variants) {
      v.prepare?.();
      const r = await runMeasured(v.command, v.args(), { cwd: REPO_ROOT, intervalMs: 20, env: v.env });
      if (r.code !== 0) throw new Error(`${v.name} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
      results.get(v.name)!.push(r);
    }
    bundleUpToDate();
    hostRuns.bin.push(await hostFirstResponse());
    if (fromSource) hostRuns.source.push(await hostFirstResponse({ CASEFILE_FROM_SOURCE: '1' }));
    engineRuns.push(await engineIdle());
    process.stdout.write(`  run ${i + 1}/${runs} done (load ${loadAverage()})\n`);
  }
  const loadAfter = loadAverage();

  const rows = variants.map((v) => {
    const rs = results.get(v.name)!;
    const cpu = rs.every((r) => r.cpuSeconds !== null) ? `${median(rs.map((r) => r.cpuSeconds!)).toFixed(2)} s` : 'n/a';
    return `| ${v.name} | ${(median(rs.map((r) => r.wallMs)) / 1000).toFixed(2)} s | ${cpu} | ${Math.round(median(rs.map(peakMb)))} MB | ${(Math.min(...rs.map((r) => r.wallMs)) / 1000).toFixed(2)}-${(Math.max(...rs.map((r) => r.wallMs)) / 1000).toFixed(2)} s |`;
  });
  const hostRow = (name: string, xs: { ms: number; rssMb: number; idleMb: number }[], at: string) =>
    `| ${name} | ${(median(xs.map((x) => x.ms)) / 1000).toFixed(2)} s | n/a | ${Math.round(median(xs.map((x) => x.rssMb)))} MB (RSS ${at}), ${Math.round(median(xs.map((x) => x.idleMb)))} MB idle ${IDLE_MS / 1000} s after its first answer | ${(Math.min(...xs.map((x) => x.ms)) / 1000).toFixed(2)}-${(Math.max(...xs.map((x) => x.ms)) / 1000).toFixed(2)} s |`;
  rows.push(hostRow(`casefile serve, to first API answer ${bundled ? '(bundle)' : ''}`.trim(), hostRuns.bin, 'at the answer'));
  if (fromSource) rows.push(hostRow('casefile serve, to first API answer from source (tsx)', hostRuns.source, 'at the answer'));
  rows.push(hostRow('desktop engine process (out/main/engine.cjs), to its ready message', engineRuns, 'when ready'));

  const body = [
    `\`npm run bench -- startup\`, ${new Date().toISOString().slice(0, 10)}, ${label}. Machine: ${machineLine()}; load average ${loadBefore} at start, ${loadAfter} at the end (a shared machine: wall times swing with the load, CPU time less so).`,
    `Each figure is the median of ${runs} cold runs (a new process each), taken round-robin with the references; peak RSS is GNU time's maximum resident set size. Targets (issue 21): cases list <= 150 ms and <= 90 MB; a one-page text import <= 0.6 s and <= 250 MB; the host or the engine idle <= 120 MB after start.`,
    '',
    '| command | wall (median) | CPU (median) | peak RSS (median) | wall range |',
    '|---|---|---|---|---|',
    ...rows,
  ];
  console.log(['', ...body].join('\n'));
  if (!args.flag('no-write')) writeResultsSection(`## Start-up: ${label}`, body);
}

try {
  await main();
} finally {
  // Also when a run fails: the data folders and the engine built for the run go.
  rmSync(work, { recursive: true, force: true });
  rmSync(engineOut, { recursive: true, force: true });
}
