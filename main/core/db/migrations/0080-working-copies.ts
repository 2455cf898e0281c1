import type { Migration } from '../migrate';

/**
 * A document's working copy: for an encrypted PDF, the decrypted copy made at import and stored in
 * the blob store like the original, which stays untouched in `sha256`. Every reader of page content
 * (OCR, the viewer, the packet) uses the working copy when there is one. NULL for every other
 * document, including encrypted PDFs imported before copies were kept: those are refused by name
 * where they cannot be read, and importing the file again with its password adds the copy.
 */
export const m0080WorkingCopies: Migration = {
  version: 80,
  name: 'decrypted working copies of encrypted PDFs',
  up(db) {
    db.exec('ALTER TABLE documents ADD COLUMN working_sha256 TEXT REFERENCES blobs(sha256);');
  },
};
