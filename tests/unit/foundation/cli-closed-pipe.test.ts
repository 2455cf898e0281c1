// `casefile cases list | head -1`: the reader closes the pipe before the command has written all it
// has. The command must end as it would have (exit code, work done), not with an unhandled EPIPE.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';
import { REPO_ROOT } from '../../support/fixtures';

/** Runs the command with its stdout closed by the reader before the first write. */
function runWithClosedStdout(args: string[], dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/casefile.mjs'), '--data-dir', dataDir, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('a reader that stops early', () => {
  it('leaves cases list and cases create ending as they would, the case created', async () => {
    const dataDir = tempDir();
    for (const name of ['Avery', 'Blake', 'Casey']) expect(runCasefile(['cases', 'create', '--name', name], { dataDir }).code).toBe(0);
    const listed = await runWithClosedStdout(['cases', 'list'], dataDir);
    expect(listed.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(listed.code).toBe(0);
    const created = await runWithClosedStdout(['cases', 'create', '--name', 'Drew'], dataDir);
    expect(created.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(created.code).toBe(0);
    expect(runCasefile(['cases', 'list'], { dataDir }).stdout).toMatch(/Drew/);
  });
});
