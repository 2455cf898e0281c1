// Weeks in session over a date range, from school calendars or a bare week count. Pure date arithmetic in UTC.
import { addDays, daysBetween } from '../text/dates';
import type { CalendarInput, DateRange, ReconciliationPeriod, SchoolCalendar } from './types';

const maxIso = (a: string, b: string) => (a > b ? a : b);
const minIso = (a: string, b: string) => (a < b ? a : b);

export function intersectRanges(a: DateRange, b: DateRange): DateRange | null {
  const start = maxIso(a.start, b.start);
  const end = minIso(a.end, b.end);
  return start <= end ? { start, end } : null;
}

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

function isClosed(cal: SchoolCalendar, iso: string): boolean {
  if (cal.closedDates?.includes(iso)) return true;
  return (cal.closedRanges ?? []).some((r) => r.start <= iso && iso <= r.end);
}

/** Instructional days (weekdays, not closed) of the calendars inside the range. */
export function instructionalDays(calendars: SchoolCalendar[], range: DateRange): number {
  let days = 0;
  for (const cal of calendars) {
    const span = intersectRanges(range, { start: cal.firstDay, end: cal.lastDay });
    if (!span) continue;
    for (let d = span.start; d <= span.end; d = addDays(d, 1)) {
      const wd = weekday(d);
      if (wd !== 0 && wd !== 6 && !isClosed(cal, d)) days++;
    }
  }
  return days;
}

/**
 * Weeks in session inside `range`. With day-level calendars: instructional days / 5. With only a week
 * count for the whole period: that count apportioned by calendar days. Null when nothing was given.
 */
export function weeksInSession(calendar: CalendarInput | undefined, range: DateRange, period: DateRange): number | null {
  if (calendar?.years?.length) return instructionalDays(calendar.years, range) / 5;
  if (calendar?.weeksInSession != null) {
    const whole = daysBetween(period.start, period.end) + 1;
    const part = daysBetween(range.start, range.end) + 1;
    return whole > 0 ? (calendar.weeksInSession * part) / whole : null;
  }
  return null;
}

/**
 * Months in session inside `range`, for services written per month. Each calendar month counts in
 * proportion to how many of its instructional days fall in the range, so a month the school is open
 * all of counts 1 and one split by the range counts its share. Without day-level calendars, weeks / (52/12).
 */
export function monthsInSession(calendar: CalendarInput | undefined, range: DateRange, period: DateRange): number | null {
  if (calendar?.years?.length) {
    let months = 0;
    for (let m = range.start.slice(0, 7); m <= range.end.slice(0, 7); m = nextMonth(m)) {
      const whole = { start: `${m}-01`, end: addDays(`${nextMonth(m)}-01`, -1) };
      const inMonth = instructionalDays(calendar.years, whole);
      const part = intersectRanges(whole, range);
      if (inMonth > 0 && part) months += instructionalDays(calendar.years, part) / inMonth;
    }
    return months;
  }
  const weeks = weeksInSession(calendar, range, period);
  return weeks == null ? null : weeks / (52 / 12);
}

function nextMonth(yyyyMm: string): string {
  const [y, m] = yyyyMm.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The July-June school year named like "2023-24" or "2023-2024" (the fixture convention and most US states'). */
export function schoolYearPeriod(label: string): ReconciliationPeriod {
  const m = /^(\d{4})\s*[-–/]\s*(\d{2}|\d{4})$/.exec(label.trim());
  if (!m) throw new Error(`Not a school year: ${label}`);
  const first = Number(m[1]);
  return { kind: 'school_year', label: `${first}-${String(first + 1).slice(2)}`, start: `${first}-07-01`, end: `${first + 1}-06-30` };
}

/** Ranges of `outer` that none of `covered` touch, in order. */
export function uncoveredRanges(outer: DateRange, covered: DateRange[]): DateRange[] {
  const parts = covered
    .map((c) => intersectRanges(c, outer))
    .filter((c): c is DateRange => c !== null)
    .sort((a, b) => a.start.localeCompare(b.start));
  const gaps: DateRange[] = [];
  let cursor = outer.start;
  for (const c of parts) {
    if (c.start > cursor) gaps.push({ start: cursor, end: addDays(c.start, -1) });
    if (c.end >= cursor) cursor = addDays(c.end, 1);
  }
  if (cursor <= outer.end) gaps.push({ start: cursor, end: outer.end });
  return gaps;
}
