// Shared plumbing for CLI commands: starting the core, printing, and exit codes.
// A command that writes boots the engine as the app and the browser host do, holding the data
// folder's lock; one that only reads runs beside a running app, since SQLite's WAL gives its reads
// a consistent snapshot while the app writes.
// What a command needs loads when it runs (issue 21): `--help` and the commands that only read
// load neither the engine, the pipeline (extraction) nor the API registry, and no command loads
// the handlers of features it does not call.
import { openCore, type Core } from '../core/context';
import { LATEST_VERSION } from '../core/db/migrate';
import { resolveDataDir } from '../core/paths';
import { LOCK_WAIT_MS, lockWait } from '../engine/lock-wait';
import type { Registry } from '../ipc/registry';
import { AppError } from '../../shared/errors';
import type { ApiName, ApiResult } from '../../shared/api';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_BUSY = 3;

export const EXIT_CODES_HELP = `
Exit codes:
  0  done, and nothing failed (files already in the case, and links in a folder
     that were not followed, are listed as such: neither is a failure)
  1  something failed: an error (one line on stderr), or any file that could not be
     imported, recognised (OCR) or read for goals and services (each is listed)
  2  bad usage: an unknown command or option, or a missing argument
  3  the data folder is in use by the app, the browser host or another casefile
     command that writes, still after waiting --wait seconds (the message names it)`;

/** Seconds a writing command waits for the data folder's lock by default. */
export const DEFAULT_WAIT_SECONDS = LOCK_WAIT_MS / 1000;

export interface GlobalOptions {
  dataDir?: string;
  /** Seconds to wait for the data folder while another process writes to it. */
  wait?: number;
  /** The command being run ("import", "cases create"): the lock names it to whoever finds the folder in use. */
  command?: string;
}

export class UsageError extends Error {}

/** The command ran and has listed what went wrong; the run ends with exit 1 and this line on stderr. */
export class CommandFailed extends Error {}

type CasesModule = typeof import('../core/cases');

export interface CliEnv {
  core: Core;
  /** Calls the API as the app does (arguments validated, errors typed). */
  call<K extends ApiName>(name: K, args?: unknown): Promise<ApiResult<K>>;
  /** The case a command names (by id or name), as core/cases resolves it. */
  resolveCase: CasesModule['resolveCase'];
  resolveTrashedCase: CasesModule['resolveTrashedCase'];
}

/**
 * The registry for a command's first call, loaded then: the cases.* handlers alone for a cases.*
 * call (what `cases list` makes), with the cases.* calls' part of the API table, else every handler
 * over the whole table, as the engine registers them.
 */
async function registryFor(name: ApiName): Promise<Registry> {
  if (!name.startsWith('cases.')) return (await import('../ipc')).buildRegistry();
  const [{ Registry }, { registerCases }, { casesApi }] = await Promise.all([import('../ipc/registry'), import('../ipc/cases'), import('../../shared/api/cases-api')]);
  const reg = new Registry(casesApi);
  registerCases(reg);
  return reg;
}

/**
 * A command's env. The registry loads at the first call, with only the handlers that call needs
 * (registryFor); the cases module (and the case schemas it validates with) loads here, when a
 * command runs, not with the command line (`--help` needs neither).
 */
async function envFor(core: Core): Promise<CliEnv> {
  const { resolveCase, resolveTrashedCase } = await import('../core/cases');
  let reg: Registry | undefined;
  const call = async <K extends ApiName>(name: K, args?: unknown): Promise<ApiResult<K>> => {
    reg ??= await registryFor(name);
    if (!reg.has(name)) reg = (await import('../ipc')).buildRegistry();
    return reg.call(name, args, { core, transport: 'cli' });
  };
  return { core, call, resolveCase, resolveTrashedCase };
}

export interface WriteOptions {
  /** The command finishes queued OCR itself; otherwise a note says how. */
  resumesQueuedWork?: boolean;
}

/**
 * Runs a command that writes. It starts the engine as the app and the browser host do (lock, open,
 * recover), waiting up to --wait seconds for another holder of the folder to finish; queued work
 * is left to the commands that await it and report how it went.
 */
export async function withCore<T>(globals: GlobalOptions, fn: (env: CliEnv) => Promise<T> | T, opts: WriteOptions = {}): Promise<T> {
  const { startEngineCore } = await import('../engine/engine-core');
  const engine = startEngineCore({
    dataDir: resolveDataDir(globals.dataDir),
    purpose: `casefile ${globals.command ?? 'command'}`,
    wait: lockWait((line) => process.stderr.write(`${line}\n`), (globals.wait ?? DEFAULT_WAIT_SECONDS) * 1000),
    resume: false,
  });
  try {
    const { core } = engine;
    const queued = opts.resumesQueuedWork ? 0 : (await import('../core/pipeline')).queuedOcrCount(core);
    if (queued) {
      process.stderr.write(`Note: ${queued} document(s) from an earlier run are waiting for OCR; \`casefile resume\` finishes them (so does the app when it starts).\n`);
    }
    return await fn(await envFor(core));
  } finally {
    await engine.stop();
  }
}

/**
 * Runs a command that only reads. It needs no lock: it reads beside a running app. Only a folder
 * whose schema is not current (new, or from an older version) goes through withCore, since
 * bringing it up to date writes.
 */
export async function withReadCore<T>(globals: GlobalOptions, fn: (env: CliEnv) => Promise<T> | T): Promise<T> {
  const dataDir = resolveDataDir(globals.dataDir);
  const core = openCore({ dataDir, migrate: false });
  let current: boolean;
  try {
    current = Number(core.db.pragma('user_version', { simple: true })) === LATEST_VERSION;
  } catch (e) {
    await core.close();
    throw e;
  }
  if (!current) {
    await core.close();
    return withCore(globals, fn);
  }
  try {
    return await fn(await envFor(core));
  } finally {
    await core.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Prints rows as aligned columns. */
export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  process.stdout.write(line(headers) + '\n');
  for (const r of rows) process.stdout.write(line(r) + '\n');
}

export function exitCodeFor(e: unknown): number {
  if (e instanceof UsageError) return EXIT_USAGE;
  if (e instanceof AppError && e.code === 'locked') return EXIT_BUSY;
  return EXIT_FAILED;
}

export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/\s*\n\s*/g, ' ');
}
