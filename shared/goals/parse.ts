// Reads one goal sentence: target, unit, direction, target date, the four components of a
// measurable goal (condition, behavior, criterion, timeframe), and what else the sentence states.
// Pure: shared by extraction, the in-app checker and `casefile goal-check`.
import type { Direction, GoalComponents } from '../domain';
import { targetDateOf, targetDateRuleOf, TIMEFRAME, type TargetDateRule } from './timeframe';
import { findMeasures, pickTarget, type Measure } from './measures';
import { guessArea } from './area';

export interface ParsedGoal {
  /** The mastery criterion; for a range, the end that meets it (the low end to rise to, the high end to stay under). */
  targetValue: number | null;
  /** The target as written when it is a range ("70-80% accuracy"). */
  targetRange: { low: number; high: number } | null;
  unit: string | null;
  direction: Direction | null;
  targetDate: string | null;
  /** When the goal states its date only relative to its IEP ("in six months", "by the next annual review"). */
  targetDateRule: TargetDateRule | null;
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
    // Settings named by place or company: "at recess", "on the school bus", "with peers at lunch", "when it is time to".
    String.raw`\bat\s+(?:recess|lunch|school|home|arrival|dismissal|the\s+(?:start|end|beginning)\s+of)\b`,
    String.raw`\bon\s+(?:the\s+)?(?:school\s+)?(?:bus|playground|field\s+trips?)\b`,
    String.raw`\bwith\s+(?:(?:his|her|their|same-age|familiar|unfamiliar)\s+)?(?:peers|classmates|a\s+peer|adults?|staff)\b`,
    String.raw`\bwhen\s+it\s+is\s+time\b`,
    String.raw`\bon\s+(?:a|an|the|\d+\s+(?:out\s+of\s+)?\d+)?\s*(?:[\w-]+\s+){0,4}?(?:probes?|tests?|assessments?|passages?|worksheets?|tasks?|inventor(?:y|ies)|screeners?|measures?)\b`,
  ].join('|'),
  'i',
);

/** The goal's own words for its condition ("when given an unfamiliar 3rd grade level passage"), up to the next comma or "will"; null when it names none. */
export function conditionPhrase(text: string): string | null {
  const m = CONDITION.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index);
  const end = rest.search(/,|;|\.\s|\s(?:[A-Z][a-z]+\s)?will\b/);
  const phrase = (end > 0 ? rest.slice(0, end) : rest).trim();
  return phrase.length > 120 ? `${phrase.slice(0, 117).trimEnd()}…` : phrase;
}

/** Verbs that name no observable behavior on their own. */
const VAGUE_VERBS = new Set(['improve', 'understand', 'know', 'learn', 'appreciate', 'develop', 'feel', 'realize', 'become', 'enjoy', 'grow', 'work', 'try', 'gain', 'strengthen', 'build', 'continue', 'be', 'have', 'explore', 'progress', 'benefit']);

/** Verbs of reduction; ceilings ("no more than 2") count only when they bound the target itself. */
const DECREASE = /\b(?:reduce[sd]?|reducing|decrease[sd]?|decreasing|lessen|minimi[sz]e|limit|eliminate|extinguish|refrain from)\b/i;
const INCREASE = /\b(?:increase[sd]?|increasing|improve[sd]?|raise|grow|expand|lengthen)\b/i;
/**
 * "Maintain" as a direction: the measured level itself is kept ("maintain 90% accuracy", "maintain safe
 * hands in 95% of intervals"), not an action joined to another ("initiate and maintain a conversation").
 */
const MAINTAIN = /\b(?<!\b(?:initiate|begin|start|establish|enter|join|open)\s+and\s+)(?:maintain|sustain|retain)\s+(?:(?:his|her|their|a|an|the|current|present)\s+)?(?:\S+\s+){0,3}?(?:\d|level\b|rate\b|score\b|average\b|accuracy\b)|\bcontinue to (?:demonstrate|perform|read|use|score) (?:at|with)\b|\bkeep\s+(?:(?:his|her|their|the|a|an)\s+)?(?:\S+\s+){0,2}?(?:at\s+or\s+(?:above|below)|at|above|below)\s+(?:an?\s+)?(?:(?:level|score|rate)\s+(?:of\s+)?)?\d/i;
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
  // In order: a date in the goal, a span or month it counts from the IEP, the goal's own schedule
  // or criterion date, then the IEP's end ("by the next annual review").
  const textDate = targetDateOf(text);
  const textRule = textDate ? null : targetDateRuleOf(text);
  const ownDate = textDate ?? (textRule && textRule.kind !== 'iepEnd' ? null : targetDateOf(schedule) ?? targetDateOf(criteria));
  const targetDateRule = ownDate ? null : textRule ?? targetDateRuleOf(schedule);
  const targetDate = ownDate;
  // "Sam will: 1) read ..." and "Sam will a) ..." name the behavior after a list mark.
  const behaviorMatch = /\bwill\s*:?\s*(?:[-–]\s*)?(?:\(?(?:\d{1,2}|[a-h])[.)]\s*)?(?:be\s+able\s+to\s+)?(?:(?:independently|correctly|accurately|consistently|appropriately|orally|verbally|also|then)\s+)*([a-z]+)/i.exec(text);
  const verb = behaviorMatch?.[1].toLowerCase() ?? null;
  const criterion = target !== null;
  const components: GoalComponents = {
    condition: CONDITION.test(text) || (criteria !== '' && CONDITION.test(criteria)),
    behavior: verb !== null && (!VAGUE_VERBS.has(verb) || criterion),
    criterion,
    timeframe: targetDate !== null || targetDateRule !== null || TIMEFRAME.test(text) || TIMEFRAME.test(schedule) || Boolean(parts.impliedTimeframe),
  };
  if (!components.condition) reasons.push('No condition: the sentence does not say under what circumstances or with what materials (e.g. "given a grade-level passage").');
  if (!verb) reasons.push('No behavior: no "will <do something>" the student is to do.');
  else if (!components.behavior) reasons.push(`Behavior "${verb}" is not observable or countable on its own; name what the student will do.`);
  if (!criterion) reasons.push('No criterion: no number says how well or how much (e.g. "90 words correct per minute", "80% accuracy").');
  if (!components.timeframe) reasons.push('No timeframe: no date or period by which the goal is to be met.');
  const measurable = components.condition && components.behavior && components.criterion && components.timeframe;
  if (measurable) reasons.push('Measurable: condition, behavior, criterion and timeframe are all stated.');
  const targetRange = target?.low !== undefined ? { low: target.low, high: target.value } : null;
  const targetValue = targetRange ? (direction === 'decrease' ? targetRange.high : targetRange.low) : target?.value ?? null;
  if (target && targetRange) reasons.push(`Target: ${targetRange.low}-${targetRange.high} ${target.unit}, a range: met at ${targetValue}.`);
  else if (target) reasons.push(`Target: ${target.value} ${target.unit}${target.kind === 'ratio' ? ' (the only criterion is consistency across trials)' : ''}.`);
  if (baselineValue !== null && targetValue !== null && direction) {
    const notBeyond = direction === 'decrease' ? targetValue >= baselineValue : direction === 'increase' ? targetValue <= baselineValue : false;
    if (notBeyond) reasons.push(`Target ${targetValue} is not beyond the stated baseline ${baselineValue} for a goal to ${direction}.`);
  }
  return {
    targetValue,
    targetRange,
    unit: target?.unit ?? null,
    direction,
    targetDate,
    targetDateRule,
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
  // "citing 2 pieces of evidence with 80% accuracy": a count that names the task, not its mastery,
  // gives way to the accuracy the goal is judged by ("at least 5 sentences" is the criterion itself).
  if (!fromTo && target?.kind === 'count' && !/\b(?:at\s+least|a\s+minimum\s+of|minimum|no\s+(?:more|fewer)\s+than|or\s+(?:more|fewer))\s*$/i.test(text.slice(Math.max(0, target.index - 20), target.index))) {
    // "list 3 supporting details ..., scoring 85%": a plain score or accuracy after the count is the criterion.
    const accuracy = measures.find((m) => m.kind === 'percent' && /^percent(?: accuracy)?$/.test(m.unit) && m.index > target!.index);
    const after = measures.filter((m) => m.index > target!.index);
    // "cite 3 pieces of evidence ..., including 4 out of 7 parts": how many of the parts is the criterion.
    const ofParts = after.find((m) => m.kind === 'count' && /^\d+(?:\.\d+)?\s*(?:out\s+of|of|\/)\s*\d+/i.test(text.slice(m.index)));
    // "cite 2 pieces of evidence ..., as measured by a rubric in 3 of 4 trials": the rubric judges the
    // task the count describes; the trials it must be met in are the criterion.
    const judged = /\brubrics?\b/i.test(text) && !/\b(?:per|each|every|a)\s+\w+$/i.test(target.unit) ? after.find((m) => m.kind === 'ratio') : undefined;
    if (accuracy) target = accuracy;
    else if (ofParts) target = ofParts;
    else if (judged) target = judged;
    // "4 of 5 summaries with the main idea and 2 details": a count inside a "with ..." phrase says what
    // each attempt holds; the ratio of attempts is the criterion.
    else if (/\b(?:with|including|containing|that\s+(?:includes?|contains?|has|have))\b[^,;.]*$/i.test(text.slice(Math.max(0, target.index - 50), target.index))) {
      const ratio = measures.find((m) => m.kind === 'ratio' && m.index < target!.index);
      if (ratio) target = ratio;
    }
  }
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
  // "raise his standard score from 78 to 85": the score named before "from" is the unit.
  const named = /\b(?:(scaled|standard|scale)\s+scores?|(lexile)(?:\s+(?:level|measure|score))?|(percentile)(?:\s+rank)?)\s*$/i.exec(body.slice(0, m.index));
  const namedUnit = named ? (named[1] ? `${named[1].toLowerCase()} score` : named[2] ? 'Lexile' : 'percentile') : null;
  const unit = unitSource?.unit ?? namedUnit ?? (m[2] ? 'percent' : null);
  if (!unit) return null;
  const kind = unitSource?.kind ?? (namedUnit ? 'score' : 'percent');
  return {
    baseline: +m[1],
    target: { value: +m[3], unit, kind, rank: 0, index: targetIndex, length: m[3].length, ceiling: false },
  };
}

function statedBaseline(text: string, target: Measure | null): number | null {
  const m = /\b(?:baseline|current(?:ly)?(?:\s+level)?|presently)\s*(?:of|is|at|:|reads?|performs?\s+at|=)?\s*(?:an?\s+(?:average|mean|median)\s+of\s+)?(\d+(?:\.\d+)?)\s*(%|percent)?/i.exec(text);
  if (!m) return null;
  if (target && target.unit.startsWith('percent') !== Boolean(m[2]) && /percent/.test(target.unit)) return null;
  return +m[1];
}

function directionOf(body: string, target: Measure | null, baseline: number | null): Direction | null {
  // "maintain eye contact for 5 seconds", "sustain attention for 15 minutes": a behaviour held for longer, not a level kept.
  const kept = MAINTAIN.exec(body);
  if (kept && !/\bfor\s+(?:at\s+least\s+|up\s+to\s+)?\d$/i.test(kept[0])) return 'maintain';
  // "increase his MLU to 5.0": a number after "to" is a ceiling only when nothing says to raise it.
  if (DECREASE.test(body) || (target?.ceiling && !INCREASE.test(body))) return 'decrease';
  if (target && baseline !== null && target.value < baseline && !/\bincrease|improve/i.test(body)) return 'decrease';
  if (target?.kind === 'count' && NEGATIVE_BEHAVIOR.test(target.unit) && !/\bincrease\b/i.test(body)) return 'decrease';
  if (/\bwill\b/i.test(body) || target) return 'increase';
  return null;
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
