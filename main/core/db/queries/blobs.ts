// Prepared statements for the blobs table: which stored originals (by SHA-256) the database records.
import type { Db } from '../open';

export function blobQueries(db: Db) {
  return {
    /** Every recorded SHA-256. */
    shas: (): Set<string> => new Set(db.prepare<[], { sha256: string }>('SELECT sha256 FROM blobs').all().map((r) => r.sha256)),
    has: (sha: string): boolean => !!db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').get(sha),
    /** Records a stored original (kept as it is when already recorded). */
    record: (sha: string, size: number, now: string) => db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)').run(sha, size, now),
    /** The recorded size in bytes (0 when not recorded). */
    size: (sha: string): number => db.prepare<[string], { size: number }>('SELECT size FROM blobs WHERE sha256 = ?').get(sha)?.size ?? 0,
    remove: (sha: string) => db.prepare('DELETE FROM blobs WHERE sha256 = ?').run(sha),
  };
}
