// Runs `casefile` in a child process with tests/support/module-trace.mjs preloaded: what it wrote,
// and every module file it loaded (the packages by name), to check what a command loads and that it
// ran from the bundle in out/cli rather than from the sources through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './fixtures';

export const TRACE_PRELOAD = path.join(REPO_ROOT, 'tests/support/module-trace.mjs');

export interface TracedRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Every file loaded, as a path. */
  files: string[];
  /** Packages loaded from node_modules, by name ('pdfjs-dist', '@napi-rs/canvas'). */
  packages: Set<string>;
  /** Whether the command ran from out/cli's bundle (and not from the sources through tsx). */
  fromBundle: boolean;
}

/** Reads a trace file that module-trace.mjs wrote. */
export function readTrace(file: string): Pick<TracedRun, 'files' | 'packages' | 'fromBundle'> {
  const files = existsSync(file) ? [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))].map((l) => (l.startsWith('file://') ? fileURLToPath(l) : l)) : [];
  const packages = new Set(files.map((f) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((p): p is string => !!p));
  const bundle = path.join(REPO_ROOT, 'out/cli/main.mjs');
  return { files, packages, fromBundle: files.includes(bundle) && !packages.has('tsx') && !files.some((f) => f.endsWith('main/cli/main.ts')) };
}

export function runTracedCasefile(args: string[], opts: { dataDir: string; env?: NodeJS.ProcessEnv; timeout?: number }): TracedRun {
  const trace = path.join(mkdtempSync(path.join(os.tmpdir(), 'casefile-trace-')), 'modules.txt');
  const r = spawnSync(process.execPath, ['--import', TRACE_PRELOAD, path.join(REPO_ROOT, 'bin/casefile.mjs'), '--data-dir', opts.dataDir, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env, CASEFILE_MODULE_TRACE: trace },
    timeout: opts.timeout ?? 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ...readTrace(trace) };
}
