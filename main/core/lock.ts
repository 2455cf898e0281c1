// One writer per data folder: the app, the browser host, or a `casefile` command that writes. The
// lock file holds the owner's pid; a lock whose owner is gone is stale and taken over.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';

export interface DataDirLock {
  release(): void;
}

/** Who holds a data folder: what the lock file says. */
export interface LockOwner {
  pid: number;
  purpose: string;
  host?: string;
}

/**
 * Whether the process that wrote a lock or a claim is still running. One written under another
 * host name counts as gone (as it always has for the lock: a container's name changes between runs).
 */
export function processIsAlive(pid: number, host?: string): boolean {
  if (host && host !== os.hostname()) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Says who holds the folder the way a person would look for it: the app's window, or a command still running. */
function lockedMessage(dataDir: string, owner: LockOwner): string {
  if (owner.purpose.startsWith('casefile ')) {
    return `The data folder ${dataDir} is in use by the command \`${owner.purpose}\` (process ${owner.pid}). Try again when it has finished.`;
  }
  return `IEP Casefile is already running on the data folder ${dataDir} (process ${owner.pid}, ${owner.purpose}). Use that window, or close it first.`;
}

export interface LockWait {
  /** How long to wait for the holder to let go (a short command finishing) before giving up; 0: not at all. */
  waitMs: number;
  /** Told once, when the folder turns out to be held and waiting begins. */
  onWait?: (owner: LockOwner) => void;
}

/** Blocks the thread: the lock is taken at start-up, before there is anything else to do. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the data folder's lock, waiting up to `wait.waitMs` for a running holder to let go. The
 * error at the end names the holder (and says how long it waited).
 */
export function acquireDataDirLock(dataDir: string, purpose: string, wait: LockWait = { waitMs: 0 }): DataDirLock {
  const deadline = Date.now() + wait.waitMs;
  let waited = false;
  for (;;) {
    try {
      return tryLock(dataDir, purpose);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'locked') throw e;
      const left = deadline - Date.now();
      if (left <= 0) {
        if (!waited) throw e;
        throw new AppError('locked', `${e.message} (Waited ${Math.round(wait.waitMs / 1000)} s.)`, e.details);
      }
      if (!waited && e.details) wait.onWait?.(e.details as LockOwner);
      waited = true;
      sleepSync(Math.min(250, left));
    }
  }
}

/** A lock file this young with nothing readable in it is still being written. */
const FRESH_MS = 5000;

function tryLock(dataDir: string, purpose: string): DataDirLock {
  const file = path.join(dataDir, 'casefile.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
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
        // Created but not yet written by a starter this very moment, or left half-written by a crash.
        if (Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < FRESH_MS) {
          throw new AppError('locked', `The data folder ${dataDir} is being opened by another process. Try again in a moment.`);
        }
      }
      if (owner.pid && processIsAlive(owner.pid, owner.host)) {
        const holder: LockOwner = { pid: owner.pid, purpose: owner.purpose ?? 'app', host: owner.host };
        throw new AppError('locked', lockedMessage(dataDir, holder), holder);
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
