// `iep-casefile/export@1` (../shared/eval/EXPORT.md): the whole case as one JSON document.
// Keep this stable and versioned: users move cases with it and the evaluation reads it.
import type { ExtractedGoal } from '../../shared/domain';
import type { FlagDto } from '../../shared/api/timeline';
import type { Core } from './context';
import { getCase } from './cases';
import { caseLineages, flagsOf, judgedModel } from './timeline/service';
import { documentQueries } from './db/queries/documents';
import { recordHistory } from './history/history';

export const EXPORT_FORMAT = 'iep-casefile/export@1';

const source = (p: { documentId: string; page: number; bbox: [number, number, number, number] | null }) => ({ documentId: p.documentId, page: p.page, bbox: p.bbox });

/** One goal as the format writes it. */
function goalOut(g: ExtractedGoal, id: string) {
  return {
    id,
    number: g.number,
    area: g.area,
    text: g.text,
    baselineText: g.baselineText,
    baselineValue: g.baselineValue,
    targetValue: g.targetValue,
    unit: g.unit,
    direction: g.direction,
    targetDate: g.targetDate,
    measuredBy: g.measuredBy,
    objectives: g.objectives,
    measurable: g.measurable,
    components: g.components,
    source: source(g.source),
  };
}

export function exportCase(core: Core, caseId: string) {
  const c = getCase(core, caseId);
  const model = judgedModel(core, caseId);
  const q = documentQueries(core.db);
  const links = caseLineages(core, caseId, model);
  const flags = flagsOf(core, caseId, true, model, links);
  recordHistory(core, caseId, { kind: 'exported', description: 'Exported the case as JSON' });
  // Case info's History follows the line at once.
  core.emit('case.changed', { caseId, what: 'history' });
  return {
    format: EXPORT_FORMAT,
    exportedAt: core.nowIso(),
    student: {
      name: c.childName ?? c.name, dob: c.dob, district: c.district, school: c.school, primaryDisability: c.primaryDisability, grade: c.grade, state: c.state,
      // Extra keys (allowed by the format): the rest of the profile Case info holds.
      secondaryDisability: c.secondaryDisability,
      parents: c.parents,
      caseManager: c.contacts.find((p) => p.role === 'case_manager') ?? null,
    },
    documents: q.listByCase(caseId, false).map((d) => ({
      id: d.id,
      fileName: d.file_name,
      sha256: d.sha256,
      pages: d.page_count,
      type: d.type,
      subtype: d.subtype,
      date: d.date,
      textSource: d.text_source,
      archivePath: d.archive_path,
      parentDocumentId: d.parent_document_id,
      pageTexts: q.pages(d.id).map((p) => p.text),
    })),
    ieps: model.ieps.map((i) => ({
      id: i.id,
      documentId: i.documentId,
      type: i.type,
      meetingDate: i.meetingDate,
      startDate: i.startDate,
      endDate: i.endDate,
      amendsIepId: i.amendsMeetingDate ? (model.ieps.find((o) => o.id !== i.id && o.meetingDate === i.amendsMeetingDate)?.id ?? null) : null,
      nextAnnualReview: i.nextAnnualReview,
      nextReevaluation: i.nextReevaluation,
      reportingSchedule: i.reportingSchedule,
      goals: i.goals.map((g) => goalOut(g, g.id)),
      // The previous IEP's goals printed inside this one, kept apart from its own (an extra key).
      priorGoals: (i.priorGoals ?? []).map((g) => goalOut(g, `${i.id}:${g.key}`)),
      services: i.services.map((s) => ({
        service: s.service,
        serviceCode: s.serviceCode,
        minutesPerSession: s.minutesPerSession,
        sessionsPerWeek: s.period === 'week' ? s.sessionsPerPeriod : null,
        sessionsPerPeriod: s.sessionsPerPeriod,
        period: s.period,
        minutesPerWeek: s.minutesPerWeek,
        minutesPerMonth: s.minutesPerMonth,
        frequencyText: s.frequencyText,
        location: s.location,
        provider: s.provider,
        startDate: s.startDate,
        endDate: s.endDate,
        source: source(s.source),
      })),
      accommodations: i.accommodations,
    })),
    goalLinks: links.filter((l) => l.goalIds.length > 1).map((l) => ({ id: l.id, goalIds: l.goalIds, met: l.met, label: l.label })),
    progressReports: model.progressReports.map((r) => ({
      documentId: r.documentId,
      reportDate: r.reportDate,
      period: r.periodLabel,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      iepId: r.iepId,
      legend: r.legend,
      entries: r.entries.map((e) => ({
        goalId: e.goalId,
        goalNumber: e.goalNumber,
        code: e.code,
        codeText: e.codeText,
        hasData: e.hasData,
        comment: e.comment,
        dataPoints: e.dataPoints.map((d) => ({ date: d.date, value: d.value, unit: d.unit, source: source(d.source) })),
      })),
    })),
    testScores: model.testScores.map((s) => ({
      documentId: s.documentId,
      test: s.test,
      subtest: s.subtest,
      // The canonical name beside the printed one (vocab/scores.ts), null when the vocabulary has none.
      alias: s.alias ?? null,
      date: s.date,
      scoreType: s.scoreType,
      score: s.score,
      percentile: s.percentile,
      level: s.level,
      ciLow: s.ciLow,
      ciHigh: s.ciHigh,
      source: source(s.source),
    })),
    serviceDelivery: model.serviceDelivery.map((s) => ({
      documentId: s.documentId,
      service: s.service,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      minutesRequired: s.minutesRequired,
      minutesDelivered: s.minutesDelivered,
      minutesMissed: s.minutesMissed,
      minutesMissedDistrictResponsible: s.minutesMissedDistrictResponsible,
      minutesMissedStudentAbsence: s.minutesMissedStudentAbsence,
      source: source(s.source),
    })),
    redFlags: flags.filter((f) => !COMPARISON_FLAG_TYPES.has(f.type)).map(flagOut),
    comparisonFlags: flags.filter((f) => COMPARISON_FLAG_TYPES.has(f.type)).map(flagOut),
  };
}

/**
 * Flags that weigh the child against figures from outside the records: published norms whose cells
 * are partly unverified (gap_widening, goal_not_ambitious: shared/norms) and the standing of one
 * score type against another (score_gap_widening, beside declining_percentiles on the same series).
 * export@1's redFlags holds the records' own findings, the types its format names; these go beside
 * it, in comparisonFlags, with the same fields. In the app they are flags like any other.
 */
const COMPARISON_FLAG_TYPES: ReadonlySet<FlagDto['type']> = new Set(['gap_widening', 'goal_not_ambitious', 'score_gap_widening']);

function flagOut(f: FlagDto) {
  return {
    key: f.key,
    type: f.type,
    goalIds: f.goalIds,
    documentIds: f.documentIds,
    description: f.description,
    evidence: f.evidence.map(source),
    dismissed: f.dismissed,
  };
}
