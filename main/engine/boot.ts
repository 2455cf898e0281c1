// Starts the engine on a data folder: lock, open, recover, register, resume. The browser host, the
// desktop app's engine process and every `casefile` command that writes start here, so the lock
// and recovery rules live in one place; stop() undoes it all in reverse.
import { openCore, ensureWritableDir, type Core } from '../core/context';
import { acquireDataDirLock, type LockOwner, type LockWait } from '../core/lock';
import { recoverOnStart, type RecoveryReport } from '../core/recovery';
import { resumePendingWork } from '../core/pipeline';
import { buildRegistry, type Registry } from '../ipc';
import { clearStaging } from '../core/documents/uploads';

/**
 * How long the app, the browser host and a `casefile` command wait for a data folder another process
 * holds before giving up: long enough for a command to finish, short enough to say soon whom a
 * folder held for good (a running app) belongs to.
 */
export const LOCK_WAIT_MS = 10_000;

/** Who holds the folder, as a person would look for it: a command still running, or the app. */
function holderName(o: LockOwner): string {
  return o.purpose.startsWith('casefile ') ? `\`${o.purpose}\` (process ${o.pid})` : `IEP Casefile (process ${o.pid}, ${o.purpose})`;
}

/** The bounded wait for the folder's lock; `say` is told once whom it waits for. */
export function lockWait(say: (line: string) => void, waitMs = LOCK_WAIT_MS): LockWait {
  return { waitMs, onWait: (owner) => say(`Waiting for ${holderName(owner)} to finish with the data folder...`) };
}

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

export interface Engine {
  core: Core;
  registry: Registry;
  recovery: RecoveryReport;
  /** Pending OCR and stale extractions, resumed in the background after start. */
  resumed: Promise<unknown>;
  stop(): Promise<void>;
}

export function bootEngine(opts: BootOptions): Engine {
  ensureWritableDir(opts.dataDir);
  const lock = acquireDataDirLock(opts.dataDir, opts.purpose, opts.wait);
  let core: Core | null = null;
  try {
    core = openCore({ dataDir: opts.dataDir, resourcesDir: opts.resourcesDir });
    const recovery = recoverOnStart(core);
    // Uploads are staged only until the import that names them; a previous run's are orphans.
    clearStaging(opts.dataDir);
    const registry = buildRegistry();
    const opened = core;
    const resumed = opts.resume === false ? Promise.resolve(null) : resumePendingWork(opened).catch((e) => console.error('[resume]', e));
    let stopped = false;
    return {
      core: opened,
      registry,
      recovery,
      resumed,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await opened.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    void core?.close();
    lock.release();
    throw e;
  }
}
