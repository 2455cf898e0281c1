// How IEP forms label a goal and its parts, as data: the labels of goal fields (a left label column,
// "Label: value" runs), the headers of goal tables, and the wording a table prints under its headers.
// Readers (goal-fields.ts, goal-table.ts) are form-agnostic code over these lists.

export type GoalFieldKind = 'header' | 'area' | 'baseline' | 'goal' | 'objectives' | 'measuredBy' | 'criteria' | 'schedule' | 'reporting' | 'other';

/**
 * Labels at the start of a line, first match wins. 'header' captures the goal number. 'other' labels
 * end the field before them and are otherwise ignored: a goal's text stops at the next field label.
 */
export const GOAL_FIELD_LABELS: Array<[GoalFieldKind, RegExp]> = [
  // "Goal Number: 1", "Measurable Annual Goal #: 2", a provider's prefix before the number ("Goal #: SLP 1").
  ['header', /^(?:measurable\s+)?(?:annual\s+)?goal\s*(?:#|no\.?|number)\s*:?\s*(?:[a-z]{2,4}[\s-]?)?(\d{1,2})(?![\d/])(?:\s+of\s+\d{1,2})?\s*[:.)-]?/i],
  // "Goal #3", "Annual Goal 2:", "MEASURABLE ANNUAL GOAL #2" (SEIS, DESE, Frontline prints); "Goal 2 of 5" (goal
  // pages that count the goals, as some vendor systems' goal grids do).
  ['header', /^(?:measurable\s+)?(?:annual\s+)?goal\s*(?:#|no\.?|number)?\s*(\d{1,2})(?![\d/])(?:\s+of\s+\d{1,2})?\s*[:.)-]?/i],
  // The area first and the number after it in parentheses: "Reading Fluency (Goal 2 of 4)" (state-form goal pages).
  ['header', /^(?=[^()]{2,50}\(\s*(?:annual\s+)?goal\s*(?:#|no\.?)?\s*(\d{1,2})(?:\s+of\s+\d{1,2})?\s*\)\s*:?\s*$)(?<area>[A-Za-z][^()]{1,49}?)\s*\(\s*(?:annual\s+)?goal\s*(?:#|no\.?)?\s*\d{1,2}(?:\s+of\s+\d{1,2})?\s*\)\s*:?/i],
  // "MEASURABLE ANNUAL GOAL: Goal Number: 1" (Infinite Campus-style prints).
  ['header', /^(?:measurable\s+)?annual\s+goal\s*:?\s*goal\s+(?:#|no\.?|number)\s*:?\s*(\d{1,2})(?![\d/])\s*[:.)-]?/i],
  // "# 2 MEASURABLE ANNUAL GOAL" (number first, PowerSchool-style prints).
  ['header', /^#\s*(\d{1,2})\s+(?:measurable\s+)?(?:annual\s+)?goal\b\s*:?/i],
  // "GOAL NUMBER" printed small above the number on the line below (label-over-value forms).
  ['header', /^goal\s+(?:#|no\.?|number)\s*:?\s*$/i],
  // "Area of Need: Reading", or "AREA OF NEED" alone above its value.
  ['area', /^(?:area\s+of\s+need|goal\s+area|skill\s+area|focus\s+area|area|domain)\s*(?::|$)/i],
  // "Baseline:", "PRESENT LEVEL (BASELINE)" (a label over its value naming both words).
  ['baseline', /^(?:baseline(?:\s+data)?|present\s+levels?(?:\s+of\s+performance)?|current\s+performance\s+levels?|current\s+(?:level|performance)(?:\s+of\s+performance)?|plaafp)\b(?:\s*\((?:baseline|present\s+levels?)\))?\s*:?/i],
  ['goal', /^(?:measurable\s+)?(?:annual\s+)?goal(?:\s+statement)?\b(?!s)\s*:?/i],
  // "Short-Term Objectives / Benchmarks", "BENCHMARKS OR SHORT-TERM OBJECTIVES" (Texas ARD prints).
  ['objectives', /^(?:short[- ]term\s+)?(?:objectives?|benchmarks?)(?:\s*(?:\/|and|or)\s*(?:short[- ]term\s+)?(?:benchmarks?|objectives?))?\b\s*:?/i],
  // "Evaluation:" alone (Texas ARD prints: "Evaluation: Work samples; reported each six weeks").
  ['measuredBy', /^(?:evaluation(?=\s*:)|evaluation\s+(?:method|procedures?|criteria)|method\s+of\s+(?:measurement|evaluation)|how\s+(?:progress\s+)?(?:will\s+be\s+)?measured|progress\s+measured\s+by|measured\s+by|assessment\s+method|data\s+collection(?:\s+method)?|how\s+will\s+(?:progress|the\s+goal|this\s+goal|it)[\w\s]{0,30}?\s+be\s+measured\??|method)(?:\b|(?<=\?))\s*:?/i],
  // New York goal sheets and progress reports: "Criteria:", "Schedule:" beside "Method:".
  ['criteria', /^(?:criteri(?:a|on)(?:\s+for\s+mastery)?|mastery\s+criteri(?:a|on))\b\s*:?/i],
  // "Anticipated Completion Date", "Projected Mastery Date" (goal pages that give the date in a field of its own).
  ['schedule', /^(?:schedule|target\s+date|timeline|date\s+(?:to\s+be\s+)?(?:achieved|met)|(?:anticipated|projected|expected)\s+(?:completion|mastery|achievement)\s+date|completion\s+date)\b\s*:?/i],
  // "Periodic reports on the progress the student is making toward meeting the annual goal will be provided (frequency):" (Texas ARD prints).
  ['reporting', /^periodic\s+reports?\s+on\s+(?:the\s+)?(?:student'?s\s+)?progress\b[^:]{0,120}:/i],
  ['reporting', /^(?:progress\s+(?:will\s+be\s+)?reported|progress\s+reporting|reporting\s+(?:schedule|frequency)|how\s+progress\s+will\s+be\s+reported|reports?\s+of\s+progress[\w\s]{0,40}?\s+(?:will\s+be\s+)?(?:provided|reported|sent|issued))\b\s*:?/i],
  // A goal page's own progress block under the goal (SEIS: "Progress Report 1: ...", "Summary of Progress:", "Annual Review Date:", "Goal met").
  ['other', /^(?:progress\s+report(?:\s+#?\d{1,2})?|summary\s+of\s+progress|annual\s+review\s+date|goal\s+met)\b\s*:?/i],
  // "Enables student to be involved/progress in general curriculum/state standard RL 9-10.1:" (SEIS): the label runs to its colon or the line's end.
  ['other', /^enables?\s+(?:the\s+)?student\s+to\b[^:]*:?/i],
  ['other', /^(?:standards?(?:\s+addressed)?|aligned\s+standards?|person\(s\)\s+responsible|persons?\s+responsible|responsible\s+(?:staff|personnel|providers?)|providers?|services?\s+(?:provider|area)|comments?|notes?|enables?\s+(?:the\s+)?student\s+to|duration|language\s+of\s+delivery|implementers?)\b\s*:?/i],
];

/** Labels that may also appear in the middle of a line ("Criteria: ... Method: ... Schedule: ..."). */
export const INLINE_GOAL_FIELD_LABELS: Array<[GoalFieldKind, RegExp]> = [
  ['criteria', /\b(?:criteri(?:a|on)|mastery\s+criteri(?:a|on))\s*:/i],
  ['measuredBy', /\b(?:method(?:\s+of\s+(?:measurement|evaluation))?|evaluation\s+method|measured\s+by)\s*:/i],
  ['schedule', /\b(?:schedule|target\s+date)\s*:/i],
  ['other', /\b(?:provider|person\(s\)\s+responsible|persons?\s+responsible)\s*:/i],
];

export type GoalColumnKind = 'number' | 'goal' | 'criteria' | 'method' | 'schedule' | 'baseline' | 'objectives' | 'area' | 'other';

/** Column headers of a goals table, first match wins, matched against the header cell text. */
export const GOAL_TABLE_COLUMNS: Array<[GoalColumnKind, RegExp]> = [
  // A goal-number column before the goal ("#", "No.", "Goal #").
  ['number', /^(?:#|no\.?|nbr\.?|goal\s*(?:#|no\.?|number))$/i],
  // New York: "ANNUAL GOALS | CRITERIA | METHOD | SCHEDULE".
  ['goal', /^(?:measurable\s+)?(?:annual\s+)?goals?(?:\s+statements?)?$/i],
  ['criteria', /\bcriteri(?:a|on)\b|\bmastery\b|\bperformance\s+level\b/i],
  ['method', /\bmethod\b|\bhow\s+(?:progress\s+)?(?:will\s+be\s+)?measured\b|\bevaluation\s+(?:procedure|tool)s?\b|\bmeasured\s+by\b|\bassessment\b/i],
  ['schedule', /\bschedule\b|\btimeline\b|\btarget\s+date\b|\bby\s+when\b|\btimeframe\b|\bdate\s+(?:to\s+be\s+)?(?:met|achieved)\b/i],
  ['baseline', /\bbaseline\b|\bpresent\s+levels?\b|\bcurrent\s+level\b/i],
  ['objectives', /\bobjectives?\b|\bbenchmarks?\b/i],
  ['area', /^(?:area|domain|skill\s+area|area\s+of\s+need)$/i],
  ['other', /\bresponsible\b|\bprovider\b|\bstandard\b/i],
];

/**
 * Explanatory lines some forms print under a goal table's column headers (New York:
 * "What the student will be expected to achieve by the end of the year in which the IEP is in
 * effect", "Measure to determine if goal has been achieved", "How/When progress will be measured").
 */
export const GOAL_TABLE_HEADER_NOTES = /\bexpected\s+to\s+achieve\b|\bmeasure\s+to\s+determine\b|\b(?:how|when)\s+progress\s+will\s+be\b|\bwhich\s+the\s+iep\s+is\s+in\s+effect\b|\bbeen\s+achieved\b/i;

/** Headings that open a goals section. */
export const GOAL_SECTION_HEADING = /\bGOALS?\b/i;

/** Headings of the present-levels section, where baselines written only in prose are found. */
export const PRESENT_LEVELS_HEADING = /PRESENT\s+LEVELS?|PLAAFP|PLEP|PLOP|CURRENT\s+PERFORMANCE/i;
