// One writer per data folder: the app, the browser host, or a `casefile` command that writes. The
// lock file holds the owner's pid, host, and when that process started; a lock whose owner is gone
// is stale and taken over. A pid alone is not enough after a crash: the number is reused (after a
// reboot the app's old pid often belongs to some other program), so the lock also records the
// process's start time where the system tells it (Linux /proc) and when it was written, and a lock
// written before the machine last started, or whose pid now belongs to a process that started at
// another time, is stale.
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

/** The start time of a process as the kernel counts it (Linux: clock ticks after boot), or null where it cannot be read. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and brackets); starttime is field 22.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null;
  } catch {
    return null;
  }
}

/** When the machine last started (ms since the epoch, to within a second or so). */
export function bootTime(): number {
  return Date.now() - os.uptime() * 1000;
}

/** What a lock file records. */
interface LockRecord {
  pid?: number;
  purpose?: string;
  host?: string;
  since?: string;
  started?: string | null;
}

/** Whether the process that wrote a lock record still holds it: alive, the same process (not a reused pid), and since the last boot. */
export function lockHolderIsAlive(owner: LockRecord): boolean {
  if (!owner.pid || !processIsAlive(owner.pid, owner.host)) return false;
  const since = owner.since ? Date.parse(owner.since) : NaN;
  // Written before the machine last started: that process is gone, whatever now has its pid.
  if (Number.isFinite(since) && since < bootTime() - 10_000) return false;
  if (owner.started) {
    const now = processStartTime(owner.pid);
    if (now !== null && now !== owner.started) return false;
  }
  return true;
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
      const record: LockRecord = { pid: process.pid, host: os.hostname(), purpose, since: new Date().toISOString(), started: processStartTime(process.pid) };
      writeSync(fd, JSON.stringify(record));
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
      let owner: LockRecord = {};
      try {
        owner = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // Created but not yet written by a starter this very moment, or left half-written by a crash.
        if (Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < FRESH_MS) {
          throw new AppError('locked', `The data folder ${dataDir} is being opened by another process. Try again in a moment.`);
        }
      }
      if (owner.pid && lockHolderIsAlive(owner)) {
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
