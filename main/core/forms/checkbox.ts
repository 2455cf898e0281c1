// Checkbox anchors (issue 18): "this box is the meeting type". A value the user gave that is the
// label of a box the page ticks (or a box they marked) teaches which group of boxes carries the
// field, from the layout model's checkboxes and their labels (layout/checkboxes.ts); on another copy
// of the form the same group is found by its printed group text or its options, and read: the label
// of its ticked box ('option'), or whether the box of the learned label is ticked ('state').
import type { BBox } from '../../../shared/domain';
import type { Checkbox, PageLayout } from '../layout';
import { maskText } from './fingerprint';
import { box, cx, cy, inside, norm, type ReadValue } from './anchors';

export interface CheckboxSpec {
  kind: 'checkbox';
  entityKey: string;
  page: number;
  /** 'option': the value is the label of the group's ticked box; 'state': whether the learned box is ticked. */
  mode: 'option' | 'state';
  /** The group's printed text before its boxes ("meeting type"), masked; null when it has none. */
  group: string | null;
  /** The masked labels of the group's boxes. */
  options: string[];
  /** The masked label of the box the correction pointed at. */
  label: string;
  /** Where the box was on the learned page. */
  near: BBox;
}

/** The boxes answering one question with a box: the same printed group text, or the same line when there is none. */
function siblingsOf(boxes: Checkbox[], cb: Checkbox): Checkbox[] {
  const h = Math.max(4, cb.bbox[3] - cb.bbox[1]);
  return boxes.filter((b) => b.page === cb.page && (cb.group ? b.group === cb.group && Math.abs(cy(b.bbox) - cy(cb.bbox)) < 6 * h : !b.group && Math.abs(cy(b.bbox) - cy(cb.bbox)) < h));
}

const labelOf = (b: Checkbox) => maskText(b.label);
const boxWithLabel = (b: Checkbox): BBox => box([b, ...b.labelWords]);

/**
 * A checkbox anchor from a corrected value: the box inside the marked rectangle, else the ticked box
 * whose label is the value. A true/false value needs the marked box (which box it is a state of).
 */
export function learnCheckbox(input: { layout: PageLayout[]; entityKey: string; value: unknown; page: number | null; bbox: BBox | null }): { spec: CheckboxSpec; description: string } | null {
  const all = input.layout.flatMap((p) => p.checkboxes);
  const state = typeof input.value === 'boolean';
  if (!state && typeof input.value !== 'string') return null;
  const want = state ? '' : norm(input.value as string);
  let cb: Checkbox | undefined;
  if (input.page !== null && input.bbox) {
    const marked = all.filter((b) => b.page === input.page && (inside(b.bbox, input.bbox!) || b.labelWords.some((w) => inside(w.bbox, input.bbox!))));
    cb = state ? marked[0] : (marked.find((b) => norm(b.label) === want) ?? marked.find((b) => b.checked));
  } else if (!state && want) {
    cb = all.find((b) => b.checked === true && norm(b.label) === want);
  }
  if (!cb || (!state && !labelOf(cb))) return null;
  const group = cb.group ? maskText(cb.group) : null;
  const options = siblingsOf(all, cb).map(labelOf).filter(Boolean);
  const spec: CheckboxSpec = { kind: 'checkbox', entityKey: input.entityKey, page: cb.page, mode: state ? 'state' : 'option', group: group || null, options, label: labelOf(cb), near: cb.bbox };
  const named = cb.group?.replace(/[:\s]+$/, '').trim() || cb.label.trim();
  return { spec, description: state ? `whether the box "${cb.label.trim()}" is ticked` : `the ticked box of "${named}" (${siblingsOf(all, cb).map((b) => b.label.trim()).join(' / ')})` };
}

/** Reads a checkbox anchor on another document's pages: its group found by its text or its options, nearest where it was. */
export function readCheckbox(layout: PageLayout[], spec: CheckboxSpec): ReadValue | null {
  let best: { boxes: Checkbox[]; score: number } | null = null;
  for (const pl of layout) {
    const seen = new Set<Checkbox>();
    for (const cb of pl.checkboxes) {
      if (seen.has(cb)) continue;
      const sibs = siblingsOf(pl.checkboxes, cb);
      sibs.forEach((b) => seen.add(b));
      const labels = sibs.map(labelOf);
      const shared = spec.options.filter((o) => labels.includes(o)).length / Math.max(1, spec.options.length);
      const sameGroup = spec.group !== null && cb.group !== null && maskText(cb.group) === spec.group;
      if (!sameGroup && shared < 0.5) continue;
      const b = box(sibs);
      const distance = Math.abs(pl.page - spec.page) * 10000 + Math.abs(cx(b) - cx(spec.near)) * 0.1 + Math.abs(cy(b) - cy(spec.near)) * 0.1;
      const score = (sameGroup ? 2 : 0) + shared - distance / 1e5;
      if (!best || score > best.score) best = { boxes: sibs, score };
    }
  }
  if (!best) return null;
  if (spec.mode === 'state') {
    const own = best.boxes.find((b) => labelOf(b) === spec.label);
    if (!own || own.checked === null) return null;
    return { field: '', value: own.checked, page: own.page, bbox: boxWithLabel(own) };
  }
  const ticked = best.boxes.filter((b) => b.checked === true);
  // None ticked, or two: the form answers nothing one can fill.
  if (ticked.length !== 1 || !ticked[0].label.trim()) return null;
  return { field: '', value: ticked[0].label.trim(), page: ticked[0].page, bbox: boxWithLabel(ticked[0]) };
}
