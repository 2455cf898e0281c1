// A plain data folder (as an earlier version left it) is encrypted in place when opened, and a
// kill -9 at any step of that (a real child process, killed at each step and at once) loses
// nothing: opened again it finishes, every table's rows and every original's SHA-256 are as
// before, no plain byte of the canary is left anywhere in the folder and the plain backup is gone.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { openCore, type Core } from '../../../main/core/context';
import { migrate } from '../../../main/core/db/migrate';
import { sha256Hex } from '../../../main/core/documents/blob-store';
import { isSealed } from '../../../main/core/vault/sealed';
import { REPO_ROOT } from '../../support/fixtures';
import { tempDir } from '../../support/core';

const CANARY = `canary-${randomBytes(6).toString('hex')}`;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function snapshot(core: Core) {
  const tables = core.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return Object.fromEntries(tables.map(({ name }) => [name, JSON.stringify(core.db.prepare(`SELECT * FROM "${name}"`).raw().all())]));
}

/** A plain folder with a case naming the canary and 300 originals holding it (about 20 MB). */
async function plainFolder(): Promise<{ dir: string; rows: Record<string, string>; shas: string[] }> {
  const dir = tempDir('casefile-plain-');
  const core = openCore({ dataDir: dir, migrate: false });
  expect(core.keys).toBeNull();
  migrate(core.db);
  createCase(core, { name: `Case ${CANARY}`, childName: `Child ${CANARY}` });
  const shas: string[] = [];
  for (let i = 0; i < 300; i++) shas.push(core.blobs.put(Buffer.concat([Buffer.from(`${CANARY} original ${i} `), randomBytes(60_000 + i)])));
  const rows = snapshot(core);
  await core.close();
  expect(readFileSync(path.join(dir, 'casefile.sqlite')).includes(CANARY)).toBe(true);
  return { dir, rows, shas };
}

/** Runs the child on `dir`, killing it with SIGKILL when it prints `killAt` (the n-th time). */
function runChild(dir: string, killAt: string | null, nth = 1): Promise<{ killed: boolean; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/unit/security/encrypt-child.ts'), dir], { cwd: REPO_ROOT, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let seen = 0;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (killAt && !child.killed) {
      seen = out.split('\n').filter((l) => l === `step ${killAt}`).length;
      if (seen >= nth) child.kill('SIGKILL');
    }
  });
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', out })));
}

async function expectIntact(dir: string, rows: Record<string, string>, shas: string[]) {
  const core = openCore({ dataDir: dir });
  try {
    expect(core.keys).not.toBeNull();
    expect(snapshot(core)).toEqual(rows);
    for (const sha of shas) expect(sha256Hex(core.blobs.get(sha))).toBe(sha);
  } finally {
    await core.close();
  }
  const files = allFiles(dir);
  expect(files.map((f) => path.basename(f)).filter((f) => /plain-backup|encrypting/.test(f))).toEqual([]);
  for (const f of files) {
    expect(readFileSync(f).includes(CANARY), f).toBe(false);
    if (process.platform !== 'win32') expect(statSync(f).mode & 0o077, f).toBe(0);
  }
  for (const sha of shas) expect(isSealed(readFileSync(path.join(dir, 'originals', sha.slice(0, 2), sha)))).toBe(true);
  expect(statSync(dir).mode & 0o777).toBe(0o700);
}

describe('encrypting a plain data folder in place', () => {
  it('encrypts everything and keeps every row and original', async () => {
    const { dir, rows, shas } = await plainFolder();
    const r = await runChild(dir, null);
    expect(r.out).toContain('step database-encrypted');
    expect(r.out).toContain('done');
    await expectIntact(dir, rows, shas);
  }, 180_000);

  it('survives kill -9 at every step of the migration', async () => {
    const base = await plainFolder();
    const kills: Array<[string, number]> = [['backup-written', 1], ['copy-encrypted', 1], ['database-encrypted', 1], ['files-sealed', 1], ['files-sealed', 6], ['files-done', 1]];
    for (const [step, nth] of kills) {
      const dir = tempDir('casefile-kill-');
      cpSync(base.dir, dir, { recursive: true });
      const r = await runChild(dir, step, nth);
      expect(r.killed, `${step} #${nth}`).toBe(true);
      // Killed after the database was swapped, the backup is still there until the files are done.
      if (step === 'database-encrypted' || step === 'files-sealed') expect(existsSync(path.join(dir, 'casefile.sqlite.plain-backup'))).toBe(true);
      await expectIntact(dir, base.rows, base.shas);
    }
  }, 600_000);
});
