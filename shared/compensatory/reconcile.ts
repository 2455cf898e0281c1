// Reconciles what the IEPs require with what the service logs show, per service line and period.
// Missed = scheduled - delivered for every logged session (a partial session counts its shortfall);
// stretches no log covers are "no record of delivery", never zero missed.
import type { ServiceSession } from '../domain';
import { addDays } from '../text/dates';
import { intersectRanges, monthsInSession, uncoveredRanges, weeksInSession } from './calendar';
import { normalizeCites } from './cites';
import type {
  CalendarInput, DateRange, MissedByReason, NoRecordRange, PageCite, Reconciliation, ReconciliationPeriod,
  RequiredService, ServiceLogInput, ServiceReconciliation,
} from './types';

interface ServiceLine {
  key: string;
  name: string;
  /** Requirements sorted by start, each clipped to end the day before the next one starts (a new IEP supersedes). */
  spans: Array<RequiredService & { effective: DateRange }>;
}

const STOP_WORDS = new Set(['and', 'the', 'of', 'for', 'in', 'min', 'mins', 'minutes', 'x', 'per', 'weekly', 'week', 'services', 'service']);

function tokens(name: string): Set<string> {
  return new Set(
    name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ')
      .filter((t) => t.length > 1 && !STOP_WORDS.has(t) && !/^\d+x?$/.test(t)),
  );
}

export function serviceLineKey(s: RequiredService): string {
  return s.serviceKey?.trim() || `${[...tokens(s.service)].join(' ')}${s.minutesPerSession ? `|${s.minutesPerSession}` : ''}`;
}

export function buildServiceLines(required: RequiredService[]): ServiceLine[] {
  const lines = new Map<string, ServiceLine>();
  for (const r of required) {
    const key = serviceLineKey(r);
    const line = lines.get(key) ?? { key, name: r.service, spans: [] };
    line.spans.push({ ...r, effective: { start: r.startDate, end: r.endDate } });
    lines.set(key, line);
  }
  for (const line of lines.values()) {
    line.spans.sort((a, b) => a.startDate.localeCompare(b.startDate));
    line.spans.forEach((s, i) => {
      const next = line.spans[i + 1];
      if (next && next.startDate <= s.effective.end) s.effective = { start: s.effective.start, end: addDays(next.startDate, -1) };
    });
  }
  return [...lines.values()];
}

/** How well a logged service name (and session length) fits a service line: 0-1. */
function matchScore(line: ServiceLine, serviceName: string, scheduledMinutes: number | null, date: string | null): number {
  if (line.key === serviceName.trim()) return 1;
  const a = tokens(serviceName);
  const spans = date ? line.spans.filter((s) => s.startDate <= date && date <= s.endDate) : line.spans;
  const candidates = spans.length ? spans : line.spans;
  let best = 0;
  for (const span of candidates) {
    const b = tokens(span.service);
    const shared = [...a].filter((t) => b.has(t)).length;
    const nameScore = shared / Math.max(1, Math.min(a.size, b.size));
    const lengthScore = scheduledMinutes != null && span.minutesPerSession != null
      ? (span.minutesPerSession === scheduledMinutes ? 0.3 : -0.3) : 0;
    best = Math.max(best, nameScore * 0.8 + lengthScore + (spans.includes(span) ? 0.05 : 0));
  }
  return best;
}

function lineFor(lines: ServiceLine[], log: ServiceLogInput, service: string, minutes: number | null, date: string | null): ServiceLine | null {
  if (log.serviceKey) return lines.find((l) => l.key === log.serviceKey) ?? null;
  let best: ServiceLine | null = null;
  let bestScore = 0.45;
  for (const line of lines) {
    const score = matchScore(line, service, minutes, date);
    if (score > bestScore) [best, bestScore] = [line, score];
  }
  return best;
}

/**
 * Who a shortfall belongs to. The log's own attribution wins; a session marked delivered but short is
 * the district's unless its status says the student was absent, left or refused.
 */
function shortfallResponsibility(s: ServiceSession): 'district' | 'student_absence' {
  if (s.responsibility === 'student_absence') return 'student_absence';
  if (s.responsibility === 'district') return 'district';
  const status = s.status ?? '';
  if (/\b(provider|staff|teacher|therapist|specialist|substitute|district|school)\b/i.test(status)) return 'district';
  return /\b(student|child|pupil)\b.*\b(absen|left|refus|tard|ill|sick)|\babsen/i.test(status) ? 'student_absence' : 'district';
}

function reasonLabel(s: ServiceSession, responsibility: string): string {
  const status = s.status?.replace(/\s+/g, ' ').trim();
  if (status) return status;
  return responsibility === 'student_absence' ? 'Student absent' : 'Not delivered (no reason given)';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function frequencyMinutes(span: RequiredService, calendar: CalendarInput | undefined, range: DateRange, period: DateRange): { minutes: number | null; weeks: number | null } {
  const weeks = weeksInSession(calendar, range, period);
  if (span.minutesPerWeek != null) return { minutes: weeks == null ? null : span.minutesPerWeek * weeks, weeks };
  if (span.minutesPerMonth != null) {
    const months = monthsInSession(calendar, range, period);
    return { minutes: months == null ? null : span.minutesPerMonth * months, weeks };
  }
  return { minutes: null, weeks };
}

/** What the IEP frequency requires over `range`, piecewise across the IEPs in effect. */
function iepRequired(line: ServiceLine, calendar: CalendarInput | undefined, range: DateRange, period: DateRange) {
  let minutes: number | null = 0;
  let weeks: number | null = 0;
  for (const span of line.spans) {
    const part = intersectRanges(span.effective, range);
    if (!part) continue;
    const f = frequencyMinutes(span, calendar, part, period);
    minutes = minutes == null || f.minutes == null ? null : minutes + f.minutes;
    weeks = weeks == null || f.weeks == null ? null : weeks + f.weeks;
  }
  return { minutes: minutes == null ? null : Math.round(minutes), weeks: weeks == null ? null : round1(weeks) };
}

function mergeRanges(ranges: DateRange[]): DateRange[] {
  const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
  const out: DateRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= addDays(last.end, 1)) last.end = r.end > last.end ? r.end : last.end;
    else out.push({ ...r });
  }
  return out;
}

interface LineEvidence {
  sessions: Array<{ session: ServiceSession; documentId: string }>;
  sessionCoverage: DateRange[];
  summaries: Array<{ summary: NonNullable<ServiceLogInput['summaries']>[number]; documentId: string }>;
}

/** Reconciles every required service line over one period. */
export function reconcile(
  required: RequiredService[],
  logs: ServiceLogInput[],
  period: ReconciliationPeriod,
  calendar?: CalendarInput,
): Reconciliation {
  const lines = buildServiceLines(required);
  const evidence = new Map<string, LineEvidence>(lines.map((l) => [l.key, { sessions: [], sessionCoverage: [], summaries: [] }]));
  const seen = new Set<string>();
  let unmatchedSessions = 0;

  for (const log of logs) {
    const touched = new Map<string, string[]>();
    for (const session of log.sessions ?? []) {
      // A make-up has nothing scheduled: its length is what was delivered.
      const line = lineFor(lines, log, session.service, session.scheduledMinutes || session.deliveredMinutes, session.date);
      if (!line) { unmatchedSessions++; continue; }
      // The same entry printed in two overlapping log exports is counted once.
      const dedupe = `${line.key}|${session.date}|${session.scheduledMinutes}|${session.deliveredMinutes}|${session.status ?? ''}`;
      touched.set(line.key, [...(touched.get(line.key) ?? []), session.date]);
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      evidence.get(line.key)!.sessions.push({ session, documentId: session.source?.documentId ?? log.documentId });
    }
    for (const [key, dates] of touched) {
      const sorted = [...dates].sort();
      evidence.get(key)!.sessionCoverage.push(log.coverage ?? { start: sorted[0], end: sorted[sorted.length - 1] });
    }
    for (const summary of log.summaries ?? []) {
      const line = lineFor(lines, log, summary.service, null, summary.periodStart);
      if (line) evidence.get(line.key)!.summaries.push({ summary, documentId: summary.source?.documentId ?? log.documentId });
    }
  }

  const services = lines.map((line) => reconcileLine(line, evidence.get(line.key)!, period, calendar));
  const sum = (pick: (s: ServiceReconciliation) => number | null) =>
    services.reduce((acc, s) => acc + (pick(s) ?? 0), 0);
  return {
    period,
    services,
    totals: {
      requiredMinutes: sum((s) => (s.status === 'no_record' ? 0 : s.requiredMinutes)),
      deliveredMinutes: sum((s) => s.deliveredMinutes),
      missedMinutes: sum((s) => s.missedMinutes),
      missedDistrictResponsible: sum((s) => s.missedDistrictResponsible),
      missedStudentAbsence: sum((s) => s.missedStudentAbsence),
      noRecordRequiredMinutes: sum((s) => s.noRecord.reduce((a, r) => a + (r.requiredMinutes ?? 0), 0)),
    },
    unmatchedSessions,
  };
}

function reconcileLine(line: ServiceLine, ev: LineEvidence, period: ReconciliationPeriod, calendar?: CalendarInput): ServiceReconciliation {
  const inPeriod = (d: string) => period.start <= d && d <= period.end;
  const sessions = ev.sessions.filter((s) => inPeriod(s.session.date));
  const sessionRanges = mergeRanges(ev.sessionCoverage.map((c) => intersectRanges(c, period)).filter((c): c is DateRange => !!c));
  // A summary counts only when it lies inside the period and no session-level log already covers it;
  // one straddling the period's edge cannot be apportioned without guessing, so its stretch stays unrecorded.
  const summaries = ev.summaries.filter(({ summary: s }) =>
    s.periodStart && s.periodEnd && s.periodStart >= period.start && s.periodEnd <= period.end &&
    !sessionRanges.some((r) => intersectRanges(r, { start: s.periodStart!, end: s.periodEnd! })));
  const loggedRanges = mergeRanges([
    ...sessionRanges,
    ...summaries.map(({ summary: s }) => ({ start: s.periodStart!, end: s.periodEnd! })),
  ]);

  const byReason = new Map<string, MissedByReason>();
  let required = 0, delivered = 0, district = 0, student = 0, full = 0, partial = 0, missedSessions = 0, madeUp = 0;
  const cites: PageCite[] = [];
  for (const { session: s, documentId } of sessions) {
    // A session held when nothing was scheduled (a make-up) is counted apart: delivered, not required,
    // and it offsets the district's missed minutes.
    if (s.scheduledMinutes === 0 && s.deliveredMinutes > 0) {
      madeUp += s.deliveredMinutes;
      delivered += s.deliveredMinutes;
      if (s.source?.page) cites.push({ documentId, page: s.source.page });
      continue;
    }
    required += s.scheduledMinutes;
    delivered += Math.min(s.deliveredMinutes, s.scheduledMinutes);
    const shortfall = Math.max(0, s.scheduledMinutes - s.deliveredMinutes);
    if (s.source?.page) cites.push({ documentId, page: s.source.page });
    if (shortfall === 0) { full++; continue; }
    if (s.deliveredMinutes > 0) partial++; else missedSessions++;
    const responsibility = shortfallResponsibility(s);
    if (responsibility === 'student_absence') student += shortfall; else district += shortfall;
    const reason = reasonLabel(s, responsibility);
    const entry = byReason.get(reason) ?? { reason, minutes: 0, sessions: 0, responsibility };
    entry.minutes += shortfall;
    entry.sessions++;
    byReason.set(reason, entry);
  }
  if (madeUp > 0) {
    const offset = Math.min(madeUp, district);
    district -= offset;
    byReason.set('Make-up sessions (offset district-responsible minutes)', { reason: 'Make-up sessions (offset district-responsible minutes)', minutes: -offset, sessions: sessions.filter((x) => x.session.scheduledMinutes === 0 && x.session.deliveredMinutes > 0).length, responsibility: 'district' });
  }
  for (const { summary: s, documentId } of summaries) {
    required += s.minutesRequired;
    delivered += s.minutesDelivered;
    district += s.minutesMissedDistrictResponsible;
    student += s.minutesMissedStudentAbsence;
    const unexplained = s.minutesMissed - s.minutesMissedDistrictResponsible - s.minutesMissedStudentAbsence;
    if (unexplained > 0) district += unexplained;
    const reason = 'Missed (log summary, no per-session reasons)';
    const entry = byReason.get(reason) ?? { reason, minutes: 0, sessions: 0, responsibility: 'district' as const };
    entry.minutes += s.minutesMissed - s.minutesMissedStudentAbsence;
    byReason.set(reason, entry);
    if (s.minutesMissedStudentAbsence > 0) {
      const abs = byReason.get('Student absent (log summary)') ?? { reason: 'Student absent (log summary)', minutes: 0, sessions: 0, responsibility: 'student_absence' as const };
      abs.minutes += s.minutesMissedStudentAbsence;
      byReason.set(abs.reason, abs);
    }
    if (s.source?.page) cites.push({ documentId, page: s.source.page });
  }

  const requiredSpans = line.spans.map((s) => intersectRanges(s.effective, period)).filter((r): r is DateRange => !!r);
  const noRecord: NoRecordRange[] = [];
  for (const span of requiredSpans) {
    for (const gap of uncoveredRanges(span, loggedRanges)) {
      const need = iepRequired(line, calendar, gap, period);
      // With a calendar, a gap that holds no school days (summer, a break) required nothing.
      if (need.weeks === 0) continue;
      noRecord.push({ ...gap, requiredMinutes: need.minutes, weeksInSession: need.weeks });
    }
  }

  const hasLog = loggedRanges.length > 0;
  const iepForLogged = hasLog
    ? loggedRanges.reduce<number | null>((acc, r) => {
        const m = iepRequired(line, calendar, r, period).minutes;
        return acc == null || m == null ? null : acc + m;
      }, 0)
    : null;
  const spansInPeriod = line.spans.filter((s) => intersectRanges(s.effective, period));
  const latest = spansInPeriod[spansInPeriod.length - 1];
  const noRecordRequired = noRecord.every((r) => r.requiredMinutes != null)
    ? noRecord.reduce((a, r) => a + (r.requiredMinutes ?? 0), 0) : null;
  return {
    serviceKey: line.key,
    service: line.name,
    period,
    status: !hasLog ? 'no_record' : noRecord.length ? 'partial' : 'logged',
    basis: !hasLog ? 'iep_frequency' : sessions.length ? 'log_scheduled' : 'log_summary',
    requiredMinutes: hasLog ? required : noRecordRequired,
    deliveredMinutes: hasLog ? delivered : null,
    missedMinutes: hasLog ? district + student : null,
    missedDistrictResponsible: hasLog ? district : null,
    missedStudentAbsence: hasLog ? student : null,
    missedByReason: [...byReason.values()].sort((a, b) => b.minutes - a.minutes),
    sessionsScheduled: sessions.length - sessions.filter((x) => x.session.scheduledMinutes === 0 && x.session.deliveredMinutes > 0).length,
    madeUpMinutes: madeUp,
    sessionsFullyDelivered: full,
    sessionsPartial: partial,
    sessionsMissed: missedSessions,
    iepRequiredMinutesForLoggedRange: iepForLogged,
    loggedRanges,
    noRecord,
    cites: normalizeCites(cites),
    requirementCites: normalizeCites(spansInPeriod.flatMap((s) => (s.source ? [{ documentId: s.source.documentId, page: s.source.page }] : []))),
    minutesPerWeek: latest?.minutesPerWeek ?? null,
    minutesPerMonth: latest?.minutesPerMonth ?? null,
  };
}
