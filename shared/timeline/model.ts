// The case model the timeline, charts and red flags read: extraction results merged with the user's
// corrections, given ids. The lead builds it from the database; tests build it by hand.
import type {
  DocType,
  ExtractedGoal,
  ExtractedIep,
  ExtractedProgressReport,
  ProgressEntry,
  ServiceDeliverySummary,
  ServiceSession,
  TestScore,
} from '../domain';
import { addDays, daysBetween } from '../text/dates';
import { goalTokens, labelSimilarity, sameUnit, skillCompatibility } from './similarity';

export type CaseGoal = ExtractedGoal & {
  id: string;
  iepId: string;
  documentId: string;
  /** A goal of the IEP before, printed inside IEP iepId (kept apart from that IEP's own goals). */
  priorYear?: boolean;
};
export type CaseIep = Omit<ExtractedIep, 'goals' | 'priorGoals' | 'priorProgress'> & {
  id: string;
  documentId: string;
  goals: CaseGoal[];
  priorGoals?: CaseGoal[];
  /** Progress printed with the prior-year goals, each entry tied to its prior goal (or the earlier IEP's goal it is). */
  priorProgress?: CaseProgressEntry[];
};
export type CaseProgressEntry = ProgressEntry & { goalId: string | null };
export type CaseProgressReport = Omit<ExtractedProgressReport, 'entries'> & {
  documentId: string;
  iepId: string | null;
  entries: CaseProgressEntry[];
};
export type CaseTestScore = TestScore & { documentId: string };
export type CaseServiceDelivery = ServiceDeliverySummary & { documentId: string };
export type CaseServiceSession = ServiceSession & { documentId: string };

export interface CaseDocument {
  id: string;
  fileName: string;
  type: DocType;
  date: string | null;
}

export interface CaseModel {
  student: {
    name: string | null;
    dob: string | null;
    /** Enrolled grade by school year ("2023-24" -> "4"), when known. */
    grades?: Record<string, string>;
  };
  documents: CaseDocument[];
  ieps: CaseIep[];
  progressReports: CaseProgressReport[];
  testScores: CaseTestScore[];
  serviceDelivery: CaseServiceDelivery[];
  /** Logged sessions, when the lead has them: the timeline draws runs of missed sessions as gaps. */
  serviceSessions?: CaseServiceSession[];
  /** ISO date the case is judged at (overdue reviews, late reports). */
  today: string;
}

/** The date an IEP takes effect: its start date, else its meeting date. */
export function iepStart(iep: Pick<ExtractedIep, 'startDate' | 'meetingDate'>): string | null {
  return iep.startDate ?? iep.meetingDate;
}

export function isAmendment(iep: Pick<ExtractedIep, 'type'>): boolean {
  return iep.type === 'amendment' || iep.type === 'revision';
}

/** IEPs in the order they took effect (undated ones last, stable otherwise). */
export function iepsChronological(model: Pick<CaseModel, 'ieps'>): CaseIep[] {
  return [...model.ieps].sort((a, b) => compareDates(iepStart(a), iepStart(b)));
}

export function compareDates(a: string | null | undefined, b: string | null | undefined): number {
  if (a && b) return a < b ? -1 : a > b ? 1 : 0;
  return a ? -1 : b ? 1 : 0;
}

/**
 * The full (non-amendment) IEP an amendment belongs to: the one whose meeting date it names,
 * else the latest full IEP that started on or before it.
 */
export function baseIepOf(model: Pick<CaseModel, 'ieps'>, iep: CaseIep): CaseIep {
  if (!isAmendment(iep)) return iep;
  const full = iepsChronological(model).filter((i) => !isAmendment(i));
  const named = iep.amendsMeetingDate ? full.find((i) => i.meetingDate === iep.amendsMeetingDate) : undefined;
  if (named) return named;
  const start = iepStart(iep);
  const before = full.filter((i) => start && iepStart(i) && iepStart(i)! <= start);
  return before[before.length - 1] ?? iep;
}

/** The full IEP in effect on a date: the latest one that started on or before it. */
export function fullIepInEffect(model: Pick<CaseModel, 'ieps'>, date: string | null): CaseIep | null {
  const full = iepsChronological(model).filter((i) => !isAmendment(i));
  if (!date) return full[full.length - 1] ?? null;
  const started = full.filter((i) => iepStart(i) && iepStart(i)! <= date);
  return started[started.length - 1] ?? null;
}

/** When a full IEP's period ends: the day before the next full IEP starts, else its own end date. */
export function iepPeriodEnd(model: Pick<CaseModel, 'ieps'>, iep: CaseIep): string | null {
  const full = iepsChronological(model).filter((i) => !isAmendment(i));
  const next = full.find((i) => compareDates(iepStart(i), iepStart(iep)) > 0);
  const nextStart = next ? iepStart(next) : null;
  if (nextStart && (!iep.endDate || nextStart <= iep.endDate)) return nextStart;
  return iep.endDate;
}

/**
 * Goals in effect under a full IEP on a date: its own goals plus those added by its amendments
 * dated on or before the date. An amendment goal with the same number as an earlier one replaces it.
 */
export function goalsInEffect(model: Pick<CaseModel, 'ieps'>, base: CaseIep, date: string | null): CaseGoal[] {
  const amendments = iepsChronological(model).filter(
    (i) => isAmendment(i) && baseIepOf(model, i).id === base.id && (!date || !iepStart(i) || iepStart(i)! <= date),
  );
  const goals = [...base.goals];
  for (const amendment of amendments) {
    for (const goal of amendment.goals) {
      const replaced = goal.number != null ? goals.findIndex((g) => g.number === goal.number) : -1;
      if (replaced >= 0) goals[replaced] = goal;
      else goals.push(goal);
    }
  }
  return goals;
}

/** How well a progress entry fits a goal, 0..1, from the label it prints and the unit of its data. */
function entryGoalFit(entry: CaseProgressEntry, goal: CaseGoal): number {
  let fit = 0;
  if (entry.goalLabel) {
    const labelTokens = goalTokens(entry.goalLabel);
    const goalText = `${goal.area ?? ''} ${goal.text}`;
    const skills = skillCompatibility(entry.goalLabel, goalText);
    if (skills === 'different') return 0;
    fit += 0.5 * labelSimilarity(labelTokens, goalTokens(goalText)) + (skills === 'same' ? 0.35 : 0);
  }
  const unit = entry.dataPoints.find((p) => p.unit)?.unit ?? null;
  if (unit && goal.unit && sameUnit(unit, goal.unit)) fit += 0.3;
  return fit;
}

/** Minimum fit for an entry to be matched by label and unit when its goal number does not decide. */
const MIN_ENTRY_FIT = 0.3;

function matchEntry(entry: CaseProgressEntry, goals: CaseGoal[]): string | null {
  const byNumber = entry.goalNumber != null ? goals.filter((g) => g.number === entry.goalNumber) : [];
  // A number match is trusted unless the printed label clearly names another skill.
  if (byNumber.length === 1 && (!entry.goalLabel || entryGoalFit(entry, byNumber[0]) > 0 || !goals.some((g) => entryGoalFit(entry, g) >= MIN_ENTRY_FIT))) {
    return byNumber[0].id;
  }
  const candidates = byNumber.length > 1 ? byNumber : goals;
  let best: { id: string; fit: number } | null = null;
  for (const goal of candidates) {
    const fit = entryGoalFit(entry, goal);
    if (fit >= MIN_ENTRY_FIT && (!best || fit > best.fit)) best = { id: goal.id, fit };
  }
  return best?.id ?? null;
}

/** The date a report speaks for: its own date, else the end of the period it covers. */
export function reportDate(report: Pick<ExtractedProgressReport, 'reportDate' | 'periodEnd'>): string | null {
  return report.reportDate ?? report.periodEnd;
}

/**
 * Assigns each progress report to the full IEP it reports on (the one whose meeting date it prints,
 * else the one in effect at its date) and each entry to a goal of that IEP or its amendments
 * (by goal number, then by label and unit). Ids the user already set are kept.
 */
export function resolveProgressGoals(model: CaseModel): CaseModel {
  const progressReports = model.progressReports.map((report) => {
    const date = reportDate(report);
    const named = report.iepMeetingDate
      ? model.ieps.find((i) => !isAmendment(i) && i.meetingDate === report.iepMeetingDate)
      : undefined;
    const iep = (report.iepId ? model.ieps.find((i) => i.id === report.iepId) : undefined) ?? named ?? fullIepInEffect(model, date);
    if (!iep) return report;
    const base = baseIepOf(model, iep);
    const goals = goalsInEffect(model, base, date);
    const entries = report.entries.map((entry) => (entry.goalId ? entry : { ...entry, goalId: matchEntry(entry, goals) }));
    return { ...report, iepId: report.iepId ?? base.id, entries };
  });
  return { ...model, progressReports };
}

export interface GoalDataPoint {
  date: string;
  value: number;
  unit: string | null;
  source: import('../domain').Provenance;
  reportDocumentId: string;
  code: string | null;
}

/** Dated data points reported for each goal, oldest first, each once (undated points cannot be charted and are left out). */
export function dataPointsByGoal(model: Pick<CaseModel, 'progressReports'> & Partial<Pick<CaseModel, 'ieps'>>): Map<string, GoalDataPoint[]> {
  const byGoal = new Map<string, GoalDataPoint[]>();
  // Progress printed with an IEP's prior-year goals reads as a report of that IEP's document, dated by its points.
  const printed = (model.ieps ?? []).filter((i) => i.priorProgress?.length).map((i) => ({ documentId: i.documentId, reportDate: null, periodEnd: null, entries: i.priorProgress! }));
  const reports = [...model.progressReports, ...printed];
  const reportDates = new Map(reports.map((r) => [r.documentId, reportDate(r)] as const));
  for (const report of reports) {
    for (const entry of report.entries) {
      if (!entry.goalId) continue;
      for (const point of entry.dataPoints) {
        const date = point.date ?? reportDate(report);
        if (!date) continue;
        const list: GoalDataPoint[] = byGoal.get(entry.goalId) ?? [];
        const item: GoalDataPoint = { date, value: point.value, unit: point.unit, source: point.source, reportDocumentId: report.documentId, code: entry.code };
        // Reports that reprint the year's grid repeat earlier periods' data: one point per date and
        // value, kept as the earliest report printed it.
        const same = list.findIndex((p) => p.date === date && p.value === point.value);
        if (same >= 0) {
          if (compareDates(reportDate(report), reportDates.get(list[same].reportDocumentId)) < 0) list[same] = item;
          continue;
        }
        list.push(item);
        byGoal.set(entry.goalId, list);
      }
    }
  }
  for (const list of byGoal.values()) list.sort((a, b) => compareDates(a.date, b.date));
  return byGoal;
}

export function goalById(model: Pick<CaseModel, 'ieps'>): Map<string, CaseGoal> {
  return new Map(model.ieps.flatMap((iep) => iep.goals.map((g) => [g.id, g] as const)));
}

/** Goals of every IEP with the prior-year goals printed inside them: what goal lineages are made of. */
export function lineageGoalById(model: Pick<CaseModel, 'ieps'>): Map<string, CaseGoal> {
  return new Map(model.ieps.flatMap((iep) => [...iep.goals, ...(iep.priorGoals ?? [])].map((g) => [g.id, g] as const)));
}

/**
 * The IEP year a prior-year goal stands for when the IEP it came from is not in the case: the year
 * before its host IEP, ending the day before the host starts (or on the goal's own date), no amendment.
 */
export function priorYearIep(host: CaseIep): CaseIep {
  const start = iepStart(host);
  const dates = (host.priorGoals ?? []).map((g) => g.targetDate).filter((d): d is string => !!d).sort();
  const end = dates[dates.length - 1] ?? (start ? addDays(start, -1) : null);
  return {
    ...host,
    id: `${host.id}#prior`,
    type: null,
    meetingDate: null,
    startDate: end ? addDays(end, -364) : null,
    endDate: end,
    amendsMeetingDate: null,
    goals: host.priorGoals ?? [],
    priorGoals: [],
    services: [],
  };
}

export function iepById(model: Pick<CaseModel, 'ieps'>): Map<string, CaseIep> {
  return new Map(model.ieps.map((i) => [i.id, i] as const));
}

/** School year of a date, July-June ("2023-10-10" -> "2023-24"). */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 7 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Years between two dates, for wording ("about 2.5 years"). */
export function yearsBetween(from: string, to: string): number {
  return daysBetween(from, to) / 365.25;
}
