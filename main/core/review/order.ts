// The order Review offers things in: the least sure first. Documents still to review come before
// reviewed ones; among them, a document holding a value read with low confidence comes first, the
// least sure of them at the top; the rest keep the order of their dates.
import { LOW_CONFIDENCE } from '../../../shared/api/review';
import type { ExtractionResult } from '../../../shared/domain';

/** The lowest confidence among a result's values (goals, services, progress entries, scores), or null when none carries one. */
export function lowestConfidence(r: ExtractionResult): number | null {
  const all = [...(r.iep?.goals ?? []), ...(r.iep?.services ?? []), ...(r.progressReport?.entries ?? []), ...r.testScores].map((v) => v.confidence);
  return all.length ? Math.min(...all) : null;
}

interface Orderable {
  date: string | null;
  lowestConfidence: number | null;
  reviewed: boolean;
}

const isLow = (c: number | null): c is number => c !== null && c < LOW_CONFIDENCE;

/** Sorts a queue (stable): to review before reviewed; low confidence first, least sure on top; then by date as the rows came. */
export function orderQueue<T extends Orderable>(items: T[]): T[] {
  return items
    .map((item, at) => ({ item, at }))
    .sort((a, b) => {
      if (a.item.reviewed !== b.item.reviewed) return a.item.reviewed ? 1 : -1;
      const la = isLow(a.item.lowestConfidence) ? a.item.lowestConfidence : null;
      const lb = isLow(b.item.lowestConfidence) ? b.item.lowestConfidence : null;
      if (la !== null || lb !== null) {
        if (la === null) return 1;
        if (lb === null) return -1;
        if (la !== lb) return la - lb;
      }
      return a.at - b.at;
    })
    .map(({ item }) => item);
}
