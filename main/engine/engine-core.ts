// Starts the engine's core on a data folder: lock, open, recover, resume. boot.ts adds the API
// registry for the browser host and the desktop app's engine process; a `casefile` command that
// writes starts here without it (issue 21: the registry loads every feature's handlers, and a
// command loads only those it calls, see main/cli/run.ts). stop() undoes it all in reverse.
import { openCore, ensureWritableDir, type Core } from '../core/context';
import { AppError } from '../../shared/errors';
import { acquireDataDirLock, type DataDirLock, type LockWait } from '../core/lock';
import { recoverOnStart, type RecoveryReport } from '../core/recovery';
import { resumePendingWork } from '../core/pipeline';
import { clearStaging } from '../core/documents/uploads';
import { finishInterruptedRestore } from '../core/backup/swap';

export interface BootOptions {
  dataDir: string;
  /** Who holds the data-folder lock, as the "already running" message names it. */
  purpose: string;
  resourcesDir?: string;
  /** Wait this long for the lock while another process holds the folder (the CLI: a command finishing). */
  wait?: LockWait;
  /** Resume queued work in the background (default). The CLI says no: it awaits the work and reports failures itself. */
  resume?: boolean;
}

/** The engine without its API registry (see boot.ts). */
export interface EngineCore {
  /** The open core (a new one after reopen()). */
  readonly core: Core;
  recovery: RecoveryReport;
  /** Pending OCR and stale extractions, resumed in the background after start. */
  resumed: Promise<unknown>;
  /**
   * Closes the core and lets go of the folder, runs `between` while nothing holds it (a restore
   * swaps the folder there), then boots again on the same path. Throws what `between` or the new
   * boot threw; after a failed boot the engine stays closed until the next reopen().
   */
  reopen(between: () => void): Promise<void>;
  stop(): Promise<void>;
}

interface Opened {
  core: Core;
  lock: DataDirLock;
  recovery: RecoveryReport;
  resumed: Promise<unknown>;
}

function openEngine(opts: BootOptions): Opened {
  // A restore killed between its two renames is finished (or undone) before the folder is opened.
  finishInterruptedRestore(opts.dataDir);
  ensureWritableDir(opts.dataDir);
  const lock = acquireDataDirLock(opts.dataDir, opts.purpose, opts.wait);
  let core: Core | null = null;
  try {
    core = openCore({ dataDir: opts.dataDir, resourcesDir: opts.resourcesDir });
    const recovery = recoverOnStart(core);
    // Uploads are staged only until the import that names them; a previous run's are orphans.
    clearStaging(opts.dataDir);
    const opened = core;
    const resumed = opts.resume === false ? Promise.resolve(null) : resumePendingWork(opened).catch((e) => console.error('[resume]', e));
    return { core: opened, lock, recovery, resumed };
  } catch (e) {
    void core?.close();
    lock.release();
    throw e;
  }
}

export function startEngineCore(opts: BootOptions): EngineCore {
  let current: Opened | null = openEngine(opts);
  let stopped = false;
  const close = async () => {
    const was = current;
    current = null;
    if (!was) return;
    try {
      await was.core.close();
    } finally {
      was.lock.release();
    }
  };
  const live = (): Opened => {
    if (!current) throw new AppError('internal', 'The data folder is closed: it could not be opened again after a restore. Restart IEP Casefile.');
    return current;
  };
  return {
    get core() {
      return live().core;
    },
    get recovery() {
      return live().recovery;
    },
    get resumed() {
      return live().resumed;
    },
    async reopen(between) {
      await close();
      let failure: unknown = null;
      try {
        between();
      } catch (e) {
        failure = e;
      }
      current = openEngine(opts);
      if (failure) throw failure;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await close();
    },
  };
}
