// Turns the lines of a goals section into labelled fields (goal header, baseline, goal statement,
// objectives...), whatever the form system: a label in a left column with its value beside it
// (wrapping over several lines), or "Label: value" runs in prose. Where a value's lines stand against
// its label (a new paragraph, a label wrapping in its column) is the layout model's (layout/label-lines.ts).
import { leftEdge, startsParagraph, textMargins, valueWordsBeside } from '../layout/label-lines';
import { fromWord, oneCellLine } from '../layout/rows';
import type { LayoutLine, PlacedWord } from './layout';
import { GOAL_FIELD_LABELS, type GoalFieldKind } from './vocab/goals';

export type { GoalFieldKind };

export interface GoalField {
  kind: GoalFieldKind;
  label: string;
  /** Goal number from a header label ("Goal #2", "Annual Goal 2"). */
  number: number | null;
  /** The area a header names before its number ("Reading Fluency (Goal 2 of 4)"). */
  area?: string;
  words: PlacedWord[];
  /** x where the value column starts, to tell wrapped values from label continuations. */
  valueX: number | null;
  labelX: number;
}

const LABELS = GOAL_FIELD_LABELS;

interface LabelMatch {
  kind: GoalFieldKind;
  label: string;
  number: number | null;
  area?: string;
  /** Number of leading words the label covers. */
  labelWords: number;
}

/** A label at the start of the line: followed by a colon, alone in its cell, or a goal header. */
function matchLabel(line: LayoutLine): LabelMatch | null {
  const first = line.cells[0];
  for (const [kind, re] of LABELS) {
    const m = re.exec(line.text);
    if (!m) continue;
    const label = m[0].trim();
    let labelWords = label.split(/\s+/).length;
    // A label cell may end with a joiner whose other half wraps below ("Short-Term Objectives /", "Present Level of" over "Performance").
    if (first && first.words.length > labelWords && first.words.slice(labelWords).every((w) => /^(?:[/&:,-]+|and|or|of|for|in)$/i.test(w.text))) {
      labelWords = first.words.length;
    }
    const endsCell = first && first.words.length === labelWords;
    const colon = /:\s*$/.test(m[0]) || line.words[labelWords - 1]?.text.endsWith(':');
    if (kind !== 'header' && !endsCell && !colon && labelWords !== line.words.length) continue;
    return { kind, label, number: m[1] ? Number(m[1]) : null, labelWords, ...(m.groups?.area ? { area: m.groups.area.trim() } : {}) };
  }
  return null;
}

/** A line that is a field label and nothing else: a label printed above its value ("AREA OF NEED"), even in heading type. */
export function isLabelOnlyLine(line: LayoutLine): boolean {
  const label = matchLabel(line);
  return label !== null && label.labelWords === line.words.length;
}

/** A line without the specks a scan can put before its first word (". Baseline ..."), so its label is seen. */
const withoutLeadingNoise = (line: LayoutLine): LayoutLine => fromWord(line, line.words.findIndex((w) => /[\p{L}\d#]/u.test(w.text)));

export function goalFields(rawLines: LayoutLine[]): GoalField[] {
  const lines = rawLines.map(withoutLeadingNoise);
  const fields: GoalField[] = [];
  let current: GoalField | null = null;
  let goalSinceHeader = false;
  const { left, right } = textMargins(lines);
  let previous: LayoutLine | null = null;
  for (const line of lines) {
    const before = previous;
    previous = line;
    if (line.isHeading && !/\bgoal\b/i.test(line.text) && !isLabelOnlyLine(line)) {
      current = null;
      continue;
    }
    const label = matchLabel(line);
    // A label alone on its line (printed above its value) takes the lines under it as its value.
    if (!label && current && current.words.length > 0 && before && current.kind !== 'header' && startsParagraph(line, before, current, left, right)) {
      // An unlabelled paragraph after a short field ("Area of Need: Reading" then the goal sentence):
      // the first one under a goal header is the goal statement itself.
      const kind: GoalFieldKind = goalSinceHeader ? 'other' : 'goal';
      goalSinceHeader = true;
      current = { kind, label: '', number: null, words: [...line.words], valueX: leftEdge(line.words), labelX: leftEdge(line.words) ?? 0 };
      fields.push(current);
      continue;
    }
    if (label?.kind === 'header') goalSinceHeader = false;
    if (label?.kind === 'goal') goalSinceHeader = true;
    if (label) {
      const value = line.words.slice(label.labelWords);
      const labelX = leftEdge(line.words) ?? 0;
      const continuesLabel = current && current.kind === label.kind && label.kind !== 'header' && label.kind !== 'goal';
      if (continuesLabel && current) {
        current.words.push(...value);
        continue;
      }
      current = { kind: label.kind, label: label.label, number: label.number, words: value, valueX: leftEdge(value), labelX, ...(label.area ? { area: label.area } : {}) };
      fields.push(current);
      continue;
    }
    if (!current) continue;
    // A short title after a finished sentence ("Services" under the last goal of a typed plan) opens
    // the next part of the document, not more of the goal.
    if (before && isTitleAfterSentence(line, before)) {
      current = null;
      continue;
    }
    // A goal-number label over its value: the bare number on the line below is the goal's number.
    if (current.kind === 'header' && current.number === null && current.words.length === 0 && /^\d{1,2}$/.test(line.text.trim())) {
      current.number = Number(line.text.trim());
      continue;
    }
    current.words.push(...valueWordsBeside(line, current));
    current.valueX ??= leftEdge(line.words);
  }
  return fields;
}

/** A line of one to four capitalised words, no figures or end punctuation, under a line that ended a sentence. */
function isTitleAfterSentence(line: LayoutLine, before: LayoutLine): boolean {
  const words = line.words;
  if (words.length === 0 || words.length > 4 || /[\d.,;:!?]/.test(line.text) || !/[.!?]["')]?$/.test(before.text.trim())) return false;
  return words.every((w) => /^[A-Z&(]/.test(w.text) || /^(?:and|of|the|for|to)$/.test(w.text));
}

/** A present-levels label printed in body type ("Present levels", "Present Levels of Performance:"), its value maybe on the same line. */
const PRESENT_LEVELS_LABEL = /^(?:present\s+levels?(?:\s+of\s+(?:academic\s+achievement\s+and\s+)?(?:functional\s+)?performance)?|current\s+(?:levels?\s+of\s+)?performance|plaafp|plep|plop)\s*(?:\((?:plaafp|plep|plop)\))?\s*(?::|$)/i;

/**
 * The present-levels paragraph of a form that labels it in body type rather than a heading (a typed
 * summary: "Present levels" on its own line, the paragraph, then "Annual goals"): the lines from the
 * label to the next heading, field label, goal header or short title after a finished sentence.
 */
export function presentLevelsByLabel(lines: LayoutLine[]): LayoutLine[] {
  // Before the first goal: a "Present level:" field inside a goal block is that goal's baseline, not the paragraph.
  const firstGoal = lines.findIndex((l) => matchLabel(l)?.kind === 'header');
  const start = lines.findIndex((l, i) => (firstGoal < 0 || i < firstGoal) && PRESENT_LEVELS_LABEL.test(l.text.trim()));
  if (start < 0) return [];
  const label = lines[start];
  const rest = label.text.trim().replace(PRESENT_LEVELS_LABEL, '').trim();
  const out: LayoutLine[] = [];
  if (rest) {
    const skip = label.words.length - rest.split(/\s+/).length;
    const words = label.words.slice(skip);
    out.push(oneCellLine(label, words, rest));
  }
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.isHeading || matchLabel(line) !== null || isShortTitle(line, lines[i - 1])) break;
    out.push(line);
  }
  return out;
}

/** One to five words, no figures or end punctuation, capitalised, under a line that ended a sentence ("Annual goals"). */
function isShortTitle(line: LayoutLine, before: LayoutLine): boolean {
  const words = line.words;
  return words.length > 0 && words.length <= 5 && !/[\d.,;!?]/.test(line.text) && /^[A-Z]/.test(line.text) && /[.!?:]["')]?$/.test(before.text.trim());
}
