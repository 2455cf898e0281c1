// The scrollable multi-year view of a case: IEP periods as bands, one row per goal lineage with its
// data, then rows for progress reports, test scores, evaluations, letters and emails, and service
// gaps. Every item carries its source so the UI can open the page it came from.
import type { IepSubtype, Provenance } from '../domain';
import { formatDisplayDate } from '../text/dates';
import { targetDate } from './chart-data';
import type { GoalLineage } from './lineage';
import {
  type CaseModel,
  type CaseServiceSession,
  baseIepOf,
  compareDates,
  dataPointsByGoal,
  goalById,
  iepPeriodEnd,
  iepStart,
  iepsChronological,
  isAmendment,
  reportDate,
} from './model';
import { normalizeTestName } from './chart';

export type TimelineItemKind = 'goal' | 'data_point' | 'progress_report' | 'test_score' | 'evaluation' | 'correspondence' | 'service_log' | 'service_gap' | 'document';

export interface TimelineItem {
  id: string;
  kind: TimelineItemKind;
  date: string;
  /** For items with a duration (a goal's year, a service gap). */
  endDate: string | null;
  label: string;
  value: number | null;
  documentId: string | null;
  source: Provenance | null;
  goalId: string | null;
}

export interface TimelineBand {
  id: string;
  iepId: string;
  kind: IepSubtype | 'unknown';
  start: string;
  end: string | null;
  label: string;
  documentId: string;
  source: Provenance;
}

export type TimelineRowKind = 'lineage' | 'progress_reports' | 'test_scores' | 'evaluations' | 'correspondence' | 'services' | 'other_documents';

export interface TimelineRow {
  id: string;
  kind: TimelineRowKind;
  label: string;
  lineageId: string | null;
  items: TimelineItem[];
}

export interface Timeline {
  start: string | null;
  end: string | null;
  bands: TimelineBand[];
  rows: TimelineRow[];
}

/** Runs of at least this many consecutive sessions missed for the school's reasons are drawn as gaps. */
const MIN_GAP_SESSIONS = 2;

const pageOne = (documentId: string): Provenance => ({ documentId, page: 1, bbox: null });

function item(partial: Partial<TimelineItem> & Pick<TimelineItem, 'id' | 'kind' | 'date' | 'label'>): TimelineItem {
  return { endDate: null, value: null, documentId: null, source: null, goalId: null, ...partial };
}

function bands(model: CaseModel): TimelineBand[] {
  return iepsChronological(model).flatMap((iep) => {
    const start = iepStart(iep);
    if (!start) return [];
    const end = isAmendment(iep) ? iepPeriodEnd(model, baseIepOf(model, iep)) ?? iep.endDate : iepPeriodEnd(model, iep);
    const kind = iep.type ?? 'unknown';
    return [{
      id: `band:${iep.id}`,
      iepId: iep.id,
      kind,
      start,
      end,
      label: `${kind === 'unknown' ? 'IEP' : `${kind[0].toUpperCase()}${kind.slice(1)} IEP`} ${formatDisplayDate(iep.meetingDate ?? start)}`,
      documentId: iep.documentId,
      source: iep.source,
    }];
  });
}

function lineageRows(model: CaseModel, links: GoalLineage[]): TimelineRow[] {
  const goals = goalById(model);
  const ieps = new Map(model.ieps.map((i) => [i.id, i] as const));
  const points = dataPointsByGoal(model);
  return links.map((lineage) => {
    const items: TimelineItem[] = [];
    for (const goalId of lineage.goalIds) {
      const goal = goals.get(goalId);
      if (!goal) continue;
      const iep = ieps.get(goal.iepId);
      const start = iep ? iepStart(iep) : null;
      if (start) {
        const unit = goal.unit ? ` ${goal.unit}` : '';
        items.push(item({
          id: `goal:${goal.id}`, kind: 'goal', date: start, endDate: targetDate(goal, iep),
          label: `${goal.number != null ? `Goal ${goal.number}` : 'Goal'}${goal.targetValue != null ? `: target ${goal.targetValue}${unit}` : ''}${goal.baselineValue != null ? ` (baseline ${goal.baselineValue})` : ''}`,
          value: goal.targetValue, documentId: goal.documentId, source: goal.source, goalId: goal.id,
        }));
      }
      for (const [k, p] of (points.get(goal.id) ?? []).entries()) {
        items.push(item({
          id: `point:${goal.id}:${k}`, kind: 'data_point', date: p.date, label: `${p.value}${p.unit ? ` ${p.unit}` : ''}`,
          value: p.value, documentId: p.reportDocumentId, source: p.source, goalId: goal.id,
        }));
      }
    }
    return { id: `row:${lineage.id}`, kind: 'lineage' as const, label: lineage.label, lineageId: lineage.id, items: sortItems(items) };
  });
}

function sortItems(items: TimelineItem[]): TimelineItem[] {
  return items.sort((a, b) => compareDates(a.date, b.date) || a.id.localeCompare(b.id));
}

function reportRow(model: CaseModel): TimelineRow {
  const items = model.progressReports.flatMap((r) => {
    const date = reportDate(r);
    if (!date) return [];
    const withData = r.entries.filter((e) => e.dataPoints.length).length;
    return [item({
      id: `report:${r.documentId}`, kind: 'progress_report', date, endDate: null,
      label: `Progress report${r.periodLabel ? ` (${r.periodLabel})` : ''}: data for ${withData} of ${r.entries.length} goals`,
      documentId: r.documentId, source: r.entries[0]?.source ?? pageOne(r.documentId),
    })];
  });
  return { id: 'row:progress_reports', kind: 'progress_reports', label: 'Progress reports', lineageId: null, items: sortItems(items) };
}

function testRow(model: CaseModel): TimelineRow {
  const groups = new Map<string, typeof model.testScores>();
  for (const s of model.testScores) {
    if (!s.date) continue;
    const key = `${s.documentId}|${s.date}|${normalizeTestName(s.test)}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const items = [...groups.entries()].map(([key, scores]) => item({
    id: `test:${key}`, kind: 'test_score', date: scores[0].date!,
    label: `${normalizeTestName(scores[0].test)}: ${scores.map((s) => `${s.subtest} ${s.percentile != null ? `${s.percentile}th %ile` : s.score ?? s.level ?? ''}`.trim()).join(', ')}`,
    documentId: scores[0].documentId, source: scores[0].source,
  }));
  return { id: 'row:test_scores', kind: 'test_scores', label: 'Test scores', lineageId: null, items: sortItems(items) };
}

function documentRow(model: CaseModel, type: 'evaluation' | 'correspondence' | 'other', kind: TimelineRowKind, label: string): TimelineRow {
  const items = model.documents.filter((d) => d.type === type && d.date).map((d) => item({
    id: `doc:${d.id}`, kind: type === 'other' ? 'document' : type, date: d.date!, label: d.fileName, documentId: d.id, source: pageOne(d.id),
  }));
  return { id: `row:${kind}`, kind, label, lineageId: null, items: sortItems(items) };
}

/** Consecutive sessions of one service not delivered for the school's reasons, at least MIN_GAP_SESSIONS long. */
export function serviceGaps(sessions: CaseServiceSession[]): Array<{ service: string; sessions: CaseServiceSession[] }> {
  const byService = new Map<string, CaseServiceSession[]>();
  for (const s of sessions) byService.set(s.service, [...(byService.get(s.service) ?? []), s]);
  const gaps: Array<{ service: string; sessions: CaseServiceSession[] }> = [];
  for (const [service, list] of byService) {
    let run: CaseServiceSession[] = [];
    const close = () => {
      if (run.length >= MIN_GAP_SESSIONS) gaps.push({ service, sessions: run });
      run = [];
    };
    for (const s of [...list].sort((a, b) => compareDates(a.date, b.date))) {
      if (s.responsibility === 'district' && s.deliveredMinutes === 0) run.push(s);
      else close();
    }
    close();
  }
  return gaps;
}

function servicesRow(model: CaseModel): TimelineRow {
  const logs = model.serviceDelivery.filter((s) => s.periodStart).map((s) => item({
    id: `log:${s.documentId}:${s.key}`, kind: 'service_log', date: s.periodStart!, endDate: s.periodEnd,
    label: `${s.service}: ${s.minutesDelivered} of ${s.minutesRequired} minutes delivered`, value: s.minutesMissed, documentId: s.documentId, source: s.source,
  }));
  const gaps = serviceGaps(model.serviceSessions ?? []).map((gap) => {
    const first = gap.sessions[0];
    const last = gap.sessions[gap.sessions.length - 1];
    const minutes = gap.sessions.reduce((sum, s) => sum + s.scheduledMinutes - s.deliveredMinutes, 0);
    const reasons = [...new Set(gap.sessions.map((s) => s.status).filter(Boolean))].join('; ');
    return item({
      id: `gap:${first.documentId}:${gap.service}:${first.date}`, kind: 'service_gap', date: first.date, endDate: last.date,
      label: `${gap.service} not provided: ${gap.sessions.length} sessions, ${minutes} minutes${reasons ? ` (${reasons})` : ''}`,
      value: minutes, documentId: first.documentId, source: first.source,
    });
  });
  return { id: 'row:services', kind: 'services', label: 'Services', lineageId: null, items: sortItems([...logs, ...gaps]) };
}

/** The whole timeline: bands, a row per lineage, then the other rows (empty rows are left out). */
export function buildTimeline(model: CaseModel, links: GoalLineage[]): Timeline {
  const rows = [
    ...lineageRows(model, links),
    reportRow(model),
    testRow(model),
    documentRow(model, 'evaluation', 'evaluations', 'Evaluations'),
    documentRow(model, 'correspondence', 'correspondence', 'Letters and emails'),
    servicesRow(model),
    documentRow(model, 'other', 'other_documents', 'Other documents'),
  ].filter((r) => r.items.length);
  const bandList = bands(model);
  const dates = [
    ...bandList.flatMap((b) => [b.start, b.end]),
    ...rows.flatMap((r) => r.items.flatMap((i) => [i.date, i.endDate])),
  ].filter((d): d is string => !!d).sort();
  return { start: dates[0] ?? null, end: dates[dates.length - 1] ?? null, bands: bandList, rows };
}
