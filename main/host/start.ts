// Starts the browser host on a data folder: the engine's one boot (lock, open, recover, register,
// resume), then the server; stop() undoes all.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../core/paths';
import { bootEngine, lockWait } from '../engine/boot';
import { startHost } from './server';

export const DEFAULT_RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

export async function startBrowserHost(opts: { dataDir?: string; port?: number; rendererDir?: string }) {
  const dataDir = resolveDataDir(opts.dataDir);
  // A `casefile` command writing to the folder is waited for, as a command waits for another.
  const engine = bootEngine({ dataDir, purpose: 'browser host', wait: lockWait((line) => process.stderr.write(`${line}\n`)) });
  try {
    const server = await startHost({
      core: engine.core,
      registry: engine.registry,
      rendererDir: opts.rendererDir ?? DEFAULT_RENDERER_DIR,
      port: opts.port,
      reopen: async (between) => {
        await engine.reopen(between);
        return engine.core;
      },
    });
    return {
      ...server,
      dataDir,
      get core() {
        return engine.core;
      },
      async stop() {
        await server.close();
        await engine.stop();
      },
    };
  } catch (e) {
    await engine.stop();
    throw e;
  }
}
