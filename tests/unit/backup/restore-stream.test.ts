// Restore streams (issue 17): each entry of a backup goes from the container to its file a 64 KiB
// chunk at a time, checked as it goes, so a large original (and the database) is never held whole.
// A backup holding a 40 MB original restores byte for byte (its SHA-256, every row); a backup cut
// short inside that original, cut by one byte or with a flipped byte is refused and leaves nothing.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDataFolder, checkBackup, restoreDataFolder } from '../../../main/core/backup/backup';
import { readBackupStream } from '../../../main/core/backup/container';
import { openCore, type Core } from '../../../main/core/context';
import { sha256Hex } from '../../../main/core/documents/blob-store';
import { CHUNK } from '../../../main/core/vault/sealed';
import { bootEngine, type Engine } from '../../../main/engine/boot';
import { tempDir } from '../../support/core';

const PASS = 'restore stream passphrase';
const BIG_MB = 40;
let engine: Engine;
let backupFile: string;
let bigSha: string;

function tables(core: Core): Record<string, string> {
  const names = core.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return Object.fromEntries(names.map(({ name }) => [name, JSON.stringify(core.db.prepare(`SELECT * FROM "${name}"`).raw().all())]));
}

beforeAll(async () => {
  const dataDir = tempDir();
  engine = bootEngine({ dataDir, purpose: 'test' });
  await engine.registry.call('cases.create' as never, { name: 'Large original', childName: 'Stream Child' } as never, { core: engine.core, transport: 'cli' });
  // A large original of random bytes, written a megabyte at a time and stored from the file.
  const big = path.join(tempDir(), 'big.bin');
  const fd = openSync(big, 'w');
  const hash = createHash('sha256');
  for (let i = 0; i < BIG_MB; i++) {
    const mb = randomBytes(2 ** 20);
    hash.update(mb);
    writeSync(fd, mb);
  }
  closeSync(fd);
  bigSha = hash.digest('hex');
  expect(engine.core.blobs.putFile(big).sha).toBe(bigSha);
  rmSync(big);
  backupFile = path.join(tempDir(), 'large.casefile-backup');
  backupDataFolder(engine.core, backupFile, PASS);
}, 180_000);

afterAll(async () => {
  await engine?.stop();
});

describe('a restore that streams', () => {
  it('hands every entry out in pieces of at most a chunk, the large original whole across them', () => {
    const sizes: Record<string, number> = {};
    const hashes: Record<string, string> = {};
    let largest = 0;
    readBackupStream(backupFile, PASS, (name, size) => {
      sizes[name] = size;
      const hash = createHash('sha256');
      return {
        write: (piece) => {
          largest = Math.max(largest, piece.length);
          hash.update(piece);
        },
        end: () => (hashes[name] = hash.digest('hex')),
        abort: () => undefined,
      };
    });
    expect(largest).toBeLessThanOrEqual(CHUNK);
    expect(sizes[`originals/${bigSha}`]).toBeGreaterThan(BIG_MB * 2 ** 20);
    expect(Object.keys(hashes).sort()).toEqual(Object.keys(sizes).sort());
    expect(checkBackup(backupFile, PASS).originals).toBe(1);
  });

  it('restores the large original byte for byte (SHA-256) and every table row', async () => {
    const target = path.join(tempDir(), 'restored');
    const summary = restoreDataFolder(backupFile, target, PASS);
    expect(summary.originals).toBe(1);
    const core = openCore({ dataDir: target });
    try {
      expect(sha256Hex(core.blobs.get(bigSha))).toBe(bigSha);
      expect(tables(core)).toEqual(tables(engine.core));
      const stored = path.join(target, 'originals', bigSha.slice(0, 2), bigSha);
      // Stored sealed, as in the folder backed up: its bytes on disk are the same file.
      expect(sha256Hex(readFileSync(stored))).toBe(sha256Hex(readFileSync(engine.core.blobs.pathFor(bigSha))));
      expect(statSync(stored).mode & 0o077).toBe(0);
    } finally {
      await core.close();
    }
    expect(readdirSync(path.join(target, 'originals', bigSha.slice(0, 2))).filter((f) => f.endsWith('.part'))).toEqual([]);
  }, 120_000);

  it('refuses a backup cut inside the large original, cut by a byte or with a flipped byte, leaving nothing', () => {
    const raw = readFileSync(backupFile);
    const dir = tempDir();
    const attempt = (bytes: Buffer) => {
      const f = path.join(dir, `try-${randomBytes(4).toString('hex')}`);
      writeFileSync(f, bytes);
      const target = path.join(dir, `target-${randomBytes(4).toString('hex')}`);
      let message = '';
      try {
        restoreDataFolder(f, target, PASS);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(existsSync(target), message).toBe(false);
      expect(readdirSync(dir).filter((n) => n.includes('.restoring-'))).toEqual([]);
      rmSync(f);
      return message;
    };
    // Half: the original's entry says it is longer than the whole file. Near the end: its bytes run out part-way.
    expect(attempt(raw.subarray(0, Math.floor(raw.length / 2)))).toMatch(/damaged or incomplete/);
    expect(attempt(raw.subarray(0, raw.length - 100_000))).toMatch(/damaged or incomplete \((cut short|chunk \d+ of \d+ fails its checksum)\)/);
    expect(attempt(raw.subarray(0, raw.length - 1))).toMatch(/damaged or incomplete/);
    const flipped = Buffer.from(raw);
    flipped[Math.floor(raw.length * 0.8)] ^= 0x01;
    expect(attempt(flipped)).toMatch(/damaged or incomplete.*fails its checksum/);
  }, 120_000);
});
