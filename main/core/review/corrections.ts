// The user's corrections, kept apart from automatic extraction and applied on top of it. A field
// can be confirmed (value kept, marked as checked), edited (value replaced), an entity deleted, or
// one the extractor missed added. Re-running extraction never touches these rows.
import type { ExtractionResult } from '../../../shared/domain';
import type { CorrectionDto, EntityKind } from '../../../shared/api/review';
import type { Core } from '../context';

interface Row {
  id: string;
  document_id: string;
  entity: string;
  entity_key: string;
  field: string;
  value_json: string | null;
  status: string;
  updated_at: string;
}

const toDto = (r: Row): CorrectionDto => ({
  id: r.id,
  documentId: r.document_id,
  entity: r.entity as EntityKind,
  entityKey: r.entity_key,
  field: r.field,
  value: r.value_json === null ? null : JSON.parse(r.value_json),
  status: r.status as CorrectionDto['status'],
  updatedAt: r.updated_at,
});

export function loadCorrections(core: Core, caseId: string): Map<string, CorrectionDto[]> {
  const rows = core.db
    .prepare<[string], Row>('SELECT c.* FROM corrections c JOIN documents d ON d.id = c.document_id WHERE d.case_id = ? ORDER BY c.created_at')
    .all(caseId);
  const out = new Map<string, CorrectionDto[]>();
  for (const r of rows) {
    const list = out.get(r.document_id) ?? [];
    list.push(toDto(r));
    out.set(r.document_id, list);
  }
  return out;
}

export function documentCorrections(core: Core, documentId: string): CorrectionDto[] {
  return core.db.prepare<[string], Row>('SELECT * FROM corrections WHERE document_id = ? ORDER BY created_at').all(documentId).map(toDto);
}

export function saveCorrection(core: Core, c: Omit<CorrectionDto, 'id' | 'updatedAt'>): CorrectionDto {
  const now = core.nowIso();
  core.db
    .prepare(
      `INSERT INTO corrections (id, document_id, entity, entity_key, field, value_json, status, created_at, updated_at)
       VALUES (@id, @documentId, @entity, @entityKey, @field, @value, @status, @now, @now)
       ON CONFLICT(document_id, entity, entity_key, field) DO UPDATE SET value_json = excluded.value_json, status = excluded.status, updated_at = excluded.updated_at`,
    )
    .run({ id: core.newId(), documentId: c.documentId, entity: c.entity, entityKey: c.entityKey, field: c.field, value: c.value === undefined ? null : JSON.stringify(c.value), status: c.status, now });
  const row = core.db
    .prepare<[string, string, string, string], Row>('SELECT * FROM corrections WHERE document_id = ? AND entity = ? AND entity_key = ? AND field = ?')
    .get(c.documentId, c.entity, c.entityKey, c.field)!;
  return toDto(row);
}

export function removeCorrection(core: Core, id: string): void {
  core.db.prepare('DELETE FROM corrections WHERE id = ?').run(id);
}

type Keyed = { key: string } & Record<string, unknown>;

/** The lists of keyed entities inside a result, by entity kind. */
function lists(result: ExtractionResult): Partial<Record<EntityKind, Keyed[]>> {
  return {
    goal: result.iep?.goals as unknown as Keyed[] | undefined,
    service: result.iep?.services as unknown as Keyed[] | undefined,
    progress_entry: result.progressReport?.entries as unknown as Keyed[] | undefined,
    test_score: result.testScores as unknown as Keyed[],
    service_summary: result.serviceLog?.summaries as unknown as Keyed[] | undefined,
  };
}

/** Applies corrections to a copy of an extraction result. */
export function applyCorrections(result: ExtractionResult, corrections: CorrectionDto[]): ExtractionResult {
  if (!corrections.length) return result;
  const out = structuredClone(result);
  const byKind = lists(out);
  for (const c of corrections) {
    if (c.entity === 'iep' && out.iep) {
      if (c.status === 'edited') (out.iep as unknown as Record<string, unknown>)[c.field] = c.value;
      continue;
    }
    if (c.entity === 'progress_report' && out.progressReport) {
      if (c.status === 'edited') (out.progressReport as unknown as Record<string, unknown>)[c.field] = c.value;
      continue;
    }
    const list = byKind[c.entity];
    if (!list) continue;
    const idx = list.findIndex((e) => e.key === c.entityKey);
    if (c.status === 'deleted') {
      if (idx >= 0) list.splice(idx, 1);
    } else if (c.status === 'added') {
      if (idx < 0 && c.value && typeof c.value === 'object') list.push({ ...(c.value as Keyed), key: c.entityKey });
    } else if (c.status === 'edited' && idx >= 0) {
      list[idx][c.field] = c.value;
    }
  }
  return out;
}
