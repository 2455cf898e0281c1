// Builds the case model everything downstream reads (timeline, flags, export, packet, letters):
// the stored extraction results of each ready document, with the user's corrections applied.
import type { DocType, ExtractionResult } from '../../../shared/domain';
import { resolveProgressGoals, type CaseModel, type CaseIep, type CaseProgressReport } from '../../../shared/timeline/model';
import type { Core } from '../context';
import { getCase } from '../cases';
import { applyCorrections, loadCorrections } from '../review/corrections';
import { progressGoalLinks } from '../review/queries';
import { withPriorYears } from '../../../shared/timeline/lineage';
import { caseDocumentsWithExtractions } from './queries';
import { withLearned } from '../forms/service';

export const goalId = (documentId: string, key: string) => `${documentId}#${key}`;

export function buildCaseModel(core: Core, caseId: string, today = core.nowIso().slice(0, 10)): CaseModel {
  const c = getCase(core, caseId);
  const rows = caseDocumentsWithExtractions(core.db, caseId);
  const corrections = loadCorrections(core, caseId);
  const model: CaseModel = {
    student: { name: c.childName ?? c.name, dob: c.dob },
    documents: rows.map((r) => ({ id: r.id, fileName: r.fileName, type: r.type as DocType, date: r.date })),
    ieps: [],
    progressReports: [],
    testScores: [],
    serviceDelivery: [],
    serviceSessions: [],
    today,
  };
  for (const r of rows) {
    if (!r.resultJson) continue;
    const result = applyCorrections(withLearned(core, r.id, JSON.parse(r.resultJson) as ExtractionResult), corrections.get(r.id) ?? []);
    if (r.type === 'iep' && result.iep) {
      const iep = result.iep;
      const caseIep: CaseIep = {
        ...iep,
        type: iep.type ?? (r.subtype as CaseIep['type']) ?? null,
        meetingDate: iep.meetingDate ?? r.date,
        id: r.id,
        documentId: r.id,
        goals: iep.goals.map((g) => ({ ...g, id: goalId(r.id, g.key), iepId: r.id, documentId: r.id })),
        priorGoals: (iep.priorGoals ?? []).map((g) => ({ ...g, id: goalId(r.id, g.key), iepId: r.id, documentId: r.id, priorYear: true })),
        priorProgress: (iep.priorProgress ?? []).map((e) => ({ ...e, goalId: null })),
      };
      model.ieps.push(caseIep);
    }
    if (r.type === 'progress_report' && result.progressReport) {
      const pr: CaseProgressReport = {
        ...result.progressReport,
        reportDate: result.progressReport.reportDate ?? r.date,
        documentId: r.id,
        iepId: null,
        entries: result.progressReport.entries.map((e) => ({ ...e, goalId: null })),
      };
      model.progressReports.push(pr);
    }
    for (const s of result.testScores) model.testScores.push({ ...s, documentId: r.id });
    if (result.serviceLog) {
      for (const s of result.serviceLog.summaries) model.serviceDelivery.push({ ...s, documentId: r.id });
      for (const s of result.serviceLog.sessions) model.serviceSessions!.push({ ...s, documentId: r.id });
    }
  }
  applyGoalLinksToEntries(core, caseId, model);
  linkPriorProgress(model);
  return resolveProgressGoals(model);
}

/**
 * Progress printed with an IEP's prior-year goals is that goal's: matched by goal number, else by the
 * area the entry prints; for a reprinted goal of an IEP in the case, the data are that IEP's goal's.
 */
function linkPriorProgress(model: CaseModel) {
  const { sameAs } = withPriorYears(model);
  for (const iep of model.ieps) {
    const prior = iep.priorGoals ?? [];
    for (const entry of iep.priorProgress ?? []) {
      const byNumber = entry.goalNumber != null ? prior.filter((g) => g.number === entry.goalNumber) : [];
      const label = entry.goalLabel?.toLowerCase().trim();
      const byArea = label ? prior.filter((g) => g.area?.toLowerCase().trim() === label) : [];
      const goal = byNumber.length === 1 ? byNumber[0] : byArea.length === 1 ? byArea[0] : null;
      entry.goalId = goal ? sameAs.get(goal.id) ?? goal.id : null;
    }
  }
}

/** A progress entry the user tied to a goal by hand keeps that goal. */
function applyGoalLinksToEntries(core: Core, caseId: string, model: CaseModel) {
  const rows = progressGoalLinks(core.db, caseId);
  for (const r of rows) {
    const report = model.progressReports.find((p) => p.documentId === r.documentId);
    const entry = report?.entries.find((e) => e.key === r.entityKey);
    if (entry) entry.goalId = r.goalId;
  }
}
