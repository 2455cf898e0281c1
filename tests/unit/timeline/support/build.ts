// Small builders for case models composed by hand in tests: every field has a neutral default.
import type { Provenance } from '../../../../shared/domain';
import type {
  CaseGoal,
  CaseIep,
  CaseModel,
  CaseProgressEntry,
  CaseProgressReport,
  CaseTestScore,
} from '../../../../shared/timeline/model';

export const src = (documentId: string, page = 1): Provenance => ({ documentId, page, bbox: [72, 100, 540, 140] });

export function goal(iepId: string, documentId: string, number: number, fields: Partial<CaseGoal> = {}): CaseGoal {
  return {
    id: `${iepId}#G${number}`, iepId, documentId, key: `G${number}`, number, area: null, text: '', baselineText: null,
    baselineValue: null, targetValue: null, unit: null, direction: null, targetDate: null, measuredBy: null, objectives: [],
    components: { condition: true, behavior: true, criterion: true, timeframe: true }, measurable: true, gradeLevel: null,
    source: src(documentId, 2), confidence: 1, ...fields,
  };
}

export function iep(id: string, fields: Partial<CaseIep> & { goals?: CaseGoal[] } = {}): CaseIep {
  return {
    id, documentId: `doc-${id}`, type: 'annual', meetingDate: null, startDate: null, endDate: null, amendsMeetingDate: null,
    nextAnnualReview: null, nextReevaluation: null, reportingSchedule: null, reportsPerYear: null,
    student: { name: 'Test Child', dob: null, grade: null, school: null, district: null, primaryDisability: null },
    goals: [], services: [], accommodations: [], source: src(`doc-${id}`), ...fields,
  };
}

export function entry(goalNumber: number | null, code: string | null, codeText: string | null, values: Array<[string, number]>, documentId: string, fields: Partial<CaseProgressEntry> = {}): CaseProgressEntry {
  return {
    key: `e${goalNumber}`, goalId: null, goalNumber, goalLabel: null, code, codeText, comment: null, hasData: values.length > 0,
    dataPoints: values.map(([date, value]) => ({ date, value, unit: null, source: src(documentId) })),
    source: src(documentId), confidence: 1, ...fields,
  };
}

export function report(documentId: string, reportDate: string, entries: CaseProgressEntry[], fields: Partial<CaseProgressReport> = {}): CaseProgressReport {
  return {
    documentId, iepId: null, reportDate, periodLabel: null, periodStart: null, periodEnd: null, iepMeetingDate: null, legend: {},
    entries, ...fields,
  };
}

export function score(documentId: string, test: string, subtest: string, date: string, percentile: number): CaseTestScore {
  return {
    key: `${test}|${subtest}|${date}`, documentId, test, subtest, date, scoreType: 'standard_score', score: null, percentile,
    level: null, ciLow: null, ciHigh: null, source: src(documentId), confidence: 1,
  };
}

export function model(fields: Partial<CaseModel>): CaseModel {
  const ieps = fields.ieps ?? [];
  return {
    student: { name: 'Test Child', dob: '2015-01-01' },
    documents: ieps.map((i) => ({ id: i.documentId, fileName: `${i.id}.pdf`, type: 'iep' as const, date: i.meetingDate })),
    ieps,
    progressReports: [],
    testScores: [],
    serviceDelivery: [],
    today: '2025-01-01',
    ...fields,
  };
}
