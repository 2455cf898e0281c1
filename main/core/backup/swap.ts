// The last step of a restore: the data folder set aside (renamed) and the restored folder, unpacked
// and checked beside it, renamed into its place. Two renames, so a journal beside the folder says
// what is under way; whoever opens the folder next (the app's main process before it reads the key,
// the engine's boot, a `casefile` command) finishes or undoes an interrupted swap first. A kill -9
// at any point leaves the folder as it was or the restored one in place, never neither.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

interface SwapJournal {
  /** The checked restored folder that takes the data folder's place. */
  work: string;
  /** Where the data folder as it was goes. */
  previous: string;
}

const journalFile = (dataDir: string) => `${path.resolve(dataDir)}.restore-swap.json`;

function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeJournal(dataDir: string, j: SwapJournal): void {
  const file = journalFile(dataDir);
  const fd = openSync(`${file}.tmp`, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(j));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${file}.tmp`, file);
  syncDir(path.dirname(file));
}

function dropJournal(dataDir: string): void {
  rmSync(journalFile(dataDir), { force: true });
  syncDir(path.dirname(path.resolve(dataDir)));
}

/**
 * Puts `work` in the place of `dataDir` (which, when it exists, is renamed to `previous` first).
 * `onStep` is called between the steps (a test's kill -9 lands there).
 */
export function swapInRestored(dataDir: string, work: string, previous: string | null, onStep: (step: string) => void = () => {}): void {
  const target = path.resolve(dataDir);
  if (previous) {
    writeJournal(target, { work, previous });
    onStep('journal-written');
    renameSync(target, previous);
    onStep('set-aside');
  }
  try {
    renameSync(work, target);
  } catch (e) {
    if (previous) renameSync(previous, target);
    dropJournal(target);
    throw e;
  }
  syncDir(path.dirname(target));
  onStep('swapped');
  if (previous) dropJournal(target);
}

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Finishes a swap a killed process left half done, before anything opens or unlocks `dataDir`: the
 * restored folder (checked before the swap began, its key's ways in written) goes in place when the
 * data folder is already set aside; otherwise the data folder stays and the unpacked copy goes.
 * Unpacked folders of restores whose process is gone are removed. Returns what was done, or null.
 */
export function finishInterruptedRestore(dataDir: string): 'restored' | 'kept' | null {
  const target = path.resolve(dataDir);
  let done: 'restored' | 'kept' | null = null;
  const file = journalFile(target);
  if (existsSync(file)) {
    let j: SwapJournal | null = null;
    try {
      j = JSON.parse(readFileSync(file, 'utf8')) as SwapJournal;
    } catch {
      /* written through a temp file and renamed: unreadable only if damaged; the folders say the rest */
    }
    if (j && !existsSync(target) && existsSync(j.work)) {
      renameSync(j.work, target);
      syncDir(path.dirname(target));
      done = 'restored';
    } else if (j && !existsSync(target) && existsSync(j.previous)) {
      renameSync(j.previous, target);
      done = 'kept';
    } else if (j && existsSync(j.work)) {
      rmSync(j.work, { recursive: true, force: true });
      done = 'kept';
    }
    dropJournal(target);
  }
  const parent = path.dirname(target);
  const prefix = `${path.basename(target)}.restoring-`;
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      const pid = Number(name.slice(prefix.length));
      if (name.startsWith(prefix) && Number.isInteger(pid) && pid !== process.pid && !pidAlive(pid)) rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
  return done;
}
