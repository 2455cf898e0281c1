// The one place that opens the database. An encrypting drop-in driver would be swapped in here.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { migrate, LATEST_VERSION } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

/**
 * Opens (creating if needed) the case database with WAL, foreign keys and a busy timeout, then
 * brings its schema up to date. A corrupt file or one from a newer app version is reported and
 * left exactly as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const existed = file !== ':memory:' && existsSync(file);
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: false });
  } catch (e) {
    throw new AppError('db_corrupt', `Cannot open the database ${file}: ${(e as Error).message}`);
  }
  try {
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
    if (options.migrate !== false) migrate(db);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('db_corrupt', `The file ${file} is not a readable IEP Casefile database (${code}). It was left untouched.`);
    }
    throw e;
  }
}
