import type { Migration } from '../migrate';

/**
 * Versions for optimistic concurrency: a form sends back the version it was loaded at and the save
 * is refused when the row has moved on.
 *
 * A case's version is numbered across all cases (each edit takes the next number, kept unique by an
 * index), so one number names one case at one moment: a save that carries it is checked both for
 * staleness and for being made from another case's form. Existing cases are numbered by rowid.
 * A letter's version counts the saves of that letter; its case is checked through case_id.
 */
export const m0070EditVersions: Migration = {
  version: 70,
  name: 'edit versions on cases and letters',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      UPDATE cases SET version = rowid;
      CREATE UNIQUE INDEX cases_version ON cases(version);
      ALTER TABLE letters ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    `);
  },
};
