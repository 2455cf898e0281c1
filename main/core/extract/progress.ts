// Progress reports on annual goals: report date and period, the report's own code legend, and per goal
// the code, its meaning, the comment and every data point, each with its source on the page.
// Layouts handled: goal blocks headed "Goal #1" / "Annual Goal 2:" with labelled fields (left-column
// forms, "Label: value" text), data tables of dates and values inside a block, per-period code grids,
// and one-row-per-goal grids (see progress-tables.ts).
import type { DataPoint, ExtractedProgressReport, PageContent, ProgressEntry } from '../../../shared/domain';
import { buildLayout, provenanceOf, runOf, type LayoutLine, type PlacedWord, type TextRun } from './layout';
import { readReportHeader, type ReportHeader } from './progress-header';
import { isPageFurniture } from '../layout/rows';
import { boxesOnLine } from '../layout/checkboxes';
import { findDataPoints, type DataPointContext } from './progress-datapoints';
import { parseLegend, codeFromText } from './progress-legend';
import { readPeriodGrid, type PeriodGrid } from './progress-grid';
import { dataTableInBlock, entriesFromGoalGrid } from './progress-tables';
import { bonusCheck, codeChecks, confidenceOf, type FoundBy } from './confidence';
import { GOAL_HEAD, HEADING_REST_LABEL, INLINE_CODE_LABEL, NARRATIVE_CODES, PROGRESS_FIELD_LABELS, TRAILER_LINE, type ProgressFieldKind } from './vocab/progress';
import { documentModel } from '../documents/parse/classify-layout';
import type { Checkbox } from '../layout';

type FieldKind = ProgressFieldKind;
const FIELD_LABELS = PROGRESS_FIELD_LABELS;

interface Field { kind: FieldKind; lines: LayoutLine[]; run: TextRun }

/** The label a line opens with, when it is one: followed by a colon, a column gap or nothing. */
function fieldLabelOf(line: LayoutLine): { kind: FieldKind; valueStart: number } | null {
  const firstWord = /^\S+/.exec(line.text)?.[0] ?? '';
  // As printed, then with the label's first word as OCR often misreads it ('Coinments' for 'Comments').
  for (const word of [firstWord, ...ocrVariants(firstWord)]) {
    const text = word + line.text.slice(firstWord.length);
    const shift = firstWord.length - word.length;
    for (const [kind, re] of FIELD_LABELS) {
      const m = re.exec(text);
      if (!m) continue;
      const rest = text.slice(m[0].length);
      const colon = /^\s*:/.exec(rest);
      const firstCell = word + (line.cells[0]?.text ?? '').slice(firstWord.length);
      const labelIsCell = firstCell.length <= m[0].length + 2 && firstCell.toLowerCase().startsWith(m[0].toLowerCase());
      if (colon || labelIsCell || rest.trim() === '') {
        const valueStart = m[0].length + shift + (colon ? colon[0].length : 0);
        return { kind, valueStart };
      }
    }
  }
  return null;
}

/** A word with one kind of OCR confusion undone: 'in'/'rn' read for 'm', '1'/'|' for 'l', '0' for 'o', 'cl' for 'd'. */
function ocrVariants(word: string): string[] {
  const out = [word.replace(/in|rn/g, 'm'), word.replace(/[1|]/g, 'l'), word.replace(/0/g, 'o'), word.replace(/cl/g, 'd')];
  return [...new Set(out)].filter((w) => w !== word);
}

function splitFields(lines: LayoutLine[]): { fields: Field[]; loose: LayoutLine[] } {
  const fields: Field[] = [];
  const loose: LayoutLine[] = [];
  let current: { kind: FieldKind; lines: LayoutLine[]; words: LayoutLine['words'] } | null = null;
  for (const line of lines) {
    const label = fieldLabelOf(line);
    if (label) {
      if (current) fields.push({ kind: current.kind, lines: current.lines, run: runOf(current.words) });
      const run = runOf(line.words);
      const firstValueWord = run.starts.findIndex((s) => s >= label.valueStart);
      current = { kind: label.kind, lines: [line], words: firstValueWord < 0 ? [] : line.words.slice(firstValueWord) };
    } else if (current && line.cells.length < 3) {
      // Wrapped text continues a field; a row of three or more cells is a table under the block.
      current.lines.push(line);
      current.words.push(...line.words);
    } else {
      if (current) fields.push({ kind: current.kind, lines: current.lines, run: runOf(current.words) });
      current = null;
      loose.push(line);
    }
  }
  if (current) fields.push({ kind: current.kind, lines: current.lines, run: runOf(current.words) });
  return { fields, loose };
}

/** lead: the words after the heading's label that open the entry's own text ("Goal 2 (Reading): On 1/15 Maya read ..."). */
interface GoalBlock { number: number; label: string | null; head: LayoutLine; lines: LayoutLine[]; lead: PlacedWord[] }

/** "(Behavior): On October 12, Sam had 9 outbursts ...": the area, then a report sentence (no goal statement) on the heading line. */
const AREA_THEN_REPORT = /^\(([^()]{2,60})\)\s*:\s*(?=\S+(?:\s+\S+){3})(?![^]*\bwill\b)/i;

function headingParts(line: LayoutLine, rest: string): { label: string; lead: PlacedWord[] } | null {
  const m = AREA_THEN_REPORT.exec(rest);
  if (!m) return null;
  const run = runOf(line.words);
  const at = line.text.length - rest.length + m[0].length;
  return { label: m[1].trim(), lead: line.words.filter((_, i) => run.starts[i] >= at) };
}

function goalBlocks(lines: LayoutLine[]): GoalBlock[] {
  const blocks: GoalBlock[] = [];
  for (const line of lines) {
    if (isPageFurniture(line)) continue;
    const m = GOAL_HEAD.exec(line.text);
    // "Annual Goal By 10/11/2023 ..." is a field, not a heading: a heading names the goal's number.
    if (m && !/^\d/.test(line.text)) {
      const parts = headingParts(line, m[2]);
      const label = parts?.label ?? m[2].replace(/^(?:area(?:\s+of\s+need)?|domain)\s*[:\-–]\s*/i, '').replace(HEADING_REST_LABEL, '').trim();
      blocks.push({ number: Number(m[1]), label: label && label.length <= 80 ? label : null, head: line, lines: [], lead: parts?.lead ?? [] });
      continue;
    }
    blocks[blocks.length - 1]?.lines.push(line);
  }
  return blocks;
}

/**
 * A photo or scan that lost the top of a page (or the OCR that lost a goal's header line) can leave a
 * goal's code and comment above the first "Goal #N" read: they are goal N-1's, when a labelled progress
 * code with a legend code stands there.
 */
function orphanBlockBefore(lines: LayoutLine[], first: GoalBlock): GoalBlock | null {
  if (first.number < 2) return null;
  const before = lines.slice(0, first.head.index).filter((l) => !isPageFurniture(l) && l.page === first.head.page);
  const codeAt = before.findIndex((l) => fieldLabelOf(l)?.kind === 'code' && codeFromText(l.text.replace(/^\S+\s+\S+\s*:?/, ''), {}, {}) !== null);
  if (codeAt < 0) return null;
  const rest = before.slice(codeAt);
  if (!rest.some((l) => fieldLabelOf(l)?.kind === 'comment')) return null;
  return { number: first.number - 1, label: null, head: rest[0], lines: rest, lead: [] };
}

/** Lines after the last goal that belong to the page furniture ("Prepared by ...", signatures). */
function trimTrailer(block: GoalBlock): LayoutLine[] {
  const out: LayoutLine[] = [];
  for (const line of block.lines) {
    if (TRAILER_LINE.test(line.text)) break;
    out.push(line);
  }
  return out;
}

export function extractProgressReport(pages: PageContent[], documentId: string): ExtractedProgressReport {
  const layout = buildLayout(pages);
  const legend = parseLegend(layout.lines);
  const blocks = goalBlocks(layout.lines);
  const orphan = blocks.length > 0 ? orphanBlockBefore(layout.lines, blocks[0]) : null;
  if (orphan) blocks.unshift(orphan);
  const read = readReportHeader(layout);
  let header: ReportHeader = read;
  if (!read.labelledReportDate) {
    // No "Report Date" read (a photo that lost the header): the latest period column the grids fill is the report's.
    const open: DataPointContext = { periodStart: null, periodEnd: null, reportDate: null };
    const own = blocks.map((b) => readPeriodGrid(trimTrailer(b), legend, open, documentId)?.periodDate).filter((d): d is string => !!d).sort().pop();
    if (own) header = { ...header, reportDate: own, periodEnd: header.periodEnd && header.periodEnd > own ? header.periodEnd : own };
  }
  const ctx: DataPointContext = { periodStart: header.periodStart, periodEnd: header.periodEnd, reportDate: header.reportDate };
  // Boxes drawn on the page (a code field printed as a row of options, one ticked) are in the page model.
  const boxes = () => (documentModel(layout.pages) ?? layout.model()).pages.flatMap((p) => p.checkboxes);
  const entries = blocks.length > 0
    ? blocks.map((b, i) => entryFromBlock(b, i, legend, ctx, documentId, boxes))
    : entriesFromGoalGrid(layout, legend, ctx, documentId);
  const { labelledReportDate: _labelled, ...printed } = header;
  return { ...printed, legend, entries };
}

function entryFromBlock(block: GoalBlock, index: number, legend: Record<string, string>, ctx: DataPointContext, documentId: string, boxes: () => Checkbox[]): ProgressEntry {
  const lines = trimTrailer(block);
  const grid = readPeriodGrid(lines, legend, ctx, documentId, boxes());
  if (grid) return entryFromGrid(block, index, grid, legend, documentId);
  const { fields, loose } = splitFields(lines);
  const byKind = (k: FieldKind) => fields.filter((f) => f.kind === k);
  const label = block.label ?? byKind('area')[0]?.run.text ?? null;

  let code: string | null = null;
  let codeText: string | null = null;
  let codeField: Field | null = null;
  let foundBy: FoundBy = 'labelled';
  for (const f of byKind('code')) {
    const ticked = tickedOption(f, boxes);
    // A row of options with none ticked gives no code: the first option printed is no answer.
    const found = ticked === undefined ? codeFromText(f.run.text, legend) : ticked && codeFromText(ticked, legend);
    if (found) { ({ code, codeText } = found); codeField = f; break; }
    if (ticked !== undefined) { codeField = f; break; }
  }
  const commentFields = byKind('comment');
  // Without a labelled comment, the block's unlabelled lines are the comment; a code field that runs
  // on past its code ("Progress: AP. Data: ...") holds the comment itself, with the lines after it.
  const inline = commentFields.length ? [] : wordsAfterCode(codeField);
  const after = inline.length ? loose.filter((l) => l.index > codeField!.lines[0].index) : loose;
  // A report paragraph opened on the heading line runs on to its code ("Goal 3 (Work Habits): On 3/1 ... 88%." then
  // "Progress: Goal achieved."): the lines before the code are the comment too (a goal statement's are not).
  const before = inline.length && block.lead.length ? loose.filter((l) => l.index < codeField!.lines[0].index) : [];
  const commentLines = commentFields.length ? commentFields.flatMap((f) => f.lines) : inline.length ? [...before, ...codeField!.lines, ...after] : loose;
  const commentWords = commentFields.length ? commentFields.flatMap((f) => f.run.words) : [...block.lead, ...before.flatMap((l) => l.words), ...inline, ...after.flatMap((l) => l.words)];
  const table = dataTableInBlock(lines.filter((l) => !byKind('goal').some((f) => f.lines.includes(l)) && !byKind('baseline').some((f) => f.lines.includes(l))), legend, ctx, documentId);
  if (!code && table.code) [{ code, codeText }, foundBy] = [table.code, 'table'];
  if (!code) {
    const searchable = [...loose, ...commentLines, ...byKind('other').flatMap((f) => f.lines)];
    for (const line of searchable) {
      const found = codeFromText(line.text, legend, { standaloneOnly: true });
      if (found) { [{ code, codeText }, foundBy] = [found, 'pattern']; break; }
    }
  }
  if (!code && block.lead.length) {
    // A paragraph entry (a letter's "Goal 2 (Reading): ... 62 wcpm. Progress: Making adequate progress."):
    // the code follows a label inside the prose, or the paragraph is nothing but a code in words.
    const prose = runOf([...block.lead, ...loose.flatMap((l) => l.words)]).text;
    const inProse = INLINE_CODE_LABEL.exec(prose)?.[1];
    const first = prose.split(/[.;]/)[0];
    const found = inProse ? codeFromText(inProse, legend) : NARRATIVE_CODES.some(([re]) => re.test(first.trim())) ? codeFromText(first, legend) : null;
    if (found) [{ code, codeText }, foundBy] = [found, 'pattern'];
  }

  const proseWords = commentWords.filter((w) => !table.lines.some((l) => l.words.includes(w)));
  const run = runOf(proseWords);
  const dataPoints: DataPoint[] = [...table.dataPoints];
  for (const p of findDataPoints(run.text, ctx)) {
    if (dataPoints.some((d) => d.date === p.date && d.value === p.value)) continue;
    dataPoints.push({ date: p.date, value: p.value, unit: p.unit, source: provenanceOf(documentId, run, p.start, p.end) });
  }
  const comment = runOf(commentWords).text.trim() || null;
  const sourceWords = [...block.head.words, ...lines.flatMap((l) => l.words)].filter((w) => w.page === block.head.page);
  const sure = confidenceOf({ words: sourceWords, foundBy: code ? foundBy : 'fallback', checks: [...codeChecks(code, legend), bonusCheck(commentFields.length > 0, 'comment labelled')] });
  return {
    key: `goal-${block.number}-${index + 1}`,
    goalNumber: block.number,
    goalLabel: label,
    code,
    codeText: codeText ?? (code ? legend[code] ?? null : null),
    comment,
    hasData: dataPoints.length > 0,
    dataPoints,
    source: provenanceOf(documentId, runOf(sourceWords)),
    confidence: sure.confidence,
    reasons: sure.reasons,
  };
}

/**
 * A code field printed as a row of boxes, one per code ("Progress: [ ] M [X] SP [ ] IP"): the label of
 * its one ticked box; null when none or several are ticked or a box cannot be read; undefined when
 * the field has no boxes (its text is the code).
 */
function tickedOption(field: Field, boxes: () => Checkbox[]): string | null | undefined {
  // The options run along the label's line, or stand one a line under it.
  const options = field.lines.flatMap((line) => boxesOnLine(boxes(), line));
  if (options.length < 2) return undefined;
  const ticked = options.filter((b) => b.checked === true);
  return ticked.length === 1 && options.every((b) => b.checked !== null) ? ticked[0].label : null;
}

/** The words of a code field after its code's own sentence ("AP." in "AP. Data: 45 wcpm on 1/12/24"). */
function wordsAfterCode(field: Field | null): TextRun['words'] {
  if (!field) return [];
  const end = /^[^.;]{1,40}[.;]\s+/.exec(field.run.text);
  if (!end) return [];
  return field.run.words.filter((_, i) => field.run.starts[i] >= end[0].length);
}

/** A goal block read as a period grid: the report's own column, and the data of the columns before it. */
function entryFromGrid(block: GoalBlock, index: number, grid: PeriodGrid, legend: Record<string, string>, documentId: string): ProgressEntry {
  const dataPoints: DataPoint[] = [];
  for (const p of [...grid.earlier.map((e) => ({ ...e, earlierPeriod: true })), ...grid.own]) {
    if (!dataPoints.some((d) => d.date === p.date && d.value === p.value)) dataPoints.push(p);
  }
  const code = grid.code?.code ?? null;
  return {
    key: `goal-${block.number}-${index + 1}`,
    goalNumber: block.number,
    goalLabel: block.label,
    code,
    codeText: grid.code?.codeText ?? (code ? legend[code] ?? null : null),
    comment: grid.comment,
    // Whether the report's own period has data: a grid reprints the data of earlier periods too.
    hasData: grid.own.length > 0,
    dataPoints,
    source: provenanceOf(documentId, runOf(grid.words.length ? grid.words : block.head.words)),
    ...confidenceOf({ words: grid.words.length ? grid.words : block.head.words, foundBy: 'table', checks: codeChecks(code, legend) }),
  };
}
