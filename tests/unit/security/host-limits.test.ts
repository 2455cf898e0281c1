// The byte routes' limits and headers over real HTTP and through app://: malformed percent-escapes
// are a 400 (never a 500 or a garbled id looked up), every byte answer says no-store and nosniff,
// an upload declared over the cap is a 413 before a byte is written, and a previous run's staged
// uploads are gone when the engine starts.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/files';
import { appProtocolHandler } from '../../../main/host/app-protocol';
import { startHost, type RunningHost } from '../../../main/host/server';
import { bootEngine, type Engine } from '../../../main/engine/boot';
import { stagingDir } from '../../../main/core/documents/uploads';
import { handleFileRequest } from '../../../main/ipc/files';
import type { CallContext } from '../../../main/ipc/registry';
import { makePdf, textLines } from '../documents/make-files';
import { tempDir } from '../../support/core';

let engine: Engine;
let host: RunningHost;
let app: (req: Request) => Promise<Response>;
let ctx: CallContext;
let docId = '';
const dataDir = tempDir();

const viaHost = (method: string, pathAndQuery: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${host.port}${pathAndQuery}`, { method, ...init, headers: { authorization: `Bearer ${host.token}`, ...(init.headers as Record<string, string>) } });
const viaApp = (method: string, pathAndQuery: string) => app(new Request(`app://casefile${pathAndQuery}`, { method }));

beforeAll(async () => {
  // A staged upload left by a run that was killed.
  mkdirSync(stagingDir(dataDir), { recursive: true });
  writeFileSync(path.join(stagingDir(dataDir), 'left-by-a-crash'), 'half an upload');
  engine = bootEngine({ dataDir, purpose: 'test' });
  ctx = { core: engine.core, transport: 'browser' };
  const rendererDir = tempDir();
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startHost({ core: engine.core, registry: engine.registry, rendererDir });
  app = appProtocolHandler({ rendererDir, files: async (req) => (await handleFileRequest(req, ctx)) ?? new Response(null, { status: 404 }) });
  const caseId = ((await engine.registry.call('cases.create' as never, { name: 'Limits Test' } as never, ctx)) as { id: string }).id;
  const pdf = await makePdf([textLines('Notice of meeting\nDate: March 11, 2024')]);
  const up = (await (await viaHost('POST', '/api/upload', { body: pdf as BodyInit })).json()) as { value: { uploadId: string } };
  const call = <T>(name: string, args: unknown) => engine.registry.call(name as never, args as never, ctx) as Promise<T>;
  let status = await call<{ jobId: string; done: boolean }>('documents.import', { caseId, uploads: [{ uploadId: up.value.uploadId, fileName: 'notice.pdf' }] });
  while (!status.done) {
    await new Promise((r) => setTimeout(r, 50));
    status = await call('documents.importStatus', { jobId: status.jobId });
  }
  docId = (await call<{ id: string }[]>('documents.list', { caseId }))[0]?.id ?? '';
}, 60_000);

afterAll(async () => {
  await host?.close();
  await engine?.stop();
});

describe('host limits and headers', () => {
  it('clears staging/ at start', () => {
    expect(existsSync(path.join(stagingDir(dataDir), 'left-by-a-crash'))).toBe(false);
  });

  it('answers malformed percent-escapes with 400 on both mounts', async () => {
    for (const bad of ['/api/original?doc=%E0%A4%A', '/api/page-image?doc=%ZZ&page=1', '/api/original?doc=%', '/api/orig%inal', '/assets/%ZZ.js']) {
      const h = await viaHost('GET', bad);
      const a = await viaApp('GET', bad);
      expect([h.status, a.status], bad).toEqual([400, 400]);
      expect(((await h.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    const call = await viaHost('POST', '/api/call/cases.li%ZZst', { body: '{}' });
    expect(call.status).toBe(400);
    // A well-formed escape still works.
    expect((await viaHost('GET', '/api/original?doc=no%20such')).status).toBe(404);
  });

  it('sends no-store and nosniff with every byte answer', async () => {
    expect(docId).not.toBe('');
    for (const route of [`/api/original?doc=${docId}`, `/api/page-image?doc=${docId}&page=1&width=200`, '/api/original?doc=missing']) {
      for (const res of [await viaHost('GET', route), await viaApp('GET', route)]) {
        expect(res.headers.get('cache-control'), route).toBe('no-store');
        expect(res.headers.get('x-content-type-options'), route).toBe('nosniff');
      }
    }
  }, 60_000);

  it('refuses an upload declared over the cap with 413, writing nothing', async () => {
    const before = existsSync(stagingDir(dataDir)) ? readdirSync(stagingDir(dataDir)).length : 0;
    const res = await handleFileRequest(new Request('app://casefile/api/upload', { method: 'POST', headers: { 'content-length': String(MAX_UPLOAD_BYTES + 1) }, body: 'x' }), ctx);
    expect(res?.status).toBe(413);
    expect(existsSync(stagingDir(dataDir)) ? readdirSync(stagingDir(dataDir)).length : 0).toBe(before);
  });
});
