import type { Migration } from '../migrate';

/**
 * The disclosure before a due-process hearing (issue 19): the case's witness list, which the user fills
 * (name, role, subject, contact, in order), and each disclosure made (hearing date, deadline, when) with
 * what each exhibit was when disclosed: its label, document, pages, Bates range and a hash of its
 * content, so that a later change to the packet can be named ("exhibit P-7 changed since Mar 3").
 */
export const m0240Disclosure: Migration = {
  version: 240,
  name: 'disclosure',
  up(db) {
    db.exec(`
      CREATE TABLE witnesses (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX witnesses_case ON witnesses(case_id, position);
      CREATE TABLE disclosures (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        hearing_date TEXT NOT NULL,
        deadline TEXT NOT NULL,
        forum TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX disclosures_case ON disclosures(case_id, created_at);
      CREATE TABLE disclosure_exhibits (
        disclosure_id TEXT NOT NULL REFERENCES disclosures(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        document_id TEXT NOT NULL,
        description TEXT NOT NULL,
        bates_first TEXT NOT NULL,
        bates_last TEXT NOT NULL,
        pages INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        PRIMARY KEY (disclosure_id, position)
      ) STRICT;
    `);
  },
};
