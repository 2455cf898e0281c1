// The measures a goal sentence can name (a rate, a rubric score, a percentage, a count...) and
// the rule for which one is the goal's target. Pure: runs in core, the renderer and the CLI.
//
// Rule for the target when a sentence names several numbers (consistent with the dev fixture's truth):
//   1. numbers in dates, ordinals ("3rd grade"), hyphenated adjectives ("2-digit", "15-minute",
//      "4-point") and "N out of M trials/probes/samples/observations" are never the target;
//   2. among what is left, the most specific measure wins: a rate (WCPM, words per minute) over a
//      rubric score over MLU over a count or duration over a percentage. "90 WCPM with 95% accuracy"
//      -> 90 WCPM; "at least 3 supporting details, scoring 3 on the 4-point rubric" -> 3 (rubric).
//   3. When the only criterion is consistency ("in 4 out of 5 trials"), the target is that ratio as a
//      percentage: 80, unit "percent of trials" (progress data for such goals is reported as percent).
//      "8 out of 10 problems/questions/words" is accuracy: 80 "percent accuracy".

export type MeasureKind = 'rate' | 'rubric' | 'score' | 'mlu' | 'count' | 'duration' | 'percent' | 'ratio';

export interface Measure {
  value: number;
  unit: string;
  kind: MeasureKind;
  /** Lower is more specific: chosen first as the target. */
  rank: number;
  index: number;
  length: number;
  /** "no more than 2", "fewer than 3", "or fewer": the number is a ceiling. */
  ceiling: boolean;
  /** "70-80% accuracy", "between 2 and 3 times per week": the low end of a range whose high end is `value`. */
  low?: number;
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const PERIODS = 'school day|day|week|month|class period|period|session|hour|lesson|class|recess|lunch period';
/** Nouns that count repetitions of the measurement, not the skill. */
export const CONSISTENCY_NOUNS =
  'trials?|opportunit(?:y|ies)|probes?|samples?|writing samples?|sessions?|observations?|attempts?|occasions?|days?|data (?:collection )?(?:days|points)|consecutive (?:trials|sessions|probes|days|weeks|observations)|assessments?|measures?|tests?|weeks?|checks?|data points?';
const ITEM_NOUNS = 'problems?|questions?|items?|words?|math facts?|facts?|sight words?|letters?|sounds?|steps?|tasks?|directions?';
/** Nouns that are never the counted thing in a target. */
const NOT_COUNT_UNIT = new RegExp(
  `^(?:${CONSISTENCY_NOUNS}|grade|grades|years?|months?|weeks?|out|of|percent|points?|digit|and|or|to|by|the|a|an|with|in|on|for|at)\\b`,
  'i',
);
const CEILING_BEFORE = /(?:no more than|not more than|fewer than|less than|at most|a maximum of|maximum of|not exceed(?:ing)?|to)\s*$/i;
const CEILING_AFTER = /^\s*(?:or (?:fewer|less)|times? or fewer)/i;

/** Blanks out dates and hyphenated/ordinal numbers so they are never read as measures. */
export function maskNonMeasures(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return text
    .replace(/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, blank)
    .replace(/\b\d{1,2}\/\d{4}\b/g, blank)
    .replace(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/gi, blank)
    .replace(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\b/gi, blank)
    .replace(/\b\d{4}-\d{2,4}\b/g, blank)
    .replace(/\b\d+(?:st|nd|rd|th)\b(?!\s+percentile)/gi, blank)
    .replace(/\b(?:grade|level|grade level)\s+\d+\b/gi, blank)
    .replace(/\b\d+\s*-\s*(?=[a-z])/gi, blank)
    // "3-4 word sentences": a range used as an adjective (a singular noun follows) sizes the task.
    .replace(/\b\d+\s*-\s*\d+(?=\s+(?!(?:per|an?|each|every|or|and|to|of|out|in|on|at|with|within|during|by|when|for|from|across|over|without)\b)[a-z]+(?<!s)\s+[a-z])/gi, blank)
    .replace(/\b\d+-(?=\s+and\b)/gi, blank);
}

interface Pattern {
  re: RegExp;
  kind: MeasureKind;
  rank: number;
  unit: (m: RegExpExecArray, raw: string) => string;
  value?: (m: RegExpExecArray) => number;
}

const PATTERNS: Pattern[] = [
  {
    re: new RegExp(`${NUM}\\s*(?:words? correct per minute|correct words per minute|words read correctly per minute|wcpm|cwpm)`, 'gi'),
    kind: 'rate', rank: 1, unit: () => 'WCPM',
  },
  {
    re: new RegExp(`${NUM}\\s*(?:correct\\s+)?((?:[a-z-]+\\s+){0,3}?)(?:per|a|each)\\s+minute`, 'gi'),
    kind: 'rate', rank: 1,
    unit: (m) => `${(m[2] || '').trim() || 'responses'} per minute`.replace(/^wpm per minute$/, 'words per minute'),
  },
  { re: new RegExp(`${NUM}\\s*wpm\\b`, 'gi'), kind: 'rate', rank: 1, unit: () => 'words per minute' },
  {
    re: new RegExp(
      `(?:scor(?:e|es|ing)|rating|rated|level)\\s+(?:of\\s+)?(?:at least\\s+|a\\s+)?${NUM}(?:\\s+or\\s+(?:higher|better|above|more|greater))?(?:\\s+(?:out\\s+)?of\\s+\\d+)?\\s+(?:on|using|according to)\\s+(?:an?|the)\\s+((?:[\\w-]+\\s+){0,5}?(?:rubric|scale|checklist|rating scale))`,
      'gi',
    ),
    kind: 'rubric', rank: 2, unit: (m, raw) => `rubric score (${tailOf(m, raw, m[2])})`,
  },
  {
    re: new RegExp(`${NUM}\\s+(?:or (?:higher|better|above)\\s+)?on\\s+(?:an?|the)\\s+((?:[\\w-]+\\s+){0,5}?(?:rubric|rating scale))`, 'gi'),
    kind: 'rubric', rank: 2, unit: (m, raw) => `rubric score (${tailOf(m, raw, m[2])})`,
  },
  {
    // "earns 3 out of 4 points on the district writing rubric", "8 of 10 points on his daily point sheet":
    // points awarded on a scoring tool are the measure, never consistency over trials.
    re: new RegExp(`${NUM}\\s+(?:(?:out\\s+)?of\\s+(?:a\\s+(?:possible\\s+)?)?\\d+\\s+)?(?:possible\\s+)?points?\\s+(?:or\\s+(?:higher|better|above|more)\\s+)?(?:on|using|according to|from)\\s+(?:an?|the|his|her|their)\\s+((?:[\\w-]+\\s+){0,5}?(?:rubric|rating scale|scoring guide|point (?:sheet|card|chart)|behavior (?:chart|card)|checklist))`, 'gi'),
    kind: 'rubric', rank: 2,
    unit: (m, raw) => {
      const tool = tailOf(m, raw, m[2]);
      return /rubric|scale|scoring guide/i.test(tool) ? `rubric points (${tool})` : `points (${tool})`;
    },
  },
  {
    // "scoring 4 out of 5 points for the theme, evidence and explanation ... as measured by teacher rubrics":
    // points scored are the measure; the rubric, when the sentence names one, names the unit.
    re: new RegExp(`(?:scor(?:e|es|ing)|earn(?:s|ing)?|receiv(?:e|es|ing)|achiev(?:e|es|ing)|obtain(?:s|ing)?)\\s+(?:an?\\s+(?:score\\s+of\\s+)?)?(?:at\\s+least\\s+)?${NUM}\\s+(?:(?:out\\s+)?of\\s+(?:a\\s+(?:possible\\s+)?)?\\d+\\s+)?(?:possible\\s+)?points?\\b`, 'gi'),
    kind: 'rubric', rank: 2,
    unit: (m, raw) => {
      const rubric = /\b(?:on|using|by|with|per|according to)\s+(?:an?\s+|the\s+)?((?:[\w-]+\s+){0,4}?rubrics?)\b/i.exec(raw.slice(m.index));
      return rubric ? `rubric points (${rubric[1].trim()})` : 'points';
    },
  },
  // A norm-referenced or leveled score named as the criterion: "at the 25th percentile or higher",
  // "a scaled score of 8 or above", "a Lexile measure of 600L".
  { re: new RegExp(`${NUM}(?:st|nd|rd|th)?\\s+percentile(?:\\s+rank)?\\b`, 'gi'), kind: 'score', rank: 2, unit: () => 'percentile' },
  {
    re: new RegExp(`\\b(scaled|standard|scale)\\s+score\\s+(?:of\\s+)?(?:at\\s+least\\s+)?${NUM.replace('(', '(?<n>')}`, 'gi'),
    kind: 'score', rank: 2, unit: (m) => `${m[1].toLowerCase()} score`, value: (m) => Number(m.groups!.n),
  },
  {
    re: new RegExp(`\\blexile(?:\\s+(?:level|measure|score))?\\s+(?:of\\s+)?(?:at\\s+least\\s+)?${NUM.replace('(', '(?<n>')}\\s*L?\\b`, 'gi'),
    kind: 'score', rank: 2, unit: () => 'Lexile', value: (m) => Number(m.groups!.n),
  },
  {
    re: new RegExp(`(?:mean length of utterance|\\bMLU)\\b(?:\\s*\\(MLU\\))?[^.\\d]{0,40}?${NUM}`, 'gi'),
    kind: 'mlu', rank: 3, unit: () => 'MLU (morphemes)',
  },
  { re: new RegExp(`${NUM}\\s+(?:or more\\s+)?morphemes`, 'gi'), kind: 'mlu', rank: 3, unit: () => 'MLU (morphemes)' },
  {
    re: new RegExp(`${NUM}\\s*(?:%|percent)\\s*(?:(?:or\\s+(?:less|fewer|more|higher|better|greater|above|below)\\s+)?of\\s+(?:the\\s+)?((?:[\\w-]+\\s+){0,2}?)(intervals|opportunities|trials|observations|time|attempts|occasions|sessions|days|class periods|periods|transitions|assignments|tasks|problems|items|words|questions|steps)|accuracy|accurate|correct)?`, 'gi'),
    kind: 'percent', rank: 5,
    unit: (m) => {
      const noun = m[3]?.toLowerCase();
      if (noun && /problems|items|words|questions/.test(noun)) return 'percent accuracy';
      if (noun) return `percent of ${noun}`;
      return /accura|correct/i.test(m[0]) ? 'percent accuracy' : 'percent';
    },
  },
  {
    re: new RegExp(`${NUM}\\s+(?:consecutive\\s+)?(minutes?|seconds?|hours?)\\b(?!\\s+(?:of|per)\\s+(?:${CONSISTENCY_NOUNS}))`, 'gi'),
    kind: 'duration', rank: 4, unit: (m) => m[2].toLowerCase().replace(/s?$/, 's'),
  },
  {
    re: new RegExp(`${NUM}\\s+(?:or\\s+(?:fewer|less|more)\\s+)?times?\\s+(?:or\\s+(?:fewer|less|more)\\s+)?(?:per|a|each|every)\\s+(${PERIODS})\\b`, 'gi'),
    kind: 'count', rank: 4, unit: (m) => `times per ${m[2].toLowerCase()}`,
  },
  {
    // "on fewer than 2 occasions per month": occasions counted per period are occurrences, not trials.
    re: new RegExp(`${NUM}\\s+(?:or\\s+(?:fewer|less|more)\\s+)?(?:occasions?|instances?)\\s+(?:or\\s+(?:fewer|less|more)\\s+)?(?:per|a|each|every)\\s+(${PERIODS})\\b`, 'gi'),
    kind: 'count', rank: 4, unit: (m) => `occurrences per ${m[2].toLowerCase()}`,
  },
  {
    // "decrease to 1 or fewer per week": the bound sits between the number and its period.
    re: new RegExp(`${NUM}\\s+(?:or\\s+(?:fewer|less|more)\\s+)?(?:per|a|each|every)\\s+(${PERIODS})\\b`, 'gi'),
    kind: 'count', rank: 4, unit: (m) => `occurrences per ${m[2].toLowerCase()}`,
  },
  {
    re: new RegExp(`${NUM}\\s*(?:out of|of|/)\\s*(\\d+)\\s+(?:(?!trials?\\b|with\\b|in\\b|on\\b|of\\b|across\\b)[a-z-]+\\s+){0,2}?(${ITEM_NOUNS})\\b`, 'gi'),
    kind: 'percent', rank: 5, unit: () => 'percent accuracy',
    value: (m) => Math.round((+m[1] / +m[2]) * 100),
  },
];

const COUNT_RE = new RegExp(`\\b${NUM}(?=\\s+[a-z])`, 'gi');
const COUNT_STOP = new Set(
  'with in on at and or per a an the of to for by during across when given that which as from into within without correctly independently accurately each over before after than more fewer less higher times x consecutive out following using while'.split(' '),
);
const PER_PERIOD = /^(?:\s+or\s+(?:fewer|less|more))?\s+((?:per|a|each)\s+(?:school\s+)?(?:day|week|month|session|class period|period|hour|class|lesson|activity|task|transition|assignment))\b/i;

/** The counted noun phrase after a number ("4 complete sentences with..." -> "complete sentences"), if any. */
function countUnitAfter(rest: string): { unit: string; length: number } | null {
  const words: string[] = [];
  const re = /^\s+([a-z][a-z-]*)/i;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while (words.length < 3 && (m = re.exec(rest.slice(consumed)))) {
    if (COUNT_STOP.has(m[1].toLowerCase())) break;
    words.push(m[1].toLowerCase());
    consumed += m[0].length;
    if (/[,.;:)]/.test(rest.charAt(consumed))) break;
  }
  // "7 of 10 correct": correctness, not a counted thing.
  if (words.length === 0 || NOT_COUNT_UNIT.test(words[0]) || NOT_COUNT_UNIT.test(words.join(' ')) || /^correct(?:ly)?$/.test(words.join(' '))) return null;
  const period = PER_PERIOD.exec(rest.slice(consumed));
  const per = period ?? TIMED_WINDOW.exec(rest.slice(consumed));
  const unit = words.join(' ') + (per ? ' ' + (period ? period[1] : per[0]).trim().toLowerCase() : '');
  return { unit, length: consumed + (per ? per[0].length : 0) };
}
/** Things a ratio counts repetitions of ("4 of 5 class periods"): consistency, not the counted skill. */
const REPETITION_NOUN = /^(?:(?:class|instructional)\s+)?(?:periods?|lessons?|activities|settings?|instances?|tries|classes|subjects|environments?|transitions?|opportunit(?:y|ies)|occasions?|intervals?|times?|retells?|readings?|passages?|stories|prompts?|tasks?|drills?|lists?|worksheets?|games?|conversations?|exchanges?|activit(?:y|ies)|summaries|paragraphs?|essays?|responses?|answers?|assignments?|sentences?|retellings?|journal\s+entries|sets?|rounds?|blocks?|drafts?|(?:work\s+)?samples?)\b/i;
/** "40 correct digits in 2 minutes": a count in a timed window, the window part of the unit. */
const TIMED_WINDOW = /^\s+(?:in|within)\s+(?:a\s+)?(\d+|one|two|three|five|ten)[- ](?:minute|second)s?\b|^\s+(?:in|within)\s+(\d+|one|two|three|five|ten)\s+(?:minutes?|seconds?)\b/i;
const RATIO_RE = new RegExp(`${NUM}\\s*(?:out of|of|/)\\s*(\\d+)\\s*(?:consecutive\\s+)?((?:[a-z-]+\\s+){0,2}?(?:${CONSISTENCY_NOUNS}))?`, 'gi');

/** Every measure named in the text (already masked or not), with its position. */
export function findMeasures(raw: string): Measure[] {
  const text = maskNonMeasures(raw);
  const found: Measure[] = [];
  const overlaps = (i: number, len: number) => found.some((f) => i < f.index + f.length && f.index < i + len);
  const push = (m: Omit<Measure, 'ceiling'>) => {
    if (overlaps(m.index, m.length)) return;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const after = text.slice(m.index + m.length, m.index + m.length + 20);
    const bounded = /\bor\s+(?:fewer|less)\b/i.test(text.slice(m.index, m.index + m.length));
    found.push({ ...m, ceiling: CEILING_BEFORE.test(before) && !/\bfrom\b[^,]*\bto\s*$/i.test(before) || CEILING_AFTER.test(after) || bounded });
  };
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text))) {
      const numIndex = m.index + m[0].indexOf(m[1]);
      push({ value: p.value ? p.value(m) : +m[1], unit: p.unit(m, raw), kind: p.kind, rank: p.rank, index: numIndex, length: m.index + m[0].length - numIndex });
    }
  }
  // Consistency ratios ("4 out of 5 trials") are kept apart: rank 6, only a target when nothing else is.
  RATIO_RE.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = RATIO_RE.exec(text))) {
    if (+r[2] === 0 || +r[1] > +r[2]) continue;
    let repeated: string | null = null;
    if (!r[3]) {
      // "5 of 5 story grammar elements": a count of the named things (the goal's unit), not consistency.
      const counted = countUnitAfter(' ' + text.slice(r.index + r[0].length));
      // "in 3 of 4 student drafts", "across 2 of 3 sets": a ratio after "in", "on", "across"... counts attempts.
      const attempts = /\b(?:in|on|across|during|for|over)\s+(?:at\s+least\s+)?$/i.test(text.slice(Math.max(0, r.index - 20), r.index));
      if (counted && !attempts && !REPETITION_NOUN.test(counted.unit)) {
        push({ value: +r[1], unit: counted.unit, kind: 'count', rank: 4, index: r.index, length: r[0].length + counted.length });
        continue;
      }
      // "4 of 5 summaries": consistency over the things named.
      if (counted && !/\s/.test(counted.unit)) repeated = counted.unit;
    }
    const noun = (r[3] || repeated || 'trials').trim().toLowerCase().replace(/^consecutive\s+/, '');
    const plural = noun.endsWith('s') ? noun : noun.replace(/y$/, 'ie') + 's';
    push({ value: Math.round((+r[1] / +r[2]) * 100), unit: `percent of ${plural}`, kind: 'ratio', rank: 6, index: r.index, length: r[0].length });
  }
  COUNT_RE.lastIndex = 0;
  let c: RegExpExecArray | null;
  while ((c = COUNT_RE.exec(text))) {
    const unit = countUnitAfter(text.slice(c.index + c[0].length));
    if (!unit) continue;
    const length = c[0].length + unit.length;
    // The window of a timed count ("in 2 minutes") is part of its unit, not a duration of its own.
    for (let k = found.length - 1; k >= 0; k--) {
      if (found[k].kind === 'duration' && found[k].index > c.index && found[k].index + found[k].length <= c.index + length) found.splice(k, 1);
    }
    push({ value: +c[1], unit: unit.unit, kind: 'count', rank: 4, index: c.index, length });
  }
  for (const m of found) markRange(text, m);
  return found.sort((a, b) => a.index - b.index);
}

/**
 * A range stated as the measure ("70-80% accuracy", "60 to 70 WCPM", "between 1 and 2 times per week"):
 * kept as a range, the measure taking its low end too. "From 45 to 70" is a change, not a range.
 */
function markRange(text: string, m: Measure): void {
  if (m.kind === 'ratio') return;
  const before = text.slice(Math.max(0, m.index - 40), m.index);
  const r = /(?:\bbetween\s+(\d+(?:\.\d+)?)\s*(?:%|percent)?\s+and|(?<![\d.])(\d+(?:\.\d+)?)\s*(?:%|percent)?\s*(?:-|–|to))\s*$/i.exec(before);
  if (!r) return;
  const low = Number(r[1] ?? r[2]);
  const lead = before.slice(0, r.index);
  if (!(low < m.value) || (!r[1] && /\bfrom\s+(?:(?:an?|the|his|her|their)\s+)?(?:(?:current|present|starting)\s+)?(?:(?:baseline|level|average|mean|median|rate|score)\s+of\s+)?$/i.test(lead))) return;
  // "increase his rate 60 to 80 wcpm": a change written without "from".
  if (/\bto\s*$/i.test(r[0]) && /\b(?:increas|improv|rais|decreas|reduc|lower|grow|go|mov)\w*\s+(?:\S+\s+){0,3}$/i.test(lead)) return;
  m.low = low;
  m.index -= before.length - r.index;
  m.length += before.length - r.index;
  // "to 2-3 per week" bounds the range; the "to" inside "100 to 110" does not.
  m.ceiling = CEILING_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)) || CEILING_AFTER.test(text.slice(m.index + m.length, m.index + m.length + 20)) || /\bor\s+(?:fewer|less)\b/i.test(text.slice(m.index, m.index + m.length));
}

/** The raw (unmasked) text of a group that ends the match. */
function tailOf(m: RegExpExecArray, raw: string, group: string): string {
  const end = m.index + m[0].length;
  let start = end - group.length;
  const masked = /\d+-\s*$/.exec(raw.slice(Math.max(0, start - 6), start));
  if (masked) start -= masked[0].length;
  return raw.slice(start, end).trim();
}

/** The target among the measures: most specific kind first, then the first printed. */
export function pickTarget(measures: Measure[]): Measure | null {
  if (measures.length === 0) return null;
  return [...measures].sort((a, b) => a.rank - b.rank || a.index - b.index)[0];
}

/** Same family of unit (for finding a baseline number in the goal's own unit). */
export function sameUnitFamily(a: string, b: string): boolean {
  const canon = (u: string) => {
    const n = u.toLowerCase();
    if (/wcpm|words? correct per minute/.test(n)) return 'wcpm';
    if (/per minute/.test(n)) return 'rate:' + n.replace(/correct\s+/, '');
    if (/rubric|scale/.test(n)) return 'rubric';
    if (/^points\b/.test(n)) return 'points';
    if (/mlu|morpheme/.test(n)) return 'mlu';
    if (/percent/.test(n)) return /interval/.test(n) ? 'percent-intervals' : 'percent';
    return n.replace(/\s+(?:per|a|each|in|within)\s+.*$/, '').split(/\s+/).pop()?.replace(/s$/, '') ?? n;
  };
  return canon(a) === canon(b);
}
