// The at-rest format of every case file outside the database (originals, working copies, staged
// uploads, packets): AES-256-GCM in 64 KiB chunks, each sealed with its own nonce (the chunk's
// index and a last-chunk flag, after a per-file random prefix) under a per-file key derived from the
// blob key and a per-file salt (HKDF-SHA256). A reader can open any byte range without the rest; a
// chunk moved, dropped, swapped between files or a file cut short after a chunk fails to open.
//
// File: "IEPCF\x00\x01\x00" | salt (16) | nonce prefix (7) | chunks, each ciphertext + tag (16).
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/errors';

export const SEALED_MAGIC = Buffer.from('IEPCF\x00\x01\x00', 'latin1');
const SALT = 16;
const PREFIX = 7;
export const SEALED_HEADER = SEALED_MAGIC.length + SALT + PREFIX;
export const CHUNK = 64 * 1024;
const TAG = 16;

function fileKey(blobKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', blobKey, salt, 'iep-casefile sealed file v1', 32));
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, PREFIX);
  n[11] = last ? 1 : 0;
  return n;
}

const damaged = (what: string) => new AppError('db_corrupt', `${what} cannot be decrypted: it is damaged, cut short or was written with another key.`);

export function isSealed(head: Uint8Array): boolean {
  return head.length >= SEALED_MAGIC.length && Buffer.from(head.buffer, head.byteOffset, SEALED_MAGIC.length).equals(SEALED_MAGIC);
}

/** Size of a sealed file holding `plainSize` bytes. */
export function sealedSize(plainSize: number): number {
  const chunks = Math.max(1, Math.ceil(plainSize / CHUNK));
  return SEALED_HEADER + plainSize + chunks * TAG;
}

/** Plain size of a sealed file of `size` bytes (every chunk but the last is full). */
export function plainSizeOf(size: number): number {
  const body = size - SEALED_HEADER;
  const full = Math.floor(body / (CHUNK + TAG));
  const rest = body - full * (CHUNK + TAG);
  if (body < TAG) return -1;
  if (rest === 0) return full * CHUNK;
  return rest < TAG ? -1 : full * CHUNK + rest - TAG;
}

/** Seals a stream of plain bytes chunk by chunk: push() returns the sealed bytes ready to write. */
export class SealWriter {
  private readonly key: Buffer;
  private readonly prefix = randomBytes(PREFIX);
  private pending: Buffer[] = [];
  private pendingLen = 0;
  private index = 0;
  readonly header: Buffer;

  constructor(blobKey: Buffer) {
    const salt = randomBytes(SALT);
    this.key = fileKey(blobKey, salt);
    this.header = Buffer.concat([SEALED_MAGIC, salt, this.prefix]);
  }

  private seal(plain: Buffer, last: boolean): Buffer {
    const c = createCipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.index++, last));
    c.setAAD(this.header);
    const body = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
    return body;
  }

  /**
   * Takes plain bytes; returns whole sealed chunks (the last one waits for end()). Linear in the
   * bytes: a chunk is sealed from a view of the input, and only the tail under a chunk is kept
   * (copied, so the caller may reuse its buffer).
   */
  push(bytes: Uint8Array): Buffer {
    let input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out: Buffer[] = [];
    // Keep at least one byte back so the last chunk is always sealed by end() with its flag.
    if (this.pendingLen > 0 && this.pendingLen + input.length > CHUNK) {
      const need = CHUNK - this.pendingLen;
      out.push(this.seal(Buffer.concat([...this.pending, input.subarray(0, need)]), false));
      input = input.subarray(need);
      this.pending = [];
      this.pendingLen = 0;
    }
    if (this.pendingLen === 0) {
      while (input.length > CHUNK) {
        out.push(this.seal(input.subarray(0, CHUNK), false));
        input = input.subarray(CHUNK);
      }
    }
    if (input.length) {
      this.pending.push(Buffer.from(input));
      this.pendingLen += input.length;
    }
    return out.length === 1 ? out[0] : Buffer.concat(out);
  }

  end(): Buffer {
    const rest = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingLen = 0;
    return this.seal(rest, true);
  }

  /** A whole plain buffer, header first, as sealed pieces of at most a chunk each (nothing held whole). */
  *pieces(plain: Uint8Array): Generator<Buffer> {
    yield this.header;
    const all = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
    let off = 0;
    while (all.length - off > CHUNK) {
      yield this.seal(all.subarray(off, off + CHUNK), false);
      off += CHUNK;
    }
    yield this.seal(all.subarray(off), true);
  }
}

/** The sealed file for `plain`, written into one buffer of its final size. */
export function seal(blobKey: Buffer, plain: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(sealedSize(plain.byteLength));
  let off = 0;
  for (const piece of new SealWriter(blobKey).pieces(plain)) off += piece.copy(out, off);
  return out;
}

/** Opens chunks [first, first + count) of a sealed file whose total chunk count is `chunks`. */
function openChunks(blobKey: Buffer, header: Buffer, body: Buffer, first: number, chunks: number, what: string): Buffer {
  const salt = header.subarray(SEALED_MAGIC.length, SEALED_MAGIC.length + SALT);
  const prefix = header.subarray(SEALED_MAGIC.length + SALT, SEALED_HEADER);
  const key = fileKey(blobKey, salt);
  const out: Buffer[] = [];
  let off = 0;
  for (let i = first; off < body.length; i++) {
    const len = Math.min(CHUNK + TAG, body.length - off);
    if (len < TAG) throw damaged(what);
    const d = createDecipheriv('aes-256-gcm', key, nonce(prefix, i, i === chunks - 1));
    d.setAAD(header);
    d.setAuthTag(body.subarray(off + len - TAG, off + len));
    try {
      out.push(d.update(body.subarray(off, off + len - TAG)), d.final());
    } catch {
      throw damaged(what);
    }
    off += len;
  }
  return Buffer.concat(out);
}

/** Opens one sealed chunk that sits at `index` of a stream with `header` (a reader going chunk by chunk). */
export function openChunkAt(blobKey: Buffer, header: Buffer, chunk: Buffer, index: number, last: boolean, what = 'A sealed stream'): Buffer {
  const salt = header.subarray(SEALED_MAGIC.length, SEALED_MAGIC.length + SALT);
  const prefix = header.subarray(SEALED_MAGIC.length + SALT, SEALED_HEADER);
  if (chunk.length < TAG) throw damaged(what);
  const d = createDecipheriv('aes-256-gcm', fileKey(blobKey, salt), nonce(prefix, index, last));
  d.setAAD(header);
  d.setAuthTag(chunk.subarray(chunk.length - TAG));
  try {
    return Buffer.concat([d.update(chunk.subarray(0, chunk.length - TAG)), d.final()]);
  } catch {
    throw damaged(what);
  }
}

export function unseal(blobKey: Buffer, sealed: Buffer, what = 'A stored file'): Buffer {
  if (!isSealed(sealed) || plainSizeOf(sealed.length) < 0) throw damaged(what);
  const chunks = Math.max(1, Math.ceil((sealed.length - SEALED_HEADER) / (CHUNK + TAG)));
  return openChunks(blobKey, sealed.subarray(0, SEALED_HEADER), sealed.subarray(SEALED_HEADER), 0, chunks, what);
}

/**
 * Opens the sealed file at `file` a chunk at a time, handing each chunk's plain bytes to `each` (a
 * view valid until the next call); returns the plain size. A file that is not sealed is handed over
 * as it is, in pieces of a chunk.
 */
export function forEachUnsealed(blobKey: Buffer, file: string, each: (plain: Buffer) => void, what = 'A stored file'): number {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.alloc(SEALED_HEADER);
    const got = readSync(fd, header, 0, SEALED_HEADER, 0);
    const sealed = Buffer.allocUnsafe(CHUNK + TAG);
    if (!isSealed(header.subarray(0, got))) {
      for (let at = 0; at < size; ) {
        const n = readSync(fd, sealed, 0, Math.min(CHUNK, size - at), at);
        if (n <= 0) break;
        each(sealed.subarray(0, n));
        at += n;
      }
      return size;
    }
    const plain = plainSizeOf(size);
    if (plain < 0) throw damaged(what);
    const chunks = Math.max(1, Math.ceil((size - SEALED_HEADER) / (CHUNK + TAG)));
    const key = fileKey(blobKey, header.subarray(SEALED_MAGIC.length, SEALED_MAGIC.length + SALT));
    const prefix = header.subarray(SEALED_MAGIC.length + SALT, SEALED_HEADER);
    let at = 0;
    for (let i = 0; i < chunks; i++) {
      const len = Math.min(CHUNK + TAG, size - SEALED_HEADER - i * (CHUNK + TAG));
      let n = 0;
      while (n < len) {
        const r = readSync(fd, sealed, n, len - n, SEALED_HEADER + i * (CHUNK + TAG) + n);
        if (r === 0) throw damaged(what);
        n += r;
      }
      const d = createDecipheriv('aes-256-gcm', key, nonce(prefix, i, i === chunks - 1));
      d.setAAD(header);
      d.setAuthTag(sealed.subarray(len - TAG, len));
      let opened: Buffer;
      try {
        opened = Buffer.concat([d.update(sealed.subarray(0, len - TAG)), d.final()]);
      } catch {
        throw damaged(what);
      }
      each(opened);
      at += opened.length;
    }
    if (at !== plain) throw damaged(what);
    return plain;
  } finally {
    closeSync(fd);
  }
}

/**
 * The plain bytes of the sealed file at `file`, read and opened a chunk at a time into one buffer of
 * the plain size: the file is never held sealed and plain at once. A file that is not sealed is read as it is.
 */
export function unsealFile(blobKey: Buffer, file: string, what = 'A stored file'): Buffer {
  const size = statSync(file).size;
  const plain = plainSizeOf(size);
  // A sealed file's plain size, or a plain file's own size (the larger of the two).
  const out = Buffer.allocUnsafe(Math.max(size, plain, 0));
  let at = 0;
  forEachUnsealed(blobKey, file, (piece) => (at += piece.copy(out, at)), what);
  return out.subarray(0, at);
}

/** The SHA-256 (hex) of the plain bytes of the sealed file at `file`, opened a chunk at a time. */
export function sha256OfSealed(blobKey: Buffer, file: string, what = 'A stored file'): string {
  const hash = createHash('sha256');
  forEachUnsealed(blobKey, file, (piece) => hash.update(piece), what);
  return hash.digest('hex');
}

/** `length` plain bytes from `offset` of the sealed file at `file`, reading only the chunks they lie in. */
export function unsealRange(blobKey: Buffer, file: string, offset: number, length: number, what = 'A stored file'): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const plain = plainSizeOf(size);
    if (plain < 0) throw damaged(what);
    if (offset + length > plain) throw new AppError('not_found', `${what} is shorter than expected.`);
    const header = Buffer.alloc(SEALED_HEADER);
    readSync(fd, header, 0, SEALED_HEADER, 0);
    if (!isSealed(header)) throw damaged(what);
    if (length === 0) return Buffer.alloc(0);
    const chunks = Math.max(1, Math.ceil((size - SEALED_HEADER) / (CHUNK + TAG)));
    const first = Math.floor(offset / CHUNK);
    const last = Math.floor((offset + length - 1) / CHUNK);
    const start = SEALED_HEADER + first * (CHUNK + TAG);
    const end = Math.min(size, SEALED_HEADER + (last + 1) * (CHUNK + TAG));
    const body = Buffer.alloc(end - start);
    let got = 0;
    while (got < body.length) {
      const n = readSync(fd, body, got, body.length - got, start + got);
      if (n === 0) throw damaged(what);
      got += n;
    }
    const opened = openChunks(blobKey, header, body, first, chunks, what);
    const from = offset - first * CHUNK;
    return opened.subarray(from, from + length);
  } finally {
    closeSync(fd);
  }
}
