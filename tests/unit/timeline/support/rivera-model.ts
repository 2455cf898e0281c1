// Builds a CaseModel from the dev-rivera truth.json, the way the lead builds one from the database,
// so lineage and flags are tested on realistic input. Ids are the truth's own (goal ids
// 'IEP-2022-10-12#G1', document ids = file names) so results compare with truth directly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocType, GoalComponents, IepSubtype, Provenance } from '../../../../shared/domain';
import type { CaseModel, CaseIep, CaseProgressReport } from '../../../../shared/timeline/model';
import { gradeLevelFromText } from '../../../../shared/timeline/similarity';
import { RIVERA_DIR } from '../../../support/fixtures';

/* eslint-disable @typescript-eslint/no-explicit-any -- truth.json is untyped JSON read for a test */
type Json = any;

export function loadRiveraTruth(): Json {
  return JSON.parse(readFileSync(path.join(RIVERA_DIR, 'truth.json'), 'utf8'));
}

export const docId = (file: string) => path.basename(file);
const at = (file: string, page = 1): Provenance => ({ documentId: docId(file), page, bbox: null });

/** Rough components from the sentence, standing in for what the extractor reports. */
export function roughComponents(text: string): GoalComponents {
  return {
    condition: /\b(given|when|during|after|using|with(?:out)? (?:a|an|the)|on (?:a|an|\d))\b/i.test(text),
    behavior: /\bwill\s+\w+/i.test(text),
    criterion: /\d+\s*%|\d+ (?:out )?of \d+|\d+\s*(?:wcpm|words|points|times)|\bscor(?:e|ing) \d/i.test(text),
    timeframe: /\bby\s+(?:\d|the end|[a-z]+ \d)|\bwithin \d|\bweeks?\b/i.test(text),
  };
}

export function riveraModel(truth: Json = loadRiveraTruth()): CaseModel {
  const ieps: CaseIep[] = truth.ieps.map((iep: Json): CaseIep => {
    const initial = truth.ieps.find((i: Json) => i.iep_type === 'Initial');
    const amends = truth.ieps.find((i: Json) => i.iep_id === iep.amends);
    return {
      id: iep.iep_id,
      documentId: docId(iep.document),
      type: iep.iep_type.toLowerCase() as IepSubtype,
      meetingDate: iep.meeting_date,
      startDate: iep.start_date,
      endDate: iep.end_date,
      amendsMeetingDate: amends?.meeting_date ?? null,
      nextAnnualReview: iep.iep_type === 'Amendment' ? null : iep.end_date,
      nextReevaluation: initial ? `${Number(initial.meeting_date.slice(0, 4)) + 3}${initial.meeting_date.slice(4, 8)}${String(Number(initial.meeting_date.slice(8)) - 1).padStart(2, '0')}` : null,
      reportingSchedule: 'Trimester progress reports (with report cards)',
      reportsPerYear: 3,
      student: { name: truth.student.name, dob: truth.student.dob, grade: iep.grade, school: truth.student.school, district: truth.student.district, primaryDisability: truth.student.primary_disability },
      services: iep.services.map((s: Json, k: number) => ({
        key: `s${k}`, service: s.service, serviceCode: s.service_code, minutesPerSession: s.minutes_per_session,
        sessionsPerPeriod: s.sessions_per_week, period: 'week', minutesPerWeek: s.minutes_per_week, minutesPerMonth: null,
        frequencyText: s.frequency_text, location: s.location, provider: s.provider, startDate: s.start_date, endDate: s.end_date,
        source: at(iep.document, 4), confidence: 1,
      })),
      accommodations: iep.accommodations,
      source: at(iep.document),
      goals: iep.goals.map((g: Json) => ({
        id: g.goal_id, iepId: iep.iep_id, documentId: docId(iep.document), key: `G${g.goal_number}`,
        number: g.goal_number, area: g.area, text: g.text, baselineText: g.baseline_text, baselineValue: g.baseline_value,
        targetValue: g.target_value, unit: g.unit, direction: g.direction, targetDate: g.target_date, measuredBy: g.measured_by,
        objectives: g.objectives, components: roughComponents(g.text), measurable: g.measurable,
        gradeLevel: gradeLevelFromText(g.text), source: at(iep.document, 3), confidence: 1,
      })),
    };
  });
  const progressReports: CaseProgressReport[] = truth.progress_reports.map((r: Json) => ({
    documentId: docId(r.document), iepId: null, reportDate: r.report_date, periodLabel: r.period,
    periodStart: r.period_start, periodEnd: r.period_end, iepMeetingDate: null, legend: {},
    entries: r.entries.map((e: Json, k: number) => ({
      key: `e${k}`, goalId: null, goalNumber: e.goal_number, goalLabel: null, code: e.code, codeText: e.code_text,
      comment: e.comment, hasData: e.has_data, source: at(r.document), confidence: 1,
      dataPoints: e.data_points.map((p: Json) => ({ date: p.date, value: p.value, unit: p.unit, source: at(r.document) })),
    })),
  }));
  const sd = truth.service_delivery;
  return {
    student: { name: truth.student.name, dob: truth.student.dob, grades: truth.student.grades },
    documents: truth.documents.map((d: Json) => ({ id: docId(d.file), fileName: docId(d.file), type: d.type as DocType, date: d.date })),
    ieps,
    progressReports,
    testScores: truth.test_scores.map((s: Json, k: number) => ({
      key: `t${k}`, documentId: docId(s.document), test: s.test, subtest: s.subtest, date: s.test_date, scoreType: s.score_type,
      score: s.score, percentile: s.percentile, level: s.level, ciLow: null, ciHigh: null, source: at(s.document), confidence: 1,
    })),
    serviceDelivery: sd.services.map((s: Json) => ({
      key: s.service_key, documentId: docId(sd.document), service: s.service, periodStart: sd.period_start, periodEnd: sd.period_end,
      minutesRequired: s.minutes_required, minutesDelivered: s.minutes_delivered, minutesMissed: s.minutes_missed_total,
      minutesMissedDistrictResponsible: s.minutes_missed_district_responsible, minutesMissedStudentAbsence: s.minutes_missed_student_absence,
      source: at(sd.document),
    })),
    serviceSessions: sd.sessions.map((s: Json) => ({
      documentId: docId(sd.document), date: s.date, service: s.service_key, scheduledMinutes: s.scheduled_minutes,
      deliveredMinutes: s.delivered_minutes, status: s.status,
      responsibility: s.responsibility === 'student' ? 'student_absence' : s.responsibility === 'district' ? 'district' : 'delivered',
      source: at(sd.document),
    })),
    today: truth.documents.map((d: Json) => d.date).sort().at(-1),
  };
}

/** Pairwise F1 of goal links, as score.py computes it. */
export function pairF1(predicted: string[][], gold: string[][]): { precision: number; recall: number; f1: number } {
  const pairs = (groups: string[][]) => {
    const out = new Set<string>();
    for (const g of groups) {
      const ids = [...new Set(g)].sort();
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.add(`${ids[i]}|${ids[j]}`);
    }
    return out;
  };
  return prf(pairs(predicted), pairs(gold));
}

function prf(pred: Set<string>, gold: Set<string>) {
  const tp = [...pred].filter((p) => gold.has(p)).length;
  const precision = pred.size ? tp / pred.size : 0;
  const recall = gold.size ? tp / gold.size : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
