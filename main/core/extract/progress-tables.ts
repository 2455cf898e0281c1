// Tables inside progress reports: a goal's data table (rows of date, value, maybe a code per period),
// and reports laid out as one grid row per goal (goal | area | Q1 Q2 Q3 Q4 codes | comments).
import type { DataPoint, Provenance, ProgressEntry } from '../../../shared/domain';
import { addWrappedHeaderCells, cellColumns, gridBody, rightEdge, wrappedHeaderBelow } from '../layout/form-columns';
import { provenanceOf, runOf, type Layout, type LayoutLine, type PlacedWord } from './layout';
import { codeFromText } from './progress-legend';
import { codeChecks, confidenceOf } from './confidence';
import { findCommentDates, findDataPoints, type DataPointContext } from './progress-datapoints';
import { readTable, type TableRow } from '../layout/line-tables';
import { isPageFurniture } from '../layout/rows';

const VALUE_LABEL = /score|wcpm|cwpm|wpm|%|percent|accura|value|result|data|correct|rate|level|rubric|count|frequency|minutes|total|performance|mlu|average|median|words|intervals|incidents/i;
const NOT_VALUE_LABEL = /date|probe\s*(?:#|no)|#|trial|week|session\s*(?:#|no)|goal\b|target|aim\b|baseline|errors?|item|number\s+of|grade/i;
const CODE_LABEL = /code|progress|rating|status|mark|\bQ[1-4]\b|\bT[1-3]\b|\bqtrs?\b|quarter|trimester|semester|period|\d(?:st|nd|rd|th)\b/i;
const GENERIC_VALUE_LABEL = /^(?:result|results|score|value|data|performance)$/i;
const COMMENT_LABEL = /comment|note|data|evidence|narrative|explanation|remarks/i;

export interface BlockTable {
  /** Lines read as table rows (their words are not read again as prose). */
  lines: LayoutLine[];
  dataPoints: DataPoint[];
  /** The code of the latest row up to the report date, when the table has a code column. */
  code: { code: string; codeText: string | null } | null;
}

const startsWithDate = (line: LayoutLine, ctx: DataPointContext) => {
  const first = line.cells[0]?.text ?? '';
  const dates = findCommentDates(first + ' x', ctx);
  return dates.length > 0 && dates[0].start === 0;
};

const latestOf = (ctx: DataPointContext) => [ctx.periodEnd, ctx.reportDate].filter((d): d is string => !!d).sort().pop() ?? null;

export function dataTableInBlock(lines: LayoutLine[], legend: Record<string, string>, ctx: DataPointContext, documentId: string): BlockTable {
  const rowLines = lines.filter((l) => l.cells.length >= 2 && startsWithDate(l, ctx));
  if (rowLines.length === 0) return { lines: [], dataPoints: [], code: null };
  const firstRow = lines.indexOf(rowLines[0]);
  const header = lines.slice(0, firstRow).reverse().find((l) => l.cells.length >= 2 && findCommentDates(l.text, ctx).length === 0) ?? null;
  const table = readTable(rowLines.map((l) => l.words), { headerLines: header ? [header.words] : [], isRowStart: () => true });
  const cols = table.columns.map((c, i) => ({ ...c, i }));
  const share = (i: number, test: (t: string) => boolean) => {
    const filled = table.rows.map((r) => r.cells[i].text.trim()).filter(Boolean);
    return filled.length ? filled.filter(test).length / filled.length : 0;
  };
  const isCode = (t: string) => (Object.keys(legend).length ? t in legend : /^[A-Z]{1,3}\+?$/.test(t));
  // Numeric codes ("4 = Goal met") look like values: a column headed "Result" or "Score" holds values.
  const headedAsValue = (label: string | null) => VALUE_LABEL.test(label ?? '') && !CODE_LABEL.test(label ?? '');
  const codeCol = cols.find((c) => c.i > 0 && share(c.i, isCode) >= 0.6 && !headedAsValue(c.label)) ?? null;
  const numeric = cols.filter((c) => c.i > 0 && c !== codeCol && share(c.i, (t) => /^\d/.test(t)) >= 0.5 && !NOT_VALUE_LABEL.test(c.label ?? ''));
  const valueCol = numeric.find((c) => VALUE_LABEL.test(c.label ?? '')) ?? numeric[0] ?? null;
  const commentCol = cols.find((c) => c.i > 0 && c !== codeCol && c !== valueCol && COMMENT_LABEL.test(c.label ?? '')) ?? null;
  // Under a generic heading ("Result") the unit is named by the row's measure cell ("Probe (CWPM)").
  const measureCol = valueCol && GENERIC_VALUE_LABEL.test(valueCol.label ?? '')
    ? cols.find((c) => c.i > 0 && c !== codeCol && c !== valueCol && c !== commentCol && share(c.i, (t) => /^[A-Za-z]/.test(t)) >= 0.5) ?? null
    : null;

  const latest = latestOf(ctx);
  const dataPoints: DataPoint[] = [];
  let code: BlockTable['code'] = null;
  let codeDate = '';
  for (const row of table.rows as Array<TableRow<PlacedWord>>) {
    const date = findCommentDates(row.cells[0].text + ' x', ctx)[0]?.iso ?? null;
    if (!date || (latest && date > latest)) continue;
    if (codeCol && row.cells[codeCol.i].text && date >= codeDate) {
      const found = codeFromText(row.cells[codeCol.i].text, legend);
      if (found) { code = found; codeDate = date; }
    }
    if (valueCol) {
      const point = valueFromCell(row.cells[valueCol.i].text, measureCol ? row.cells[measureCol.i].text || valueCol.label : valueCol.label);
      if (point) dataPoints.push({ date, ...point, source: rowSource(documentId, [...row.cells[0].words, ...row.cells[valueCol.i].words]) });
    } else if (commentCol) {
      const run = runOf(row.cells[commentCol.i].words);
      for (const p of findDataPoints(run.text, ctx)) dataPoints.push({ date: p.date ?? date, value: p.value, unit: p.unit, source: provenanceOf(documentId, run, p.start, p.end) });
    }
  }
  return { lines: rowLines, dataPoints, code };
}

function valueFromCell(text: string, label: string | null): { value: number; unit: string | null } | null {
  const frac = /^(\d+(?:\.\d+)?)\s*(?:\/|out\s+of|of)\s*(\d+)/i.exec(text);
  if (frac && Number(frac[2]) > 0) return { value: Math.round((Number(frac[1]) / Number(frac[2])) * 1000) / 10, unit: 'percent' };
  const m = /^(\d+(?:\.\d+)?)\s*(%|[A-Za-z][\w ]{0,20})?/.exec(text.trim());
  if (!m) return null;
  // "Probe (CWPM)", "On-task intervals (%)": an abbreviation in brackets is the unit itself.
  const bracketed = label ? /\(\s*(%|[A-Z]{2,6})\s*\)\s*$/.exec(label)?.[1] : undefined;
  const unit = m[2] === '%' ? 'percent' : m[2]?.trim() || (bracketed === '%' ? 'percent' : bracketed) || (label ? label.replace(/\s*\(.*\)$/, '').trim() : null);
  return { value: Number(m[1]), unit: unit || null };
}

function rowSource(documentId: string, words: PlacedWord[]): Provenance {
  return provenanceOf(documentId, runOf(words));
}

const GOAL_CELL = /^(?:goal\s*)?#?\s*(\d{1,2})\b[.):]?\s*(.*)$/i;

/** Reports printed as one grid row per goal: number, area, a code per period, comments. */
export function entriesFromGoalGrid(layout: Layout, legend: Record<string, string>, ctx: DataPointContext, documentId: string): ProgressEntry[] {
  const lines = layout.lines.filter((l) => !isPageFurniture(l));
  const headerIndex = lines.findIndex((l) => l.cells.length >= 3 && /^(?:annual\s+)?goals?\b|^#$|^no\.?$/i.test(l.cells[0].text) && l.cells.some((c) => CODE_LABEL.test(c.text) || COMMENT_LABEL.test(c.text)));
  if (headerIndex < 0) return [];
  const header = lines[headerIndex];
  // Header cells that wrap ("Progress" over "Code") continue on the lines below, before the first row.
  const headerLines = [header, ...wrappedHeaderBelow(lines, headerIndex)];
  // The grid ends at a prose line running across its columns from the left ("Case Manager: ...").
  const body = gridBody(lines, headerIndex + headerLines.length, header, (line) => GOAL_CELL.test(line.cells[0].text));
  // Left-aligned header cells give the columns directly, so a stray line cannot close a gutter.
  const columns = header.cells.length >= 3 ? cellColumns(header, rightEdge(body)) : undefined;
  const table = readTable(body.map((l) => l.words), {
    headerLines: headerLines.map((l) => l.words),
    columns,
    isRowStart: (_line, cells) => GOAL_CELL.test(cells[0]?.text ?? ''),
  });
  if (columns) addWrappedHeaderCells(table.columns, headerLines.slice(1));
  const cols = table.columns.map((c, i) => ({ ...c, i }));
  const areaCol = cols.find((c) => c.i > 0 && /area|domain|skill|subject/i.test(c.label ?? '')) ?? null;
  const commentCol = cols.find((c) => c.i > 0 && COMMENT_LABEL.test(c.label ?? '')) ?? null;
  const codeCols = cols.filter((c) => c.i > 0 && c !== areaCol && c !== commentCol && CODE_LABEL.test(c.label ?? ''));
  const entries: ProgressEntry[] = [];
  (table.rows as Array<TableRow<PlacedWord>>).forEach((row, index) => {
    const m = GOAL_CELL.exec(row.cells[0].text);
    if (!m) return;
    // The current period's code is the right-most filled code cell.
    let code: ProgressEntry['code'] = null;
    let codeText: string | null = null;
    for (const c of [...codeCols].reverse()) {
      const found = row.cells[c.i].text ? codeFromText(row.cells[c.i].text, legend) : null;
      if (found) { ({ code, codeText } = found); break; }
    }
    const commentWords = commentCol ? row.cells[commentCol.i].words : [];
    const run = runOf(commentWords);
    const dataPoints: DataPoint[] = findDataPoints(run.text, ctx).map((p) => ({ date: p.date, value: p.value, unit: p.unit, source: provenanceOf(documentId, run, p.start, p.end) }));
    const label = (areaCol ? row.cells[areaCol.i].text : m[2]).trim() || null;
    entries.push({
      key: `goal-${m[1]}-${index + 1}`,
      goalNumber: Number(m[1]),
      goalLabel: label,
      code,
      codeText: codeText ?? (code ? legend[code] ?? null : null),
      comment: run.text || null,
      hasData: dataPoints.length > 0,
      dataPoints,
      source: rowSource(documentId, row.words),
      ...confidenceOf({ words: row.words, foundBy: 'table', checks: codeChecks(code, legend) }),
    });
  });
  return entries;
}
