// Drives an engine process the way the desktop app's main process does: forked from a bundle,
// through EngineSupervisor and the app:// handler. Used on out/main (the build) and on what
// electron-builder packed.
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { EngineSupervisor, type EngineChild, type EngineStatus, type SupervisorOptions } from '../../../main/engine/supervisor';
import { appProtocolHandler } from '../../../main/host/app-protocol';
import type { FromEngine } from '../../../main/engine/protocol';
import type { Result } from '../../../shared/errors';
import { makePdf, textLines } from '../documents/make-files';
import { REPO_ROOT } from '../../support/fixtures';

export const notice = (n: number, pages = 1) => makePdf(Array.from({ length: pages }, (_, p) => textLines(`Prior Written Notice ${n}\nThe district proposes a change, page ${p + 1}.\nDate: March ${(n % 27) + 1}, 2024`)));

function forkEngine(entry: string, dataDir: string, extraArgs: string[], env?: NodeJS.ProcessEnv): EngineChild {
  const child = fork(entry, [`--data-dir=${dataDir}`, ...extraArgs], { cwd: REPO_ROOT, env, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

export interface Harness {
  dataDir: string;
  engine: EngineSupervisor;
  events: { name: string; payload: unknown }[];
  statuses: EngineStatus[];
  call<T>(name: string, args?: unknown): Promise<T>;
  app(p: string, init?: RequestInit): Promise<Response>;
}

const running: EngineSupervisor[] = [];

/** Stops every engine a test started (for afterEach). */
export async function stopEngines(): Promise<void> {
  await Promise.all(running.splice(0).map((e) => e.stop()));
}

export interface HarnessOptions {
  /** The engine's environment, made at each start as the app's main process does (its key in it). */
  env?: () => NodeJS.ProcessEnv;
  /** The main process's keeping of a restored folder's key (the app: safeStorage). */
  holdKey?: SupervisorOptions['holdKey'];
}

/** A supervisor over a forked engine entry (a bundle), with the app:// handler in front of its byte routes. */
export function engineHarness(entry: string, dataDir: string, extraArgs: string[] = [], opts: HarnessOptions = {}): Harness {
  const events: Harness['events'] = [];
  const statuses: EngineStatus[] = [];
  const engine = new EngineSupervisor({ spawn: () => forkEngine(entry, dataDir, extraArgs, opts.env?.()), holdKey: opts.holdKey, onEvent: (name, payload) => events.push({ name, payload }), onStatus: (s) => statuses.push(s), restartDelayMs: 50 });
  running.push(engine);
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  const protocol = appProtocolHandler({ rendererDir, files: (req) => engine.fetch(req) });
  return {
    dataDir,
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

export async function uploadAndImport(h: Harness, caseId: string, files: { name: string; bytes: Uint8Array }[]) {
  const uploads = [];
  for (const f of files) {
    const res = await h.app('/api/upload', { method: 'POST', body: f.bytes as BodyInit, headers: { 'content-type': 'application/octet-stream' } });
    const body = (await res.json()) as { ok: boolean; value: { uploadId: string; size: number } };
    expect(body.value.size).toBe(f.bytes.length);
    uploads.push({ uploadId: body.value.uploadId, fileName: f.name });
  }
  return h.call<{ jobId: string; done: boolean }>('documents.import', { caseId, uploads });
}

export async function importDone(h: Harness, jobId: string) {
  for (;;) {
    const s = await h.call<{ done: boolean; files: { status: string }[] }>('documents.importStatus', { jobId });
    if (s.done) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One pass over what the app does: calls, an upload and import, a page image, the original, a letter PDF and an exhibit list. */
export async function checkEngineServes(h: Harness): Promise<void> {
    await h.engine.start();
    expect(h.engine.pid).not.toBe(process.pid);
    expect(await h.call<{ transport: string; dataDir: string }>('app.info')).toMatchObject({ transport: 'electron', dataDir: h.dataDir });
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
    // The bundles make PDFs too: a letter (pdfkit in the engine) and an exhibit list (the packet worker).
    const draft = await h.call<object>('letters.draft', { caseId, template: 'records_request' });
    const letter = await h.call<{ id: string }>('letters.save', { caseId, draft });
    const letterPdf = await h.app(`/api/letter-file?letter=${letter.id}&format=pdf`);
    expect([letterPdf.status, Buffer.from(await letterPdf.arrayBuffer()).subarray(0, 5).toString()]).toEqual([200, '%PDF-']);
    const list = await h.call<{ jobId: string }>('packet.exhibitList', { caseId, bates: { prefix: 'E-', start: 1, digits: 4, position: 'bottom-right' }, labelStyle: 'P-1', sections: ['exhibits'], exhibits: [{ documentId: doc.id }] });
    const listPdf = await h.app(`/api/packet-file?job=${list.jobId}`);
    expect([listPdf.status, listPdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect((await h.engine.call('no.such.call', {})) as Result<unknown>).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
}
