// Goals of an IEP: split the goals section into goals and read each one's number, area, sentence,
// baseline, target, objectives and measurement, every value with the page and box it came from.
import type { ExtractedGoal } from '../../../shared/domain';
import { guessArea } from '../../../shared/goals/area';
import { findMeasures, sameUnitFamily, type Measure } from '../../../shared/goals/measures';
import { parseGoalSentence } from '../../../shared/goals/parse';
import { goalFields, type GoalField } from './goal-fields';
import { bodyLines, findSections, provenanceOf, runOf, type Layout, type LayoutLine, type PlacedWord } from './layout';

interface RawGoal {
  number: number | null;
  area: string | null;
  text: PlacedWord[];
  baseline: PlacedWord[];
  objectives: PlacedWord[];
  measuredBy: PlacedWord[];
  reporting: PlacedWord[];
}

export interface GoalsResult {
  goals: ExtractedGoal[];
  /** "Progress Reported" texts printed with the goals (reporting schedule). */
  reportingTexts: string[];
}

const GOAL_SECTION = /\bGOALS?\b/i;

export function goalSectionLines(layout: Layout): LayoutLine[] {
  const sections = findSections(layout, GOAL_SECTION, (l) => /\bgoal\b/i.test(l.text));
  // A heading that opens a goal section may itself be a goal header ("MEASURABLE ANNUAL GOAL #2").
  const lines = sections.flatMap((s) => (s.heading && /\bgoal\s*(?:#|no\.?|number)?\s*\d/i.test(s.heading.text) ? [s.heading, ...s.lines] : s.lines));
  return lines.length > 0 ? lines : bodyLines(layout);
}

export function extractGoals(layout: Layout, documentId: string): GoalsResult {
  const lines = goalSectionLines(layout);
  let raws = rawGoalsFromFields(goalFields(lines));
  if (raws.length === 0) raws = rawGoalsFromNumberedList(lines);
  const presentLevels = findSections(layout, /PRESENT\s+LEVELS?|PLAAFP|PLEP|PLOP|CURRENT\s+PERFORMANCE/i).flatMap((s) => s.lines);
  const goals: ExtractedGoal[] = [];
  let sequence = 0;
  for (const raw of raws) {
    const run = runOf(raw.text);
    const text = run.text.trim();
    if (!/\bwill\b/i.test(text) && text.split(' ').length < 6) continue;
    sequence++;
    const parsed = parseGoalSentence(text);
    const baselineRun = runOf(raw.baseline);
    let baselineText: string | null = baselineRun.text || null;
    let baselineValue = baselineValueIn(baselineRun.text, parsed.unit);
    if (!baselineText || baselineValue === null) {
      const fromPlaafp = baselineFromPresentLevels(presentLevels, raw.area ?? parsed.area, parsed.unit);
      if (fromPlaafp && (baselineValue === null)) {
        baselineText ??= fromPlaafp.text;
        baselineValue = fromPlaafp.value;
      }
    }
    if (baselineValue === null) baselineValue = parsed.baselineValue;
    const number = raw.number ?? sequence;
    const source = provenanceOf(documentId, run);
    const lowConfidence = raw.text.some((w) => w.conf < 80);
    goals.push({
      key: `goal-${number}-${sequence}`,
      number,
      area: raw.area ?? parsed.area,
      text,
      baselineText,
      baselineValue,
      targetValue: parsed.targetValue,
      unit: parsed.unit,
      direction: parsed.direction,
      targetDate: parsed.targetDate,
      measuredBy: parsed.measuredBy ?? (runOf(raw.measuredBy).text || null),
      objectives: splitObjectives(runOf(raw.objectives).text),
      components: parsed.components,
      measurable: parsed.measurable,
      gradeLevel: parsed.gradeLevel,
      source,
      confidence: (parsed.targetValue !== null ? 0.9 : 0.7) * (lowConfidence ? 0.85 : 1),
    });
  }
  const reportingTexts = raws.map((r) => runOf(r.reporting).text).filter(Boolean);
  return { goals, reportingTexts };
}

function emptyGoal(number: number | null): RawGoal {
  return { number, area: null, text: [], baseline: [], objectives: [], measuredBy: [], reporting: [] };
}

function rawGoalsFromFields(fields: GoalField[]): RawGoal[] {
  const goals: RawGoal[] = [];
  let current: RawGoal | null = null;
  const open = (number: number | null) => {
    current = emptyGoal(number);
    goals.push(current);
    return current;
  };
  for (const f of fields) {
    if (f.kind === 'header') {
      const g = open(f.number);
      applyHeaderRest(g, f.words);
      continue;
    }
    let g: RawGoal = current ?? open(null);
    if (f.kind === 'goal' && g.text.length > 0) g = open(null);
    if (f.kind === 'goal') g.text = f.words;
    else if (f.kind === 'area') g.area = runOf(f.words).text || g.area;
    else if (f.kind === 'baseline') g.baseline = f.words;
    else if (f.kind === 'objectives') g.objectives = f.words;
    else if (f.kind === 'measuredBy') g.measuredBy = f.words;
    else if (f.kind === 'reporting') g.reporting = f.words;
  }
  return goals.filter((g) => g.text.length > 0);
}

/** What follows "Goal #1" on its line: "Area of Need: Reading", "(Reading)", or the goal itself. */
function applyHeaderRest(goal: RawGoal, words: PlacedWord[]): void {
  const run = runOf(words);
  const areaLabel = /^(?:[-–:]\s*)?(?:area\s+of\s+need|goal\s+area|skill\s+area|focus\s+area|area|domain)\s*:\s*/i.exec(run.text);
  if (areaLabel) {
    goal.area = run.text.slice(areaLabel[0].length).trim() || null;
    return;
  }
  const rest = run.text.replace(/^[-–:.)\s]+/, '');
  if (/\bwill\b/i.test(rest)) {
    const start = run.text.length - rest.length;
    goal.text = words.filter((_, i) => run.starts[i] >= start);
    return;
  }
  if (rest && rest.split(' ').length <= 6) goal.area = rest.replace(/^\(|\)$/g, '');
}

/** Hand-typed goal lists: "1. By June 2025, given ..., Sam will ..." items. */
function rawGoalsFromNumberedList(lines: LayoutLine[]): RawGoal[] {
  const goals: RawGoal[] = [];
  let current: RawGoal | null = null;
  for (const line of lines) {
    const m = /^(\d{1,2})[.)]\s+/.exec(line.text);
    if (m) {
      current = emptyGoal(Number(m[1]));
      current.text = line.words.slice(1);
      goals.push(current);
    } else if (current && !line.isHeading) {
      current.text.push(...line.words);
    }
  }
  return goals.filter((g) => /\bwill\b/i.test(runOf(g.text).text));
}

/** The baseline number in the goal's unit; without a unit, the first percentage or rate. */
export function baselineValueIn(text: string, unit: string | null): number | null {
  if (!text) return null;
  const measures = findMeasures(text);
  if (unit) {
    const same = measures.find((m) => sameUnitFamily(m.unit, unit));
    if (same) return same.value;
    // A frequency in other words ("3 verbal outbursts per week" for "incidents per week"): same period.
    const period = /\b(?:per|a|each)\s+(school\s+day|day|week|month|session|class\s+period|period|hour)\b/i.exec(unit)?.[1];
    if (period) {
      const samePeriod = measures.find((m) => m.kind === 'count' && new RegExp(`\\b(?:per|a|each)\\s+${period}\\b`, 'i').test(m.unit));
      if (samePeriod) return samePeriod.value;
    }
    if (/rubric|scale/i.test(unit)) {
      const scored = /\bscor(?:e|ed|es|ing)\s+(?:an?\s+)?(?:(?:average|mean|median)\s+)?(?:of\s+)?(\d+(?:\.\d+)?)(?!\s*-)/i.exec(text);
      if (scored) return Number(scored[1]);
    }
    return null;
  }
  const firstMeasure = measures.find((m: Measure) => m.kind !== 'ratio' && m.kind !== 'count');
  return firstMeasure?.value ?? null;
}

function baselineFromPresentLevels(lines: LayoutLine[], area: string | null, unit: string | null): { text: string; value: number } | null {
  if (lines.length === 0 || !unit) return null;
  const text = runOf(lines.flatMap((l) => l.words)).text;
  const sentences = text.split(/(?<=[.;])\s+(?=[A-Z])/);
  let best: { text: string; value: number; score: number } | null = null;
  for (const sentence of sentences) {
    const value = baselineValueIn(sentence, unit);
    if (value === null) continue;
    const score = (area && guessArea(sentence) === guessArea(area) ? 2 : 0) + (area && sentence.toLowerCase().includes(area.toLowerCase().split(/\W+/)[0]) ? 1 : 0);
    if (!best || score > best.score) best = { text: sentence, value, score };
  }
  return best ? { text: best.text, value: best.value } : null;
}

/** "1. By 02/10/2023, ... 2. By ..." -> one string per objective; "None" -> []. */
export function splitObjectives(text: string): string[] {
  const t = text.trim();
  if (!t || /^(?:none|n\/a|not (?:required|applicable))\b/i.test(t)) return [];
  const parts = t.split(/(?:^|\s)(?:\d{1,2}[.)]|[a-h][.)]|[•▪●-]|(?:objective|benchmark|sto)\s*#?\d+\s*[:.)-]?)\s+(?=[A-Z(])/i);
  return parts.map((p) => p.trim()).filter((p) => p.length > 3);
}

