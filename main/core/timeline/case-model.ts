// Builds the case model everything downstream reads (timeline, flags, export, packet, letters):
// the stored extraction results of each ready document, with the user's corrections applied.
import type { DocType, ExtractionResult } from '../../../shared/domain';
import { resolveProgressGoals, type CaseModel, type CaseIep, type CaseProgressReport } from '../../../shared/timeline/model';
import type { Core } from '../context';
import { getCase } from '../cases';
import { applyCorrections, loadCorrections } from '../review/corrections';

interface Row {
  id: string;
  file_name: string;
  type: string;
  subtype: string | null;
  date: string | null;
  result_json: string | null;
}

export const goalId = (documentId: string, key: string) => `${documentId}#${key}`;

export function buildCaseModel(core: Core, caseId: string, today = core.nowIso().slice(0, 10)): CaseModel {
  const c = getCase(core, caseId);
  const rows = core.db
    .prepare<[string], Row>(
      `SELECT d.id, d.file_name, d.type, d.subtype, d.date, e.result_json FROM documents d
       LEFT JOIN extractions e ON e.document_id = d.id
       WHERE d.case_id = ? AND d.deleted_at IS NULL ORDER BY d.date IS NULL, d.date, d.created_at`,
    )
    .all(caseId);
  const corrections = loadCorrections(core, caseId);
  const model: CaseModel = {
    student: { name: c.childName ?? c.name, dob: c.dob },
    documents: rows.map((r) => ({ id: r.id, fileName: r.file_name, type: r.type as DocType, date: r.date })),
    ieps: [],
    progressReports: [],
    testScores: [],
    serviceDelivery: [],
    serviceSessions: [],
    today,
  };
  for (const r of rows) {
    if (!r.result_json) continue;
    const result = applyCorrections(JSON.parse(r.result_json) as ExtractionResult, corrections.get(r.id) ?? []);
    if (r.type === 'iep' && result.iep) {
      const iep = result.iep;
      const caseIep: CaseIep = {
        ...iep,
        type: iep.type ?? (r.subtype as CaseIep['type']) ?? null,
        meetingDate: iep.meetingDate ?? r.date,
        id: r.id,
        documentId: r.id,
        goals: iep.goals.map((g) => ({ ...g, id: goalId(r.id, g.key), iepId: r.id, documentId: r.id })),
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
  return resolveProgressGoals(model);
}

/** A progress entry the user tied to a goal by hand keeps that goal. */
function applyGoalLinksToEntries(core: Core, caseId: string, model: CaseModel) {
  const rows = core.db
    .prepare<[string], { document_id: string; entity_key: string; value_json: string }>(
      `SELECT c.document_id, c.entity_key, c.value_json FROM corrections c JOIN documents d ON d.id = c.document_id
       WHERE d.case_id = ? AND c.entity = 'progress_entry' AND c.field = 'goalId'`,
    )
    .all(caseId);
  for (const r of rows) {
    const report = model.progressReports.find((p) => p.documentId === r.document_id);
    const entry = report?.entries.find((e) => e.key === r.entity_key);
    if (entry) entry.goalId = JSON.parse(r.value_json);
  }
}
