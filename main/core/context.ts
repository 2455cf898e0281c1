// Builds the core the same way for the CLI, the browser host and Electron: a data folder, its
// database, the blob store, a clock and an id source. Nothing here knows about a transport.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ApiEventName, ApiEvents } from '../../shared/api';
import type { Db } from './db/open';
import type { BlobStore } from './documents/blob-store';
import { openDataFolder } from './vault/data-folder';
import type { KeySource } from './vault/unlock';
import type { DataKeys } from './vault/vault';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  newId?: () => string;
  /** Where the shipped resources are (tessdata, fonts); defaults to the repo's resources/. */
  resourcesDir?: string;
  /** Bring the schema up to date (default true). Only the data-folder lock's holder may. */
  migrate?: boolean;
  /** Where the data folder's key comes from (default: the environment, the OS keychain, a prompt). */
  keySource?: KeySource;
}

export interface Core {
  readonly dataDir: string;
  readonly db: Db;
  readonly blobs: BlobStore;
  /** The data folder's keys (null only for a plain folder opened by a process that may not encrypt it). */
  readonly keys: DataKeys | null;
  readonly clock: Clock;
  readonly resourcesDir: string;
  newId(): string;
  nowIso(): string;
  emit<E extends ApiEventName>(name: E, payload: ApiEvents[E]): void;
  on<E extends ApiEventName>(name: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Runs fn when the core closes (drivers and pools dispose themselves here). */
  onClose(fn: () => void | Promise<void>): void;
  close(): Promise<void>;
}

export function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new AppError('not_writable', `The data folder ${dir} cannot be written to (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Choose another folder with --data-dir or CASEFILE_DATA_DIR.`);
  }
}

export function defaultResourcesDir(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../resources');
}

export function openCore(options: CoreOptions): Core {
  const dataDir = path.resolve(options.dataDir);
  ensureWritableDir(dataDir);
  const { db, blobs, keys } = openDataFolder(dataDir, { migrate: options.migrate, keySource: options.keySource });
  const clock = options.clock ?? systemClock;
  const bus = new EventEmitter();
  bus.setMaxListeners(100);
  const closers: Array<() => void | Promise<void>> = [];
  return {
    dataDir,
    db,
    blobs,
    keys,
    clock,
    resourcesDir: options.resourcesDir ?? defaultResourcesDir(),
    newId: options.newId ?? (() => randomUUID()),
    nowIso: () => clock.now().toISOString(),
    emit(name, payload) {
      bus.emit(name, payload);
    },
    on(name, listener) {
      bus.on(name, listener);
      return () => bus.off(name, listener);
    },
    onClose(fn) {
      closers.push(fn);
    },
    async close() {
      bus.removeAllListeners();
      for (const fn of closers.splice(0)) await fn();
      if (db.open) db.close();
    },
  };
}
