// Reads measurements (date, value, unit) out of a progress comment written in prose or as "date - value" lists.
// Numbers that restate the goal (targets, "3 of 4 trials" criteria, grade levels, "2-digit", counts of
// samples) are not measurements; a clause's measurement is its first number that reads like a score.
import { findDates, isoDate } from '../../../shared/text/dates';

export interface DataPointContext {
  periodStart: string | null;
  periodEnd: string | null;
  reportDate: string | null;
}

export interface FoundDataPoint {
  date: string | null;
  value: number;
  unit: string | null;
  /** Character range in the text covering the value (and its date when they are adjacent). */
  start: number;
  end: number;
}

interface DateSpan { iso: string; start: number; end: number }
interface Candidate { value: number; unit: string | null; start: number; end: number; priority: number }

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Units that mark a number as a measurement. */
const UNIT_RE = /^\s*(%|percent\b|wcpm\b|cwpm\b|w[ce]p[mn]\b|wcprn\b|wpm\b|wrc\b|cls\b|words?\s+(?:correct(?:ly)?\s+)?per\s+minute|correct\s+words|words\b|correct\b|sentences\b|complete\s+sentences|points?\b|digits?\s+correct|letter\s+sounds|sounds\b|problems\s+correct|minutes\b|seconds\b|incidents?\b|times\b|prompts\b|morphemes\b|utterances\b|on\s+the\s+[\w-]*\s*(?:point\s+)?(?:rubric|scale))/i;
/** Words before a number that make it a result ("scored 3", "median of 48", "rubric score: 2.4"). */
const RESULT_BEFORE_RE = /(?:scor(?:ed|e\s*(?:of|was|is|:)?)|rated|averag(?:ed|e\s+(?:of|was))|median\s+(?:of|was)|mean\s+(?:of|was)|rate\s+of|total\s+of|level\s+of|result(?:s|ed)?\s*(?:of|was|in)?|earned|obtained|(?:read|wrote|typed|produced|solved|answered|completed)\s+(?:an?\s+)?(?:average\s+of\s+)?|[:=]|\s[-–])\s*$/i;
/** Nouns counted by a number that is therefore not the result: "across 5 samples", "2 raters". */
const COUNT_NOUN_RE = /^\s*(?:\w+\s+)?(?:samples?|trials?|observations?|probes?|sessions?|opportunities|attempts?|raters?|passages?|data\s+points?|weeks?|days?|months?|years?|consecutive|goals?|objectives?|benchmarks?)\b/i;
/** Words before a number that make it a goal restated, not a measurement. */
const TARGET_BEFORE_RE = /(?:\b(?:goal|target|aim|criterion|criteria|mastery|benchmark|expected|expectation|reach|reaching|achieve|attain|meet|at\s+least|grade|level|page|step|goal\s*#|objective|#|no\.|tier|form|unit|lesson|chapter|week|day|trimester|quarter|semester|period|room|ages?)\s*(?:of\s+|is\s+|was\s+|to\s+)?(?:about\s+|approximately\s+)?)$/i;

/** Dates in the text: full dates, plus month/day without a year where the wording says it is a date. */
export function findCommentDates(text: string, ctx: DataPointContext): DateSpan[] {
  const spans: DateSpan[] = findDates(text).map((d) => ({ iso: d.iso, start: d.index, end: d.index + d.length }));
  const taken = (s: number, e: number) => spans.some((d) => s < d.end && d.start < e);
  const numeric = /\b(\d{1,2})\/(\d{1,2})\b(?!\/\d)/g;
  let m: RegExpExecArray | null;
  while ((m = numeric.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    if (taken(s, e) || !looksLikePartialDate(text, s, e)) continue;
    const iso = yearFromContext(+m[1], +m[2], ctx);
    if (iso) spans.push({ iso, start: s, end: e });
  }
  const named = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})/gi;
  while ((m = named.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    if (taken(s, e)) continue;
    const iso = yearFromContext(MONTHS[m[1].slice(0, 3).toLowerCase()], +m[2], ctx);
    if (iso) spans.push({ iso, start: s, end: e });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** "9/20" after a score is a fraction; "2/14" after "on", in a list of such, or before "- 55" is a date. */
function looksLikePartialDate(text: string, s: number, e: number): boolean {
  const before = text.slice(Math.max(0, s - 24), s);
  const after = text.slice(e, e + 12);
  if (/(?:\bon|\bdated?|\bweek\s+of|\bthrough|\bthru|\bfrom|\bsince|\bto|\band|\bdates?:?)\s*$/i.test(before)) return true;
  if (/^\s*[-–:]\s*\d/.test(after)) return true;
  if (/^\s*(?:,|and)\s*\d{1,2}\/\d{1,2}\b/.test(after) || /\d{1,2}\/\d{1,2}\s*(?:,|and)\s*$/.test(before)) return true;
  return /^\s*$/.test(before) && /^\s+\S/.test(after);
}

/** A month and day dated inside the report period (or the year of the report). */
function yearFromContext(month: number, day: number, ctx: DataPointContext): string | null {
  const end = ctx.periodEnd ?? ctx.reportDate;
  const start = ctx.periodStart;
  const years = new Set<number>();
  if (start) years.add(+start.slice(0, 4));
  if (end) years.add(+end.slice(0, 4));
  if (years.size === 0) return null;
  const options = [...years].map((y) => isoDate(y, month, day)).filter((d): d is string => d !== null);
  const inPeriod = options.find((d) => (!start || d >= start) && (!end || d <= end));
  if (inPeriod) return inPeriod;
  // Outside the period: take the candidate closest before the report's end.
  const before = options.filter((d) => !end || d <= end).sort();
  return before[before.length - 1] ?? null;
}

/** Splits at ';' and sentence ends, keeping offsets; decimals and "Dr." stay whole. */
export function splitClauses(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const sentenceEnd = ch === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1])) && !/\b(?:Dr|Mr|Ms|Mrs|approx|vs|e\.g|i\.e|No)$/i.test(text.slice(Math.max(0, i - 5), i))
      // "Sept. 14, 2023", "Oct. 4": a month abbreviated before its day.
      && !(/\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/i.test(text.slice(Math.max(0, i - 5), i)) && /^\s*\d/.test(text.slice(i + 1, i + 4)));
    if (ch === ';' || sentenceEnd || ch === '\n') {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((c) => text.slice(c.start, c.end).trim().length > 0);
}

function candidatesIn(text: string, from: number, to: number, dates: DateSpan[]): Candidate[] {
  const out: Candidate[] = [];
  const re = /\d+(?:\.\d+)?/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  const skipUntil = { pos: -1 };
  while ((m = re.exec(text)) && m.index < to) {
    const s = m.index;
    const e = s + m[0].length;
    if (s < skipUntil.pos || dates.some((d) => s < d.end && d.start < e)) continue;
    const prev = text[s - 1] ?? ' ';
    const next = text[e] ?? ' ';
    const after = text.slice(e, Math.min(to, e + 40));
    const before = text.slice(Math.max(from, s - 40), s);
    if (/[A-Za-z_]/.test(prev) || /[A-Za-z]/.test(next)) continue; // 3rd, W4, 10am
    if (/[/:]/.test(prev) || (prev === '-' && /\d\s*$/.test(text.slice(0, s - 1)))) continue; // denominators, ranges
    if (next === ':' && /^\d/.test(text[e + 1] ?? '')) continue; // clock times
    if (next === '-' && /^[A-Za-z]/.test(text[e + 1] ?? '')) continue; // 2-digit, 15-minute, 4-point
    if (/^\s*[-–]\s*\d+(?:\.\d+)?\s*%?/.test(after) && !/^\s+[-–]\s+/.test(after)) { skipUntil.pos = e + (after.match(/^\s*[-–]\s*\d+(?:\.\d+)?/)?.[0].length ?? 0); continue; } // 93-95%
    if (TARGET_BEFORE_RE.test(before) || /\bby\s*$/i.test(before)) continue;
    // "22 facts in 2 minutes": the timed window of a count, not a result of its own.
    if (/\d\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:in|within)\s*$/i.test(before) && /^\s*(?:minutes?|mins?|seconds?|secs?)\b/i.test(after)) continue;
    if (COUNT_NOUN_RE.test(after) && !/^\s*%/.test(after)) continue;
    const value = Number(m[0]);
    if (value >= 1990 && value <= 2100 && !/^\s*(?:%|wcpm|words)/i.test(after)) continue; // years
    const fraction = after.match(/^\s*(?:\/|out\s+of|of)\s*(\d+)\b/i);
    const counted = fraction && /^\s*(?:out\s+of|of)/i.test(after) ? countedNoun(after.slice(fraction[0].length)) : null;
    if (fraction && counted && value <= Number(fraction[1])) {
      // "4 of 5 story grammar elements": a count of the named things, the unit goals of that kind use.
      skipUntil.pos = e + fraction[0].length + counted.length;
      out.push({ value, unit: counted.unit, start: s, end: e + fraction[0].length + counted.length, priority: 1 });
      continue;
    }
    if (fraction) {
      skipUntil.pos = e + fraction[0].length;
      if (/^\s*\//.test(after) || /^\s*(?:out\s+of|of)\s*\d+\s*(?:trials?|opportunities|attempts|probes?|items?|problems?|questions?|samples?|sentences?|words?|times|sessions?|days?|observations?|intervals?)?/i.test(after)) {
        // A ratio alone ("scored 3/5") is reported as a percentage, the unit such goals are written in.
        const denominator = Number(fraction[1]);
        if (denominator > 0 && value <= denominator) {
          out.push({ value: Math.round((value / denominator) * 1000) / 10, unit: 'percent', start: s, end: e + fraction[0].length, priority: 3 });
        }
      }
      continue;
    }
    const unit = unitAfter(after, text.slice(from, to));
    const priority = UNIT_RE.test(after) || RESULT_BEFORE_RE.test(before) ? 1 : 2;
    // The box covers the unit too ("52 WCPM"), so the reviewer sees what was measured.
    const unitLen = after.match(UNIT_RE)?.[0].length ?? 0;
    out.push({ value, unit, start: s, end: e + unitLen, priority });
  }
  return out;
}

/** Nouns after "N of M" that make it a ratio (accuracy, consistency), not a count of things. */
const RATIO_NOUN = /^(?:trials?|opportunit(?:y|ies)|attempts?|probes?|items?|problems?|questions?|words?|times|sessions?|days?|observations?|intervals?|samples?|responses?|tries|correct|occasions?|data|checks?|tasks?|prompts?|passages?|retells?)\b/i;
const NOUN_STOP = /^(?:on|in|with|and|or|for|at|during|by|to|from|the|a|an|was|were|is|are|when|while|after|before|across|over|of|per|correct(?:ly)?|independently|accurately)$/i;

/** The counted noun phrase after "N of M" ("story grammar elements"), when it is not a ratio noun. */
function countedNoun(rest: string): { unit: string; length: number } | null {
  const words: string[] = [];
  let consumed = 0;
  const re = /^\s+([a-z][a-z-]*)/i;
  let m: RegExpExecArray | null;
  while (words.length < 3 && (m = re.exec(rest.slice(consumed)))) {
    if (NOUN_STOP.test(m[1])) break;
    if (words.length === 0 && RATIO_NOUN.test(m[1])) return null;
    words.push(m[1].toLowerCase());
    consumed += m[0].length;
    if (/^[,.;:)]/.test(rest.slice(consumed))) break;
  }
  return words.length ? { unit: words.join(' '), length: consumed } : null;
}

/** A short unit for the value: "percent accuracy", "WCPM", "complete sentences", "rubric score". */
function unitAfter(after: string, clause: string): string | null {
  if (/^\s*(%|percent)/i.test(after)) {
    const rest = after.replace(/^\s*(%|percent)\s*/i, '');
    if (/^(?:of\s+(?:\d+-\w+\s+|observed\s+|the\s+)?intervals)/i.test(rest)) return 'percent of intervals';
    if (/^(?:of\s+(?:the\s+)?opportunities)/i.test(rest)) return 'percent of opportunities';
    if (/^(?:of\s+(?:the\s+)?time)/i.test(rest)) return 'percent of time';
    if (/accura/i.test(rest.slice(0, 25)) || /accura/i.test(clause)) return 'percent accuracy';
    return 'percent';
  }
  const unit = after.match(UNIT_RE);
  if (unit) {
    const u = unit[1].replace(/\s+/g, ' ');
    if (/rubric|scale/i.test(u) || /rubric/i.test(clause)) return 'rubric score';
    if (/^(?:wcpm|cwpm|wrc)$/i.test(u) || /words?\s+correct(?:ly)?\s+per\s+minute|correct\s+words/i.test(u)) return 'WCPM';
    return u.toLowerCase();
  }
  if (/rubric/i.test(clause)) return 'rubric score';
  const noun = after.match(/^\s+((?:[a-z]+\s+){0,1}[a-z]+)/i);
  return noun && !/^(?:on|in|with|and|for|at|during|by|to|from|the|a|an|was|is)\b/i.test(noun[1]) ? noun[1].toLowerCase() : null;
}

/** Every measurement in a progress comment, dated where the comment dates it. */
export function findDataPoints(text: string, ctx: DataPointContext): FoundDataPoint[] {
  const latest = [ctx.periodEnd, ctx.reportDate].filter((d): d is string => !!d).sort().pop() ?? null;
  const allDates = findCommentDates(text, ctx);
  // A date after the report, or one the goal must be met "by", is a target, not when data was taken.
  const measurementDates = allDates.filter((d) => (!latest || d.iso <= latest) && !/\bby\s*$/i.test(text.slice(Math.max(0, d.start - 6), d.start)));
  const dated: FoundDataPoint[] = [];
  const undated: FoundDataPoint[] = [];
  for (const clause of splitClauses(text)) {
    const dates = measurementDates.filter((d) => d.start >= clause.start && d.end <= clause.end);
    const cands = candidatesIn(text, clause.start, clause.end, allDates);
    if (cands.length === 0) continue;
    if (dates.length >= 2) {
      // "02/14 - 55 WCPM; 03/01 - 57": each date takes the first result after it; "53 wcpm (04/02),
      // 52 wcpm (04/09)": each date the result before it, whichever order the clause opens with.
      const valueFirst = cands[0].start < dates[0].start;
      const paired = valueFirst
        ? dates.map((d, i) => bestLast(cands.filter((c) => c.end <= d.start && c.start >= (dates[i - 1]?.end ?? clause.start))))
        : dates.map((d, i) => best(cands.filter((c) => c.start > d.end && c.start < (dates[i + 1]?.start ?? clause.end))));
      if (paired.every((c) => c)) {
        paired.forEach((c, i) => dated.push(point(c!, dates[i])));
        continue;
      }
      // One result "on 05/27, 06/03 and 06/10": the same result on each date of the list; an average
      // "over 3 observations (2/14, 2/21, 2/28)" stands for the last.
      const only = cands.length === 1 || cands.filter((c) => c.priority === best(cands)!.priority).length === 1 ? best(cands)! : null;
      if (only && isDateList(text, dates) && !AVERAGE_RE.test(text.slice(clause.start, clause.end))) {
        dates.forEach((d) => dated.push(point(only, d)));
        continue;
      }
      dated.push(point(best(cands)!, dates[dates.length - 1]));
      continue;
    }
    const chosen = best(cands);
    if (!chosen) continue;
    if (dates.length === 1) dated.push(point(chosen, dates[0]));
    else if (chosen.priority === 1) undated.push({ date: null, value: chosen.value, unit: chosen.unit, start: chosen.start, end: chosen.end });
  }
  // A clause without a date after a dated one is commentary on it ("accuracy was 95%").
  return dated.length > 0 ? dated : undated;
}

const AVERAGE_RE = /\b(?:averag\w*|mean|median|across|over|overall|total)\b/i;

/** Dates printed as a list: only commas and "and" between them. */
function isDateList(text: string, dates: DateSpan[]): boolean {
  return dates.every((d, i) => i === 0 || /^\s*(?:,|and|&|,\s*and)\s*$/i.test(text.slice(dates[i - 1].end, d.start)));
}

/** The best candidate, the last printed among equals (the one nearest a date after it). */
function bestLast(cands: Candidate[]): Candidate | null {
  let chosen: Candidate | null = null;
  for (const c of cands) if (!chosen || c.priority <= chosen.priority) chosen = c;
  return chosen;
}

function best(cands: Candidate[]): Candidate | null {
  let chosen: Candidate | null = null;
  for (const c of cands) if (!chosen || c.priority < chosen.priority) chosen = c;
  return chosen;
}

function point(c: Candidate, d: DateSpan): FoundDataPoint {
  return { date: d.iso, value: c.value, unit: c.unit, start: Math.min(c.start, d.start), end: Math.max(c.end, d.end) };
}
