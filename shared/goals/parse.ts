// Reads one goal sentence: target, unit, direction, target date, the four components of a
// measurable goal (condition, behavior, criterion, timeframe), and what else the sentence states.
// Pure: shared by extraction, the in-app checker and `casefile goal-check`.
import type { Direction, GoalComponents } from '../domain';
import { findDates } from '../text/dates';
import { findMonthDates } from './dates';
import { findMeasures, pickTarget, type Measure } from './measures';
import { guessArea } from './area';

export interface ParsedGoal {
  targetValue: number | null;
  unit: string | null;
  direction: Direction | null;
  targetDate: string | null;
  components: GoalComponents;
  measurable: boolean;
  /** Only when the sentence itself states a starting level ("from 45% to 80%", "baseline of 48"). */
  baselineValue: number | null;
  area: string | null;
  gradeLevel: number | null;
  measuredBy: string | null;
  reasons: string[];
}

const CONDITION = new RegExp(
  [
    String.raw`\b(?:when\s+)?(?:given|provided(?:\s+with)?|presented\s+with|shown)\b`,
    String.raw`\bduring\s+(?!the\s+(?:\d{4}-\d{2,4}\s+)?(?:iep|school|annual|academic)\s+(?:year|period|term))[a-z\d]`,
    String.raw`\b(?:after|following|before|while)\s+[a-z]+ing\b`,
    String.raw`\b(?:after|following|throughout|before)\s+(?:a|an|the|\d+|independent|structured|unstructured|small|whole|large|daily|each|all|his|her|their|classroom|class|group|transitions?|recess|lunch|reading|math|writing|instruction|work|academic|non-preferred|preferred|[a-z]+-?minute)`,
    String.raw`\busing\s+(?:a|an|the|his|her|their|\w+)`,
    String.raw`\bwith(?:out)?\s+(?:the\s+use\s+of|access\s+to|(?:no|one|1|minimal|visual|verbal|gestural|adult|teacher|fading|faded|reduced)\s+(?:\w+\s+)?(?:prompts?|cues?|supports?|assistance|reminders?)|a\s+(?:graphic organizer|visual|checklist|calculator|word bank|model|number line|manipulatives?))`,
    String.raw`\bin\s+(?:the\s+|a\s+|all\s+|his\s+|her\s+)?(?:general education|classroom|small[- ]group|structured|unstructured|school|community|academic|therapy|resource|special education|home|lunchroom|cafeteria|hallway|math|reading|ela|science|social)\b`,
    String.raw`\bacross\s+(?:\w+\s+)?(?:settings|environments|content areas|classes|school)`,
    String.raw`\bwhen\s+(?:asked|frustrated|upset|prompted|directed|presented|given|engaged|[a-z]+ing)\b`,
    // Conditions introduced without "given": "when supported in organizing", "during recess".
    String.raw`\bwhen\s+(?:supported|provided|offered|shown|cued|reminded)\b`,
    String.raw`\bupon\s+(?:request|arrival|entering)`,
    String.raw`\bon\s+(?:a|an|the|\d+\s+(?:out\s+of\s+)?\d+)?\s*(?:[\w-]+\s+){0,4}?(?:probes?|tests?|assessments?|passages?|worksheets?|tasks?|inventor(?:y|ies)|screeners?|measures?)\b`,
  ].join('|'),
  'i',
);

const TIMEFRAME = new RegExp(
  [
    String.raw`\b(?:by|before|no later than|on or before)\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})`,
    String.raw`\b(?:by|before|no later than)\s+(?:the\s+)?(?:end|close|conclusion)\s+of`,
    String.raw`\bby\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s`,
    String.raw`\bby\s+(?:the\s+)?(?:next\s+)?(?:annual|iep|review|anniversary|expiration)`,
    String.raw`\bwithin\s+(?:\d+|one|two|three|four|six|nine|twelve|the)\s+(?:\w+\s+)?(?:weeks?|months?|years?|school\s+days|days|iep|instructional)`,
    String.raw`\bin\s+(?:\d+|one|thirty[- ]six)\s+(?:instructional\s+)?(?:weeks|months|year)`,
    String.raw`\b(?:during|over|throughout)\s+the\s+(?:\d{4}-\d{2,4}\s+)?(?:iep|school|annual)\s+(?:year|period|term)`,
    String.raw`\bannual(?:ly)?\s+(?:iep\s+)?(?:goal\s+)?period`,
  ].join('|'),
  'i',
);

/** Whether the text states a timeframe ("by 06/2023", "within one year", "by the end of the year"). */
export function statesTimeframe(text: string): boolean {
  return TIMEFRAME.test(text) || targetDateOf(text) !== null;
}

/** Verbs that name no observable behavior on their own. */
const VAGUE_VERBS = new Set(['improve', 'understand', 'know', 'learn', 'appreciate', 'develop', 'feel', 'realize', 'become', 'enjoy', 'grow', 'work', 'try', 'gain', 'strengthen', 'build', 'continue', 'be', 'have', 'explore', 'progress', 'benefit']);

/** Verbs of reduction; ceilings ("no more than 2") count only when they bound the target itself. */
const DECREASE = /\b(?:reduce[sd]?|reducing|decrease[sd]?|decreasing|lessen|minimi[sz]e|limit|eliminate|extinguish|refrain from)\b/i;
const INCREASE = /\b(?:increase[sd]?|increasing|improve[sd]?|raise|grow|expand|lengthen)\b/i;
const MAINTAIN = /\b(?:maintain|sustain|retain|continue to (?:demonstrate|perform|read|use|score) (?:at|with))\b/i;
const NEGATIVE_BEHAVIOR = /\b(?:aggress|elope|elopement|tantrum|outburst|disrupt|refus|hit(?:ting)?|kick|bit(?:e|ing)|throw|self-injur|off-task|out of seat|call(?:ing)? out|incidents?|episodes?|office referrals?|verbal prompts?|prompts)\b/i;

/**
 * Parts of a goal printed apart from its sentence, as goal tables and goal sheets do: the mastery
 * criterion ("Increase from 51 to 70 wcpm ..."), the schedule or target date ("Every two weeks; by
 * 06/2023"), and whether the form itself states the IEP year as every goal's timeframe.
 */
export interface GoalParts {
  criteria?: string | null;
  schedule?: string | null;
  impliedTimeframe?: boolean;
}

export function parseGoalSentence(raw: string, parts: GoalParts = {}): ParsedGoal {
  const text = raw.replace(/\s+/g, ' ').trim();
  const criteria = (parts.criteria ?? '').replace(/\s+/g, ' ').trim();
  const schedule = (parts.schedule ?? '').replace(/\s+/g, ' ').trim();
  const reasons: string[] = [];
  const willAt = text.search(/\bwill\b/i);
  const body = willAt >= 0 ? text.slice(willAt) : text;
  // The mastery criterion, printed apart, names the target; the sentence names it otherwise.
  const fromCriteria = criteria ? targetIn(criteria) : null;
  const fromBody = fromCriteria?.target ? null : targetIn(body);
  const { target, fromTo } = fromCriteria?.target ? fromCriteria : fromBody!;
  const stated = statedBaseline(text, target);
  const baselineValue = fromTo ? fromTo.baseline : stated;

  const direction = directionOf(criteria ? `${body} ${criteria}` : body, target, baselineValue);
  const targetDate = targetDateOf(text) ?? targetDateOf(schedule) ?? targetDateOf(criteria);
  const behaviorMatch = /\bwill\s+(?:be\s+able\s+to\s+)?(?:(?:independently|correctly|accurately|consistently|appropriately|orally|verbally|also|then)\s+)*([a-z]+)/i.exec(text);
  const verb = behaviorMatch?.[1].toLowerCase() ?? null;
  const criterion = target !== null;
  const components: GoalComponents = {
    condition: CONDITION.test(text) || (criteria !== '' && CONDITION.test(criteria)),
    behavior: verb !== null && (!VAGUE_VERBS.has(verb) || criterion),
    criterion,
    timeframe: targetDate !== null || TIMEFRAME.test(text) || TIMEFRAME.test(schedule) || Boolean(parts.impliedTimeframe),
  };
  if (!components.condition) reasons.push('No condition: the sentence does not say under what circumstances or with what materials (e.g. "given a grade-level passage").');
  if (!verb) reasons.push('No behavior: no "will <do something>" the student is to do.');
  else if (!components.behavior) reasons.push(`Behavior "${verb}" is not observable or countable on its own; name what the student will do.`);
  if (!criterion) reasons.push('No criterion: no number says how well or how much (e.g. "90 words correct per minute", "80% accuracy").');
  if (!components.timeframe) reasons.push('No timeframe: no date or period by which the goal is to be met.');
  const measurable = components.condition && components.behavior && components.criterion && components.timeframe;
  if (measurable) reasons.push('Measurable: condition, behavior, criterion and timeframe are all stated.');
  if (target) reasons.push(`Target: ${target.value} ${target.unit}${target.kind === 'ratio' ? ' (the only criterion is consistency across trials)' : ''}.`);
  if (baselineValue !== null && target && direction) {
    const notBeyond = direction === 'decrease' ? target.value >= baselineValue : direction === 'increase' ? target.value <= baselineValue : false;
    if (notBeyond) reasons.push(`Target ${target.value} is not beyond the stated baseline ${baselineValue} for a goal to ${direction}.`);
  }
  return {
    targetValue: target?.value ?? null,
    unit: target?.unit ?? null,
    direction,
    targetDate,
    components,
    measurable,
    baselineValue,
    area: guessArea(text),
    gradeLevel: gradeLevelOf(text),
    measuredBy: measuredByOf(text),
    reasons,
  };
}

function targetIn(text: string): { target: Measure | null; fromTo: { baseline: number; target: Measure } | null } {
  const measures = findMeasures(text);
  const fromTo = findFromTo(text);
  let target: Measure | null = fromTo?.target ?? pickTarget(measures);
  if (target && target.kind === 'ratio' && measures.some((m) => m.kind !== 'ratio')) target = pickTarget(measures.filter((m) => m.kind !== 'ratio'));
  return { target, fromTo };
}

/** "from 5 to 1 incidents per week", "from 45% to 80% of intervals", "from a baseline of 48 to 90 WCPM". */
function findFromTo(body: string): { baseline: number; target: Measure } | null {
  const m = /\bfrom\s+(?:a\s+(?:current\s+)?(?:baseline|level)\s+of\s+|(?:an?\s+)?(?:average|mean|median)\s+of\s+)?(\d+(?:\.\d+)?)\s*(%|percent)?[^.;]{0,40}?\bto\s+(?:an?\s+(?:average|mean|median|rate|level)\s+of\s+|(?:no more than|fewer than|at least)\s+)?(\d+(?:\.\d+)?)/i.exec(body);
  if (!m) return null;
  const targetIndex = m.index + m[0].length - m[3].length;
  const measures = findMeasures(body).filter((x) => x.index >= targetIndex - 1);
  const at = measures.find((x) => x.index <= targetIndex + 1 && x.value === +m[3]);
  const unitSource = at ?? findMeasures(body.slice(m.index)).find((x) => x.kind !== 'ratio');
  const unit = unitSource?.unit ?? (m[2] ? 'percent' : null);
  if (!unit) return null;
  return {
    baseline: +m[1],
    target: { value: +m[3], unit, kind: unitSource?.kind ?? 'percent', rank: 0, index: targetIndex, length: m[3].length, ceiling: false },
  };
}

function statedBaseline(text: string, target: Measure | null): number | null {
  const m = /\b(?:baseline|current(?:ly)?(?:\s+level)?|presently)\s*(?:of|is|at|:|reads?|performs?\s+at|=)?\s*(?:an?\s+(?:average|mean|median)\s+of\s+)?(\d+(?:\.\d+)?)\s*(%|percent)?/i.exec(text);
  if (!m) return null;
  if (target && target.unit.startsWith('percent') !== Boolean(m[2]) && /percent/.test(target.unit)) return null;
  return +m[1];
}

function directionOf(body: string, target: Measure | null, baseline: number | null): Direction | null {
  if (MAINTAIN.test(body)) return 'maintain';
  // "increase his MLU to 5.0": a number after "to" is a ceiling only when nothing says to raise it.
  if (DECREASE.test(body) || (target?.ceiling && !INCREASE.test(body))) return 'decrease';
  if (target && baseline !== null && target.value < baseline && !/\bincrease|improve/i.test(body)) return 'decrease';
  if (target?.kind === 'count' && NEGATIVE_BEHAVIOR.test(target.unit) && !/\bincrease\b/i.test(body)) return 'decrease';
  if (/\bwill\b/i.test(body) || target) return 'increase';
  return null;
}

/** The date the goal is to be met by: a full date, or a month ("by 06/2023", "through June 2025") as its last day. */
export function targetDateOf(text: string): string | null {
  const dates = [...findDates(text), ...findMonthDates(text)].sort((a, b) => a.index - b.index);
  if (dates.length === 0) return null;
  const byDate = dates.find((d) => /\b(?:by|before|no later than|on or before|until|through|thru|ending)\s*(?:the\s+end\s+of\s+)?$/i.test(text.slice(Math.max(0, d.index - 24), d.index)));
  return (byDate ?? dates[0]).iso;
}

const ORDINALS: Record<string, number> = {
  kindergarten: 0, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};

export function gradeLevelOf(text: string): number | null {
  const m =
    /\b(\d{1,2})(?:st|nd|rd|th)[- ]grade\b/i.exec(text) ??
    /\bgrade[- ](?:level\s+)?(\d{1,2})\b(?!\s*(?:%|percent))/i.exec(text) ??
    /\b(kindergarten|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)[- ]grade\b/i.exec(text) ??
    /\b(kindergarten)[- ]level\b/i.exec(text);
  if (!m) return null;
  const v = /^\d+$/.test(m[1]) ? +m[1] : ORDINALS[m[1].toLowerCase()];
  return v ?? null;
}

function measuredByOf(text: string): string | null {
  const m = /\b(?:as\s+)?(?:measured|documented|evidenced|determined|assessed|monitored|recorded|demonstrated)\s+(?:by|through|using|via)\s+([^.;]+)/i.exec(text) ??
    /\baccording to\s+([^.;]+)/i.exec(text);
  return m ? m[1].trim().replace(/[,\s]+$/, '') : null;
}
