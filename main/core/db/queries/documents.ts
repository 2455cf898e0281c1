// Prepared statements for documents and pages; rows map to DTOs here only.
import type { DocumentDto, PageDto } from '../../../../shared/api/documents';
import type { Classification, DocType, PageContent, PageGraphics, Word } from '../../../../shared/domain';
import { LAYOUT_VERSION } from '../../layout/types';
import type { Db } from '../open';
import { searchIndexQueries, searchTags } from './search-index';

export interface DocumentRow {
  id: string;
  case_id: string;
  sha256: string;
  /** The decrypted working copy of an encrypted PDF (migration 0080); null for every other document. */
  working_sha256: string | null;
  file_name: string;
  source_path: string | null;
  archive_path: string | null;
  parent_document_id: string | null;
  format: string;
  page_count: number;
  text_source: string | null;
  title: string | null;
  type: string;
  type_confidence: number;
  type_by_user: number;
  subtype: string | null;
  date: string | null;
  date_confidence: number;
  date_by_user: number;
  meta_json: string;
  status: string;
  error: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The stored file to read a document's pages from: its decrypted working copy, if it has one, else the original. */
export function readableSha(r: Pick<DocumentRow, 'sha256' | 'working_sha256'>): string {
  return r.working_sha256 ?? r.sha256;
}

export function rowToDocument(r: DocumentRow, extra: { lowConfidencePages?: number[] } = {}): DocumentDto {
  return {
    id: r.id,
    caseId: r.case_id,
    sha256: r.sha256,
    fileName: r.file_name,
    title: r.title ?? r.file_name,
    sourcePath: r.source_path,
    archivePath: r.archive_path,
    parentDocumentId: r.parent_document_id,
    format: r.format,
    pageCount: r.page_count,
    textSource: (r.text_source as DocumentDto['textSource']) ?? null,
    type: r.type as DocType,
    typeConfidence: r.type_confidence,
    typeByUser: !!r.type_by_user,
    subtype: r.subtype as DocumentDto['subtype'],
    date: r.date,
    dateConfidence: r.date_confidence,
    dateByUser: !!r.date_by_user,
    meta: JSON.parse(r.meta_json),
    status: r.status as DocumentDto['status'],
    error: r.error,
    createdAt: r.created_at,
    deletedAt: r.deleted_at,
    lowConfidencePages: extra.lowConfidencePages ?? [],
  };
}

/** Pages whose OCR mean confidence is below this are marked for review. */
export const LOW_CONFIDENCE = 70;

/** A new document's columns, as the import records it. */
export interface NewDocument {
  id: string;
  caseId: string;
  sha: string;
  working: string | null;
  fileName: string;
  source: string | null;
  archivePath: string | null;
  parent: string | null;
  format: string;
  pageCount: number;
  textSource: string;
  title: string;
  type: string;
  typeConf: number;
  subtype: string | null;
  date: string | null;
  dateConf: number;
  classifierVersion: number;
  meta: string;
  status: string;
  now: string;
}

/** What the user set on a document by hand (each field given is marked the user's). */
export interface DocumentEdit {
  title?: string;
  type?: string;
  subtype?: string | null;
  date?: string | null;
}

export function documentQueries(db: Db) {
  const insertPage = db.prepare(`INSERT OR REPLACE INTO pages (document_id, page_number, width, height, text, words_json, source, mean_confidence, needs_review, graphics_json, layout_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const index = searchIndexQueries(db);
  const previous = db.prepare<[string, number], { search_rowid: number | null }>('SELECT search_rowid FROM pages WHERE document_id = ? AND page_number = ?');
  const docTags = db.prepare<[string], { case_id: string; type: string; deleted_at: string | null }>('SELECT case_id, type, deleted_at FROM documents WHERE id = ?');
  return {
    get: (id: string) => db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?').get(id),
    caseOf: (id: string) => db.prepare<[string], { case_id: string }>('SELECT case_id FROM documents WHERE id = ?').get(id)?.case_id,
    insert: (d: NewDocument) =>
      db
        .prepare(
          `INSERT INTO documents (id, case_id, sha256, working_sha256, file_name, source_path, archive_path, parent_document_id, format, page_count, text_source,
            title, type, type_confidence, subtype, date, date_confidence, classifier_version, meta_json, status, created_at, updated_at)
           VALUES (@id, @caseId, @sha, @working, @fileName, @source, @archivePath, @parent, @format, @pageCount, @textSource,
            @title, @type, @typeConf, @subtype, @date, @dateConf, @classifierVersion, @meta, @status, @now, @now)`,
        )
        .run(d),
    /** The user's edits: a type set by hand is certain (and drops the subtype unless an IEP), a date likewise. */
    applyUserEdit(id: string, patch: DocumentEdit, now: string): boolean {
      const sets: string[] = [];
      const vals: Record<string, unknown> = { id, now };
      if (patch.title !== undefined) {
        sets.push('title = @title');
        vals.title = patch.title;
      }
      if (patch.type !== undefined) {
        sets.push('type = @type', 'type_by_user = 1', 'type_confidence = 1');
        vals.type = patch.type;
        if (patch.type !== 'iep') sets.push('subtype = NULL');
      }
      if (patch.subtype !== undefined) {
        sets.push('subtype = @subtype', 'type_by_user = 1');
        vals.subtype = patch.subtype;
      }
      if (patch.date !== undefined) {
        sets.push('date = @date', 'date_by_user = 1', 'date_confidence = 1');
        vals.date = patch.date;
      }
      if (!sets.length) return false;
      db.prepare(`UPDATE documents SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run(vals);
      return true;
    },
    setDeleted: (id: string, at: string | null, now: string) => db.prepare('UPDATE documents SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, now, id),
    setWorkingCopy: (id: string, sha: string, now: string) => db.prepare('UPDATE documents SET working_sha256 = ?, updated_at = ? WHERE id = ?').run(sha, now, id),
    /** A readable copy was added: OCR pending again, or ready (its error cleared either way). */
    setReadable: (id: string, status: 'ocr_pending' | 'ready') => db.prepare('UPDATE documents SET status = ?, error = NULL WHERE id = ?').run(status, id),
    /** OCR started on the document, or stopped by a cancel (pending again). */
    setOcrStatus: (id: string, status: 'ocr_running' | 'ocr_pending', now: string) =>
      status === 'ocr_running'
        ? db.prepare("UPDATE documents SET status = 'ocr_running', updated_at = ? WHERE id = ?").run(now, id)
        : db.prepare("UPDATE documents SET status = 'ocr_pending', updated_at = ? WHERE id = ?").run(now, id),
    /** OCR failed: `error` names the file and says why. */
    setOcrFailed: (id: string, error: string, now: string) => db.prepare("UPDATE documents SET status = 'failed', error = ?, updated_at = ? WHERE id = ?").run(error, now, id),
    /** OCR done: the document is ready, its error cleared. */
    setOcrDone: (id: string, now: string) => db.prepare("UPDATE documents SET status = 'ready', error = NULL, updated_at = ? WHERE id = ?").run(now, id),
    setClassifierVersion: (id: string, version: number) => db.prepare('UPDATE documents SET classifier_version = ? WHERE id = ?').run(version, id),
    /** Ready documents (not in the trash) an older classifier classified, oldest first. */
    idsClassifiedBefore: (version: number) =>
      db
        .prepare<[number], { id: string }>("SELECT id FROM documents WHERE status = 'ready' AND deleted_at IS NULL AND classifier_version < ? ORDER BY created_at")
        .all(version)
        .map((r) => r.id),
    /** Ready documents (not in the trash) with a page an older layout read, oldest first. */
    idsLaidOutBefore: (version: number) =>
      db
        .prepare<[number], { id: string }>(
          `SELECT d.id FROM documents d WHERE d.status = 'ready' AND d.deleted_at IS NULL
       AND EXISTS (SELECT 1 FROM pages p WHERE p.document_id = d.id AND p.layout_version < ?) ORDER BY d.created_at`,
        )
        .all(version)
        .map((r) => r.id),
    markLaidOut: (id: string, version: number) => db.prepare('UPDATE pages SET layout_version = ? WHERE document_id = ? AND layout_version < ?').run(version, id, version),
    ocrPageNumbers: (id: string) =>
      db.prepare<[string], { page_number: number }>("SELECT page_number FROM pages WHERE document_id = ? AND source = 'ocr'").all(id).map((r) => r.page_number),
    /** A case's documents not in the trash. */
    liveIdsOfCase: (caseId: string) => db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE case_id = ? AND deleted_at IS NULL').all(caseId).map((r) => r.id),
    /** Every original and working copy a case's documents use. */
    shasOfCase: (caseId: string) =>
      db
        .prepare<[string, string], { sha256: string }>('SELECT sha256 FROM documents WHERE case_id = ? UNION SELECT working_sha256 FROM documents WHERE case_id = ? AND working_sha256 IS NOT NULL')
        .all(caseId, caseId)
        .map((r) => r.sha256),
    /** Whether any document uses these bytes (as its original or working copy). */
    shaInUse: (sha: string) => !!db.prepare('SELECT 1 FROM documents WHERE sha256 = ? OR working_sha256 = ? LIMIT 1').get(sha, sha),
    bySha: (caseId: string, sha: string) =>
      db.prepare<[string, string], DocumentRow>('SELECT * FROM documents WHERE case_id = ? AND sha256 = ?').get(caseId, sha),
    listByCase: (caseId: string, includeDeleted: boolean) =>
      db
        .prepare<[string], DocumentRow>(
          `SELECT * FROM documents WHERE case_id = ? ${includeDeleted ? '' : 'AND deleted_at IS NULL'} ORDER BY date IS NULL, date, created_at`,
        )
        .all(caseId),
    lowConfidencePages: (docId: string) =>
      db.prepare<[string], { page_number: number }>('SELECT page_number FROM pages WHERE document_id = ? AND needs_review = 1 ORDER BY page_number').all(docId).map((r) => r.page_number),
    /** Writes (or replaces) pages and their search index rows. Call inside a transaction. */
    putPages(docId: string, pages: PageContent[]) {
      const doc = docTags.get(docId);
      if (!doc) throw new Error(`No document ${docId} to write pages to.`);
      // A document in the trash stays out of search until it is restored (which indexes it).
      const tags = doc.deleted_at ? null : searchTags(doc.case_id, doc.type);
      for (const p of pages) {
        const needsReview = p.source === 'ocr' && (p.meanConfidence ?? 0) < LOW_CONFIDENCE ? 1 : 0;
        const oldRowid = previous.get(docId, p.pageNumber)?.search_rowid ?? null;
        const graphics = p.graphics && (p.graphics.rules.length || p.graphics.boxes.length) ? JSON.stringify(p.graphics) : null;
        insertPage.run(docId, p.pageNumber, p.width, p.height, p.text, JSON.stringify(p.words), p.source, p.meanConfidence, needsReview, graphics, p.layoutVersion ?? LAYOUT_VERSION);
        index.putPage(docId, p.pageNumber, p.text, oldRowid, tags);
      }
    },
    pages: (docId: string) => db.prepare<[string], PageRow>('SELECT * FROM pages WHERE document_id = ? ORDER BY page_number').all(docId),
    page: (docId: string, n: number) => db.prepare<[string, number], PageRow>('SELECT * FROM pages WHERE document_id = ? AND page_number = ?').get(docId, n),
    applyClassification(docId: string, c: Classification, now: string) {
      db.prepare(
        `UPDATE documents SET
          type = CASE WHEN type_by_user = 1 THEN type ELSE @type END,
          type_confidence = CASE WHEN type_by_user = 1 THEN type_confidence ELSE @typeConf END,
          subtype = CASE WHEN type_by_user = 1 THEN subtype ELSE @subtype END,
          date = CASE WHEN date_by_user = 1 THEN date ELSE @date END,
          date_confidence = CASE WHEN date_by_user = 1 THEN date_confidence ELSE @dateConf END,
          updated_at = @now
        WHERE id = @id`,
      ).run({ id: docId, type: c.type.value, typeConf: c.type.confidence, subtype: c.subtype.value, date: c.date.value, dateConf: c.date.confidence, now });
      index.retagDocument(docId);
    },
  };
}

export interface PageRow {
  document_id: string;
  page_number: number;
  width: number;
  height: number;
  text: string;
  words_json: string;
  source: string;
  mean_confidence: number | null;
  needs_review: number;
  graphics_json: string | null;
  layout_version: number;
}

export function rowToPageContent(r: PageRow): PageContent {
  return {
    pageNumber: r.page_number,
    width: r.width,
    height: r.height,
    text: r.text,
    words: JSON.parse(r.words_json) as Word[],
    source: r.source as PageContent['source'],
    meanConfidence: r.mean_confidence,
    ...(r.graphics_json ? { graphics: JSON.parse(r.graphics_json) as PageGraphics } : {}),
    layoutVersion: r.layout_version,
  };
}

export function rowToPage(r: PageRow): PageDto {
  return { ...rowToPageContent(r), needsReview: !!r.needs_review };
}
