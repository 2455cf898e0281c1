import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { ExtractedIep } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { extractIep } from '../../../main/core/extract/iep';
import { pagesFromPlainText } from '../../../main/core/extract/layout';
import { describeRivera, RIVERA_DIR } from '../../support/fixtures';
import { normForScore, scoreSimilarity } from './similarity';

interface TruthGoal {
  text: string; area: string; baseline_value: number | null; target_value: number | null; unit: string | null;
  direction: string | null; target_date: string | null; measurable: boolean;
}
interface TruthService { minutes_per_week: number | null; minutes_per_month?: number | null; minutes_per_session: number | null; sessions_per_week: number | null }
interface TruthIep {
  iep_id: string; document: string; iep_type: string; amends: string | null; meeting_date: string; start_date: string; end_date: string;
  goals: TruthGoal[]; services: TruthService[]; accommodations: string[];
}

// score.py's unit and area comparisons, so the figures here are the ones the evaluation will see.
function canonUnit(u: string | null): string {
  const n = normForScore(u);
  if (!n) return '';
  if (/wcpm|words correct|correct words|words per minute/.test(n)) return 'wcpm';
  if (/%|percent|accuracy/.test(n)) return n.includes('interval') ? 'percent-intervals' : 'percent';
  return n;
}
const jaccard = (a: string, b: string) => {
  const x = new Set(a.split(' ').filter(Boolean)), y = new Set(b.split(' ').filter(Boolean));
  const inter = [...x].filter((t) => y.has(t)).length;
  return x.size && y.size ? inter / new Set([...x, ...y]).size : 0;
};
const unitEq = (a: string | null, b: string | null) => canonUnit(a) === canonUnit(b) || jaccard(canonUnit(a), canonUnit(b)) >= 0.5;
const areaEq = (a: string | null, b: string | null) => jaccard(normForScore(a), normForScore(b)) >= 0.5;
const iepKind = (t: string | null) => (/^(amendment|revision|addendum)$/i.test(t ?? '') ? 'amendment' : (t ?? '').toLowerCase());

describeRivera('IEP extraction on the dev-rivera fixture', () => {
  const truth = JSON.parse(readFileSync(path.join(RIVERA_DIR, 'truth.json'), 'utf8')) as { ieps: TruthIep[] };
  const extracted = new Map<string, ExtractedIep>();

  beforeAll(async () => {
    for (const t of truth.ieps) {
      const file = path.join(RIVERA_DIR, t.document);
      const refText = path.join(RIVERA_DIR, 'reference_text', `${path.basename(file)}.txt`);
      // Scanned IEPs are read from their reference text (OCR is tested elsewhere).
      const pages = t.document.includes('scan_')
        ? pagesFromPlainText(readFileSync(refText, 'utf8'))
        : (await readPdfText(readFileSync(file))).pages;
      extracted.set(t.iep_id, extractIep(pages, t.iep_id));
    }
  });

  it('meets the issue 5 targets for goals, goal fields, services, IEP type and dates', () => {
    const tally: Record<string, [number, number]> = {};
    const count = (k: string, ok: boolean) => { const t = (tally[k] ??= [0, 0]); t[0] += ok ? 1 : 0; t[1] += 1; };
    let tp = 0, fp = 0, fn = 0, stp = 0, sfp = 0, sfn = 0;
    for (const t of truth.ieps) {
      const iep = extracted.get(t.iep_id)!;
      count('iep_type', iepKind(iep.type) === iepKind(t.iep_type));
      count('iep_dates', iep.meetingDate === t.meeting_date && iep.startDate === t.start_date && iep.endDate === t.end_date);
      const amended = t.amends ? truth.ieps.find((x) => x.iep_id === t.amends)!.meeting_date : null;
      count('iep_amends', iep.amendsMeetingDate === amended);
      const used = new Set<number>();
      for (const g of t.goals) {
        let best = -1, bestSim = 0.6;
        iep.goals.forEach((p, j) => { const s = scoreSimilarity(g.text, p.text); if (!used.has(j) && s >= bestSim) { best = j; bestSim = s; } });
        if (best < 0) { fn++; console.log(`missed goal in ${t.iep_id}: ${g.text.slice(0, 60)}`); continue; }
        used.add(best); tp++;
        const p = iep.goals[best];
        count('goal_text>=0.97', bestSim >= 0.97);
        count('goal_area', areaEq(g.area, p.area));
        count('goal_baseline', g.baseline_value === p.baselineValue);
        count('goal_target', g.target_value === p.targetValue);
        if (g.unit !== null || p.unit) count('goal_unit', (g.unit === null && !p.unit) || unitEq(g.unit, p.unit));
        if (g.direction) count('goal_direction', g.direction === p.direction);
        count('goal_target_date', g.target_date === p.targetDate);
        count('goal_measurable', g.measurable === p.measurable);
        count('goal_has_source', p.source.page > 0 && p.source.bbox !== null);
      }
      fp += iep.goals.length - used.size;
      const amount = (w: number | null, m: number | null, ps: number | null, n: number | null) => (w !== null ? `w${w}` : m !== null ? `m${m}` : `s${ps}x${n}`);
      const rest = iep.services.map((s) => amount(s.minutesPerWeek, s.minutesPerMonth, s.minutesPerSession, s.period === 'week' ? s.sessionsPerPeriod : null));
      for (const s of t.services) {
        const i = rest.indexOf(amount(s.minutes_per_week, s.minutes_per_month ?? null, s.minutes_per_session, s.sessions_per_week));
        if (i >= 0) { rest.splice(i, 1); stp++; } else sfn++;
      }
      sfp += rest.length;
      count('accommodations', JSON.stringify(iep.accommodations) === JSON.stringify(t.accommodations.slice(-iep.accommodations.length)) && iep.accommodations.length > 0);
    }
    const f1 = (a: number, b: number, c: number) => (2 * a) / (2 * a + b + c);
    const acc = (k: string) => tally[k][0] / tally[k][1];
    const fields = ['goal_area', 'goal_baseline', 'goal_target', 'goal_unit', 'goal_direction', 'goal_target_date'];
    const fieldsMean = fields.reduce((s, k) => s + acc(k), 0) / fields.length;
    const rows = Object.entries(tally).map(([k, [ok, n]]) => `  ${k.padEnd(18)} ${ok}/${n}  ${(ok / n).toFixed(3)}`);
    console.log(['IEP extraction on dev-rivera', `  goals F1           ${f1(tp, fp, fn).toFixed(3)} (tp ${tp} fp ${fp} fn ${fn})`,
      `  services F1        ${f1(stp, sfp, sfn).toFixed(3)} (tp ${stp} fp ${sfp} fn ${sfn})`, `  goal fields mean   ${fieldsMean.toFixed(3)}`, ...rows].join('\n'));
    expect(f1(tp, fp, fn)).toBeGreaterThanOrEqual(0.95);
    expect(fieldsMean).toBeGreaterThanOrEqual(0.9);
    expect(f1(stp, sfp, sfn)).toBeGreaterThanOrEqual(0.95);
    expect(acc('iep_type')).toBeGreaterThanOrEqual(0.95);
    expect(acc('iep_dates')).toBeGreaterThanOrEqual(0.95);
    expect(acc('goal_text>=0.97')).toBe(1);
    expect(acc('goal_has_source')).toBe(1);
  });

  it('gives each goal the page and box of its sentence', () => {
    const iep = extracted.get('IEP-2022-10-12')!;
    const g1 = iep.goals.find((g) => g.number === 1)!;
    expect(g1.source.page).toBe(3);
    const [x0, y0, x1, y1] = g1.source.bbox!;
    expect(x1 - x0).toBeGreaterThan(300);
    expect(y1 - y0).toBeGreaterThan(20); // three wrapped lines
    expect(y0).toBeGreaterThan(72);
  });

  it('reads the reporting schedule, review dates and student data', () => {
    const iep = extracted.get('IEP-2023-10-10')!;
    expect(iep.reportsPerYear).toBe(3);
    expect(iep.nextAnnualReview).toBe('2024-10-09');
    expect(iep.nextReevaluation).toBe('2025-10-11');
    expect(iep.student.dob).toBe('2014-03-14');
    expect(iep.student.grade).toBe('4');
  });
});
