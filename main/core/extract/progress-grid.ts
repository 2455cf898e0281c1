// A goal's progress printed as a grid with one column per reporting period: a row of period
// headings ("MP1 - Nov | MP2 - Jan | ..."), maybe a row of their dates, a code row, and a comment
// cell whose lines each open with their period ("Nov: 50 wcpm ..."). Reports reprint the whole
// year's grid, later columns blank: the report's own period is the last filled column; earlier
// columns still give their data (dated by the column when the comment gives no date).
import type { DataPoint } from '../../../shared/domain';
import { findDates } from '../../../shared/text/dates';
import { columnAfter, columnHolding, midpointColumns, rightOf, valuesUnderHeader } from '../layout/form-columns';
import { provenanceOf, runOf, type LayoutLine, type PlacedWord } from './layout';
import { findDataPoints, type DataPointContext } from './progress-datapoints';
import { codeFromText } from './progress-legend';
import type { Checkbox } from '../layout';
import { boxesAlongLine } from '../layout/checkboxes';
import { CODE_ROW_LABEL, GRID_DATA_COLUMN, MONTH_PREFIX, PERIOD_COLUMN, PERIOD_ROW_LABEL, PROGRESS_FIELD_LABELS } from './vocab/progress';

interface PeriodColumn {
  label: string;
  x0: number;
  x1: number;
  date: string | null;
  /** Words a comment line may open with to name this period: "MP1", "Nov". */
  names: string[];
  code: { code: string; codeText: string | null } | null;
  codeWords: PlacedWord[];
  comment: PlacedWord[];
  /** Ratings ticked in this column of a rating x period grid of boxes. */
  ticked: PlacedWord[][];
}

export interface PeriodGrid {
  /** Lines the grid took (not read again as prose or fields). */
  lines: Set<LayoutLine>;
  code: { code: string; codeText: string | null } | null;
  comment: string | null;
  /** Data of the report's own period. */
  own: DataPoint[];
  /** Data the grid reprints from earlier periods. */
  earlier: DataPoint[];
  /** The report's own period has a column of its own (its label, e.g. "MP3 - Apr"). */
  periodLabel: string | null;
  periodDate: string | null;
  words: PlacedWord[];
}

/** Period headings of a line: its cells that name a reporting period (a leading row label aside). */
function periodCells(line: LayoutLine): LayoutLine['cells'] {
  return line.cells.filter((c) => PERIOD_COLUMN.test(c.text.trim()));
}

function namesOf(label: string): string[] {
  const words = label.split(/[\s\-–()/:]+/).filter(Boolean);
  return words.filter((w) => PERIOD_COLUMN.test(w) || MONTH_PREFIX.test(w)).map((w) => w.toLowerCase().replace(/\.$/, ''));
}

const isLabelled = (line: LayoutLine, re: RegExp) => re.test(line.cells[0]?.text.trim() ?? '');

/**
 * boxes: the page model's tick boxes. A grid may tick each period's rating in a row per rating
 * ("Goal met  [ ] [X] [ ] [ ]"): the row's words are the rating of the column whose box is ticked.
 */
export function readPeriodGrid(lines: LayoutLine[], legend: Record<string, string>, ctx: DataPointContext, documentId: string, boxes: Checkbox[] = []): PeriodGrid | null {
  let headerAt = lines.findIndex((l) => periodCells(l).length >= 2);
  let header = lines[headerAt];
  // Headings wrapped over two lines ("Qtr" over "1"): the period's number under its word.
  const wrappedAt = headerAt < 0 ? lines.findIndex((l, k) => periodCells(withNumbersBelow(l, lines[k + 1])).length >= 2) : -1;
  if (wrappedAt >= 0) {
    headerAt = wrappedAt + 1;
    header = withNumbersBelow(lines[wrappedAt], lines[headerAt]);
  }
  if (headerAt < 0) return null;
  const cells = periodCells(header);
  // A column after the periods that holds the data of the report's own period ("Data Collected This Period").
  const dataX = columnAfter(header, cells, (text) => GRID_DATA_COLUMN.test(text.trim()))?.x0 ?? Infinity;
  const inDataColumn = (w: PlacedWord) => rightOf(w, dataX);
  const bands = midpointColumns(cells, dataX);
  const columns: PeriodColumn[] = cells.map((c, i) => ({
    label: c.text.trim(),
    ...bands[i],
    // A heading may print its period's date ("Report 2 (2/28/22)").
    date: findDates(c.text)[0]?.iso ?? null,
    names: namesOf(c.text),
    code: null,
    codeWords: [],
    comment: [],
    ticked: [],
  }));
  const columnAt = (w: PlacedWord) => columnHolding(columns, w);
  const taken = new Set<LayoutLine>([header, lines[headerAt], ...(wrappedAt >= 0 ? [lines[wrappedAt]] : [])]);
  let i = headerAt + 1;
  // A row of dates under the headings gives each column its date.
  const dateRow = lines[i];
  const dated = dateRow && findDates(dateRow.text).length > 0 ? valuesUnderHeader(lines, headerAt, columns, (t) => findDates(t).length > 0) : null;
  if (dated) {
    for (const { column, word } of dated) column.date = findDates(word.text)[0].iso;
    taken.add(dateRow);
    i++;
  }
  let commentCol: PeriodColumn | null = null;
  let inComment = false;
  let codeRowSeen = 0;
  const ownData: PlacedWord[] = [];
  // Comment lines that name no period speak for the report's own one.
  const unnamed: PlacedWord[] = [];
  let inData = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (codeRowSeen < 1 && isCodeRow(line, legend, inDataColumn)) {
      codeRowSeen++;
      for (const w of line.words.slice(labelLength(line))) {
        const col = columnAt(w);
        if (inDataColumn(w)) ownData.push(w);
        else if (col) col.codeWords.push(w);
      }
      taken.add(line);
      inComment = false;
      inData = ownData.length > 0;
      continue;
    }
    // The data cell wraps on under the code row, alone in its column.
    if (inData && line.page === header.page && line.words.length > 0 && line.words.every(inDataColumn)) {
      ownData.push(...line.words);
      taken.add(line);
      continue;
    }
    inData = false;
    const onLine = boxesAlongLine(boxes, line);
    // Or no boxes, an X typed in the period's cell ("No progress        X"): the words left of the periods are the rating.
    const typed = onLine.length ? [] : line.words.filter((w) => TYPED_TICK.test(w.text) && w.bbox[0] >= cells[0].x0 - 4);
    const typedRow = typed.length > 0 && line.words.every((w) => typed.includes(w) || w.bbox[2] <= cells[0].x0);
    if ((onLine.length >= 2 || typedRow) && !inComment) {
      const ticks = typedRow ? typed.map((w) => w.bbox) : onLine.filter((x) => x.checked === true).map((x) => x.bbox);
      const rating = line.words.filter((w) => w.bbox[2] <= Math.min(...(typedRow ? typed.map((t) => t.bbox) : onLine.map((x) => x.bbox)).map((bb) => bb[0])));
      for (const bb of ticks) {
        const cx = (bb[0] + bb[2]) / 2;
        columns.find((c) => cx >= c.x0 && cx <= c.x1)?.ticked.push(rating);
      }
      taken.add(line);
      continue;
    }
    const commentLabel = PROGRESS_FIELD_LABELS.find(([k]) => k === 'comment')![1];
    const opensComment = commentLabel.test(line.cells[0]?.text.trim() ?? '') && line.cells[0].words.length <= 3;
    if (!opensComment && !inComment) {
      if (PERIOD_ROW_LABEL.test(line.text) || periodCells(line).length >= 2) break;
      continue;
    }
    if (opensComment && inComment) break;
    if (!opensComment && otherFieldLabel(line)) break;
    inComment = true;
    taken.add(line);
    const words = opensComment ? line.words.slice(line.cells[0].words.length) : line.words;
    if (!words.length) continue;
    const named = periodNamed(words[0].text, columns);
    if (named) commentCol = named;
    if (commentCol) commentCol.comment.push(...words);
    else unnamed.push(...words);
  }
  for (const col of columns) {
    const text = runOf(col.codeWords).text.trim();
    col.code = text ? codeFromText(text, legend, Object.keys(legend).length ? { standaloneOnly: false } : {}) : null;
    // One rating ticked in the column: its words are the code (several ticked say nothing sure).
    if (!col.code && col.ticked.length === 1 && col.ticked[0].length) {
      // A legend's code or meaning gives the legend's code; other words are the code as printed, whole.
      const rating = runOf(col.ticked[0]).text.trim();
      const found = codeFromText(rating, legend);
      col.code = found && found.code in legend ? found : { code: rating, codeText: found?.codeText ?? rating };
      col.codeWords = col.ticked[0];
    }
  }
  // The report's own period: the last column with a code or a comment; the data column speaks for it.
  const coded = columns.filter((c) => c.code);
  const filled = columns.filter((c) => c.code || c.comment.length);
  const own = coded[coded.length - 1] ?? filled[filled.length - 1] ?? (unnamed.length || ownData.length ? columns[columns.length - 1] : null);
  if (!own) return null;
  own.comment.unshift(...ownData);
  own.comment.push(...unnamed);
  const pointsOf = (col: PeriodColumn): DataPoint[] => {
    const run = runOf(stripPrefix(col.comment, col));
    const date = col.date ?? (col === own ? ctx.periodEnd ?? ctx.reportDate : null);
    return findDataPoints(run.text, ctx).map((p) => ({
      date: p.date ?? date,
      value: p.value,
      unit: p.unit,
      source: provenanceOf(documentId, run, p.start, p.end),
    }));
  };
  return {
    lines: taken,
    code: own.code,
    comment: runOf(own.comment).text.trim() || null,
    own: pointsOf(own),
    earlier: columns.filter((c) => c !== own).flatMap(pointsOf),
    periodLabel: own.label,
    periodDate: own.date,
    words: [...own.codeWords, ...own.comment],
  };
}

const TYPED_TICK = /^(?:[xX✓✔]|\(?[xX]\)?)$/;

/**
 * A heading line with the line right under it holding only small numbers, each under one of its
 * cells ("Qtr | Qtr | Qtr" over "1 | 2 | 3"): the cells with their numbers joined; else the line itself.
 */
function withNumbersBelow(line: LayoutLine, below: LayoutLine | undefined): LayoutLine {
  if (!below || below.page !== line.page || below.words.length < 2 || !below.words.every((w) => /^[1-6]$/.test(w.text))) return line;
  const height = line.bbox[3] - line.bbox[1];
  if (below.bbox[1] - line.bbox[3] > height * 1.2) return line;
  const under = (c: LayoutLine['cells'][number]) => below.words.filter((w) => (w.bbox[0] + w.bbox[2]) / 2 >= c.x0 - 6 && (w.bbox[0] + w.bbox[2]) / 2 <= c.x1 + 6);
  const cells = line.cells.map((c) => {
    const ws = under(c);
    return ws.length === 1 ? { ...c, text: `${c.text} ${ws[0].text}`, words: [...c.words, ws[0]], x1: Math.max(c.x1, ws[0].bbox[2]) } : c;
  });
  return { ...line, cells, words: [...line.words, ...below.words], text: cells.map((c) => c.text).join(' ') };
}

/** A code row: its label ("Progress Code", "Rating"), then only short codes ("2", "NA", "SP"), not a legend. */
function isCodeRow(line: LayoutLine, legend: Record<string, string>, inDataColumn: (w: PlacedWord) => boolean = () => false): boolean {
  if (!isLabelled(line, CODE_ROW_LABEL) || isLabelled(line, /^progress\s+(?:notes?|comments?|data)/i) || /=/.test(line.text)) return false;
  const codes = line.words.slice(labelLength(line)).filter((w) => !inDataColumn(w));
  return codes.length > 0 && codes.every((w) => w.text in legend || /^[A-Za-z0-9+\-/|\]]{1,4}$/.test(w.text));
}

/** Words of the line's leading label ("Progress Code"). */
function labelLength(line: LayoutLine): number {
  if (line.cells.length > 1) return line.cells[0].words.length;
  const m = CODE_ROW_LABEL.exec(line.text);
  return m ? m[0].trim().split(/\s+/).length : 0;
}

function otherFieldLabel(line: LayoutLine): boolean {
  const first = line.cells[0]?.text.trim() ?? '';
  return PROGRESS_FIELD_LABELS.some(([kind, re]) => kind !== 'comment' && re.test(first) && (/:/.test(first) || line.cells[0].words.length <= 3));
}

/** The column a comment line names with its first word ("Nov:", "MP2:", "Q3 -"). */
function periodNamed(word: string, columns: PeriodColumn[]): PeriodColumn | null {
  const w = word.toLowerCase().replace(/[:.\-–]+$/, '');
  if (!w) return null;
  return columns.find((c) => c.names.some((n) => n === w || (n.length >= 3 && w.startsWith(n.slice(0, 3)) && MONTH_PREFIX.test(w)))) ?? null;
}

/** A comment without its period prefix ("Nov:"), so the prefix is not read as data. */
function stripPrefix(words: PlacedWord[], col: PeriodColumn): PlacedWord[] {
  if (words.length && periodNamed(words[0].text, [col])) return words.slice(1);
  return words;
}
