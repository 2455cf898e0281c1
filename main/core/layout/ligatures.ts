// Repairs words whose ligature glyphs ("ti", "tt", "ff", "fi", "fl", "ffi") a PDF's fonts map to no
// letters: pdf.js then gives the glyph's code as a character (a control character, "=", "!", "&",
// "9") or a space, and "hyperactivity" reads "hyperac=vity". A split word is joined back with the
// ligature's letters when the result is a known word: the English word list shipped with the app,
// or a word the document prints intact elsewhere. What the document confirms this way is learnt per
// font and character ("=" is "ti" in this font) and then mends words no list knows (names, Spanish).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Word } from '../../../shared/domain';

/** Letters a lost ligature glyph most often stood for, commonest first. */
export const LIGATURES = ['ti', 'fi', 'ff', 'tt', 'fl', 'ffi', 'tti', 'tf', 'ffl', 'ft', 'fft'] as const;

/** What the fonts tell about a suspect character: its glyph has no Unicode mapping, and which ligatures its width fits, best first. */
export interface GlyphHint {
  unmapped: true;
  ranked: string[];
}

/** Hints by font key (pdf.js loaded font name), then by the character pdf.js emitted. */
export type GlyphHints = Map<string, Map<string, GlyphHint>>;

export interface RepairItem {
  word: Word;
  /** Font key of the word's text run, when known. */
  font: string | null;
}

/** What the repair asks of a word list. */
export interface WordSet {
  has(word: string): boolean;
}

let englishWords: WordSet | null = null;

/**
 * The shipped English word list (an-array-of-english-words, MIT: 275,000 lower-case words, sorted),
 * loaded once and only for a document that needs it. Kept as its file's text with word offsets and
 * searched by bisection: about 5 MB, where a Set of the words takes over 20.
 */
export function englishWordList(): WordSet {
  if (!englishWords) {
    const require = createRequire(import.meta.url);
    englishWords = sortedWordList(readFileSync(require.resolve('an-array-of-english-words/index.json'), 'utf8'));
  }
  return englishWords;
}

/** A word list from a JSON array of sorted strings without escapes, searched in place. */
export function sortedWordList(json: string): WordSet {
  const quotes: number[] = [];
  for (let i = json.indexOf('"'); i >= 0; i = json.indexOf('"', i + 1)) quotes.push(i);
  const n = quotes.length >> 1;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    starts[k] = quotes[2 * k] + 1;
    ends[k] = quotes[2 * k + 1];
  }
  return {
    has(word: string): boolean {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const w = json.slice(starts[mid], ends[mid]);
        if (w === word) return true;
        if (w < word) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}

/** Presentation-form ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) as their letters. */
export const normaliseLigatureForms = (text: string): string => text.replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'));

// A character standing between two letters that no word would hold there: controls, symbols, digits.
// Apostrophes, hyphens, slashes and stops are left alone ("don't", "and/or", "e.g"); a straight
// double quote between two letters ("instruc"on") is a glyph too, never a quotation there.
const SUSPECT_CHARS = String.raw`[\p{Cc}=!&>#$%*+<@^~|?\d\ufffd"]`;
const SUSPECT = new RegExp(SUSPECT_CHARS, 'u');
// The word's letters with any suspect characters among them or at their lower-case ends ("=nal", "sta=").
// At a word's ends a digit is an ordinal or a count ("2nd", "3x"), never a lost ligature.
const EDGE_CHARS = String.raw`[\p{Cc}=!&>#$%*+<@^~|?\ufffd]`;
const BROKEN_WORD = new RegExp(String.raw`^(.*?)((?:\p{L}|(?<=\p{L})${SUSPECT_CHARS}(?=\p{L})|${EDGE_CHARS}(?=\p{Ll})|(?<=\p{Ll})${EDGE_CHARS})+)(.*)$`, 'su');
const LETTER = /\p{L}/u;

const core = (text: string) => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

interface Split {
  item: RepairItem;
  /** Text before the word's letters, the letters with suspects, and what follows. */
  lead: string;
  body: string;
  tail: string;
  /** Indexes in body of the suspect characters. */
  at: number[];
  /** Suspects only at the word's ends: mended only where a word list or the document confirms it. */
  edgeOnly: boolean;
}

/** Repairs the words in place (text only: boxes stay where the glyphs were). Returns how many words changed. */
export function repairLigatures(items: RepairItem[], options: { hints?: GlyphHints; dictionary?: WordSet } = {}): number {
  const dictionary = () => options.dictionary ?? englishWordList();
  const hints = options.hints ?? new Map();
  let changed = 0;
  for (const item of items) {
    const normal = normaliseLigatureForms(item.word.text);
    if (normal !== item.word.text) {
      item.word.text = normal;
      changed++;
    }
  }
  // Parts of a compound ("social-emo&onal", "Team/Interven=on") are mended one by one.
  const compounds = items.map((item) => {
    const bits = item.word.text.split(/([-/\u2013])/);
    const parts = bits.filter((_, i) => i % 2 === 0).map((text) => ({ word: { ...item.word, text }, font: item.font }));
    return { item, parts, seps: bits.filter((_, i) => i % 2 === 1) };
  });
  changed += repairParts(compounds.flatMap((c) => c.parts), dictionary, hints);
  for (const { item, parts, seps } of compounds) {
    const text = parts.map((p, i) => p.word.text + (seps[i] ?? '')).join('');
    // A word joined into the one before it is emptied; a lone "-" or "/" stays as printed.
    const emptied = parts.every((p) => !p.word.text) && /[^-/\u2013]/.test(item.word.text);
    item.word.text = emptied ? '' : text;
    item.word.bbox = parts.length === 1 ? parts[0].word.bbox : item.word.bbox;
  }
  return changed;
}

/** `dictionary` is asked for only when a word looks broken: clean documents never load the word list. */
function repairParts(items: RepairItem[], dictionary: () => WordSet, hints: GlyphHints): number {
  let changed = 0;
  const known = new Set<string>();
  const splits: Split[] = [];
  for (const item of items) {
    const split = suspectSplit(item);
    if (split) splits.push(split);
    else {
      const c = core(item.word.text).toLowerCase();
      if (c.length >= 3) known.add(c);
    }
  }
  // Words split where a ligature became a space are looked for only where the document shows the loss.
  if (splits.length === 0 && hints.size === 0) return changed;
  const words = dictionary();
  const isKnown = (w: string) => words.has(w) || known.has(w);
  const votes = new Map<string, Map<string, number>>();
  const unresolved: Split[] = [];
  for (const split of splits) {
    // A mark at a known word's end is punctuation ("How?"), even where the mended form is a word too.
    if (split.edgeOnly && isKnown([...split.body].filter((_, i) => !split.at.includes(i)).join('').toLowerCase())) continue;
    const options_ = split.at.map((i) => candidates(hints, split.item.font, split.body[i]));
    const found = firstKnown(split.body, split.at, options_, isKnown);
    if (!found) {
      unresolved.push(split);
      continue;
    }
    split.at.forEach((i, k) => vote(votes, voteKey(split.item.font, split.body[i]), found[k]));
    apply(split, found);
    changed++;
  }
  // What the document confirmed mends the words no list knows: the same character in the same font.
  for (const split of unresolved) {
    if (split.edgeOnly) continue;
    const choice = split.at.map((i) => learnt(votes, split.item.font, split.body[i]) ?? hintedOnly(hints, split.item.font, split.body[i]));
    if (choice.every((c): c is string => c !== null)) {
      apply(split, choice);
      changed++;
    }
  }
  return changed + joinSplitWords(items, isKnown, (w) => words.has(w));
}

function suspectSplit(item: RepairItem): Split | null {
  const text = item.word.text;
  const m = BROKEN_WORD.exec(text);
  if (!m || !LETTER.test(m[2])) return null;
  const [, lead, body, tail] = m;
  const at: number[] = [];
  let inner = 0;
  for (let i = 0; i < body.length; i++) {
    if (!SUSPECT.test(body[i])) continue;
    at.push(i);
    if (i > 0 && i < body.length - 1) inner++;
  }
  // An all-capitals or digit-heavy token (a code such as "A1C" or "R&D") is not a broken word.
  if (at.length === 0 || at.length > 3 || body === body.toUpperCase()) return null;
  if (at.some((i) => /\d/.test(body[i])) && /\d{2}/.test(body)) return null;
  return { item, lead, body, tail, at, edgeOnly: inner === 0 };
}

function candidates(hints: GlyphHints, font: string | null, ch: string): string[] {
  const hint = font ? hints.get(font)?.get(ch) : undefined;
  if (!hint) return [...LIGATURES];
  return [...hint.ranked, ...LIGATURES.filter((l) => !hint.ranked.includes(l))];
}

/** The first combination of ligatures (in candidate order) that makes a known word. */
function firstKnown(body: string, at: number[], options: string[][], isKnown: (w: string) => boolean): string[] | null {
  const pick: string[] = [];
  const walk = (k: number): boolean => {
    if (k === at.length) return isKnown(substitute(body, at, pick).toLowerCase());
    for (const lig of options[k]) {
      pick[k] = lig;
      if (walk(k + 1)) return true;
    }
    return false;
  };
  return walk(0) ? [...pick] : null;
}

function substitute(body: string, at: number[], ligs: string[]): string {
  let out = '';
  let from = 0;
  at.forEach((i, k) => {
    const near = [body[i - 1], body[i + 1]].filter((c): c is string => !!c && LETTER.test(c));
    const upper = near.length > 0 && near.every((c) => c === c.toUpperCase());
    out += body.slice(from, i) + (upper ? ligs[k].toUpperCase() : ligs[k]);
    from = i + 1;
  });
  return out + body.slice(from);
}

function apply(split: Split, ligs: string[]): void {
  split.item.word.text = split.lead + substitute(split.body, split.at, ligs) + split.tail;
}

const voteKey = (font: string | null, ch: string) => `${font ?? ''}\u0000${ch}`;

function vote(votes: Map<string, Map<string, number>>, key: string, lig: string): void {
  const counts = votes.get(key) ?? new Map<string, number>();
  counts.set(lig, (counts.get(lig) ?? 0) + 1);
  votes.set(key, counts);
}

/** The ligature a character stood for in this font, when two or more repaired words agree on it and none disagree. */
function learnt(votes: Map<string, Map<string, number>>, font: string | null, ch: string): string | null {
  const counts = votes.get(voteKey(font, ch));
  if (!counts || counts.size !== 1) return null;
  const [[lig, n]] = [...counts];
  return n >= 2 ? lig : null;
}

/** A glyph the font maps to no text, whose width fits one ligature: trusted without a word list. */
function hintedOnly(hints: GlyphHints, font: string | null, ch: string): string | null {
  const hint = font ? hints.get(font)?.get(ch) : undefined;
  return hint && hint.ranked.length === 1 ? hint.ranked[0] : null;
}

/**
 * Words cut in two where the ligature became a space ("educa on"): joined when the joined form is a
 * known word and its halves are not both words ("a end" stays). The second word keeps its box in the
 * union; it is removed from the list's words by emptying its text.
 */
function joinSplitWords(items: RepairItem[], isKnown: (w: string) => boolean, isWord: (w: string) => boolean): number {
  let joined = 0;
  for (let i = 0; i + 1 < items.length; i++) {
    const a = items[i].word;
    const b = items[i + 1].word;
    if (!a.text || !b.text || !/\p{Ll}$/u.test(a.text) || !/^\p{Ll}/u.test(b.text)) continue;
    const h = Math.min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]);
    const gap = b.bbox[0] - a.bbox[2];
    const sameLine = Math.abs(a.bbox[1] - b.bbox[1]) < h * 0.3;
    if (!sameLine || gap < 0 || gap > h * 1.2) continue;
    const left = core(a.text).toLowerCase();
    const right = core(b.text).toLowerCase();
    // The halves are judged by the word list alone: the document itself prints the broken halves.
    if (isWord(left) && isWord(right)) continue;
    const lig = LIGATURES.find((l) => isKnown(left + l + right));
    if (!lig) continue;
    a.text = a.text + lig + b.text;
    a.bbox = [a.bbox[0], Math.min(a.bbox[1], b.bbox[1]), b.bbox[2], Math.max(a.bbox[3], b.bbox[3])];
    b.text = '';
    joined++;
    i++;
  }
  return joined;
}
