// Dates a goal is written with that name only a month ("by 06/2023", "By January 2021", "through
// June 2025"): the goal is due by the end of that month, so each reads as the month's last day.
import { isoDate } from '../text/dates';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

export interface MonthDate {
  iso: string;
  index: number;
  length: number;
  text: string;
}

const lastDay = (year: number, month: number): string | null => {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, days);
};

/** Month-and-year dates not part of a full date: "06/2023", "June 2025", "Jan. 2021". */
export function findMonthDates(text: string): MonthDate[] {
  const found: MonthDate[] = [];
  const numeric = /(?<![\d/.-])(\d{1,2})\/(\d{4})\b(?![/.-]\d)/g;
  let m: RegExpExecArray | null;
  while ((m = numeric.exec(text))) {
    const iso = lastDay(+m[2], +m[1]);
    if (iso && +m[1] >= 1 && +m[1] <= 12) found.push({ iso, index: m.index, length: m[0].length, text: m[0] });
  }
  // "the 15th of June 2026": a full date written day first, not the month alone.
  const dayOf = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+)?of\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(\d{4})\b/gi;
  while ((m = dayOf.exec(text))) {
    const iso = isoDate(+m[3], MONTHS[m[2].slice(0, 3).toLowerCase()], +m[1]);
    if (iso) found.push({ iso, index: m.index, length: m[0].length, text: m[0] });
  }
  const within = (i: number) => found.some((f) => i >= f.index && i < f.index + f.length);
  const named = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(\d{4})\b/gi;
  while ((m = named.exec(text))) {
    const iso = lastDay(+m[2], MONTHS[m[1].slice(0, 3).toLowerCase()]);
    if (iso && !within(m.index)) found.push({ iso, index: m.index, length: m[0].length, text: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}
