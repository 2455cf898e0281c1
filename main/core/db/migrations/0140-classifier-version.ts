import type { Migration } from '../migrate';

/**
 * Documents record the classifier version that gave their type, subtype and date
 * (documents/parse/classify-version.ts). Documents stored before versions were classified by
 * version 1; raising the version re-classifies them at start (pipeline.ts).
 */
export const m0140ClassifierVersion: Migration = {
  version: 140,
  name: 'the classifier version that classified each document',
  up(db) {
    db.exec('ALTER TABLE documents ADD COLUMN classifier_version INTEGER NOT NULL DEFAULT 1');
  },
};
