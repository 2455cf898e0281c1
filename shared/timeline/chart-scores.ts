// Score trends across years, one measure at a time: every administration of a measure across
// years and instruments (a subtest by its canonical name, so "Letter & Word Recognition" on the
// KTEA-3 and "Word Reading" on the WIAT-4 are one measure), its standing against peers (standard or
// scaled score with the confidence interval where printed, else percentile rank) kept apart from
// its raw or scale scores (which grow as any child grows), and state assessment levels beside them.
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { Provenance, TestScore } from '../domain';
import { formatDisplayDate } from '../text/dates';
import { PALETTE, normalizeTestName } from './chart';

/** Scores that place the child among peers: they fall when the child grows less than peers do. */
const STANDING_TYPES = new Set(['standard_score', 'scaled_score', 't_score', 'percentile']);
/** Scores on the test's own growing scale: they rise with any growth at all. */
const GROWTH_TYPES = new Set(['raw_score', 'scale_score', 'wcpm', 'composite_score']);

export type ScoreKind = 'standing' | 'growth' | 'other';

export function scoreKind(scoreType: string | null): ScoreKind {
  if (!scoreType) return 'other';
  return STANDING_TYPES.has(scoreType) ? 'standing' : GROWTH_TYPES.has(scoreType) ? 'growth' : 'other';
}

export interface MeasureAdministration {
  date: string;
  test: string;
  subtest: string;
  scoreType: string | null;
  kind: ScoreKind;
  score: number | null;
  percentile: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  level: string | null;
  source: Provenance;
}

export interface MeasureTrend {
  key: string;
  /** The measure's name: its canonical name when the vocabulary knows one, else the subtest as printed. */
  measure: string;
  /** Tests it was given on, as named (forms stripped), in date order. */
  instruments: string[];
  administrations: MeasureAdministration[];
}

type ScoreLike = Pick<TestScore, 'test' | 'subtest' | 'date' | 'scoreType' | 'score' | 'percentile' | 'level' | 'ciLow' | 'ciHigh' | 'source'> & { alias?: string | null };

/** Dated scores grouped per measure, oldest first; measures in order of their first administration. */
export function measureTrends(scores: ScoreLike[]): MeasureTrend[] {
  const groups = new Map<string, MeasureTrend>();
  for (const s of scores) {
    if (!s.date) continue;
    const measure = (s.alias ?? s.subtest).trim();
    const key = s.alias ? `alias:${s.alias.toLowerCase().trim()}` : `${normalizeTestName(s.test).toLowerCase()}|${s.subtest.toLowerCase().trim()}`;
    const group = groups.get(key) ?? { key, measure, instruments: [], administrations: [] };
    group.administrations.push({
      date: s.date, test: normalizeTestName(s.test), subtest: s.subtest.trim(), scoreType: s.scoreType, kind: scoreKind(s.scoreType),
      score: s.score, percentile: s.percentile, ciLow: s.ciLow, ciHigh: s.ciHigh, level: s.level, source: s.source,
    });
    groups.set(key, group);
  }
  const list = [...groups.values()];
  for (const g of list) {
    g.administrations.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    g.instruments = [...new Set(g.administrations.map((a) => a.test))];
  }
  return list.sort((a, b) => (a.administrations[0].date < b.administrations[0].date ? -1 : 1) || a.measure.localeCompare(b.measure));
}

export interface DatedScore {
  date: string;
  value: number;
  source: Provenance;
  label: string;
}

/**
 * The measure's standing over time: standard (or scaled) scores when given at least twice, drawn
 * with their printed confidence intervals and each point naming its percentile; else percentile ranks.
 */
export function standingSeries(trend: MeasureTrend): { what: 'percentile rank' | 'standard score'; points: DatedScore[] } {
  // One scale: standard scores (mean 100) and scaled scores (mean 10) never share a line.
  const scored = trend.administrations.filter((a) => a.kind === 'standing' && a.score != null && a.scoreType !== 'percentile');
  const standard = scored.filter((a) => a.scoreType === scored[0]?.scoreType);
  const percentiles = trend.administrations.filter((a) => a.percentile != null);
  if (standard.length >= 2 || !percentiles.length) {
    return {
      what: 'standard score',
      points: standard.map((a) => ({ date: a.date, value: a.score!, source: a.source, label: `${a.test}: ${(a.scoreType ?? '').replace(/_/g, ' ')} ${a.score}${ci(a)}${a.percentile != null ? `, ${a.percentile}th percentile` : ''}` })),
    };
  }
  return { what: 'percentile rank', points: percentiles.map((a) => ({ date: a.date, value: a.percentile!, source: a.source, label: `${a.test}: ${a.percentile}th percentile` })) };
}

/** The measure's raw or scale scores over time (one scale: the first growth score type seen). */
export function growthSeries(trend: MeasureTrend): { scoreType: string | null; points: DatedScore[] } {
  const growth = trend.administrations.filter((a) => a.kind === 'growth' && a.score != null);
  const scoreType = growth[0]?.scoreType ?? null;
  return { scoreType, points: growth.filter((a) => a.scoreType === scoreType).map((a) => ({ date: a.date, value: a.score!, source: a.source, label: `${a.test}: ${(scoreType ?? '').replace(/_/g, ' ')} ${a.score}${a.level ? ` (${a.level})` : ''}` })) };
}

function ci(a: MeasureAdministration): string {
  return a.ciLow != null && a.ciHigh != null ? ` (confidence interval ${a.ciLow}-${a.ciHigh})` : '';
}

const sourced = (p: DatedScore, name: string) => ({ value: [p.date, p.value] as [string, number], name, source: p.source });

/** One measure's chart: its standing on the left axis (with printed confidence intervals as bars), raw or scale scores on the right. */
export function measureChartOption(trend: MeasureTrend): EChartsOption {
  const standing = standingSeries(trend);
  const growth = growthSeries(trend);
  const series: LineSeriesOption[] = [];
  if (standing.points.length) {
    series.push({
      name: standing.what === 'percentile rank' ? 'Percentile rank' : 'Standard score',
      type: 'line', yAxisIndex: 0, color: PALETTE.blue, symbol: 'circle', symbolSize: 8, lineStyle: { width: 2, color: PALETTE.blue },
      data: standing.points.map((p) => sourced(p, `${trend.measure} on ${formatDisplayDate(p.date)} · ${p.label}`)),
      z: 3,
    });
    const intervals = standing.what === 'standard score' ? trend.administrations.filter((a) => a.ciLow != null && a.ciHigh != null && a.kind === 'standing') : [];
    if (intervals.length) {
      series.push({
        name: 'Confidence interval', type: 'line', yAxisIndex: 0, color: PALETTE.grey, symbol: 'none', connectNulls: false,
        lineStyle: { width: 3, color: PALETTE.grey, opacity: 0.6 },
        data: intervals.flatMap((a) => [{ value: [a.date, a.ciLow!] }, { value: [a.date, a.ciHigh!] }, null]) as LineSeriesOption['data'],
        tooltip: { show: false }, z: 2,
      });
    }
  }
  if (growth.points.length) {
    series.push({
      name: (growth.scoreType ?? 'score').replace(/_/g, ' '), type: 'line', yAxisIndex: 1, color: PALETTE.vermillion, symbol: 'rect', symbolSize: 8,
      lineStyle: { width: 2, type: 'dashed', color: PALETTE.vermillion },
      data: growth.points.map((p) => sourced(p, `${trend.measure} on ${formatDisplayDate(p.date)} · ${p.label}`)),
      z: 3,
    });
  }
  return {
    animation: false,
    aria: { enabled: true },
    backgroundColor: '#ffffff',
    title: { text: trend.measure, subtext: trend.instruments.join(', '), left: 'left', textStyle: { fontSize: 13, color: '#111' }, subtextStyle: { fontSize: 11, color: '#333' } },
    legend: { bottom: 0, textStyle: { fontSize: 10, color: '#111' } },
    grid: { left: 64, right: 72, top: 64, bottom: 40 },
    tooltip: { trigger: 'item', formatter: '{b}' },
    xAxis: { type: 'time', axisLabel: { color: '#333', fontSize: 10, hideOverlap: true }, splitLine: { show: false } },
    yAxis: [
      { type: 'value', name: standing.what, nameLocation: 'middle', nameGap: 40, scale: standing.what !== 'percentile rank', min: standing.what === 'percentile rank' ? 0 : undefined, max: standing.what === 'percentile rank' ? 100 : undefined, nameTextStyle: { color: '#333', fontSize: 10 }, axisLabel: { color: '#333', fontSize: 10 }, splitLine: { lineStyle: { color: '#e5e5e5' } } },
      { type: 'value', name: growth.points.length ? (growth.scoreType ?? '').replace(/_/g, ' ') : '', nameLocation: 'middle', nameGap: 48, scale: true, nameTextStyle: { color: '#333', fontSize: 10 }, axisLabel: { color: '#333', fontSize: 10 }, splitLine: { show: false } },
    ],
    series,
  };
}
