import type { Migration } from '../migrate';

/**
 * Cases go to a trash before they are deleted for good, as documents do: `deleted_at` is when the
 * case was moved there (NULL for a case in use). A trashed case keeps all its records until the
 * trash is emptied, so restoring it brings everything back.
 */
export const m0170CaseTrash: Migration = {
  version: 170,
  name: 'a trash for cases',
  up(db) {
    db.exec(`ALTER TABLE cases ADD COLUMN deleted_at TEXT;`);
  },
};
