// Rows and records (issue 18): an entity the user added by its box teaches how the form prints
// every entity of its kind. Rows: each of its fields is a column under the header above it, and
// every row of that table is read. Records: each field follows a label the form repeats, and every
// repeat of the first label starts one.
import type { AnchorShape } from '../../../shared/api/forms';
import type { BBox, Word } from '../../../shared/domain';
import { groupLines, type PageLayout } from '../layout';
import { box, cy, findLabel, inside, linesOf, median, norm, parseShape, shapeOf, type LearnInput, type ReadValue } from './anchors';
import { maskText } from './fingerprint';

export interface RowColumn {
  field: string;
  shape: AnchorShape;
  /** Left edge relative to the header's left edge. */
  x0: number;
  /** Right edge of its words on the learned row, relative the same way: words starting well right of it are not its. */
  x1?: number;
}

export interface RowsSpec {
  kind: 'rows';
  page: number;
  header: string;
  headerText: string;
  headerBox: BBox;
  columns: RowColumn[];
  /** The column whose value starts each row (one line high). */
  startField: string;
  height: number;
  /** The added entity's other fields, copied into every row read. */
  template: Record<string, unknown>;
}

/** One field of a record: the label printed before its value, placed from the record's first label. */
export interface RecordField {
  field: string;
  shape: AnchorShape;
  label: string;
  labelText: string;
  /** The label's top-left corner from the first label's. */
  dx: number;
  dy: number;
}

/** Records: an entity printed as a block of labelled lines ("Objective ...", "Rating ... Notes ..."), repeated down the page. */
export interface RecordsSpec {
  kind: 'records';
  page: number;
  /** The first label of a record (each of its repeats starts one). */
  start: string;
  startBox: BBox;
  fields: RecordField[];
  height: number;
  template: Record<string, unknown>;
}

/** Rows from an entity the user added by its box: each text field found inside the box becomes a column. */
export function learnRows(input: Omit<LearnInput, 'field' | 'value'> & { value: Record<string, unknown> }): { spec: RowsSpec | RecordsSpec; description: string } | null {
  if (input.page === null || !input.bbox) return null;
  const pl = input.layout.find((p) => p.page === input.page);
  if (!pl) return null;
  const rb = input.bbox;
  const inBox = linesOf(pl).flatMap((l) => l.words).filter((w) => inside(w.bbox, rb, 3));
  const used = new Set<Word>();
  const columns: Array<RowColumn & { words: Word[] }> = [];
  for (const [field, v] of Object.entries(input.value)) {
    if (field === 'source' || field === 'key' || (typeof v !== 'string' && typeof v !== 'number') || String(v).trim() === '') continue;
    const want = String(v).split(/\s+/).map(norm).filter(Boolean);
    const found: Word[] = [];
    for (const t of want) {
      const w = inBox.find((x) => !used.has(x) && !found.includes(x) && norm(x.text) === t);
      if (w) found.push(w);
    }
    if (found.length < Math.max(1, Math.ceil(want.length * 0.6))) continue;
    found.forEach((w) => used.add(w));
    columns.push({ field, shape: shapeOf(v), x0: Math.min(...found.map((w) => w.bbox[0])), words: found });
  }
  if (!columns.length) return null;
  const template: Record<string, unknown> = { ...input.value };
  delete template.source;
  delete template.key;
  const records = asRecords(pl, columns, used, input.isStatic, template);
  if (records) return records;
  const lineCount = (ws: Word[]) => groupLines(ws).length;
  const start = [...columns].sort((a, b) => lineCount(a.words) - lineCount(b.words) || a.words.length - b.words.length)[0];
  const top = Math.min(...columns.flatMap((c) => c.words.map((w) => w.bbox[1])));
  const headers = linesOf(pl)
    .filter((l) => l.bbox[3] <= top + 1 && l.bbox[2] >= rb[0] - 5 && l.bbox[0] <= rb[2] + 5 && /\p{L}{2}/u.test(l.text) && !l.words.some((w) => used.has(w)))
    .map((l) => ({ l, d: (top - l.bbox[3]) + (input.isStatic(maskText(l.text)) ? 0 : 400) }))
    .sort((a, b) => a.d - b.d);
  const header = headers[0]?.l;
  if (!header) return null;
  const spec: RowsSpec = {
    kind: 'rows',
    page: pl.page,
    header: maskText(header.text),
    headerText: header.text.trim(),
    headerBox: header.bbox,
    columns: columns.map((c) => ({ field: c.field, shape: c.shape, x0: c.x0 - header.bbox[0], x1: Math.max(...c.words.map((w) => w.bbox[2])) - header.bbox[0] })).sort((a, b) => a.x0 - b.x0),
    startField: start.field,
    height: median(start.words.map((w) => w.bbox[3] - w.bbox[1])),
    template,
  };
  return { spec, description: `rows under "${spec.headerText}": ${spec.columns.map((c) => c.field).join(', ')}` };
}

/** Reads every row of the table under a rows anchor's header. */
export function readRows(layout: PageLayout[], spec: RowsSpec): ReadValue[] {
  const hit = findLabel(layout, spec.header, spec.page, spec.headerBox, false);
  if (!hit) return [];
  const hb = hit.line.bbox;
  const cols = spec.columns.map((c) => ({ ...c, x: hb[0] + c.x0, right: c.x1 === undefined ? Infinity : hb[0] + c.x1 }));
  const h = spec.height;
  // A word is a column's when it starts at or right of the column's left edge and, but in the last
  // column, not far right of where its words ended on the learned row (an unlearned column between).
  const colOf = (w: Word) => {
    let idx = -1;
    for (let i = 0; i < cols.length; i++) if (w.bbox[0] >= cols[i].x - h) idx = i;
    if (idx >= 0 && idx < cols.length - 1 && w.bbox[0] > cols[idx].right + 2 * h) return -1;
    return idx;
  };
  const startIdx = cols.findIndex((c) => c.field === spec.startField);
  const words = linesOf(hit.pl).flatMap((l) => l.words).filter((w) => w.bbox[1] >= hb[3] - 1 && !hit.line.words.includes(w));
  const textRows = groupLines(words).sort((a, b) => box(a)[1] - box(b)[1]);
  const rows: Word[][] = [];
  let lastBottom = hb[3];
  for (const tr of textRows) {
    const tb = box(tr);
    if (rows.length && tb[1] - lastBottom > 3 * h) break;
    const starts = tr.filter((w) => colOf(w) === startIdx);
    if (starts.length) {
      const sh = median(starts.map((w) => w.bbox[3] - w.bbox[1]));
      const ok = parseShape(starts, spec.columns[startIdx].shape) !== null && Math.abs(sh - h) <= 0.15 * h;
      if (!ok) {
        if (rows.length) break;
        continue;
      }
      rows.push([...tr]);
    } else if (rows.length) {
      rows[rows.length - 1].push(...tr);
    } else if (tb[1] - hb[3] > 6 * h) break;
    lastBottom = tb[3];
  }
  return rows.map((rw, row) => {
    const value: Record<string, unknown> = { ...spec.template };
    cols.forEach((c, i) => {
      const ws = groupLines(rw.filter((w) => colOf(w) === i)).flatMap((l) => [...l].sort((a, b) => a.bbox[0] - b.bbox[0]));
      value[c.field] = ws.length ? parseShape(ws, c.shape) : null;
    });
    return { field: '*', value, page: hit.pl.page, bbox: box(rw), row };
  });
}

/**
 * The words printed just before a value on its line (its label), when the form prints them on its
 * other copies too; null when there are none or they are not the form's own.
 */
function labelBefore(pl: PageLayout, value: Word[], used: Set<Word>, isStatic: (m: string) => boolean): Word[] | null {
  const first = [...value].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0])[0];
  const h = first.bbox[3] - first.bbox[1];
  const left = linesOf(pl)
    .flatMap((l) => l.words)
    .filter((w) => !used.has(w) && Math.abs(cy(w.bbox) - cy(first.bbox)) < 0.5 * h && w.bbox[2] <= first.bbox[0] + 0.5)
    .sort((a, b) => b.bbox[0] - a.bbox[0]);
  const run: Word[] = [];
  for (const w of left) {
    const edge = run.length ? run[run.length - 1].bbox[0] : first.bbox[0];
    if (edge - w.bbox[2] > (run.length ? 1.5 : 8) * h) break;
    run.push(w);
  }
  if (!run.length) return null;
  run.reverse();
  const masked = maskText(run.map((w) => w.text).join(' '));
  return masked.length >= 3 && /\p{L}{2}/u.test(masked) && isStatic(masked) ? run : null;
}

function asRecords(pl: PageLayout, columns: Array<RowColumn & { words: Word[] }>, used: Set<Word>, isStatic: (m: string) => boolean, template: Record<string, unknown>): { spec: RecordsSpec; description: string } | null {
  const labelled = columns.map((c) => ({ c, label: labelBefore(pl, c.words, used, isStatic) }));
  if (labelled.some((l) => !l.label)) return null;
  const boxes = labelled.map((l) => ({ ...l, box: box(l.label!) }));
  const start = [...boxes].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])[0];
  const spec: RecordsSpec = {
    kind: 'records',
    page: pl.page,
    start: maskText(start.label!.map((w) => w.text).join(' ')),
    startBox: start.box,
    fields: boxes.map((b) => ({
      field: b.c.field,
      shape: b.c.shape,
      label: maskText(b.label!.map((w) => w.text).join(' ')),
      labelText: b.label!.map((w) => w.text).join(' '),
      dx: b.box[0] - start.box[0],
      dy: b.box[1] - start.box[1],
    })),
    height: median(start.c.words.map((w) => w.bbox[3] - w.bbox[1])),
    template,
  };
  return { spec, description: `records: ${spec.fields.map((f) => `${f.field} after "${f.labelText}"`).join(', ')}` };
}

/** The runs of words on a page that read as a label (masked), each with its words. */
function labelRuns(pl: PageLayout, label: string): Word[][] {
  const n = label.split(' ').length;
  const out: Word[][] = [];
  for (const line of groupLines(linesOf(pl).flatMap((l) => l.words))) {
    const ws = [...line].sort((a, b) => a.bbox[0] - b.bbox[0]);
    for (let i = 0; i + n <= ws.length; i++) {
      const run = ws.slice(i, i + n);
      if (maskText(run.map((w) => w.text).join(' ')) === label) out.push(run);
    }
  }
  return out;
}

/** Reads every record on a document: each repeat of the first label starts one, its fields read after their labels. */
export function readRecords(layout: PageLayout[], spec: RecordsSpec): ReadValue[] {
  const out: ReadValue[] = [];
  const h = spec.height;
  for (const pl of layout) {
    const starts = labelRuns(pl, spec.start).map(box).sort((a, b) => a[1] - b[1]);
    const all = linesOf(pl).flatMap((l) => l.words);
    starts.forEach((sb, k) => {
      const bottom = starts[k + 1]?.[1] ?? Infinity;
      const value: Record<string, unknown> = { ...spec.template };
      const read: Word[] = [];
      for (const f of spec.fields) {
        const at = labelRuns(pl, f.label)
          .map((run) => ({ run, b: box(run) }))
          .filter(({ b }) => b[1] >= sb[1] - 2 && b[1] < bottom - 2)
          .sort((p, q) => Math.abs(p.b[0] - sb[0] - f.dx) + Math.abs(p.b[1] - sb[1] - f.dy) - (Math.abs(q.b[0] - sb[0] - f.dx) + Math.abs(q.b[1] - sb[1] - f.dy)))[0];
        if (!at) {
          value[f.field] = null;
          continue;
        }
        const row = all.filter((w) => !at.run.includes(w) && Math.abs(cy(w.bbox) - cy(at.b)) < 0.5 * h && w.bbox[0] >= at.b[2] - 0.5).sort((a, b) => a.bbox[0] - b.bbox[0]);
        const run: Word[] = [];
        for (const w of row) {
          if (run.length && w.bbox[0] - run[run.length - 1].bbox[2] > 2 * h) break;
          if (!run.length && w.bbox[0] - at.b[2] > 12 * h) break;
          run.push(w);
        }
        value[f.field] = run.length ? parseShape(run, f.shape) : null;
        read.push(...at.run, ...run);
      }
      if (read.length) out.push({ field: '*', value, page: pl.page, bbox: box(read), row: out.length });
    });
  }
  return out;
}
