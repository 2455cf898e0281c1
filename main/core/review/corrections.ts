// The user's corrections, kept apart from automatic extraction and applied on top of it. A field
// can be confirmed (value kept, marked as checked), edited (value replaced), an entity deleted, or
// one the extractor missed added. Re-running extraction never touches these rows.
import type { ExtractedGoal, ExtractionResult, Provenance } from '../../../shared/domain';
import { parseGoalSentence } from '../../../shared/goals/parse';
import type { CorrectionDto, EntityKind } from '../../../shared/api/review';
import type { Core } from '../context';
import { correctionsOfCase, correctionsOfDocument, deleteCorrection, upsertCorrection } from './queries';

export function loadCorrections(core: Core, caseId: string): Map<string, CorrectionDto[]> {
  const out = new Map<string, CorrectionDto[]>();
  for (const c of correctionsOfCase(core.db, caseId)) {
    const list = out.get(c.documentId) ?? [];
    list.push(c);
    out.set(c.documentId, list);
  }
  return out;
}

export function documentCorrections(core: Core, documentId: string): CorrectionDto[] {
  return correctionsOfDocument(core.db, documentId);
}

export function saveCorrection(core: Core, c: Omit<CorrectionDto, 'id' | 'updatedAt'>): CorrectionDto {
  return upsertCorrection(core.db, c, core.newId(), core.nowIso());
}

export function removeCorrection(core: Core, id: string): void {
  deleteCorrection(core.db, id);
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

/**
 * Where a value the user added comes from when they did not point at it on a page: the document they
 * added it to, from its first page, with no box. Everything that cites a value (export, letters, the
 * packet) reads its source, so an added value always has one.
 */
function addedSource(c: CorrectionDto): Provenance {
  const s = (c.value as { source?: Partial<Provenance> } | null)?.source;
  const page = typeof s?.page === 'number' && Number.isInteger(s.page) && s.page >= 1 ? s.page : 1;
  const bbox = Array.isArray(s?.bbox) && s.bbox.length === 4 && s.bbox.every((n) => typeof n === 'number') ? (s.bbox as Provenance['bbox']) : null;
  return { documentId: c.documentId, page, bbox };
}

/**
 * A goal the user added by its text: every field the timeline, flags and letters read, parsed from the
 * text as an extracted goal's are (the fields the user gave win), so an added goal is never half a goal.
 */
function goalReadFrom(text: string): Omit<ExtractedGoal, 'key' | 'source' | 'text'> {
  const p = parseGoalSentence(text);
  return { number: null, area: p.area, baselineText: null, baselineValue: p.baselineValue, targetValue: p.targetValue, unit: p.unit, direction: p.direction, targetDate: p.targetDate, measuredBy: p.measuredBy, objectives: [], components: p.components, measurable: p.measurable, gradeLevel: p.gradeLevel, confidence: 1 };
}

/** Applies corrections to a copy of an extraction result. */
export function applyCorrections(result: ExtractionResult, corrections: CorrectionDto[]): ExtractionResult {
  if (!corrections.length) return result;
  const out = structuredClone(result);
  const byKind = lists(out);
  for (const c of corrections) {
    // An edit replaces the value. A value confirmed where nothing is now keeps what the user saw,
    // when what filled it (a learned form anchor, issue 18) was undone afterwards.
    const sets = (target: Record<string, unknown>) =>
      c.status === 'edited' || (c.status === 'confirmed' && c.field !== '*' && c.value !== null && c.value !== undefined && (target[c.field] === null || target[c.field] === undefined));
    if (c.entity === 'iep' && out.iep) {
      const target = out.iep as unknown as Record<string, unknown>;
      if (sets(target)) target[c.field] = c.value;
      continue;
    }
    if (c.entity === 'progress_report' && out.progressReport) {
      const target = out.progressReport as unknown as Record<string, unknown>;
      if (sets(target)) target[c.field] = c.value;
      continue;
    }
    const list = byKind[c.entity];
    if (!list) continue;
    const idx = list.findIndex((e) => e.key === c.entityKey);
    if (c.status === 'deleted') {
      if (idx >= 0) list.splice(idx, 1);
    } else if (c.status === 'added') {
      if (idx < 0 && c.value && typeof c.value === 'object') {
        const value = c.entity === 'goal' ? { ...goalReadFrom(String((c.value as { text?: unknown }).text ?? '')), ...(c.value as Keyed) } : (c.value as Keyed);
        list.push({ ...value, source: addedSource(c), key: c.entityKey });
      }
    } else if (idx >= 0 && sets(list[idx])) {
      list[idx][c.field] = c.value;
    }
  }
  return out;
}
