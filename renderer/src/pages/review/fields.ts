// Flattens an extraction result into the rows of the review screen: one row per value, each with
// the entity/key/field a correction addresses, its source on the page, and its review status.
import { LOW_CONFIDENCE, type CorrectionDto, type EntityKind, type LearnedValueDto, type ReviewDto } from '../../../../shared/api/review';
import type { DataPoint, ExtractionResult, Provenance } from '../../../../shared/domain';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { SUBTYPE_LABELS } from '../documents/labels';

export type ValueKind = 'text' | 'number' | 'date' | 'direction' | 'datapoint';
export type ReviewStatus = 'automatic' | 'confirmed' | 'edited' | 'added';

export interface ReviewField {
  id: string;
  group: string;
  entity: EntityKind;
  entityKey: string;
  /** The field a correction names (for a data point: 'dataPoints'). */
  field: string;
  label: string;
  value: unknown;
  kind: ValueKind;
  source: Provenance | null;
  confidence: number | null;
  /** What the confidence rests on ("OCR 62% in box", "code in legend"), for the row's tooltip. */
  reasons: string[];
  status: ReviewStatus;
  /** Whole entities (a goal, a service...) can be deleted; header fields are cleared instead. */
  deletable: boolean;
  /** For a data point: its index in the entry's dataPoints. */
  pointIndex?: number;
  /** For a data point: the entry's whole list, which a correction replaces. */
  points?: DataPoint[];
  /** Filled from an anchor learned on another document of the form (issue 18): where it was learned. */
  learnedFrom?: LearnedValueDto['learnedFrom'];
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DIRECTION_LABELS: Record<string, string> = { increase: 'Increase', decrease: 'Decrease', maintain: 'Maintain' };

/** The value as the screen shows it: dates as "Oct 10, 2023", data words (an IEP's type, a goal's direction) by their label; the stored value stays as it is. */
export function displayValue(f: Pick<ReviewField, 'value' | 'kind'> & Partial<Pick<ReviewField, 'entity' | 'field'>>): string {
  const v = f.value;
  if (v === null || v === undefined || v === '') return '—';
  if (f.kind === 'date' && typeof v === 'string' && ISO_DATE.test(v)) return formatDisplayDate(v);
  if (f.kind === 'direction' && typeof v === 'string') return DIRECTION_LABELS[v] ?? v;
  if (f.entity === 'iep' && f.field === 'type' && typeof v === 'string') return (SUBTYPE_LABELS as Record<string, string>)[v] ?? v;
  if (f.kind === 'datapoint') {
    const p = v as DataPoint;
    return `${p.date ? formatDisplayDate(p.date) + ': ' : ''}${p.value}${p.unit ? ' ' + p.unit : ''}`;
  }
  return String(v);
}

type Spec = [field: string, label: string, kind: ValueKind];

const IEP_FIELDS: Spec[] = [
  ['type', 'IEP type', 'text'],
  ['meetingDate', 'Meeting date', 'date'],
  ['startDate', 'IEP start', 'date'],
  ['endDate', 'IEP end', 'date'],
  ['nextAnnualReview', 'Next annual review', 'date'],
  ['nextReevaluation', 'Next reevaluation', 'date'],
  ['reportingSchedule', 'Progress reporting', 'text'],
];
const GOAL_FIELDS: Spec[] = [
  ['number', 'Number', 'number'],
  ['area', 'Area', 'text'],
  ['text', 'Goal', 'text'],
  ['baselineText', 'Baseline', 'text'],
  ['baselineValue', 'Baseline value', 'number'],
  ['targetValue', 'Target', 'number'],
  ['unit', 'Unit', 'text'],
  ['direction', 'Direction', 'direction'],
  ['targetDate', 'Target date', 'date'],
];
const SERVICE_FIELDS: Spec[] = [
  ['service', 'Service', 'text'],
  ['minutesPerSession', 'Minutes per session', 'number'],
  ['sessionsPerPeriod', 'Sessions per period', 'number'],
  ['period', 'Period', 'text'],
  ['minutesPerWeek', 'Minutes per week', 'number'],
  ['minutesPerMonth', 'Minutes per month', 'number'],
  ['location', 'Location', 'text'],
  ['provider', 'Provider', 'text'],
];
const REPORT_FIELDS: Spec[] = [
  ['reportDate', 'Report date', 'date'],
  ['periodLabel', 'Reporting period', 'text'],
];
const ENTRY_FIELDS: Spec[] = [
  ['goalNumber', 'Goal number', 'number'],
  ['goalLabel', 'Goal', 'text'],
  ['code', 'Progress code', 'text'],
  ['codeText', 'Code means', 'text'],
  ['comment', 'Comment', 'text'],
];
const SCORE_FIELDS: Spec[] = [
  ['test', 'Test', 'text'],
  ['subtest', 'Subtest', 'text'],
  ['date', 'Date', 'date'],
  ['scoreType', 'Score type', 'text'],
  ['score', 'Score', 'number'],
  ['percentile', 'Percentile', 'number'],
  ['level', 'Level', 'text'],
];
const SUMMARY_FIELDS: Spec[] = [
  ['service', 'Service', 'text'],
  ['minutesRequired', 'Minutes required', 'number'],
  ['minutesDelivered', 'Minutes delivered', 'number'],
  ['minutesMissed', 'Minutes missed', 'number'],
  ['minutesMissedDistrictResponsible', 'Missed, district responsible', 'number'],
  ['minutesMissedStudentAbsence', 'Missed, student absent', 'number'],
];

const SPECS: Record<EntityKind, [group: string, specs: Spec[]]> = {
  iep: ['IEP', IEP_FIELDS],
  goal: ['Goal', GOAL_FIELDS],
  service: ['Service', SERVICE_FIELDS],
  progress_report: ['Progress report', REPORT_FIELDS],
  progress_entry: ['Progress entry', [...ENTRY_FIELDS, ['dataPoints', 'Data points', 'datapoint']]],
  test_score: ['Score', SCORE_FIELDS],
  service_summary: ['Minutes', SUMMARY_FIELDS],
};

/** A field named as the review screen names it ("Progress report · Report date"); '*' is the whole entity. */
export function fieldLabel(entity: EntityKind, field: string): string {
  const [group, specs] = SPECS[entity];
  if (field === '*') return `${group} (whole entry)`;
  return `${group} · ${specs.find(([f]) => f === field)?.[1] ?? field}`;
}

function statusOf(corrections: CorrectionDto[], entity: EntityKind, entityKey: string, field: string): ReviewStatus {
  const own = corrections.find((c) => c.entity === entity && c.entityKey === entityKey && c.field === field);
  if (own && (own.status === 'confirmed' || own.status === 'edited')) return own.status;
  if (corrections.some((c) => c.entity === entity && c.entityKey === entityKey && c.field === '*' && c.status === 'added')) return 'added';
  return 'automatic';
}

export function reviewFields(review: ReviewDto): ReviewField[] {
  const r: ExtractionResult | null = review.corrected;
  if (!r) return [];
  const out: ReviewField[] = [];
  const cs = review.corrections;
  const push = (group: string, entity: EntityKind, entityKey: string, obj: Record<string, unknown>, specs: Spec[], source: Provenance | null, confidence: number | null, deletable: boolean) => {
    for (const [field, label, kind] of specs) {
      out.push({ id: `${entity}:${entityKey}:${field}`, group, entity, entityKey, field, label, value: obj[field] ?? null, kind, source, confidence, reasons: (obj.reasons as string[] | undefined) ?? [], status: statusOf(cs, entity, entityKey, field), deletable });
    }
  };
  if (r.iep) {
    push('IEP', 'iep', 'iep', r.iep as unknown as Record<string, unknown>, IEP_FIELDS, r.iep.source, null, false);
    for (const g of r.iep.goals) push(`Goal ${g.number ?? ''}${g.area ? ' · ' + g.area : ''}`.trim(), 'goal', g.key, g as unknown as Record<string, unknown>, GOAL_FIELDS, g.source, g.confidence, true);
    for (const s of r.iep.services) push(`Service · ${s.service}`, 'service', s.key, s as unknown as Record<string, unknown>, SERVICE_FIELDS, s.source, s.confidence, true);
  }
  if (r.progressReport) {
    const pr = r.progressReport;
    const src = pr.entries[0]?.source ?? null;
    push('Progress report', 'progress_report', 'report', pr as unknown as Record<string, unknown>, REPORT_FIELDS, src && { ...src, bbox: null }, null, false);
    for (const e of pr.entries) {
      const group = `Progress · goal ${e.goalNumber ?? ''}${e.goalLabel ? ' · ' + e.goalLabel : ''}`.trim();
      push(group, 'progress_entry', e.key, e as unknown as Record<string, unknown>, ENTRY_FIELDS, e.source, e.confidence, true);
      const status = statusOf(cs, 'progress_entry', e.key, 'dataPoints');
      e.dataPoints.forEach((p, i) =>
        out.push({ id: `progress_entry:${e.key}:dataPoints:${i}`, group, entity: 'progress_entry', entityKey: e.key, field: 'dataPoints', label: `Data point ${i + 1}`, value: p, kind: 'datapoint', source: p.source, confidence: e.confidence, reasons: e.reasons ?? [], status, deletable: true, pointIndex: i, points: e.dataPoints }),
      );
      if (!e.hasData && e.dataPoints.length === 0) out.push({ id: `progress_entry:${e.key}:nodata`, group, entity: 'progress_entry', entityKey: e.key, field: 'hasData', label: 'Data', value: 'no number reported', kind: 'text', source: e.source, confidence: e.confidence, reasons: e.reasons ?? [], status: statusOf(cs, 'progress_entry', e.key, 'hasData'), deletable: false });
    }
  }
  for (const t of r.testScores) push(`Score · ${t.test}${t.subtest ? ' · ' + t.subtest : ''}`, 'test_score', t.key, t as unknown as Record<string, unknown>, SCORE_FIELDS, t.source, t.confidence, true);
  for (const s of r.serviceLog?.summaries ?? []) push(`Minutes · ${s.service}`, 'service_summary', s.key, s as unknown as Record<string, unknown>, SUMMARY_FIELDS, s.source, null, true);
  return markLearned(leastSureFirst(out), review);
}

/**
 * The entities holding a value read with low confidence come first, the least sure on top; the
 * others keep their order on the page, and each entity's fields stay together in their order.
 */
function leastSureFirst(fields: ReviewField[]): ReviewField[] {
  const groups = new Map<string, ReviewField[]>();
  for (const f of fields) groups.set(`${f.entity}:${f.entityKey}`, [...(groups.get(`${f.entity}:${f.entityKey}`) ?? []), f]);
  const lowest = (g: ReviewField[]) => Math.min(...g.map((f) => (f.status === 'automatic' && f.confidence !== null ? f.confidence : 1)));
  const all = [...groups.values()];
  const low = all.filter((g) => lowest(g) < LOW_CONFIDENCE).sort((a, b) => lowest(a) - lowest(b));
  return [...low, ...all.filter((g) => !low.includes(g))].flat();
}

/**
 * Marks the values a learned anchor filled (the field itself, or every field of an entity it added)
 * with where the anchor was learned, and gives each the page and box the anchor read it at.
 */
function markLearned(fields: ReviewField[], review: ReviewDto): ReviewField[] {
  const learned = review.learned ?? [];
  if (!learned.length) return fields;
  return fields.map((f) => {
    const l = learned.find((x) => x.entity === f.entity && x.entityKey === f.entityKey && (x.field === f.field || x.field === '*'));
    if (!l) return f;
    const source = l.field === '*' && f.source ? f.source : { documentId: review.documentId, page: l.page, bbox: l.bbox };
    return { ...f, learnedFrom: l.learnedFrom, source };
  });
}

/** The mark a learned value carries: "Learned from your correction on FILE, p. N". */
export function learnedText(from: NonNullable<ReviewField['learnedFrom']>): string {
  return `Learned from your correction on ${from.documentFileName}, p. ${from.page}`;
}

/** Parses what the user typed for a field of this kind; throws a message when it cannot. */
export function parseInput(kind: ValueKind, text: string): unknown {
  const t = text.trim();
  if (kind === 'number') {
    if (!t) return null;
    const n = Number(t.replace(/,/g, ''));
    if (!Number.isFinite(n)) throw new Error(`“${t}” is not a number.`);
    return n;
  }
  if (kind === 'date') {
    if (!t) return null;
    if (!ISO_DATE.test(t)) throw new Error('Use a date like 2023-10-10.');
    return t;
  }
  if (kind === 'direction') {
    if (!t) return null;
    if (!['increase', 'decrease', 'maintain'].includes(t)) throw new Error('Direction is increase, decrease or maintain.');
    return t;
  }
  return t || null;
}

/** A new unique key for an entity the user adds. */
export function newEntityKey(prefix: string): string {
  return `user-${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
