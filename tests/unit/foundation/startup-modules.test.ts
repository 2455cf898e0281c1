// Load on first use (issue 21): starting `casefile`, listing cases and starting the desktop engine
// process load none of the heavy packages; each is imported by the command or call that first
// needs it. What a process loads is read from a loader hook and require's cache
// (tests/support/module-trace.mjs), in a child process, from the bundles users run.
import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/core';
import { REPO_ROOT } from '../../support/fixtures';
import { typesetPages } from '../../support/synthetic-scan';
import { readTrace, runTracedCasefile, TRACE_PRELOAD } from '../../support/traced-cli';

/** pdf.js, OCR, images, canvas, PDF writing, Word, charts, email, zip, calendars and the host's server. */
const HEAVY = ['pdfjs-dist', 'tesseract.js', 'tesseract.js-core', 'sharp', '@img/sharp-linux-x64', '@napi-rs/canvas', 'pdfkit', 'pdf-lib', '@cantoo/pdf-lib', 'docx', 'echarts', 'mammoth', 'postal-mime', '@kenjiuno/msgreader', 'yauzl', 'utif2', 'heic-decode', 'ical.js', 'hono', '@hono/node-server', 'an-array-of-english-words'];
/** Loaded only for pages to recognise, or for other formats than PDF. */
const NOT_FOR_A_TEXT_PDF = ['tesseract.js', 'tesseract.js-core', 'sharp', 'pdf-lib', '@cantoo/pdf-lib', 'mammoth', 'postal-mime', '@kenjiuno/msgreader', 'yauzl', 'utif2', 'heic-decode', 'echarts', 'pdfkit', 'docx', 'hono'];

const heavyIn = (packages: Set<string>, list = HEAVY) => list.filter((p) => packages.has(p));

/**
 * The sources a run loaded from the bundle: esbuild heads each module it bundles with a comment
 * naming its source file, so the chunks of out/cli a run read say which of our modules (and of the
 * packages bundled in, zod) it initialised.
 */
function bundledSources(files: string[]): string[] {
  const outCli = path.join(REPO_ROOT, 'out', 'cli') + path.sep;
  const sources = new Set<string>();
  for (const f of files.filter((f) => f.startsWith(outCli) && f.endsWith('.mjs'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/^\/\/ ((?:main|shared|node_modules)\/\S+)$/gm)) sources.add(m[1]);
  }
  return [...sources];
}
/** The engine's boot, the pipeline and extraction, and the registry's handlers other than those named. */
const NOT_FOR_READING = (handlers: string[]) => (s: string) =>
  /^main\/core\/(extract|layout\/(?!types\.ts)|documents\/parse)\//.test(s) ||
  s === 'main/core/pipeline.ts' ||
  s === 'main/engine/boot.ts' ||
  (s.startsWith('main/ipc/') && !handlers.includes(s));

describe('what starting loads', () => {
  const dataDir = tempDir();

  it('--help and --version load no heavy package', () => {
    for (const args of [['--help'], ['--version'], ['cases', '--help']]) {
      const r = runTracedCasefile(args, { dataDir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.fromBundle).toBe(true);
      expect(heavyIn(r.packages), args.join(' ')).toEqual([]);
      // Neither zod nor the API table's schemas, nor the extraction: commands load their code when they run.
      const sources = bundledSources(r.files);
      expect(sources, 'the trace sees the bundle').toContain('main/cli/main.ts');
      expect(sources.filter((s) => s.startsWith('node_modules/zod/') || (s.startsWith('shared/api') && s !== 'shared/api/packet-sections.ts')), args.join(' ')).toEqual([]);
      // Not main/ipc/app.ts either (the version is read from package.json where the command line is built).
      expect(sources.filter(NOT_FOR_READING([])), args.join(' ')).toEqual([]);
    }
  });

  it('cases list opens the database and loads no heavy package', () => {
    expect(runTracedCasefile(['cases', 'create', '--name', 'Ana Ruiz'], { dataDir }).code).toBe(0);
    const r = runTracedCasefile(['cases', 'list'], { dataDir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Ana Ruiz/);
    expect(r.fromBundle).toBe(true);
    expect(r.packages.has('better-sqlite3-multiple-ciphers'), 'the trace sees what the command loads').toBe(true);
    expect(heavyIn(r.packages)).toEqual([]);
    // The cases.* handlers and the API table (its schemas built on first use: api-lazy.test.ts), not
    // the engine's boot, the pipeline, extraction or the other features' handlers.
    const sources = bundledSources(r.files);
    expect(sources).toContain('main/ipc/cases.ts');
    expect(sources.filter(NOT_FOR_READING(['main/ipc/registry.ts', 'main/ipc/cases.ts']))).toEqual([]);
    // Of the API table, only the cases.* calls' part (the registry is given that part alone).
    expect(sources.filter((s) => s.startsWith('shared/api') && !['shared/api/cases-api.ts', 'shared/api/cases.ts', 'shared/api/define.ts', 'shared/api/packet-sections.ts'].includes(s))).toEqual([]);
    // zod comes without its JSON Schema converters (scripts/build-cli.mjs): in the bundle they throw.
    expect(sources).toContain('node_modules/zod/v4/core/core.js');
    const loaded = r.files.filter((f) => f.startsWith(path.join(REPO_ROOT, 'out', 'cli')) && f.endsWith('.mjs')).map((f) => readFileSync(f, 'utf8'));
    expect(loaded.filter((text) => /function (toJSONSchema|fromJSONSchema|finalize|extractDefs)\(/.test(text))).toEqual([]);
  });

  it("the bundled zod still validates a call's arguments, with the API's messages", () => {
    const r = runTracedCasefile(['cases', 'create', '--name', '  ', '--state', 'ZZ'], { dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cases\.create: .*name: must not be empty/);
    expect(r.stderr).toMatch(/state: is not a US state or territory code/);
  });

  it('importing a text PDF loads pdf.js, and not OCR, images, PDF writing or the other formats', async () => {
    const pdf = path.join(tempDir(), 'letter.pdf');
    writeFileSync(pdf, await typesetPages([{ lines: ['Dear Ms. Ruiz,', 'Enclosed is the progress report for the first quarter.'] }]));
    const r = runTracedCasefile(['import', '--case', 'Ana Ruiz', pdf], { dataDir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.packages.has('pdfjs-dist'), 'pdf.js is imported by the first PDF').toBe(true);
    expect(heavyIn(r.packages, NOT_FOR_A_TEXT_PDF)).toEqual([]);
  });
});

describe('the desktop engine process', () => {
  // Built beside out/main (two folders below the project, as the bundle's paths expect), not over it.
  const outdir = path.join(REPO_ROOT, 'out', `engine-modules-test-${process.pid}`);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('starts (lock, database, recovery) and answers a call without loading a heavy package', async () => {
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--outdir', outdir], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const dataDir = tempDir();
    const trace = path.join(mkdtempSync(path.join(os.tmpdir(), 'casefile-trace-')), 'modules.txt');
    const child = fork(path.join(outdir, 'engine.cjs'), [`--data-dir=${dataDir}`], {
      cwd: REPO_ROOT,
      serialization: 'advanced',
      execArgv: ['--import', TRACE_PRELOAD],
      env: { ...process.env, CASEFILE_MODULE_TRACE: trace },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const answer = await new Promise<unknown>((resolve, reject) => {
      child.on('message', (m: { t: string; result?: unknown }) => {
        if (m.t === 'ready') child.send({ t: 'call', id: 1, name: 'cases.list', args: {} });
        if (m.t === 'result') resolve(m.result);
        if (m.t === 'failed') reject(new Error(JSON.stringify(m)));
      });
      child.on('exit', (code) => reject(new Error(`the engine exited (${code}) before answering`)));
    });
    expect(answer).toEqual({ ok: true, value: [] });
    child.send({ t: 'stop' });
    expect(await exited).toBe(0);
    const { packages } = readTrace(trace);
    expect(packages.has('better-sqlite3-multiple-ciphers')).toBe(true);
    expect(heavyIn(packages)).toEqual([]);
    expect(readFileSync(trace, 'utf8')).toContain(path.join(outdir, 'engine.cjs'));
  });
});
