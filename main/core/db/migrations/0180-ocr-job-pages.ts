import type { Migration } from '../migrate';

/**
 * An OCR job's recognised pages, written one by one as they come instead of held in memory until
 * the whole scan is read (a 300-page scan's words are tens of megabytes). They stay in the job's
 * own table: the document's pages are written from them in one transaction once every page is
 * read, so a document still appears whole or not at all; an interrupted job resumes from them. They
 * go with their job (ON DELETE CASCADE).
 */
export const m0180OcrJobPages: Migration = {
  version: 180,
  name: 'OCR job pages, written as they are recognised',
  up(db) {
    db.exec(`
      CREATE TABLE ocr_job_pages (
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        page_number INTEGER NOT NULL,
        content_json TEXT NOT NULL,
        PRIMARY KEY (job_id, page_number)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
