// The backup file: one file, encrypted under a key derived from a backup passphrase (scrypt), so it
// opens on any machine, and checksummed twice over: each entry carries its SHA-256, the end record
// the count and a hash of them all, and every 64 KiB chunk is AES-256-GCM sealed (vault/sealed.ts's
// format), so a flipped bit, a missing tail or a wrong passphrase is refused, never half-restored.
//
// "IEPCFBK\x01" | salt (16) | N (u32) | r (u8) | p (u8) | passphrase check (16) | sealed stream of
// records: type (u8: 1 entry, 0 end) | name length (u32) | name | size (u64) | bytes | sha256 (32).
import { createHash, createHmac, randomBytes, scryptSync } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

const FILE_PIECE = 16 * 64 * 1024;
import { AppError } from '../../../shared/errors';
import { CHUNK, openChunkAt, SEALED_HEADER, SealWriter } from '../vault/sealed';

const MAGIC = Buffer.from('IEPCFBK\x01', 'latin1');
const OUTER = MAGIC.length + 16 + 4 + 1 + 1 + 16;
const SCRYPT = { N: 1 << 15, r: 8, p: 1 };
const TAG = 16;

function backupKey(passphrase: string, salt: Buffer, N: number, r: number, p: number): { key: Buffer; check: Buffer } {
  const key = scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r });
  return { key, check: createHmac('sha256', key).update('iep-casefile backup check').digest().subarray(0, 16) };
}

const damaged = (file: string, why: string) => new AppError('corrupt_file', `The backup ${file} is damaged or incomplete (${why}); nothing was restored. Use another copy of the backup.`);

export class BackupWriter {
  private readonly fd: number;
  private readonly sealer: SealWriter;
  private readonly all = createHash('sha256');
  private count = 0;
  private readonly tmp: string;

  constructor(
    private readonly file: string,
    passphrase: string,
  ) {
    if (passphrase.length < 8) throw new AppError('invalid_input', 'A backup passphrase has at least 8 characters.');
    const salt = randomBytes(16);
    const { key, check } = backupKey(passphrase, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p);
    this.tmp = `${file}.part-${process.pid}`;
    this.fd = openSync(this.tmp, 'w', 0o600);
    const head = Buffer.alloc(OUTER);
    MAGIC.copy(head, 0);
    salt.copy(head, MAGIC.length);
    head.writeUInt32BE(SCRYPT.N, MAGIC.length + 16);
    head[MAGIC.length + 20] = SCRYPT.r;
    head[MAGIC.length + 21] = SCRYPT.p;
    check.copy(head, MAGIC.length + 22);
    this.sealer = new SealWriter(key);
    this.put(Buffer.concat([head, this.sealer.header]));
  }

  private put(b: Uint8Array): void {
    let off = 0;
    while (off < b.byteLength) off += writeSync(this.fd, b, off, b.byteLength - off);
  }

  private record(type: number, name: string, bytes: Uint8Array): void {
    const n = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(1 + 4 + n.length + 8);
    head[0] = type;
    head.writeUInt32BE(n.length, 1);
    n.copy(head, 5);
    head.writeBigUInt64BE(BigInt(bytes.byteLength), 5 + n.length);
    const sha = createHash('sha256').update(bytes).digest();
    if (type === 1) this.all.update(sha);
    this.put(this.sealer.push(head));
    // Large entries go through in pieces so that only one chunk is ever sealed at a time.
    for (let off = 0; off < bytes.byteLength; off += 16 * CHUNK) this.put(this.sealer.push(bytes.subarray(off, off + 16 * CHUNK)));
    this.put(this.sealer.push(sha));
  }

  add(name: string, bytes: Uint8Array): void {
    this.record(1, name, bytes);
    this.count++;
  }

  /** The same entry as add(name, readFileSync(file)), read and sealed a piece at a time (never whole in memory). */
  addFile(name: string, file: string): void {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      this.addStream(name, size, (write) => {
        let done = 0;
        while (done < size) {
          // A new piece each time: the sealer may keep a view of the last one until its next push.
          const piece = Buffer.allocUnsafe(Math.min(FILE_PIECE, size - done));
          const got = readSync(fd, piece, 0, piece.length, done);
          if (got <= 0) throw new AppError('internal', `${name} changed while it was backed up.`);
          write(piece.subarray(0, got));
          done += got;
        }
      });
    } finally {
      closeSync(fd);
    }
  }

  /**
   * An entry of `size` bytes that `feed` hands over a piece at a time (an original opened a chunk at
   * a time from the blob store): hashed and sealed as it comes, never whole in memory.
   */
  addStream(name: string, size: number, feed: (write: (piece: Uint8Array) => void) => void): void {
    const n = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(1 + 4 + n.length + 8);
    head[0] = 1;
    head.writeUInt32BE(n.length, 1);
    n.copy(head, 5);
    head.writeBigUInt64BE(BigInt(size), 5 + n.length);
    this.put(this.sealer.push(head));
    const hash = createHash('sha256');
    let done = 0;
    feed((piece) => {
      done += piece.byteLength;
      if (done > size) throw new AppError('internal', `${name} changed while it was written.`);
      hash.update(piece);
      this.put(this.sealer.push(piece));
    });
    if (done !== size) throw new AppError('internal', `${name} changed while it was written.`);
    const sha = hash.digest();
    this.all.update(sha);
    this.put(this.sealer.push(sha));
    this.count++;
  }

  /** Writes the end record, syncs and moves the finished file into place. */
  finish(): { entries: number; bytes: number } {
    const end = Buffer.alloc(4 + 32);
    end.writeUInt32BE(this.count, 0);
    this.all.digest().copy(end, 4);
    this.record(0, '', end);
    this.put(this.sealer.end());
    fsyncSync(this.fd);
    const size = fstatSync(this.fd).size;
    closeSync(this.fd);
    renameSync(this.tmp, this.file);
    return { entries: this.count, bytes: size };
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* closed */
    }
    rmSync(this.tmp, { force: true });
  }
}

/** Where the bytes of one entry go, a piece at a time; `end` is called once the entry's SHA-256 has checked. */
export interface EntrySink {
  write(bytes: Buffer): void;
  end(): void;
  /** The entry failed its check or the backup broke off: drop what was written. */
  abort(): void;
}

/**
 * Decrypts a backup chunk by chunk and streams each entry into the sink `onEntry` returns for it
 * (null: only checked). Only one 64 KiB chunk is open at a time, whatever an entry's size; throws
 * before the end on any damage, and an entry's sink is ended only once its checksum matches.
 */
export function readBackupStream(file: string, passphrase: string, onEntry: (name: string, size: number) => EntrySink | null): { entries: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(OUTER + SEALED_HEADER);
    const got = readSync(fd, head, 0, head.length, 0);
    if (got < MAGIC.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('unsupported_file', `${file} is not an IEP Casefile backup.`);
    if (size < head.length + TAG || got !== head.length) throw damaged(file, 'too short to be a backup');
    const salt = head.subarray(MAGIC.length, MAGIC.length + 16);
    const N = head.readUInt32BE(MAGIC.length + 16);
    const [r, p] = [head[MAGIC.length + 20], head[MAGIC.length + 21]];
    if (N > 1 << 20 || r > 32 || p > 16) throw damaged(file, 'unreadable header');
    const { key, check } = backupKey(passphrase, salt, N, r, p);
    if (!check.equals(head.subarray(MAGIC.length + 22, OUTER))) throw new AppError('unauthorized', 'That is not the passphrase this backup was made with.');
    const sealedHeader = head.subarray(OUTER);
    const body = size - head.length;
    const chunks = Math.max(1, Math.ceil(body / (CHUNK + TAG)));
    // The plain bytes of the chunk open now, and how far they are read.
    const sealedChunk = Buffer.allocUnsafe(CHUNK + TAG);
    let chunkIndex = 0;
    let plain: Buffer = Buffer.alloc(0);
    let pos = 0;
    const more = (): void => {
      if (chunkIndex >= chunks) throw damaged(file, 'cut short');
      const start = head.length + chunkIndex * (CHUNK + TAG);
      const len = Math.min(CHUNK + TAG, size - start);
      let n = 0;
      while (n < len) {
        const r = readSync(fd, sealedChunk, n, len - n, start + n);
        if (r <= 0) throw damaged(file, 'cut short');
        n += r;
      }
      try {
        plain = openChunkAt(key, sealedHeader, sealedChunk.subarray(0, len), chunkIndex, chunkIndex === chunks - 1);
      } catch {
        throw damaged(file, `chunk ${chunkIndex + 1} of ${chunks} fails its checksum`);
      }
      pos = 0;
      chunkIndex++;
    };
    /** The next `n` bytes handed out in pieces (views of the open chunk, valid until the next piece). */
    const pipe = (n: number, each: (piece: Buffer) => void): void => {
      let need = n;
      while (need > 0) {
        if (pos >= plain.length) more();
        const k = Math.min(need, plain.length - pos);
        each(plain.subarray(pos, pos + k));
        pos += k;
        need -= k;
      }
    };
    /** The next `n` bytes (a few: record headers and checksums) in one buffer. */
    const take = (n: number): Buffer => {
      if (plain.length - pos >= n) {
        pos += n;
        return plain.subarray(pos - n, pos);
      }
      const parts: Buffer[] = [];
      pipe(n, (piece) => parts.push(Buffer.from(piece)));
      return Buffer.concat(parts);
    };
    const all = createHash('sha256');
    let entries = 0;
    for (;;) {
      const type = take(1)[0];
      if (type !== 0 && type !== 1) throw damaged(file, 'unknown entry');
      const nameLen = take(4).readUInt32BE(0);
      if (nameLen > 4096) throw damaged(file, 'unreadable entry');
      const name = take(nameLen).toString('utf8');
      const len = Number(take(8).readBigUInt64BE(0));
      if (len > size || (type === 0 && len !== 36)) throw damaged(file, 'unreadable entry');
      const hash = createHash('sha256');
      if (type === 0) {
        const end = take(36);
        hash.update(end);
        if (!hash.digest().equals(take(32))) throw damaged(file, 'the end record fails its checksum');
        if (end.readUInt32BE(0) !== entries || !all.digest().equals(end.subarray(4))) throw damaged(file, 'entries missing');
        break;
      }
      const sink = onEntry(name, len);
      try {
        pipe(len, (piece) => {
          hash.update(piece);
          sink?.write(piece);
        });
        const sha = hash.digest();
        if (!sha.equals(take(32))) throw damaged(file, `${name} fails its checksum`);
        all.update(sha);
      } catch (e) {
        sink?.abort();
        throw e;
      }
      sink?.end();
      entries++;
    }
    if (pos < plain.length || chunkIndex < chunks) throw damaged(file, 'bytes after the end');
    return { entries };
  } finally {
    closeSync(fd);
  }
}

/** readBackupStream with each entry gathered into one buffer (small backups and archives' rows). */
export function readBackup(file: string, passphrase: string, onEntry: (name: string, bytes: Buffer) => void): { entries: number } {
  return readBackupStream(file, passphrase, (name, size) => gather(size, (bytes) => onEntry(name, bytes)));
}

/** A sink that gathers an entry of `size` bytes into one buffer, handed to `done` once it checks. */
export function gather(size: number, done: (bytes: Buffer) => void): EntrySink {
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  return {
    write: (piece) => {
      at += piece.copy(bytes, at);
    },
    end: () => done(bytes),
    abort: () => undefined,
  };
}

/** A sink that writes an entry to `dest` through a temp file beside it (0600), synced and renamed once it checks. */
export function fileSink(dest: string): EntrySink {
  mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
  const tmp = `${dest}.part`;
  const fd = openSync(tmp, 'w', 0o600);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(piece) {
      let off = 0;
      while (off < piece.length) off += writeSync(fd, piece, off, piece.length - off);
    },
    end() {
      fsyncSync(fd);
      close();
      renameSync(tmp, dest);
    },
    abort() {
      close();
      rmSync(tmp, { force: true });
    },
  };
}
