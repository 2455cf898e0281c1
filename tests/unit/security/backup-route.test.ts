// The Settings page's backup button: POST /api/backup with the passphrase in the body, through the
// browser host over HTTP and through app://, answers the backup file, which restores.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreDataFolder } from '../../../main/core/backup/backup';
import { openCore } from '../../../main/core/context';
import { appProtocolHandler } from '../../../main/host/app-protocol';
import { startHost, type RunningHost } from '../../../main/host/server';
import { bootEngine, type Engine } from '../../../main/engine/boot';
import { handleFileRequest } from '../../../main/ipc/files';
import type { CallContext } from '../../../main/ipc/registry';
import { tempDir } from '../../support/core';

let engine: Engine;
let host: RunningHost;
let ctx: CallContext;

beforeAll(async () => {
  engine = bootEngine({ dataDir: tempDir(), purpose: 'test' });
  ctx = { core: engine.core, transport: 'browser' };
  host = await startHost({ core: engine.core, registry: engine.registry, rendererDir: tempDir() });
  await engine.registry.call('cases.create' as never, { name: 'Route Backup' } as never, ctx);
});

afterAll(async () => {
  await host?.close();
  await engine?.stop();
});

describe('the backup route', () => {
  it('answers a backup that restores, through both mounts, and refuses a short passphrase', async () => {
    const body = JSON.stringify({ passphrase: 'settings page pass' });
    const viaHost = await fetch(`http://127.0.0.1:${host.port}/api/backup`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body });
    const app = appProtocolHandler({ rendererDir: tempDir(), files: async (req) => (await handleFileRequest(req, ctx)) ?? new Response(null, { status: 404 }) });
    const viaApp = await app(new Request('app://casefile/api/backup', { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
    for (const res of [viaHost, viaApp]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/casefile-backup/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const file = path.join(tempDir(), 'b.casefile-backup');
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const target = path.join(tempDir(), 'restored');
      restoreDataFolder(file, target, 'settings page pass');
      const core = openCore({ dataDir: target });
      expect(core.db.prepare('SELECT name FROM cases').all()).toEqual([{ name: 'Route Backup' }]);
      await core.close();
    }
    const short = await fetch(`http://127.0.0.1:${host.port}/api/backup`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: JSON.stringify({ passphrase: 'short' }) });
    expect(short.status).toBe(400);
  }, 120_000);
});
