// Starts the browser host on a data folder: lock, core, registry, server; stop() undoes all.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core/context';
import { acquireDataDirLock } from '../core/lock';
import { resolveDataDir } from '../core/paths';
import { ensureWritableDir } from '../core/context';
import { buildRegistry } from '../ipc';
import { startHost } from './server';
import { recoverOnStart } from '../core/recovery';
import { resumePendingWork } from '../core/pipeline';

export const DEFAULT_RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

export async function startBrowserHost(opts: { dataDir?: string; port?: number; rendererDir?: string }) {
  const dataDir = resolveDataDir(opts.dataDir);
  ensureWritableDir(dataDir);
  const lock = acquireDataDirLock(dataDir, 'browser host');
  try {
    const core = openCore({ dataDir });
    recoverOnStart(core);
    const registry = buildRegistry();
    void resumePendingWork(core).catch((e) => console.error('[resume]', e));
    const server = await startHost({ core, registry, rendererDir: opts.rendererDir ?? DEFAULT_RENDERER_DIR, port: opts.port });
    return {
      ...server,
      dataDir,
      core,
      async stop() {
        await server.close();
        await core.close();
        lock.release();
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}
