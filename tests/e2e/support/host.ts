// Starts `casefile serve` as a real child process on a fresh data folder and reads its URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../support/fixtures';

export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function freshDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'casefile-e2e-'));
}

export function startHostProcess(dataDir = freshDataDir()): Promise<HostProcess> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/casefile.mjs'), '--data-dir', dataDir, 'serve'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}${err}`)), 60_000);
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${out}${err}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({
          url: `${m[1]}/#token=${m[2]}`,
          origin: m[1],
          token: m[2],
          dataDir,
          child,
          stop: () =>
            new Promise<void>((r) => {
              if (child.exitCode !== null) return r();
              child.once('exit', () => r());
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}
