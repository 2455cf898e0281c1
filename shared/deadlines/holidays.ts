// Built-in legal-holiday table for business-day counting (34 CFR 300.11(b): Monday-Friday except federal and
// state holidays). Built from memory of 5 USC 6103 and the state holiday statutes, NOT verified against the
// current statutes: the user can replace it per district calendar (DistrictCalendar.legalHolidays).
import type { Jurisdiction } from './types';

export interface Holiday {
  date: string;
  label: string;
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The nth (1-based) weekday (0 = Sunday) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const firstDow = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return iso(year, month, 1 + ((weekday - firstDow + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lastDow = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  return iso(year, month, lastDay - ((lastDow - weekday + 7) % 7));
}

/** A fixed-date holiday that falls on a weekend is observed on the Friday before or the Monday after. */
function observed(year: number, month: number, day: number): string {
  const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const shift = dow === 6 ? -1 : dow === 0 ? 1 : 0;
  const d = new Date(Date.UTC(year, month - 1, day + shift));
  return d.toISOString().slice(0, 10);
}

function fixed(year: number, month: number, day: number, label: string): Holiday[] {
  const actual = iso(year, month, day);
  const obs = observed(year, month, day);
  return obs === actual ? [{ date: actual, label }] : [{ date: actual, label }, { date: obs, label: `${label} (observed)` }];
}

function federal(year: number): Holiday[] {
  return [
    ...fixed(year, 1, 1, "New Year's Day"),
    { date: nthWeekday(year, 1, 1, 3), label: 'Birthday of Martin Luther King, Jr.' },
    { date: nthWeekday(year, 2, 1, 3), label: "Washington's Birthday" },
    { date: nthWeekday(year, 5, 1, -1), label: 'Memorial Day' },
    ...(year >= 2021 ? fixed(year, 6, 19, 'Juneteenth National Independence Day') : []),
    ...fixed(year, 7, 4, 'Independence Day'),
    { date: nthWeekday(year, 9, 1, 1), label: 'Labor Day' },
    { date: nthWeekday(year, 10, 1, 2), label: 'Columbus Day' },
    ...fixed(year, 11, 11, 'Veterans Day'),
    { date: nthWeekday(year, 11, 4, 4), label: 'Thanksgiving Day' },
    ...fixed(year, 12, 25, 'Christmas Day'),
  ];
}

const dayAfter = (isoDate: string) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

function stateExtras(state: Jurisdiction, year: number): Holiday[] {
  switch (state) {
    case 'CA': // Gov. Code 6700 (from memory)
      return [
        ...fixed(year, 2, 12, "Lincoln's Birthday"),
        ...fixed(year, 3, 31, 'Cesar Chavez Day'),
        { date: nthWeekday(year, 9, 5, 4), label: 'Native American Day' },
        { date: dayAfter(nthWeekday(year, 11, 4, 4)), label: 'Day after Thanksgiving' },
      ];
    case 'MS': // Miss. Code 3-3-7 (from memory)
      return [{ date: nthWeekday(year, 4, 1, -1), label: 'Confederate Memorial Day' }];
    case 'MO': // RSMo 9.010 (from memory)
      return [...fixed(year, 2, 12, "Lincoln's Birthday"), ...fixed(year, 5, 8, 'Truman Day')];
    default:
      return [];
  }
}

/** Federal holidays plus the state's own legal holidays for one calendar year. */
export function legalHolidays(jurisdiction: Jurisdiction | null, year: number): Holiday[] {
  const list = [...federal(year), ...(jurisdiction && jurisdiction !== 'US' ? stateExtras(jurisdiction, year) : [])];
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/** Set of holiday dates for the years touched by [fromYear, toYear]. */
export function legalHolidaySet(jurisdiction: Jurisdiction | null, fromYear: number, toYear: number): Map<string, string> {
  const map = new Map<string, string>();
  for (let y = fromYear; y <= toYear; y++) for (const h of legalHolidays(jurisdiction, y)) map.set(h.date, h.label);
  return map;
}
