// Archive import streams (issue 17): each original goes from the archive into the blob store a chunk
// at a time (hashed and sealed as it comes, BlobStore.putStream), never whole in memory. A case whose
// original is 16 MB moves to a fresh data folder byte for byte (SHA-256, every row of the case); an
// archive with a flipped byte or cut inside that original is refused and leaves nothing behind: no
// case, no stored original, no temp file, no claim.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCaseArchive, importCaseArchive } from '../../../main/core/backup/archive';
import type { Core } from '../../../main/core/context';
import { readCaseRows } from '../../../main/core/db/queries/archive';
import { sha256Hex } from '../../../main/core/documents/blob-store';
import { importOne } from '../../../main/core/documents/import';
import { bootEngine, type Engine } from '../../../main/engine/boot';
import { tempDir } from '../../support/core';
import { bulkyPdf } from './bulky-pdf';

const PASS = 'archive stream passphrase';
let source: Engine;
let caseId = '';
let file = '';
let bigSha = '';

const withoutSearchRowid = (rows: ReturnType<typeof readCaseRows>) => Object.fromEntries(Object.entries(rows).map(([t, list]) => [t, list.map((r) => ({ ...r, search_rowid: undefined }))]));

/** What a failed import could leave in the store: originals, temp files, claims. */
function storeLeftovers(core: Core): string[] {
  const root = core.blobs.root;
  if (!existsSync(root)) return [];
  const claims = existsSync(path.join(root, '.pending')) ? readdirSync(path.join(root, '.pending')) : [];
  return [...core.blobs.list(), ...readdirSync(root).filter((f) => f.startsWith('.tmp-')), ...claims];
}

beforeAll(async () => {
  source = bootEngine({ dataDir: tempDir(), purpose: 'test' });
  caseId = (await source.registry.call('cases.create' as never, { name: 'Large scan' } as never, { core: source.core, transport: 'cli' }) as { id: string }).id;
  const big = await bulkyPdf(16);
  bigSha = sha256Hex(big);
  const [r] = await importOne(source.core, caseId, { fileName: 'scan.pdf', source: 'scan.pdf', read: () => big });
  expect(r.status).toBe('imported');
  file = path.join(tempDir(), 'large.casefile');
  exportCaseArchive(source.core, caseId, file, PASS);
}, 120_000);

afterAll(async () => {
  await source?.stop();
});

describe('a case archive import that streams', () => {
  it('moves a case with a large original to a fresh folder byte for byte', async () => {
    const target = bootEngine({ dataDir: tempDir(), purpose: 'test' });
    try {
      const r = importCaseArchive(target.core, file, PASS);
      expect([r.caseId, r.originals, r.documents]).toEqual([caseId, 1, 1]);
      const sha = bigSha;
      expect(target.core.blobs.list()).toEqual([sha]);
      expect(sha256Hex(target.core.blobs.get(sha))).toBe(sha);
      const before = readCaseRows(source.core.db, caseId);
      const after = readCaseRows(target.core.db, caseId);
      after.case_history = after.case_history.filter((h) => h.kind !== 'archive_imported');
      expect(withoutSearchRowid(after)).toEqual(withoutSearchRowid(before));
      // Nothing stays claimed or half-written.
      expect(readdirSync(path.join(target.core.blobs.root, '.pending'))).toEqual([]);
      expect(readdirSync(target.core.blobs.root).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
    } finally {
      await target.stop();
    }
  });

  it('refuses an archive damaged or cut inside the original and leaves nothing behind', async () => {
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length * 0.8)] ^= 0x40;
    const cases: Array<[string, Buffer]> = [
      ['flipped', flipped],
      ['cut', bytes.subarray(0, Math.floor(bytes.length * 0.7))],
    ];
    for (const [what, damaged] of cases) {
      const f = path.join(tempDir(), `${what}.casefile`);
      writeFileSync(f, damaged);
      const target = bootEngine({ dataDir: tempDir(), purpose: 'test' });
      try {
        expect(() => importCaseArchive(target.core, f, PASS), what).toThrow(/damaged or incomplete/);
        expect(target.core.db.prepare('SELECT count(*) AS n FROM cases').get(), what).toEqual({ n: 0 });
        expect(storeLeftovers(target.core), what).toEqual([]);
      } finally {
        await target.stop();
      }
    }
  });
});
