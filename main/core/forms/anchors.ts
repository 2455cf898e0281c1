// Anchors: what one correction teaches about a form (issue 18). A value the user gave is found on
// its page (its box when they pointed at it, else its text), tied to the nearest printed label or
// column header the form repeats, and read again at the same place on another copy of the form.
// Here: a field (a value beside, under or after a label), a column (a value on one row of a table
// the document has, read on every row) and what every kind shares; rows and records are in rows.ts.
import type { AnchorShape } from '../../../shared/api/forms';
import type { BBox, Word } from '../../../shared/domain';
import { findDates } from '../../../shared/text/dates';
import { groupLines, type Line, type PageLayout } from '../layout';
import { maskText, pageLines } from './fingerprint';
import type { CheckboxSpec } from './checkbox';
import type { RecordsSpec, RowsSpec } from './rows';

export interface FieldSpec {
  kind: 'field';
  entityKey: string;
  page: number;
  relation: 'inline' | 'right' | 'below';
  label: string;
  labelText: string;
  labelBox: BBox;
  /** The value's box relative to the label's top-left corner. */
  offset: BBox;
  height: number;
}

/** A column of a table whose rows the document has already (read, or filled by a rows anchor). */
export interface ColumnSpec {
  kind: 'column';
  page: number;
  /** The value's left and right edges on the page, and its height. */
  x0: number;
  x1: number;
  height: number;
  /** The printed column header above it, when there is one (for the description only). */
  headerText: string | null;
}

export type AnchorSpec = FieldSpec | RowsSpec | ColumnSpec | RecordsSpec | CheckboxSpec;

/** A value read at an anchor: a field's value, or a whole row (entity) for rows. */
export interface ReadValue {
  field: string;
  value: unknown;
  page: number;
  bbox: BBox;
  /** For rows: its index, for the entity key. */
  row?: number;
}

export type W = Word & { page: number };

export const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
export const box = (ws: Array<{ bbox: BBox }>): BBox => [Math.min(...ws.map((w) => w.bbox[0])), Math.min(...ws.map((w) => w.bbox[1])), Math.max(...ws.map((w) => w.bbox[2])), Math.max(...ws.map((w) => w.bbox[3]))];
export const cy = (b: BBox) => (b[1] + b[3]) / 2;
export const cx = (b: BBox) => (b[0] + b[2]) / 2;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 10;
export const inside = (b: BBox, r: BBox, pad = 2) => cx(b) >= r[0] - pad && cx(b) <= r[2] + pad && cy(b) >= r[1] - pad && cy(b) <= r[3] + pad;

export function shapeOf(v: unknown): AnchorShape {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return 'date';
  if (typeof v === 'string' && /^[A-Z0-9][A-Z0-9+\-/]{0,4}$/.test(v.trim())) return 'code';
  return 'text';
}

/** Reads words as a value of a shape: null when they hold none. */
export function parseShape(words: Word[], shape: AnchorShape): unknown {
  const text = words.map((w) => w.text).join(' ').trim();
  if (!text) return null;
  if (shape === 'date') return findDates(text)[0]?.iso ?? null;
  if (shape === 'number') {
    const m = /-?\d+(?:\.\d+)?/.exec(text.replace(/,(?=\d{3})/g, ''));
    return m ? Number(m[0]) : null;
  }
  if (shape === 'code') return /^[A-Za-z0-9][A-Za-z0-9+\-/]{0,4}$/.test(words[0].text) ? words[0].text.toUpperCase() : null;
  return text;
}

export const linesOf = (page: PageLayout): Line[] => pageLines(page).filter((l) => l.words.length);

/** The words of a value the user typed, found on the pages: a date by its date, anything else by its words in order. */
function locate(layout: PageLayout[], value: unknown, shape: AnchorShape): { page: number; words: W[]; line: Line } | null {
  for (const page of layout) {
    const hit = locateIn(linesOf(page), value, shape);
    if (hit) return { page: page.page, ...hit };
  }
  return null;
}

/** The first of some lines that prints a value, and the value's words in it. */
function locateIn(lines: Line[], value: unknown, shape: AnchorShape): { words: W[]; line: Line } | null {
  for (const line of lines) {
    const ws = line.words as W[];
    if (shape === 'date') {
      let text = '';
      const starts: number[] = [];
      for (const w of ws) {
        starts.push(text.length + (text ? 1 : 0));
        text += (text ? ' ' : '') + w.text;
      }
      const hit = findDates(text).find((d) => d.iso === value);
      if (hit) {
        const words = ws.filter((_w, i) => starts[i] < hit.index + hit.length && starts[i] + ws[i].text.length > hit.index);
        if (words.length) return { words, line };
      }
      continue;
    }
    const want = String(value).split(/\s+/).map(norm).filter(Boolean);
    if (!want.length) continue;
    const have = ws.map((w) => norm(w.text));
    for (let i = 0; i + want.length <= have.length; i++) {
      if (want.every((t, j) => have[i + j] === t)) return { words: ws.slice(i, i + want.length), line };
    }
  }
  return null;
}

/**
 * The words of a value inside the box the user marked on a page ("Mark on page"), with the whole
 * line they are printed in: the value's own words when the box holds it (a date among other words),
 * else every word inside. The box decides where, so a value printed twice on the page is the one marked.
 */
function locateMarked(pl: PageLayout, bbox: BBox, value: unknown, shape: AnchorShape): { words: W[]; line: Line } | null {
  const lines = linesOf(pl);
  const marked = lines.map((l) => ({ line: l, words: l.words.filter((w) => inside(w.bbox, bbox)) as W[] })).filter((m) => m.words.length);
  if (!marked.length) return null;
  for (const m of marked) {
    const hit = locateIn([{ ...m.line, words: m.words, text: m.words.map((w) => w.text).join(' ') }], value, shape);
    if (hit) return { words: hit.words, line: m.line };
  }
  return { words: marked.flatMap((m) => m.words), line: marked[0].line };
}

export interface LearnInput {
  layout: PageLayout[];
  entityKey: string;
  field: string;
  value: unknown;
  /** Where the user pointed, when they did. */
  page: number | null;
  bbox: BBox | null;
  /** Whether a line's masked text is printed on the family's other documents too (true when it has none). */
  isStatic(masked: string): boolean;
}

/** A field anchor from one value: its words on the page and the nearest label before or above them. */
export function learnField(input: LearnInput): { spec: FieldSpec; shape: AnchorShape; description: string } | null {
  const shape = shapeOf(input.value);
  let page: number;
  let words: W[];
  let own: Line;
  const markedPage = input.page !== null && input.bbox ? input.layout.find((p) => p.page === input.page) : undefined;
  const marked = markedPage && input.bbox ? locateMarked(markedPage, input.bbox, input.value, shape) : null;
  if (markedPage && marked) {
    page = markedPage.page;
    ({ words, line: own } = marked);
  } else {
    const hit = locate(input.layout, input.value, shape);
    if (!hit) return null;
    ({ page, words, line: own } = hit);
  }
  const pl = input.layout.find((p) => p.page === page)!;
  const vb = box(words);
  const h = median(words.map((w) => w.bbox[3] - w.bbox[1]));
  // The label printed in the value's own line, before it ("Period: Term 3").
  {
    const before = own.words.filter((w) => w.bbox[2] <= vb[0] + 0.5 && !words.includes(w as W));
    const masked = maskText(before.map((w) => w.text).join(' '));
    if (before.length && /\p{L}{2}/u.test(masked) && masked.length >= 3) {
      const lb = box(before);
      const spec: FieldSpec = { kind: 'field', entityKey: input.entityKey, page, relation: 'inline', label: masked, labelText: before.map((w) => w.text).join(' '), labelBox: lb, offset: [vb[0] - lb[0], vb[1] - lb[1], vb[2] - lb[0], vb[3] - lb[1]], height: h };
      return { spec, shape, description: `after "${spec.labelText}"` };
    }
  }
  const candidates = linesOf(pl)
    .filter((l) => !l.words.some((w) => words.includes(w as W)) && /\p{L}{2}/u.test(l.text) && maskText(l.text).length >= 3)
    .map((l) => {
      const sameRow = l.bbox[2] <= vb[0] + 1 && Math.min(l.bbox[3], vb[3]) - Math.max(l.bbox[1], vb[1]) > 0.4 * h;
      const above = l.bbox[3] <= vb[1] + 1 && Math.min(l.bbox[2], vb[2] + 20) - Math.max(l.bbox[0], vb[0] - 20) > 0;
      const dist = sameRow ? vb[0] - l.bbox[2] : above ? (vb[1] - l.bbox[3]) * 2 + Math.abs(l.bbox[0] - vb[0]) * 0.2 : Infinity;
      return { l, relation: sameRow ? ('right' as const) : ('below' as const), dist: input.isStatic(maskText(l.text)) ? dist : dist + 400 };
    })
    .filter((c) => Number.isFinite(c.dist))
    .sort((a, b) => a.dist - b.dist);
  const best = candidates[0];
  if (!best) return null;
  const lb = best.l.bbox;
  const spec: FieldSpec = { kind: 'field', entityKey: input.entityKey, page, relation: best.relation, label: maskText(best.l.text), labelText: best.l.text.trim(), labelBox: lb, offset: [vb[0] - lb[0], vb[1] - lb[1], vb[2] - lb[0], vb[3] - lb[1]], height: h };
  return { spec, shape, description: `${best.relation === 'right' ? 'right of' : 'under'} "${spec.labelText}"` };
}

/** The line on a page printed as the anchor's label, nearest to where it was on the learned page. */
export function findLabel(layout: PageLayout[], label: string, page: number, near: BBox, prefix: boolean): { pl: PageLayout; line: Line; words: Word[] } | null {
  let best: { pl: PageLayout; line: Line; words: Word[]; d: number } | null = null;
  for (const pl of layout) {
    for (const line of linesOf(pl)) {
      let words: Word[] | null = null;
      if (maskText(line.text) === label) words = line.words;
      else if (prefix) {
        for (let i = 1; i < line.words.length; i++) {
          if (maskText(line.words.slice(0, i).map((w) => w.text).join(' ')) === label) words = line.words.slice(0, i);
        }
      }
      if (!words) continue;
      const b = box(words);
      const d = Math.abs(pl.page - page) * 10000 + Math.abs(b[0] - near[0]) + Math.abs(b[1] - near[1]);
      if (!best || d < best.d) best = { pl, line, words, d };
    }
  }
  return best;
}

/** Reads a field anchor on another document's pages. */
export function readField(layout: PageLayout[], spec: FieldSpec, shape: AnchorShape): ReadValue | null {
  const hit = findLabel(layout, spec.label, spec.page, spec.labelBox, spec.relation === 'inline');
  if (!hit) return null;
  const lb = box(hit.words);
  const h = spec.height;
  let words: Word[];
  if (spec.relation === 'inline') {
    words = hit.line.words.filter((w) => w.bbox[0] >= lb[2] - 0.5 && !hit.words.includes(w));
  } else {
    const e: BBox = [lb[0] + spec.offset[0], lb[1] + spec.offset[1], lb[0] + spec.offset[2], lb[1] + spec.offset[3]];
    const all = linesOf(hit.pl).flatMap((l) => l.words).filter((w) => !hit.words.includes(w));
    const band = all.filter((w) => cy(w.bbox) >= e[1] - h * 0.6 && cy(w.bbox) <= e[3] + h * 0.6 && w.bbox[0] >= e[0] - 2 * h && w.bbox[0] <= e[2] + 6 * h);
    // Keep the run of words that starts nearest the expected left edge, cut at a wide gap.
    const rows = groupLines(band);
    words = [];
    for (const row of rows) {
      const sorted = [...row].sort((a, b) => a.bbox[0] - b.bbox[0]);
      const start = sorted.findIndex((w) => w.bbox[2] > e[0] - 2 * h);
      if (start < 0) continue;
      const run = [sorted[start]];
      for (let i = start + 1; i < sorted.length && sorted[i].bbox[0] - sorted[i - 1].bbox[2] < 2 * h; i++) run.push(sorted[i]);
      words.push(...run);
      if (spec.relation === 'right') break;
    }
  }
  if (!words.length) return null;
  const value = parseShape(words, shape);
  if (value === null || value === '') return null;
  return { field: '', value, page: hit.pl.page, bbox: box(words) };
}

/** A column anchor from a value the user gave one row of a table: where on the row's band it is printed. */
export function learnColumn(input: { layout: PageLayout[]; value: unknown; row: { page: number; bbox: BBox }; marked?: BBox | null; isStatic(masked: string): boolean }): { spec: ColumnSpec; shape: AnchorShape; description: string } | null {
  const shape = shapeOf(input.value);
  const pl = input.layout.find((p) => p.page === input.row.page);
  if (!pl) return null;
  const rb = input.row.bbox;
  const band = linesOf(pl).filter((l) => cy(l.bbox) >= rb[1] - 2 && cy(l.bbox) <= rb[3] + 2);
  // The box the user marked, when they did and it is on the row; else the value's text on the row.
  const hit = (input.marked && cy(input.marked) >= rb[1] - 2 && cy(input.marked) <= rb[3] + 2 ? locateMarked(pl, input.marked, input.value, shape) : null) ?? locateIn(band, input.value, shape) ?? wrappedStart(band, input.value, shape);
  if (!hit) return null;
  const vb = box(hit.words);
  // The column's header: the nearest line above that the form prints on every copy; over the value
  // when the column has one, else the header beside it (a column printed without a header).
  const heads = linesOf(pl).filter((l) => l.bbox[3] <= rb[1] + 1 && input.isStatic(maskText(l.text)) && /\p{L}{2}/u.test(l.text));
  const lowest = Math.max(...heads.map((l) => l.bbox[3]));
  const row = heads.filter((l) => l.bbox[3] >= lowest - 4);
  const over = row.find((l) => l.bbox[0] <= vb[2] + 4 && l.bbox[2] >= vb[0] - 4);
  const beside = [...row].sort((a, b) => Math.min(Math.abs(a.bbox[0] - vb[2]), Math.abs(a.bbox[2] - vb[0])) - Math.min(Math.abs(b.bbox[0] - vb[2]), Math.abs(b.bbox[2] - vb[0])))[0];
  const header = over ?? beside ?? null;
  const spec: ColumnSpec = { kind: 'column', page: pl.page, x0: vb[0], x1: vb[2], height: median(hit.words.map((w) => w.bbox[3] - w.bbox[1])), headerText: header?.text.trim() ?? null };
  const description = over
    ? `column under "${spec.headerText}"`
    : header
      ? `column without a header, ${header.bbox[0] > vb[2] ? 'left' : 'right'} of "${spec.headerText}"`
      : `column at ${Math.round(vb[0])} pt from the left of each row`;
  return { spec, shape, description };
}

/** A text wrapped over lines of its cell: where its first line is (its longest opening run of words printed on one line, two words at least). */
function wrappedStart(band: Line[], value: unknown, shape: AnchorShape): { words: W[]; line: Line } | null {
  if (shape !== 'text' || typeof value !== 'string') return null;
  const want = value.split(/\s+/).filter(Boolean);
  for (let k = want.length - 1; k >= 2; k--) {
    const hit = locateIn(band, want.slice(0, k).join(' '), 'text');
    if (hit) return hit;
  }
  return null;
}

/** Reads a column anchor on one row (an entity's box) of a document. */
export function readColumn(layout: PageLayout[], spec: ColumnSpec, shape: AnchorShape, row: { page: number; bbox: BBox }): ReadValue | null {
  const pl = layout.find((p) => p.page === row.page);
  if (!pl) return null;
  const h = spec.height;
  const rb = row.bbox;
  const inBand = linesOf(pl)
    .flatMap((l) => l.words)
    .filter((w) => cy(w.bbox) >= rb[1] - 2 && cy(w.bbox) <= rb[3] + 2)
    .sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  const first = inBand.filter((w) => w.bbox[0] >= spec.x0 - 2 * h && w.bbox[0] <= spec.x1 + h).sort((a, b) => Math.abs(a.bbox[0] - spec.x0) - Math.abs(b.bbox[0] - spec.x0))[0];
  if (!first) return null;
  const lines = groupLines(inBand).sort((a, b) => cy(box(a)) - cy(box(b)));
  const at = lines.findIndex((l) => l.includes(first));
  const runFrom = (line: Word[], start: Word) => {
    const sorted = [...line].sort((a, b) => a.bbox[0] - b.bbox[0]);
    const run = [start];
    for (let i = sorted.indexOf(start) + 1; i < sorted.length && sorted[i].bbox[0] - sorted[i - 1].bbox[2] < 2 * h; i++) run.push(sorted[i]);
    return run;
  };
  const run = runFrom(lines[at], first);
  // Text wrapped in its cell: the lines under it on the row that start where it starts, one line apart.
  if (shape === 'text') {
    let last = run;
    for (const next of lines.slice(at + 1)) {
      const lead = next.filter((w) => Math.abs(w.bbox[0] - first.bbox[0]) <= h).sort((a, b) => a.bbox[0] - b.bbox[0])[0];
      if (!lead || lead.bbox[1] - box(last)[3] > 1.2 * h) break;
      last = runFrom(next, lead);
      run.push(...last);
    }
  }
  const value = parseShape(run, shape);
  return value === null || value === '' ? null : { field: '', value, page: pl.page, bbox: box(run) };
}
