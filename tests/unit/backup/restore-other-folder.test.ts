// A backup of another data folder (another computer's, with its own key) restored into a running
// folder: through the browser host's API, which keeps the key as its key source does (here
// CASEFILE_PASSPHRASE) or, started with CASEFILE_KEY, says what to do and changes nothing; and a
// kill -9 at each step of the desktop engine's restore (a child process, the key held through a
// stand-in safeStorage), after which the app's next start finds the folder as it was or the
// restored one, whole, and no half-swapped state.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backupDataFolder } from '../../../main/core/backup/backup';
import { createCase } from '../../../main/core/cases';
import { openCore, type Core } from '../../../main/core/context';
import { sha256Hex } from '../../../main/core/documents/blob-store';
import { readVault } from '../../../main/core/vault/vault';
import { engineKey } from '../../../main/engine/desktop-key';
import { startBrowserHost } from '../../../main/host/start';
import type { Result } from '../../../shared/errors';
import { tempDir } from '../../support/core';
import { REPO_ROOT } from '../../support/fixtures';
import { importAndExtract } from '../../support/import-doc';
import { envWithoutKey, fakeSafeStorage } from '../desktop/fake-safe-storage';
import { notice } from '../desktop/engine-harness';

const PASS = 'old laptop backup';
let backupFile: string;
let oldCases: string[];
let oldBlobs: string[];

const names = (core: Core) => (core.db.prepare('SELECT name FROM cases ORDER BY name').all() as Array<{ name: string }>).map((c) => c.name);
const blobs = (core: Core) => (core.db.prepare('SELECT sha256 FROM blobs ORDER BY sha256').all() as Array<{ sha256: string }>).map((b) => b.sha256);

/** Every original opens to its SHA-256. */
function originalsWhole(core: Core): void {
  for (const sha of blobs(core)) expect(sha256Hex(core.blobs.get(sha))).toBe(sha);
}

beforeAll(async () => {
  // The old laptop's folder, under its own key (the test configuration's CASEFILE_KEY).
  const core = openCore({ dataDir: path.join(tempDir(), 'old-laptop') });
  try {
    const { id } = createCase(core, { name: 'Okafor' });
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notice.pdf'), await notice(7, 2));
    await importAndExtract(core, id, dir, 'notice.pdf');
    oldCases = names(core);
    oldBlobs = blobs(core);
    backupFile = path.join(tempDir(), 'old-laptop.casefile-backup');
    backupDataFolder(core, backupFile, PASS);
  } finally {
    await core.close();
  }
});

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

async function hostRestore(dataDir: string) {
  const host = await startBrowserHost({ dataDir, rendererDir: tempDir() });
  const base = `http://127.0.0.1:${host.port}`;
  const auth = { authorization: `Bearer ${host.token}` };
  const call = async (name: string, args?: unknown) => (await fetch(`${base}/api/call/${name}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(args ?? {}) })).json() as Promise<Result<unknown>>;
  await call('cases.create', { name: 'On this machine' });
  const up = await fetch(`${base}/api/backup-upload`, { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: readFileSync(backupFile) });
  const { value } = (await up.json()) as { value: { uploadId: string } };
  const restored = await call('app.restoreBackup', { uploadId: value.uploadId, fileName: 'old-laptop.casefile-backup', passphrase: PASS });
  const cases = await call('cases.list', {});
  return { host, call, restored, cases: cases.ok ? (cases.value as Array<{ name: string }>).map((c) => c.name).sort() : cases };
}

describe('restoring another data folder’s backup through the browser host', () => {
  it('under CASEFILE_PASSPHRASE: the restored folder is opened with the same passphrase, now and at the next start', async () => {
    delete process.env.CASEFILE_KEY;
    process.env.CASEFILE_PASSPHRASE = 'this machine passphrase';
    process.env.CASEFILE_KEYRING = 'off';
    const dataDir = path.join(tempDir(), 'data');
    const { host, call, restored, cases } = await hostRestore(dataDir);
    try {
      expect(restored).toMatchObject({ ok: true, value: { otherFolder: true, originals: 1 } });
      expect(cases).toEqual(oldCases);
      expect((await call('cases.create', { name: 'After' })).ok).toBe(true);
      expect(readVault(dataDir)!.wrappers.map((w) => w.kind)).toEqual(['passphrase']);
    } finally {
      await host.stop();
    }
    const again = openCore({ dataDir });
    try {
      expect(names(again)).toEqual([...oldCases, 'After'].sort());
      expect(blobs(again)).toEqual(oldBlobs);
      originalsWhole(again);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('under CASEFILE_KEY: refused, saying how to start it instead; nothing changes', async () => {
    process.env.CASEFILE_KEY = randomBytes(32).toString('hex');
    const dataDir = path.join(tempDir(), 'data');
    const { host, restored, cases } = await hostRestore(dataDir);
    try {
      expect(restored).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      if (!restored.ok) expect(restored.error.message).toMatch(/“old-laptop\.casefile-backup” is a backup of another data folder.*started with CASEFILE_KEY.*`casefile serve` with CASEFILE_PASSPHRASE/);
      expect(cases).toEqual(['On this machine']);
      expect(readdirSync(path.dirname(dataDir))).toEqual(['data']);
    } finally {
      await host.stop();
    }
  }, 120_000);
});

/** Runs the desktop restore in a child that kills itself with SIGKILL at `step`. */
function runChild(dataDir: string, osKey: string, step: string): Promise<{ code: number | null; signal: string | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/unit/backup/restore-kill-child.ts'), dataDir, backupFile, PASS, step], { cwd: REPO_ROOT, env: { ...envWithoutKey(), TEST_OS_KEY: osKey }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

describe('a kill -9 during the desktop restore of another folder’s backup', () => {
  const beforeSwap = ['unpacked', 'checked', 'key-held', 'journal-written'];
  const afterSwap = ['set-aside', 'swapped', 'none'];
  it.each([...beforeSwap, ...afterSwap])('killed at %s: the next start finds one whole folder, the old or the restored', async (step) => {
    const osKey = randomBytes(32).toString('hex');
    const store = { safeStorage: fakeSafeStorage(osKey), env: envWithoutKey() };
    const dataDir = path.join(tempDir(), 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    const first = openCore({ dataDir, keySource: { env: { CASEFILE_KEY: engineKey(dataDir, store) } } });
    createCase(first, { name: 'On this laptop' });
    await first.close();

    const r = await runChild(dataDir, osKey, step);
    if (step === 'none') expect([r.code, r.out]).toEqual([0, 'done\n']);
    else expect(r.signal).toBe('SIGKILL');

    // The app starts again: the main process reads the key through safeStorage (finishing or undoing the swap first).
    const key = engineKey(dataDir, store);
    const core = openCore({ dataDir, keySource: { env: { CASEFILE_KEY: key } } });
    try {
      if (beforeSwap.includes(step)) {
        expect(names(core)).toEqual(['On this laptop']);
      } else {
        expect(names(core)).toEqual(oldCases);
        expect(blobs(core)).toEqual(oldBlobs);
        originalsWhole(core);
      }
    } finally {
      await core.close();
    }
    const beside = readdirSync(path.dirname(dataDir));
    expect(beside.filter((f) => f.includes('.restoring-') || f.includes('.restore-swap'))).toEqual([]);
    // Restored: the folder as it was is kept beside, whole, and still opens with this laptop's key.
    const previous = beside.filter((f) => f.startsWith('data.before-restore-'));
    expect(previous).toHaveLength(beforeSwap.includes(step) ? 0 : 1);
    if (previous.length) {
      const dir = path.join(path.dirname(dataDir), previous[0]);
      expect(existsSync(path.join(dir, 'vault.json'))).toBe(true);
      const old = openCore({ dataDir: dir, keySource: { env: { CASEFILE_KEY: engineKey(dir, store) } } });
      try {
        expect(names(old)).toEqual(['On this laptop']);
      } finally {
        await old.close();
      }
    }
  }, 120_000);
});
