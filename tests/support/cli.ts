// Runs the real `casefile` command in a child process.
import { spawnSync } from 'node:child_process';
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
