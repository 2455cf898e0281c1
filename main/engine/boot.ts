// Starts the engine on a data folder: lock, open, recover, resume (engine-core.ts, where every
// `casefile` command that writes starts too, so the lock and recovery rules live in one place),
// then registers every feature's handlers for the browser host and the desktop app's engine process.
import { buildRegistry, type Registry } from '../ipc';
import { startEngineCore, type BootOptions, type EngineCore } from './engine-core';

export { lockWait } from './lock-wait';
export type { BootOptions };

export interface Engine extends EngineCore {
  registry: Registry;
}

/** The engine with every feature's handlers registered: the browser host and the desktop app's engine process. */
export function bootEngine(opts: BootOptions): Engine {
  return Object.assign(startEngineCore(opts), { registry: buildRegistry() });
}
