// Opens a data folder's database and blob store with its key, creating the key on first run and
// encrypting a plain folder (from an earlier version) in place first. The folder is 0700, its files
// 0600. The migration is crash-safe and resumable, step by step:
//  1. the plain database is checkpointed and copied to casefile.sqlite.plain-backup (kept until the end);
//  2. a second copy is encrypted (PRAGMA rekey), checked (quick_check, every table's row count equal
//     to the backup's) and renamed over casefile.sqlite: the database is either plain or encrypted;
//  3. every plain file of originals/ and packets/ is sealed beside itself, opened again and compared
//     with its sha256 (or its plain bytes), then renamed over the plain one;
//  4. only then is the plain backup removed.
// A crash anywhere leaves a state the next open continues from (encrypting.json marks steps 3-4).
import { chmodSync, copyFileSync, existsSync, fsyncSync, closeSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { applyKey, isPlainDatabase, openDatabase, type Db } from '../db/open';
import { tableCounts } from '../db/queries/maintenance';
import { BlobStore, sha256Hex, writeFileAtomic } from '../documents/blob-store';
import { isSealed, seal, unseal } from './sealed';
import { unlockDataFolder, type KeySource } from './unlock';
import { deriveKeys, readVault, type DataKeys } from './vault';

export const DB_FILE = 'casefile.sqlite';
const BACKUP = `${DB_FILE}.plain-backup`;
const ENCRYPTING = `${DB_FILE}.encrypting`;
const MARKER = 'encrypting.json';
/** Folders of case files sealed by the blob store. */
export const SEALED_FOLDERS = ['originals', 'packets', 'staging'];

export interface DataFolder {
  db: Db;
  blobs: BlobStore;
  keys: DataKeys | null;
}

export interface OpenFolderOptions {
  migrate?: boolean;
  keySource?: KeySource;
  /** Called between the migration's steps (a test's kill -9 lands between them). */
  onStep?: (step: string) => void;
}

/** Folder 0700, and every file under it 0600 (a folder made by an earlier version). */
export function tightenPermissions(dir: string): void {
  if (process.platform === 'win32') return;
  chmodSync(dir, 0o700);
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, f.name);
    if (f.isDirectory()) tightenPermissions(p);
    else if (f.isFile()) chmodSync(p, 0o600);
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Step 1-2: the database, plain -> SQLCipher, through a checked copy. */
function encryptDatabase(dataDir: string, key: Buffer, onStep: (s: string) => void): void {
  const file = path.join(dataDir, DB_FILE);
  const backup = path.join(dataDir, BACKUP);
  const work = path.join(dataDir, ENCRYPTING);
  // Fold the WAL into the file so that one copy holds everything.
  const plain = new Database(file);
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
  } finally {
    plain.close();
  }
  if (!existsSync(backup) || !isPlainDatabase(backup)) {
    copyFileSync(file, `${backup}.tmp`);
    fsyncFile(`${backup}.tmp`);
    renameSync(`${backup}.tmp`, backup);
  }
  onStep('backup-written');
  rmSync(work, { force: true });
  copyFileSync(backup, work);
  const enc = new Database(work);
  try {
    enc.pragma(`cipher = 'sqlcipher'`);
    enc.pragma('legacy = 4');
    enc.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    enc.close();
  }
  onStep('copy-encrypted');
  // Check the encrypted copy against the backup before it replaces anything.
  const check = new Database(work);
  const before = new Database(backup, { readonly: true });
  try {
    applyKey(check as unknown as Db, key);
    const ok = check.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new AppError('db_corrupt', `Encrypting the database failed its check (${String(ok)}); the plain database is untouched.`);
    const [a, b] = [JSON.stringify(tableCounts(before)), JSON.stringify(tableCounts(check))];
    if (a !== b) throw new AppError('db_corrupt', 'Encrypting the database lost rows; the plain database is untouched.');
  } finally {
    check.close();
    before.close();
  }
  fsyncFile(work);
  writeFileSync(path.join(dataDir, MARKER), JSON.stringify({ step: 'files' }), { mode: 0o600 });
  for (const ext of ['-wal', '-shm', '-journal']) rmSync(file + ext, { force: true });
  renameSync(work, file);
  onStep('database-encrypted');
}

/** Step 3: each plain case file sealed, checked and swapped in. */
function sealFolder(dir: string, blobKey: Buffer, onStep: (s: string) => void, progress = { n: 0 }): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.pending') n += sealFolder(p, blobKey, onStep, progress);
      continue;
    }
    if (!entry.isFile() || entry.name.startsWith('.tmp-')) continue;
    const raw = readFileSync(p);
    if (isSealed(raw)) continue;
    const sealed = seal(blobKey, raw);
    const back = unseal(blobKey, sealed, p);
    const named = /^[0-9a-f]{64}$/.test(entry.name);
    if (named ? sha256Hex(back) !== entry.name : !back.equals(raw)) throw new AppError('db_corrupt', `Sealing ${p} did not give its bytes back; it was left plain.`);
    writeFileAtomic(p, sealed);
    n++;
    if (++progress.n % 25 === 0) onStep('files-sealed');
  }
  return n;
}

function needsEncrypting(dataDir: string): boolean {
  return isPlainDatabase(path.join(dataDir, DB_FILE)) || existsSync(path.join(dataDir, MARKER));
}

/** Brings a plain (or half-encrypted) data folder to fully encrypted. Only the lock holder may. */
export function encryptDataFolder(dataDir: string, keys: DataKeys, onStep: (s: string) => void = () => {}): void {
  if (isPlainDatabase(path.join(dataDir, DB_FILE))) encryptDatabase(dataDir, keys.db, onStep);
  const progress = { n: 0 };
  for (const f of SEALED_FOLDERS) sealFolder(path.join(dataDir, f), keys.blob, onStep, progress);
  onStep('files-done');
  rmSync(path.join(dataDir, BACKUP), { force: true });
  rmSync(path.join(dataDir, `${BACKUP}.tmp`), { force: true });
  rmSync(path.join(dataDir, MARKER), { force: true });
}

/**
 * The database and blob store of a data folder, encrypted. A folder without vault.json gets its key
 * now (and is encrypted in place when it held plain data). A process that may not migrate (not the
 * lock's holder) opens a folder not yet encrypted as it is, plain.
 */
export function openDataFolder(dataDir: string, opts: OpenFolderOptions = {}): DataFolder {
  const file = path.join(dataDir, DB_FILE);
  const mayWrite = opts.migrate !== false;
  if (!mayWrite && !readVault(dataDir) && (!existsSync(file) || isPlainDatabase(file))) {
    return { db: openDatabase(file, { migrate: false }), blobs: new BlobStore(path.join(dataDir, 'originals')), keys: null };
  }
  const { master } = unlockDataFolder(dataDir, opts.keySource);
  const keys = deriveKeys(master);
  if (needsEncrypting(dataDir)) {
    if (!mayWrite) throw new AppError('locked', `The data folder ${dataDir} is being encrypted by another process. Try again in a moment.`);
    encryptDataFolder(dataDir, keys, opts.onStep);
    tightenPermissions(dataDir);
  } else if (process.platform !== 'win32' && statSync(dataDir).mode & 0o077) {
    // A folder made by an earlier version (or loosened by hand): every file, once.
    tightenPermissions(dataDir);
  }
  const db = openDatabase(file, { migrate: opts.migrate, key: keys.db });
  try {
    if (statSync(file).mode & 0o077) chmodSync(file, 0o600);
  } catch {
    /* a new, empty database file is created on first write */
  }
  return { db, blobs: new BlobStore(path.join(dataDir, 'originals'), keys.blob), keys };
}
