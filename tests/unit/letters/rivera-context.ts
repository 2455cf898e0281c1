// Builds a LetterContext from the dev-rivera fixture: truth.json for the case figures, and the district's reply
// email (read back through the PDF text layer) for the addressee, as the app would take it from correspondence.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import type { LetterContext, LetterGoal, PercentileSeries } from '../../../main/core/letters';
import { RIVERA_DIR } from '../../support/fixtures';

interface Truth {
  state_style: string;
  student: { name: string; dob: string; parent: string; district: string; school: string; grades: Record<string, string> };
  ieps: Array<{ iep_id: string; meeting_date: string; document: string; goals: Array<{ goal_id: string; goal_number: number; area: string; baseline_value: number | null; target_value: number | null; unit: string | null }> }>;
  goal_links: Array<{ goal_ids: string[] }>;
  progress_data_points: Array<{ goal_id: string; date: string; value: number; document: string }>;
  test_scores: Array<{ test: string; subtest: string; test_date: string; percentile: number | null; document: string }>;
  services_required: Array<{ service_key: string; service: string; frequency_text: string; minutes_per_week: number; location: string; iep_id: string }>;
  service_delivery: { period_start: string; period_end: string; document: string; services: Array<{ service: string; minutes_required: number; minutes_delivered: number; minutes_missed_district_responsible: number; minutes_missed_student_absence: number }> };
}

export const loadRiveraTruth = (): Truth => JSON.parse(readFileSync(path.join(RIVERA_DIR, 'truth.json'), 'utf8')) as Truth;
const docName = (file: string) => path.basename(file).replace(/\.(pdf|jpg)$/i, '').replace(/_/g, ' ');

/** The district sender of the reply email: name from the From: line, role from the line after the signature name. */
export async function districtContactFromReply(): Promise<{ name: string; role: string }> {
  const pdf = await readPdfText(readFileSync(path.join(RIVERA_DIR, 'documents/Email_2024-02-02_Castellanos_reply.pdf')));
  const text = pdf.pages.map((p) => p.text).join('\n');
  const name = /^From:\s*(.+?)\s*</m.exec(text)?.[1] ?? '';
  const lines = text.split('\n').map((l) => l.trim());
  const role = lines[lines.lastIndexOf(name) + 1] ?? '';
  return { name, role };
}

export async function riveraLetterContext(today = '2025-06-30'): Promise<LetterContext> {
  const t = loadRiveraTruth();
  const contact = await districtContactFromReply();
  const latestIep = [...t.ieps].filter((i) => !/AMD/.test(i.iep_id)).sort((a, b) => a.meeting_date.localeCompare(b.meeting_date)).at(-1)!;
  const iepDate = new Map(t.ieps.map((i) => [i.iep_id, i.meeting_date]));
  const goals: LetterGoal[] = latestIep.goals.map((g) => {
    const points = t.progress_data_points.filter((p) => p.goal_id === g.goal_id).sort((a, b) => a.date.localeCompare(b.date));
    const link = t.goal_links.find((l) => l.goal_ids.includes(g.goal_id));
    const last = points.at(-1);
    return {
      number: g.goal_number, area: g.area, baseline: g.baseline_value, target: g.target_value, unit: g.unit,
      latest: last ? { value: last.value, date: last.date } : null,
      dataPoints: points.map((p) => ({ value: p.value, date: p.date })),
      firstWritten: link && link.goal_ids.length > 1 ? iepDate.get(link.goal_ids[0].split('#')[0]) ?? null : null,
      cite: { document: docName(last?.document ?? latestIep.document), page: 1 },
    };
  });
  const series = new Map<string, PercentileSeries>();
  for (const s of t.test_scores.filter((x) => x.percentile !== null)) {
    const key = `${s.test}|${s.subtest}`;
    if (!series.has(key)) series.set(key, { test: s.test, subtest: s.subtest, points: [], cite: { document: docName(s.document) } });
    series.get(key)!.points.push({ date: s.test_date, percentile: s.percentile! });
  }
  const current = t.services_required.filter((s) => s.iep_id === latestIep.iep_id);
  return {
    today,
    state: /^California/.test(t.state_style) ? 'CA' : null,
    child: { name: t.student.name, dob: t.student.dob, grade: Object.values(t.student.grades).at(-1) ?? null, school: t.student.school },
    district: { name: t.student.district, address: ['1200 Example Way', 'Alder Creek, CA 95000'] },
    addressee: { name: contact.name, role: contact.role },
    parent: { name: t.student.parent, email: 'parent@example.com' },
    goals,
    percentiles: [...series.values()],
    services: current.map((s) => ({
      service: s.service, frequencyText: s.frequency_text, minutesPerWeek: s.minutes_per_week, location: s.location,
      sameInIeps: t.services_required.filter((x) => x.service_key === s.service_key && x.minutes_per_week === s.minutes_per_week).map((x) => iepDate.get(x.iep_id)!),
      cite: { document: docName(latestIep.document) },
    })),
    compEd: t.service_delivery.services.map((s) => ({
      service: s.service, periodStart: t.service_delivery.period_start, periodEnd: t.service_delivery.period_end,
      minutesRequired: s.minutes_required, minutesDelivered: s.minutes_delivered,
      minutesMissedDistrictResponsible: s.minutes_missed_district_responsible, minutesMissedStudentAbsence: s.minutes_missed_student_absence,
      cite: { document: docName(t.service_delivery.document) },
    })),
    lastIepDate: latestIep.meeting_date,
    lastEvaluation: { date: '2024-09-24', title: 'triennial psychoeducational assessment', areas: ['reading', 'written expression'] },
    recordsFrom: t.ieps[0].meeting_date,
  };
}
