// Test scores from score reports and evaluations: tables of subtests with score, percentile,
// confidence interval and descriptor (column roles read from the headings), and scores written in
// prose (scores-prose.ts). Each score keeps the box of its row or sentence.
import type { PageContent, TestScore } from '../../../shared/domain';
import { findDates, parseDate } from '../../../shared/text/dates';
import { buildLayout, provenanceOf, runOf, type Layout, type LayoutLine, type PlacedWord } from './layout';
import { canonicalSubtest, scoresFromProse } from './scores-prose';

export { canonicalSubtest };
import { isPageFurniture, readTable, tableBelow, type TableRow } from './tables';

/** Score column headings, most specific first, with the score type each names. */
const SCORE_TYPES: Array<[RegExp, string]> = [
  [/standard\s+score|\bSS\b|composite\s+score|index\s+score/i, 'standard_score'],
  [/scaled\s+score|\bScS\b/i, 'scaled_score'],
  [/scale\s+score/i, 'scale_score'],
  [/\bT[- ]?score/i, 't_score'],
  [/\bRIT\b/i, 'rit'],
  [/lexile/i, 'lexile'],
  [/\bW[- ]?score\b/i, 'w_score'],
  [/z[- ]score/i, 'z_score'],
  [/stanine/i, 'stanine'],
  [/(?:overall\s+)?score|result/i, 'score'],
  [/raw/i, 'raw_score'],
  [/grade\s+equiv|\bGE\b/i, 'grade_equivalent'],
  [/age\s+equiv|\bAE\b/i, 'age_equivalent'],
];
const PERCENTILE = /percentile|%ile|\bPR\b|\bNPR\b/i;
const CI = /confidence|\bCI\b|interval|band/i;
const LEVEL = /descript|categor|classif|level|status|range|qualitative|performance|proficien|benchmark|interpretation|quintile|achievement/i;
const DATE = /date|administered|tested/i;
const NAME = /subtest|subject|measure|test|area|index|composite|domain|scale|cluster|skill|content|assessment|battery|component|strand/i;
const TEST_COL = /^(?:test|assessment|instrument|battery)(?:\s+name)?$/i;

export function extractTestScores(pages: PageContent[], documentId: string): TestScore[] {
  const layout = buildLayout(pages);
  const lines = layout.lines.filter((l) => !isPageFurniture(l));
  const scores: TestScore[] = [];
  const used = new Set<LayoutLine>();
  for (let i = 0; i < lines.length; i++) {
    if (!isScoreHeader(lines[i])) continue;
    const pageLines = lines.filter((l) => l.page === lines[i].page);
    const at = pageLines.indexOf(lines[i]);
    const { headerLines, body, end } = tableBelow(pageLines.map((l) => l.words), at, (words) => isScoreHeader(pageLines.find((l) => l.words === words)!));
    if (body.length === 0) continue;
    const context = contextAbove(pageLines, at);
    scores.push(...scoresFromTable(headerLines, body, context, documentId, scores.length));
    for (let k = at; k < end; k++) used.add(pageLines[k]);
  }
  const prose = scoresFromProse(lines.filter((l) => !used.has(l)), documentId, documentDate(layout));
  for (const p of prose) {
    const dup = scores.some((s) => s.subtest.toLowerCase() === p.subtest.toLowerCase() && s.score === p.score && s.date === p.date);
    if (!dup) scores.push({ ...p, key: `score-${scores.length + 1}` });
  }
  return scores;
}

function isScoreHeader(line: LayoutLine): boolean {
  // A heading row names columns; a data row has bare numbers or dates in its cells.
  if (line.cells.length < 2 || findDates(line.text).length > 0 || line.cells.some((c) => /^[<>]?\d+(?:\.\d+)?$/.test(c.text.trim()))) return false;
  const hasScore = line.cells.some((c) => SCORE_TYPES.some(([re]) => re.test(c.text)) || PERCENTILE.test(c.text));
  return hasScore && line.cells.length >= 2 && (NAME.test(line.cells[0].text) || line.cells.length >= 3);
}

interface TableContext { test: string | null; date: string | null }

/** The table's test (the heading above it) and date ("Administered 09/21/2022") from the lines above. */
function contextAbove(lines: LayoutLine[], headerAt: number): TableContext {
  let test: string | null = null;
  let date: string | null = null;
  for (let k = headerAt - 1; k >= Math.max(0, headerAt - 6); k--) {
    const line = lines[k];
    if (!date && /administer|tested|test(?:ing)?\s+date|date\s+of\s+(?:testing|assessment|evaluation)|assessment\s+date|given\s+on/i.test(line.text)) date = parseDate(line.text);
    if (!test && (line.isHeading || /^(?:test|assessment|instrument)\s*:/i.test(line.text))) {
      test = testNameFromHeading(line.text);
      break;
    }
  }
  return { test, date };
}

/** "NORM-REFERENCED ACHIEVEMENT TEST - KTEA-3 COMPREHENSIVE, FORM A" -> "KTEA-3 Comprehensive, Form A". */
export function testNameFromHeading(text: string): string {
  let t = text.replace(/^(?:test|assessment|instrument)\s*:\s*/i, '').trim();
  // "STATE ASSESSMENT - CAASPP ...", "NWEA MAP GROWTH - STUDENT PROFILE": the part naming a test.
  const parts = t.split(/\s+[-–—:]\s+/);
  const named = parts.find((p) => p.split(/\s+/).some((w) => ACRONYM_HINT.test(w) || /^[A-Z]+-(?:\d+|[IVX]+)\b/.test(w)));
  if (named) t = named;
  else if (parts.length > 1) t = parts.slice(1).join(' - ');
  t = t.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return t
    .split(/\s+/)
    .map((w) => (/\d/.test(w) || ACRONYM_HINT.test(w) || (text === text.toUpperCase() ? false : /^[A-Z]{2,}$/.test(w)) ? w : titleWord(w)))
    .join(' ');
}

const ACRONYM_HINT = /^(?:CAASPP|KTEA|WISC|WIAT|WJ|CELF|CTOPP|BASC|DIBELS|NWEA|MAP|STAR|SBAC|PARCC|MAAP|DLM|ELPAC|IQ|ORF|RIT|GORT|TOWL|PPVT|EVT|KABC|DAS|NNAT|COGAT|ITBS|TOWRE|STAAR|FAST|MCAS|LEAP|ILEARN|NJSLA|EOC|ELA|MSAA|ACT|SAT|PSAT|I-READY)\b/i;
const titleWord = (w: string) => (w.length <= 1 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1).toLowerCase());

function scoresFromTable(headerLines: PlacedWord[][], body: PlacedWord[][], context: TableContext, documentId: string, offset: number): TestScore[] {
  const table = readTable(body, { headerLines });
  const labels = table.columns.map((c) => c.label ?? '');
  const find = (re: RegExp, skip: number[] = []) => labels.findIndex((l, i) => !skip.includes(i) && re.test(l));
  const testCol = labels.findIndex((l) => TEST_COL.test(l.trim()));
  const nameCol = labels.findIndex((l, i) => i !== testCol && NAME.test(l) && !SCORE_TYPES.some(([re]) => re.test(l)));
  const name = nameCol >= 0 ? nameCol : testCol === 0 ? 1 : 0;
  const dateCol = find(DATE, [name]);
  const pctCol = find(PERCENTILE, [name]);
  const ciCol = find(CI, [name, pctCol]);
  let scoreCol = -1;
  let scoreType: string | null = null;
  for (const [re, type] of SCORE_TYPES) {
    const i = labels.findIndex((l, k) => ![name, pctCol, ciCol, dateCol, testCol].includes(k) && re.test(l) && !LEVEL_ONLY.test(l));
    if (i >= 0) { scoreCol = i; scoreType = type; break; }
  }
  const levelCol = labels.findIndex((l, k) => ![name, pctCol, ciCol, dateCol, scoreCol, testCol].includes(k) && LEVEL.test(l));
  const out: TestScore[] = [];
  (table.rows as Array<TableRow<PlacedWord>>).forEach((row) => {
    const cell = (i: number) => (i >= 0 ? row.cells[i].text.trim() : '');
    const scoreText = cell(scoreCol);
    const score = numberIn(scoreText);
    const percentile = numberIn(cell(pctCol));
    const subtest = canonicalSubtest(cell(name));
    if ((score === null && percentile === null) || !subtest || /^(?:total|note)/i.test(subtest) && score === null) return;
    const ci = /(\d+(?:\.\d+)?)\s*[-–—]\s*(\d+(?:\.\d+)?)/.exec(cell(ciCol));
    out.push({
      key: `score-${offset + out.length + 1}`,
      test: (testCol >= 0 && cell(testCol)) || context.test || 'Unknown test',
      subtest,
      date: (dateCol >= 0 ? parseDate(cell(dateCol)) : null) ?? context.date,
      scoreType: score === null ? 'percentile_rank' : typeFromUnit(scoreText) ?? scoreType,
      score: score ?? percentile,
      percentile,
      level: cell(levelCol) || null,
      ciLow: ci ? Number(ci[1]) : null,
      ciHigh: ci ? Number(ci[2]) : null,
      source: provenanceOf(documentId, runOf(row.words)),
      confidence: context.test && (dateCol >= 0 || context.date) ? 0.9 : 0.7,
    });
  });
  return out;
}

const LEVEL_ONLY = /level|status|category|descript/i;

function numberIn(text: string): number | null {
  const m = /^[<>≤≥]?\s*(\d+(?:\.\d+)?)/.exec(text.replace(/,(?=\d{3}\b)/g, ''));
  return m ? Number(m[1]) : null;
}

function typeFromUnit(text: string): string | null {
  if (/\bWCPM\b|\bCWPM\b|words\s+correct/i.test(text)) return 'wcpm';
  if (/^\d+\s*L\b/.test(text)) return 'lexile';
  return null;
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
