// Legal holidays for business-day counting (34 CFR 300.11(b): Monday-Friday except federal and state holidays),
// from the date-holidays library (ISC; data CC-BY-3.0): the federal list (5 USC 6103) joined with the state's
// own public holidays, with the weekday a weekend holiday is observed on. A district calendar's own list
// (DistrictCalendar.legalHolidays) replaces this one (see calendar.ts).
import Holidays from 'date-holidays';
import type { Jurisdiction } from './types';

export interface Holiday {
  date: string;
  label: string;
}

const sources = new Map<string, Holidays>();
function source(region: string): Holidays {
  let found = sources.get(region);
  if (!found) {
    found = region === 'US' ? new Holidays('US', { languages: 'en' }) : new Holidays('US', region, { languages: 'en' });
    sources.set(region, found);
  }
  return found;
}

/** Public holidays, and the weekday a weekend one is observed on, of one source for one year. */
function publicHolidays(region: string, year: number): Holiday[] {
  return source(region)
    .getHolidays(year)
    .filter((h) => h.type === 'public' || h.substitute)
    .map((h) => ({ date: h.date.slice(0, 10), label: h.name.replace(/ \(substitute day\)$/, ' (observed)') }));
}

const byYear = new Map<string, readonly Holiday[]>();

/** Federal holidays plus the state's own legal holidays for one calendar year. */
export function legalHolidays(jurisdiction: Jurisdiction | null, year: number): readonly Holiday[] {
  const key = `${jurisdiction ?? 'US'}:${year}`;
  const known = byYear.get(key);
  if (known) return known;
  const byDate = new Map<string, string>();
  const regions = jurisdiction && jurisdiction !== 'US' ? ['US', jurisdiction] : ['US'];
  for (const region of regions) for (const h of publicHolidays(region, year)) if (!byDate.has(h.date)) byDate.set(h.date, h.label);
  const list = [...byDate].map(([date, label]) => Object.freeze({ date, label })).sort((a, b) => a.date.localeCompare(b.date));
  byYear.set(key, Object.freeze(list));
  return list;
}
