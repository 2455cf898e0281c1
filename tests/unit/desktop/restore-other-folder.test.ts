// The new-laptop case in the desktop app: a backup made on another data folder (its own key, sealed
// inside the backup under the backup's passphrase) restored from Settings. The engine process (the
// shipped bundle, forked as utilityProcess.fork would) unpacks and checks it, hands the restored key
// to the main process over the engine channel, the main process's own key code (main/engine/
// desktop-key.ts, what main/app/main.ts runs) wraps it with safeStorage, and the engine is started
// again on the restored folder with the key read back through safeStorage. Only safeStorage's
// encrypt/decrypt is played (real AES-GCM under a stand-in OS key); the databases, files and
// processes are real.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engineKey, holdRestoredKey } from '../../../main/engine/desktop-key';
import { unlockDataFolder } from '../../../main/core/vault/unlock';
import { readVault } from '../../../main/core/vault/vault';
import type { Result } from '../../../shared/errors';
import { tempDir } from '../../support/core';
import { REPO_ROOT } from '../../support/fixtures';
import { engineHarness, importDone, notice, stopEngines, uploadAndImport, type Harness } from './engine-harness';
import { bulkyPdf } from '../backup/bulky-pdf';
import { envWithoutKey, fakeSafeStorage } from './fake-safe-storage';

const ENTRY = path.join(REPO_ROOT, 'out/main/engine.cjs');
const PASS = 'the backup passphrase';

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
});
afterEach(stopEngines);

/** The desktop app on `dataDir`, its key kept by `safeStorage` as main/app/main.ts keeps it. */
function desktop(dataDir: string, osKey: string): Harness {
  const store = { safeStorage: fakeSafeStorage(osKey), env: envWithoutKey() };
  // Electron makes the userData folder before the app reads its key.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return engineHarness(ENTRY, dataDir, [], {
    env: () => ({ ...envWithoutKey(), CASEFILE_KEY: engineKey(dataDir, store) }),
    holdKey: (master) => holdRestoredKey(master, store),
  });
}

const caseNames = async (h: Harness) => (await h.call<Array<{ name: string }>>('cases.list', {})).map((c) => c.name).sort();

async function originals(h: Harness): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const c of await h.call<Array<{ id: string }>>('cases.list', {})) {
    for (const d of await h.call<Array<{ id: string; fileName: string; sha256: string }>>('documents.list', { caseId: c.id })) {
      const res = await h.app(`/api/original?doc=${d.id}`);
      expect(res.status).toBe(200);
      const { createHash } = await import('node:crypto');
      out[d.fileName] = createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex');
      expect(out[d.fileName]).toBe(d.sha256);
    }
  }
  return out;
}

async function uploadBackup(h: Harness, bytes: Uint8Array): Promise<string> {
  const res = await h.app('/api/backup-upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes as BodyInit });
  return ((await res.json()) as { value: { uploadId: string } }).value.uploadId;
}

describe('restoring another data folder’s backup in the desktop app', () => {
  it('the main process keeps the restored key with safeStorage and the engine starts again on the restored folder', async () => {
    // The old laptop: its own folder, its own OS keychain.
    const oldLaptop = desktop(path.join(tempDir(), 'old-laptop'), randomBytes(32).toString('hex'));
    await oldLaptop.engine.start();
    const { id: caseId } = await oldLaptop.call<{ id: string }>('cases.create', { name: 'Rivera' });
    await importDone(oldLaptop, (await uploadAndImport(oldLaptop, caseId, [{ name: 'pwn-1.pdf', bytes: await notice(1, 2) }, { name: 'pwn-2.pdf', bytes: await notice(2) }])).jobId);
    const oldNames = await caseNames(oldLaptop);
    const oldOriginals = await originals(oldLaptop);
    const res = await oldLaptop.app('/api/backup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASS }) });
    expect(res.status).toBe(200);
    const backup = Buffer.from(await res.arrayBuffer());
    await oldLaptop.engine.stop();
    const oldMaster = readVault(oldLaptop.dataDir)!;

    // The new laptop: the app started once (its own key, made on first run), a case of its own.
    const osKey = randomBytes(32).toString('hex');
    const dataDir = path.join(tempDir(), 'new-laptop');
    const h = desktop(dataDir, osKey);
    await h.engine.start();
    await h.call('cases.create', { name: 'Only on the new laptop' });
    const firstPid = h.engine.pid;

    const uploadId = await uploadBackup(h, backup);
    const check = await h.call<{ originals: number; otherFolder: boolean }>('app.checkBackup', { uploadId, fileName: 'old-laptop.casefile-backup', passphrase: PASS });
    expect(check).toMatchObject({ originals: 2, otherFolder: true });
    const done = await h.call<{ otherFolder: boolean; previous: string; originals: number }>('app.restoreBackup', { uploadId, fileName: 'old-laptop.casefile-backup', passphrase: PASS });
    expect(done).toMatchObject({ otherFolder: true, originals: 2 });

    // The engine was started again (a new process) on the restored folder: the old laptop's cases and originals, byte for byte.
    await expect.poll(() => h.engine.pid).not.toBe(firstPid);
    await h.engine.whenReady();
    expect(await caseNames(h)).toEqual(oldNames);
    expect(await originals(h)).toEqual(oldOriginals);

    // The restored folder's key is the old laptop's, kept here by safeStorage only: vault.json has a
    // safeStorage way in that opens with this machine's keychain and with no other.
    const vault = readVault(dataDir)!;
    expect(vault.check).toBe(oldMaster.check);
    expect(vault.wrappers.map((w) => w.kind)).toEqual(['safeStorage']);
    const here = unlockDataFolder(dataDir, { safeStorage: fakeSafeStorage(osKey), env: envWithoutKey(), keyring: false, prompt: false });
    expect(here.created).toBe(false);
    expect(() => unlockDataFolder(dataDir, { safeStorage: fakeSafeStorage(randomBytes(32).toString('hex')), env: envWithoutKey(), keyring: false, prompt: false })).toThrow(/none of its keys is reachable/);
    expect(readFileSync(path.join(dataDir, 'vault.json'), 'utf8')).not.toContain(here.master.toString('hex'));

    // The folder as it was is kept beside, whole, under this laptop's key.
    const previousKey = engineKey(done.previous, { safeStorage: fakeSafeStorage(osKey), env: envWithoutKey() });
    expect(previousKey).not.toBe(here.master.toString('hex'));
    expect(readdirSync(path.dirname(dataDir)).filter((f) => f.includes('.restoring-') || f.endsWith('.restore-swap.json'))).toEqual([]);

    // It keeps working, a crash restart reads the key through safeStorage again, and so does the next launch.
    await h.call('cases.create', { name: 'After the restore' });
    process.kill(h.engine.pid!, 'SIGKILL');
    await expect.poll(() => h.statuses.some((s) => s.state === 'restarting')).toBe(true);
    await h.engine.whenReady();
    expect(await caseNames(h)).toEqual([...oldNames, 'After the restore'].sort());
    await h.engine.stop();
    const relaunched = desktop(dataDir, osKey);
    await relaunched.engine.start();
    expect(await originals(relaunched)).toEqual(oldOriginals);
  }, 240_000);

  it('a backup of this same folder keeps the folder’s safeStorage way in: no restart, and the next launch opens it', async () => {
    const osKey = randomBytes(32).toString('hex');
    const dataDir = path.join(tempDir(), 'laptop');
    const h = desktop(dataDir, osKey);
    await h.engine.start();
    await h.call('cases.create', { name: 'In the backup' });
    const res = await h.app('/api/backup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASS }) });
    const backup = Buffer.from(await res.arrayBuffer());
    await h.call('cases.create', { name: 'After the backup' });
    const pid = h.engine.pid;
    const uploadId = await uploadBackup(h, backup);
    expect(await h.call('app.checkBackup', { uploadId, fileName: 'laptop.casefile-backup', passphrase: PASS })).toMatchObject({ otherFolder: false });
    const done = await h.call<{ otherFolder: boolean }>('app.restoreBackup', { uploadId, fileName: 'laptop.casefile-backup', passphrase: PASS });
    expect(done.otherFolder).toBe(false);
    expect(h.engine.pid).toBe(pid);
    expect(await caseNames(h)).toEqual(['In the backup']);
    expect(readVault(dataDir)!.wrappers.map((w) => w.kind)).toEqual(['safeStorage']);
    await h.engine.stop();
    const relaunched = desktop(dataDir, osKey);
    await relaunched.engine.start();
    expect(await caseNames(relaunched)).toEqual(['In the backup']);
  }, 240_000);

  it('killed -9 while it restores, the engine comes back on one whole folder, the old or the restored', async () => {
    const oldLaptop = desktop(path.join(tempDir(), 'old-laptop'), randomBytes(32).toString('hex'));
    await oldLaptop.engine.start();
    const { id: caseId } = await oldLaptop.call<{ id: string }>('cases.create', { name: 'Large scan' });
    // A large original, so that the restore takes long enough to be caught in the middle.
    await importDone(oldLaptop, (await uploadAndImport(oldLaptop, caseId, [{ name: 'scan.pdf', bytes: await bulkyPdf(48) }])).jobId);
    const oldOriginals = await originals(oldLaptop);
    const res = await oldLaptop.app('/api/backup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASS }) });
    const backup = Buffer.from(await res.arrayBuffer());
    await oldLaptop.engine.stop();

    const osKey = randomBytes(32).toString('hex');
    const dataDir = path.join(tempDir(), 'new-laptop');
    const h = desktop(dataDir, osKey);
    await h.engine.start();
    await h.call('cases.create', { name: 'Only on the new laptop' });
    const uploadId = await uploadBackup(h, backup);
    const killed = h.engine.pid!;
    const restoring = h.engine.call('app.restoreBackup', { uploadId, fileName: 'old-laptop.casefile-backup', passphrase: PASS }) as Promise<Result<unknown>>;
    // Kill -9 as soon as the restored folder is being written beside the data folder.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (!readdirSync(path.dirname(dataDir)).some((f) => f.includes('.restoring-'))) return;
        clearInterval(timer);
        process.kill(killed, 'SIGKILL');
        resolve();
      }, 1);
    });
    const answer = await restoring;
    if (!answer.ok) expect(answer.error.message).toMatch(/restart/);
    await expect.poll(() => h.engine.pid).not.toBe(killed);
    await h.engine.whenReady();
    const names = await caseNames(h);
    if (names.includes('Large scan')) {
      expect(names).toEqual(['Large scan']);
      expect(await originals(h)).toEqual(oldOriginals);
    } else expect(names).toEqual(['Only on the new laptop']);
    expect(readdirSync(path.dirname(dataDir)).filter((f) => f.includes('.restoring-') || f.endsWith('.restore-swap.json'))).toEqual([]);
  }, 240_000);

  it('where the main process cannot keep the key, the restore is refused with what to do and nothing changes', async () => {
    const other = desktop(path.join(tempDir(), 'other'), randomBytes(32).toString('hex'));
    await other.engine.start();
    await other.call('cases.create', { name: 'Elsewhere' });
    const res = await other.app('/api/backup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASS }) });
    const backup = Buffer.from(await res.arrayBuffer());
    await other.engine.stop();

    // A Linux desktop without a keychain (safeStorage is no protection there) and no CASEFILE_PASSPHRASE.
    const dataDir = path.join(tempDir(), 'no-keychain');
    const env = { ...envWithoutKey(), CASEFILE_PASSPHRASE: 'this laptop passphrase' };
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const h = engineHarness(ENTRY, dataDir, [], {
      env: () => ({ ...envWithoutKey(), CASEFILE_KEY: engineKey(dataDir, { env }) }),
      holdKey: (master) => holdRestoredKey(master, { env: envWithoutKey() }),
    });
    await h.engine.start();
    await h.call('cases.create', { name: 'Stays' });
    const pid = h.engine.pid;
    const uploadId = await uploadBackup(h, backup);
    const r = (await h.engine.call('app.restoreBackup', { uploadId, fileName: 'other.casefile-backup', passphrase: PASS })) as Result<unknown>;
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    if (!r.ok) expect(r.error.message).toMatch(/No OS keychain .* CASEFILE_PASSPHRASE/);
    expect(h.engine.pid).toBe(pid);
    expect(await caseNames(h)).toEqual(['Stays']);
    expect(readdirSync(path.dirname(dataDir)).sort()).toEqual(['no-keychain']);
  }, 240_000);
});
