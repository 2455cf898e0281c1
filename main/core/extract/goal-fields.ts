// Turns the lines of a goals section into labelled fields (goal header, baseline, goal statement,
// objectives...), whatever the form system: a label in a left column with its value beside it
// (wrapping over several lines), or "Label: value" runs in prose.
import type { LayoutLine, PlacedWord } from './layout';

export type GoalFieldKind = 'header' | 'area' | 'baseline' | 'goal' | 'objectives' | 'measuredBy' | 'reporting' | 'other';

export interface GoalField {
  kind: GoalFieldKind;
  label: string;
  /** Goal number from a header label ("Goal #2", "Annual Goal 2"). */
  number: number | null;
  words: PlacedWord[];
  /** x where the value column starts, to tell wrapped values from label continuations. */
  valueX: number | null;
  labelX: number;
}

const LABELS: Array<[GoalFieldKind, RegExp]> = [
  ['header', /^(?:measurable\s+)?(?:annual\s+)?goal\s*(?:#|no\.?|number)?\s*(\d{1,2})(?![\d/])\s*[:.)-]?/i],
  ['area', /^(?:area\s+of\s+need|goal\s+area|skill\s+area|focus\s+area|area|domain)\s*:/i],
  ['baseline', /^(?:baseline(?:\s+data)?|present\s+levels?(?:\s+of\s+performance)?|current\s+(?:level|performance)(?:\s+of\s+performance)?|plaafp)\b\s*:?/i],
  ['goal', /^(?:measurable\s+)?(?:annual\s+)?goal(?:\s+statement)?\b(?!s)\s*:?/i],
  ['objectives', /^(?:short[- ]term\s+)?(?:objectives?|benchmarks?)(?:\s*(?:\/|and|or)\s*(?:benchmarks?|objectives?))?\b\s*:?/i],
  ['measuredBy', /^(?:evaluation\s+(?:method|procedures?|criteria)|method\s+of\s+(?:measurement|evaluation)|how\s+(?:progress\s+)?(?:will\s+be\s+)?measured|progress\s+measured\s+by|measured\s+by|assessment\s+method|data\s+collection(?:\s+method)?)\b\s*:?/i],
  ['reporting', /^(?:progress\s+(?:will\s+be\s+)?reported|progress\s+reporting|reporting\s+(?:schedule|frequency)|how\s+progress\s+will\s+be\s+reported)\b\s*:?/i],
  ['other', /^(?:standards?(?:\s+addressed)?|aligned\s+standards?|person\(s\)\s+responsible|persons?\s+responsible|responsible\s+(?:staff|personnel|providers?)|services?\s+(?:provider|area)|comments?|notes?)\b\s*:?/i],
];

interface LabelMatch {
  kind: GoalFieldKind;
  label: string;
  number: number | null;
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
    // A label cell may end with a joiner whose other half wraps below ("Short-Term Objectives /").
    if (first && first.words.length > labelWords && first.words.slice(labelWords).every((w) => /^(?:[/&:,-]+|and|or)$/i.test(w.text))) {
      labelWords = first.words.length;
    }
    const endsCell = first && first.words.length === labelWords;
    const colon = /:\s*$/.test(m[0]) || line.words[labelWords - 1]?.text.endsWith(':');
    if (kind !== 'header' && !endsCell && !colon && labelWords !== line.words.length) continue;
    return { kind, label, number: m[1] ? Number(m[1]) : null, labelWords };
  }
  return null;
}

export function goalFields(lines: LayoutLine[]): GoalField[] {
  const fields: GoalField[] = [];
  let current: GoalField | null = null;
  for (const line of lines) {
    if (line.isHeading && !/\bgoal\b/i.test(line.text)) {
      current = null;
      continue;
    }
    const label = matchLabel(line);
    if (label) {
      const value = line.words.slice(label.labelWords);
      const labelX = line.words[0].bbox[0];
      const continuesLabel = current && current.kind === label.kind && label.kind !== 'header' && label.kind !== 'goal';
      if (continuesLabel && current) {
        current.words.push(...value);
        continue;
      }
      current = { kind: label.kind, label: label.label, number: label.number, words: value, valueX: value[0]?.bbox[0] ?? null, labelX };
      fields.push(current);
      continue;
    }
    if (!current) continue;
    current.words.push(...valueWordsOf(line, current));
    current.valueX ??= line.words[0]?.bbox[0] ?? null;
  }
  return fields;
}

/**
 * The part of a continuation line that belongs to the value: in a two-column form a first cell
 * that sits in the label column and ends before the value column is the label wrapping
 * ("Short-Term Objectives /" over "Benchmarks"), not value text.
 */
function valueWordsOf(line: LayoutLine, field: GoalField): PlacedWord[] {
  const [first, second] = line.cells;
  if (field.valueX !== null && first && second && first.x1 < field.valueX - 2 && Math.abs(second.x0 - field.valueX) < 8 && Math.abs(first.x0 - field.labelX) < 8) {
    return line.cells.slice(1).flatMap((c) => c.words);
  }
  return line.words;
}
