// Backup and restore of a whole data folder on real files: the backup is taken while the engine
// runs; restored into a fresh folder, every table row and every original's SHA-256 are equal; a
// flipped byte, a truncated file, a wrong passphrase or another file is refused with a clear message
// and nothing is restored; a kill -9 of `casefile backup` part-way leaves no backup file that looks
// finished and the data folder as it was.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDataFolder, restoreDataFolder } from '../../../main/core/backup/backup';
import { openCore, type Core } from '../../../main/core/context';
import { sha256Hex } from '../../../main/core/documents/blob-store';
import { bootEngine, type Engine } from '../../../main/engine/boot';
import type { CallContext } from '../../../main/ipc/registry';
import { runCasefile, startCasefile } from '../../support/cli';
import { makePdf, textLines } from '../documents/make-files';
import { tempDir } from '../../support/core';

const PASS = 'backup passphrase 123';
let engine: Engine;
let ctx: CallContext;
let dataDir: string;
let backupFile: string;
const CANARY = `bk${randomBytes(5).toString('hex')}`;

const call = <T>(name: string, args?: unknown) => engine.registry.call(name as never, args as never, ctx) as Promise<T>;

function tables(core: Core): Record<string, string> {
  const names = core.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return Object.fromEntries(names.map(({ name }) => [name, JSON.stringify(core.db.prepare(`SELECT * FROM "${name}"`).raw().all())]));
}

function originals(core: Core): Record<string, string> {
  return Object.fromEntries(core.blobs.list().map((sha) => [sha, sha256Hex(core.blobs.get(sha))]));
}

beforeAll(async () => {
  dataDir = tempDir();
  engine = bootEngine({ dataDir, purpose: 'test' });
  ctx = { core: engine.core, transport: 'cli' };
  const c = await call<{ id: string }>('cases.create', { name: 'Backup Test', childName: 'Backup Child', dob: '2014-02-03' });
  const { importOne } = await import('../../../main/core/documents/import');
  for (let i = 0; i < 3; i++) {
    const pdf = await makePdf([textLines(`Progress report ${i}\nReference ${CANARY}\nDate: March ${i + 3}, 2024`)]);
    await importOne(engine.core, c.id, { fileName: `report-${i}.pdf`, source: `report-${i}.pdf`, read: () => pdf });
  }
  // A large original spanning many chunks.
  await importOne(engine.core, c.id, { fileName: 'big.pdf', source: 'big.pdf', read: () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3_000_000)]) }).catch(() => undefined);
  const draft = await call<object>('letters.draft', { caseId: c.id, template: 'records_request' });
  await call('letters.save', { caseId: c.id, draft });
  backupFile = path.join(tempDir(), 'casefile.backup');
}, 120_000);

afterAll(async () => {
  await engine?.stop();
});

describe('backup and restore', () => {
  it('backs up while the engine runs and restores byte for byte into a fresh folder', async () => {
    const summary = backupDataFolder(engine.core, backupFile, PASS);
    expect(summary.originals).toBeGreaterThanOrEqual(3);
    const raw = readFileSync(backupFile);
    expect(raw.includes(CANARY)).toBe(false);
    expect(raw.includes('Backup Child')).toBe(false);
    expect(statSync(backupFile).mode & 0o077).toBe(0);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('.backup-'))).toEqual([]);

    const target = path.join(tempDir(), 'restored');
    const restored = restoreDataFolder(backupFile, target, PASS);
    expect(restored.previous).toBeNull();
    const core = openCore({ dataDir: target });
    try {
      expect(tables(core)).toEqual(tables(engine.core));
      expect(originals(core)).toEqual(originals(engine.core));
      for (const [sha, got] of Object.entries(originals(core))) expect(got).toBe(sha);
    } finally {
      await core.close();
    }
  }, 120_000);

  it('refuses a damaged, truncated or foreign file and a wrong passphrase, restoring nothing', () => {
    const raw = readFileSync(backupFile);
    const dir = tempDir();
    const attempt = (bytes: Buffer, pass = PASS) => {
      const f = path.join(dir, `try-${randomBytes(4).toString('hex')}`);
      writeFileSync(f, bytes);
      const target = path.join(dir, `target-${randomBytes(4).toString('hex')}`);
      let message = '';
      try {
        restoreDataFolder(f, target, pass);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(existsSync(target), message).toBe(false);
      expect(readdirSync(dir).filter((n) => n.includes('.restoring-'))).toEqual([]);
      return message;
    };
    const flipped = Buffer.from(raw);
    flipped[Math.floor(raw.length * 0.6)] ^= 0x10;
    expect(attempt(flipped)).toMatch(/damaged or incomplete/);
    expect(attempt(raw.subarray(0, Math.floor(raw.length * 0.7)))).toMatch(/damaged or incomplete/);
    expect(attempt(raw.subarray(0, raw.length - 1))).toMatch(/damaged or incomplete/);
    expect(attempt(raw.subarray(0, 40))).toMatch(/damaged or incomplete|too short/);
    expect(attempt(raw, 'not the passphrase')).toMatch(/not the passphrase/);
    expect(attempt(Buffer.from('%PDF-1.4 not a backup at all, just some bytes here'))).toMatch(/not an IEP Casefile backup/);
  });

  it('keeps a folder holding cases unless asked to replace it, and then sets it aside', () => {
    const target = tempDir();
    const seeded = openCore({ dataDir: target });
    const before = tables(seeded).cases;
    void seeded.close();
    expect(() => restoreDataFolder(backupFile, target, PASS)).toThrow(/already holds cases/);
    const r = restoreDataFolder(backupFile, target, PASS, { replace: true });
    expect(r.previous && existsSync(path.join(r.previous, 'casefile.sqlite'))).toBe(true);
    const old = openCore({ dataDir: r.previous! });
    expect(tables(old).cases).toBe(before);
    void old.close();
  });

  it('casefile backup and restore run as commands; a backup killed part-way leaves the folder and no finished file', async () => {
    const env = { CASEFILE_BACKUP_PASSPHRASE: PASS };
    const out = path.join(tempDir(), 'cli.backup');
    const b = runCasefile(['backup', '--out', out, '--json'], { dataDir, env });
    expect(b.code, b.stderr).toBe(0);
    expect((JSON.parse(b.stdout) as { originals: number }).originals).toBeGreaterThanOrEqual(3);
    const target = path.join(tempDir(), 'cli-restored');
    const r = runCasefile(['restore', out], { dataDir: target, env });
    expect(r.code, r.stderr).toBe(0);
    const bad = runCasefile(['restore', out], { dataDir: target, env: { CASEFILE_BACKUP_PASSPHRASE: 'wrong passphrase' } });
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringMatching(/already holds cases|not the passphrase/)]);

    for (const delay of [300, 900, 1500]) {
      const killedOut = path.join(tempDir(), `killed-${delay}.backup`);
      const child = startCasefile(['backup', '--out', killedOut], { dataDir, env });
      await new Promise((res) => setTimeout(res, delay));
      child.kill('SIGKILL');
      await child.done;
      // Either finished before the kill (then it restores) or absent: never a partial file under that name.
      if (existsSync(killedOut)) expect(restoreDataFolder(killedOut, path.join(tempDir(), 'k'), PASS).originals).toBeGreaterThanOrEqual(3);
    }
    // The engine's folder is intact and still answers.
    expect((await call<unknown[]>('cases.list', {})).length).toBe(1);
  }, 240_000);
});
