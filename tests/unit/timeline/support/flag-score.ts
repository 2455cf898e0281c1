// Red-flag precision, recall and F1 exactly as ../shared/eval/score.py computes them: a gold flag
// (or each of its instances) pairs with one predicted flag of its type sharing a goal and, when both
// name documents, a document; pairs are taken best first.
import type { RedFlag } from '../../../../shared/timeline/flag-types';

/* eslint-disable @typescript-eslint/no-explicit-any -- truth.json is untyped JSON read for a test */
type Gold = [string, Set<string>, Set<string>];

export interface FlagScore {
  precision: number;
  recall: number;
  f1: number;
  /** type -> [found, in truth] */
  byType: Map<string, [number, number]>;
  /** Predicted flags that matched nothing, as "type goalIds". */
  unmatched: string[];
  /** Gold flags no prediction matched, as "type goalIds". */
  missed: string[];
}

export function scoreFlags(truth: any, flags: RedFlag[]): FlagScore {
  const base = (p: string | undefined) => (p ? p.split('/').pop()! : '');
  const gold: Gold[] = [];
  for (const f of truth.red_flags) {
    if (f.instances?.length) {
      for (const inst of f.instances) gold.push([f.type, new Set(inst.goal_ids ?? (inst.goal_id ? [inst.goal_id] : [])), new Set([base(inst.document)].filter(Boolean))]);
    } else gold.push([f.type, new Set(f.goal_ids ?? []), new Set([base(f.document)].filter(Boolean))]);
  }
  const pred: Gold[] = flags.map((f) => [f.type, new Set(f.goalIds), new Set(f.documentIds)]);
  const inter = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;
  const cands: Array<[number, number, number]> = [];
  gold.forEach((g, i) => pred.forEach((p, j) => {
    if (g[0] !== p[0] || (g[1].size && !inter(g[1], p[1])) || (g[2].size && p[2].size && !inter(g[2], p[2]))) return;
    cands.push([1 + inter(g[1], p[1]) + inter(g[2], p[2]), i, j]);
  }));
  cands.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  for (const [, i, j] of cands) if (!usedG.has(i) && !usedP.has(j)) { usedG.add(i); usedP.add(j); }
  const tp = usedG.size;
  const precision = pred.length ? tp / pred.length : 0;
  const recall = gold.length ? tp / gold.length : 0;
  const byType = new Map<string, [number, number]>();
  gold.forEach((g, i) => {
    const t = byType.get(g[0]) ?? [0, 0];
    byType.set(g[0], [t[0] + (usedG.has(i) ? 1 : 0), t[1] + 1]);
  });
  const describe = (g: Gold) => `${g[0]} ${[...g[1]].join(',')}`;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    byType,
    unmatched: pred.filter((_, j) => !usedP.has(j)).map(describe),
    missed: gold.filter((_, i) => !usedG.has(i)).map(describe),
  };
}
