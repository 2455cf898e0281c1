// Goal lineage: the same goal followed across consecutive IEPs and amendments, whether it was met,
// the user's link/unlink overrides, and the year-by-year word diff of its text.
import type { Direction, Provenance } from '../domain';
import {
  type CaseGoal,
  type CaseIep,
  type CaseModel,
  type GoalDataPoint,
  compareDates,
  dataPointsByGoal,
  iepStart,
  iepsChronological,
  lineageGoalById,
  priorYearIep,
} from './model';
import { goalTokens, idfWeights, sameUnit, skillCompatibility, skillText, weightedCosine } from './similarity';
import { daysBetween } from '../text/dates';

export interface GoalLineage {
  /** Stable key: 'L:' + the first goal's id when linked automatically; user overrides keep or name their own. */
  id: string;
  /** Oldest first. */
  goalIds: string[];
  /** Whether the latest goal with a measurable target was met; null when none can be judged. */
  met: boolean | null;
  /** Area or short name of the latest goal, for headings. */
  label: string;
}

/** Score at or above which a goal continues a lineage (see linkScore for the parts): a shared named skill
 *  alone is enough, so a goal rewritten into vague words still continues its lineage. */
const LINK_THRESHOLD = 0.4;
/** Wording this alike links goals even across what look like different skills (a relabelled area). */
const NEAR_IDENTICAL_WORDING = 0.8;
/** A goal does not continue a lineage whose latest goal is older than this (two annual cycles and a margin). */
const MAX_LINEAGE_GAP_DAYS = 800;

function goalDescription(goal: CaseGoal): string {
  return `${goal.area ?? ''} ${goal.text}`;
}

function normalizedArea(area: string | null): string | null {
  return area ? area.toLowerCase().replace(/[^a-z]+/g, ' ').trim() : null;
}

/**
 * How likely goal b (later IEP) continues goal a: half the idf-weighted cosine of their words, plus
 * 0.4 for a shared named skill, 0.25 for the same area, 0.15 for the same unit. Goals naming
 * different skills (addition vs multiplication) never link unless their wording is nearly identical.
 */
function linkScore(a: CaseGoal, b: CaseGoal, idf: Map<string, number>): number {
  const cosine = weightedCosine(goalTokens(goalDescription(a)), goalTokens(goalDescription(b)), idf);
  const skills = skillCompatibility(skillText(a.area, a.text), skillText(b.area, b.text));
  if (skills === 'different' && cosine < NEAR_IDENTICAL_WORDING) return 0;
  const areaA = normalizedArea(a.area);
  let score = 0.5 * cosine;
  if (skills === 'same') score += 0.4;
  if (areaA && areaA === normalizedArea(b.area)) score += 0.25;
  if (sameUnit(a.unit, b.unit)) score += 0.15;
  return score;
}

/** Direction the goal's own words ask for ("reduce", "no more than" -> decrease), or null when they do not say. */
export function directionFromText(text: string): Direction | null {
  if (/\b(maintain|sustain)\b/i.test(text)) return 'maintain';
  if (/\b(reduce|decrease|fewer|no more than|less than|lower|eliminate|minimi[sz]e)\b/i.test(text)) return 'decrease';
  if (/\b(increase|improve|at least|or more|or higher|or better|raise)\b/i.test(text)) return 'increase';
  return null;
}

/** Direction stated, else said by the goal's words, else implied by baseline and target, else 'increase'. */
export function effectiveDirection(goal: Pick<CaseGoal, 'direction' | 'baselineValue' | 'targetValue' | 'text'>): Direction {
  const stated = goal.direction ?? directionFromText(goal.text);
  if (stated) return stated;
  if (goal.baselineValue != null && goal.targetValue != null && goal.targetValue < goal.baselineValue) return 'decrease';
  return 'increase';
}

export function reachesTarget(value: number, target: number, direction: Direction): boolean {
  return direction === 'decrease' ? value <= target : value >= target;
}

/** Met when a data point reached the target (direction-aware) by the target date; null without a target. */
export function goalMet(goal: CaseGoal, points: GoalDataPoint[]): boolean | null {
  if (goal.targetValue == null) return null;
  const direction = effectiveDirection(goal);
  return points.some(
    (p) => (!goal.targetDate || p.date <= goal.targetDate) && reachesTarget(p.value, goal.targetValue!, direction),
  );
}

function lineageFacts(goalIds: string[], goals: Map<string, CaseGoal>, points: Map<string, GoalDataPoint[]>) {
  let met: boolean | null = null;
  for (let i = goalIds.length - 1; i >= 0 && met === null; i--) {
    const goal = goals.get(goalIds[i]);
    if (goal) met = goalMet(goal, points.get(goal.id) ?? []);
  }
  const last = goals.get(goalIds[goalIds.length - 1]);
  return { met, label: last?.area ?? last?.text.slice(0, 60) ?? '' };
}

/**
 * Links each goal to the lineage it continues, IEP by IEP in the order they took effect: every goal
 * is scored against the latest goal of each earlier lineage and pairs are taken best first, one goal
 * per lineage per IEP. An amendment restating a goal continues its lineage; a new goal starts one.
 */
export function linkGoals(model: CaseModel): GoalLineage[] {
  const ieps = withPriorYears(model).steps;
  const allGoals = ieps.flatMap((i) => i.goals);
  const idf = idfWeights(allGoals.map((g) => goalTokens(goalDescription(g))));
  const lineages: Array<{ id: string; goalIds: string[]; tail: CaseGoal; tailIep: CaseIep }> = [];
  for (const iep of ieps) {
    const start = iepStart(iep);
    const open = lineages.filter(
      (l) =>
        l.tailIep.id !== iep.id &&
        compareDates(iepStart(l.tailIep), start) <= 0 &&
        (!start || !iepStart(l.tailIep) || daysBetween(iepStart(l.tailIep)!, start) <= MAX_LINEAGE_GAP_DAYS),
    );
    const candidates: Array<{ score: number; lineage: (typeof lineages)[number]; goal: CaseGoal }> = [];
    for (const goal of iep.goals) {
      for (const lineage of open) {
        const score = linkScore(lineage.tail, goal, idf);
        if (score >= LINK_THRESHOLD) candidates.push({ score, lineage, goal });
      }
    }
    candidates.sort((x, y) => y.score - x.score);
    const usedGoals = new Set<string>();
    const usedLineages = new Set<string>();
    for (const { lineage, goal } of candidates) {
      if (usedGoals.has(goal.id) || usedLineages.has(lineage.id)) continue;
      usedGoals.add(goal.id);
      usedLineages.add(lineage.id);
      lineage.goalIds.push(goal.id);
      lineage.tail = goal;
      lineage.tailIep = iep;
    }
    for (const goal of iep.goals) {
      if (!usedGoals.has(goal.id)) lineages.push({ id: `L:${goal.id}`, goalIds: [goal.id], tail: goal, tailIep: iep });
    }
  }
  const goals = lineageGoalById(model);
  const points = dataPointsByGoal(model);
  return lineages.map((l) => ({ id: l.id, goalIds: l.goalIds, ...lineageFacts(l.goalIds, goals, points) }));
}

/** Wording at or above which a prior-year goal printed in an IEP is the earlier IEP's own goal (reprinted). */
const SAME_GOAL_WORDING = 0.85;

/**
 * The IEP years goal lineages run through: the case's IEPs in the order they took effect, with the
 * goals of the year before that an IEP reprints (priorGoals) as a year of their own just before it
 * when the IEP they came from is not in the case. A reprinted goal whose IEP is in the case is that
 * IEP's goal (the same wording, the latest earlier IEP that has it): `sameAs` maps it there.
 */
export function withPriorYears(model: Pick<CaseModel, 'ieps'>): { steps: CaseIep[]; sameAs: Map<string, string> } {
  const ieps = iepsChronological(model);
  const sameAs = new Map<string, string>();
  const steps: CaseIep[] = [];
  for (const iep of ieps) {
    const start = iepStart(iep);
    const earlier = ieps.filter((i) => i !== iep && compareDates(iepStart(i), start) < 0).reverse();
    const alone: CaseGoal[] = [];
    for (const prior of iep.priorGoals ?? []) {
      let same: CaseGoal | null = null;
      for (const before of earlier) {
        let best = SAME_GOAL_WORDING;
        for (const g of before.goals) {
          const score = wordSimilarity(prior.text, g.text);
          if (score >= best) [best, same] = [score, g];
        }
        if (same) break;
      }
      if (same) sameAs.set(prior.id, same.id);
      else alone.push(prior);
    }
    if (alone.length) steps.push({ ...priorYearIep(iep), goals: alone });
    steps.push(iep);
  }
  return { steps: steps.sort((a, b) => compareDates(iepStart(a), iepStart(b))), sameAs };
}

/** The IEP year a goal belongs to: its IEP's, or for a goal of the year before printed in an IEP, that year. */
export function goalYearIep(model: Pick<CaseModel, 'ieps'>, goal: CaseGoal): CaseIep | null {
  const host = model.ieps.find((i) => i.id === goal.iepId) ?? null;
  return host && goal.priorYear ? priorYearIep(host) : host;
}

/** A user's decision about one goal: put it in the lineage with this key (new or existing), or alone (null). */
export interface LinkOverride {
  goalId: string;
  lineageKey: string | null;
}

/**
 * Applies the user's link, unlink and re-link decisions in order on top of the automatic lineages.
 * A goal unlinked with null stands alone as 'U:' + its id; lineages keep their keys while they have
 * goals, so later overrides and dismissed flags still find them. Order and met are recomputed.
 */
export function applyLinkOverrides(links: GoalLineage[], overrides: LinkOverride[], model: CaseModel): GoalLineage[] {
  const members = new Map<string, string[]>(links.map((l) => [l.id, [...l.goalIds]]));
  for (const { goalId, lineageKey } of overrides) {
    for (const ids of members.values()) {
      const at = ids.indexOf(goalId);
      if (at >= 0) ids.splice(at, 1);
    }
    const key = lineageKey ?? `U:${goalId}`;
    members.set(key, [...(members.get(key) ?? []), goalId]);
  }
  const goals = lineageGoalById(model);
  const startOf = (goalId: string) => {
    const goal = goals.get(goalId);
    const iep = goal ? goalYearIep(model, goal) : null;
    return iep ? iepStart(iep) : null;
  };
  const points = dataPointsByGoal(model);
  const result: GoalLineage[] = [];
  for (const [id, ids] of members) {
    const known = ids.filter((g) => goals.has(g));
    if (!known.length) continue;
    known.sort((a, b) => compareDates(startOf(a), startOf(b)));
    result.push({ id, goalIds: known, ...lineageFacts(known, goals, points) });
  }
  return result;
}

export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Longest common subsequence table of two word lists, compared case-insensitively. */
function lcsTable(a: string[], b: string[]): number[][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i].toLowerCase() === b[j].toLowerCase() ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  return table;
}

/** Word-level diff from a (older text) to b (newer), runs of the same operation joined with spaces. */
export function wordDiff(a: string, b: string): DiffPart[] {
  const wa = words(a);
  const wb = words(b);
  const table = lcsTable(wa, wb);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], word: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += ` ${word}`;
    else parts.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < wa.length || j < wb.length) {
    if (i < wa.length && j < wb.length && wa[i].toLowerCase() === wb[j].toLowerCase()) {
      push('same', wb[j]);
      i++;
      j++;
    } else if (i < wa.length && (j >= wb.length || table[i + 1][j] >= table[i][j + 1])) {
      // Removals before additions, as diffs conventionally read ("3rd" struck, then "4th").
      push('removed', wa[i++]);
    } else {
      push('added', wb[j++]);
    }
  }
  return parts;
}

/** Share of words two texts have in common in order (2 * LCS / total words), dates ignored. */
export function wordSimilarity(a: string, b: string): number {
  const strip = (t: string) => words(t.replace(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/g, ' '));
  const wa = strip(a);
  const wb = strip(b);
  if (!wa.length && !wb.length) return 1;
  return (2 * lcsTable(wa, wb)[0][0]) / (wa.length + wb.length);
}

/** One year of a lineage, for the year-by-year view. */
export interface LineageStep {
  goalId: string;
  iepId: string;
  iepType: CaseIep['type'];
  iepDate: string | null;
  area: string | null;
  text: string;
  /** Diff against the previous step's text; null for the first. */
  diff: DiffPart[] | null;
  baselineValue: number | null;
  targetValue: number | null;
  unit: string | null;
  measuredBy: string | null;
  gradeLevel: number | null;
  targetDate: string | null;
  met: boolean | null;
  source: Provenance;
}

export function lineageHistory(model: CaseModel, lineage: GoalLineage): LineageStep[] {
  const goals = lineageGoalById(model);
  const points = dataPointsByGoal(model);
  const steps: LineageStep[] = [];
  let previous: CaseGoal | null = null;
  for (const id of lineage.goalIds) {
    const goal = goals.get(id);
    if (!goal) continue;
    const iep = goalYearIep(model, goal);
    steps.push({
      goalId: goal.id,
      iepId: goal.iepId,
      iepType: iep?.type ?? null,
      iepDate: iep ? iep.meetingDate ?? iepStart(iep) : null,
      area: goal.area,
      text: goal.text,
      diff: previous ? wordDiff(previous.text, goal.text) : null,
      baselineValue: goal.baselineValue,
      targetValue: goal.targetValue,
      unit: goal.unit,
      measuredBy: goal.measuredBy,
      gradeLevel: goal.gradeLevel,
      targetDate: goal.targetDate,
      met: goalMet(goal, points.get(goal.id) ?? []),
      source: goal.source,
    });
    previous = goal;
  }
  return steps;
}
