// Table rules and specks that OCR reads as characters ("|", "¦", "___", "......", a lone ","), taken
// out of the text values read from scanned pages. A mark inside a word ("wi|l": an l or an I?) is
// not guessed at: the value is marked for review instead. Text-layer values are left as printed.
import type { ExtractionResult, PageContent, Provenance } from '../../../shared/domain';

/** A whole token that is only a rule, a leader or a speck. */
const RULE_TOKEN = /^(?:[|¦_]+|[.·…]{3,}|[-–—=~]{3,}|[.,;:'"`^*°•©®]{1,2})$/;
/** A rule or leader stuck to either end of a word ("|Reading", "goal|", "Reading......"). */
const STUCK_EDGES = /^[|¦_]+|[|¦_]+$|[.·…]{3,}$/g;
/** A rule mark between letters: a misread l or I, not cleaned. */
const INSIDE_WORD = /\p{L}[|¦]\p{L}/u;

export interface Cleaned {
  text: string;
  /** Something was taken out. */
  changed: boolean;
  /** A mark is left that cleaning could not settle: the value wants a look. */
  unsure: boolean;
}

export function cleanStrayMarks(text: string): Cleaned {
  const tokens = text.split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (const token of tokens) {
    if (RULE_TOKEN.test(token)) continue;
    // "Reading........85": a leader joining two words is a space.
    const stripped = token.replace(/(?<=[^\s.·…])[.·…]{4,}(?=[^\s.·…])/g, ' ').replace(STUCK_EDGES, '');
    if (stripped) kept.push(stripped);
  }
  const cleaned = kept.join(' ');
  return { text: cleaned, changed: cleaned !== text.replace(/\s+/g, ' ').trim(), unsure: INSIDE_WORD.test(cleaned) };
}

interface Valued {
  source: Provenance;
  confidence: number;
  reasons?: string[];
}

/** What a value keeps of its confidence with a mark left in it. */
const UNSURE_FACTOR = 0.7;

/**
 * Cleans the named text fields of one value read from an OCR page, in place, and says so in its
 * reasons; a mark left inside a word lowers its confidence so Review shows it early.
 */
function cleanValue<T extends Valued>(value: T, fields: ReadonlyArray<keyof T>, ocrPages: Set<number>): void {
  if (!ocrPages.has(value.source.page)) return;
  let changed = false;
  let unsure = false;
  const record = value as unknown as Record<string, unknown>;
  for (const field of fields) {
    const v = record[field as string];
    if (typeof v === 'string') {
      const c = cleanStrayMarks(v);
      if (c.changed) record[field as string] = c.text || null;
      changed ||= c.changed;
      unsure ||= c.unsure;
    } else if (Array.isArray(v)) {
      record[field as string] = v.map((item) => {
        if (typeof item !== 'string') return item;
        const c = cleanStrayMarks(item);
        changed ||= c.changed;
        unsure ||= c.unsure;
        return c.text;
      });
    }
  }
  const reasons = [...(value.reasons ?? [])];
  if (changed) reasons.push('stray marks removed');
  if (unsure) {
    reasons.push('a mark inside a word: check it');
    value.confidence = Math.round(value.confidence * UNSURE_FACTOR * 100) / 100;
  }
  if (changed || unsure) value.reasons = reasons;
}

/** Cleans every text value of a result read from OCR pages (goals, services, progress entries, scores). */
export function cleanResult(result: ExtractionResult, pages: PageContent[]): ExtractionResult {
  const ocrPages = new Set(pages.filter((p) => p.source === 'ocr').map((p) => p.pageNumber));
  if (ocrPages.size === 0) return result;
  for (const iep of [result.iep].filter((i) => i !== null)) {
    for (const g of [...iep.goals, ...(iep.priorGoals ?? [])]) cleanValue(g, ['text', 'area', 'baselineText', 'measuredBy', 'objectives'], ocrPages);
    for (const s of iep.services) cleanValue(s, ['service', 'location', 'provider', 'frequencyText'], ocrPages);
  }
  for (const e of [...(result.progressReport?.entries ?? []), ...(result.iep?.priorProgress ?? [])]) cleanValue(e, ['goalLabel', 'comment'], ocrPages);
  for (const t of result.testScores) cleanValue(t, ['test', 'subtest', 'level'], ocrPages);
  return result;
}
