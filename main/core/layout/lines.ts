// Printed lines from positioned words. A word joins a line when it overlaps, vertically, the line's
// word nearest to it by at least half the smaller height, so small glyphs ("-", "=", ".") and a page
// a degree or two off level stay on their line; a word that overlaps a word of the line
// left-right cannot join it (that is the next line of a tight column).
import type { Word } from '../../../shared/domain';
import { centerX, centerY, height, median, overlap, percentile } from './geometry';

interface Open<W extends Word> {
  words: W[];
  /** Typical height of the line's full-size words. */
  size: number;
}

export function groupLines<W extends Word>(words: W[]): W[][] {
  const sorted = [...words].sort((p, q) => centerY(p) - centerY(q) || p.bbox[0] - q.bbox[0]);
  const lines: Open<W>[] = [];
  for (const w of sorted) {
    let best: Open<W> | null = null;
    let bestScore = 0;
    // Only the last few lines can reach down to a word that sorts below them.
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - 6); i--) {
      const score = fit(lines[i], w);
      if (score > bestScore) {
        best = lines[i];
        bestScore = score;
      }
    }
    if (best) {
      best.words.push(w);
      if (height(w) >= best.size * 0.6) best.size = median(best.words.map(height).filter((h) => h >= best!.size * 0.6)) ?? best.size;
    } else lines.push({ words: [w], size: height(w) });
  }
  const out = lines.map((l) => l.words.sort((p, q) => p.bbox[0] - q.bbox[0]));
  return out.sort((a, b) => centerY(a[0]) - centerY(b[0]) || a[0].bbox[0] - b[0].bbox[0]);
}

/** How well a word sits on a line: the share of the smaller height that overlaps its nearest word, 0 when it cannot join. */
function fit<W extends Word>(line: Open<W>, w: W): number {
  let nearest = line.words[0];
  let distance = Infinity;
  for (const o of line.words) {
    // OCR boxes of neighbours on a line may touch by a sliver (a dash run into the date before it):
    // less than half a character's height, between words centred on the same level, is not a word
    // of the next line (a speck or a rule's trace set lower than the word it touches still is).
    const across = overlap(o.bbox[0], o.bbox[2], w.bbox[0], w.bbox[2]);
    const sliver = across <= line.size * 0.6 && Math.abs(centerY(o) - centerY(w)) < line.size * 0.3;
    if (across > Math.min(o.bbox[2] - o.bbox[0], w.bbox[2] - w.bbox[0]) * 0.3 && !sliver) return 0;
    const d = Math.abs(centerX(o) - centerX(w));
    if (d < distance && height(o) >= line.size * 0.6) {
      nearest = o;
      distance = d;
    }
  }
  const h = height(w);
  // Measured against the smaller height, a hyphen mid-line or a stop on the baseline overlaps fully.
  const ref = nearest.bbox;
  const shared = overlap(ref[1], ref[3], w.bbox[1], w.bbox[3]);
  const ratio = shared / Math.max(0.1, Math.min(h, ref[3] - ref[1]));
  // A word much taller than the line (a heading) needs its centre inside the line's band.
  if (h > line.size * 1.8 && (centerY(w) < ref[1] || centerY(w) > ref[3])) return 0;
  return ratio >= 0.5 ? ratio : 0;
}

/**
 * Lines of a page, grouped after undoing the page's skew: a scan or photo a degree or two off level
 * puts the right end of a line half a line lower than its left, and grouping by height alone would cut
 * one printed line into several. The skew is the median slope between neighbouring words of a line.
 */
export function deskewedLines<W extends Word>(words: W[]): W[][] {
  const first = groupLines(words);
  const slopes: number[] = [];
  for (const line of first) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1];
      const b = line[i];
      const h = Math.min(height(a), height(b));
      const dx = centerX(b) - centerX(a);
      if (dx > 0 && b.bbox[0] - a.bbox[2] < h * 3 && Math.abs(height(a) - height(b)) < h * 0.3) slopes.push((centerY(b) - centerY(a)) / dx);
    }
  }
  // Enough neighbours agreeing on one slope; a page turned 2 degrees keeps few words together at first.
  const q1 = percentile(slopes, 0.25) ?? 0;
  const q3 = percentile(slopes, 0.75) ?? 0;
  const slope = slopes.length >= 20 || (slopes.length >= 8 && q3 - q1 < 0.01) ? median(slopes) ?? 0 : 0;
  if (Math.abs(slope) < 0.003) return first;
  const original = new Map<Word, W>();
  const proxies = words.map((w) => {
    const proxy: Word = { ...w, bbox: [w.bbox[0], w.bbox[1] - slope * centerX(w), w.bbox[2], w.bbox[3] - slope * centerX(w)] };
    original.set(proxy, w);
    return proxy;
  });
  return groupLines(proxies).map((line) => line.map((p) => original.get(p)!));
}

/** The words of a run (in reading order) printed on its first line: same page, top within 0.6 of the first word's height. */
export function firstLineWords<W extends Word & { page: number }>(words: W[]): W[] {
  const first = words[0];
  if (!first) return [];
  const end = words.findIndex((w) => w.page !== first.page || Math.abs(w.bbox[1] - first.bbox[1]) > (first.bbox[3] - first.bbox[1]) * 0.6);
  return end < 0 ? words : words.slice(0, end);
}
