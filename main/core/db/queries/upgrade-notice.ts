// Reads and writes behind the upgrade notice (documents/upgrade-notice.ts): a document's stored
// extraction, name and correction count, and the notice itself, kept in the settings table.
import type { Db } from '../open';

const KEY = 'notice.layoutUpgrade';

export function upgradeNoticeQueries(db: Db) {
  return {
    extractionJson: (documentId: string) =>
      db.prepare<[string], { result_json: string }>('SELECT result_json FROM extractions WHERE document_id = ?').get(documentId)?.result_json ?? null,
    document: (documentId: string) => db.prepare<[string], { case_id: string; file_name: string }>('SELECT case_id, file_name FROM documents WHERE id = ?').get(documentId),
    corrections: (documentId: string) => db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM corrections WHERE document_id = ?').get(documentId)!.n,
    get: () => db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?').get(KEY)?.value_json ?? null,
    put: (json: string) => db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json').run(KEY, json),
    remove: () => db.prepare('DELETE FROM settings WHERE key = ?').run(KEY),
  };
}
