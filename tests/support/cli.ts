// Runs the real `casefile` command in a child process.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './fixtures';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCasefile(args: string[], opts: { dataDir: string; input?: string; env?: NodeJS.ProcessEnv; timeout?: number }): CliResult {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/casefile.mjs'), '--data-dir', opts.dataDir, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    input: opts.input,
    env: { ...process.env, ...opts.env },
    timeout: opts.timeout ?? 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface RunningCasefile {
  readonly pid: number;
  /** Everything written so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves once stdout or stderr matches, or the process has ended (then with false). */
  waitFor(pattern: RegExp): Promise<boolean>;
  /** The exit code (-1 when killed by a signal), with everything it wrote. */
  readonly done: Promise<CliResult>;
  kill(signal?: NodeJS.Signals): void;
}

/** Starts the real `casefile` command in a child process and returns at once. */
export function startCasefile(args: string[], opts: { dataDir: string; env?: NodeJS.ProcessEnv }): RunningCasefile {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/casefile.mjs'), '--data-dir', opts.dataDir, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers = new Set<() => void>();
  const changed = () => watchers.forEach((w) => w());
  child.stdout.on('data', (d: Buffer) => ((stdout += d), changed()));
  child.stderr.on('data', (d: Buffer) => ((stderr += d), changed()));
  let ended = false;
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code) => {
      ended = true;
      changed();
      resolve({ code: code ?? -1, stdout, stderr });
    }),
  );
  return {
    pid: child.pid!,
    output: () => ({ stdout, stderr }),
    waitFor: (pattern) =>
      new Promise<boolean>((resolve) => {
        const check = () => {
          if (pattern.test(stdout) || pattern.test(stderr)) resolve(true);
          else if (ended) resolve(false);
          else return;
          watchers.delete(check);
        };
        watchers.add(check);
        check();
      }),
    done,
    kill: (signal = 'SIGTERM') => void child.kill(signal),
  };
}
