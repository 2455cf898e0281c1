// Goals of an IEP: split the goals section into goals and read each one's number, area, sentence,
// baseline, target, objectives and measurement, every value with the page and box it came from.
import type { ExtractedGoal } from '../../../shared/domain';
import { guessArea } from '../../../shared/goals/area';
import { addDays } from '../../../shared/text/dates';
import { findMeasures, sameUnitFamily, type Measure } from '../../../shared/goals/measures';
import { parseGoalSentence } from '../../../shared/goals/parse';
import { resolveTargetDate, targetDateRuleOf } from '../../../shared/goals/timeframe';
import { goalFields, isLabelOnlyLine, presentLevelsByLabel, type GoalField } from './goal-fields';
import { columnOrdered, isTickBoxRow } from './goal-blocks';
import { goalsFromTables } from './goal-table';
import { GOAL_FIELD_LABELS, GOAL_SECTION_HEADING, PRESENT_LEVELS_HEADING } from './vocab/goals';
import { bodyLines, findSections, provenanceOf, runOf, type Layout, type LayoutLine, type PlacedWord } from './layout';
import { confidenceOf, type FoundBy } from './confidence';
import { firstLineWords } from '../layout/lines';
import { bodyKeepingReprints, lineOfCell } from '../layout/rows';

interface RawGoal {
  number: number | null;
  area: string | null;
  text: PlacedWord[];
  baseline: PlacedWord[];
  objectives: PlacedWord[];
  measuredBy: PlacedWord[];
  criteria: PlacedWord[];
  schedule: PlacedWord[];
  reporting: PlacedWord[];
  /** The form states the IEP year as the goal's timeframe (a goals table headed "... by the end of the year"). */
  impliedTimeframe: boolean;
}

export interface GoalsResult {
  goals: ExtractedGoal[];
  /** Goals of the previous IEP reprinted in this one. */
  priorGoals: ExtractedGoal[];
  /** "Progress Reported" texts printed with the goals (reporting schedule). */
  reportingTexts: string[];
}

const isGoalHeader = (line: LayoutLine) => GOAL_FIELD_LABELS.some(([kind, re]) => kind === 'header' && re.test(line.text.trim()));

/**
 * Lines of the goals part: from a goals heading or a goal header in any style ("Goal #3", "MEASURABLE
 * ANNUAL GOAL: Goal Number: 1", "# 2 MEASURABLE ANNUAL GOAL") up to the next heading that is neither.
 */
export function goalSectionLines(layout: Layout): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let inGoals = false;
  for (const line of goalBodyLines(layout)) {
    const header = isGoalHeader(line);
    // A field label in heading type, alone on its line, is part of the goal it labels.
    if (inGoals && !header && line.isHeading && isLabelOnlyLine(line)) {
      lines.push(line);
      continue;
    }
    if (line.isHeading || header) {
      if (header) {
        inGoals = true;
        lines.push(line);
        continue;
      }
      if (GOAL_SECTION_HEADING.test(line.text)) {
        inGoals = true;
        continue;
      }
      // A goal's objectives or benchmarks under their own heading are still the goal's.
      if (inGoals && !/\b(?:goal|objectives?|benchmarks?)\b/i.test(line.text)) inGoals = false;
    }
    if (inGoals) lines.push(line);
  }
  return lines.length > 0 ? lines : goalBodyLines(layout);
}

/**
 * Body lines, keeping the goal lines that only look like running headers: a goal reprinted with the
 * previous IEP's progress (common in SEIS prints) puts the same lines at the same place on two pages,
 * where the layout takes them for furniture; they stand at or below a goal's first field on their page.
 */
function goalBodyLines(layout: Layout): LayoutLine[] {
  const startsGoalField = (l: LayoutLine) => GOAL_FIELD_LABELS.some(([kind, re]) => (kind === 'header' || kind === 'goal' || kind === 'area') && re.test(l.text.trim()));
  return bodyKeepingReprints(layout.lines, layout.pages, startsGoalField);
}

/** A target-date cell that names the IEP's end by itself ("Annual review", "Next annual ARD"): the cell's heading supplies the "by". */
function dueAtIepEnd(schedule: string): boolean {
  const text = schedule.trim();
  if (!text || /\d/.test(text) || text.split(/\s+/).length > 8) return false;
  return targetDateRuleOf(/^(?:by|before|at|through|until)\b/i.test(text) ? text : `by ${text}`)?.kind === 'iepEnd';
}

/**
 * A heading row over the objectives that names other columns first ("ESY | Code | BENCHMARKS OR
 * SHORT-TERM OBJECTIVES"): its objectives cell alone, so it reads as the objectives label.
 */
function objectivesHeadingCell(line: LayoutLine): LayoutLine {
  if (!line.isHeading || line.cells.length < 2) return line;
  const last = line.cells[line.cells.length - 1];
  const isObjectives = (text: string) => GOAL_FIELD_LABELS.some(([kind, re]) => kind === 'objectives' && re.exec(text)?.[0].trim().length === text.trim().length);
  if (!isObjectives(last.text) || line.cells.slice(0, -1).some((c) => c.words.length > 2)) return line;
  return lineOfCell(line, last);
}

/** The IEP's own dates, for goals that count their target date from it ("in six months", "by the next annual review"). */
export interface IepSpan {
  start: string | null;
  end: string | null;
}

export function extractGoals(layout: Layout, documentId: string, span: IepSpan = { start: null, end: null }): GoalsResult {
  const lines = columnOrdered(goalSectionLines(layout)).filter((l) => !isTickBoxRow(l)).map(objectivesHeadingCell);
  let raws = rawGoalsFromTables(layout);
  let foundBy: FoundBy = 'table';
  if (raws.length === 0) [raws, foundBy] = [rawGoalsFromFields(goalFields(lines)), 'labelled'];
  if (raws.length === 0) [raws, foundBy] = [rawGoalsFromNumberedList(lines), 'pattern'];
  const presentLevels = presentLevelsLines(layout);
  const goals: ExtractedGoal[] = [];
  let sequence = 0;
  for (const raw of raws) {
    const run = runOf(raw.text);
    const text = run.text.trim();
    if (!/\bwill\b/i.test(text) && text.split(' ').length < 6) continue;
    sequence++;
    const criteria = runOf(raw.criteria).text;
    const parsed = parseGoalSentence(text, { criteria, schedule: runOf(raw.schedule).text, impliedTimeframe: raw.impliedTimeframe });
    const baselineRun = runOf(raw.baseline);
    let baselineText: string | null = baselineRun.text || null;
    let baselineValue = baselineValueIn(baselineRun.text, parsed.unit);
    if (!baselineText || baselineValue === null) {
      const fromPlaafp = baselineFromPresentLevels(presentLevels, raw.area ?? parsed.area, parsed.unit, `${text} ${criteria}`);
      if (fromPlaafp && (baselineValue === null)) {
        baselineText ??= fromPlaafp.text;
        baselineValue = fromPlaafp.value;
      }
    }
    if (baselineValue === null) baselineValue = parsed.baselineValue;
    const number = raw.number ?? sequence;
    const source = provenanceOf(documentId, run);
    // "By the next annual review", "by the end of the IEP year": the IEP's own end date is the goal's.
    const targetDate = parsed.targetDate ?? (parsed.targetDateRule?.kind === 'iepEnd' || dueAtIepEnd(runOf(raw.schedule).text) ? span.end : null);
    const hasTarget = parsed.targetValue !== null;
    // A goal without its target and with a doubtful word falls under the flags' threshold for judging its parts.
    const sure = confidenceOf({
      words: raw.text,
      foundBy,
      checks: [
        { ok: hasTarget, yes: 'target found', no: 'no target found', miss: 0.7 },
        // Only a goal with its target is judged on its date, so a goal without either stays where the flags expect it.
        ...(hasTarget ? [{ ok: targetDate !== null || !!parsed.targetDateRule, yes: 'target date found', no: 'target without a date', miss: 0.9 }] : []),
      ],
    });
    goals.push({
      key: `goal-${number}-${sequence}`,
      number,
      area: joinWrappedHyphens(raw.area) ?? parsed.area,
      text,
      baselineText,
      baselineValue,
      targetValue: parsed.targetValue,
      unit: parsed.unit,
      direction: parsed.direction,
      targetDate,
      impliedTargetDate: parsed.targetDateRule ? resolveTargetDate(parsed.targetDateRule, span.start, span.end) : null,
      measuredBy: parsed.measuredBy ?? (runOf(raw.measuredBy).text || null),
      objectives: splitObjectives(runOf(raw.objectives).text),
      components: parsed.components,
      measurable: parsed.measurable,
      gradeLevel: parsed.gradeLevel,
      source,
      confidence: sure.confidence,
      reasons: sure.reasons,
    });
  }
  const reportingTexts = raws.map((r) => runOf(r.reporting).text).filter(Boolean);
  const { current, prior } = splitPriorYear(goals, span);
  return { goals: current, priorGoals: prior.map((g) => ({ ...g, key: `prior-${g.key}` })), reportingTexts };
}

/** A goal due this close to the IEP's start (or before it) is the previous IEP's: a new goal runs about a year. */
const PRIOR_GOAL_WINDOW_DAYS = 60;

/**
 * Goals of the IEP before, reprinted in this one: a run of goals whose numbering starts again (1, 2,
 * 3 after 1, 2, 3, 4), every one of them that states a date due before or within two months of this
 * IEP's start, while the other goals run on. Without the IEP's start nothing is set apart.
 */
export function splitPriorYear(goals: ExtractedGoal[], span: IepSpan): { current: ExtractedGoal[]; prior: ExtractedGoal[] } {
  if (!span.start || goals.length < 2) return { current: goals, prior: [] };
  const series: ExtractedGoal[][] = [];
  for (const g of goals) {
    const run = series[series.length - 1];
    const previous = run?.[run.length - 1];
    if (!run || (g.number !== null && previous?.number !== null && previous !== undefined && g.number <= previous.number)) series.push([g]);
    else run.push(g);
  }
  const soon = addDays(span.start, PRIOR_GOAL_WINDOW_DAYS);
  const isPrior = (run: ExtractedGoal[]) => {
    const dated = run.map((g) => g.targetDate).filter((d): d is string => d !== null);
    return dated.length > 0 && dated.every((d) => d < soon);
  };
  const priorRuns = series.filter(isPrior);
  if (priorRuns.length === 0 || priorRuns.length === series.length) return { current: goals, prior: [] };
  return { current: series.filter((r) => !isPrior(r)).flat(), prior: priorRuns.flat() };
}

/** An area wrapped after a hyphen in a narrow column ("Self-" over "Regulation") reads as one word. */
function joinWrappedHyphens(text: string | null): string | null {
  return text ? text.replace(/(\p{L})- (?=\p{L})/gu, '$1-') : text;
}

function emptyGoal(number: number | null): RawGoal {
  return { number, area: null, text: [], baseline: [], objectives: [], measuredBy: [], criteria: [], schedule: [], reporting: [], impliedTimeframe: false };
}

function rawGoalsFromTables(layout: Layout): RawGoal[] {
  return goalsFromTables(layout.lines).map((g) => ({
    ...emptyGoal(g.number),
    area: g.area,
    text: g.cells.goal ?? [],
    baseline: g.cells.baseline ?? [],
    objectives: g.cells.objectives ?? [],
    measuredBy: g.cells.method ?? [],
    criteria: g.cells.criteria ?? [],
    schedule: g.cells.schedule ?? [],
    impliedTimeframe: g.impliedTimeframe,
  }));
}

function rawGoalsFromFields(fields: GoalField[]): RawGoal[] {
  const goals: RawGoal[] = [];
  let current: RawGoal | null = null;
  const open = (number: number | null) => {
    current = emptyGoal(number);
    goals.push(current);
    return current;
  };
  // Where goals have headers, a goal belongs to the text after its header: what comes before the
  // first one (a behaviour plan's "goal", a note on the goals) is no goal.
  const firstHeader = fields.findIndex((f) => f.kind === 'header' && (f.number !== null || f.words.length > 0));
  for (const f of firstHeader > 0 ? fields.slice(firstHeader) : fields) {
    if (f.kind === 'header') {
      // A goal table cut by a page break repeats its header row ("Goal 5 of 5 | Organization") over the rest: the same goal.
      if (current !== null && f.number !== null && (current as RawGoal).number === f.number && !(current as RawGoal).text.length) continue;
      const g = open(f.number);
      applyHeaderRest(g, f.words);
      if (f.area) g.area = f.area;
      continue;
    }
    let g: RawGoal = current ?? open(null);
    // A paragraph found only by its place (no "Goal:" label) after a goal that has its text is no new
    // goal when headers number the goals: it belongs to the goal whose header it follows.
    if (f.kind === 'goal' && g.text.length > 0 && !f.label && firstHeader >= 0) continue;
    if (f.kind === 'goal' && g.text.length > 0) g = open(null);
    if (f.kind === 'goal') g.text = f.words;
    else if (f.kind === 'area') g.area = runOf(f.words).text || g.area;
    else if (f.kind === 'baseline') g.baseline = f.words;
    else if (f.kind === 'objectives') g.objectives = f.words;
    else if (f.kind === 'measuredBy') g.measuredBy = f.words;
    else if (f.kind === 'criteria') g.criteria = f.words;
    else if (f.kind === 'schedule') g.schedule = f.words;
    else if (f.kind === 'reporting') g.reporting = f.words;
  }
  return goals.filter((g) => g.text.length > 0);
}

/**
 * What follows "Goal #1": on its line "Area of Need: Reading", "Goal Focus  Mathematics", "(Reading)",
 * or the goal itself; the goal on the lines under a header line that names only the area.
 */
function applyHeaderRest(goal: RawGoal, words: PlacedWord[]): void {
  const onLine = firstLineWords(words);
  const below = words.slice(onLine.length);
  const lineText = runOf(onLine).text;
  // A line that opens the goal sentence ("(Reading): By the next annual review, given ..., Sam" wrapping before "will") is no focus.
  const opensSentence = /^[-–:.)\s]*(?:\([^()]{2,40}\)\s*[:.\-–]?\s*)?(?:by|within|in|during|given|when|after|before|using|upon|throughout|following|no\s+later\s+than)\b/i.test(lineText);
  if (below.length > 0 && !opensSentence && !/\bwill\b/i.test(lineText) && /\bwill\b/i.test(runOf(below).text)) {
    applyHeaderRest(goal, onLine);
    goal.text = below;
    return;
  }
  const run = runOf(words);
  const areaLabel = /^(?:[-–:]\s*)?(?:area\s+of\s+need|goal\s+(?:area|focus)|skill\s+area|focus\s+area|area|domain)\s*:\s*/i.exec(run.text)
    ?? (below.length === 0 ? /^(?:[-–:]\s*)?(?:area\s+of\s+need|goal\s+(?:area|focus)|skill\s+area|focus\s+area)\s+(?=\S)/i.exec(run.text) : null);
  if (areaLabel) {
    goal.area = run.text.slice(areaLabel[0].length).trim() || null;
    return;
  }
  let rest = run.text.replace(/^[-–:.)\s]+/, '');
  // "Goal 1 (Behavior): By June, ... will ...": the area in parentheses, then the goal.
  const areaFirst = /^\(([^()]{2,40})\)\s*[:.\-–]?\s*/.exec(rest);
  if (areaFirst && /\bwill\b/i.test(rest.slice(areaFirst[0].length))) {
    goal.area = areaFirst[1].trim();
    rest = rest.slice(areaFirst[0].length);
  }
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

/**
 * The present-levels text: from its heading to the goals, across the sub-headings forms print inside
 * it (New York: "ACADEMIC ACHIEVEMENT ...", "SOCIAL DEVELOPMENT"), else the section under its heading.
 */
function presentLevelsLines(layout: Layout): LayoutLine[] {
  const body = bodyLines(layout);
  const start = body.findIndex((l) => l.isHeading && PRESENT_LEVELS_HEADING.test(l.text));
  if (start >= 0) {
    const end = body.findIndex((l, i) => i > start && ((l.isHeading && GOAL_SECTION_HEADING.test(l.text)) || isGoalHeader(l)));
    if (end > start) return body.slice(start + 1, end);
  }
  const sections = findSections(layout, PRESENT_LEVELS_HEADING).flatMap((s) => s.lines);
  return sections.length > 0 ? sections : presentLevelsByLabel(body);
}

const STOP = new Set('the and with his her their will when that this from into for was were are has have had of in on at to a an by or be as is it its he she they than then'.split(' '));
const contentWords = (t: string) => new Set(t.toLowerCase().match(/[a-z]{3,}/g)?.filter((w) => !STOP.has(w)) ?? []);

/**
 * The present-levels sentence that states this goal's baseline: a value in the goal's unit (any first
 * measure when the goal names no unit), in the sentence that shares most words with the goal and its
 * area. The student's name is shared by every sentence, so it weighs nothing extra.
 */
function baselineFromPresentLevels(lines: LayoutLine[], area: string | null, unit: string | null, goalText = ''): { text: string; value: number } | null {
  if (lines.length === 0) return null;
  const text = runOf(lines.flatMap((l) => l.words)).text;
  const sentences = text.split(/(?<=[.;])\s+(?=[A-Z])/);
  const goalWords = contentWords(goalText);
  const skill = guessArea(goalText);
  const wordSets = sentences.map(contentWords);
  // Words most sentences share (the student's name, "reading") say little about which one is meant.
  const weight = (w: string) => Math.log((sentences.length + 1) / (wordSets.filter((ws) => ws.has(w)).length + 0.5));
  let best: { text: string; value: number; score: number } | null = null;
  sentences.forEach((sentence, i) => {
    const value = baselineValueIn(sentence, unit);
    if (value === null) return;
    const shared = [...wordSets[i]].filter((w) => goalWords.has(w)).reduce((sum, w) => sum + Math.max(0, weight(w)), 0);
    const sentenceArea = guessArea(sentence);
    const areaScore = (sentenceArea && (sentenceArea === skill || sentenceArea === guessArea(area ?? '')) ? 2 : 0) + (area && sentence.toLowerCase().includes(area.toLowerCase().split(/\W+/)[0]) ? 1 : 0);
    // Without a unit only a sentence about the goal's own skill will do.
    if (!unit && shared < 1.5) return;
    const score = areaScore + shared;
    if (!best || score > best.score) best = { text: sentence, value, score };
  });
  const found = best as { text: string; value: number } | null;
  return found ? { text: found.text, value: found.value } : null;
}

/** "1. By 02/10/2023, ... 2. By ..." -> one string per objective; "None" -> []. */
export function splitObjectives(text: string): string[] {
  const t = text.trim();
  if (!t || /^(?:none|n\/a|not (?:required|applicable))\b/i.test(t)) return [];
  const parts = t.split(/(?:^|\s)(?:\d{1,2}[.)]|[a-h][.)]|[•▪●-]|(?:objective|benchmark|sto)\s*#?\d+\s*[:.)-]?)\s+(?=[A-Z(])/i);
  return parts.map((p) => p.trim()).filter((p) => p.length > 3);
}

