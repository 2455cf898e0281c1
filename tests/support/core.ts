// Builds a real core on a temp data folder with a fake clock and fixed ids.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../main/core/context';

export function tempDir(prefix = 'casefile-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testCore(opts: { dataDir?: string; now?: string } = {}): Core {
  let n = 0;
  const now = new Date(opts.now ?? '2026-11-23T12:00:00Z');
  return openCore({
    dataDir: opts.dataDir ?? tempDir(),
    clock: { now: () => now },
    newId: () => `id-${++n}`,
  });
}
