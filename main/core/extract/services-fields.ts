// Services an IEP describes in labelled fields instead of a table: a service name field followed by
// its dose, place and dates ("Service: Occupational Therapy" / "Frequency: 2 x 30 min weekly" /
// "Location: OT room"), with the labels after a colon, in the cell beside the value or printed
// small above it (label-lines.ts). Field labels are vocab/services.ts SERVICE_BLOCK_LABELS.
import type { ExtractedService } from '../../../shared/domain';
import { findDates } from '../../../shared/text/dates';
import { parseServiceDose } from './iep-dose';
import { cellFields, joinLabelsAbove } from '../layout/label-lines';
import { setTightUnder } from '../layout/rows';
import { provenanceOf, runOf, type LayoutLine, type PlacedWord } from './layout';
import { confidenceOf, doseCheck } from './confidence';
import { SERVICE_BLOCK_LABELS, type ServiceColumnKind } from './vocab/services';

interface LineField {
  kind: ServiceColumnKind;
  value: string;
  line: LayoutLine;
}

/** A line that opens on a label: a few words, the first capitalised, and a colon. */
const OTHER_LABEL = /^[A-Z][\w'/&-]*(?:\s+[\w'/&-]+){0,3}:(?:\s|$)/;

const kindOf = (label: string): ServiceColumnKind | null => SERVICE_BLOCK_LABELS.find(([, re]) => re.test(label.trim()))?.[0] ?? null;

/** The service fields a line holds: "Label: value" (several on a line) or label | value cells. */
export function serviceFieldsOf(line: LayoutLine): LineField[] {
  const beside = cellFields(line, (t) => kindOf(t) !== null);
  if (beside.length > 0 && line.cells[0].text.replace(/\s*:$/, '') === beside[0].label) {
    return beside.map((f) => ({ kind: kindOf(f.label)!, value: f.value, line }));
  }
  // "Label: value Label: value": a label is the longest run of up to five words before a colon that
  // the vocabulary names.
  const words = line.text.split(' ');
  const marks: Array<{ kind: ServiceColumnKind; start: number; end: number }> = [];
  words.forEach((w, i) => {
    if (!/:$/.test(w)) return;
    for (let s = Math.max(0, i - 4, marks.length ? marks[marks.length - 1].end : 0); s <= i; s++) {
      const kind = kindOf(words.slice(s, i + 1).join(' ').replace(/:$/, ''));
      if (kind) { marks.push({ kind, start: s, end: i + 1 }); return; }
    }
  });
  if (marks.length === 0 || marks[0].start !== 0) return [];
  const cellOf = cellIndexOfWords(line, words);
  const fields: LineField[] = marks.map((m, k) => {
    let end = marks[k + 1]?.start ?? words.length;
    // The value stops at its cell's end: words printed past a wide gap are another column's (the
    // labels of boxes printed beside the provider, "Solo | Pair"); a label alone in its cell takes the next cell.
    if (cellOf && m.end < end) {
      const cell = cellOf[m.end];
      while (end > m.end + 1 && cellOf[end - 1] !== cell) end--;
    }
    return { kind: m.kind, value: words.slice(m.end, end).join(' ').trim(), line };
  });
  return fields;
}

/** Each of the line's space-separated words' cell, or null when the cells do not spell the line. */
function cellIndexOfWords(line: LayoutLine, words: string[]): number[] | null {
  const out = line.cells.flatMap((c, k) => c.text.split(' ').filter(Boolean).map(() => k));
  return out.length === words.length ? out : null;
}

interface Block {
  name: string;
  parts: Map<ServiceColumnKind, string[]>;
  words: PlacedWord[];
}

/**
 * One service per block that starts at a service-name field and holds a dose (frequency, minutes);
 * the block runs over the fields after it until the next service name or a line that is no field
 * (a value wrapped onto the next line, set tight under it, is part of its field).
 */
export function servicesFromFields(lines: LayoutLine[], documentId: string): ExtractedService[] {
  const blocks: Block[] = [];
  // The block being read and its last field (a wrapped value continues it).
  const at: { block: Block | null; field: LineField | null } = { block: null, field: null };
  for (const line of joinLabelsAbove(lines)) {
    const fields = serviceFieldsOf(line);
    const { block, field } = at;
    if (fields.length === 0) {
      const prev = field?.line;
      // A line opening on a label of its own ("Comments: ...") is another field, never a wrapped value.
      if (block && field && prev && setTightUnder(line, prev, 0.6) && !OTHER_LABEL.test(line.text)) {
        if (field.kind === 'service') block.name += ` ${line.text}`;
        else block.parts.get(field.kind)!.push(line.text);
        block.words.push(...line.words);
        at.field = { ...field, line };
      } else {
        at.block = null;
        at.field = null;
      }
      continue;
    }
    for (const f of fields) {
      if (f.kind === 'service') {
        at.block = { name: f.value, parts: new Map(), words: [] };
        blocks.push(at.block);
      } else if (at.block) {
        at.block.parts.set(f.kind, [...(at.block.parts.get(f.kind) ?? []), f.value]);
      }
      at.field = at.block ? f : null;
    }
    at.block?.words.push(...line.words);
  }
  const services: ExtractedService[] = [];
  for (const b of blocks) {
    const part = (k: ServiceColumnKind) => (b.parts.get(k) ?? []).join(' ').trim();
    const doseText = [part('frequency'), part('duration')].filter(Boolean).join(', ');
    const dose = parseServiceDose(doseText);
    if (dose.minutesPerWeek === null && dose.minutesPerMonth === null && dose.minutesPerSession === null) continue;
    const dates = findDates(`${part('start')} ${part('end')}`);
    services.push({
      key: '',
      service: b.name.replace(/\s+/g, ' ').trim(),
      serviceCode: null,
      minutesPerSession: dose.minutesPerSession,
      sessionsPerPeriod: dose.sessionsPerPeriod,
      period: dose.period,
      minutesPerWeek: dose.minutesPerWeek,
      minutesPerMonth: dose.minutesPerMonth,
      frequencyText: doseText + (dose.formula ? ` (${dose.formula})` : ''),
      location: part('location') || null,
      provider: part('provider') || null,
      startDate: dates[0]?.iso ?? null,
      endDate: dates[1]?.iso ?? null,
      source: provenanceOf(documentId, runOf(b.words)),
      ...confidenceOf({ words: b.words, foundBy: 'labelled', checks: [doseCheck(dose)] }),
    });
  }
  return services;
}
