import type { Migration } from '../migrate';

/**
 * Pages record what their reading drew besides words (ruling lines, checkboxes with their state:
 * `graphics_json`, NULL when none were read) and the version of the page reading that made them
 * (main/core/layout LAYOUT_VERSION). Pages stored before versions were read by version 1; raising
 * the version re-reads stored PDFs' text layers at start (documents/relayout.ts).
 */
export const m0090PageLayout: Migration = {
  version: 90,
  name: 'page graphics and the layout version that read each page',
  up(db) {
    db.exec(`
      ALTER TABLE pages ADD COLUMN graphics_json TEXT;
      ALTER TABLE pages ADD COLUMN layout_version INTEGER NOT NULL DEFAULT 1;
    `);
  },
};
