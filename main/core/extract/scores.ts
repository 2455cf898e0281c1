// Test scores from score reports and evaluations: every score table, in whatever orientation
// (scores-table.ts), with its test and dates from headings and captions (scores-context.ts), then the
// scores written in sentences (scores-prose.ts). Where a table's lines and columns stand is the layout
// model's (main/core/layout/headed-tables.ts, header-columns.ts); this says what a score heading is.
// Each score keeps the box of its row or sentence.
import type { PageContent } from '../../../shared/domain';
import { findDates } from '../../../shared/text/dates';
import { columnsFromHeader, phraseCells } from '../layout/header-columns';
import { continuationLines, headedTable } from '../layout/headed-tables';
import { joinLabelsAbove } from '../layout/label-lines';
import { buildLayout, type Layout, type LayoutLine } from './layout';
import { contextAbove, documentScoreDates } from './scores-context';
import { scoresFromProse } from './scores-prose';
import { isPeriodLabel, periodOf, scoresFromTable, type ReadScore } from './scores-table';
import { readTable } from '../layout/line-tables';
import { isPageFurniture } from '../layout/rows';
import { COLUMN_HEADINGS, CONFIDENCE_LEVEL, LEGEND_LINE, SCORE_TYPE_HEADINGS } from './vocab/scores';

export type { ReadScore } from './scores-table';

export function extractTestScores(pages: PageContent[], documentId: string): ReadScore[] {
  const layout = buildLayout(pages);
  const lines = layout.lines.filter((l) => !isPageFurniture(l));
  // A date label printed small above its value ("DATE OF TESTING" over the date) reads as one line.
  const doc = documentScoreDates(joinLabelsAbove(lines));
  const scores: ReadScore[] = [];
  const used = new Set<LayoutLine>();
  for (let i = 0; i < lines.length; i++) {
    if (used.has(lines[i]) || !isScoreHeader(lines[i])) continue;
    // A line of group labels (raters, periods) over a heading row is read with that row.
    if (i + 1 < lines.length && isScoreHeader(lines[i + 1]) && cellsOf(lines[i]).every((c) => isPeriodLabel(c.text))) continue;
    const region = headedTable(lines, i, { hasValue: hasBodyNumber, isGroupLabel: isPeriodLabel, endsTable: (l) => isScoreHeader(l) || LEGEND_LINE.test(l.text) || isShouting(l) });
    region.header.forEach((l) => used.add(l));
    if (region.body.length === 0) continue;
    region.body.push(...runOnRows(lines, region.body));
    const headerWords = region.header.map((l) => l.words);
    const bodyWords = region.body.map((l) => l.words);
    const columns = columnsFromHeader(bodyWords, headerWords, { isGroupLabel: isPeriodLabel });
    const continues = new Set([...continuationLines(region.body)].map((l) => l.words));
    const table = readTable(bodyWords, {
      columns,
      headerLines: headerWords,
      // A line opens a row when it has a measure name, unless it only continues the name above it.
      isRowStart: (line, cells) => cells[0]?.words.length > 0 && !(continues.has(line) && cells.every((c, k) => k === 0 || c.words.length === 0)),
      maxContinuationGap: Infinity,
    });
    const context = contextAbove(lines, lines.indexOf(region.header[0]), doc);
    scores.push(...scoresFromTable(columns, table.rows, context, documentId));
    region.body.forEach((l) => used.add(l));
    i = lines.indexOf(region.body[region.body.length - 1]);
  }
  const prose = scoresFromProse(lines.filter((l) => !used.has(l)), documentId, documentDate(layout));
  for (const p of prose) {
    const dup = scores.some((s) => s.subtest.toLowerCase() === p.subtest.toLowerCase() && s.score === p.score && s.date === p.date);
    if (!dup) scores.push({ ...p, key: '' });
  }
  return withKnownTypes(scores).map((s, i) => ({ ...s, key: `score-${i + 1}` }));
}

/** A measure a comparison table gives as a bare "score" has the type the report states for it elsewhere. */
function withKnownTypes(scores: ReadScore[]): ReadScore[] {
  const known = new Map<string, string>();
  const key = (s: ReadScore) => `${s.test.toLowerCase()}|${s.subtest.toLowerCase()}`;
  for (const s of scores) if (s.scoreType && s.scoreType !== 'score' && s.scoreType !== 'percentile_rank') known.set(key(s), s.scoreType);
  return scores.map((s) => (s.scoreType === 'score' && known.has(key(s)) ? { ...s, scoreType: known.get(key(s))! } : s));
}

const cellsOf = (l: LayoutLine) => phraseCells(l.words);

/**
 * Rows of a table that run on at the head of the next page with no header printed again: when the
 * table's last row is the last line of its page, the next page's first lines that hold a value and
 * start where its rows start (and end no further right than they do) are its rows too.
 */
function runOnRows(lines: LayoutLine[], body: LayoutLine[]): LayoutLine[] {
  const last = body[body.length - 1];
  if (!last || body.length < 2) return [];
  const at = lines.indexOf(last);
  const left = Math.min(...body.map((l) => l.bbox[0]));
  const right = Math.max(...body.map((l) => l.bbox[2]));
  const pitch = Math.max(...body.slice(1).map((l, k) => l.bbox[1] - body[k].bbox[1]));
  const slack = Math.max(3, (last.bbox[3] - last.bbox[1]) / 2);
  const out: LayoutLine[] = [];
  for (let k = at + 1; k < lines.length; k++) {
    const l = lines[k];
    const above = out[out.length - 1];
    if (l.page !== last.page + 1 || (above && l.bbox[1] - above.bbox[1] > pitch * 1.5)) break;
    if (!hasBodyNumber(l) || cellsOf(l).length < 2 || Math.abs(l.bbox[0] - left) > slack || l.bbox[2] > right + slack || isScoreHeader(l)) break;
    out.push(l);
  }
  return out;
}
const BODY_NUMBER = /^[<>≤≥]?\d[\d,]*(?:\.\d+)?%?$|^\d+\s*[-–]\s*\d+$/;
const hasBodyNumber = (l: LayoutLine) => cellsOf(l).some((c) => BODY_NUMBER.test(c.text.trim()));

/**
 * A table's heading row: it names score columns (a score type or percentile) or two or more periods
 * (BOY/MOY/EOY, Fall/Winter/Spring), and holds no values itself.
 */
export function isScoreHeader(line: LayoutLine): boolean {
  // A confidence level over its interval column ("95%" above "CI") is a heading word there.
  const values = cellsOf(line).filter((c) => BODY_NUMBER.test(c.text.trim()) && !CONFIDENCE_LEVEL.test(c.text.trim()));
  if (cellsOf(line).length < 2 || values.length > 0 || LEGEND_LINE.test(line.text)) return false;
  const periods = cellsOf(line).filter((c) => { const p = periodOf(c.text); return p !== null && p.key !== 'year' && p.key !== 'date'; }).length;
  if (periods >= 2 && findDates(line.text).length === 0) return true;
  if (findDates(line.text).length > 0) return false;
  const hasScore = cellsOf(line).some((c) => SCORE_TYPE_HEADINGS.some((t) => t.re.test(c.text)) || COLUMN_HEADINGS.percentile.test(c.text));
  return hasScore && (COLUMN_HEADINGS.name.test(cellsOf(line)[0].text) || cellsOf(line).length >= 3);
}

function isShouting(l: LayoutLine): boolean {
  const letters = l.text.replace(/[^A-Za-z]/g, '');
  return l.isHeading && letters.length >= 10 && letters === letters.toUpperCase();
}

/** The document's own date (printed date, report date), used for prose scores with no date of their own. */
function documentDate(layout: Layout): string | null {
  for (const line of layout.lines.slice(0, 20)) {
    if (/date\s+(?:of\s+)?(?:testing|evaluation|assessment|report)|report\s+date|evaluation\s+date|dates?\s+tested/i.test(line.text)) {
      const d = findDates(line.text)[0];
      if (d) return d.iso;
    }
  }
  return null;
}

