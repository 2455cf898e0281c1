// Test scores from score reports and evaluations: every score table, in whatever orientation
// (scores-table.ts), with its test and dates from headings and captions (scores-context.ts), then the
// scores written in sentences (scores-prose.ts). Each score keeps the box of its row or sentence.
import type { PageContent } from '../../../shared/domain';
import { findDates } from '../../../shared/text/dates';
import type { Word } from '../../../shared/domain';
import { columnsFromHeader, phraseCells } from './header-columns';
import { joinLabelsAbove } from './label-lines';
import { buildLayout, type Layout, type LayoutLine } from './layout';
import { contextAbove, documentScoreDates } from './scores-context';
import { scoresFromProse } from './scores-prose';
import { isPeriodLabel, periodOf, scoresFromTable, type ReadScore } from './scores-table';
import { isPageFurniture, readTable, splitPhrases, defaultGutter } from './tables';
import { COLUMN_HEADINGS, LEGEND_LINE, SCORE_TYPE_HEADINGS } from './vocab/scores';

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
    const region = tableRegion(lines, i);
    region.header.forEach((l) => used.add(l));
    if (region.body.length === 0) continue;
    const headerWords = region.header.map((l) => l.words);
    const bodyWords = region.body.map((l) => l.words);
    const columns = columnsFromHeader(bodyWords, headerWords, { isGroupLabel: isPeriodLabel });
    const continues = new Set(region.body.filter((l, k) => k > 0 && l.bbox[1] - region.body[k - 1].bbox[3] < lineHeight(l) * 0.45).map((l) => l.words));
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
const lineHeight = (l: LayoutLine) => Math.max(1, ...l.words.map((w) => w.bbox[3] - w.bbox[1]));
const BODY_NUMBER = /^[<>≤≥]?\d[\d,]*(?:\.\d+)?%?$|^\d+\s*[-–]\s*\d+$/;
const hasBodyNumber = (l: LayoutLine) => cellsOf(l).some((c) => BODY_NUMBER.test(c.text.trim()));

/**
 * A table's heading row: it names score columns (a score type or percentile) or two or more periods
 * (BOY/MOY/EOY, Fall/Winter/Spring), and holds no values itself.
 */
export function isScoreHeader(line: LayoutLine): boolean {
  if (cellsOf(line).length < 2 || hasBodyNumber(line) || LEGEND_LINE.test(line.text)) return false;
  const periods = cellsOf(line).filter((c) => { const p = periodOf(c.text); return p !== null && p.key !== 'year' && p.key !== 'date'; }).length;
  if (periods >= 2 && findDates(line.text).length === 0) return true;
  if (findDates(line.text).length > 0) return false;
  const hasScore = cellsOf(line).some((c) => SCORE_TYPE_HEADINGS.some((t) => t.re.test(c.text)) || COLUMN_HEADINGS.percentile.test(c.text));
  return hasScore && (COLUMN_HEADINGS.name.test(cellsOf(line)[0].text) || cellsOf(line).length >= 3);
}

interface Region { header: LayoutLine[]; body: LayoutLine[] }

/**
 * The header lines and body lines of the table whose heading row is lines[at]: a line of group labels
 * right above it, heading lines below it (no values, dates allowed: "Assessed 09/19/2023"), then rows
 * up to a wide gap, a heading, a legend, running prose, another table or the end of the page.
 */
function tableRegion(lines: LayoutLine[], at: number): Region {
  const first = lines[at];
  const h = lineHeight(first);
  const header = [first];
  const prev = lines[at - 1];
  // Group labels over the value columns only (a year or period over each column pair).
  if (prev && prev.page === first.page && first.bbox[1] - prev.bbox[3] < h && cellsOf(prev).every((c) => isPeriodLabel(c.text)) && cellsOf(prev)[0].x0 > cellsOf(first)[0].x1) {
    header.unshift(prev);
  }
  let i = at + 1;
  const gutter = defaultGutter([first.words as Word[]]);
  const width = first.bbox[2] - first.bbox[0];
  for (; i < lines.length; i++) {
    const l = lines[i];
    const above = header[header.length - 1];
    if (l.page !== first.page || l.bbox[1] - above.bbox[3] > h * 1.2 || hasBodyNumber(l)) break;
    // More phrases than the heading row has columns (a name column heading to its left aside): a row.
    const phrases = splitPhrases(l.words, gutter).filter((p) => p[0].bbox[0] >= first.bbox[0] - gutter);
    if (phrases.length > Math.max(splitPhrases(first.words, gutter).length, 2)) break;
    // A row whose values are all words starts at the left edge; a heading continuation rarely does
    // unless it is the name column's own heading ("Measure" under a period line).
    // A line of words starting where the header already starts (under the name column's heading) is a
    // row whose values are all words; one starting further left is the name column's own heading.
    const left = Math.min(...header.map((x) => cellsOf(x)[0].x0));
    if (cellsOf(l).length > 1 && Math.abs(cellsOf(l)[0].x0 - left) < gutter) break;
    header.push(l);
  }
  const body: LayoutLine[] = [];
  for (; i < lines.length; i++) {
    const l = lines[i];
    const above = body[body.length - 1] ?? header[header.length - 1];
    if (l.page !== first.page || l.bbox[1] - above.bbox[3] > h * 2.5 || l.bbox[1] < above.bbox[1]) break;
    if (isScoreHeader(l) || LEGEND_LINE.test(l.text) || isShouting(l)) break;
    if (cellsOf(l).length === 1 && l.bbox[2] - l.bbox[0] > width * 0.5 && !hasBodyNumber(l)) break;
    body.push(l);
  }
  return { header, body };
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

