// The dates an IEP's header gives: meeting, start and end of the IEP, next annual review, next
// reevaluation, the IEP an amendment amends. A labelled value first, in any label style the layout
// reads (after a colon, in the next cell, on the line below, a label printed small above its value,
// a label wrapped over two lines); a from-to range under a period label ("10/05/2023 to
// 10/04/2024", "from October 5, 2023 through October 4, 2024"); else the same dates written in
// sentences (vocab/iep.ts IEP_DATE_SENTENCES).
import { findDates, parseDate, type FoundDate } from '../../../shared/text/dates';
import { pairedLabelFields, pairedValue } from './iep-student';
import { findLabeledValue, type Layout } from './layout';
import { AMENDMENT_EFFECTIVE_LABELS, DATE_RANGE_JOIN, IEP_DATE_SENTENCES, IEP_HEADER_LABELS } from './vocab/iep';

const L = IEP_HEADER_LABELS;

export interface IepHeaderDates {
  meetingDate: string | null;
  startDate: string | null;
  endDate: string | null;
  nextAnnualReview: string | null;
  nextReevaluation: string | null;
  amendsMeetingDate: string | null;
}

const hasDate = (v: string) => findDates(v).length > 0;

/** `amendment`: the document amends an IEP, so it starts on its own effective date. */
/** The halves of a paired period label ("Start / End Date", "Begin / End", "From / To"), each its own label once split. */
const PAIRED_START = [/(?:iep\s+)?(?:start|begin(?:ning)?|initiation|effective|from)(?:\s+date)?/i];
const PAIRED_END = [/(?:iep\s+)?(?:end(?:ing)?|expiration|through|to)(?:\s+date)?/i];

export function readIepDates(layout: Layout, opts: { amendment?: boolean } = {}): IepHeaderDates {
  const dateAfter = (labels: RegExp[], accept: (v: string) => boolean = hasDate) => parseDate(findLabeledValue(layout, labels, accept)?.value ?? null);
  // A date that looks ahead (the IEP's end, the next annual review) lies after the IEP's start: a
  // form that also prints "Annual Review Date" on each goal page for the goal's last review, or the
  // review date of the IEP before, gives an earlier date that is never this IEP's end.
  const laterThan = (than: string | null) => (v: string) => hasDate(v) && (!than || (parseDate(v) ?? '') > than);
  const sentences = headerSentences(layout);
  const meetingDate = dateAfter(L.meetingDate) ?? meetingInSentences(sentences);
  const periodDates = labelledPeriod(layout);
  const sentencePeriod = periodDates.length > 1 ? null : periodInSentences(sentences);
  // Forms that print no IEP period (DESE-style: initiation date and projected annual review) run the
  // IEP from its initiation (else its meeting) to the projected annual review.
  // An amendment starts on its effective date, even where it reprints the period of the IEP it amends.
  const amendmentStart = opts.amendment ? amendmentEffectiveDate(layout) : null;
  // "Start / End Date: 09/02/2025 / 06/12/2026": one label naming both, the value holding both.
  const paired = pairedLabelFields(layout);
  const pairedDate = (labels: RegExp[]) => parseDate(pairedValue(paired, labels, (v) => findDates(v).length === 1));
  const startDate = amendmentStart ?? periodDates[0] ?? pairedDate([...L.start, ...PAIRED_START]) ?? dateAfter(L.start) ?? sentencePeriod?.[0] ?? meetingDate;
  const after = laterThan(startDate ?? meetingDate);
  const nextAnnualReview = dateAfter(L.nextAnnual, after);
  const periodEnd = periodDates.length > 1 && periodDates[1] > (startDate ?? '') ? periodDates[1] : null;
  const pairedEnd = pairedDate([...L.end, ...PAIRED_END]);
  const endDate = periodEnd ?? (pairedEnd && pairedEnd > (startDate ?? '') ? pairedEnd : null) ?? dateAfter(L.end, after) ?? sentencePeriod?.[1] ?? nextAnnualReview;
  return {
    meetingDate,
    startDate,
    endDate,
    nextAnnualReview,
    nextReevaluation: dateAfter(L.nextReeval),
    amendsMeetingDate: dateAfter(L.amends),
  };
}

/** The first labelled amendment effective date, labels tried most specific first. */
function amendmentEffectiveDate(layout: Layout): string | null {
  for (const label of AMENDMENT_EFFECTIVE_LABELS) {
    const found = findLabeledValue(layout, [label], (v) => rangeIn(v) === null && hasDate(v));
    if (found) return parseDate(found.value);
  }
  return null;
}

/**
 * The IEP period under a period label: a range (preferred over a single date elsewhere), the second
 * date of it perhaps behind a label of its own on the same line ("From: 09/13/2023 To: 09/11/2024").
 */
function labelledPeriod(layout: Layout): string[] {
  const found = findLabeledValue(layout, L.period, (v) => rangeIn(v) !== null) ?? findLabeledValue(layout, L.period, hasDate);
  if (!found) return [];
  const rest = found.line.text.slice(Math.max(0, found.line.text.indexOf(found.label)));
  return rangeIn(found.value) ?? rangeIn(rest.replace(/\b(?:from|to|through)\s*:/gi, (m) => m.replace(':', ''))) ?? findDates(found.value).map((d) => d.iso);
}

/** The first two dates of the text that are joined as a range and run forward in time. */
export function rangeIn(text: string): [string, string] | null {
  const dates = findDates(text);
  for (let k = 0; k + 1 < dates.length; k++) {
    const [a, b] = [dates[k], dates[k + 1]];
    if (a.iso < b.iso && DATE_RANGE_JOIN.test(between(text, a, b))) return [a.iso, b.iso];
  }
  return null;
}

const between = (text: string, a: FoundDate, b: FoundDate) => text.slice(a.index + a.length, b.index);

/**
 * The sentences of the document's first pages, in reading order. A sentence ends at a stop followed
 * by a capital ("Sept. 5" and "3.5 hours" stay whole).
 */
export function headerSentences(layout: Layout, pages = 2): string[] {
  const first = layout.lines[0]?.page ?? 1;
  const text = layout.lines.filter((l) => l.page < first + pages).map((l) => l.text).join(' ');
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/).map((s) => s.trim()).filter(Boolean);
}

/** The first date after a meeting phrase ("The team convened on March 2, 2024"). */
export function meetingInSentences(sentences: string[]): string | null {
  for (const s of sentences) {
    for (const re of IEP_DATE_SENTENCES.meeting) {
      const m = re.exec(s);
      if (!m) continue;
      const date = findDates(s.slice(m.index + m[0].length))[0];
      if (date) return date.iso;
    }
  }
  return null;
}

/** The range of the first sentence that says the IEP is in effect between two dates. */
export function periodInSentences(sentences: string[]): [string, string] | null {
  for (const s of sentences) {
    if (!IEP_DATE_SENTENCES.period.some((re) => re.test(s))) continue;
    const range = rangeIn(s);
    if (range) return range;
  }
  return null;
}
