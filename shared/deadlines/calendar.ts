// Day counting for deadlines: calendar, business and school days, and California's break tolling (§9 of
// ../shared/rules/deadlines.md). Convention: the day after the trigger is day 1 unless a rule says otherwise.
import { addDays } from '../text/dates';
import { legalHolidays } from './holidays';
import type { DistrictCalendar, Jurisdiction } from './types';

export const isWeekend = (isoDate: string) => {
  const dow = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
};

/** Same month and day N years later; Feb 29 falls back to Feb 28 (§9). Negative n counts back. */
export function addYears(isoDate: string, years: number): string {
  return addMonths(isoDate, years * 12);
}

/** Same day N months later, clamped to the month's last day. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Every ISO date from start to end inclusive. */
export function eachDay(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** A run of non-instructional days between two instructional days, as California's tolling rule sees it. */
export interface CalendarGap {
  start: string;
  end: string;
  /** Weekdays in the gap that are not legal holidays: the schooldays lost. */
  schooldaysLost: number;
  /** Between two school years/terms (summer, intersession): always excluded. */
  betweenTerms: boolean;
  /** Excluded from California's counts: between terms, or more than 5 schooldays lost. */
  excluded: boolean;
}

export interface DayCounter {
  readonly calendar: DistrictCalendar | null;
  isLegalHoliday(isoDate: string): boolean;
  isBusinessDay(isoDate: string, closuresAreNonBusinessDays?: boolean): boolean;
  /** Null when the date lies outside the calendar's terms' span (or there is no calendar): unknown. */
  isSchoolDay(isoDate: string): boolean | null;
  /** First and last instructional day the calendar covers. */
  coverage(): { first: string; last: string } | null;
  gaps(): CalendarGap[];
  addCalendarDays(trigger: string, n: number, triggerIsDayOne?: boolean): string;
  addBusinessDays(trigger: string, n: number, opts?: { backward?: boolean; closuresAreNonBusinessDays?: boolean }): string;
  /** Null when the count runs past the calendar (§9: "cannot compute; enter next year's calendar"). */
  addSchoolDays(trigger: string, n: number, backward?: boolean): string | null;
  /** California tolling (Ed Code 56321, 56344, 56343.5). Null when there is no calendar covering the count. */
  addCalendarDaysExcludingCaBreaks(trigger: string, n: number): string | null;
  /** The term containing the date, or the next term starting after it. */
  termOf(isoDate: string): { index: number; firstDay: string; lastDay: string } | null;
  nextTermAfter(isoDate: string): { firstDay: string; lastDay: string } | null;
}

export function makeDayCounter(calendar: DistrictCalendar | null, state: Jurisdiction | null): DayCounter {
  const holidayCache = new Map<number, Set<string>>();
  const customHolidays = calendar?.legalHolidays ? new Set(calendar.legalHolidays.map((h) => h.date)) : null;
  const closureDays = new Set<string>();
  for (const c of calendar?.closures ?? []) for (const d of eachDay(c.start, c.end < c.start ? c.start : c.end)) closureDays.add(d);
  const extraDays = new Set(calendar?.extraSchoolDays ?? []);
  const terms = [...(calendar?.terms ?? [])].sort((a, b) => a.firstDay.localeCompare(b.firstDay));

  const isLegalHoliday = (d: string) => {
    if (customHolidays) return customHolidays.has(d);
    const year = Number(d.slice(0, 4));
    let set = holidayCache.get(year);
    if (!set) holidayCache.set(year, (set = new Set(legalHolidays(state, year).map((h) => h.date))));
    return set.has(d);
  };

  const isBusinessDay = (d: string, closuresCount = calendar?.closuresAreNonBusinessDays ?? false) =>
    !isWeekend(d) && !isLegalHoliday(d) && !(closuresCount && closureDays.has(d));

  const inTerm = (d: string) => terms.some((t) => t.firstDay <= d && d <= t.lastDay);
  const coverage = () => (terms.length ? { first: terms[0].firstDay, last: terms[terms.length - 1].lastDay } : null);

  const isSchoolDay = (d: string): boolean | null => {
    const span = coverage();
    if (!span || d < span.first || d > span.last) return null;
    if (!inTerm(d)) return false;
    if (extraDays.has(d)) return true;
    return !isWeekend(d) && !closureDays.has(d);
  };

  let gapCache: CalendarGap[] | null = null;
  const gaps = (): CalendarGap[] => {
    if (gapCache) return gapCache;
    const span = coverage();
    const found: CalendarGap[] = [];
    if (span) {
      let lastSchoolDay: string | null = null;
      for (let d = span.first; d <= span.last; d = addDays(d, 1)) {
        if (!isSchoolDay(d)) continue;
        if (lastSchoolDay && addDays(lastSchoolDay, 1) !== d) {
          const start = addDays(lastSchoolDay, 1);
          const end = addDays(d, -1);
          const lost = eachDay(start, end).filter((x) => !isWeekend(x) && !isLegalHoliday(x)).length;
          const betweenTerms = !terms.some((t) => t.firstDay <= lastSchoolDay! && d <= t.lastDay);
          found.push({ start, end, schooldaysLost: lost, betweenTerms, excluded: betweenTerms || lost > 5 });
        }
        lastSchoolDay = d;
      }
    }
    return (gapCache = found);
  };

  const termOf = (d: string) => {
    const index = terms.findIndex((t) => d <= t.lastDay);
    return index < 0 ? null : { index, firstDay: terms[index].firstDay, lastDay: terms[index].lastDay };
  };

  return {
    calendar,
    isLegalHoliday,
    isBusinessDay,
    isSchoolDay,
    coverage,
    gaps,
    termOf,
    nextTermAfter: (d) => terms.find((t) => t.firstDay > d) ?? null,
    addCalendarDays: (trigger, n, triggerIsDayOne = false) => addDays(trigger, triggerIsDayOne ? n - 1 : n),
    addBusinessDays(trigger, n, opts = {}) {
      const step = opts.backward ? -1 : 1;
      let d = trigger;
      for (let counted = 0; counted < n; ) {
        d = addDays(d, step);
        if (isBusinessDay(d, opts.closuresAreNonBusinessDays)) counted++;
      }
      return d;
    },
    addSchoolDays(trigger, n, backward = false) {
      const step = backward ? -1 : 1;
      let d = trigger;
      for (let counted = 0; counted < n; ) {
        d = addDays(d, step);
        const school = isSchoolDay(d);
        if (school === null) return null;
        if (school) counted++;
      }
      return d;
    },
    addCalendarDaysExcludingCaBreaks(trigger, n) {
      const span = coverage();
      if (!span) return null;
      const excluded = gaps().filter((g) => g.excluded);
      const isExcluded = (d: string) => excluded.some((g) => g.start <= d && d <= g.end);
      let d = trigger;
      for (let counted = 0; counted < n; ) {
        d = addDays(d, 1);
        // Outside the entered terms we cannot tell a school day from summer: refuse to guess.
        if (d < span.first || d > span.last) return null;
        if (!isExcluded(d)) counted++;
      }
      return d;
    },
  };
}
