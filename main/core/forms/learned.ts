// Learned values (issue 18): what enabled anchors filled on a document, put into its automatic
// result (under the user's corrections) for the review screen and the case model, and listed with
// where each was learned.
import type { EntityKind, LearnedValueDto } from '../../../shared/api/review';
import type { ExtractionResult } from '../../../shared/domain';
import type { Core } from '../context';
import { formQueries, type AnchorRow, type ValueRow } from './queries';

/** The automatic result of a document with the learned values of enabled anchors filled in. */
export function withLearned(core: Core, documentId: string, result: ExtractionResult): ExtractionResult {
  const values = formQueries(core.db).valuesOfDocument(documentId);
  return values.length ? fillValues(result, values) : result;
}

export type Keyed = Record<string, unknown> & { key: string };

export function fillValues(result: ExtractionResult, values: ValueRow[]): ExtractionResult {
  const out = structuredClone(result);
  const report = () => (out.progressReport ??= { reportDate: null, periodLabel: null, periodStart: null, periodEnd: null, iepMeetingDate: null, legend: {}, entries: [] });
  const list = (e: EntityKind): Keyed[] | null => {
    if (e === 'progress_entry') return report().entries as unknown as Keyed[];
    if (e === 'goal') return (out.iep?.goals as unknown as Keyed[]) ?? null;
    if (e === 'service') return (out.iep?.services as unknown as Keyed[]) ?? null;
    if (e === 'test_score') return out.testScores as unknown as Keyed[];
    if (e === 'service_summary') return (out.serviceLog?.summaries as unknown as Keyed[]) ?? null;
    return null;
  };
  for (const v of values) {
    if (v.entity === 'progress_report') (report() as unknown as Record<string, unknown>)[v.field] = v.value;
    else if (v.entity === 'iep') {
      if (out.iep) (out.iep as unknown as Record<string, unknown>)[v.field] = v.value;
    } else if (v.field === '*') list(v.entity)?.push({ ...(v.value as Record<string, unknown>), key: v.entityKey });
    else {
      const e = list(v.entity)?.find((x) => x.key === v.entityKey);
      if (e) e[v.field] = v.value;
    }
  }
  return out;
}

/** The learned values on a document, as the review screen lists them. */
export function learnedOfDocument(core: Core, documentId: string): LearnedValueDto[] {
  const q = formQueries(core.db);
  const anchors = new Map<string, AnchorRow | null>();
  return q.valuesOfDocument(documentId).map((v) => {
    if (!anchors.has(v.anchorId)) anchors.set(v.anchorId, q.anchor(v.anchorId));
    const a = anchors.get(v.anchorId)!;
    return { entity: v.entity, entityKey: v.entityKey, field: v.field, value: v.value, page: v.page, bbox: v.bbox, learnedFrom: { anchorId: v.anchorId, documentFileName: a?.sourceFileName ?? '', page: a?.sourcePage ?? 1 } };
  });
}

/** The keyed entities of one kind in a result (empty for header entities). */
export function entitiesOf(result: ExtractionResult | null, entity: EntityKind): Keyed[] {
  if (!result) return [];
  const list =
    entity === 'progress_entry' ? result.progressReport?.entries
    : entity === 'goal' ? result.iep?.goals
    : entity === 'service' ? result.iep?.services
    : entity === 'test_score' ? result.testScores
    : entity === 'service_summary' ? result.serviceLog?.summaries
    : [];
  return (list ?? []) as unknown as Keyed[];
}
