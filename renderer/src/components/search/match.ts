// How the palette ranks a command against what was typed: a word that starts with the text first
// ("rev" → "Review"), then the text inside a word, then its letters in order ("gtl" → "Goals &
// timeline"). Returns null when the letters are not there at all.

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** A score for `text` against `query` (higher is better), or null when it does not match. */
export function matchScore(query: string, text: string): number | null {
  const q = normalise(query);
  if (!q) return 0;
  const t = normalise(text);
  if (t.startsWith(q)) return 1000 - t.length;
  const words = t.split(/[^a-z0-9]+/).filter(Boolean);
  // Every typed word starts a word of the text, in any order ("letter draft").
  const typed = q.split(' ');
  if (typed.every((w) => words.some((x) => x.startsWith(w)))) return 800 - t.length;
  if (t.includes(q)) return 600 - t.indexOf(q);
  // The letters in order, rewarding ones that start words and come close together.
  let score = 300;
  let at = -1;
  for (const ch of q.replace(/ /g, '')) {
    const next = t.indexOf(ch, at + 1);
    if (next < 0) return null;
    const startsWord = next === 0 || /[^a-z0-9]/.test(t[next - 1]);
    score += startsWord ? 5 : 0;
    score -= Math.min(10, next - at - 1);
    at = next;
  }
  return score;
}

/** Items whose text matches, best first; items keep their order among equals. */
export function rankByMatch<T>(query: string, items: T[], text: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i, score: matchScore(query, text(item)) }))
    .filter((x): x is { item: T; i: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.item);
}
