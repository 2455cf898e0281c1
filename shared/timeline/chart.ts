// ECharts options for goal and percentile charts. The same option object drives the chart in the
// renderer and the SVG the packet embeds (main/core/timeline/svg.ts), so both look the same.
// Conventions follow aimsweb/FastBridge progress-monitoring graphs: baseline point, aim line to the
// goal, data points joined within a phase, a trend line from 3 points, vertical phase lines at
// each IEP. Everything is plain data (no functions) so the option can cross IPC.
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from 'echarts';
import type { Provenance } from '../domain';
import { formatDisplayDate } from '../text/dates';
import type { ChartSegment, GoalChartData } from './chart-data';
import { valueAxisBounds } from './axis';
import { type Line, valueAt } from './stats';
import { verificationWords } from '../norms/orf';

/** Okabe-Ito palette: distinguishable with every common colour-vision deficiency and in greyscale print. */
export const PALETTE = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#7F7F7F',
} as const;

/** System fonts, unquoted: echarts' SVG output puts the family inside a double-quoted style attribute. */
const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

/** A data item the UI can open at its source on click (params.data.source). */
export interface SourcedItem {
  value: [string, number];
  name: string;
  source: Provenance | null;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) < 1 ? 2 : 1);
}

function item(date: string, value: number, name: string, source: Provenance | null): SourcedItem {
  return { value: [date, value], name, source };
}

function lineItems(line: Line, from: string, to: string): SourcedItem[] {
  return [item(from, round(valueAt(line, from)), '', null), item(to, round(valueAt(line, to)), '', null)];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The one-line summary under the title: rate of improvement against the rate needed, projection. */
export function progressSummary(segment: ChartSegment, unit: string | null): string {
  const u = unit ? ` ${unit}` : '';
  const { ratePerWeek, rateNeededPerWeek, projection } = segment.stats;
  const parts: string[] = [];
  if (ratePerWeek != null) parts.push(`Trend (Theil-Sen) ${ratePerWeek >= 0 ? '+' : ''}${fmt(ratePerWeek)}${u}/week`);
  else parts.push(`Trend needs 3 data points (${segment.points.length} so far)`);
  if (rateNeededPerWeek != null) parts.push(`needed ${rateNeededPerWeek >= 0 ? '+' : ''}${fmt(rateNeededPerWeek)}${u}/week`);
  if (projection) parts.push(projection.date ? `target met about ${formatDisplayDate(projection.date)} at this rate` : 'target not met at this rate');
  return parts.join(' · ');
}

/** The values measured or set (baselines, targets, data points): what the value axis must show. */
function measuredValues(data: GoalChartData): number[] {
  return data.segments.flatMap((s) => [s.baseline?.value, s.target?.value, ...s.points.map((p) => p.value)]).filter((v): v is number => typeof v === 'number');
}

/** Goal chart for a lineage: every year's phase side by side on one time axis. */
export function goalChartOption(data: GoalChartData): EChartsOption {
  const unit = data.unit;
  const u = unit ? ` ${unit}` : '';
  const series: Array<LineSeriesOption | ScatterSeriesOption> = [];
  const phaseLines = data.segments
    .filter((s) => s.phaseStart)
    .map((s) => ({ xAxis: s.phaseStart as string, label: { formatter: s.phaseLabel } }));
  data.segments.forEach((segment, index) => {
    const { baseline, target, points, stats } = segment;
    if (baseline && target) {
      series.push({
        name: 'Aim line',
        type: 'line',
        color: PALETTE.black,
        symbol: 'none',
        lineStyle: { color: PALETTE.black, type: 'dashed', width: 1.5 },
        data: [item(baseline.date, baseline.value, '', null), item(target.date, target.value, '', null)],
        tooltip: { show: false },
        z: 2,
        ...(index === 0 && phaseLines.length
          ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: PALETTE.grey, type: 'solid', width: 1 }, label: { position: 'insideEndTop', fontSize: 10, color: '#333' }, data: phaseLines } }
          : {}),
      });
    }
    if (baseline) {
      series.push({
        name: 'Baseline',
        type: 'scatter',
        color: PALETTE.orange,
        symbol: 'rect',
        symbolSize: 10,
        data: [item(baseline.date, baseline.value, `Baseline ${fmt(baseline.value)}${u}, ${formatDisplayDate(baseline.date)}${baseline.estimatedDate ? ' (date estimated)' : ''} · ${baseline.sourceLabel}`, baseline.source)],
        z: 4,
      });
    }
    if (target) {
      const previous = data.segments[index - 1]?.target;
      const carried = previous != null && previous.value === target.value;
      series.push({
        name: 'Goal target',
        type: 'scatter',
        color: PALETTE.purple,
        symbol: 'diamond',
        symbolSize: 13,
        label: { show: true, position: 'top', fontSize: 10, formatter: carried ? `${fmt(target.value)} again` : `Goal ${fmt(target.value)}` },
        data: [item(target.date, target.value, `Goal target ${fmt(target.value)}${u} by ${formatDisplayDate(target.date)}${carried ? ' — same target as the year before' : ''}`, null)],
        z: 4,
      });
      if (carried && previous) {
        series.push({
          name: 'Target carried forward',
          type: 'line',
          color: PALETTE.purple,
          symbol: 'none',
          lineStyle: { color: PALETTE.purple, type: 'dotted', width: 2 },
          data: [item(previous.date, previous.value, '', null), item(target.date, target.value, '', null)],
          tooltip: { show: false },
          z: 1,
        });
      }
    }
    if (points.length) {
      series.push({
        name: 'Progress data',
        type: 'line',
        color: PALETTE.blue,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { color: PALETTE.blue, width: 2 },
        data: points.map((p) => item(p.date, p.value, `${fmt(p.value)}${u} on ${formatDisplayDate(p.date)} · ${p.sourceLabel} p. ${p.source.page}`, p.source)),
        z: 5,
      });
    }
    if (stats.trend && points.length) {
      const to = target && target.date > points[points.length - 1].date ? target.date : points[points.length - 1].date;
      series.push({
        name: 'Trend (Theil-Sen)',
        type: 'line',
        color: PALETTE.vermillion,
        symbol: 'none',
        lineStyle: { color: PALETTE.vermillion, type: [8, 3, 2, 3], width: 2 },
        data: lineItems(stats.trend, points[0].date, to),
        tooltip: { show: false },
        z: 3,
      });
    }
  });
  series.push(...normSeries(data, u));
  const latest = data.segments[data.segments.length - 1];
  const omitted = data.omittedGoalIds.length;
  const lowerGrade = data.norms?.lowerGradeYears ?? [];
  const subtext = [
    latest ? progressSummary(latest, unit) : 'No goal data',
    omitted ? `${omitted} earlier ${omitted === 1 ? 'goal' : 'goals'} in another unit not charted` : '',
    lowerGrade.length ? `Peers' percentiles not drawn for ${lowerGrade.join(', ')}: measured on passages below grade level` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    animation: false,
    aria: { enabled: true },
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: data.title, subtext, left: 'left', textStyle: { fontSize: 14, color: '#111' }, subtextStyle: { fontSize: 11, color: '#333' } },
    legend: { bottom: 0, itemWidth: 22, textStyle: { fontSize: 11, color: '#111' } },
    grid: { left: 64, right: 48, top: 76, bottom: 56, containLabel: false },
    tooltip: { trigger: 'item', formatter: '{b}' },
    xAxis: { type: 'time', axisLabel: { color: '#333', fontSize: 10, hideOverlap: true }, splitLine: { show: false } },
    yAxis: { type: 'value', name: unit ?? '', nameLocation: 'middle', nameGap: 40, nameTextStyle: { color: '#333', fontSize: 11 }, axisLabel: { color: '#333', fontSize: 10 }, splitLine: { lineStyle: { color: '#e5e5e5' } }, scale: true, ...valueAxisBounds(unit, measuredValues(data)) },
    series,
  };
}

const NORM_LINE_TYPES: Record<number, 'solid' | 'dashed' | 'dotted'> = { 50: 'dashed' };
const ordinal = (p: number) => `${p}th`;

/**
 * Peers' percentile lines (light grey, the 50th dashed and darker) behind the child's data, each
 * point naming its grade, season, value, citation and verification tag; a line breaks between grades.
 */
export function normSeries(data: GoalChartData, u: string): LineSeriesOption[] {
  const norms = data.norms;
  if (!norms) return [];
  return norms.lines.map((line) => {
    const items: Array<SourcedItem | null> = [];
    line.points.forEach((p, i) => {
      if (i > 0 && line.points[i - 1].grade !== p.grade) items.push(null);
      const tag = verificationWords(p.verification);
      items.push(item(p.date, p.value, `Peers' ${ordinal(line.percentile)} percentile, grade ${p.grade}${p.gradeAssumed ? ' (assumed)' : ''} ${p.season}: ${fmt(p.value)}${u} (${norms.shortCitation}, ${tag})`, null));
    });
    const median = line.percentile === 50;
    return {
      // One legend entry for every line (their end labels name the percentile), toggling them together.
      name: `Peers' percentiles (${norms.shortCitation})`,
      type: 'line',
      color: median ? PALETTE.grey : '#b3b3b3',
      symbol: 'circle',
      symbolSize: 3,
      connectNulls: false,
      lineStyle: { color: median ? PALETTE.grey : '#b3b3b3', width: median ? 1.5 : 1, type: NORM_LINE_TYPES[line.percentile] ?? 'dotted' },
      endLabel: { show: true, formatter: ordinal(line.percentile), fontSize: 9, color: '#555' },
      data: items as LineSeriesOption['data'],
      z: 0,
    };
  });
}

/** Strips the form and edition markers that differ between administrations of the same test ("Form A"). */
export function normalizeTestName(test: string): string {
  return test
    .replace(/\bform\s+[a-z0-9]\b/gi, '')
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s,;:–-]+$/, '');
}

export interface PercentileScore {
  test: string;
  subtest: string;
  date: string | null;
  percentile: number | null;
  source: Provenance;
}

/** Percentile series per test and subtest, oldest first; only dated scores with a percentile. */
export function percentileSeries(scores: PercentileScore[]): Array<{ test: string; subtest: string; points: Array<PercentileScore & { date: string; percentile: number }> }> {
  const groups = new Map<string, { test: string; subtest: string; points: Array<PercentileScore & { date: string; percentile: number }> }>();
  for (const s of scores) {
    if (s.date == null || s.percentile == null) continue;
    const test = normalizeTestName(s.test);
    const key = `${test.toLowerCase()}|${s.subtest.toLowerCase().trim()}`;
    const group = groups.get(key) ?? { test, subtest: s.subtest.trim(), points: [] };
    group.points.push({ ...s, date: s.date, percentile: s.percentile });
    groups.set(key, group);
  }
  for (const g of groups.values()) g.points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return [...groups.values()];
}

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect', 'emptyTriangle'];
const SERIES_COLOURS = [PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.purple, PALETTE.orange, PALETTE.skyBlue, PALETTE.black];
const LINE_TYPES: Array<'solid' | 'dashed' | 'dotted'> = ['solid', 'dashed', 'dotted'];

/** Percentile ranks across years for each test and subtest, the 25th-75th band shaded as the average range. */
export function percentileChartOption(scores: PercentileScore[], title = 'Percentile ranks across years'): EChartsOption {
  const groups = percentileSeries(scores);
  const series: LineSeriesOption[] = groups.map((g, i) => ({
    name: `${g.test} — ${g.subtest}`,
    type: 'line',
    color: SERIES_COLOURS[i % SERIES_COLOURS.length],
    symbol: SYMBOLS[i % SYMBOLS.length],
    symbolSize: 8,
    lineStyle: { width: 2, type: LINE_TYPES[Math.floor(i / SERIES_COLOURS.length) % LINE_TYPES.length] },
    data: g.points.map((p) => item(p.date, p.percentile, `${g.test} ${g.subtest}: ${fmt(p.percentile)}th percentile on ${formatDisplayDate(p.date)}`, p.source)),
    ...(i === 0
      ? {
          markArea: { silent: true, itemStyle: { color: 'rgba(0,0,0,0.06)' }, label: { show: true, position: 'insideTopLeft', fontSize: 10, color: '#555' }, data: [[{ yAxis: 25, name: 'Average range (25th–75th)' }, { yAxis: 75 }]] },
          markLine: { silent: true, symbol: 'none', lineStyle: { color: PALETTE.grey, type: 'dashed' }, label: { formatter: '50th', position: 'insideEndTop', fontSize: 10, color: '#555' }, data: [{ yAxis: 50 }] },
        }
      : {}),
  }));
  return {
    animation: false,
    aria: { enabled: true },
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: title, left: 'left', textStyle: { fontSize: 14, color: '#111' } },
    legend: { type: 'plain', bottom: 0, textStyle: { fontSize: 10, color: '#111' } },
    grid: { left: 48, right: 24, top: 48, bottom: 24 + 18 * Math.ceil(groups.length / 2), containLabel: false },
    tooltip: { trigger: 'item', formatter: '{b}' },
    xAxis: { type: 'time', axisLabel: { color: '#333', fontSize: 10, hideOverlap: true }, splitLine: { show: false } },
    yAxis: { type: 'value', min: 0, max: 100, name: 'percentile', nameLocation: 'middle', nameGap: 32, nameTextStyle: { color: '#333', fontSize: 11 }, axisLabel: { color: '#333', fontSize: 10 }, splitLine: { lineStyle: { color: '#e5e5e5' } } },
    series,
  };
}
