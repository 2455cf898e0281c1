// Goals printed as a table: a header row naming the columns (goal, criteria, method, schedule,
// baseline...; vocab/goals.ts), goals under area bands ("READING"), each goal's cells wrapping over
// several printed lines, and the table running on across page breaks under a repeated header.
import { isPageFurniture } from './tables';
import type { LayoutLine, PlacedWord } from './layout';
import { statesTimeframe } from '../../../shared/goals/parse';
import { GOAL_TABLE_COLUMNS, GOAL_TABLE_HEADER_NOTES, type GoalColumnKind } from './vocab/goals';

export interface TableGoal {
  area: string | null;
  /** The table's header states the IEP year as every goal's timeframe ("... by the end of the year"). */
  impliedTimeframe: boolean;
  /** Words of each column the table has, by kind; 'goal' always present. */
  cells: Partial<Record<GoalColumnKind, PlacedWord[]>>;
  number: number | null;
}

interface Column { kind: GoalColumnKind; x0: number; x1: number }

const columnKind = (text: string): GoalColumnKind | null => GOAL_TABLE_COLUMNS.find(([, re]) => re.test(text.trim()))?.[0] ?? null;

/** A goals-table header: a goal column and at least one other known column, no digits. */
function headerColumns(line: LayoutLine): Column[] | null {
  if (/\d/.test(line.text) || line.cells.length < 2) return null;
  const kinds = line.cells.map((c) => columnKind(c.text));
  if (kinds[0] !== 'goal' || kinds.filter((k) => k && k !== 'goal' && k !== 'other').length === 0) return null;
  return line.cells.map((c, i) => ({ kind: kinds[i] ?? 'other', x0: c.x0 - 2, x1: (line.cells[i + 1]?.x0 ?? Infinity) - 2 }));
}

const height = (line: LayoutLine) => line.bbox[3] - line.bbox[1];
const isRepeatOf = (line: LayoutLine, header: LayoutLine) => line.text.toLowerCase() === header.text.toLowerCase();

/**
 * Lines printed under the header that explain it: the header's own small type, or the wording
 * forms print there. They hold no digits and come before any body line.
 */
function isHeaderNote(line: LayoutLine, header: LayoutLine, above: LayoutLine): boolean {
  if (/\d/.test(line.text) || line.page !== header.page) return false;
  if (line.bbox[1] - above.bbox[3] > height(header) * 1.5) return false;
  return Math.abs(height(line) - height(header)) < 0.4 || GOAL_TABLE_HEADER_NOTES.test(line.text);
}

/** An area band: a short all-capitals line inside the goal column ("READING", "STUDY SKILLS"). */
function isBand(line: LayoutLine, columns: Column[]): boolean {
  const letters = line.text.replace(/[^A-Za-z]/g, '');
  if (letters.length < 3 || letters !== letters.toUpperCase() || /\d/.test(line.text) || line.words.length > 5) return false;
  return line.bbox[2] <= columns[0].x1;
}

/** A line running across the goal column into the next: prose after the table. */
const crossesColumns = (line: LayoutLine, columns: Column[]) => line.cells.some((c) => c.x0 < columns[0].x1 && c.x1 > columns[1].x0 + 4);

function cellWords(line: LayoutLine, columns: Column[]): PlacedWord[][] {
  const out = columns.map(() => [] as PlacedWord[]);
  for (const w of line.words) {
    const cx = (w.bbox[0] + w.bbox[2]) / 2;
    let at = columns.findIndex((c) => cx >= c.x0 && cx < c.x1);
    if (at < 0) at = cx < columns[0].x0 ? 0 : columns.length - 1;
    out[at].push(w);
  }
  return out;
}

const endsSentence = (words: PlacedWord[]) => /[.!?]["')\]]?$/.test(words[words.length - 1]?.text ?? '');
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s/&-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
const NUMBERED = /^(?:goal\s*)?#?\s*(\d{1,2})[.):]?$/i;

/** Every goals table in the lines, read into goals; [] when there is none. */
export function goalsFromTables(lines: LayoutLine[]): TableGoal[] {
  const goals: TableGoal[] = [];
  for (let i = 0; i < lines.length; i++) {
    const columns = headerColumns(lines[i]);
    if (!columns) continue;
    const { goals: found, end } = readGoalTable(lines, i, columns);
    goals.push(...found);
    i = end - 1;
  }
  return goals;
}

function readGoalTable(lines: LayoutLine[], headerAt: number, columns: Column[]): { goals: TableGoal[]; end: number } {
  const header = lines[headerAt];
  const body: Array<{ line: LayoutLine; cells: PlacedWord[][]; area: string | null }> = [];
  let area: string | null = null;
  let i = headerAt + 1;
  let lastHeader = header;
  let underHeader = true;
  let above = header;
  const notes: string[] = [header.text];
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (isPageFurniture(line)) continue;
    if (isRepeatOf(line, header)) { lastHeader = line; above = line; underHeader = true; continue; }
    if (underHeader && isHeaderNote(line, lastHeader, above)) { above = line; notes.push(line.text); continue; }
    underHeader = false;
    if (isBand(line, columns)) {
      const next = lines.slice(i + 1).find((l) => !isPageFurniture(l) && !isRepeatOf(l, header) && !(GOAL_TABLE_HEADER_NOTES.test(l.text) && !/\d/.test(l.text)));
      if (!next || crossesColumns(next, columns) || isBand(next, columns) && !next.isHeading) break;
      area = titleCase(line.text.trim());
      body.push({ line, cells: [], area });
      continue;
    }
    if (crossesColumns(line, columns) || line.isHeading && line.cells.length === 1 && line.bbox[2] > columns[0].x1) break;
    if (line.bbox[0] < columns[0].x0 - 12) break;
    body.push({ line, cells: cellWords(line, columns), area });
  }
  const impliedTimeframe = statesTimeframe(notes.join(' '));
  return { goals: groupRows(body, columns).map((g) => ({ ...g, impliedTimeframe })), end: i };
}

/** Lines into goals: a new goal after a band, after a row gap wider than the lines of a cell, or after a finished sentence. */
function groupRows(body: Array<{ line: LayoutLine; cells: PlacedWord[][]; area: string | null }>, columns: Column[]): TableGoal[] {
  const rows = body.filter((b) => b.cells.length > 0);
  const pitches: number[] = [];
  for (let k = 1; k < rows.length; k++) {
    if (rows[k].line.page === rows[k - 1].line.page) pitches.push(rows[k].line.bbox[1] - rows[k - 1].line.bbox[1]);
  }
  const tight = pitches.length ? Math.min(...pitches.filter((p) => p > 0)) : 0;
  const padded = pitches.some((p) => p > tight * 1.3);
  const goals: TableGoal[] = [];
  let current: TableGoal | null = null;
  let previous: (typeof body)[number] | null = null;
  for (const entry of body) {
    if (entry.cells.length === 0) { current = null; previous = entry; continue; }
    const goalWords = entry.cells[0];
    const first = goalWords[0]?.text ?? '';
    let starts = !current;
    if (current && goalWords.length > 0 && previous && previous.cells.length > 0) {
      const samePage = previous.line.page === entry.line.page;
      const gap = entry.line.bbox[1] - previous.line.bbox[1];
      const finished = endsSentence(current.cells.goal ?? []) && /^[A-Z"(]/.test(first);
      if (NUMBERED.test(first)) starts = true;
      else if (samePage) starts = padded ? gap > tight * 1.3 : finished;
      else starts = finished;
    }
    if (starts) {
      current = { area: entry.area, cells: {}, number: null, impliedTimeframe: false };
      goals.push(current);
    }
    entry.cells.forEach((words, c) => {
      if (!words.length) return;
      const kind = columns[c].kind;
      (current!.cells[kind] ??= []).push(...words);
    });
    previous = entry;
  }
  for (const g of goals) {
    const words = g.cells.goal ?? [];
    const m = NUMBERED.exec(words[0]?.text ?? '');
    if (m) {
      g.number = Number(m[1]);
      g.cells.goal = words.slice(1);
    }
  }
  return goals.filter((g) => (g.cells.goal ?? []).length > 0);
}
