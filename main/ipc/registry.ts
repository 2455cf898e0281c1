// Binds the API table to core functions. Every transport (Electron IPC, the browser host, the
// CLI) dispatches through here: unknown names and bad arguments come back as typed errors.
import type { z } from 'zod';
import type { ApiName, ApiParsedArgs, ApiResult } from '../../shared/api';
import type { CallDef } from '../../shared/api/define';
import { AppError, toErrorShape, type Result } from '../../shared/errors';
import type { RestoredKeyHolder } from '../core/backup/restore-live';
import type { Core } from '../core/context';
import { zodMessage } from '../core/validate';

export interface CallContext {
  core: Core;
  transport: 'electron' | 'browser' | 'cli';
  /**
   * The running engine's Engine.reopen (the app and the browser host; not the CLI): closes the data
   * folder, runs `between`, opens it again; `core` is the new core afterwards. A restore needs it.
   */
  reopen?: (between: () => void) => Promise<void>;
  /** The desktop engine: its main process keeps a restored folder's key (safeStorage). */
  keyHolder?: RestoredKeyHolder;
}

export type Handler<K extends ApiName> = (args: ApiParsedArgs<K>, ctx: CallContext) => ApiResult<K> | Promise<ApiResult<K>>;

/** The calls a registry serves: the whole API table (shared/api.ts), or a part of it such as the cases.* calls. */
export type ApiTable = Readonly<Record<string, CallDef<z.ZodType, unknown>>>;

export class Registry {
  private readonly handlers = new Map<string, (args: unknown, ctx: CallContext) => unknown>();

  /**
   * The table is given, not imported here: a command that makes only cases.* calls loads those
   * calls' table (shared/api/cases-api.ts) and not the whole API's modules (issue 21).
   */
  constructor(private readonly table: ApiTable) {}

  private inTable(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.table, name);
  }

  register<K extends ApiName>(name: K, handler: Handler<K>): void {
    if (!this.inTable(name)) throw new Error(`Cannot register "${name}": it is not in the API table.`);
    if (this.handlers.has(name)) throw new Error(`Handler "${name}" is registered twice.`);
    this.handlers.set(name, handler as (args: unknown, ctx: CallContext) => unknown);
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  /** Names in the API table that have no handler yet (a start-up self-check). */
  missing(): string[] {
    return Object.keys(this.table).filter((n) => !this.handlers.has(n));
  }

  async dispatch(name: string, rawArgs: unknown, ctx: CallContext): Promise<Result<unknown>> {
    try {
      if (!this.inTable(name)) throw new AppError('unknown_call', `Unknown call "${name}".`);
      const handler = this.handlers.get(name);
      if (!handler) throw new AppError('unknown_call', `Call "${name}" is not available in this build.`);
      const parsed = this.table[name].args.safeParse(rawArgs);
      if (!parsed.success) throw new AppError('bad_request', `${name}: ${zodMessage(parsed.error)}`);
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (e) {
      const shape = toErrorShape(e);
      if (shape.code === 'internal') console.error(`[api] ${name} failed:`, e);
      return { ok: false, error: shape };
    }
  }

  /** Dispatches and unwraps: throws the AppError on failure (for the CLI and tests). */
  async call<K extends ApiName>(name: K, args: unknown, ctx: CallContext): Promise<ApiResult<K>> {
    const r = await this.dispatch(name, args, ctx);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as ApiResult<K>;
  }
}
