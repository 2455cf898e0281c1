// The forms feature's SQL: form families, each document's layout fingerprint and family, the anchors
// learned from corrections, and the values an anchor filled (migration 0220). Rows are mapped to
// camelCase here and nowhere else.
import type { EntityKind, PlacedValue } from '../../../shared/api/review';
import type { BBox } from '../../../shared/domain';
import type { Db } from '../db/open';

export interface FamilyRow {
  id: string;
  name: string;
  customName: string | null;
  createdAt: string;
}

export interface FingerprintRow {
  documentId: string;
  familyId: string;
  tokens: string[];
  caseId: string;
  fileName: string;
  date: string | null;
}

export interface AnchorRow {
  id: string;
  familyId: string;
  entity: EntityKind;
  field: string;
  shape: string;
  description: string;
  spec: unknown;
  enabled: boolean;
  applied: boolean;
  correctionId: string | null;
  sourceDocumentId: string;
  sourceFileName: string;
  sourcePage: number;
  createdAt: string;
}

export interface ValueRow extends PlacedValue {
  id: string;
  anchorId: string;
  documentId: string;
}

type RawAnchor = { id: string; family_id: string; entity: string; field: string; shape: string; description: string; spec_json: string; enabled: number; applied: number; correction_id: string | null; source_document_id: string; source_file_name: string; source_page: number; created_at: string };
const toAnchor = (r: RawAnchor): AnchorRow => ({
  id: r.id,
  familyId: r.family_id,
  entity: r.entity as EntityKind,
  field: r.field,
  shape: r.shape,
  description: r.description,
  spec: JSON.parse(r.spec_json),
  enabled: r.enabled === 1,
  applied: r.applied === 1,
  correctionId: r.correction_id,
  sourceDocumentId: r.source_document_id,
  sourceFileName: r.source_file_name,
  sourcePage: r.source_page,
  createdAt: r.created_at,
});

type RawValue = { id: string; anchor_id: string; document_id: string; entity: string; entity_key: string; field: string; value_json: string; page: number; bbox_json: string | null };
const toValue = (r: RawValue): ValueRow => ({
  id: r.id,
  anchorId: r.anchor_id,
  documentId: r.document_id,
  entity: r.entity as EntityKind,
  entityKey: r.entity_key,
  field: r.field,
  value: JSON.parse(r.value_json),
  page: r.page,
  bbox: r.bbox_json ? (JSON.parse(r.bbox_json) as BBox) : null,
});

export function formQueries(db: Db) {
  return {
    families: (): FamilyRow[] =>
      db
        .prepare<[], { id: string; name: string; custom_name: string | null; created_at: string }>('SELECT * FROM form_families ORDER BY created_at, id')
        .all()
        .map((r) => ({ id: r.id, name: r.name, customName: r.custom_name, createdAt: r.created_at })),
    family: (id: string): FamilyRow | null => {
      const r = db.prepare<[string], { id: string; name: string; custom_name: string | null; created_at: string }>('SELECT * FROM form_families WHERE id = ?').get(id);
      return r ? { id: r.id, name: r.name, customName: r.custom_name, createdAt: r.created_at } : null;
    },
    insertFamily: (id: string, name: string, now: string) => db.prepare('INSERT INTO form_families (id, name, created_at) VALUES (?, ?, ?)').run(id, name, now),
    renameFamily: (id: string, name: string) => db.prepare('UPDATE form_families SET custom_name = ? WHERE id = ?').run(name, id),
    /** Moves a family's documents and learned anchors into another family and deletes it (one form filed twice). */
    joinFamily: (from: string, into: string) => {
      db.prepare('UPDATE form_fingerprints SET family_id = ? WHERE family_id = ?').run(into, from);
      db.prepare('UPDATE form_anchors SET family_id = ? WHERE family_id = ?').run(into, from);
      db.prepare('DELETE FROM form_families WHERE id = ?').run(from);
    },

    /** Fingerprints of documents not in the trash (of cases not in the trash), with the document's case, name and date. */
    fingerprints: (): FingerprintRow[] =>
      db
        .prepare<[], { document_id: string; family_id: string; tokens_json: string; case_id: string; file_name: string; date: string | null }>(
          `SELECT f.document_id, f.family_id, f.tokens_json, d.case_id, d.file_name, d.date FROM form_fingerprints f
           JOIN documents d ON d.id = f.document_id JOIN cases c ON c.id = d.case_id
           WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY d.created_at, d.id`,
        )
        .all()
        .map((r) => ({ documentId: r.document_id, familyId: r.family_id, tokens: JSON.parse(r.tokens_json) as string[], caseId: r.case_id, fileName: r.file_name, date: r.date })),
    /** Extracted documents not in the trash without a fingerprint. */
    unfiledDocuments: (): string[] =>
      db
        .prepare<[], { id: string }>(
          `SELECT d.id FROM documents d JOIN extractions e ON e.document_id = d.id
           WHERE d.deleted_at IS NULL AND d.status = 'ready' AND NOT EXISTS (SELECT 1 FROM form_fingerprints f WHERE f.document_id = d.id) ORDER BY d.created_at, d.id`,
        )
        .all()
        .map((r) => r.id),
    familyOfDocument: (documentId: string): string | null =>
      db.prepare<[string], { family_id: string }>('SELECT family_id FROM form_fingerprints WHERE document_id = ?').get(documentId)?.family_id ?? null,
    putFingerprint: (documentId: string, familyId: string, tokens: string[], now: string) =>
      db
        .prepare(
          `INSERT INTO form_fingerprints (document_id, family_id, tokens_json, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(document_id) DO UPDATE SET family_id = excluded.family_id, tokens_json = excluded.tokens_json, updated_at = excluded.updated_at`,
        )
        .run(documentId, familyId, JSON.stringify(tokens), now),

    anchors: (familyId?: string): AnchorRow[] =>
      (familyId
        ? db.prepare<[string], RawAnchor>('SELECT * FROM form_anchors WHERE family_id = ? ORDER BY created_at, id').all(familyId)
        : db.prepare<[], RawAnchor>('SELECT * FROM form_anchors ORDER BY created_at, id').all()
      ).map(toAnchor),
    anchor: (id: string): AnchorRow | null => {
      const r = db.prepare<[string], RawAnchor>('SELECT * FROM form_anchors WHERE id = ?').get(id);
      return r ? toAnchor(r) : null;
    },
    anchorOfCorrection: (correctionId: string): AnchorRow | null => {
      const r = db.prepare<[string], RawAnchor>('SELECT * FROM form_anchors WHERE correction_id = ? ORDER BY created_at DESC LIMIT 1').get(correctionId);
      return r ? toAnchor(r) : null;
    },
    insertAnchor: (a: AnchorRow) =>
      db
        .prepare(
          `INSERT INTO form_anchors (id, family_id, entity, field, shape, description, spec_json, enabled, applied, correction_id, source_document_id, source_file_name, source_page, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(a.id, a.familyId, a.entity, a.field, a.shape, a.description, JSON.stringify(a.spec), a.enabled ? 1 : 0, a.applied ? 1 : 0, a.correctionId, a.sourceDocumentId, a.sourceFileName, a.sourcePage, a.createdAt),
    setEnabled: (id: string, enabled: boolean) => db.prepare('UPDATE form_anchors SET enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id),
    setApplied: (id: string) => db.prepare('UPDATE form_anchors SET applied = 1 WHERE id = ?').run(id),
    /** Deletes an anchor and (ON DELETE CASCADE) every value it filled; returns how many values went. */
    deleteAnchor: (id: string): number => {
      const n = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM form_values WHERE anchor_id = ?').get(id)!.n;
      db.prepare('DELETE FROM form_anchors WHERE id = ?').run(id);
      return n;
    },

    /** Values filled on a document by enabled anchors, oldest anchor first. */
    valuesOfDocument: (documentId: string): ValueRow[] =>
      db
        .prepare<[string], RawValue>(
          `SELECT v.* FROM form_values v JOIN form_anchors a ON a.id = v.anchor_id
           WHERE v.document_id = ? AND a.enabled = 1 ORDER BY a.created_at, a.id, v.rowid`,
        )
        .all(documentId)
        .map(toValue),
    valuesOfAnchor: (anchorId: string): ValueRow[] => db.prepare<[string], RawValue>('SELECT * FROM form_values WHERE anchor_id = ? ORDER BY rowid').all(anchorId).map(toValue),
    documentsFilled: (anchorId: string): number =>
      db.prepare<[string], { n: number }>('SELECT count(DISTINCT document_id) AS n FROM form_values WHERE anchor_id = ?').get(anchorId)!.n,
    deleteValues: (anchorId: string, documentId: string) => db.prepare('DELETE FROM form_values WHERE anchor_id = ? AND document_id = ?').run(anchorId, documentId),
    insertValue: (v: ValueRow, now: string) =>
      db
        .prepare(
          `INSERT INTO form_values (id, anchor_id, document_id, entity, entity_key, field, value_json, page, bbox_json, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(v.id, v.anchorId, v.documentId, v.entity, v.entityKey, v.field, JSON.stringify(v.value), v.page, v.bbox ? JSON.stringify(v.bbox) : null, now),

    /** The families and anchors a case's archive carries: those of its documents. */
    archiveRows: (caseId: string): { form_families: Array<Record<string, unknown>>; form_anchors: Array<Record<string, unknown>> } => ({
      form_families: db
        .prepare<[string], Record<string, unknown>>('SELECT * FROM form_families WHERE id IN (SELECT f.family_id FROM form_fingerprints f JOIN documents d ON d.id = f.document_id WHERE d.case_id = ?) ORDER BY rowid')
        .all(caseId),
      form_anchors: db
        .prepare<[string], Record<string, unknown>>('SELECT * FROM form_anchors WHERE family_id IN (SELECT f.family_id FROM form_fingerprints f JOIN documents d ON d.id = f.document_id WHERE d.case_id = ?) ORDER BY rowid')
        .all(caseId),
    }),
    /** Families and anchors from an archive: those this folder has already are kept as they are. */
    insertArchived: (families: Array<Record<string, unknown>>, anchors: Array<Record<string, unknown>>) => {
      for (const [table, rows] of [['form_families', families], ['form_anchors', anchors]] as const) {
        for (const r of rows) {
          const cols = Object.keys(r).filter((c) => /^[a-z_]+$/.test(c));
          db.prepare(`INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => r[c]));
        }
      }
    },
  };
}
