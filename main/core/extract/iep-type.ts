// The kind of IEP meeting: from the ticked box when the form prints the types as checkboxes (drawn,
// glyph or scanned boxes, read by the layout model; null when no box of the question can be read or
// none is ticked, never the first option), else from a labelled value, else from the title words.
// The words (vocab/iep.ts IEP_TYPE_WORDS) and the readers of text ticks here are the only ones: the
// classifier reads an IEP's subtype with them too (documents/parse/classify-subtype.ts).
import type { IepSubtype } from '../../../shared/domain';
import { documentModel } from '../documents/parse/classify-layout';
import { answerOf } from '../layout';
import { findLabeledValue, type Layout } from './layout';
import { IEP_HEADER_LABELS, IEP_TYPE_WORDS } from './vocab/iep';

const L = IEP_HEADER_LABELS;

export function typeFromText(text: string): IepSubtype | null {
  return IEP_TYPE_WORDS.find(([, re]) => re.test(text))?.[0] ?? null;
}

/** How many different meeting types a text names. */
export const typesNamed = (text: string): number => new Set(IEP_TYPE_WORDS.filter(([, re]) => re.test(text)).map(([t]) => t)).size;

const BOX = String.raw`(?:\[\s*[xX✓✔]?\s*\]|\(\s*[xX✓✔]?\s*\)|[☐☒☑□■✓✔])`;
const TICKED = /^(?:\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[☒☑■✓✔])$/;

/** A tick read without its box: an X alone before an option's word ("X Annual"), as OCR reads a marked box whose frame it dropped. */
const BARE_TICK = /(?:^|\s)[xX]\s+(?=[A-Za-z])/;

/**
 * "[ ] Initial [X] Annual [ ] Amendment" -> "Annual": only the ticked options of a checkbox list. With
 * bare ticks ("X Annual Initial", the empty boxes unread) each ticked option is its first two words.
 * The text itself when it prints no box.
 */
export function checkedOptions(value: string): string {
  const parts = value.split(new RegExp(`(${BOX})`));
  if (parts.length < 3) {
    const bare = value.split(new RegExp(BARE_TICK.source, 'g'));
    if (bare.length < 2) return value;
    return bare.slice(1).map((option) => option.trim().split(/\s+/).slice(0, 2).join(' ')).join(' ');
  }
  const ticked: string[] = [];
  for (let i = 1; i < parts.length; i += 2) if (TICKED.test(parts[i].trim())) ticked.push(parts[i + 1] ?? '');
  return ticked.join(' ');
}

/**
 * The type a checkbox question gives: undefined when the form has no such question, null when its
 * boxes cannot all be read and none is seen ticked, or when none is ticked (the option words are
 * printed beside every box, so they say nothing about the choice).
 */
export function iepTypeFromBoxes(layout: Layout): IepSubtype | null | undefined {
  // The classifier's page model when it read these pages (checkboxes do not depend on field labels).
  const boxes = (documentModel(layout.pages) ?? layout.model(L.type)).pages.flatMap((p) => p.checkboxes);
  const answer = answerOf(boxes, L.type);
  if (!answer) return undefined;
  if (answer.ticked.length === 0) return null;
  return typeFromText(answer.ticked.map((b) => b.label).join(' '));
}

/** The type from the ticked box, a labelled "Meeting Type", else the title lines at the top of page 1. */
export function iepTypeOf(layout: Layout): IepSubtype | null {
  const boxed = iepTypeFromBoxes(layout);
  if (boxed !== undefined) return boxed;
  // A checkbox list printed as text ("[X] Annual") spans several cells: read the whole line after its label.
  for (const line of layout.lines) {
    const m = L.type.map((re) => re.exec(line.text)).find((x) => x);
    if (!m) continue;
    const rest = line.text.slice(m.index + m[0].length);
    const ticked = checkedOptions(rest);
    if (ticked !== rest) return typeFromText(ticked);
  }
  const labelled = findLabeledValue(layout, L.type, (v) => typeFromText(checkedOptions(v)) !== null);
  if (labelled) return typeFromText(checkedOptions(labelled.value));
  // A line naming several meeting types lists the options of a question whose ticks could not be
  // read: it says nothing about the choice, so it is no title.
  const title = layout.lines.filter((l) => l.page === layout.lines[0]?.page).slice(0, 8).map((l) => checkedOptions(l.text)).filter((t) => typesNamed(t) < 2).join(' ');
  return typeFromText(title);
}
