// Red flags about test scores, services and the calendar the law sets: declining percentiles,
// unchanged services while goals stagnate, missed minutes, missing progress reports, overdue
// annual reviews and reevaluations. The rules for goals and reports are in flags.ts.
import type { Provenance } from '../domain';
import { daysBetween, formatDisplayDate } from '../text/dates';
import { percentileSeries } from './chart';
import { baselineDate, targetDate } from './chart-data';
import type { FlagContext, RedFlag } from './flag-types';
import { flagKey, fmtNum, goalName, uniq } from './flag-types';
import { effectiveDirection, goalMet } from './lineage';
import { type CaseGoal, type CaseIep, type CaseProgressReport, baseIepOf, compareDates, iepById, iepPeriodEnd, iepStart, iepsChronological, isAmendment, reportDate } from './model';
import { canonicalUnit } from './similarity';
import { aimLine, theilSenTrend } from './stats';

/** One score per date for a series (a report may repeat a subtest): the dates and averaged percentiles. */
function byDate(series: ReturnType<typeof percentileSeries>[number]): { dates: string[]; values: number[] } {
  const map = new Map<string, number[]>();
  for (const p of series.points) map.set(p.date, [...(map.get(p.date) ?? []), p.percentile]);
  return { dates: [...map.keys()], values: [...map.values()].map((v) => v.reduce((s, x) => s + x, 0) / v.length) };
}

/**
 * Percentile falling at every administration across at least ~a school year: three or more
 * administrations, a large drop between two, or every measure of one test falling between the
 * same two administrations (a whole battery moving together is not test error).
 */
export function testScoreFlags(ctx: FlagContext): RedFlag[] {
  const spans = percentileSeries(ctx.model.testScores).map((series) => ({ series, ...byDate(series) }))
    .filter((s) => s.values.length >= 2 && daysBetween(s.dates[0], s.dates[s.dates.length - 1]) >= 300);
  const falling = (s: (typeof spans)[number]) => s.values.every((v, i) => i === 0 || v < s.values[i - 1]);
  const battery = new Map<string, typeof spans>();
  for (const s of spans.filter((x) => x.values.length === 2)) {
    const key = `${s.series.test.toLowerCase()}|${s.dates.join('|')}`;
    battery.set(key, [...(battery.get(key) ?? []), s]);
  }
  const wholeBatteryFell = new Set(
    [...battery.values()].filter((b) => b.length >= ctx.t.percentileBatteryMeasures && b.every(falling)).flatMap((b) => b.map((s) => s.series)),
  );
  const declining = spans
    .filter((s) => falling(s) && (s.values.length >= 3 || s.values[0] - s.values[s.values.length - 1] >= ctx.t.percentileSingleDrop || wholeBatteryFell.has(s.series)))
    .map((s) => s.series);
  if (!declining.length) return [];
  const points = declining.flatMap((s) => s.points);
  const scoreDocs = new Map(ctx.model.testScores.map((s) => [s.source, s.documentId] as const));
  const describe = (s: (typeof declining)[number]) =>
    `${s.test} ${s.subtest} ${s.points.map((p) => fmtNum(p.percentile)).join(' → ')} (${s.points[0].date.slice(0, 4)}-${s.points[s.points.length - 1].date.slice(0, 4)})`;
  return [{
    key: flagKey('declining_percentiles', declining.map((s) => `${s.test}|${s.subtest}`)),
    type: 'declining_percentiles',
    goalIds: [],
    documentIds: uniq(points.map((p) => scoreDocs.get(p.source) ?? p.source.documentId)),
    description: `Percentile rank fell at every testing on ${declining.length} ${declining.length === 1 ? 'measure' : 'measures'}: ${declining.map(describe).join('; ')}. The gap with same-age peers grew.`,
    evidence: points.map((p) => p.source),
  }];
}

/** Weekly minutes of each service an IEP lists, sorted: equal lists mean unchanged services. */
function serviceMinutes(iep: CaseIep): number[] {
  return iep.services
    .map((s) => s.minutesPerWeek ?? (s.minutesPerMonth != null ? Math.round((s.minutesPerMonth * 12) / 52) : null) ??
      (s.minutesPerSession != null && s.sessionsPerPeriod != null && s.period === 'week' ? s.minutesPerSession * s.sessionsPerPeriod : null))
    .filter((m): m is number => m != null)
    .sort((a, b) => a - b);
}

/** How a lineage's data grew against what its first goal asked for, in the latest goal's unit. */
function lineageGrowth(ctx: FlagContext, goals: CaseGoal[]) {
  const ieps = iepById(ctx.model);
  const unit = canonicalUnit(goals[goals.length - 1].unit);
  const sameUnit = goals.filter((g) => canonicalUnit(g.unit) === unit);
  const first = sameUnit[0];
  if (!first || first.targetValue == null || first.baselineValue == null) return null;
  const series = sameUnit.flatMap((g) => {
    const base = baselineDate(g, ieps.get(g.iepId));
    const baseline = g.baselineValue != null && base.date ? [{ date: base.date, value: g.baselineValue, source: g.source }] : [];
    return [...baseline, ...(ctx.points.get(g.id) ?? [])];
  }).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (series.length < ctx.t.minPointsForTrend) return null;
  const base = baselineDate(first, ieps.get(first.iepId));
  const end = targetDate(first, ieps.get(first.iepId));
  if (!base.date || !end) return null;
  const needed = aimLine({ date: base.date, value: first.baselineValue }, { date: end, value: first.targetValue }).ratePerWeek;
  const trend = theilSenTrend(series);
  if (!trend || needed === 0) return null;
  const sign = effectiveDirection(first) === 'decrease' ? -1 : 1;
  return { fraction: (sign * trend.ratePerWeek) / Math.abs(needed), first: series[0], last: series[series.length - 1], goal: sameUnit[sameUnit.length - 1] };
}

export function serviceFlags(ctx: FlagContext): RedFlag[] {
  return [...unchangedServiceFlags(ctx), ...missedServiceFlags(ctx)];
}

function unchangedServiceFlags(ctx: FlagContext): RedFlag[] {
  const full = iepsChronological(ctx.model).filter((i) => !isAmendment(i) && i.services.length);
  const runs: CaseIep[][] = [];
  for (const iep of full) {
    const run = runs[runs.length - 1];
    if (run && serviceMinutes(run[0]).join(',') === serviceMinutes(iep).join(',')) run.push(iep);
    else runs.push([iep]);
  }
  const flags: RedFlag[] = [];
  for (const run of runs.filter((r) => r.length >= 2 && serviceMinutes(r[0]).length)) {
    const inRun = new Set(run.map((i) => i.id));
    const stagnant: Array<{ goals: CaseGoal[]; growth: NonNullable<ReturnType<typeof lineageGrowth>> }> = [];
    for (const lineage of ctx.links) {
      const goals = lineage.goalIds.map((id) => ctx.goals.get(id)).filter((g): g is CaseGoal => !!g)
        .filter((g) => inRun.has(baseIepOf(ctx.model, iepById(ctx.model).get(g.iepId)!).id));
      if (uniq(goals.map((g) => g.iepId)).length < 2) continue;
      if (goalMet(goals[goals.length - 1], ctx.points.get(goals[goals.length - 1].id) ?? []) === true) continue;
      const growth = lineageGrowth(ctx, goals);
      if (growth && growth.fraction < ctx.t.stagnantFractionOfNeededRate) stagnant.push({ goals, growth });
    }
    if (!stagnant.length) continue;
    const minutes = serviceMinutes(run[0]);
    const total = minutes.reduce((s, m) => s + m, 0);
    const dates = run.map((i) => formatDisplayDate(i.meetingDate ?? iepStart(i))).join(', ');
    const goalsText = stagnant.map(({ growth }) => {
      const unit = growth.goal.unit ? ` ${growth.goal.unit}` : '';
      return `${goalName(growth.goal)} ${fmtNum(growth.first.value)} → ${fmtNum(growth.last.value)}${unit} by ${formatDisplayDate(growth.last.date)} against a target of ${fmtNum(growth.goal.targetValue ?? 0)}${unit}`;
    });
    flags.push({
      key: flagKey('services_unchanged_despite_stagnation', run.map((i) => i.id)),
      type: 'services_unchanged_despite_stagnation',
      goalIds: stagnant.flatMap((s) => s.goals.map((g) => g.id)),
      documentIds: run.map((i) => i.documentId),
      description: `Same service minutes (${minutes.map(fmtNum).join(' + ')} = ${fmtNum(total)} min/week) in ${run.length} IEPs (${dates}) while goal data stayed well below the growth asked for: ${goalsText.join('; ')}.`,
      evidence: [...run.flatMap((i) => i.services.map((s) => s.source)), ...stagnant.flatMap((s) => [s.growth.first.source, s.growth.last.source])],
    });
  }
  return flags;
}

function missedServiceFlags(ctx: FlagContext): RedFlag[] {
  const byDoc = new Map<string, typeof ctx.model.serviceDelivery>();
  for (const s of ctx.model.serviceDelivery) byDoc.set(s.documentId, [...(byDoc.get(s.documentId) ?? []), s]);
  const flags: RedFlag[] = [];
  for (const [documentId, summaries] of byDoc) {
    const sum = (f: (s: (typeof summaries)[number]) => number) => summaries.reduce((acc, s) => acc + f(s), 0);
    const required = sum((s) => s.minutesRequired);
    const missed = sum((s) => s.minutesMissed);
    const district = sum((s) => s.minutesMissedDistrictResponsible);
    const absence = sum((s) => s.minutesMissedStudentAbsence);
    if (missed < ctx.t.minMissedMinutes) continue;
    const starts = summaries.map((s) => s.periodStart).filter((d): d is string => !!d).sort();
    const ends = summaries.map((s) => s.periodEnd).filter((d): d is string => !!d).sort();
    const period = starts.length && ends.length ? ` ${formatDisplayDate(starts[0])} – ${formatDisplayDate(ends[ends.length - 1])}` : '';
    const perService = summaries.map((s) => `${s.service}: ${fmtNum(s.minutesMissed)} of ${fmtNum(s.minutesRequired)}`).join('; ');
    flags.push({
      key: flagKey('missed_services', [documentId]),
      type: 'missed_services',
      goalIds: [],
      documentIds: [documentId],
      description:
        `Service log${period}: ${fmtNum(missed)} of ${fmtNum(required)} required minutes not delivered` +
        `${required ? ` (${Math.round((100 * missed) / required)}%)` : ''}; ${fmtNum(district)} of them for reasons on the school's side, ` +
        `${fmtNum(absence)} for student absence. ${perService}.`,
      evidence: summaries.map((s) => s.source),
    });
  }
  return flags;
}

/** Reports promised per year by a schedule's words, when the IEP does not give the number. */
export function reportsPerYearFromText(schedule: string | null): number | null {
  if (!schedule) return null;
  const s = schedule.toLowerCase();
  if (/quarter|9[- ]week|nine[- ]week/.test(s)) return 4;
  if (/trimester/.test(s)) return 3;
  if (/semester/.test(s)) return 2;
  if (/six[- ]week|6[- ]week/.test(s)) return 6;
  if (/month/.test(s)) return 10;
  const n = /(\d+|two|three|four|six)\s+times (?:per|a|each) (?:school )?year/.exec(s);
  if (n) return Number(n[1]) || { two: 2, three: 3, four: 4, six: 6 }[n[1]] || null;
  return null;
}

function oneYearAfter(date: string): string {
  const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return next.endsWith('-02-29') ? `${next.slice(0, 8)}03-01` : next;
}

export function scheduleFlags(ctx: FlagContext): RedFlag[] {
  return [...missingReportFlags(ctx), ...annualReviewFlags(ctx), ...reevaluationFlags(ctx)];
}

/**
 * Reporting periods a set of reports shows: one per report, and more where a report reprints the
 * year's grid with data dated after the previous report in the file: those earlier columns are the
 * periods whose own reports are not in the file, reported all the same (counted over a school year
 * of about 300 days).
 */
function periodsReported(reports: CaseProgressReport[], start: string, perYear: number): number {
  const dated = reports.map((r) => ({ r, date: reportDate(r) })).sort((a, b) => compareDates(a.date, b.date));
  let count = 0;
  let previous = start;
  for (const { r, date } of dated) {
    const reprints = !!date && r.entries.some((e) => e.dataPoints.some((p) => p.earlierPeriod && p.date && p.date > previous));
    count += reprints ? Math.max(2, Math.round(daysBetween(previous, date!) / (300 / perYear))) : 1;
    if (date) previous = date;
  }
  return count;
}

function missingReportFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const iep of iepsChronological(ctx.model).filter((i) => !isAmendment(i))) {
    const perYear = iep.reportsPerYear ?? reportsPerYearFromText(iep.reportingSchedule);
    const start = iepStart(iep);
    if (!perYear || !start) continue;
    const periodEnd = iepPeriodEnd(ctx.model, iep) ?? oneYearAfter(start);
    const until = periodEnd < ctx.model.today ? periodEnd : ctx.model.today;
    const elapsed = daysBetween(start, until);
    if (elapsed <= 0) continue;
    const expected = Math.min(perYear, Math.floor((perYear * (elapsed + ctx.t.reportGraceDays)) / 365));
    const reports = ctx.model.progressReports.filter((r) => r.iepId === iep.id);
    const reported = periodsReported(reports, start, perYear);
    if (reported >= expected) continue;
    const dates = reports.map((r) => reportDate(r)).filter((d): d is string => !!d).sort();
    flags.push({
      key: flagKey('progress_report_missing_or_late', [iep.id]),
      type: 'progress_report_missing_or_late',
      goalIds: [],
      documentIds: [iep.documentId, ...reports.map((r) => r.documentId)],
      description:
        `${reports.length} progress ${reports.length === 1 ? 'report' : 'reports'} found${reported > reports.length ? ` (and ${reported - reports.length} more ${reported - reports.length === 1 ? 'period' : 'periods'} printed only in a later report's grid)` : ''} ` +
        `for the IEP of ${formatDisplayDate(iep.meetingDate ?? start)} ` +
        `(${formatDisplayDate(start)} – ${formatDisplayDate(until)}) where the IEP promises ${perYear} a year` +
        `${iep.reportingSchedule ? ` ("${iep.reportingSchedule}")` : ''}, so ${expected} by then` +
        `${dates.length ? `; reports dated ${dates.map(formatDisplayDate).join(', ')}` : ''}.`,
      evidence: [iep.source, ...reports.flatMap((r) => r.entries.slice(0, 1).map((e) => e.source))],
    });
  }
  return flags;
}

function annualReviewFlags(ctx: FlagContext): RedFlag[] {
  const meetings = iepsChronological(ctx.model).filter((i) => !isAmendment(i) && (i.meetingDate ?? iepStart(i)));
  const flags: RedFlag[] = [];
  const dateOf = (i: CaseIep) => (i.meetingDate ?? iepStart(i))!;
  meetings.forEach((iep, index) => {
    const held = dateOf(iep);
    const due = oneYearAfter(held);
    const next = meetings[index + 1];
    const nextDate = next ? dateOf(next) : null;
    // With no later IEP in the file, only a file that runs well past the due date shows the review was not held.
    const late = nextDate ? nextDate > due : daysBetween(due, ctx.model.today) > ctx.t.reviewRecordGraceDays;
    if (!late) return;
    const evidence: Provenance[] = [iep.source, ...(next ? [next.source] : [])];
    flags.push({
      key: flagKey('annual_review_overdue', [iep.id]),
      type: 'annual_review_overdue',
      goalIds: [],
      documentIds: [iep.documentId, ...(next ? [next.documentId] : [])],
      description: nextDate
        ? `The IEP meeting after ${formatDisplayDate(held)} was held on ${formatDisplayDate(nextDate)}, ${daysBetween(held, nextDate)} days later (more than a year).`
        : `No IEP meeting on record after ${formatDisplayDate(held)} in records that run to ${formatDisplayDate(ctx.model.today)}: the annual review was due by ${formatDisplayDate(due)}, ${daysBetween(due, ctx.model.today)} days earlier.`,
      evidence,
    });
  });
  return flags;
}

/** Dates an evaluation is known to have happened: evaluation reports, initial and reevaluation IEPs. */
function evaluationDates(ctx: FlagContext): Array<{ date: string; documentId: string; source: Provenance | null }> {
  const fromDocs = ctx.model.documents.filter((d) => d.type === 'evaluation' && d.date).map((d) => ({ date: d.date!, documentId: d.id, source: null }));
  const fromIeps = ctx.model.ieps.filter((i) => (i.type === 'initial' || i.type === 'reevaluation') && (i.meetingDate ?? iepStart(i)))
    .map((i) => ({ date: (i.meetingDate ?? iepStart(i))!, documentId: i.documentId, source: i.source }));
  return [...fromDocs, ...fromIeps].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function reevaluationFlags(ctx: FlagContext): RedFlag[] {
  const evaluations = evaluationDates(ctx);
  const latestIep = iepsChronological(ctx.model).filter((i) => !isAmendment(i)).at(-1);
  const stated = latestIep?.nextReevaluation ?? null;
  const last = evaluations.at(-1);
  const threeYears = last ? oneYearAfter(oneYearAfter(oneYearAfter(last.date))) : null;
  const due = [stated, threeYears].filter((d): d is string => !!d).sort()[0];
  if (!due || daysBetween(due, ctx.model.today) <= ctx.t.reviewRecordGraceDays || (last && stated && last.date >= stated)) return [];
  const documentIds = uniq([...(last ? [last.documentId] : []), ...(latestIep ? [latestIep.documentId] : [])]);
  return [{
    key: flagKey('reevaluation_overdue', [due]),
    type: 'reevaluation_overdue',
    goalIds: [],
    documentIds,
    description:
      `${last ? `Last evaluation on record ${formatDisplayDate(last.date)}; ` : ''}reevaluation was due by ${formatDisplayDate(due)}` +
      `${stated && due === stated ? ` (as the IEP of ${formatDisplayDate(latestIep?.meetingDate ?? null)} states)` : ' (three years)'}, ` +
      `${daysBetween(due, ctx.model.today)} days before ${formatDisplayDate(ctx.model.today)}, and no later evaluation is on record.`,
    evidence: [last?.source, latestIep?.source].filter((p): p is Provenance => !!p),
  }];
}
