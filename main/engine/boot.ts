// Starts the engine on a data folder: lock, open, recover, register, resume. The browser host and
// the desktop app's engine process both start here, so the lock and recovery rules live in one
// place; stop() undoes it all in reverse.
import { openCore, ensureWritableDir, type Core } from '../core/context';
import { acquireDataDirLock } from '../core/lock';
import { recoverOnStart, type RecoveryReport } from '../core/recovery';
import { resumePendingWork } from '../core/pipeline';
import { buildRegistry, type Registry } from '../ipc';

export interface BootOptions {
  dataDir: string;
  /** Who holds the data-folder lock, as the "already running" message names it. */
  purpose: string;
  resourcesDir?: string;
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
  const lock = acquireDataDirLock(opts.dataDir, opts.purpose);
  let core: Core | null = null;
  try {
    core = openCore({ dataDir: opts.dataDir, resourcesDir: opts.resourcesDir });
    const recovery = recoverOnStart(core);
    const registry = buildRegistry();
    const opened = core;
    const resumed = resumePendingWork(opened).catch((e) => console.error('[resume]', e));
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
