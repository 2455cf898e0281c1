// One running app per data folder. The lock file holds the owner's pid; a lock whose owner is
// gone is stale and taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';

export interface DataDirLock {
  release(): void;
}

function ownerAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string, purpose: string): DataDirLock {
  const file = path.join(dataDir, 'casefile.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), purpose, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner: { pid?: number; purpose?: string; host?: string } = {};
      try {
        owner = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        /* unreadable lock: treat as stale */
      }
      const sameHost = !owner.host || owner.host === os.hostname();
      if (owner.pid && sameHost && ownerAlive(owner.pid)) {
        throw new AppError(
          'locked',
          `IEP Casefile is already running on the data folder ${dataDir} (process ${owner.pid}, ${owner.purpose ?? 'app'}). Use that window, or close it first.`,
        );
      }
      try {
        unlinkSync(file);
      } catch {
        /* raced with another starter */
      }
    }
  }
  throw new AppError('locked', `Could not lock the data folder ${dataDir}.`);
}
