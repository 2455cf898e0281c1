// Content-addressed store for originals, and the one module that writes case bytes to disk outside
// the database (originals, working copies, staged uploads, packets). Given the data folder's blob
// key, every file is sealed (AES-256-GCM in chunks, vault/sealed.ts) and named by the sha256 of its
// plain bytes; without one (a plain store in tests of the store itself) files are plain. Writes are
// atomic: temp file (0600), fsync, rename; folders are 0700.
// An original is claimed (.pending/<sha>.<pid>) before it is written and released once the database
// records it: start-up clean-up leaves alone an unrecorded original whose importer is still running.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { forEachUnsealed, isSealed, plainSizeOf, sealedSize, SealWriter, unseal, unsealFile, unsealRange } from '../vault/sealed';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { processStartTime } from '../lock';

/** How much of a file putFile reads at a time. */
const READ_CHUNK = 1024 * 1024;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An original stored by an import that had not recorded it yet, when last seen. */
export interface BlobClaim {
  sha256: string;
  pid: number;
  host?: string;
  /** When the claim was written, and its process's start time (as the data-folder lock records them). */
  since?: string;
  started?: string | null;
}

/** Writes `bytes` (or pieces written one after another) to `file` atomically (temp, fsync, rename), readable by the owner only. */
export function writeFileAtomic(file: string, bytes: Uint8Array | Iterable<Uint8Array>, tmpDir = path.dirname(file)): void {
  writeAtomic(tmpDir, path.basename(file), (fd) => {
    for (const piece of bytes instanceof Uint8Array ? [bytes] : bytes) writeAll(fd, piece);
    return file;
  });
}

function writeAll(fd: number, b: Uint8Array): void {
  let off = 0;
  while (off < b.byteLength) off += writeSync(fd, b, off, b.byteLength - off);
}

/**
 * Writes a temp file in `tmpDir` (0600) with `fill`, which returns where the file goes (known only
 * once it is written, for a file named by its hash) or null to drop it; fsync, then rename.
 */
function writeAtomic(tmpDir: string, hint: string, fill: (fd: number) => string | null): void {
  mkdirSync(tmpDir, { recursive: true, mode: 0o700 });
  const tmp = path.join(tmpDir, `.tmp-${process.pid}-${hint.slice(0, 16)}-${Date.now()}`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'w', 0o600);
    const file = fill(fd);
    if (file !== null) fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (file === null) rmSync(tmp, { force: true });
    else {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      renameSync(tmp, file);
    }
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new AppError('not_writable', 'The disk is full: the file could not be stored. Free some space and try again.');
    throw e;
  }
}

/** An original being stored a piece at a time (BlobStore.putStream). */
export interface OriginalWriter {
  write(piece: Uint8Array): void;
  /** Stores it under its sha256 (claimed, as put's); returns the sha256, plain size and whether it was new to the store. */
  finish(): { sha: string; size: number; added: boolean };
  /** Gives up: the temp file is removed. */
  abort(): void;
}

/** A file being written a chunk at a time (a streamed upload), sealed as it goes. */
export interface SealedFileWriter {
  write(chunk: Uint8Array): void;
  /** Finishes the file (fsync) and returns the plain size. */
  close(): number;
  /** Gives up: the partial file is removed. */
  abort(): void;
}

export class BlobStore {
  /** `blobKey`: the data folder's key for sealed files; absent, files are stored plain. */
  constructor(
    readonly root: string,
    private readonly blobKey: Buffer | null = null,
  ) {}

  get encrypted(): boolean {
    return this.blobKey !== null;
  }

  /** The bytes as they go to disk, sealed when the store has a key: pieces of at most a chunk to write one after another (never a second whole copy). */
  private toDiskPieces(bytes: Uint8Array): Iterable<Uint8Array> {
    return this.blobKey ? new SealWriter(this.blobKey).pieces(bytes) : [bytes];
  }

  private fromDisk(raw: Buffer, what: string): Buffer {
    if (!isSealed(raw)) return raw;
    if (!this.blobKey) throw new AppError('unauthorized', `${what} is encrypted and this store has no key.`);
    return unseal(this.blobKey, raw, what);
  }

  /** Writes any case file (a packet, a staged upload) at `file`, sealed like the originals. */
  writeFile(file: string, bytes: Uint8Array): void {
    writeFileAtomic(file, this.toDiskPieces(bytes));
  }

  /** Reads a file written by writeFile or fileWriter. */
  readFile(file: string): Buffer {
    return this.fromDisk(readFileSync(file), path.basename(file));
  }

  /** A file written chunk by chunk (never held whole in memory), sealed when the store has a key. */
  fileWriter(file: string): SealedFileWriter {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const fd = openSync(file, 'w', 0o600);
    const sealer = this.blobKey ? new SealWriter(this.blobKey) : null;
    const put = (b: Uint8Array) => {
      let off = 0;
      while (off < b.byteLength) off += writeSync(fd, b, off, b.byteLength - off);
    };
    if (sealer) put(sealer.header);
    let size = 0;
    let open = true;
    return {
      write(chunk) {
        size += chunk.byteLength;
        put(sealer ? sealer.push(chunk) : chunk);
      },
      close() {
        if (sealer) put(sealer.end());
        fsyncSync(fd);
        closeSync(fd);
        open = false;
        return size;
      },
      abort() {
        if (open) closeSync(fd);
        open = false;
        rmSync(file, { force: true });
      },
    };
  }

  private get claimsDir(): string {
    return path.join(this.root, '.pending');
  }

  pathFor(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('bad_request', `Not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathFor(sha256));
  }

  /** Stores the bytes under their sha256 and returns it; storing the same bytes twice is a no-op. */
  put(bytes: Uint8Array): string {
    const sha = sha256Hex(bytes);
    const dest = this.pathFor(sha);
    this.claim(sha);
    const onDisk = this.blobKey ? sealedSize(bytes.byteLength) : bytes.byteLength;
    if (existsSync(dest) && statSync(dest).size === onDisk) return sha;
    writeFileAtomic(dest, this.toDiskPieces(bytes), this.root);
    return sha;
  }

  /**
   * Stores the file at `source` as `put` would its bytes, reading it a megabyte at a time: hashed and
   * sealed as it is read, never held whole. Returns its sha256 and plain size.
   */
  putFile(source: string): { sha: string; size: number } {
    const writer = this.putStream();
    try {
      const src = openSync(source, 'r');
      try {
        const buf = Buffer.allocUnsafe(READ_CHUNK);
        for (let n; (n = readSync(src, buf, 0, buf.length, null)) > 0; ) writer.write(buf.subarray(0, n));
      } finally {
        closeSync(src);
      }
    } catch (e) {
      writer.abort();
      throw e;
    }
    const { sha, size } = writer.finish();
    return { sha, size };
  }

  /**
   * An original arriving a piece at a time (a case archive's entry, a file being read): hashed and
   * sealed as it comes into a temp file, never held whole; finish() claims it and stores it under its
   * sha256 as `put` would (a no-op when stored already).
   */
  putStream(): OriginalWriter {
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    const tmp = path.join(this.root, `.tmp-${process.pid}-put-${Date.now()}-${randomBytes(4).toString('hex')}`);
    let fd: number | null = openSync(tmp, 'w', 0o600);
    const hash = createHash('sha256');
    const sealer = this.blobKey ? new SealWriter(this.blobKey) : null;
    let size = 0;
    const fail = (e: unknown): never => {
      if (fd !== null) closeSync(fd);
      fd = null;
      rmSync(tmp, { force: true });
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC') throw new AppError('not_writable', 'The disk is full: the file could not be stored. Free some space and try again.');
      throw e;
    };
    const put = (b: Uint8Array) => {
      try {
        writeAll(fd!, b);
      } catch (e) {
        fail(e);
      }
    };
    if (sealer) put(sealer.header);
    return {
      write: (piece) => {
        hash.update(piece);
        size += piece.byteLength;
        put(sealer ? sealer.push(piece) : piece);
      },
      finish: () => {
        if (sealer) put(sealer.end());
        const sha = hash.digest('hex');
        let added = false;
        try {
          // Claimed before it is stored under its name, like put's.
          this.claim(sha);
          const dest = this.pathFor(sha);
          if (existsSync(dest) && statSync(dest).size === (this.blobKey ? sealedSize(size) : size)) {
            closeSync(fd!);
            fd = null;
            rmSync(tmp, { force: true });
          } else {
            fsyncSync(fd!);
            closeSync(fd!);
            fd = null;
            mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
            renameSync(tmp, dest);
            added = true;
          }
        } catch (e) {
          fail(e);
        }
        return { sha, size, added };
      },
      abort: () => {
        if (fd !== null) closeSync(fd);
        fd = null;
        rmSync(tmp, { force: true });
      },
    };
  }

  get(sha256: string): Buffer {
    const what = `The original file ${sha256.slice(0, 12)}…`;
    if (!existsSync(this.pathFor(sha256))) throw new AppError('not_found', `${what} is missing from the store.`);
    // Opened a chunk at a time into one buffer: a 160 MB scan is not held sealed and plain at once.
    if (this.blobKey) return unsealFile(this.blobKey, this.pathFor(sha256), what);
    let raw: Buffer;
    try {
      raw = readFileSync(this.pathFor(sha256));
    } catch {
      throw new AppError('not_found', `${what} is missing from the store.`);
    }
    return this.fromDisk(raw, what);
  }

  /** The plain size of a stored original. */
  plainSize(sha256: string): number {
    const file = this.pathFor(sha256);
    if (!existsSync(file)) throw new AppError('not_found', `The original file ${sha256.slice(0, 12)}… is missing from the store.`);
    return this.blobKey ? plainSizeOf(statSync(file).size) : statSync(file).size;
  }

  /** Hands a stored original's plain bytes to `each` a chunk at a time (a view valid until the next call), never whole in memory. */
  forEachPiece(sha256: string, each: (piece: Buffer) => void): number {
    if (!this.blobKey) {
      const raw = this.get(sha256);
      each(raw);
      return raw.length;
    }
    const what = `The original file ${sha256.slice(0, 12)}…`;
    if (!existsSync(this.pathFor(sha256))) throw new AppError('not_found', `${what} is missing from the store.`);
    return forEachUnsealed(this.blobKey, this.pathFor(sha256), each, what);
  }

  /** `length` bytes of a stored original from `offset` (a page's image inside a long PDF). */
  getRange(sha256: string, offset: number, length: number): Buffer {
    if (this.blobKey) {
      if (!existsSync(this.pathFor(sha256))) throw new AppError('not_found', `The original file ${sha256.slice(0, 12)}… is missing from the store.`);
      return unsealRange(this.blobKey, this.pathFor(sha256), offset, length, `The original file ${sha256.slice(0, 12)}…`);
    }
    let fd: number;
    try {
      fd = openSync(this.pathFor(sha256), 'r');
    } catch {
      throw new AppError('not_found', `The original file ${sha256.slice(0, 12)}… is missing from the store.`);
    }
    try {
      const out = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, out, got, length - got, offset + got);
        if (n === 0) throw new AppError('not_found', `The original file ${sha256.slice(0, 12)}… is shorter than expected.`);
        got += n;
      }
      return out;
    } finally {
      closeSync(fd);
    }
  }

  remove(sha256: string): void {
    rmSync(this.pathFor(sha256), { force: true });
  }

  /** Marks an original as this process's, not yet recorded (written before the original itself). */
  private claim(sha256: string): void {
    mkdirSync(this.claimsDir, { recursive: true, mode: 0o700 });
    const record = { host: os.hostname(), since: new Date().toISOString(), started: processStartTime(process.pid) };
    writeFileSync(path.join(this.claimsDir, `${sha256}.${process.pid}`), JSON.stringify(record), { mode: 0o600 });
  }

  /** The database now records the original (or the import gave it up): it is no longer this process's alone. */
  release(sha256: string): void {
    this.removeClaim({ sha256, pid: process.pid });
  }

  /** Every claim left in the store, by any process. */
  claims(): BlobClaim[] {
    if (!existsSync(this.claimsDir)) return [];
    const out: BlobClaim[] = [];
    for (const f of readdirSync(this.claimsDir)) {
      const m = /^([0-9a-f]{64})\.(\d+)$/.exec(f);
      if (!m) continue;
      let record: Pick<BlobClaim, 'host' | 'since' | 'started'> = {};
      try {
        record = JSON.parse(readFileSync(path.join(this.claimsDir, f), 'utf8')) as typeof record;
      } catch {
        /* cut short by a crash: the pid in the name still says whose it was */
      }
      out.push({ sha256: m[1], pid: Number(m[2]), host: record.host, since: record.since, started: record.started });
    }
    return out;
  }

  removeClaim(claim: Pick<BlobClaim, 'sha256' | 'pid'>): void {
    rmSync(path.join(this.claimsDir, `${claim.sha256}.${claim.pid}`), { force: true });
  }

  /** Every stored sha256 (for orphan clean-up at start-up). */
  list(): string[] {
    if (!existsSync(this.root)) return [];
    const out: string[] = [];
    for (const d of readdirSync(this.root)) {
      if (d.startsWith('.')) continue;
      const dir = path.join(this.root, d);
      if (!statSync(dir).isDirectory()) continue;
      for (const f of readdirSync(dir)) if (/^[0-9a-f]{64}$/.test(f)) out.push(f);
    }
    return out;
  }

  /** Removes temp files left by a write that was killed part-way, except those of writers `stillWriting` says are running. */
  removeTempFiles(stillWriting: (pid: number) => boolean = () => false): number {
    if (!existsSync(this.root)) return 0;
    let n = 0;
    for (const f of readdirSync(this.root)) {
      if (f.startsWith('.tmp-') && !stillWriting(Number(/^\.tmp-(\d+)-/.exec(f)?.[1]))) {
        rmSync(path.join(this.root, f), { force: true });
        n++;
      }
    }
    return n;
  }
}
