// Restore from Settings in the running app: the backup made by the backup route is uploaded over the
// backup-upload route, checked (a damaged, truncated or foreign file is refused with its own name in
// the message, and nothing changes), then restored into the running engine's own folder, which is
// closed, swapped and opened again: the cases are the backup's, the folder as it was is kept beside.
// Through the browser host over HTTP, and through the desktop engine process (the shipped bundle)
// behind the app:// handler.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDataFolder } from '../../../main/core/backup/backup';
import { restoreStagedBackup, stageBackupUpload } from '../../../main/core/backup/restore-live';
import { openCore } from '../../../main/core/context';
import { bootEngine } from '../../../main/engine/boot';
import { startBrowserHost } from '../../../main/host/start';
import type { Result } from '../../../shared/errors';
import { tempDir } from '../../support/core';
import { REPO_ROOT } from '../../support/fixtures';
import { engineHarness, importDone, notice, stopEngines, uploadAndImport } from '../desktop/engine-harness';

const PASS = 'restore from settings';

/** One transport: its calls and its byte routes. */
interface Transport {
  call(name: string, args?: unknown): Promise<Result<unknown>>;
  route(p: string, init: RequestInit): Promise<Response>;
}

async function value<T>(t: Transport, name: string, args?: unknown): Promise<T> {
  const r = await t.call(name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function backup(t: Transport): Promise<Buffer> {
  const res = await t.route('/api/backup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASS }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function upload(t: Transport, bytes: Uint8Array): Promise<string> {
  const res = await t.route('/api/backup-upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes as BodyInit });
  const body = (await res.json()) as { ok: boolean; value: { uploadId: string; size: number } };
  expect(body.value.size).toBe(bytes.byteLength);
  return body.value.uploadId;
}

const caseNames = async (t: Transport) => (await value<Array<{ name: string }>>(t, 'cases.list', {})).map((c) => c.name).sort();

/** Backup, change, refusals, restore: the same steps on either transport. */
async function restoreRoundTrip(t: Transport, dataDir: string) {
  await value(t, 'cases.create', { name: 'Before the backup' });
  const atBackup = await caseNames(t);
  const saved = await backup(t);
  await value(t, 'cases.create', { name: 'Made after the backup' });
  const changed = await caseNames(t);
  expect(changed).toContain('Made after the backup');

  // Refused with the chosen file's name, nothing replaced: a flipped byte, a cut-off file, another file, a wrong passphrase.
  const flipped = Buffer.from(saved);
  flipped[Math.floor(flipped.length / 2)] ^= 0xff;
  const refusals: Array<[Uint8Array, string, string, RegExp]> = [
    [flipped, 'flipped.casefile-backup', 'corrupt_file', /“flipped\.casefile-backup” is damaged or incomplete/],
    [saved.subarray(0, saved.length - 5000), 'cut.casefile-backup', 'corrupt_file', /“cut\.casefile-backup” is damaged or incomplete/],
    [Buffer.from('%PDF-1.4 not a backup'), 'letter.pdf', 'unsupported_file', /“letter\.pdf” is not an IEP Casefile backup/],
  ];
  for (const [bytes, fileName, code, message] of refusals) {
    const uploadId = await upload(t, bytes);
    const r = await t.call('app.checkBackup', { uploadId, fileName, passphrase: PASS });
    expect(r.ok, fileName).toBe(false);
    if (!r.ok) {
      expect(r.error.code, fileName).toBe(code);
      expect(r.error.message, fileName).toMatch(message);
      expect(r.error.message).not.toMatch(/staging/);
    }
    // A refused file is gone: restoring it is refused too.
    expect((await t.call('app.restoreBackup', { uploadId, fileName, passphrase: PASS })).ok).toBe(false);
  }
  const uploadId = await upload(t, saved);
  const wrong = await t.call('app.checkBackup', { uploadId, fileName: 'mine.casefile-backup', passphrase: 'not the passphrase' });
  expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  expect(await caseNames(t)).toEqual(changed);

  const check = await value<{ fileName: string; originals: number; createdAt: string }>(t, 'app.checkBackup', { uploadId, fileName: 'mine.casefile-backup', passphrase: PASS });
  expect(check.fileName).toBe('mine.casefile-backup');
  expect(check.originals).toBeGreaterThanOrEqual(1);
  expect(Date.parse(check.createdAt)).toBeGreaterThan(Date.now() - 600_000);

  const done = await value<{ previous: string }>(t, 'app.restoreBackup', { uploadId, fileName: 'mine.casefile-backup', passphrase: PASS });
  // The running engine answers from the restored folder at once: the backup's cases, the later ones gone.
  expect(await caseNames(t)).toEqual(atBackup);
  expect(atBackup).toContain('Before the backup');
  expect(path.dirname(done.previous)).toBe(path.dirname(dataDir));
  expect(existsSync(path.join(done.previous, 'casefile.sqlite'))).toBe(true);
  // It keeps working: a new case is written to the restored folder.
  await value(t, 'cases.create', { name: 'After the restore' });
  expect(await caseNames(t)).toEqual([...atBackup, 'After the restore'].sort());
  return done.previous;
}

afterEach(stopEngines);

describe('restore from Settings', () => {
  it('through the browser host over HTTP: refuses damaged files, restores into the running folder, keeps the old one', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const host = await startBrowserHost({ dataDir, rendererDir: tempDir() });
    try {
      const base = `http://127.0.0.1:${host.port}`;
      const auth = { authorization: `Bearer ${host.token}` };
      const t: Transport = {
        call: async (name, args) => (await fetch(`${base}/api/call/${name}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: args === undefined ? '' : JSON.stringify(args) })).json() as Promise<Result<unknown>>,
        route: (p, init) => fetch(`${base}${p}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...auth } }),
      };
      const { id } = await value<{ id: string }>(t, 'cases.create', { name: 'Documents' });
      const up = await fetch(`${base}/api/upload`, { method: 'POST', headers: auth, body: (await notice(1)) as BodyInit });
      const { value: staged } = (await up.json()) as { value: { uploadId: string } };
      const batch = await value<{ jobId: string; done: boolean }>(t, 'documents.import', { caseId: id, uploads: [{ uploadId: staged.uploadId, fileName: 'notice.pdf' }] });
      for (let s = batch; !s.done; ) s = await value(t, 'documents.importStatus', { jobId: batch.jobId });
      const previous = await restoreRoundTrip(t, dataDir);
      // The folder set aside opens on its own with what was there before the restore.
      const before = openCore({ dataDir: previous });
      try {
        expect((before.db.prepare('SELECT name FROM cases ORDER BY name').all() as Array<{ name: string }>).map((c) => c.name)).toContain('Made after the backup');
      } finally {
        await before.close();
      }
      // The events stream answers for the new core.
      const events = await fetch(`${base}/api/events`, { headers: auth });
      expect(events.status).toBe(200);
      await events.body?.cancel();
    } finally {
      await host.stop();
    }
  }, 240_000);

  it('through the desktop engine process and app://', async () => {
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const dataDir = path.join(tempDir(), 'data');
    const h = engineHarness(path.join(REPO_ROOT, 'out/main/engine.cjs'), dataDir);
    await h.engine.start();
    const { id } = await h.call<{ id: string }>('cases.create', { name: 'Documents' });
    await importDone(h, (await uploadAndImport(h, id, [{ name: 'notice.pdf', bytes: await notice(2) }])).jobId);
    await restoreRoundTrip({ call: (name, args) => h.engine.call(name, args), route: (p, init) => h.app(p, init) }, dataDir);
    // Core events still reach the main process from the reopened folder.
    const seen = h.events.length;
    await h.call('cases.create', { name: 'Evented' });
    await expect.poll(() => h.events.length).toBeGreaterThan(seen);
  }, 240_000);

  it('puts the folder back when the restored one does not open', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const engine = bootEngine({ dataDir, purpose: 'test' });
    try {
      const ctx = { core: engine.core, transport: 'browser' as const };
      await engine.registry.call('cases.create', { name: 'In the backup' }, ctx);
      const file = path.join(tempDir(), 'b.casefile-backup');
      backupDataFolder(engine.core, file, PASS);
      await engine.registry.call('cases.create', { name: 'Only after' }, ctx);
      const names = () => (engine.core.db.prepare('SELECT name FROM cases ORDER BY name').all() as Array<{ name: string }>).map((c) => c.name);
      const before = names();
      expect(before).toEqual(['In the backup', 'Only after']);
      const stage = async () => (await stageBackupUpload(engine.core, (async function* () { yield readFileSync(file); })(), 0)).uploadId;

      // The restored folder "does not open": the first reopen fails after the swap.
      let reopens = 0;
      const failingFirst = async (between: () => void) => {
        await engine.reopen(between);
        if (++reopens === 1) throw new Error('the restored folder did not open');
      };
      const args = { uploadId: await stage(), fileName: 'b.casefile-backup', passphrase: PASS };
      await expect(restoreStagedBackup(engine.core, { reopen: failingFirst }, args)).rejects.toThrow(/the folder as it was is back in place/);
      expect(reopens).toBe(2);
      expect(names()).toEqual(before);
      const aside = readdirSync(path.dirname(dataDir)).filter((f) => f.startsWith('data.failed-restore-'));
      expect(aside).toHaveLength(1);
      expect(existsSync(path.join(path.dirname(dataDir), aside[0], 'casefile.sqlite'))).toBe(true);

      // Tried again without the failure, the restore goes through.
      const running = { uploadId: await stage(), fileName: 'b.casefile-backup', passphrase: PASS };
      await restoreStagedBackup(engine.core, { reopen: (b) => engine.reopen(b) }, running);
      expect(names()).toEqual(['In the backup']);
    } finally {
      await engine.stop();
    }
  }, 120_000);
});
