// Looking up oral reading fluency norms: the season a date falls in, a grade's percentile cells in
// that season, and the words that cite a cell with its verification tag. The numbers themselves
// are data (orf-hasbrouck-tindal-2017.ts); nothing here knows a norm value.
// Season anchors follow the norms file's advice (../shared/norms/orf-norms.md, section 6):
// fall about Sep 1, winter about Jan 15, spring about Jun 1.
import { daysBetween } from '../text/dates';

export type NormSeason = 'fall' | 'winter' | 'spring';
export const NORM_SEASONS: NormSeason[] = ['fall', 'winter', 'spring'];

/**
 * How a cell was checked when the table was compiled: seen in two independent sources, seen only on
 * one publisher's pages, seen once, or not checked at all.
 */
export type NormVerification = 'two_sources' | 'publisher_only' | 'once' | 'unverified';

export interface OrfNormCell {
  grade: number;
  percentile: number;
  season: NormSeason;
  /** Words correct per minute; null where the table has no norm (grade 1 has no fall norm). */
  wcpm: number | null;
  verification: NormVerification;
}

export interface OrfNormTable {
  id: string;
  /** "Hasbrouck & Tindal 2017": what the wording cites. */
  shortCitation: string;
  citation: string;
  measure: string;
  /** Canonical unit the table is in (shared/timeline/similarity canonicalUnit). */
  unit: string;
  cells: OrfNormCell[];
}

const VERIFICATION_WORDS: Record<NormVerification, string> = {
  two_sources: 'verified in two sources',
  publisher_only: 'verified once, on the publisher Read Naturally\'s pages only',
  once: 'verified once',
  unverified: 'unverified',
};

export function verificationWords(v: NormVerification): string {
  return VERIFICATION_WORDS[v];
}

/** "Hasbrouck & Tindal 2017, verified once": the citation with the cells' tags, each tag once. */
export function citeCells(table: OrfNormTable, cells: OrfNormCell[]): string {
  const tags = [...new Set(cells.map((c) => c.verification))];
  const words = tags.length === 1
    ? verificationWords(tags[0])
    : cells.map((c) => `${c.season} ${verificationWords(c.verification)}`).filter((w, i, all) => all.indexOf(w) === i).join(', ');
  return `${table.shortCitation}, ${words}`;
}

/** The school year a date falls in, by the year it starts: July onwards belongs to the year starting then. */
export function schoolYearStart(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year : year - 1;
}

/** The anchor date of a season in the school year starting in `startYear`. */
export function seasonAnchor(startYear: number, season: NormSeason): string {
  if (season === 'fall') return `${startYear}-09-01`;
  return season === 'winter' ? `${startYear + 1}-01-15` : `${startYear + 1}-06-01`;
}

export interface DatedSeason {
  season: NormSeason;
  /** Start year of the school year the season belongs to. */
  schoolYear: number;
  anchor: string;
}

/**
 * The season a measurement date stands for: the nearest anchor, when it lies within maxDays of the date
 * (a probe in late October is a fall score, one in March is no season's).
 */
export function measurementSeason(date: string, maxDays = 60): DatedSeason | null {
  const start = schoolYearStart(date);
  const candidates = [start - 1, start, start + 1].flatMap((y) => NORM_SEASONS.map((season) => ({ season, schoolYear: y, anchor: seasonAnchor(y, season) })));
  let best: DatedSeason | null = null;
  let bestDays = Infinity;
  for (const c of candidates) {
    const days = Math.abs(daysBetween(c.anchor, date));
    if (days < bestDays) [best, bestDays] = [c, days];
  }
  return best && bestDays <= maxDays ? best : null;
}

/** A goal due this close before a season's anchor is that season's goal (due May 20 is a spring goal). */
const TARGET_GRACE_DAYS = 21;

/**
 * The season a goal's target date is judged against: the last anchor on or before the date (give or
 * take TARGET_GRACE_DAYS), and spring for a date in June, July or August, so a goal due over the
 * summer is judged against the spring norm just past, never against a later season's higher norm.
 */
export function targetSeason(date: string): DatedSeason {
  const start = schoolYearStart(date);
  const month = Number(date.slice(5, 7));
  if (month >= 6 && month <= 8) return { season: 'spring', schoolYear: month >= 7 ? start - 1 : start, anchor: seasonAnchor(month >= 7 ? start - 1 : start, 'spring') };
  const past = [start - 1, start]
    .flatMap((y) => NORM_SEASONS.map((season) => ({ season, schoolYear: y, anchor: seasonAnchor(y, season) })))
    .filter((c) => daysBetween(date, c.anchor) <= TARGET_GRACE_DAYS);
  return past[past.length - 1];
}

/** The grade's cells in a season, highest percentile first, blank cells left out. */
export function seasonCells(table: OrfNormTable, grade: number, season: NormSeason): Array<OrfNormCell & { wcpm: number }> {
  return table.cells
    .filter((c): c is OrfNormCell & { wcpm: number } => c.grade === grade && c.season === season && c.wcpm != null)
    .sort((a, b) => b.percentile - a.percentile);
}

/** One cell with a value, or null when the table leaves it blank (or has no such grade). */
export function normCell(table: OrfNormTable, grade: number, season: NormSeason, percentile: number): (OrfNormCell & { wcpm: number }) | null {
  return seasonCells(table, grade, season).find((c) => c.percentile === percentile) ?? null;
}

/**
 * Where a score sits among the printed percentiles, in words: "below the 10th percentile",
 * "between the 25th and 50th percentiles", "at the 50th percentile", "above the 90th percentile".
 * The table prints five points, so no exact percentile is claimed.
 */
export function percentilePlace(cells: Array<OrfNormCell & { wcpm: number }>, value: number): string {
  const asc = [...cells].sort((a, b) => a.percentile - b.percentile);
  if (!asc.length) return 'not placed (no norm)';
  const th = (p: number) => `${p}th`;
  const equal = asc.find((c) => c.wcpm === value);
  if (equal) return `at the ${th(equal.percentile)} percentile`;
  if (value < asc[0].wcpm) return `below the ${th(asc[0].percentile)} percentile`;
  const last = asc[asc.length - 1];
  if (value > last.wcpm) return `above the ${th(last.percentile)} percentile`;
  const upper = asc.findIndex((c) => c.wcpm > value);
  return `between the ${th(asc[upper - 1].percentile)} and ${th(asc[upper].percentile)} percentiles`;
}
