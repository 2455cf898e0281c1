// Timeline, goal lineages, charts, red flags and the overview, all computed from the case model.
import type { FlagDto, LineageDto, OverviewDto } from '../../../shared/api/timeline';
import { checkGoal } from '../../../shared/goals/check';
import { lineageChartData } from '../../../shared/timeline/chart-data';
import { goalChartOption, percentileChartOption } from '../../../shared/timeline/chart';
import { computeRedFlags } from '../../../shared/timeline/flags';
import { pwnMissingElementFlags } from '../../../shared/timeline/flags-notices';
import { applyLinkOverrides, lineageHistory, linkGoals, type GoalLineage } from '../../../shared/timeline/lineage';
import type { CaseModel } from '../../../shared/timeline/model';
import { buildTimeline } from '../../../shared/timeline/timeline';
import type { Core } from '../context';
import { noticeChecksOfCase } from '../deadlines/notices';
import { buildCaseModel } from './case-model';
import { loadDismissals, loadLinkOverrides } from './store';
import { reviewQueue } from '../review/service';
import { caseDeadlines } from '../deadlines/service';
import { nextReviewDates, reevaluationNote } from '../../../shared/review-dates';

/** The case's latest document date: red flags are judged as of the records, not of today. */
export function recordsThrough(model: CaseModel): string | null {
  const dates = model.documents.map((d) => d.date).filter((d): d is string => !!d).sort();
  return dates[dates.length - 1] ?? null;
}

export function judgedModel(core: Core, caseId: string): CaseModel {
  const model = buildCaseModel(core, caseId);
  const through = recordsThrough(model);
  return through && through < model.today ? { ...model, today: through } : model;
}

/** The case's goal lineages: linked automatically, then the user's link decisions applied. */
export function caseLineages(core: Core, caseId: string, model: CaseModel): GoalLineage[] {
  return applyLinkOverrides(linkGoals(model), loadLinkOverrides(core, caseId), model);
}

export function lineagesOf(core: Core, caseId: string, model = judgedModel(core, caseId), links = caseLineages(core, caseId, model)): LineageDto[] {
  return links.map((l) => {
    const chart = lineageChartData(model, l);
    const latest = model.ieps.flatMap((i) => i.goals).find((g) => g.id === l.goalIds[l.goalIds.length - 1]);
    const seg = chart.segments[chart.segments.length - 1];
    return {
      ...l,
      history: lineageHistory(model, l),
      chart,
      chartOption: goalChartOption(chart),
      quality: checkGoal(latest?.text ?? '', {
        baselineValue: latest?.baselineValue ?? null,
        baselineDate: seg?.baseline?.date ?? null,
        observedRatePerWeek: seg?.stats.ratePerWeek ?? null,
      }),
    };
  });
}

export function flagsOf(core: Core, caseId: string, includeDismissed = true, model = judgedModel(core, caseId), links = caseLineages(core, caseId, model)): FlagDto[] {
  const dismissed = loadDismissals(core, caseId);
  return [...computeRedFlags(model, links), ...pwnMissingElementFlags(noticeChecksOfCase(core, caseId))]
    .map((f) => ({ ...f, dismissed: dismissed.get(f.key) ?? null }))
    .filter((f) => includeDismissed || !f.dismissed);
}

export function timelineOf(core: Core, caseId: string) {
  const model = judgedModel(core, caseId);
  return { timeline: buildTimeline(model, caseLineages(core, caseId, model)), recordsThrough: recordsThrough(model) };
}

export function scoresOf(core: Core, caseId: string) {
  const model = judgedModel(core, caseId);
  return { scores: model.testScores, chartOption: percentileChartOption(model.testScores) };
}

export function overviewOf(core: Core, caseId: string): OverviewDto {
  const model = judgedModel(core, caseId);
  const ieps = [...model.ieps].sort((a, b) => (a.meetingDate ?? '').localeCompare(b.meetingDate ?? ''));
  const full = ieps.filter((i) => i.type !== 'amendment' && i.type !== 'revision');
  const current = full[full.length - 1] ?? ieps[ieps.length - 1] ?? null;
  const links = caseLineages(core, caseId, model);
  const lineages = lineagesOf(core, caseId, model, links);
  const docs = [...model.documents].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const deadlines = caseDeadlines(core, caseId);
  const printing = [...ieps].reverse().find((i) => i.nextReevaluation);
  const printed = printing ? { date: printing.nextReevaluation, iepDate: printing.meetingDate } : null;
  return {
    recordsThrough: recordsThrough(model),
    currentIep: current ? { id: current.id, type: current.type, meetingDate: current.meetingDate, startDate: current.startDate, endDate: current.endDate } : null,
    // The dates the Deadlines section shows: one computation, from the deadline rules.
    ...nextReviewDates(deadlines, printed),
    reevaluationNote: reevaluationNote(deadlines, printed),
    openFlags: flagsOf(core, caseId, false, model, links),
    lineages: lineages.map((l) => ({ id: l.id, label: l.label, met: l.met, chartOption: l.chartOption })),
    missedMinutes: model.serviceDelivery.map((s) => ({
      service: s.service,
      documentId: s.documentId,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      missed: s.minutesMissed,
      districtResponsible: s.minutesMissedDistrictResponsible,
      page: s.source.page,
    })),
    documentsToReview: reviewQueue(core, caseId).filter((q) => q.confirmed < q.values).length,
    recentDocuments: docs.slice(0, 6).map((d) => ({ id: d.id, title: d.fileName, type: d.type, date: d.date })),
    documentCount: model.documents.length,
  };
}
