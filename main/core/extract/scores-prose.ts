// Scores written in sentences, as evaluation reports do: "On the Word Reading subtest of the WIAT-4,
// Jamie earned a standard score of 79 (8th percentile), in the Below Average range." The test and the
// testing date carry over from earlier sentences; a sentence gives a score only when it names a subtest.
import type { TestScore } from '../../../shared/domain';
import { findDates } from '../../../shared/text/dates';
import { provenanceOf, runOf, wordsInRange, type LayoutLine } from './layout';
import { confidenceOf } from './confidence';
import { MEASURE_ALIASES, TEST_NAMES } from './vocab/scores';

const SCORE_PHRASES: Array<[RegExp, string]> = [
  [/standard\s+score\s*(?:\(SS\)\s*)?(?:of|was|is|=|:)?\s*(\d{2,3})\b/i, 'standard_score'],
  [/\bSS\s*(?:=|:|of)?\s*(\d{2,3})\b/, 'standard_score'],
  [/(?:composite|index)\s+score\s*(?:of|was|is|=|:)?\s*(\d{2,3})\b/i, 'standard_score'],
  [/scaled\s+score\s*(?:of|was|is|=|:)?\s*(\d{1,2})\b/i, 'scaled_score'],
  [/scale\s+score\s*(?:of|was|is|=|:)?\s*(\d{3,4})\b/i, 'scale_score'],
  [/\bT[- ]?score\s*(?:of|was|is|=|:)?\s*(\d{2,3})\b/i, 't_score'],
  [/\bRIT\s*(?:score)?\s*(?:of|was|is|=|:)?\s*(\d{3})\b/i, 'rit'],
  [/lexile\s*(?:measure|level|score)?\s*(?:of|was|is|=|:)?\s*(\d{2,4})\s*L?\b/i, 'lexile'],
  [/\b(\d{3,4})L\b/, 'lexile'],
  [/grade[- ]equivalent\s*(?:\(GE\)\s*)?(?:of|was|is|=|:)?\s*(\d{1,2}\.\d)\b/i, 'grade_equivalent'],
  [/(?:score|scored)\s*(?:of|was|is|=|:)?\s*(\d{2,3})\b/i, 'score'],
];
const PERCENTILE = /(\d{1,2}(?:\.\d)?)(?:st|nd|rd|th)?\s*(?:percentile|%ile)|percentile\s*(?:rank)?\s*(?:of|was|is|=|:)?\s*[<>≤≥]?\s*(\d{1,2}(?:\.\d)?)(?![\d.])|\bPR\s*(?:=|:|of)?\s*(\d{1,2})\b/i;
// "95% CI 66-80", "(CI: 66-80)", "confidence interval of 66 to 80", "90% confidence interval = 73-85".
const CI = /(?:\bCI\b|confidence\s+(?:interval|band)|\binterval\b)\s*(?:of|was|is|=|:)?\s*\[?\s*(\d{1,3})\s*(?:[-–—]|to)\s*(\d{1,3})\b/i;
const LEVEL = /\b(?:in|within|at)\s+the\s+([A-Za-z][A-Za-z -]{1,30}?)\s+(?:range|classification|category)\b|\(\s*(?:\d+(?:st|nd|rd|th)\s+percentile\s*[,;]\s*)?([A-Z][A-Za-z -]{2,30}?)(?:\s+range)?\s*\)|(?:classified|described|categorized)\s+as\s+([A-Za-z -]{3,30}?)(?=[.,;]|$)/;
const SUBTEST = [
  /(?:[Oo]n|[Ii]n|[Ff]or)\s+the\s+([A-Z][\w&/' -]{2,60}?)\s+(?:subtest|index|composite|cluster|scale|subscale|test)\b/,
  /\b([A-Z][\w&/' -]{2,60}?)\s+(?:subtest|index|composite|cluster)\b/,
  /^([A-Z][\w&/' -]{2,50}?)\s*[:\-–]\s*(?:SS|standard\s+score|scaled\s+score|scale\s+score|RIT|lexile|score)\b/i,
  // "Calculation (SS = 83, PR = 13): ...": the measure, then its scores in brackets.
  /^([A-Z][\w&/' -]{2,50}?)\s*\(\s*(?:SS|SCS|ScS|T|PR|standard\s+score|scaled\s+score)\s*[=:]/,
  /\b(?:[Hh]is|[Hh]er|[Tt]heir|the\s+student's|[A-Z][a-z]+'s)\s+([A-Z][\w&/' -]{2,50}?)\s+(?:standard\s+|scaled\s+|scale\s+)?score\b/,
  /^(?:In|On)\s+([A-Z][\w&/' -]{2,50}?),/,
];

/** Words leading a sentence up to the measure's name ("Performance in Oral Reading Fluency (SS = 78 ..."). */
const LEAD_IN = /^(?:(?:[A-Z][a-z]+'s\s+)?(?:performance|scores?|results?|skills?|functioning|abilit(?:y|ies))\s+(?:in|on|for|with)\s+)/i;

export function scoresFromProse(lines: LayoutLine[], documentId: string, defaultDate: string | null): Array<Omit<TestScore, 'key'> & { alias: string | null }> {
  const out: Array<Omit<TestScore, 'key'> & { alias: string | null }> = [];
  const run = runOf(lines.flatMap((l) => l.words));
  const text = run.text;
  let test: string | null = null;
  let date = defaultDate;
  // A decimal point ("99.2 percentile", "a grade equivalent of 2.9") does not end a sentence.
  const sentence = /(?:[^.!?]|\.(?=\d))+(?:\.(?!\d)|[!?]|$)/g;
  let m: RegExpExecArray | null;
  while ((m = sentence.exec(text))) {
    const s = m[0];
    if (!s.trim()) break;
    const named = testIn(s);
    if (named) test = named;
    if (/administer|tested|testing|assessed|assessment\s+date|evaluat(?:ed|ion)\s+(?:on|date)|given\s+on|(?:was|were)\s+given\b/i.test(s)) {
      // The date that follows the word "administered" (a report date may come earlier in the run).
      const dates = findDates(s);
      const keys = [...s.matchAll(/administer|tested|testing|assess|evaluat|given\s+on|(?:was|were)\s+given\b/gi)].map((k) => k.index ?? 0);
      const at = keys.filter((k) => dates.some((x) => x.index > k)).pop() ?? -1;
      const d = dates.find((x) => x.index > at) ?? dates[0];
      if (d) date = d.iso;
    }
    let score: number | null = null;
    let scoreType: string | null = null;
    for (const [re, type] of SCORE_PHRASES) {
      const sm = re.exec(s);
      if (sm) { score = Number(sm[1]); scoreType = type; break; }
    }
    const pm = PERCENTILE.exec(s);
    const percentile = pm ? Number(pm[1] ?? pm[2] ?? pm[3]) : null;
    if (score === null && percentile === null) continue;
    let subtest: string | null = null;
    for (const re of SUBTEST) {
      const st = re.exec(s.trim());
      if (st) { subtest = st[1].replace(LEAD_IN, '').replace(/^(?:(?:on|in|for)\s+)?(?:the|his|her)\s+/i, '').trim(); break; }
    }
    if (!subtest) continue;
    const cm = CI.exec(s);
    const lm = LEVEL.exec(s);
    const level = lm ? (lm[1] ?? lm[2] ?? lm[3] ?? '').trim() || null : null;
    const name = cleanMeasureName(subtest);
    out.push({
      test: test ?? 'Unknown test',
      subtest: name,
      alias: measureAlias(name),
      date,
      scoreType: score === null ? 'percentile_rank' : scoreType,
      score: score ?? percentile,
      percentile,
      level: level && !/percentile/i.test(level) ? level : null,
      ciLow: cm ? Number(cm[1]) : null,
      ciHigh: cm ? Number(cm[2]) : null,
      source: provenanceOf(documentId, run, m.index, m.index + s.length),
      ...confidenceOf({ words: wordsInRange(run, m.index, m.index + s.length), foundBy: 'pattern', checks: [{ ok: test !== null, yes: 'test named', no: 'no test named', miss: 0.85 }, { ok: date !== null, yes: 'dated', no: 'no date', miss: 0.9 }] }),
    });
  }
  return out;
}

function testIn(text: string): string | null {
  for (const re of TEST_NAMES) {
    const m = re.exec(text);
    if (m) return m[1].replace(/®/g, '').replace(/\s+/g, ' ').trim();
  }
  return null;
}

/** A measure's name as printed, tidied: spaces, footnote marks, a lower-case note in brackets ("(grade-level passage)", "(scaled)"). */
export function cleanMeasureName(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/[*†‡]+$/, '').trim().replace(/\s*\((?=[a-z])[^)]*\)\s*$/, '').trim();
}

/** The canonical name of a measure ("ELA" for "English Language Arts/Literacy"), or null when it has none. */
export function measureAlias(name: string): string | null {
  const n = name.replace(/\s+/g, ' ').trim();
  return MEASURE_ALIASES.find((a) => a.re.test(n))?.alias ?? null;
}
