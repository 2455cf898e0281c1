// Where a score table's test and dates come from when its rows do not say: the heading of its section
// ("ACADEMIC ACHIEVEMENT - WIAT-4"), the caption between heading and table ("administered 04/09/2024";
// "WIAT-4 administered 10/14/2021 and CELF-5 administered 10/19/2021"), a period's date printed near
// the table ("BOY 09/19/2023"), and the dates the report gives each test anywhere
// ("Dates of Testing: 04/09/2024 (WIAT-4)", "Wechsler ... (WIAT-4) - 04/09/2024").
import { findDates } from '../../../shared/text/dates';
import { phraseCells } from '../layout/header-columns';
import type { LayoutLine } from './layout';
import { TEST_NAMES, TEST_WORDS } from './vocab/scores';

export interface CaptionDate {
  iso: string;
  /** The clause the date is printed in ("WIAT-4 administered 10/14/2021"). */
  clause: string;
}

export interface ScoreContext {
  /** The test the section names, or null. */
  test: string | null;
  /** The section's administration date ("administered 04/09/2024"), or null. */
  date: string | null;
  /** Every date in the section's captions, with its clause. */
  captions: CaptionDate[];
  doc: DocumentScoreDates;
}

export interface DocumentScoreDates {
  /** Dates the report prints beside each test's name, by test key. */
  byTest: Map<string, string[]>;
  /** A testing date the report states without naming a test. */
  testing: string | null;
}

const ADMINISTERED = /administer|\btested\b|testing|assessed|given\s+on|date\s+of\s+(?:testing|assessment|evaluation)|test(?:ing)?\s+dates?|assessment\s+dates?/i;
const REPORT_DATE = /date\s+(?:of\s+)?(?:testing|evaluation|assessment|report)|report\s+date|evaluation\s+date|dates?\s+tested/i;

/** "WIAT-4", "WIAT 4" and "wiat-4" are one test. */
export const testKey = (name: string) => name.toLowerCase().replace(/®/g, '').replace(/[^a-z0-9]+/g, '');

/** The first published test a text names, as printed (registered marks dropped). */
export function testNameIn(text: string): { name: string; index: number; end: number } | null {
  let best: { name: string; index: number; end: number } | null = null;
  for (const re of TEST_NAMES) {
    const m = re.exec(text);
    if (!m) continue;
    const start = m.index + m[0].indexOf(m[1]);
    if (!best || start < best.index) best = { name: m[1].replace(/®/g, '').replace(/\s+/g, ' ').trim(), index: start, end: start + m[1].length };
  }
  return best;
}

/** Clauses of a caption line: "A administered X and B administered Y; C ..." */
function clauses(text: string): string[] {
  return text.split(/;|\s+and\s+(?=[A-Z])/);
}

export function documentScoreDates(lines: LayoutLine[]): DocumentScoreDates {
  const byTest = new Map<string, string[]>();
  let testing: string | null = null;
  for (const line of lines) {
    for (const clause of clauses(line.text)) {
      const dates = findDates(clause);
      if (dates.length === 0) continue;
      const test = testNameIn(clause);
      if (test && dates.length === 1) {
        const key = testKey(test.name);
        byTest.set(key, [...new Set([...(byTest.get(key) ?? []), dates[0].iso])]);
      } else if (!testing && REPORT_DATE.test(clause) && /test|assess|evaluat/i.test(clause) && !/report\s+date|date\s+of\s+report/i.test(clause)) {
        testing = dates[0].iso;
      }
    }
  }
  return { byTest, testing };
}

const isSectionHeading = (line: LayoutLine) => line.isHeading && !/^\W*$/.test(line.text);

/**
 * The context of a table whose first header line is lines[at]: lines back to the nearest heading form
 * its section (a table continued from the page before shares the section of its first part). The test
 * is the one the heading names, else the nearest one the section or the lines above name.
 */
export function contextAbove(lines: LayoutLine[], at: number, doc: DocumentScoreDates): ScoreContext {
  const section: LayoutLine[] = [];
  let heading: LayoutLine | null = null;
  for (let k = at - 1; k >= 0; k--) {
    if (isSectionHeading(lines[k])) { heading = lines[k]; break; }
    section.unshift(lines[k]);
  }
  let test: string | null = heading ? testFromHeading(heading.text) : null;
  if (!test) {
    for (let k = at - 1; k >= 0 && !test; k--) {
      const named = testNameIn(lines[k].text);
      if (named) test = named.name;
      else if (lines[k].isHeading && TEST_WORDS.test(lines[k].text) && !DATE_LABEL.test(lines[k].text)) test = testNameFromHeading(lines[k].text);
    }
  }
  // Captions are the section's lines that are not table rows: one phrase, or a line naming a date's use.
  const captions: CaptionDate[] = [];
  let date: string | null = null;
  for (const line of section) {
    const isCaption = phraseCells(line.words).length <= 2 || ADMINISTERED.test(line.text);
    if (!isCaption) continue;
    for (const clause of clauses(line.text)) {
      for (const d of findDates(clause)) captions.push({ iso: d.iso, clause });
    }
    if (!date && ADMINISTERED.test(line.text)) {
      // The date after the word "administered" (a report date may come earlier on the line).
      const dates = findDates(line.text);
      const key = line.text.search(ADMINISTERED);
      date = (dates.find((d) => d.index > key) ?? dates[0])?.iso ?? null;
    }
  }
  return { test, date, captions, doc };
}

/** A heading that labels a date ("DATE OF TESTING" printed small over the date) names no test. */
const DATE_LABEL = /^\W*(?:dates?\s+(?:of\s+)?(?:testing|assessment|evaluation|administration)|(?:testing|assessment|evaluation|administration)\s+dates?)\W*$/i;

function testFromHeading(text: string): string | null {
  if (DATE_LABEL.test(text)) return null;
  const named = testNameIn(text);
  // "AREA - TEST NAME" headings keep the test's part as printed; otherwise the known name alone.
  if (named) return /\s[-–—:]\s/.test(text) ? testNameFromHeading(text) : named.name;
  return TEST_WORDS.test(text) ? testNameFromHeading(text) : null;
}

/**
 * The date of a score of `test` in the column group `group` ("boy", a year, "prior"...): a caption
 * clause naming the test, else one naming the group, else the dates the report gives the test, else
 * the section's administration date. A prior administration never takes the current one's date.
 */
export function dateFor(ctx: ScoreContext, test: string | null, group: { key: string; label: string; year: number | null } | null): string | null {
  const inYear = (iso: string) => !group?.year || iso.startsWith(String(group.year));
  const key = test ? testKey(test) : null;
  const forTest = key ? ctx.captions.filter((c) => testNameIn(c.clause) && testKey(testNameIn(c.clause)!.name) === key && inYear(c.iso)) : [];
  if (forTest.length) return forTest[0].iso;
  if (group && group.key !== 'year') {
    const word = group.label.match(/\b(?:BOY|MOY|EOY|fall|winter|spring|initial|previous|prior|current)\b/i)?.[0];
    const named = word ? ctx.captions.find((c) => new RegExp(`\\b${word}\\b`, 'i').test(c.clause)) : undefined;
    if (named) return named.iso;
  }
  if (group?.year) {
    const sameYear = ctx.captions.filter((c) => inYear(c.iso));
    if (sameYear.length === 1) return sameYear[0].iso;
  }
  const known = key ? (ctx.doc.byTest.get(key) ?? []).filter(inYear) : [];
  if (known.length === 1) return known[0];
  if (group?.key === 'prior') return null;
  if (ctx.date && inYear(ctx.date)) return ctx.date;
  if (ctx.doc.testing && inYear(ctx.doc.testing) && !group?.year) return ctx.doc.testing;
  return null;
}

/** "NORM-REFERENCED ACHIEVEMENT TEST - KTEA-3 COMPREHENSIVE, FORM A" -> "KTEA-3 Comprehensive, Form A". */
export function testNameFromHeading(text: string): string {
  let t = text.replace(/^(?:test|assessment|instrument)\s*:\s*/i, '').replace(/®/g, '').trim();
  // "STATE ASSESSMENT - CAASPP ...", "NWEA MAP GROWTH - STUDENT PROFILE": the part naming a test.
  const parts = t.split(/\s+[-–—]\s+|\s*:\s+/);
  const named = parts.find((p) => p.split(/\s+/).some((w) => ACRONYM_HINT.test(w) || /^[A-Z]+-(?:\d+|[IVX]+)\b/.test(w))) ?? parts.find((p) => TEST_WORDS.test(p));
  if (named) t = named;
  else if (parts.length > 1) t = parts.slice(1).join(' - ');
  t = t.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return t
    .split(/\s+/)
    .map((w) => (/\d/.test(w) || ACRONYM_HINT.test(w) || (text === text.toUpperCase() ? false : /^[A-Z]{2,}$/.test(w)) ? w : titleWord(w)))
    .join(' ');
}

const ACRONYM_HINT = /^(?:CAASPP|KTEA|WISC|WIAT|WJ|CELF|CTOPP|BASC|DIBELS|NWEA|MAP|STAR|SBAC|PARCC|MAAP|DLM|ELPAC|IQ|ORF|RIT|GORT|TOWL|PPVT|EVT|KABC|DAS|NNAT|COGAT|ITBS|TOWRE|STAAR|FAST|MCAS|LEAP|ILEARN|NJSLA|EOC|ELA|MSAA|ACT|SAT|PSAT|I-READY|NYS)\b/i;
const titleWord = (w: string) => (w.length <= 1 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1).toLowerCase());
