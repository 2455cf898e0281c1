// `casefile import` (and `resume`), which may OCR on several threads, runs in a child process
// started with glibc's malloc arenas capped (MALLOC_ARENA_MAX=2: see bench/RESULTS.md, import
// memory); the parent passes its exit code and signals on. Other commands start as they are.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCasefile, startCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';
import { makePdf, textLines } from '../documents/make-files';

const linux = process.platform === 'linux' && existsSync('/proc/self/environ');
const unset = { MALLOC_ARENA_MAX: '' };

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map((l) => Number(l.trim())).filter(Boolean);
  } catch {
    return [];
  }
}

const environOf = (pid: number) => readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');

describe.runIf(linux)('the malloc arena cap for commands that may OCR', () => {
  it('runs an import in a child with MALLOC_ARENA_MAX=2, and passes its output and exit code on', async () => {
    const dataDir = tempDir();
    expect(runCasefile(['cases', 'create', '--name', 'Arena'], { dataDir, env: unset }).code).toBe(0);
    const file = path.join(tempDir(), 'notice.pdf');
    writeFileSync(file, await makePdf([textLines('Prior Written Notice\nThe district proposes to change speech services.')]));
    const running = startCasefile(['import', '--case', 'Arena', file], { dataDir, env: unset });
    // The child shows up while the parent waits; it carries the cap, the parent does not.
    let kids: number[] = [];
    for (let i = 0; i < 100 && !kids.length; i++) {
      kids = childrenOf(running.pid);
      if (!kids.length) await new Promise((r) => setTimeout(r, 20));
    }
    expect(kids.length).toBe(1);
    expect(environOf(kids[0])).toContain('MALLOC_ARENA_MAX=2');
    expect(environOf(kids[0])).toContain('MALLOC_MMAP_THRESHOLD_=131072');
    expect(environOf(running.pid)).not.toContain('MALLOC_ARENA_MAX=2');
    const done = await running.done;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/notice\.pdf/);
    const found = runCasefile(['search', '--case', 'Arena', 'speech'], { dataDir, env: unset });
    expect(found.stdout).toMatch(/notice\.pdf/);
    // A failing import fails the same way through the parent.
    const missing = runCasefile(['import', '--case', 'No such case', file], { dataDir, env: unset });
    const direct = runCasefile(['import', '--case', 'No such case', file], { dataDir, env: { MALLOC_ARENA_MAX: '2' } });
    expect(missing.code).not.toBe(0);
    expect(missing.code).toBe(direct.code);
    expect(missing.stderr).toBe(direct.stderr);
  });

  it('passes SIGTERM on to the import it started', async () => {
    const dataDir = tempDir();
    runCasefile(['cases', 'create', '--name', 'Arena'], { dataDir, env: unset });
    const file = path.join(tempDir(), 'notice.pdf');
    writeFileSync(file, await makePdf([textLines(Array.from({ length: 40 }, (_, i) => `Line ${i} of a notice`).join('\n'))]));
    const running = startCasefile(['import', '--case', 'Arena', file], { dataDir, env: unset });
    let kids: number[] = [];
    for (let i = 0; i < 100 && !kids.length; i++) {
      kids = childrenOf(running.pid);
      if (!kids.length) await new Promise((r) => setTimeout(r, 20));
    }
    expect(kids.length).toBe(1);
    running.kill('SIGTERM');
    await running.done;
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(`/proc/${kids[0]}`)).toBe(false);
  });
});
