// Full-text search over every page (SQLite FTS5): words, "phrases", prefix*, AND/OR/NOT, ranked
// by bm25 with a highlighted snippet and the boxes of the matching words on the page.
import type { SearchHit, SearchResult } from '../../../shared/api/search';
import type { BBox, DocType, Word } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { caseTag, typeTag } from '../db/queries/search-index';
import { pagesOfIndexRows, pageWordsJson, rankMatches, type RankedMatch } from './queries';

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
export function matchBoxes(words: Word[], terms: string[]): BBox[] {
  const folded = terms.map(fold);
  // Every match contains its term's prefix or stem (a stem is a prefix of its word), so a substring
  // test rejects most words before the split and stemming, which dominated search time.
  const keys = folded.map((t) => (t.endsWith('*') ? t.slice(0, -1) : stem(t)));
  return words
    .filter((w) => {
      const text = isAscii(w.text) ? w.text.toLowerCase() : fold(w.text);
      if (!keys.some((k) => text.includes(k))) return false;
      const parts = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      return parts.some((p) => folded.some((t) => tokenMatches(p, t)));
    })
    .map((w) => w.bbox);
}

/**
 * Text with nothing outside ASCII needs no Unicode folding, only lower-casing. (V8 counts UTF-8
 * bytes far faster than a regex scans a page's 17 KB of words_json.)
 */
const isAscii = (s: string) => Buffer.byteLength(s, 'utf8') === s.length;

/**
 * matchBoxes on a page's stored words_json without parsing all of it: a page holds hundreds of
 * words and parsing them all for every hit was most of a search's time. Only the word objects whose
 * raw JSON contains a term's prefix or stem are parsed; anything unexpected (non-ASCII text, an
 * object that does not parse alone) falls back to the full parse, so the result is always the same.
 */
export function matchBoxesInJson(wordsJson: string, terms: string[]): BBox[] {
  const full = () => matchBoxes(JSON.parse(wordsJson) as Word[], terms);
  if (!isAscii(wordsJson)) return full();
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

/** Whether a folded token of the page matches a folded query term (term* matches by prefix). */
const tokenMatches = (token: string, term: string) =>
  term.endsWith('*') ? token.startsWith(term.slice(0, -1)) : token === term || stem(token) === stem(term);

const SNIPPET_TOKENS = 16;
/** Characters a window of SNIPPET_TOKENS tokens spans on an average page. */
const SNIPPET_SPAN = SNIPPET_TOKENS * 6;

interface Token {
  start: number;
  end: number;
  /** Index of the query term it matches, or -1. */
  term: number;
}

/**
 * A snippet of a page around its best cluster of matching words, the matches between HIT_START
 * and HIT_END (neighbouring matches share one mark), "…" where text was cut. It matches words as
 * the boxes do. (FTS5's snippet() tokenises the page again inside a MATCH query for every hit,
 * which costs a prefix query its whole expansion each time: 25 ms for 50 hits of read* at 10k
 * pages.) The matches are found with indexOf, and only the text around the best one is split into
 * words.
 */
export function makeSnippet(text: string, terms: string[], maxTokens = SNIPPET_TOKENS): string {
  const folded = terms.map(fold);
  const ascii = isAscii(text);
  const matches = ascii ? findMatches(text.toLowerCase(), folded) : tokenize(text, 0, text.length, folded).filter((t) => t.term >= 0);
  const matchAt = new Map(matches.map((m) => [m.start, m.term]));
  // The match that starts the richest stretch: most different terms, then most matches.
  let anchor = matches[0]?.start ?? 0;
  let bestScore = -1;
  for (let i = 0; i < matches.length; i++) {
    const seen = new Set<number>();
    let j = i;
    for (; j < matches.length && matches[j].start < matches[i].start + SNIPPET_SPAN; j++) seen.add(matches[j].term);
    const score = seen.size * 1000 + (j - i);
    if (score > bestScore) {
      bestScore = score;
      anchor = matches[i].start;
    }
  }
  const from = Math.max(0, anchor - SNIPPET_SPAN / 2);
  const to = Math.min(text.length, anchor + SNIPPET_SPAN * 2);
  // ASCII text: the matches are known, the words around them only need their bounds.
  const tokens = ascii ? asciiWords(text, from, to, matchAt) : tokenize(text, from, to, folded);
  const wordAt = (i: number) => /[\p{L}\p{N}]/u.test(text.charAt(i));
  const cut = (at: number) => wordAt(at - 1) && wordAt(at);
  if (from > 0 && cut(from)) tokens.shift(); // the tail of a word cut at `from`
  if (to < text.length && cut(to)) tokens.pop(); // the head of a word cut at `to`
  if (!tokens.length) return '';
  const at = Math.max(0, tokens.findIndex((t) => t.start >= anchor));
  // A few words of context before the first match, when the window has room for them.
  const first = Math.max(0, Math.min(at - 3, tokens.length - maxTokens));
  const last = Math.min(tokens.length, first + maxTokens) - 1;
  let out = first > 0 || from > 0 ? '…' : '';
  let pos = tokens[first].start;
  let open = false;
  for (let j = first; j <= last; j++) {
    const t = tokens[j];
    const gap = text.slice(pos, t.start);
    if (open && (t.term < 0 || /\S/.test(gap))) {
      out += HIT_END;
      open = false;
    }
    out += gap;
    if (t.term >= 0 && !open) {
      out += HIT_START;
      open = true;
    }
    out += text.slice(t.start, t.end);
    pos = t.end;
  }
  if (open) out += HIT_END;
  const atEnd = last === tokens.length - 1 && to === text.length;
  return out + (atEnd ? text.slice(pos).trimEnd() : '…');
}

const WORD = /[\p{L}\p{N}]+/gu;
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122); // lower-case ASCII text

/** The words of text[from, to) with the query term each matches. */
function tokenize(text: string, from: number, to: number, folded: string[]): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD)) {
    const word = isAscii(m[0]) ? m[0].toLowerCase() : fold(m[0]);
    out.push({ start: from + m.index, end: from + m.index + m[0].length, term: folded.findIndex((t) => tokenMatches(word, t)) });
  }
  return out;
}

const ASCII_WORD = /[a-z0-9]+/gi;

function asciiWords(text: string, from: number, to: number, matchAt: Map<number, number>): Token[] {
  const out: Token[] = [];
  ASCII_WORD.lastIndex = from;
  for (let m = ASCII_WORD.exec(text); m && m.index < to; m = ASCII_WORD.exec(text)) {
    const start = m.index;
    out.push({ start, end: Math.min(to, start + m[0].length), term: matchAt.get(start) ?? -1 });
  }
  return out;
}

/** Matching words of lower-cased ASCII text, found by their terms' prefixes or stems. */
function findMatches(lower: string, folded: string[]): Token[] {
  const found = new Map<number, Token>();
  for (const term of folded) {
    const key = term.endsWith('*') ? term.slice(0, -1) : stem(term);
    if (!key) continue;
    for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) {
      let start = at;
      while (start > 0 && isWordChar(lower.charCodeAt(start - 1))) start--;
      if (found.has(start)) continue;
      let end = at + key.length;
      while (end < lower.length && isWordChar(lower.charCodeAt(end))) end++;
      const word = lower.slice(start, end);
      const index = folded.findIndex((t) => tokenMatches(word, t));
      if (index >= 0) found.set(start, { start, end, term: index });
    }
  }
  return [...found.values()].sort((x, y) => x.start - y.start);
}

export interface SearchOptions {
  query: string;
  caseId?: string;
  types?: DocType[];
  dateFrom?: string;
  dateTo?: string;
  limit?: number;
}

/**
 * Most matching pages ranked for one search. bm25 costs about a microsecond per matching page and
 * FTS5 computes it for every match before it can return the best, so a word on nearly every page
 * of a 100,000-page data folder took 100+ ms. A search ranks the newest RANK_WINDOW matching pages
 * (most recently indexed first, the order FTS5 walks cheaply): exact whenever fewer pages match,
 * and said so in the result (rankedAmong) when more do.
 */
export const RANK_WINDOW = 1000;

/**
 * Boxes of the words on a page that a search matches, for the viewer to draw when a hit is opened.
 * (Hits carry none: boxing all of them was the larger part of a search's time, for one page shown.)
 */
export function pageBoxes(core: Core, documentId: string, page: number, query: string): BBox[] {
  const wordsJson = pageWordsJson(core.db, documentId, page);
  if (wordsJson === null) throw new AppError('not_found', `There is no page ${page} of that document.`);
  return matchBoxesInJson(wordsJson, parseSearchQuery(query).terms);
}

export function search(core: Core, opts: SearchOptions, window = RANK_WINDOW): SearchResult {
  const parsed = parseSearchQuery(opts.query);
  if (!parsed.fts) throw new AppError('invalid_input', 'Type a word or phrase to search for.');
  // What a person typed searches the text column only; the filters are tags in the other column.
  const match = [`text : (${parsed.fts})`];
  if (opts.caseId) match.push(`tags : "${caseTag(opts.caseId)}"`);
  if (opts.types?.length) match.push(`tags : (${opts.types.map((t) => `"${typeTag(t)}"`).join(' OR ')})`);
  let ranked: RankedMatch[];
  try {
    ranked = rankMatches(core.db, { match: match.join(' AND '), window, limit: opts.limit ?? 50, dateFrom: opts.dateFrom, dateTo: opts.dateTo });
  } catch (e) {
    throw new AppError('invalid_input', `That search could not be understood (${(e as Error).message}). Check quotes and AND/OR/NOT.`);
  }
  if (!ranked.length) return { hits: [], rankedAmong: null };
  const details = new Map(pagesOfIndexRows(core.db, ranked.map((r) => r.rid)).map((r) => [r.rid, r]));
  const hits: SearchHit[] = [];
  for (const r of ranked) {
    const d = details.get(r.rid);
    if (!d || d.deletedAt) continue; // the app takes trashed documents out of the index; this is a safety net
    hits.push({
      documentId: d.documentId,
      caseId: d.caseId,
      caseName: d.caseName,
      fileName: d.fileName,
      title: d.title ?? d.fileName,
      type: d.type as DocType,
      date: d.date,
      page: d.pageNumber,
      snippet: makeSnippet(d.text, parsed.terms),
      score: -r.score,
    });
  }
  return { hits, rankedAmong: ranked[0].matched > window ? window : null };
}
