// The desktop app's engine runs in its own process (Electron's utilityProcess). Its entry is plain
// Node, so this builds the very bundle the app ships (npm run build:electron), forks it with
// child_process and drives it through the same supervisor and message protocol the main process
// uses, and through the app:// handler for the byte routes: everything Electron runs but
// utilityProcess.fork itself.
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineStartError, EngineSupervisor, type EngineChild, type EngineStatus } from '../../../main/engine/supervisor';
import { appProtocolHandler } from '../../../main/host/app-protocol';
import type { FromEngine } from '../../../main/engine/protocol';
import type { Result } from '../../../shared/errors';
import { makePdf, textLines } from '../documents/make-files';
import { tempDir } from '../../support/core';
import { REPO_ROOT } from '../../support/fixtures';

const ENTRY = path.join(REPO_ROOT, 'out/main/engine.cjs');

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
});

function forkEngine(dataDir: string): EngineChild {
  const child = fork(ENTRY, [`--data-dir=${dataDir}`], { cwd: REPO_ROOT, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('error', () => {}); // a message sent as it dies: the supervisor answers the call itself
  return {
    get pid() {
      return child.pid;
    },
    post: (msg) => void (child.connected && child.send(msg)),
    onMessage: (listener) => child.on('message', (m) => listener(m as FromEngine)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
}

interface Harness {
  engine: EngineSupervisor;
  events: { name: string; payload: unknown }[];
  statuses: EngineStatus[];
  call<T>(name: string, args?: unknown): Promise<T>;
  app(p: string, init?: RequestInit): Promise<Response>;
}

const running: EngineSupervisor[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

function harness(dataDir: string): Harness {
  const events: Harness['events'] = [];
  const statuses: EngineStatus[] = [];
  const engine = new EngineSupervisor({ spawn: () => forkEngine(dataDir), onEvent: (name, payload) => events.push({ name, payload }), onStatus: (s) => statuses.push(s), restartDelayMs: 50 });
  running.push(engine);
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  const protocol = appProtocolHandler({ rendererDir, files: (req) => engine.fetch(req) });
  return {
    engine,
    events,
    statuses,
    async call<T>(name: string, args?: unknown) {
      const r = (await engine.call(name, args)) as Result<T>;
      if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
      return r.value;
    },
    app: (p, init) => protocol(new Request(`app://casefile${p}`, init)),
  };
}

async function uploadAndImport(h: Harness, caseId: string, files: { name: string; bytes: Uint8Array }[]) {
  const uploads = [];
  for (const f of files) {
    const res = await h.app('/api/upload', { method: 'POST', body: f.bytes as BodyInit, headers: { 'content-type': 'application/octet-stream' } });
    const body = (await res.json()) as { ok: boolean; value: { uploadId: string; size: number } };
    expect(body.value.size).toBe(f.bytes.length);
    uploads.push({ uploadId: body.value.uploadId, fileName: f.name });
  }
  return h.call<{ jobId: string; done: boolean }>('documents.import', { caseId, uploads });
}

async function importDone(h: Harness, jobId: string) {
  for (;;) {
    const s = await h.call<{ done: boolean; files: { status: string }[] }>('documents.importStatus', { jobId });
    if (s.done) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const notice = (n: number, pages = 1) => makePdf(Array.from({ length: pages }, (_, p) => textLines(`Prior Written Notice ${n}\nThe district proposes a change, page ${p + 1}.\nDate: March ${(n % 27) + 1}, 2024`)));

describe('the engine process', () => {
  it('answers API calls and byte routes over its message protocol, as the desktop app uses it', async () => {
    const dataDir = tempDir();
    const h = harness(dataDir);
    await h.engine.start();
    expect(h.engine.pid).not.toBe(process.pid);
    expect(await h.call<{ transport: string; dataDir: string }>('app.info')).toMatchObject({ transport: 'electron', dataDir });
    const { id: caseId } = await h.call<{ id: string }>('cases.create', { name: 'Engine Process' });
    const pdf = await notice(1, 2);
    const batch = await uploadAndImport(h, caseId, [{ name: 'notice.pdf', bytes: pdf }]);
    expect((await importDone(h, batch.jobId)).files.map((f) => f.status)).toEqual(['imported']);
    expect(h.events.some((e) => e.name === 'job.progress' && (e.payload as { jobId: string }).jobId === batch.jobId)).toBe(true);
    const [doc] = await h.call<{ id: string }[]>('documents.list', { caseId });
    const image = await h.app(`/api/page-image?doc=${doc.id}&page=2&width=200`);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    const original = await h.app(`/api/original?doc=${doc.id}`);
    expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    expect((await h.app('/api/original?doc=missing')).status).toBe(404);
    expect((await h.engine.call('no.such.call', {})) as Result<unknown>).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it('holds the data folder: a second engine on it is refused, and a clean stop lets go', async () => {
    const dataDir = tempDir();
    const first = harness(dataDir);
    await first.engine.start();
    const second = harness(dataDir);
    const refused = await second.engine.start().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EngineStartError);
    expect((refused as EngineStartError).shape.code).toBe('locked');
    await first.engine.stop();
    expect(existsSync(path.join(dataDir, 'casefile.lock'))).toBe(false);
    const third = harness(dataDir);
    await third.engine.start();
    expect(await third.call('cases.list')).toEqual([]);
  });

  it('killed in the middle of an import, says so and restarts; what was saved is kept and work goes on', async () => {
    const dataDir = tempDir();
    const h = harness(dataDir);
    await h.engine.start();
    const { id: caseId } = await h.call<{ id: string }>('cases.create', { name: 'Crash Test' });
    const first = await uploadAndImport(h, caseId, [{ name: 'kept.pdf', bytes: await notice(0) }]);
    await importDone(h, first.jobId);
    const [kept] = await h.call<{ id: string; sha256: string }[]>('documents.list', { caseId });

    const pile = await Promise.all(Array.from({ length: 40 }, async (_, i) => ({ name: `notice-${i + 1}.pdf`, bytes: await notice(i + 1, 3) })));
    const killedPid = h.engine.pid!;
    const batch = await uploadAndImport(h, caseId, pile);
    // Kill -9 at the batch's first progress: files are being written.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (!h.events.some((e) => (e.payload as { jobId?: string }).jobId === batch.jobId)) return;
        clearInterval(timer);
        process.kill(killedPid, 'SIGKILL');
        resolve();
      }, 1);
    });
    // A call made as it dies is answered (an error saying it restarts), never left hanging.
    const during = (await h.engine.call('documents.importStatus', { jobId: batch.jobId })) as Result<unknown>;
    if (!during.ok) expect(during.error.message).toMatch(/restart|No import job/);

    await h.engine.whenReady();
    expect(h.statuses.map((s) => s.state)).toEqual(['restarting', 'running']);
    expect((h.statuses[0] as { message: string }).message).toMatch(/stopped unexpectedly/);
    expect(h.engine.pid).not.toBe(killedPid);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'casefile.lock'), 'utf8')).pid).toBe(h.engine.pid);

    // Whole documents only: each one listed has all its pages and its original.
    const docs = await h.call<{ id: string; fileName: string; pageCount: number; status: string }[]>('documents.list', { caseId });
    expect(docs.map((d) => d.id)).toContain(kept.id);
    expect(docs.length).toBeLessThan(1 + pile.length);
    for (const d of docs) {
      expect((await h.call<unknown[]>('documents.pages', { documentId: d.id })).length, d.fileName).toBe(d.pageCount);
      expect((await h.app(`/api/original?doc=${d.id}`)).status, d.fileName).toBe(200);
    }
    // And the engine works: the rest of the pile imports now, the ones already in are duplicates.
    const again = await uploadAndImport(h, caseId, pile);
    const statuses = (await importDone(h, again.jobId)).files.map((f) => f.status);
    expect(statuses.filter((s) => s === 'imported').length + docs.length - 1).toBe(pile.length);
    expect(statuses.every((s) => s === 'imported' || s === 'duplicate')).toBe(true);
  });
});
