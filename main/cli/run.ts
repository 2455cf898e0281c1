// Shared plumbing for CLI commands: building the core, printing, and exit codes
// (0 success, 1 a user error with a one-line message, 2 bad usage).
import { openCore, type Core } from '../core/context';
import { resolveDataDir } from '../core/paths';
import { buildRegistry, type Registry } from '../ipc';
import type { ApiName, ApiResult } from '../../shared/api';

export interface GlobalOptions {
  dataDir?: string;
}

export class UsageError extends Error {}

export interface CliEnv {
  core: Core;
  registry: Registry;
  call<K extends ApiName>(name: K, args?: unknown): Promise<ApiResult<K>>;
}

export async function withCore<T>(globals: GlobalOptions, fn: (env: CliEnv) => Promise<T> | T): Promise<T> {
  const core = openCore({ dataDir: resolveDataDir(globals.dataDir) });
  const registry = buildRegistry();
  try {
    return await fn({
      core,
      registry,
      call: (name, args) => registry.call(name, args, { core, transport: 'cli' }),
    });
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
  if (e instanceof UsageError) return 2;
  return 1;
}

export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/\s*\n\s*/g, ' ');
}
