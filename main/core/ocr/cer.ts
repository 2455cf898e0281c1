// Character error rate exactly as ../shared/eval/score.py computes it: NFKC, whitespace runs
// collapsed to one space, Levenshtein distance over the reference length.

export function normalizeWhitespace(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance over UTF-16 code units (the texts here are BMP, as Python's str is per code point). */
export function levenshtein(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let curr = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length];
}

/** CER of a hypothesis against a reference, both whitespace-normalised first. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = normalizeWhitespace(reference);
  const hyp = normalizeWhitespace(hypothesis);
  return levenshtein(ref, hyp) / Math.max(1, ref.length);
}
