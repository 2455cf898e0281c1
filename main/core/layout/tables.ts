// Tables as first-class objects. Ruled tables come from the page's drawn rules (a grid of
// horizontal and vertical lines: each band between row rules is a row, each span between the column
// rules present in that band a cell, merged across columns where a rule is missing). Unruled tables
// come from aligned gaps: three or more lines whose segments share white gutters. A header row is the
// first row when it has no figures and the rows under it do; a row of one cell spanning the table is
// a note row. A table ending near the foot of a page and one of the same columns at the head of the
// next are one table (a repeated header is dropped), also when the next page holds only one or two
// of its rows (continuedRows).
import type { BBox, Rule } from '../../../shared/domain';
import { groupLines } from './lines';
import { centreInside, height, joinText, median, overlap, unionBBox } from './geometry';
import type { Segment } from './blocks';
import type { PlacedWord, TableCellModel, TableColumnModel, TableModel, TableRowModel } from './types';

const cluster = (values: number[], tolerance: number): number[] => {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out[out.length - 1] > tolerance) out.push(v);
  return out;
};

/** Grids of rules that touch each other: each with at least two columns. */
export function ruledTables(page: number, words: PlacedWord[], rules: Rule[]): TableModel[] {
  const hs = rules.filter((r) => r.y0 === r.y1);
  const vs = rules.filter((r) => r.x0 === r.x1);
  const touches = (h: Rule, v: Rule) => v.x0 >= h.x0 - 2 && v.x0 <= h.x1 + 2 && h.y0 >= v.y0 - 2 && h.y0 <= v.y1 + 2;
  // Connected groups of rules (union-find over h-v contacts).
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  hs.forEach((h, i) => vs.forEach((v, j) => { if (touches(h, v)) parent[find(i)] = find(hs.length + j); }));
  const groups = new Map<number, Rule[]>();
  all.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  const tables: TableModel[] = [];
  for (const group of groups.values()) {
    const gh = group.filter((r) => r.y0 === r.y1);
    const gv = group.filter((r) => r.x0 === r.x1);
    if (gh.length < 2 || gv.length < 2) continue;
    const table = gridTable(page, words, gh, gv);
    if (table) tables.push(table);
  }
  return tables;
}

function gridTable(page: number, words: PlacedWord[], hs: Rule[], vs: Rule[]): TableModel | null {
  const ys = cluster(hs.map((h) => h.y0), 2);
  const xs = cluster(vs.map((v) => v.x0), 2);
  if (xs.length < 3 || ys.length < 2) return null;
  const rows: TableRowModel[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const [top, bottom] = [ys[i], ys[i + 1]];
    if (bottom - top < 4) continue;
    // Column rules present through this band; the outer ones always are.
    const present = xs.filter((x, k) => k === 0 || k === xs.length - 1 || vs.some((v) => Math.abs(v.x0 - x) <= 2 && v.y0 <= top + 2 && v.y1 >= bottom - 2));
    const cells: TableCellModel[] = [];
    for (let k = 0; k + 1 < present.length; k++) {
      const box: BBox = [present[k], top, present[k + 1], bottom];
      const inCell = words.filter((w) => centreInside(w.bbox, box));
      const span = xs.filter((x) => x >= present[k] - 2 && x < present[k + 1] - 2).length;
      cells.push(cellOf(inCell, span));
      for (let s = 1; s < span; s++) cells.push({ text: '', words: [], bbox: null, span: 0 });
    }
    if (cells.every((c) => !c.words.length)) continue;
    rows.push({ kind: 'body', page, cells, bbox: [xs[0], top, xs[xs.length - 1], bottom] });
  }
  // A frame holding one column of text in most rows is a boxed section, not a table.
  const multi = rows.filter((r) => r.cells.filter((c) => c.words.length).length >= 2).length;
  if (rows.length === 0 || multi === 0 || (rows.length >= 3 && multi < rows.length * 0.3)) return null;
  return finish(page, rows, xs.slice(0, -1).map((x, k) => ({ x0: x, x1: xs[k + 1], label: null })), true);
}

function cellOf(words: PlacedWord[], span = 1): TableCellModel {
  const ordered = groupLines(words).flat();
  return { text: joinText(ordered), words: ordered, bbox: words.length ? unionBBox(words) : null, span };
}

const hasFigures = (row: TableRowModel) => row.cells.some((c) => /\d/.test(c.text));
const isNote = (row: TableRowModel, columns: number) => columns >= 2 && row.cells.filter((c) => c.words.length).length === 1 && (row.cells[0].span >= columns || /^(?:notes?|\*|total|sub-?total)\b/i.test(row.cells.find((c) => c.words.length)!.text));

/** Share of a row's words set in bold (text layers only; 0 where no word says). */
const boldShare = (row: TableRowModel) => {
  const words = row.cells.flatMap((c) => c.words);
  return words.length ? words.filter((w) => w.bold).length / words.length : 0;
};

function finish(page: number, rows: TableRowModel[], columns: TableColumnModel[], ruled: boolean): TableModel {
  // Header rows: bold rows at the top over plain ones (three at most); else rows without figures
  // over rows with them (two at most).
  let header = 0;
  while (header < Math.min(3, rows.length - 1) && boldShare(rows[header]) >= 0.6) header++;
  if (header > 0 && !rows.slice(header).some((r) => boldShare(r) < 0.3)) header = 0;
  if (header === 0) while (header < Math.min(2, rows.length - 1) && !hasFigures(rows[header]) && rows.slice(header + 1).some(hasFigures) && !isNote(rows[header], columns.length)) header++;
  if (header === 0 && rows.length > 1 && rows[0].cells.every((c) => !c.words.length || c.text === c.text.toUpperCase())) header = 1;
  rows.forEach((r, i) => { r.kind = i < header ? 'header' : isNote(r, columns.length) ? 'note' : 'body'; });
  columns.forEach((c, k) => {
    const label = rows.filter((r) => r.kind === 'header').map((r) => r.cells[k]?.text ?? '').filter(Boolean).join(' ');
    c.label = label || null;
  });
  return { page, pages: [page], bbox: unionBBox(rows), ruled, columns, rows };
}

/**
 * Unruled tables: runs of three or more lines cut into two or more segments whose white gutters line
 * up. Lines of "Label: value" pairs are a form, not a table.
 */
export function gapTables(page: number, rows: Segment[][], taken: (s: Segment) => boolean): TableModel[] {
  const tables: TableModel[] = [];
  let i = 0;
  while (i < rows.length) {
    const run: Segment[][] = [];
    let j = i;
    while (j < rows.length && !rows[j].some(taken) && (rows[j].length >= 2 || wrapsInto(run, rows[j])) && !spaced(run, rows[j])) run.push(rows[j++]);
    if (run.length >= 3) {
      const table = alignedTable(page, run);
      if (table) tables.push(table);
    }
    i = Math.max(j, i + 1);
  }
  return tables;
}

const top = (line: Segment[]) => Math.min(...line.map((s) => s.bbox[1]));

/**
 * A line set further below the run than its lines are apart (or than 1.2 line heights) starts
 * something else, unless its cells start where the run's cells start: a row set wider than the lines
 * above it (under a header printed over two lines, after a wrapped cell), up to 2.5 line heights down.
 */
function spaced(run: Segment[][], line: Segment[]): boolean {
  if (run.length === 0) return false;
  const h = median(run[0].flatMap((s) => s.words.map(height))) ?? 10;
  const pitch = run.length >= 2 ? top(run[1]) - top(run[0]) : h * 1.6;
  const gap = top(line) - top(run[run.length - 1]);
  if (gap <= Math.max(pitch * 1.35, h * 1.2)) return false;
  return !(gap <= h * 2.5 && line.length >= 2 && startsInColumns(run, line, h));
}

/** Every cell of the line starts where a cell of the run starts (within a third of a line height). */
function startsInColumns(run: Segment[][], line: Segment[], h: number): boolean {
  const starts = run.flat().map((s) => s.bbox[0]);
  return line.every((s) => starts.some((x) => Math.abs(x - s.bbox[0]) <= h * 0.35));
}

/**
 * A one-segment line under a table's lines, close below and right of its first column: a wrapped
 * cell; or set tight (half a line height) under a row of several cells and starting with its first
 * cell: the first cell wrapping.
 */
function wrapsInto(run: Segment[][], line: Segment[]): boolean {
  if (run.length === 0) return false;
  const above = run[run.length - 1];
  const h = median(above.flatMap((s) => s.words.map(height))) ?? 10;
  const gap = line[0].bbox[1] - bottom(above);
  if (line[0].bbox[0] > run[0][0].bbox[2] && gap < h) return true;
  return above.length >= 2 && gap < h * 0.5 && Math.abs(line[0].bbox[0] - above[0].bbox[0]) <= h * 0.35;
}

const bottom = (line: Segment[]) => Math.max(...line.map((s) => s.bbox[3]));

function alignedTable(page: number, run: Segment[][]): TableModel | null {
  const cells = run.flat();
  if (cells.filter((s) => /^[A-Z][^:]{0,40}:/.test(s.text)).length >= cells.length * 0.4) return null;
  const h = median(cells.flatMap((s) => s.words.map(height))) ?? 10;
  // Column spans: x ranges covered by segments, joined where they overlap.
  const spans: Array<[number, number]> = [];
  for (const s of [...cells].sort((a, b) => a.bbox[0] - b.bbox[0])) {
    const last = spans[spans.length - 1];
    if (last && s.bbox[0] <= last[1] + h * 0.3) last[1] = Math.max(last[1], s.bbox[2]);
    else spans.push([s.bbox[0], s.bbox[2]]);
  }
  if (spans.length < 2) return null;
  // Every line must fit the columns: no segment crossing a gutter.
  if (cells.some((s) => spans.filter(([a, b]) => overlap(a, b, s.bbox[0], s.bbox[2]) > 0).length > 1)) return null;
  const columns: TableColumnModel[] = spans.map(([x0, x1]) => ({ x0, x1, label: null }));
  // A line with nothing in the first column carries on the cells of the row above (wrapped text); so
  // does a line of the first column alone set tight under a row of several cells, in a table whose
  // rows stand further apart than their wrapped lines (its first cell wrapping).
  const pitches = run.slice(1).map((line, k) => top(line) - top(run[k]));
  const padded = pitches.some((p) => p > Math.min(...pitches) * 1.3);
  const grouped: Segment[][] = [];
  run.forEach((line, k) => {
    const first = line.some((s) => overlap(columns[0].x0, columns[0].x1, s.bbox[0], s.bbox[2]) > 0);
    const wrappedFirst = padded && k > 0 && line.length === 1 && run[k - 1].length >= 2 && line[0].bbox[1] - bottom(run[k - 1]) < h * 0.5;
    if ((first && !wrappedFirst) || grouped.length === 0) grouped.push([...line]);
    else grouped[grouped.length - 1].push(...line);
  });
  const rows: TableRowModel[] = grouped.map((line) => {
    const cellsOfRow = columns.map((c) => cellOf(line.filter((s) => overlap(c.x0, c.x1, s.bbox[0], s.bbox[2]) > 0).flatMap((s) => s.words)));
    return { kind: 'body', page, cells: cellsOfRow, bbox: unionBBox(line) };
  });
  // A table fills most of its grid; lines of options or of "Label:" cells that happen to line up do not.
  const filled = rows.reduce((n, r) => n + r.cells.filter((c) => c.words.length).length, 0) / (rows.length * columns.length);
  const labelled = rows.filter((r) => r.cells.some((c) => /^[A-Z][\w ()#/'-]{0,40}:$/.test(c.text))).length;
  if (filled < 0.6 || labelled > rows.length * 0.25) return null;
  return finish(page, rows, columns, false);
}

/**
 * The rows an unruled table runs on with at the head of the next page, when they are too few to be
 * read as a table on their own (one or two rows, no header repeated): the page's first lines, each
 * cut into cells that start where `table`'s columns start (within half a line height) and fill all
 * its columns but one at most, none a "Label:"; a line of one cell set tight under such a row is
 * its cell wrapping. Two lines of prose, or label/value pairs that happen to start at two of the
 * columns, are no rows. Null when the page's first line is no such row. The caller checks that
 * `table` ended at the foot of the page before, with nothing but furniture under it.
 */
export function continuedRows(page: number, rows: Segment[][], table: TableModel, taken: (s: Segment) => boolean): TableModel | null {
  const { columns } = table;
  if (table.ruled || columns.length < 2) return null;
  const h = median(rows.slice(0, 4).flat().flatMap((s) => s.words.map(height))) ?? 10;
  const columnOf = (s: Segment) => {
    const k = columns.findIndex((c) => Math.abs(c.x0 - s.bbox[0]) <= h * 0.5);
    return k >= 0 && (k === columns.length - 1 || s.bbox[2] < columns[k + 1].x0) ? k : -1;
  };
  const label = (s: Segment) => /:$/.test(s.text) || /^[A-Z][^:]{0,40}:/.test(s.text);
  const grouped: Segment[][] = [];
  for (const line of rows) {
    if (line.some(taken) || line.some((s) => columnOf(s) < 0 || label(s))) break;
    const last = grouped[grouped.length - 1];
    const gap = last ? top(line) - bottom(last) : 0;
    const filled = new Set(line.map(columnOf)).size;
    if (line.length >= 2 && filled === line.length && filled >= Math.max(2, columns.length - 1) && gap < h * 1.5) grouped.push([...line]);
    else if (last && line.length === 1 && gap < h * 0.5) last.push(...line);
    else break;
  }
  if (!grouped.length) return null;
  const headers = table.rows.filter((r) => r.kind === 'header').map(rowText);
  const body: TableRowModel[] = grouped.map((line) => ({
    kind: 'body',
    page,
    cells: columns.map((_, k) => cellOf(line.filter((s) => columnOf(s) === k).flatMap((s) => s.words))),
    bbox: unionBBox(line),
  }));
  // The header repeated over a single row: marked so that the join drops it.
  body.forEach((r, i) => { if (headers[i] === rowText(r)) r.kind = 'header'; });
  return { page, pages: [page], bbox: unionBBox(body), ruled: false, columns: columns.map((c) => ({ ...c, label: null })), rows: body };
}

/** Tables that run over a page break joined: same columns, the first ends low on its page and the next starts high on the next. */
export function joinAcrossPages(tables: TableModel[], pageHeight: (page: number) => number): TableModel[] {
  const out: TableModel[] = [];
  for (const t of tables) {
    const prev = out[out.length - 1];
    const lastPage = prev?.pages[prev.pages.length - 1];
    if (prev && lastPage === t.page - 1 && sameColumns(prev, t) && prev.bbox[3] > pageHeight(lastPage) * 0.6 && t.bbox[1] < pageHeight(t.page) * 0.4 && !tables.some((o) => o !== t && o.page === t.page && o.bbox[1] < t.bbox[1])) {
      const header = prev.rows.filter((r) => r.kind === 'header').map(rowText);
      const rows = t.rows.filter((r, i) => !(r.kind === 'header' && header[i] === rowText(r)));
      rows.forEach((r) => { if (r.kind === 'header') r.kind = 'body'; });
      prev.rows.push(...rows);
      prev.pages.push(t.page);
      continue;
    }
    out.push(t);
  }
  return out;
}

const rowText = (r: TableRowModel) => r.cells.map((c) => c.text).join('|');

function sameColumns(a: TableModel, b: TableModel): boolean {
  if (a.columns.length !== b.columns.length) return false;
  return a.columns.every((c, i) => Math.abs(c.x0 - b.columns[i].x0) <= 8 && Math.abs(c.x1 - b.columns[i].x1) <= (a.ruled ? 8 : 60));
}
