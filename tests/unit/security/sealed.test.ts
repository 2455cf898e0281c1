// The sealed-file format on real files: any size round-trips, any byte range opens alone, and a
// flipped bit, a cut at a chunk boundary, a swapped chunk or another key is refused.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK, plainSizeOf, seal, SEALED_HEADER, sealedSize, SealWriter, unseal, unsealRange } from '../../../main/core/vault/sealed';
import { tempDir } from '../../support/core';

const key = randomBytes(32);

describe('sealed files', () => {
  it('round-trips every size around the chunk edges, whole and streamed', () => {
    for (const n of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17]) {
      const plain = randomBytes(n);
      const sealed = seal(key, plain);
      expect(sealed.length).toBe(sealedSize(n));
      expect(plainSizeOf(sealed.length)).toBe(n);
      expect(unseal(key, sealed).equals(plain)).toBe(true);
      expect(sealed.includes(plain.subarray(0, Math.min(n, 32))) && n >= 16).toBe(false);
      // Streamed in odd pieces.
      const w = new SealWriter(key);
      const parts = [w.header];
      for (let off = 0; off < n; off += 10_007) parts.push(w.push(plain.subarray(off, off + 10_007)));
      parts.push(w.end());
      expect(unseal(key, Buffer.concat(parts)).equals(plain)).toBe(true);
    }
  });

  it('opens a byte range from the chunks it lies in', () => {
    const plain = randomBytes(5 * CHUNK + 999);
    const file = path.join(tempDir(), 'blob');
    writeFileSync(file, seal(key, plain));
    for (const [off, len] of [[0, 10], [CHUNK - 5, 10], [2 * CHUNK, CHUNK], [5 * CHUNK + 900, 99], [123, 4 * CHUNK]]) {
      expect(unsealRange(key, file, off, len).equals(plain.subarray(off, off + len))).toBe(true);
    }
    expect(() => unsealRange(key, file, 5 * CHUNK + 900, 100)).toThrow(/shorter/);
  });

  it('refuses tampering, truncation, reordering and another key', () => {
    const plain = randomBytes(3 * CHUNK + 5);
    const sealed = seal(key, plain);
    const flipped = Buffer.from(sealed);
    flipped[SEALED_HEADER + CHUNK + 40] ^= 1;
    expect(() => unseal(key, flipped)).toThrow(/cannot be decrypted/);
    // Cut exactly after the second chunk: every remaining chunk is whole, but the last flag is wrong.
    expect(() => unseal(key, sealed.subarray(0, SEALED_HEADER + 2 * (CHUNK + 16)))).toThrow(/cannot be decrypted/);
    expect(() => unseal(key, sealed.subarray(0, sealed.length - 3))).toThrow(/cannot be decrypted/);
    const swapped = Buffer.concat([sealed.subarray(0, SEALED_HEADER), sealed.subarray(SEALED_HEADER + CHUNK + 16, SEALED_HEADER + 2 * (CHUNK + 16)), sealed.subarray(SEALED_HEADER, SEALED_HEADER + CHUNK + 16), sealed.subarray(SEALED_HEADER + 2 * (CHUNK + 16))]);
    expect(() => unseal(key, swapped)).toThrow(/cannot be decrypted/);
    expect(() => unseal(randomBytes(32), sealed)).toThrow(/another key/);
  });
});
