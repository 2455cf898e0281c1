// How sure the reader is of a value, from its evidence rather than a constant: the recognised words
// inside the value's box (OCR confidence; a text layer leaves no doubt), how the value was found
// (a labelled field, a table cell under a recognised header, a sentence pattern, a fallback), and
// checks that agree or not (the code is in the report's legend, the value is complete). Each value
// keeps the short reasons, which Review shows beside its "n% sure".
import type { Word } from '../../../shared/domain';

export type FoundBy = 'labelled' | 'table' | 'pattern' | 'fallback';

/** One check on a value: what it says when it holds, what when it does not, and how much a miss costs (0-1, the factor kept). */
export interface EvidenceCheck {
  ok: boolean;
  yes: string;
  no: string;
  /** The factor a miss multiplies the confidence by. */
  miss: number;
}

export interface Evidence {
  /** The recognised words inside the value's box. */
  words: ReadonlyArray<Pick<Word, 'conf'>>;
  foundBy: FoundBy;
  checks?: EvidenceCheck[];
}

export interface Confidence {
  confidence: number;
  reasons: string[];
}

const FOUND_BY: Record<FoundBy, { base: number; reason: string }> = {
  labelled: { base: 0.95, reason: 'labelled field' },
  table: { base: 0.92, reason: 'table cell under a recognised header' },
  pattern: { base: 0.8, reason: 'read from a sentence' },
  fallback: { base: 0.6, reason: 'found by a fallback' },
};

/** An OCR word under this is doubtful (tesseract's own scale, 0-100). */
export const DOUBTFUL_WORD_CONF = 80;
/** What a box with a doubtful word keeps of its confidence, before the mean's share. */
const DOUBT_FACTOR = 0.85;

/**
 * The factor the box's words give: none for a text layer (every word 100); for OCR the mean word
 * confidence weighs in mildly (0.7 + 0.3 * mean) and any doubtful word costs DOUBT_FACTOR more.
 */
function wordsFactor(words: Evidence['words']): { factor: number; reason: string | null } {
  if (words.length === 0) return { factor: 1, reason: null };
  if (words.every((w) => w.conf >= 100)) return { factor: 1, reason: 'text layer' };
  const mean = words.reduce((s, w) => s + w.conf, 0) / words.length;
  const doubtful = words.filter((w) => w.conf < DOUBTFUL_WORD_CONF).length;
  const factor = (0.7 + (0.3 * mean) / 100) * (doubtful ? DOUBT_FACTOR : 1);
  const reason = `OCR ${Math.round(mean)}% in box${doubtful ? `, ${doubtful} doubtful ${doubtful === 1 ? 'word' : 'words'}` : ''}`;
  return { factor, reason };
}

export function confidenceOf(e: Evidence): Confidence {
  const found = FOUND_BY[e.foundBy];
  const words = wordsFactor(e.words);
  let confidence = found.base * words.factor;
  const reasons = [words.reason, found.reason].filter((r): r is string => r !== null);
  for (const c of e.checks ?? []) {
    if (!c.ok) confidence *= c.miss;
    const said = c.ok ? c.yes : c.no;
    if (said) reasons.push(said);
  }
  return { confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100, reasons };
}

/** A check only worth stating when it holds (nothing is said, nothing lost, when it does not). */
export const bonusCheck = (ok: boolean, yes: string): EvidenceCheck => ({ ok, yes, no: '', miss: 1 });

/** A progress code's checks: one was found, and the report's legend names it (when it prints one). */
export function codeChecks(code: string | null, legend: Record<string, string>): EvidenceCheck[] {
  const checks: EvidenceCheck[] = [{ ok: code !== null, yes: 'progress code found', no: 'no progress code found', miss: 0.6 }];
  if (code !== null && Object.keys(legend).length > 0) checks.push({ ok: code in legend, yes: 'code in legend', no: 'code not in the legend', miss: 0.8 });
  return checks;
}

/** A service's dose is complete when it comes to minutes per week or per month. */
export function doseCheck(dose: { minutesPerWeek: number | null; minutesPerMonth: number | null }): EvidenceCheck {
  return { ok: dose.minutesPerWeek !== null || dose.minutesPerMonth !== null, yes: 'minutes per week or month', no: 'minutes per week or month unknown', miss: 0.7 };
}
