// Goals printed as a table: a header row naming the columns (goal, criteria, method, schedule,
// baseline...; vocab/goals.ts), goals under area bands ("READING"), each goal's cells wrapping over
// several printed lines, and the table running on across page breaks under a repeated header.
import { statesTimeframe } from '../../../shared/goals/timeframe';
import { atRowPitch, columnsFromHeader, crossesColumns, isBandLine, leavesColumns, rowSpacing, standsUnderHeader, wordsByColumn, type FormColumn } from '../layout/form-columns';
import { endsSentence, titleCase } from './form-table';
import { runOf, type LayoutLine, type PlacedWord } from './layout';
import { isPageFurniture } from '../layout/rows';
import { SERVICES_HEADING } from './vocab/services';
import { GOAL_FIELD_LABELS, GOAL_TABLE_COLUMNS, GOAL_TABLE_HEADER_NOTES, type GoalColumnKind } from './vocab/goals';

export interface TableGoal {
  area: string | null;
  /** The table's header states the IEP year as every goal's timeframe ("... by the end of the year"). */
  impliedTimeframe: boolean;
  /** Words of each column the table has, by kind; 'goal' always present. */
  cells: Partial<Record<GoalColumnKind, PlacedWord[]>>;
  number: number | null;
}

type Column = FormColumn<GoalColumnKind>;
interface BodyLine { line: LayoutLine; cells: PlacedWord[][] | null; area: string | null }

const columnKind = (text: string): GoalColumnKind | null => GOAL_TABLE_COLUMNS.find(([, re]) => re.test(text.trim()))?.[0] ?? null;

/** A goals-table header: a goal column first and at least one other known column, no digits. */
function headerColumns(line: LayoutLine): Column[] | null {
  if (/\d/.test(line.text) || line.cells.length < 2) return null;
  const kinds = line.cells.map((c) => columnKind(c.text));
  // Only a number and an area column may stand before the goal ("# | Area | Measurable Annual Goal | ...").
  const goalAt = kinds.findIndex((k) => k !== 'number' && k !== 'area');
  if (goalAt < 0 || goalAt > 2 || kinds[goalAt] !== 'goal') return null;
  if (kinds.slice(goalAt + 1).filter((k) => k && k !== 'goal' && k !== 'other' && k !== 'number' && k !== 'area').length === 0) return null;
  return columnsFromHeader(line, (label) => columnKind(label) ?? 'other');
}

const isRepeatOf = (line: LayoutLine, header: LayoutLine) => line.text.toLowerCase() === header.text.toLowerCase();

/**
 * Lines printed under the header that explain it: the header's own small type, or the wording
 * forms print there. They hold no digits and sit right under the header or the note above.
 */
function isHeaderNote(line: LayoutLine, header: LayoutLine, above: LayoutLine): boolean {
  if (/\d/.test(line.text) || line.page !== header.page) return false;
  const { close, headerType } = standsUnderHeader(line, header, above);
  // A goal sentence in the header's type is the first row, not a note (a goal that states no figure).
  return close && ((headerType && !/\bwill\b/i.test(line.text)) || GOAL_TABLE_HEADER_NOTES.test(line.text));
}

const NUMBERED = /^(?:goal\s*)?#?\s*(\d{1,2})[.):]?$/i;

/** Every goals table in the lines, read into goals; [] when there is none. */
export function goalsFromTables(lines: LayoutLine[]): TableGoal[] {
  const goals: TableGoal[] = [];
  let after = 0;
  for (let i = 0; i < lines.length; i++) {
    const columns = headerColumns(lines[i]);
    if (!columns) continue;
    const { goals: found, end } = readGoalTable(lines, i, columns);
    if (found.length === 1) withFieldsAbove(found[0], lines.slice(after, i).filter((l) => !isPageFurniture(l)));
    goals.push(...found);
    i = end - 1;
    after = end;
  }
  return goals;
}

const fieldLabel = (text: string) => GOAL_FIELD_LABELS.map(([kind, re]) => ({ kind, m: re.exec(text.trim()) })).find((x) => x.m);

/**
 * A table of one goal under its own heading and labelled fields ("Annual Goal 2: Reading",
 * "Present Level: ..." above "Measurable Annual Goal | Method | Schedule | Criteria"): the heading
 * gives the goal's number and area, the field its baseline, where the table has no column for them.
 */
function withFieldsAbove(goal: TableGoal, above: LayoutLine[]): void {
  const headAt = above.findLastIndex((l) => fieldLabel(l.text)?.kind === 'header');
  if (headAt < 0) return;
  const head = fieldLabel(above[headAt].text)!.m!;
  if (goal.number === null && head[1]) goal.number = Number(head[1]);
  const area = above[headAt].text.trim().slice(head[0].length).replace(/^[\s:.\-–]+/, '').trim();
  if (!goal.area && area && area.split(/\s+/).length <= 6 && !/\d/.test(area)) goal.area = /[a-z]/.test(area) ? area : titleCase(area);
  if (goal.cells.baseline?.length) return;
  let baseline: PlacedWord[] | null = null;
  for (const line of above.slice(headAt + 1)) {
    const label = fieldLabel(line.text);
    if (label) {
      if (label.kind !== 'baseline') { if (baseline) break; continue; }
      const run = runOf(line.words);
      baseline = line.words.filter((_, k) => run.starts[k] >= label.m![0].trim().length);
    } else if (baseline) baseline.push(...line.words);
  }
  if (baseline?.length) goal.cells.baseline = baseline;
}

function readGoalTable(lines: LayoutLine[], headerAt: number, columns: Column[]): { goals: TableGoal[]; end: number } {
  const header = lines[headerAt];
  const body: BodyLine[] = [];
  const notes: string[] = [header.text];
  let area: string | null = null;
  let underHeader = true;
  let lastHeader = header;
  let above = header;
  let i = headerAt + 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (isPageFurniture(line)) continue;
    if (isRepeatOf(line, header)) { lastHeader = line; above = line; underHeader = true; continue; }
    if (underHeader && isHeaderNote(line, lastHeader, above)) { above = line; notes.push(line.text); continue; }
    underHeader = false;
    // "Annual Goal 2: Reading" in heading type opens the next goal's own heading and fields: this table is done.
    if (line.isHeading && fieldLabel(line.text)?.kind === 'header') break;
    if (isBandLine(line, columns, 5)) {
      // A band opens goals below it; the services heading, or a heading followed by prose, is the next section.
      if (SERVICES_HEADING.test(line.text)) break;
      const next = lines.slice(i + 1).find((l) => !isPageFurniture(l) && !isRepeatOf(l, header) && !(GOAL_TABLE_HEADER_NOTES.test(l.text) && !/\d/.test(l.text)));
      if (!next || crossesColumns(next, columns) || isBandLine(next, columns, 5)) break;
      area = titleCase(line.text.trim());
      body.push({ line, cells: null, area });
      continue;
    }
    if (crossesColumns(line, columns) || leavesColumns(line, columns)) break;
    body.push({ line, cells: wordsByColumn(line, columns), area });
  }
  const impliedTimeframe = statesTimeframe(notes.join(' '));
  return { goals: groupRows(body, columns).map((g) => ({ ...g, impliedTimeframe })), end: i };
}

/** Lines into goals: a new goal after a band, after a row gap wider than the lines of a cell, or after a finished sentence. */
function groupRows(body: BodyLine[], columns: Column[]): TableGoal[] {
  const goalAt = Math.max(0, columns.findIndex((c) => c.kind === 'goal'));
  const spacing = rowSpacing(body.filter((b) => b.cells).map((b) => b.line));
  const goals: TableGoal[] = [];
  let current: TableGoal | null = null;
  let previous: BodyLine | null = null;
  for (const entry of body) {
    if (!entry.cells) { current = null; previous = entry; continue; }
    const numberAt = columns.findIndex((c) => c.kind === 'number');
    const goalWords = [...entry.cells[goalAt], ...(numberAt >= 0 && numberAt < goalAt ? entry.cells[numberAt] : [])];
    const first = goalWords[0]?.text ?? '';
    let starts = !current;
    if (current && goalWords.length > 0 && previous?.cells) {
      // Across a page break only the sentence tells: a goal cut mid-sentence goes on under the repeated header.
      const finished = endsSentence(current.cells.goal ?? []) && /^[A-Z"(]/.test(first);
      if (NUMBERED.test(first)) starts = true;
      else if (previous.line.page === entry.line.page) starts = spacing.padded ? atRowPitch(entry.line, previous.line, spacing) : finished;
      else starts = finished;
    }
    if (starts) {
      current = { area: entry.area, cells: {}, number: null, impliedTimeframe: false };
      goals.push(current);
    }
    entry.cells.forEach((words, c) => {
      if (words.length) (current!.cells[columns[c].kind] ??= []).push(...words);
    });
    previous = entry;
  }
  for (const g of goals) {
    const areaCell = runOf(g.cells.area ?? []).text.trim();
    if (areaCell) g.area = areaCell;
    const numbered = NUMBERED.exec(runOf(g.cells.number ?? []).text.trim());
    if (numbered) g.number = Number(numbered[1]);
    const words = g.cells.goal ?? [];
    const m = NUMBERED.exec(words[0]?.text ?? '');
    if (m && !numbered) {
      g.number = Number(m[1]);
      g.cells.goal = words.slice(1);
    }
  }
  return goals.filter((g) => (g.cells.goal ?? []).length > 0);
}
