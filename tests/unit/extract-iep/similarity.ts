// The goal-text similarity score.py uses (difflib.SequenceMatcher.ratio on normalised text, no
// autojunk), reimplemented for tests: Ratcliff/Obershelp matching blocks.
export function normForScore(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}_%.]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

function matchedChars(a: string, b: string): number {
  if (!a || !b) return 0;
  // Longest common substring, earliest in a then b (as difflib picks it).
  let best = 0, bi = 0, bj = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = prev[j - 1] + 1;
        if (cur[j] > best) { best = cur[j]; bi = i - best; bj = j - best; }
      }
    }
    prev = cur;
  }
  if (best === 0) return 0;
  return best + matchedChars(a.slice(0, bi), b.slice(0, bj)) + matchedChars(a.slice(bi + best), b.slice(bj + best));
}

export function scoreSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  const x = normForScore(a), y = normForScore(b);
  if (!x && !y) return 1;
  return (2 * matchedChars(x, y)) / (x.length + y.length);
}
