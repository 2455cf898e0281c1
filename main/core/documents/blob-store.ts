// Content-addressed store for originals. The only module that reads or writes original files, so
// encryption at rest can be added here alone. Writes are atomic: temp file, fsync, rename.
// An original is claimed (.pending/<sha>.<pid>) before it is written and released once the database
// records it: start-up clean-up leaves alone an unrecorded original whose importer is still running.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An original stored by an import that had not recorded it yet, when last seen. */
export interface BlobClaim {
  sha256: string;
  pid: number;
  host?: string;
}

export class BlobStore {
  constructor(readonly root: string) {}

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
    if (existsSync(dest) && statSync(dest).size === bytes.byteLength) return sha;
    mkdirSync(path.dirname(dest), { recursive: true });
    const tmp = path.join(this.root, `.tmp-${process.pid}-${sha.slice(0, 16)}-${Date.now()}`);
    let fd: number | null = null;
    try {
      fd = openSync(tmp, 'w');
      let off = 0;
      while (off < bytes.byteLength) off += writeSync(fd, bytes, off, bytes.byteLength - off);
      fsyncSync(fd);
      closeSync(fd);
      fd = null;
      renameSync(tmp, dest);
    } catch (e) {
      if (fd !== null) closeSync(fd);
      rmSync(tmp, { force: true });
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC') throw new AppError('not_writable', 'The disk is full: the file could not be stored. Free some space and import it again.');
      throw e;
    }
    return sha;
  }

  get(sha256: string): Buffer {
    try {
      return readFileSync(this.pathFor(sha256));
    } catch {
      throw new AppError('not_found', `The original file ${sha256.slice(0, 12)}… is missing from the store.`);
    }
  }

  /** `length` bytes of a stored original from `offset` (a page's image inside a long PDF). */
  getRange(sha256: string, offset: number, length: number): Buffer {
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
    mkdirSync(this.claimsDir, { recursive: true });
    writeFileSync(path.join(this.claimsDir, `${sha256}.${process.pid}`), JSON.stringify({ host: os.hostname() }));
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
      let host: string | undefined;
      try {
        host = (JSON.parse(readFileSync(path.join(this.claimsDir, f), 'utf8')) as { host?: string }).host;
      } catch {
        /* cut short by a crash: the pid in the name still says whose it was */
      }
      out.push({ sha256: m[1], pid: Number(m[2]), host });
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
