// The review feature's SQL: the user's corrections (corrections), documents confirmed as reviewed
// (document_reviews) and the stored extraction results they apply to (extractions). Rows are
// mapped to DTOs here and nowhere else.
import type { CorrectionDto, EntityKind } from '../../../shared/api/review';
import type { Db } from '../db/open';

interface CorrectionRow {
  id: string;
  document_id: string;
  entity: string;
  entity_key: string;
  field: string;
  value_json: string | null;
  status: string;
  updated_at: string;
}

const toCorrection = (r: CorrectionRow): CorrectionDto => ({
  id: r.id,
  documentId: r.document_id,
  entity: r.entity as EntityKind,
  entityKey: r.entity_key,
  field: r.field,
  value: r.value_json === null ? null : JSON.parse(r.value_json),
  status: r.status as CorrectionDto['status'],
  updatedAt: r.updated_at,
});

/** Every correction of a case's documents, oldest first. */
export function correctionsOfCase(db: Db, caseId: string): CorrectionDto[] {
  return db
    .prepare<[string], CorrectionRow>('SELECT c.* FROM corrections c JOIN documents d ON d.id = c.document_id WHERE d.case_id = ? ORDER BY c.created_at')
    .all(caseId)
    .map(toCorrection);
}

export function correctionsOfDocument(db: Db, documentId: string): CorrectionDto[] {
  return db.prepare<[string], CorrectionRow>('SELECT * FROM corrections WHERE document_id = ? ORDER BY created_at').all(documentId).map(toCorrection);
}

/** Saves a correction (one per document, entity and field: a second replaces the first) and returns it as stored. */
export function upsertCorrection(db: Db, c: Omit<CorrectionDto, 'id' | 'updatedAt'>, id: string, now: string): CorrectionDto {
  db.prepare(
    `INSERT INTO corrections (id, document_id, entity, entity_key, field, value_json, status, created_at, updated_at)
     VALUES (@id, @documentId, @entity, @entityKey, @field, @value, @status, @now, @now)
     ON CONFLICT(document_id, entity, entity_key, field) DO UPDATE SET value_json = excluded.value_json, status = excluded.status, updated_at = excluded.updated_at`,
  ).run({ id, documentId: c.documentId, entity: c.entity, entityKey: c.entityKey, field: c.field, value: c.value === undefined ? null : JSON.stringify(c.value), status: c.status, now });
  const row = db
    .prepare<[string, string, string, string], CorrectionRow>('SELECT * FROM corrections WHERE document_id = ? AND entity = ? AND entity_key = ? AND field = ?')
    .get(c.documentId, c.entity, c.entityKey, c.field)!;
  return toCorrection(row);
}

export function deleteCorrection(db: Db, id: string): void {
  db.prepare('DELETE FROM corrections WHERE id = ?').run(id);
}

/** The document a correction belongs to, or null when there is no such correction. */
export function documentOfCorrection(db: Db, correctionId: string): string | null {
  return db.prepare<[string], { document_id: string }>('SELECT document_id FROM corrections WHERE id = ?').get(correctionId)?.document_id ?? null;
}

/** Progress entries the user tied to a goal by hand, across a case. */
export function progressGoalLinks(db: Db, caseId: string): Array<{ documentId: string; entityKey: string; goalId: string | null }> {
  return db
    .prepare<[string], { document_id: string; entity_key: string; value_json: string }>(
      `SELECT c.document_id, c.entity_key, c.value_json FROM corrections c JOIN documents d ON d.id = c.document_id
       WHERE d.case_id = ? AND c.entity = 'progress_entry' AND c.field = 'goalId'`,
    )
    .all(caseId)
    .map((r) => ({ documentId: r.document_id, entityKey: r.entity_key, goalId: JSON.parse(r.value_json) as string | null }));
}

/** The stored extraction result of a document, as JSON, or null before it is extracted. */
export function extractionJson(db: Db, documentId: string): string | null {
  return db.prepare<[string], { result_json: string }>('SELECT result_json FROM extractions WHERE document_id = ?').get(documentId)?.result_json ?? null;
}

export function reviewConfirmedAt(db: Db, documentId: string): string | null {
  return db.prepare<[string], { confirmed_at: string }>('SELECT confirmed_at FROM document_reviews WHERE document_id = ?').get(documentId)?.confirmed_at ?? null;
}

export function upsertReviewConfirmed(db: Db, documentId: string, now: string): void {
  db.prepare('INSERT INTO document_reviews (document_id, confirmed_at) VALUES (?, ?) ON CONFLICT(document_id) DO UPDATE SET confirmed_at = excluded.confirmed_at').run(documentId, now);
}

export interface ReviewQueueRow {
  documentId: string;
  fileName: string;
  type: string;
  date: string | null;
  resultJson: string;
  /** Values confirmed or edited one by one. */
  confirmed: number;
  /** When the whole document was confirmed, if it was. */
  reviewedAt: string | null;
}

/** A case's extracted documents not in the trash, unreviewed ones first, then by date. */
export function reviewQueueRows(db: Db, caseId: string): ReviewQueueRow[] {
  return db
    .prepare<[string], { id: string; file_name: string; type: string; date: string | null; result_json: string; confirmed: number; reviewed: string | null }>(
      `SELECT d.id, d.file_name, d.type, d.date, e.result_json,
         (SELECT count(*) FROM corrections c WHERE c.document_id = d.id AND c.status IN ('confirmed', 'edited')) AS confirmed,
         r.confirmed_at AS reviewed
       FROM documents d JOIN extractions e ON e.document_id = d.id LEFT JOIN document_reviews r ON r.document_id = d.id
       WHERE d.case_id = ? AND d.deleted_at IS NULL ORDER BY r.confirmed_at IS NOT NULL, d.date`,
    )
    .all(caseId)
    .map((r) => ({ documentId: r.id, fileName: r.file_name, type: r.type, date: r.date, resultJson: r.result_json, confirmed: r.confirmed, reviewedAt: r.reviewed }));
}
