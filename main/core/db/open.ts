// The one place that opens the database: better-sqlite3-multiple-ciphers (better-sqlite3's API over
// SQLite3 Multiple Ciphers), encrypting with SQLCipher 4's format when given a key, plain without.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { migrate, LATEST_VERSION } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** 32-byte key: the file is (or becomes, when new) SQLCipher-encrypted. Absent: plain SQLite. */
  key?: Buffer | null;
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when `file` exists and starts as an unencrypted SQLite database does. */
export function isPlainDatabase(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Sets SQLCipher 4's format and the raw 256-bit key (no passphrase KDF: the key is already random). */
export function applyKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new AppError('internal', 'A database key is 32 bytes.');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/**
 * Opens (creating if needed) the case database with WAL, foreign keys and a busy timeout, then
 * brings its schema up to date. A corrupt file or one from a newer app version is reported and
 * left exactly as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const existed = file !== ':memory:' && existsSync(file);
  if (options.key && existed && isPlainDatabase(file)) throw new AppError('db_corrupt', `The database ${file} is not encrypted; it is encrypted when the data folder is opened.`);
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: false });
  } catch (e) {
    throw new AppError('db_corrupt', `Cannot open the database ${file}: ${(e as Error).message}`);
  }
  try {
    if (options.key) applyKey(db, options.key);
    // Reading the schema fails at once on a file that is not SQLite (SQLITE_NOTADB).
    db.pragma('schema_version');
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > LATEST_VERSION) {
      throw new AppError(
        'db_newer',
        `The database ${file} was written by a newer version of IEP Casefile (schema ${version}; this version knows up to ${LATEST_VERSION}). Update the app; the database was left untouched.`,
      );
    }
    if (existed) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new AppError('db_corrupt', `The database ${file} is damaged (${String(check)}). It was left untouched; restore it from a backup.`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // Deleted rows are overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    if (options.migrate !== false) migrate(db);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      if (options.key && existed) throw new AppError('db_corrupt', `The database ${file} cannot be opened with this data folder's key: it is damaged or was encrypted with another key (${code}). It was left untouched.`);
      throw new AppError('db_corrupt', `The file ${file} is not a readable IEP Casefile database (${code}). It was left untouched.`);
    }
    throw e;
  }
}
