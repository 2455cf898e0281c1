// The byte routes are one set of fetch-style handlers mounted twice: by the browser host under
// http://127.0.0.1/api/* and by the desktop app under app://casefile/api/*. This drives the
// app:// protocol handler Electron runs with real Requests, beside the host over real HTTP, and
// asserts the same answers, so the host's e2e suite covers what Electron runs but the mount.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRoutes, type FileRouteName } from '../../../shared/api/files';
import { appProtocolHandler } from '../../../main/host/app-protocol';
import { startHost, type RunningHost } from '../../../main/host/server';
import { bootEngine, type Engine } from '../../../main/engine/boot';
import { handleFileRequest } from '../../../main/ipc/files';
import type { CallContext } from '../../../main/ipc/registry';
import { makePdf, textLines } from '../documents/make-files';
import { tempDir } from '../../support/core';

let engine: Engine;
let host: RunningHost;
let app: (req: Request) => Promise<Response>;
let ctx: CallContext;
const rendererDir = path.join(tempDir(), 'renderer');
const ids: Record<string, string> = {};

const call = <T>(name: string, args?: unknown) => engine.registry.call(name as never, args, ctx) as Promise<T>;

/** The same request to both mounts: the host with its token, app:// as the window sends it. */
async function both(method: string, pathAndQuery: string, body?: Uint8Array) {
  const init = (headers: Record<string, string>): RequestInit => ({ method, headers: { ...headers, ...(body ? { 'content-type': 'application/octet-stream' } : {}) }, body: body as BodyInit | undefined });
  const viaHost = await fetch(`http://127.0.0.1:${host.port}${pathAndQuery}`, init({ authorization: `Bearer ${host.token}` }));
  const viaApp = await app(new Request(`app://casefile${pathAndQuery}`, init({})));
  return { viaHost, viaApp };
}

async function sameAnswer(method: string, pathAndQuery: string) {
  const { viaHost, viaApp } = await both(method, pathAndQuery);
  const [h, a] = [Buffer.from(await viaHost.arrayBuffer()), Buffer.from(await viaApp.arrayBuffer())];
  expect(viaApp.status, pathAndQuery).toBe(viaHost.status);
  for (const header of ['content-type', 'content-disposition']) expect(viaApp.headers.get(header), `${header} of ${pathAndQuery}`).toBe(viaHost.headers.get(header));
  // A letter and an export are made at request time and carry that time; the rest are the same bytes.
  if (/letter-file|export-file/.test(pathAndQuery)) expect(Math.abs(a.length - h.length), `size of ${pathAndQuery}`).toBeLessThan(64);
  else expect(a.equals(h), `body of ${pathAndQuery}`).toBe(true);
  return { status: viaHost.status, type: viaHost.headers.get('content-type'), body: h };
}

beforeAll(async () => {
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>IEP Casefile</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(path.join(rendererDir, 'assets/app.js'), 'console.log("renderer")');
  engine = bootEngine({ dataDir: tempDir(), purpose: 'test' });
  ctx = { core: engine.core, transport: 'electron' };
  host = await startHost({ core: engine.core, registry: engine.registry, rendererDir });
  app = appProtocolHandler({ rendererDir, files: async (req) => (await handleFileRequest(req, ctx)) ?? new Response(null, { status: 404 }) });

  ids.case = (await call<{ id: string }>('cases.create', { name: 'Mounts Test' })).id;
  const pdf = await makePdf([textLines('Prior Written Notice\nThe district proposes to change placement.\nDate: March 11, 2024'), textLines('Page two of the notice.')]);
  // Upload through each mount; both stage the file, the import takes the one from app://.
  const { viaHost, viaApp } = await both('POST', '/api/upload', pdf);
  const [h, a] = [(await viaHost.json()) as { ok: boolean; value: { uploadId: string; size: number } }, (await viaApp.json()) as { ok: boolean; value: { uploadId: string; size: number } }];
  expect([h.ok, h.value.size, a.ok, a.value.size]).toEqual([true, pdf.length, true, pdf.length]);
  expect(a.value.uploadId).not.toBe(h.value.uploadId);
  const batch = await call<{ jobId: string; done: boolean }>('documents.import', { caseId: ids.case, uploads: [{ uploadId: a.value.uploadId, fileName: 'notice.pdf' }] });
  let status = batch;
  while (!status.done) {
    await new Promise((r) => setTimeout(r, 50));
    status = await call('documents.importStatus', { jobId: batch.jobId });
  }
  const docs = await call<{ id: string }[]>('documents.list', { caseId: ids.case });
  expect(docs).toHaveLength(1);
  ids.doc = docs[0].id;
  const draft = await call<object>('letters.draft', { caseId: ids.case, template: 'records_request' });
  ids.letter = (await call<{ id: string }>('letters.save', { caseId: ids.case, draft })).id;
  ids.job = (await call<{ jobId: string }>('packet.exhibitList', { caseId: ids.case, bates: { prefix: 'T-', start: 1, digits: 4, position: 'bottom-right' }, labelStyle: 'P-1', sections: ['exhibits'], exhibits: [{ documentId: ids.doc }] })).jobId;
});

afterAll(async () => {
  await host?.close();
  await engine?.stop();
});

describe('the byte routes of the contract', () => {
  const queries: Record<Exclude<FileRouteName, 'files.upload' | 'files.backup' | 'files.backupUpload' | 'files.caseArchive'>, () => string> = {
    'files.pageImage': () => `doc=${ids.doc}&page=1&width=300`,
    'files.original': () => `doc=${ids.doc}`,
    'files.packet': () => `job=${ids.job}`,
    'files.letter': () => `letter=${ids.letter}&format=docx`,
    'files.export': () => `case=${ids.case}`,
  };

  it('are all served by both mounts, with the same answers', async () => {
    const expected: Record<string, RegExp> = { 'files.pageImage': /^image\/png/, 'files.original': /^application\/pdf/, 'files.packet': /^application\/pdf/, 'files.letter': /wordprocessingml/, 'files.export': /^application\/json/ };
    for (const name of Object.keys(fileRoutes) as FileRouteName[]) {
      if (name === 'files.upload' || name === 'files.backup' || name === 'files.backupUpload' || name === 'files.caseArchive') continue; // uploaded through both mounts above; the backup and its upload: tests/unit/security/backup-route, tests/unit/backup/restore-live; the case archive: tests/e2e/case-archive
      const r = await sameAnswer(fileRoutes[name].method, `${fileRoutes[name].path}?${queries[name]()}`);
      expect(r.status, name).toBe(200);
      expect(r.type, name).toMatch(expected[name]);
      expect(r.body.length, name).toBeGreaterThan(100);
    }
    const exported = JSON.parse((await sameAnswer('GET', `/api/export-file?case=${ids.case}`)).body.toString('utf8'));
    expect(exported.format).toBe('iep-casefile/export@1');
  });

  it('refuse bad queries and unknown ids alike', async () => {
    expect((await sameAnswer('GET', '/api/page-image?page=1')).status).toBe(400);
    expect((await sameAnswer('GET', '/api/original?doc=nope')).status).toBe(404);
    expect((await sameAnswer('GET', '/api/packet-file?job=nope')).status).toBe(404);
    expect((await sameAnswer('GET', '/api/letter-file?letter=x&format=odt')).status).toBe(400);
  });
});

describe('the app:// protocol handler', () => {
  const get = (p: string, method = 'GET') => app(new Request(`app://casefile${p}`, { method }));

  it('serves the renderer with the CSP, index.html at the root only', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await index.text()).toMatch(/IEP Casefile/);
    const js = await get('/assets/app.js');
    expect([js.status, js.headers.get('content-type')]).toEqual([200, expect.stringMatching(/javascript/)]);
    // The renderer routes by hash: no other path is a page.
    for (const p of ['/case/abc', '/settings', '/missing.js']) expect((await get(p)).status, p).toBe(404);
  });

  it('never answers an API path with index.html', async () => {
    for (const [p, method] of [['/api/nope', 'GET'], ['/api/call/app.info', 'POST'], ['/api/events', 'GET'], ['/api', 'GET'], ['/api/upload', 'GET'], ['/api/original', 'DELETE']]) {
      const res = await get(p, method);
      expect(res.status, `${method} ${p}`).toBe(404);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });

  it('refuses paths out of the renderer folder and other hosts', async () => {
    writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'secret');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%5c%2e%2e%5csecret.txt', '//etc/passwd']) {
      const res = await get(p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(await res.text(), p).not.toMatch(/secret/);
    }
    const other = await app(new Request('app://elsewhere/index.html'));
    expect(other.status).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
  });

  it('is answered like the host for the same renderer files', async () => {
    for (const p of ['/', '/assets/app.js', '/nope.html', '/case/abc']) {
      const viaHost = await fetch(`http://127.0.0.1:${host.port}${p}`);
      const viaApp = await get(p);
      expect(viaApp.status, p).toBe(viaHost.status);
      expect(viaApp.headers.get('content-security-policy'), p).toBe(viaHost.headers.get('content-security-policy'));
    }
  });
});
