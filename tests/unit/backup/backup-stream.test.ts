// The Settings page's backup route streams: the backup is written to the data folder's staging folder
// (sealed under the backup passphrase), sent a piece at a time and removed once sent or abandoned.
// Its entries are those `casefile backup` (a real child process on the same running folder) writes,
// in the same format, and the streamed file restores with every table row and original equal.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { restoreDataFolder } from '../../../main/core/backup/backup';
import { readBackup } from '../../../main/core/backup/container';
import { openCore, type Core } from '../../../main/core/context';
import { sha256Hex } from '../../../main/core/documents/blob-store';
import { stagingDir } from '../../../main/core/documents/uploads';
import { bootEngine, type Engine } from '../../../main/engine/boot';
import { handleFileRequest } from '../../../main/ipc/files';
import type { CallContext } from '../../../main/ipc/registry';
import { runCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';
import { makePdf, textLines } from '../documents/make-files';

const PASS = 'stream backup pass';
let engine: Engine;
let ctx: CallContext;
let dataDir: string;

const call = <T>(name: string, args?: unknown) => engine.registry.call(name as never, args as never, ctx) as Promise<T>;

function tables(core: Core): Record<string, string> {
  const names = core.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return Object.fromEntries(names.map(({ name }) => [name, JSON.stringify(core.db.prepare(`SELECT * FROM "${name}"`).raw().all())]));
}

/** Every entry of a backup: name -> SHA-256 of its bytes (the manifest parsed, without its date). */
function entriesOf(file: string): { hashes: Record<string, string>; manifest: Record<string, unknown> } {
  const hashes: Record<string, string> = {};
  let manifest: Record<string, unknown> = {};
  readBackup(file, PASS, (name, bytes) => {
    if (name === 'manifest.json') {
      const { createdAt, ...rest } = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      expect(typeof createdAt).toBe('string');
      manifest = rest;
    } else hashes[name] = sha256Hex(bytes);
  });
  return { hashes, manifest };
}

const backupRequest = () => new Request('app://casefile/api/backup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASS }) });
const staged = () => (existsSync(stagingDir(dataDir)) ? readdirSync(stagingDir(dataDir)) : []);

beforeAll(async () => {
  dataDir = tempDir();
  engine = bootEngine({ dataDir, purpose: 'test' });
  ctx = { core: engine.core, transport: 'browser' };
  const c = await call<{ id: string }>('cases.create', { name: 'Stream Backup', childName: 'Stream Child' });
  const { importOne } = await import('../../../main/core/documents/import');
  const report = await makePdf([textLines('Progress report\nDate: March 3, 2024\nReading: 40 wpm')]);
  await importOne(engine.core, c.id, { fileName: 'report.pdf', source: 'report.pdf', read: () => report });
  // An original of several MB: many pieces, many sealed chunks.
  const big = await makePdf([textLines('Evaluation report'), null], { image: await import('sharp').then(({ default: sharp }) => sharp(randomBytes(1200 * 1200 * 3), { raw: { width: 1200, height: 1200, channels: 3 } }).png().toBuffer()) });
  await importOne(engine.core, c.id, { fileName: 'eval.pdf', source: 'eval.pdf', read: () => big });
}, 120_000);

afterAll(async () => {
  await engine?.stop();
});

describe('the streamed backup route', () => {
  it('sends the backup in pieces from a staged file, removed once sent, in the format `casefile backup` writes, and it restores', async () => {
    const res = (await handleFileRequest(backupRequest(), ctx))!;
    expect(res.status).toBe(200);
    const length = Number(res.headers.get('content-length'));
    expect(length).toBeGreaterThan(4_000_000);
    // While the body is unread the backup waits in staging, sealed: no plain original in it.
    expect(staged()).toHaveLength(1);
    const pieces: Uint8Array[] = [];
    for await (const piece of res.body as unknown as AsyncIterable<Uint8Array>) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.every((p) => p.byteLength <= 1024 * 1024)).toBe(true);
    const streamed = path.join(tempDir(), 'streamed.casefile-backup');
    writeFileSync(streamed, Buffer.concat(pieces));
    expect(Buffer.concat(pieces).byteLength).toBe(length);
    expect(staged()).toEqual([]);

    // `casefile backup` on the same folder while the engine holds it: the same entries.
    const cliFile = path.join(tempDir(), 'cli.casefile-backup');
    const cli = runCasefile(['backup', '--out', cliFile, '--json'], { dataDir, env: { CASEFILE_BACKUP_PASSPHRASE: PASS } });
    expect(cli.code, cli.stderr).toBe(0);
    const [fromRoute, fromCli] = [entriesOf(streamed), entriesOf(cliFile)];
    expect(Object.keys(fromRoute.hashes).sort()).toEqual(Object.keys(fromCli.hashes).sort());
    expect(fromRoute.manifest).toEqual(fromCli.manifest);
    for (const [name, sha] of Object.entries(fromRoute.hashes)) if (name.startsWith('originals/')) expect(sha).toBe(fromCli.hashes[name]);

    const target = path.join(tempDir(), 'restored');
    restoreDataFolder(streamed, target, PASS);
    const core = openCore({ dataDir: target });
    try {
      expect(tables(core)).toEqual(tables(engine.core));
      for (const sha of engine.core.blobs.list()) expect(sha256Hex(core.blobs.get(sha))).toBe(sha);
    } finally {
      await core.close();
    }
  }, 180_000);

  it('removes the staged backup when the download is abandoned part-way', async () => {
    const res = (await handleFileRequest(backupRequest(), ctx))!;
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await vi.waitFor(() => expect(staged()).toEqual([]));
  }, 120_000);
});
