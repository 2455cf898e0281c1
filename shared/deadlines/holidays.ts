// Legal holidays for business-day counting (34 CFR 300.11(b): Monday-Friday except federal and state holidays):
// the federal public holidays joined with the state's own, with the weekday a weekend holiday is observed on.
// They come from the date-holidays library (ISC; data CC-BY-3.0) through holidays-table.ts, which
// scripts/holidays.ts generates from it (loading the library itself would cost every command about half a
// second). A district calendar's own list (DistrictCalendar.legalHolidays) replaces this one (see calendar.ts).
import { FIRST_YEAR, LABELS, LAST_YEAR, TABLE } from './holidays-table';
import type { Jurisdiction } from './types';

export interface Holiday {
  date: string;
  label: string;
}

/** Federal holidays plus the state's own legal holidays for one calendar year ([] outside the table's years). */
export function legalHolidays(jurisdiction: Jurisdiction | null, year: number): Holiday[] {
  const row = TABLE[jurisdiction ?? 'US'][year - FIRST_YEAR];
  if (year > LAST_YEAR || !row) return [];
  return row.split(' ').map((entry) => {
    const [mmdd, label] = entry.split(':');
    return { date: `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`, label: LABELS[Number(label)] };
  });
}
