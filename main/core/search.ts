// Full-text search over every page (SQLite FTS5): words, "phrases", prefix*, AND/OR/NOT, ranked
// by bm25 with a highlighted snippet and the boxes of the matching words on the page.
import type { SearchHit } from '../../shared/api/documents';
import type { DocType, Word } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Core } from './context';

/** Snippet highlight markers: control characters no page text contains. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

export interface ParsedQuery {
  fts: string;
  /** Lower-cased terms (prefix terms end with '*') used to box words on the page. */
  terms: string[];
}

/** Turns what a person types into a safe FTS5 expression; punctuation cannot break the syntax. */
export function parseSearchQuery(input: string): ParsedQuery {
  const tokens = input.match(/"[^"]*"?|\(|\)|[^\s()"]+/g) ?? [];
  const out: string[] = [];
  const terms: string[] = [];
  let expectOperand = true;
  for (const raw of tokens) {
    const upper = raw.toUpperCase();
    if ((upper === 'AND' || upper === 'OR' || upper === 'NOT') && !expectOperand) {
      out.push(upper);
      expectOperand = true;
      continue;
    }
    if (raw === '(' || raw === ')') {
      out.push(raw);
      expectOperand = raw === '(';
      continue;
    }
    if (raw.startsWith('"')) {
      const phrase = raw.replace(/"/g, '').trim();
      const words = phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (!words.length) continue;
      out.push(`"${words.join(' ')}"`);
      terms.push(...words.map((w) => w.toLowerCase()));
    } else {
      const prefix = raw.endsWith('*');
      const words = raw.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (!words.length) continue;
      // "3/4" or "e-mail" become a phrase of their parts, as the tokenizer indexed them.
      out.push(words.length > 1 ? `"${words.join(' ')}"${prefix ? '*' : ''}` : `"${words[0]}"${prefix ? '*' : ''}`);
      words.forEach((w, i) => terms.push(w.toLowerCase() + (prefix && i === words.length - 1 ? '*' : '')));
    }
    if (!expectOperand) out.splice(out.length - 1, 0, 'AND');
    expectOperand = false;
  }
  while (out.length && ['AND', 'OR', 'NOT', '('].includes(out[out.length - 1])) out.pop();
  const opens = out.filter((t) => t === '(').length - out.filter((t) => t === ')').length;
  for (let i = 0; i < opens; i++) out.push(')');
  return { fts: out.join(' '), terms };
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Boxes of the words on a page that match any term (whole word, or prefix for term*). */
export function matchBoxes(words: Word[], terms: string[]): [number, number, number, number][] {
  const folded = terms.map(fold);
  // Every match contains its term's prefix or stem (a stem is a prefix of its word), so a substring
  // test rejects most words before the split and stemming, which dominated search time.
  const keys = folded.map((t) => (t.endsWith('*') ? t.slice(0, -1) : stem(t)));
  return words
    .filter((w) => {
      const text = ASCII.test(w.text) ? w.text.toLowerCase() : fold(w.text);
      if (!keys.some((k) => text.includes(k))) return false;
      const parts = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      return parts.some((p) => folded.some((t) => (t.endsWith('*') ? p.startsWith(t.slice(0, -1)) : p === t || stem(p) === stem(t))));
    })
    .map((w) => w.bbox);
}

/** Text with nothing outside ASCII needs no Unicode folding (only lower-casing). */
const ASCII = /^[\p{ASCII}]*$/u;

/**
 * matchBoxes on a page's stored words_json without parsing all of it: a page holds hundreds of
 * words and parsing them all for every hit was most of a search's time. Only the word objects whose
 * raw JSON contains a term's prefix or stem are parsed; anything unexpected (non-ASCII text, an
 * object that does not parse alone) falls back to the full parse, so the result is always the same.
 */
export function matchBoxesInJson(wordsJson: string, terms: string[]): [number, number, number, number][] {
  const full = () => matchBoxes(JSON.parse(wordsJson) as Word[], terms);
  if (!ASCII.test(wordsJson)) return full();
  const lower = wordsJson.toLowerCase();
  const keys = terms.map(fold).map((t) => (t.endsWith('*') ? t.slice(0, -1) : stem(t))).filter(Boolean);
  if (keys.length < terms.length) return full();
  const starts = new Set<number>();
  for (const key of keys) {
    for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + key.length)) {
      const start = lower.lastIndexOf('{', at);
      if (start >= 0) starts.add(start);
    }
  }
  const candidates: Word[] = [];
  for (const start of [...starts].sort((a, b) => a - b)) {
    const end = wordsJson.indexOf('}', start);
    try {
      const word = JSON.parse(wordsJson.slice(start, end + 1)) as Word;
      if (typeof word.text !== 'string' || !Array.isArray(word.bbox)) return full();
      candidates.push(word);
    } catch {
      return full();
    }
  }
  return matchBoxes(candidates, terms);
}

/** A light stem so "goals" boxes for "goal", matching what the porter tokenizer found. */
const stem = (w: string) => w.replace(/(ing|ed|es|s)$/, '');

export interface SearchOptions {
  query: string;
  caseId?: string;
  types?: DocType[];
  dateFrom?: string;
  dateTo?: string;
  limit?: number;
}

interface HitRow {
  document_id: string;
  page_number: number;
  case_id: string;
  case_name: string;
  file_name: string;
  title: string | null;
  type: string;
  date: string | null;
  snippet: string;
  score: number;
  words_json: string;
}

export function search(core: Core, opts: SearchOptions): SearchHit[] {
  const parsed = parseSearchQuery(opts.query);
  if (!parsed.fts) throw new AppError('invalid_input', 'Type a word or phrase to search for.');
  const where: string[] = ['pages_fts MATCH @fts', 'd.deleted_at IS NULL'];
  const params: Record<string, unknown> = { fts: parsed.fts, limit: opts.limit ?? 50 };
  if (opts.caseId) {
    where.push('f.case_id = @caseId');
    params.caseId = opts.caseId;
  }
  if (opts.types?.length) {
    where.push(`d.type IN (${opts.types.map((_, i) => `@t${i}`).join(', ')})`);
    opts.types.forEach((t, i) => (params[`t${i}`] = t));
  }
  if (opts.dateFrom) {
    where.push('d.date >= @dateFrom');
    params.dateFrom = opts.dateFrom;
  }
  if (opts.dateTo) {
    where.push('d.date <= @dateTo');
    params.dateTo = opts.dateTo;
  }
  let rows: HitRow[];
  try {
    // ORDER BY f.rank (bm25) is done inside FTS5, so rows arrive best first and SQLite stops at the
    // limit: the joins, the snippet and the (large) words_json are computed for the rows returned
    // only. Ordering by a bm25() column instead sorted every match after building all of them.
    rows = core.db
      .prepare<Record<string, unknown>, HitRow>(
        `SELECT f.document_id, f.page_number, f.case_id, c.name AS case_name, d.file_name, d.title, d.type, d.date,
           snippet(pages_fts, 0, '${HIT_START}', '${HIT_END}', '…', 16) AS snippet, f.rank AS score, p.words_json
         FROM pages_fts f
         JOIN documents d ON d.id = f.document_id
         JOIN cases c ON c.id = f.case_id
         JOIN pages p ON p.document_id = f.document_id AND p.page_number = f.page_number
         WHERE ${where.join(' AND ')}
         ORDER BY f.rank
         LIMIT @limit`,
      )
      .all(params);
  } catch (e) {
    throw new AppError('invalid_input', `That search could not be understood (${(e as Error).message}). Check quotes and AND/OR/NOT.`);
  }
  return rows.map((r) => ({
    documentId: r.document_id,
    caseId: r.case_id,
    caseName: r.case_name,
    fileName: r.file_name,
    title: r.title ?? r.file_name,
    type: r.type as DocType,
    date: r.date,
    page: r.page_number,
    snippet: r.snippet,
    score: -r.score,
    boxes: matchBoxesInJson(r.words_json, parsed.terms),
  }));
}
