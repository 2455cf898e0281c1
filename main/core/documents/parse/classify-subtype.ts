// The IEP's kind (initial, annual, amendment, revision, reevaluation, interim): a ticked box in the
// meeting-type field as the layout model reads it (drawn, glyph or scanned), then the field as text,
// then the title, then the body's own words. The meeting-type words and the reading of text ticks are
// the IEP reader's (extract/iep-type.ts over vocab/iep.ts IEP_TYPE_WORDS), so both read a form alike.
import type { IepSubtype } from '../../../../shared/domain';
import type { DocumentLayout } from '../../layout';
import { MEETING_TYPE_LABEL, SECONDARY_MEETING_LABEL } from '../../extract/vocab/doc-types';
import { checkedOptions, typeFromText, typesNamed } from '../../extract/iep-type';
import { headLines, type DocLine } from './doc-lines';

/** A ticked box of the meeting-type field, in page order; a secondary purpose ("Additional Purpose: Interim") only when no primary is ticked. */
function fromCheckboxes(layout: DocumentLayout | null): IepSubtype | null {
  const boxes = (layout?.pages ?? []).slice(0, 4).flatMap((p) => p.checkboxes).filter((b) => b.checked === true && b.group && MEETING_TYPE_LABEL.test(b.group));
  const primary = boxes.filter((b) => !SECONDARY_MEETING_LABEL.test(b.group!));
  for (const b of [...primary, ...boxes]) {
    const s = typeFromText(b.label);
    if (s) return s;
  }
  return null;
}

/** The IEP's kind: a meeting-type field or a checked box first, then the title, then the body's own words. */
export function iepSubtype(lines: DocLine[], layout: DocumentLayout | null = null): { value: IepSubtype; confidence: number } {
  const boxed = fromCheckboxes(layout);
  if (boxed) return { value: boxed, confidence: 0.9 };
  for (const line of lines.slice(0, 160)) {
    const m = MEETING_TYPE_LABEL.exec(line.text);
    if (!m || SECONDARY_MEETING_LABEL.test(line.text.slice(Math.max(0, m.index - 20), m.index + m[0].length))) continue;
    const rest = line.text.slice(m.index + m[0].length);
    const checked = checkedOptions(rest);
    const fromBox = checked !== rest ? typeFromText(checked) : null;
    if (fromBox) return { value: fromBox, confidence: 0.9 };
    // Unchecked option lists ("Initial / Annual / Amendment") say nothing; a lone value does.
    if (typesNamed(rest.slice(0, 60)) === 1) return { value: typeFromText(rest.slice(0, 60))!, confidence: 0.9 };
  }
  for (const line of headLines(lines, 30)) {
    if (!/\b(iep|ard)\b|individuali[sz]ed\s+education|individual\s+education|admission,?\s+review/i.test(line.text)) continue;
    if (/\bnext\b|\bdue\b|\breview\s+date\b/i.test(line.text)) continue;
    // A list of the options ("Purpose of ARD: Initial Annual Revision Reevaluation") names none of them.
    if (typesNamed(line.text) > 1) continue;
    const s = typeFromText(line.text);
    if (s) return { value: s, confidence: 0.8 };
  }
  const all = lines.map((l) => l.text).join('\n');
  if (/\bamends\s+(the\s+)?iep\b|\bthis\s+amendment\b|\bamendment\s+to\s+(the\s+)?iep\b|changes?\s+(made\s+)?(to|in)\s+the\s+iep\s+without\s+a\s+meeting/i.test(all)) {
    return { value: 'amendment', confidence: 0.7 };
  }
  if (/\binitial\s+iep\b|\binitial\s+(eligibility|placement)\b/i.test(all)) return { value: 'initial', confidence: 0.6 };
  if (/\b(triennial|three[- ]year)\s+(iep|review|meeting)\b/i.test(all)) return { value: 'reevaluation', confidence: 0.6 };
  return { value: 'annual', confidence: 0.5 };
}
