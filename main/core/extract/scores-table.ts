// One score table read in whatever orientation it is printed: a row per measure with score,
// percentile, interval and descriptor columns; a history with a date column; a grid with one column
// per period (BOY/MOY/EOY, Fall/Winter/Spring, "Assessed 09/19/2023") whose cells hold a score and a
// status word; a comparison with a column group per year or administration. Each column gets a role
// (from its heading, checked against what its cells hold) and a group (the period its heading names);
// every group of a row gives one score.
import type { TestScore } from '../../../shared/domain';
import { findDates, parseDate } from '../../../shared/text/dates';
import { provenanceOf, runOf, type PlacedWord } from './layout';
import { bonusCheck, confidenceOf } from './confidence';
import type { Column, TableRow } from '../layout/line-tables';
import { dateFor, testNameIn, type ScoreContext } from './scores-context';
import { COLUMN_HEADINGS, GENERIC_SCORE_HEADING, LEVEL_ONLY, NOT_A_MEASURE, NOT_ASSESSED, PERIOD_LABELS, ROW_SCORE_TYPES, SCORE_TYPE_HEADINGS, SECONDARY_SCORE_HEADING } from './vocab/scores';
import { cleanMeasureName, measureAlias } from './scores-prose';

/** A score as the readers give it: its alias always decided (vocab/scores.ts MEASURE_ALIASES), null when none. */
export interface ReadScore extends TestScore {
  alias: string | null;
}

type Role = 'name' | 'test' | 'date' | 'score' | 'percentile' | 'ci' | 'level' | 'change' | 'kind' | 'other';

interface Group { key: string; label: string; year: number | null; date: string | null }

interface RoledColumn { role: Role; scoreType: string | null; group: Group | null }

const NUMBER = /^[<>≤≥]?\s*\d[\d,]*(?:\.\d+)?\s*%?$/;
const RANGE = /^\(?\s*\d+(?:\.\d+)?\s*[-–—]\s*\d+(?:\.\d+)?\s*\)?$/;
const UNIT_WORDS = /^(?:%|wcpm|cwpm|wpm|words?(?:\s+correct)?|L|pts?|points?|correct|raw|SS|PR)$/i;

/** The period a column heading names ("Beginning of Year (BOY) Assessed 09/19/2023", "2021 SS"), or null. */
export function periodOf(label: string): Group | null {
  const date = findDates(label)[0] ?? null;
  const match = PERIOD_LABELS.find((p) => p.re.test(label));
  if (!match && !date) return null;
  const year = date ? Number(date.iso.slice(0, 4)) : /\b((?:19|20)\d{2})\b/.exec(label) ? Number(/\b((?:19|20)\d{2})\b/.exec(label)![1]) : null;
  const key = match?.key ?? 'date';
  return { key: key === 'year' ? `year` : key, label, year, date: date?.iso ?? null };
}

export const isPeriodLabel = (text: string): boolean => PERIOD_LABELS.some((p) => p.re.test(text)) || findDates(text).length > 0;

function roleOf(label: string, cells: string[]): RoledColumn {
  // A cell saying the measure was not given tells nothing about what the column holds.
  const filled = cells.filter((c) => c.trim() && !isNotAssessed(c));
  const share = (re: RegExp) => (filled.length ? filled.filter((c) => re.test(c.trim())).length / filled.length : 0);
  const startsWithNumber = share(/^[<>≤≥]?\s*\d/);
  const group = periodOf(label);
  const scoreType = SCORE_TYPE_HEADINGS.find((t) => t.re.test(label) && !(t.type === 'score' && COLUMN_HEADINGS.change.test(label)))?.type ?? null;
  if (COLUMN_HEADINGS.change.test(label)) return { role: 'change', scoreType: null, group: null };
  // A column whose cells name each row's score type ("SS", "ScS", "T"), whatever its heading.
  if (filled.length >= 2 && filled.every((c) => rowScoreType(c) !== null)) return { role: 'kind', scoreType: null, group: null };
  if (COLUMN_HEADINGS.date.test(label) && share(/\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}/) >= 0.5) return { role: 'date', scoreType: null, group: null };
  if (COLUMN_HEADINGS.percentile.test(label) && !(scoreType && scoreType !== 'score' && label.search(COLUMN_HEADINGS.percentile) > label.search(SCORE_TYPE_HEADINGS.find((t) => t.type === scoreType)!.re))) {
    return { role: 'percentile', scoreType: null, group };
  }
  if (COLUMN_HEADINGS.ci.test(label) && (share(RANGE) >= 0.5 || filled.length === 0)) return { role: 'ci', scoreType: null, group };
  if (scoreType && !LEVEL_ONLY.test(label) && startsWithNumber >= 0.3) return { role: 'score', scoreType, group };
  if (COLUMN_HEADINGS.test.test(label.trim())) return { role: 'test', scoreType: null, group: null };
  if (COLUMN_HEADINGS.level.test(label) && startsWithNumber < 0.5) return { role: 'level', scoreType: null, group };
  if (group && startsWithNumber >= 0.3) return { role: 'score', scoreType: null, group };
  if (COLUMN_HEADINGS.name.test(label) && startsWithNumber < 0.5) return { role: 'name', scoreType: null, group: null };
  return { role: 'other', scoreType, group };
}

export function scoresFromTable(columns: Column[], rows: Array<TableRow<PlacedWord>>, ctx: ScoreContext, documentId: string): ReadScore[] {
  const texts = (i: number) => rows.map((r) => r.cells[i]?.text ?? '');
  const roles = columns.map((c, i) => roleOf(c.label ?? '', texts(i)));
  // A column saying which administration a row is (BOY, "Fall 2023") makes the table a history of one measure.
  const administration = columns.map((c, i) => COLUMN_HEADINGS.administration.test((c.label ?? '').trim()) || mostlyPeriods(texts(i)));
  const names = roles.map((r, i) => (r.role === 'name' && !administration[i] ? i : -1)).filter((i) => i >= 0);
  const tests = roles.map((r, i) => (r.role === 'test' ? i : -1)).filter((i) => i >= 0);
  // A first column headed "Test" holds the measures when no other column does.
  let nameCol = names[0] ?? -1;
  let testCol = tests[0] ?? -1;
  if (nameCol < 0 && testCol >= 0) { nameCol = testCol; testCol = -1; }
  if (nameCol < 0) nameCol = roles.findIndex((r, i) => !['date', 'score', 'percentile', 'ci', 'level', 'change', 'kind'].includes(r.role) && !administration[i]);
  const dateCol = roles.findIndex((r) => r.role === 'date');
  const kindCol = roles.findIndex((r) => r.role === 'kind');
  // A history's measure: the score column's own heading unless it only says "Score", else the test.
  const scoreLabel = (columns[roles.findIndex((r) => r.role === 'score')]?.label ?? '').trim();
  const historyMeasure = scoreLabel && !GENERIC_SCORE_HEADING.test(scoreLabel) ? scoreLabel : (ctx.test ?? '');

  // Column groups: one per period named in the headings; columns with no period serve every group
  // when there is only one.
  const keyOf = (g: Group | null) => (g ? `${g.key}|${g.year ?? ''}|${g.date ?? ''}` : '');
  const groupKeys = [...new Set(roles.filter((r) => r.role === 'score' || r.role === 'percentile').map((r) => keyOf(r.group)))];
  // Of several score columns in a group, the main one: not a raw score, a sum or an equivalent beside it.
  const first = (ok: (r: RoledColumn) => boolean, role: Role) => {
    const all = roles.map((r, i) => (r.role === role && ok(r) ? i : -1)).filter((i) => i >= 0);
    return (role === 'score' ? all.find((i) => !SECONDARY_SCORE_HEADING.test((columns[i].label ?? '').trim())) : undefined) ?? all[0] ?? -1;
  };
  const pick = (role: Role, key: string) => {
    const own = first((r) => keyOf(r.group) === key, role);
    if (own >= 0 || groupKeys.length > 1) return own;
    return first(() => true, role);
  };
  const groups = groupKeys.map((key) => ({
    group: roles.find((r) => keyOf(r.group) === key)?.group ?? null,
    score: pick('score', key),
    percentile: pick('percentile', key),
    ci: pick('ci', key),
    level: pick('level', key),
  }));

  const out: ReadScore[] = [];
  for (const row of rows) {
    const cell = (i: number) => (i >= 0 ? (row.cells[i]?.text ?? '').trim() : '');
    const printed = nameCol >= 0 ? cell(nameCol) : historyMeasure;
    if (!/[A-Za-z]{2}/.test(printed) || NOT_A_MEASURE.test(printed) || /^(?:total|note)s?\b/i.test(printed) && !groups.some((g) => NUMBER.test(cell(g.score)))) continue;
    // "WIAT-4 Total Reading Composite": the test printed in front of the measure.
    const named = testNameIn(printed);
    const prefixTest = named && named.index === 0 && printed.slice(named.end).trim() ? named.name : null;
    const measure = prefixTest ? printed.slice(named!.end).replace(/^[\s:,–—-]+/, '') : printed;
    const test = cell(testCol) || prefixTest || ctx.test || 'Unknown test';
    const subtest = cleanMeasureName(measure);
    if (!subtest) continue;
    for (const g of groups) {
      const scoreText = cell(g.score);
      const value = leadingNumber(scoreText);
      if (value === null && isNotAssessed(scoreText)) continue;
      // "SS (PR)" over "85 (16)": the number in brackets is the percentile.
      const percentile = leadingNumber(cell(g.percentile)) ?? (PERCENTILE_IN_BRACKETS.test(columns[g.score]?.label ?? '') ? bracketedNumber(scoreText) : null);
      if (value === null && percentile === null) continue;
      const rest = value === null ? '' : scoreText.replace(/^[<>≤≥]?\s*\d[\d,]*(?:\.\d+)?\s*%?/, '').trim();
      const ci = /(\d+(?:\.\d+)?)\s*[-–—]\s*(\d+(?:\.\d+)?)/.exec(cell(g.ci) || rest);
      const levelInCell = rest.replace(/\([^)]*\)/g, '').trim();
      const level = cell(g.level) || (/[A-Za-z]{3}/.test(levelInCell) && !UNIT_WORDS.test(levelInCell) ? levelInCell : '');
      const date = parseDate(cell(dateCol)) ?? g.group?.date ?? dateFor(ctx, test, g.group);
      const scoreType = value === null ? 'percentile_rank' : typeOfValue(scoreText, printed) ?? rowScoreType(cell(kindCol)) ?? roles[g.score]?.scoreType ?? 'score';
      out.push({
        key: '',
        test,
        subtest,
        alias: measureAlias(subtest),
        date,
        scoreType,
        score: value ?? percentile,
        percentile,
        level: level || null,
        ciLow: ci ? Number(ci[1]) : null,
        ciHigh: ci ? Number(ci[2]) : null,
        source: provenanceOf(documentId, runOf(row.words)),
        ...confidenceOf({
          words: row.words,
          foundBy: 'table',
          checks: [
            { ok: test !== 'Unknown test', yes: 'test named', no: 'no test named', miss: 0.85 },
            { ok: date !== null, yes: 'dated', no: 'no date', miss: 0.9 },
            bonusCheck(roles[g.score]?.scoreType !== undefined, 'score type from the column header'),
          ],
        }),
      });
    }
  }
  return out;
}

/** A score column's heading naming the percentile printed in brackets after each score ("SS (PR)"). */
const PERCENTILE_IN_BRACKETS = new RegExp(`\\([^)]*(?:${COLUMN_HEADINGS.percentile.source})[^)]*\\)`, 'i');
function bracketedNumber(text: string): number | null {
  const m = /\(\s*[<>≤≥]?\s*(\d+(?:\.\d+)?)\s*\)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** The score type a row's own cell names ("SS", "ScS", "T"), or null. */
const rowScoreType = (text: string): string | null => ROW_SCORE_TYPES.find((t) => t.re.test(text.trim()))?.type ?? null;

function mostlyPeriods(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.filter((c) => PERIOD_LABELS.some((p) => p.key !== 'year' && p.re.test(c)) && !/\d{3}/.test(c.replace(/\b(?:19|20)\d{2}\b/g, ''))).length / filled.length >= 0.6;
}

const isNotAssessed = (text: string) => NOT_ASSESSED.test(text.trim()) || NOT_ASSESSED.test(text.trim().split(/\s+/)[0] ?? '');

function leadingNumber(text: string): number | null {
  const m = /^[<>≤≥]?\s*(\d+(?:\.\d+)?)/.exec(text.replace(/,(?=\d{3}\b)/g, '').trim());
  return m ? Number(m[1]) : null;
}

/** A score type the value or the measure's own name states ("63 WCPM", "91%", "(scaled)"). */
function typeOfValue(value: string, measure: string): string | null {
  if (/\bWCPM\b|\bCWPM\b|words\s+correct/i.test(value) || /words\s+correct|\bWCPM\b/i.test(measure)) return 'wcpm';
  if (/^\d+(?:\.\d+)?\s*%/.test(value.trim())) return 'percent';
  if (/^\d+\s*L\b/.test(value)) return 'lexile';
  if (/\(\s*scaled\s*\)/i.test(measure)) return 'scaled_score';
  if (/\(\s*standard\s*\)/i.test(measure)) return 'standard_score';
  return null;
}
