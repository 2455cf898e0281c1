// A large scanned PDF imported from disk is stored straight from the file: hashed and sealed as it
// is read (BlobStore.putFile), never held whole twice. The stored original must be sealed on disk and
// unseal to the very bytes of the file (SHA-256), whole and by range, and a second import of the same
// file must find it a duplicate and leave the stored original in place.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { BlobStore } from '../../../main/core/documents/blob-store';
import { importOne, inputsFromPaths } from '../../../main/core/documents/import';
import { documentQueries } from '../../../main/core/db/queries/documents';
import { CHUNK, isSealed, SEALED_HEADER, SealWriter, unseal } from '../../../main/core/vault/sealed';
import { tempDir, testCore } from '../../support/core';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A scanned PDF of `pages` noisy full-page JPEGs (noise does not compress: about 1.5 MB a page). */
async function noisyScan(file: string, pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let n = 0; n < pages; n++) {
    const jpeg = await sharp(randomBytes(1275 * 1650), { raw: { width: 1275, height: 1650, channels: 1 } }).jpeg({ quality: 90 }).toBuffer();
    pdf.addPage([612, 792]).drawImage(await pdf.embedJpg(jpeg), { x: 0, y: 0, width: 612, height: 792 });
  }
  const bytes = Buffer.from(await pdf.save());
  writeFileSync(file, bytes);
  return bytes;
}

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

describe('a large PDF imported from disk', () => {
  it('is stored sealed, and unseals to the file byte for byte', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'scan.pdf');
    const original = await noisyScan(file, 6);
    expect(original.byteLength).toBeGreaterThan(40 * CHUNK); // many sealed chunks, the last one partial
    core = testCore();
    expect(core.blobs.encrypted).toBe(true);
    const caseId = createCase(core, { name: 'Large', state: 'CA' }).id;

    const [result] = await importOne(core, caseId, inputsFromPaths([file])[0]);
    expect(result.status).toBe('imported');
    expect(result.needsOcr).toBe(true);
    const doc = documentQueries(core.db).get(result.documentId!)!;
    expect(doc.sha256).toBe(sha256(original));
    expect(doc.page_count).toBe(6);

    const onDisk = readFileSync(core.blobs.pathFor(doc.sha256));
    expect(isSealed(onDisk)).toBe(true);
    expect(onDisk.includes(original.subarray(4096, 4096 + 64))).toBe(false); // no plain run of the file
    expect(sha256(core.blobs.get(doc.sha256))).toBe(sha256(original));
    // A range across a chunk boundary, as OCR reads a page's JPEG.
    const from = 7 * CHUNK - 1000;
    expect(core.blobs.getRange(doc.sha256, from, 5000).equals(original.subarray(from, from + 5000))).toBe(true);
    expect(core.blobs.claims()).toEqual([]);

    // The same file again: a duplicate, and the stored original is still whole.
    const [again] = await importOne(core, caseId, inputsFromPaths([file])[0]);
    expect(again.status).toBe('duplicate');
    expect(again.documentId).toBe(doc.id);
    expect(sha256(core.blobs.get(doc.sha256))).toBe(sha256(original));
    expect(core.blobs.claims()).toEqual([]);
  }, 120_000);

  it('putFile and put store the same bytes under the same name, sealed or plain', () => {
    const dir = tempDir();
    const file = path.join(dir, 'odd.bin');
    const bytes = randomBytes(3 * CHUNK + 12_345);
    writeFileSync(file, bytes);
    for (const key of [randomBytes(32), null]) {
      const a = new BlobStore(path.join(dir, `a-${key ? 'sealed' : 'plain'}`), key);
      const b = new BlobStore(path.join(dir, `b-${key ? 'sealed' : 'plain'}`), key);
      const stored = a.putFile(file);
      expect(stored).toEqual({ sha: sha256(bytes), size: bytes.byteLength });
      expect(b.put(bytes)).toBe(stored.sha);
      expect(a.get(stored.sha).equals(bytes)).toBe(true);
      expect(b.get(stored.sha).equals(bytes)).toBe(true);
      expect(readFileSync(a.pathFor(stored.sha)).length).toBe(readFileSync(b.pathFor(stored.sha)).length);
    }
  });

  it('refuses a stored original damaged or cut short, read whole', () => {
    const dir = tempDir();
    const store = new BlobStore(path.join(dir, 'store'), randomBytes(32));
    const sha = store.put(randomBytes(2 * CHUNK + 99));
    const file = store.pathFor(sha);
    const sealed = readFileSync(file);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - CHUNK / 2] ^= 1;
    writeFileSync(file, flipped);
    expect(() => store.get(sha)).toThrow(/cannot be decrypted/);
    writeFileSync(file, sealed.subarray(0, sealed.length - 200));
    expect(() => store.get(sha)).toThrow(/cannot be decrypted/);
    writeFileSync(file, sealed.subarray(0, sealed.length - (sealed.length - SEALED_HEADER) % (CHUNK + 16))); // whole chunks only: the last one is gone
    expect(() => store.get(sha)).toThrow(/cannot be decrypted/);
    writeFileSync(file, sealed);
    expect(store.get(sha).length).toBe(2 * CHUNK + 99);
  });

  it('seals the same stream whatever the pieces it is pushed in', () => {
    const key = randomBytes(32);
    const bytes = randomBytes(5 * CHUNK + 7);
    for (const cuts of [[1], [CHUNK], [CHUNK - 1, 2], [3 * CHUNK + 5], [17, CHUNK + 9, 100_000]]) {
      const w = new SealWriter(key);
      const out: Buffer[] = [w.header];
      let off = 0;
      for (let i = 0; off < bytes.length; i++) {
        const len = cuts[i % cuts.length];
        const piece = Buffer.from(bytes.subarray(off, off + len));
        out.push(w.push(piece));
        piece.fill(0); // the writer must not keep a view of the caller's buffer
        off += len;
      }
      out.push(w.end());
      expect(unseal(key, Buffer.concat(out)).equals(bytes)).toBe(true);
    }
  });
});
