// Prepared statements for the extractions table: one reading (goals, services, dates) per document.
import type { Db } from '../open';

export function extractionQueries(db: Db) {
  return {
    put: (documentId: string, extractorVersion: number, resultJson: string, now: string) =>
      db
        .prepare(
          `INSERT INTO extractions (document_id, extractor_version, result_json, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(document_id) DO UPDATE SET extractor_version = excluded.extractor_version, result_json = excluded.result_json, updated_at = excluded.updated_at`,
        )
        .run(documentId, extractorVersion, resultJson, now),
    /** Ready documents (not in the trash) without an extraction, or with one by an extractor older than `version`. */
    staleDocumentIds: (version: number): string[] =>
      db
        .prepare<[number], { id: string }>(
          `SELECT d.id FROM documents d LEFT JOIN extractions e ON e.document_id = d.id
       WHERE d.status = 'ready' AND d.deleted_at IS NULL AND (e.document_id IS NULL OR e.extractor_version < ?)`,
        )
        .all(version)
        .map((r) => r.id),
  };
}
