// Migrations: one file each, applied in ascending order inside one transaction; the schema
// version lives in PRAGMA user_version.
import type Database from 'better-sqlite3';
import { m0010Initial } from './migrations/0010-initial';
import { m0020Documents } from './migrations/0020-documents';
import { m0030Extraction } from './migrations/0030-extraction';
import { m0040Timeline } from './migrations/0040-timeline';
import { m0050DeadlinesLetters } from './migrations/0050-deadlines-letters';
import { m0060SearchIndex } from './migrations/0060-search-index';
import { m0070EditVersions } from './migrations/0070-edit-versions';
import { m0080WorkingCopies } from './migrations/0080-working-copies';
import { m0090PageLayout } from './migrations/0090-page-layout';
import { m0140ClassifierVersion } from './migrations/0140-classifier-version';
import { m0170CaseTrash } from './migrations/0170-case-trash';
import { m0180OcrJobPages } from './migrations/0180-ocr-job-pages';
import { m0190EventSuggestions } from './migrations/0190-event-suggestions';
import { m0210CaseHistory } from './migrations/0210-case-history';
import { m0220FormFamilies } from './migrations/0220-form-families';
import { m0240Disclosure } from './migrations/0240-disclosure';
import { m0241PwnReceived } from './migrations/0241-pwn-received';
import { m0260ContactSuggestions } from './migrations/0260-contact-suggestions';
import { m0270StoredEventSuggestions } from './migrations/0270-stored-event-suggestions';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: Migration[] = [m0010Initial, m0020Documents, m0030Extraction, m0040Timeline, m0050DeadlinesLetters, m0060SearchIndex, m0070EditVersions, m0080WorkingCopies, m0090PageLayout, m0140ClassifierVersion, m0170CaseTrash, m0180OcrJobPages, m0190EventSuggestions, m0210CaseHistory, m0220FormFamilies, m0240Disclosure, m0241PwnReceived, m0260ContactSuggestions, m0270StoredEventSuggestions];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Applies every migration above the database's user_version; returns the versions applied. */
export function migrate(db: Database.Database, upTo: number = LATEST_VERSION): number[] {
  const current = Number(db.pragma('user_version', { simple: true }));
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= upTo);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return pending.map((m) => m.version);
}
