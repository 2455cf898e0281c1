// The API table builds a call's argument schema at the call's first validation, not when the table
// loads (issue 21): every process that loads the table (a `casefile` command, the engine, the host)
// used to build all of them at start, tens of milliseconds, to validate a handful of calls.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api } from '../../../shared/api';
import { defineCall, lazySchema } from '../../../shared/api/define';
import { AppError } from '../../../shared/errors';
import { buildRegistry } from '../../../main/ipc';
import { testCore } from '../../support/core';

describe('argument schemas built on first use', () => {
  it('defineCall given a builder builds the schema once, at the first validation, and validates with it', () => {
    let built = 0;
    const call = defineCall<number>()(() => {
      built++;
      return z.object({ n: z.number().int() });
    });
    expect(built).toBe(0);
    expect(call.args.safeParse({ n: 1.5 }).success).toBe(false);
    expect(call.args.safeParse({ n: 2 }).success).toBe(true);
    expect(call.args).toBe(call.args);
    expect(built).toBe(1);
    // A schema given as it is stays as it is.
    const schema = z.string();
    expect(defineCall<string>()(schema).args).toBe(schema);
  });

  it('lazySchema builds a shared schema once, at its first use', () => {
    let built = 0;
    const shared = lazySchema(() => (built++, z.object({ caseId: z.string().min(1) })));
    expect(built).toBe(0);
    expect(shared().extend({ page: z.number() }).safeParse({ caseId: 'c', page: 1 }).success).toBe(true);
    expect(shared()).toBe(shared());
    expect(built).toBe(1);
  });

  it("the table's calls build their schema on first use (the app's and settings' calls too)", () => {
    const eager = Object.entries(api)
      .filter(([, def]) => !Object.getOwnPropertyDescriptor(def, 'args')?.get)
      .map(([name]) => name);
    expect(eager).toEqual([]);
  });

  it('a lazily built schema refuses bad arguments through the registry as before, naming the field', async () => {
    const core = testCore();
    try {
      const reg = buildRegistry();
      const ctx = { core, transport: 'cli' as const };
      const c = await reg.call('cases.create', { name: 'Lazy Schema' }, ctx);
      const bad = reg.call('packet.build', { caseId: c.id, bates: { prefix: 'A B', start: 1, digits: 4, position: 'bottom-right' }, labelStyle: 'P-1', sections: ['cover'], exhibits: [] }, ctx);
      await expect(bad).rejects.toThrow(AppError);
      await expect(bad).rejects.toThrow(/packet\.build: .*bates\.prefix.*letters, digits, - and _ only/);
      await expect(reg.call('settings.update', { batesPrefix: 'A B' }, ctx)).rejects.toThrow(/settings\.update: batesPrefix: letters, digits, - and _ only/);
      await expect(reg.call('app.importArchive', { uploadId: 'x', fileName: 'a.zip', passphrase: 'p', mode: 'replace' }, ctx)).rejects.toThrow(/app\.importArchive: .*uploadId.*mode/);
      await expect(reg.call('services.reconcile', { caseId: c.id, period: { kind: 'nope' } }, ctx)).rejects.toThrow(/services\.reconcile: .*period/);
    } finally {
      await core.close();
    }
  });
});
