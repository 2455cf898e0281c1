// Start-up recovery beside a running import, with real processes: an original stored but not yet
// recorded is left alone while the import that stored it runs, and removed once that import is gone
// or when its pid now belongs to another process (the claim's recorded start time differs).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../main/core/context';
import { sha256Hex } from '../../../main/core/documents/blob-store';
import { processStartTime } from '../../../main/core/lock';
import { recoverOnStart } from '../../../main/core/recovery';
import { REPO_ROOT } from '../../support/fixtures';
import { tempDir } from '../../support/core';

const STORE_CHILD = path.join(REPO_ROOT, 'tests/support/scripts/store-original-child.ts');

/** A child process that stores `file` as an original, as an import does before recording it; with `stay` it keeps running until stopped. */
async function importerThatStored(root: string, file: string, stay: boolean): Promise<{ pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', STORE_CHILD, root, file, stay ? 'stay' : 'exit'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  await once(child.stdout, 'data');
  if (!stay) await exited;
  return {
    pid: child.pid!,
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

describe('start-up recovery', () => {
  it('leaves alone an unrecorded original while the import that stored it still runs, and removes it once that import is gone', { timeout: 300_000 }, async () => {
    const dataDir = tempDir();
    const work = tempDir();
    writeFileSync(path.join(work, 'running.txt'), 'stored by an import still running');
    writeFileSync(path.join(work, 'killed.txt'), 'stored by an import that was killed');
    const core = openCore({ dataDir });
    try {
      const running = await importerThatStored(core.blobs.root, path.join(work, 'running.txt'), true);
      await importerThatStored(core.blobs.root, path.join(work, 'killed.txt'), false);
      const [runningSha, killedSha] = ['running.txt', 'killed.txt'].map((f) => sha256Hex(readFileSync(path.join(work, f))));
      expect(core.blobs.has(runningSha) && core.blobs.has(killedSha)).toBe(true);

      const first = recoverOnStart(core);
      expect(core.blobs.has(runningSha)).toBe(true);
      expect(core.blobs.has(killedSha)).toBe(false);
      expect(first).toMatchObject({ orphanBlobsRemoved: 1, claimedBlobsKept: 1 });

      await running.stop();
      const second = recoverOnStart(core);
      expect(core.blobs.has(runningSha)).toBe(false);
      expect(second).toMatchObject({ orphanBlobsRemoved: 1, claimedBlobsKept: 0 });
      expect(core.blobs.claims()).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('a claim whose pid is alive but belongs to a process started at another time (a reused pid) is stale', { timeout: 300_000 }, async () => {
    const dataDir = tempDir();
    const work = tempDir();
    writeFileSync(path.join(work, 'reused.txt'), 'stored by an import whose pid another process now has');
    writeFileSync(path.join(work, 'alive.txt'), 'stored by an import still running');
    const core = openCore({ dataDir });
    try {
      const reused = await importerThatStored(core.blobs.root, path.join(work, 'reused.txt'), true);
      const alive = await importerThatStored(core.blobs.root, path.join(work, 'alive.txt'), true);
      const [reusedSha, aliveSha] = ['reused.txt', 'alive.txt'].map((f) => sha256Hex(readFileSync(path.join(work, f))));
      const claimFile = path.join(core.blobs.root, '.pending', `${reusedSha}.${reused.pid}`);
      const record = JSON.parse(readFileSync(claimFile, 'utf8')) as { host: string; since: string; started: string | null };
      // The claim names a live pid, on this host, written after boot: only its start time is wrong.
      expect(record.host).toBe(os.hostname());
      expect(record.started).toBe(processStartTime(reused.pid));
      writeFileSync(claimFile, JSON.stringify({ ...record, started: String(Number(record.started) - 1000) }));

      const report = recoverOnStart(core);
      expect(core.blobs.has(reusedSha)).toBe(false);
      expect(core.blobs.has(aliveSha)).toBe(true);
      expect(report).toMatchObject({ orphanBlobsRemoved: 1, claimedBlobsKept: 1 });
      expect(core.blobs.claims().map((c) => c.pid)).toEqual([alive.pid]);
      await Promise.all([reused.stop(), alive.stop()]);
    } finally {
      await core.close();
    }
  });
});
