// When a goal is to be met, as its words say: a date ("by 06/14/2024", "by 06/2023", "By January
// 2021"), a span counted from the IEP's start ("in six months", "within 9 weeks"), a month without a
// year ("by January"), or the IEP's own end ("by the next annual review", "by the end of the IEP
// year", "annual ARD to annual ARD"). Pure: the extractor resolves the relative kinds with the IEP's dates.
import { addDays, findDates, isoDate } from '../text/dates';
import { findMonthDates } from './dates';

const NUMBER_WORD = String.raw`(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty[- ]six)`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const IEP_END = String.raw`(?:by|before|at|through|until)\s+(?:the\s+)?(?:(?:end|close|conclusion)\s+of\s+(?:the\s+|this\s+)?(?:iep|annual\s+iep|ard)(?:\s+(?:year|period|term|cycle)|(?![\s-]+(?:meeting|team|conference)))|(?:next|upcoming)\s+(?:annual\s+)?(?:iep|ard|review|cse|annual)(?:\s+(?:review|meeting|date))?|annual\s+(?:review|iep|ard)(?:\s+(?:date|meeting))?|(?:iep\s+)?(?:anniversary|expiration)(?:\s+date)?)|\bannual\s+ard\s+to\s+annual\s+ard\b|\bwithin\s+(?:the\s+|this\s+)?(?:iep|annual\s+iep)\s+(?:year|period)`;

export const TIMEFRAME = new RegExp(
  [
    String.raw`\b(?:by|before|no later than|on or before)\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{4})`,
    String.raw`\b(?:by|before|no later than)\s+(?:the\s+)?(?:end|close|conclusion|middle)\s+of`,
    // "by mid-year", "by the second grading period", "by the end of the third quarter".
    String.raw`\bby\s+(?:the\s+)?mid-?(?:year|term|semester)\b`,
    String.raw`\b(?:by|before|in|during)\s+(?:the\s+)?(?:end\s+of\s+)?(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?:\d{4}|semester|term)\b`,
    String.raw`\bby\s+(?:the\s+)?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|next|final|last)\s+)(?:grading\s+period|marking\s+period|reporting\s+period|progress\s+report|quarter|semester|trimester)\b`,
    String.raw`\b(?:by|before|through|until)\s+${MONTH}(?:\s|,|$)`,
    String.raw`\bby\s+(?:the\s+)?(?:next\s+)?(?:annual|iep|review|anniversary|expiration|ard|cse)`,
    String.raw`\b(?:within|in)\s+(?:the\s+next\s+)?${NUMBER_WORD}\s+(?:\w+\s+)?(?:weeks?|months?|years?|school\s+days|days|iep|instructional|semesters?|quarters?|trimesters?|(?:grading|marking)\s+periods?)`,
    String.raw`\b(?:within|in)\s+the\s+(?:\w+\s+)?(?:iep|school|annual)\s+(?:year|period)`,
    String.raw`\b(?:during|over|throughout)\s+the\s+(?:\d{4}-\d{2,4}\s+)?(?:iep|school|annual)\s+(?:year|period|term)`,
    String.raw`\bannual(?:ly)?\s+(?:iep\s+)?(?:goal\s+)?period`,
    IEP_END,
  ].join('|'),
  'i',
);

/** A target date the goal states only relative to its IEP. */
export type TargetDateRule =
  | { kind: 'after'; months: number; days: number }
  | { kind: 'month'; month: number }
  | { kind: 'iepEnd' };

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, twenty: 20, 'thirty six': 36, 'thirty-six': 36,
};
const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** Whether the text states a timeframe ("by 06/2023", "within one year", "by the end of the year"). */
export function statesTimeframe(text: string): boolean {
  return TIMEFRAME.test(text) || targetDateOf(text) !== null;
}

/** The date the goal is to be met by: a full date, or a month ("by 06/2023", "through June 2025") as its last day. */
export function targetDateOf(text: string): string | null {
  const before = (d: { index: number }) => text.slice(Math.max(0, d.index - 24), d.index);
  // Never a date of birth, nor the date a span begins ("from 09/15/2025 to 06/2026", "beginning ...").
  const dates = [...findDates(text), ...findMonthDates(text)].sort((a, b) => a.index - b.index)
    .filter((d) => !/\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|born(?:\s+on)?|from|beginning|begins?|starting|starts?|start\s+date|effective|since)\s*:?\s*(?:on\s+)?$/i.test(before(d)));
  if (dates.length === 0) return null;
  const byDate = dates.find((d) => /\b(?:by|before|no later than|on or before|until|through|thru|ending|ends?|end\s+date|to)\s*:?\s*(?:the\s+end\s+of\s+)?$/i.test(before(d)));
  return (byDate ?? dates[0]).iso;
}

/** A timeframe counted from the IEP ("in six months", "within 9 weeks", "by January", "by the next annual review"). */
export function targetDateRuleOf(text: string): TargetDateRule | null {
  const span = new RegExp(String.raw`\b(?:in|within)\s+(?:the\s+next\s+)?(${NUMBER_WORD})\s+(?:instructional\s+|school\s+|calendar\s+)?(days?|weeks?|months?|years?)\b`, 'i').exec(text);
  if (span) {
    const raw = span[1].toLowerCase().replace('-', ' ');
    const n = /^\d+$/.test(raw) ? Number(raw) : WORD_NUMBERS[raw] ?? 1;
    const unit = span[2].toLowerCase();
    if (unit.startsWith('year')) return { kind: 'after', months: 12 * n, days: 0 };
    if (unit.startsWith('month')) return { kind: 'after', months: n, days: 0 };
    if (unit.startsWith('week')) return { kind: 'after', months: 0, days: 7 * n };
    return { kind: 'after', months: 0, days: n };
  }
  const month = new RegExp(String.raw`\b(?:by|before|through|until)\s+(${MONTH})(?!\s*,?\s*\d)`, 'i').exec(text);
  if (month) return { kind: 'month', month: MONTHS[month[1].slice(0, 3).toLowerCase()] };
  if (new RegExp(IEP_END, 'i').test(text)) return { kind: 'iepEnd' };
  return null;
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, Math.min(d, last))!;
}

/** The date a rule names for an IEP that runs from `start` to `end` (either may be unknown). */
export function resolveTargetDate(rule: TargetDateRule, start: string | null, end: string | null): string | null {
  if (rule.kind === 'iepEnd') return end;
  if (!start) return null;
  if (rule.kind === 'after') return addDays(addMonths(start, rule.months), rule.days);
  // "By January": the end of the first January after the IEP starts.
  const [y, m] = start.split('-').map(Number);
  const year = rule.month > m ? y : y + 1;
  return isoDate(year, rule.month, new Date(Date.UTC(year, rule.month, 0)).getUTCDate());
}
