// Goal and percentile chart options from composed models, rendered to SVG without a browser and
// rasterised back (sharp/librsvg) to prove the SVG is well-formed and draws something.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../main/core/timeline/svg';
import { goalChartOption, percentileChartOption, progressSummary } from '../../../shared/timeline/chart';
import { lineageChartData } from '../../../shared/timeline/chart-data';
import { linkGoals } from '../../../shared/timeline/lineage';
import { resolveProgressGoals } from '../../../shared/timeline/model';
import { buildTimeline } from '../../../shared/timeline/timeline';
import { entry, goal, iep, model, report, score } from './support/build';

type Series = { name: string; data: Array<{ value: [string, number]; name: string; source: unknown }> };

function behaviourCase(values: Array<[string, number]>) {
  const k = iep('B1', { meetingDate: '2024-01-08', startDate: '2024-01-08', endDate: '2025-01-07' });
  k.goals = [goal('B1', k.documentId, 1, {
    area: 'Behavior & "self-control" <outbursts>',
    text: 'By 01/07/2025, Sam will reduce outbursts to no more than 2 per week.',
    baselineText: 'In December 2023 Sam averaged 12 outbursts per week.',
    baselineValue: 12, targetValue: 2, unit: 'outbursts/week', targetDate: '2025-01-07',
  })];
  const m = resolveProgressGoals(model({ ieps: [k], progressReports: [report('r1', '2024-06-01', [entry(1, 'P', 'Progressing', values, 'r1')])] }));
  return { m, lineage: linkGoals(m)[0] };
}

async function inkPixels(svg: string): Promise<number> {
  const { data, info } = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i] < 200) ink++;
  return ink;
}

describe('goal chart', () => {
  it('draws baseline, aim line down to the target, data with sources, and a trend from three points', async () => {
    const { m, lineage } = behaviourCase([['2024-02-05', 11], ['2024-03-04', 9], ['2024-04-01', 8], ['2024-04-29', 6]]);
    const data = lineageChartData(m, lineage);
    // "December 2023" in the baseline text dates the baseline mid-month.
    expect(data.segments[0].baseline).toMatchObject({ date: '2023-12-15', value: 12, estimatedDate: false });
    expect(data.segments[0].stats.ratePerWeek!).toBeLessThan(0);
    const option = goalChartOption(data);
    const series = option.series as Series[];
    expect(series.find((s) => s.name === 'Aim line')!.data.map((d) => d.value)).toEqual([['2023-12-15', 12], ['2025-01-07', 2]]);
    const points = series.find((s) => s.name === 'Progress data')!.data;
    expect(points.map((p) => p.source)).toEqual(m.progressReports[0].entries[0].dataPoints.map((p) => p.source));
    expect(points[0].name).toContain('11 outbursts/week on Feb 5, 2024');
    expect(series.some((s) => s.name === 'Trend (Theil-Sen)')).toBe(true);
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
    const svg = renderChartSvg(option, { width: 640, height: 320 });
    expect(svg).toMatch(/^<svg[^>]+width="640"[^>]+height="320"/);
    expect(svg).toMatch(/<path[^>]+d="M/);
    expect(svg).not.toContain('<image');
    expect(await inkPixels(svg)).toBeGreaterThan(2000);
  });

  it('waits for three points before drawing a trend and says so', () => {
    const { m, lineage } = behaviourCase([['2024-02-05', 11], ['2024-03-04', 9]]);
    const data = lineageChartData(m, lineage);
    const option = goalChartOption(data);
    expect((option.series as Series[]).some((s) => s.name === 'Trend (Theil-Sen)')).toBe(false);
    expect(progressSummary(data.segments[0], data.unit)).toContain('Trend needs 3 data points (2 so far)');
  });

  it('reports "target not met at this rate" when the trend runs the wrong way', () => {
    const { m, lineage } = behaviourCase([['2024-02-05', 11], ['2024-03-04', 12], ['2024-04-01', 13]]);
    const data = lineageChartData(m, lineage);
    expect(data.segments[0].stats.projection).toEqual({ date: null, label: 'not at this rate' });
    expect(progressSummary(data.segments[0], data.unit)).toContain('target not met at this rate');
  });
});

describe('percentile chart', () => {
  it('puts forms of one test on one line and renders as vectors', async () => {
    const scores = [
      score('a', 'Woodcock-Johnson IV (Form A)', 'Broad Reading', '2021-10-01', 21),
      score('b', 'Woodcock-Johnson IV Form B', 'Broad Reading', '2023-10-01', 12),
      score('b', 'Woodcock-Johnson IV Form B', 'Math Calculation', '2023-10-01', 45),
      { ...score('c', 'i-Ready', 'Reading', '2024-01-10', 0), percentile: null },
    ];
    const option = percentileChartOption(scores);
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['Woodcock-Johnson IV — Broad Reading', 'Woodcock-Johnson IV — Math Calculation']);
    expect(series[0].data.map((d) => d.value)).toEqual([['2021-10-01', 21], ['2023-10-01', 12]]);
    const svg = renderChartSvg(option, { width: 600, height: 360 });
    expect(svg).not.toContain('<image');
    expect(await inkPixels(svg)).toBeGreaterThan(1000);
  });
});

describe('timeline', () => {
  it('draws an amendment inside its annual IEP period and lists items in date order', () => {
    const a = iep('T1', { meetingDate: '2023-03-01', startDate: '2023-03-01', endDate: '2024-02-29' });
    const am = iep('TA', { type: 'amendment', meetingDate: '2023-06-01', startDate: '2023-06-01' });
    const b = iep('T2', { meetingDate: '2024-02-20', startDate: '2024-02-20', endDate: '2025-02-19' });
    a.goals = [goal('T1', a.documentId, 1, { area: 'Math', text: 'By 02/29/2024, Ana will add fractions with like denominators with 80% accuracy.', targetValue: 80, unit: '%' })];
    const m = resolveProgressGoals(model({
      ieps: [b, am, a],
      progressReports: [report('r', '2023-11-01', [entry(1, 'P', null, [['2023-10-20', 55]], 'r')])],
    }));
    m.documents.push({ id: 'mail', fileName: 'Email to principal.eml', type: 'correspondence', date: '2023-09-05' });
    const timeline = buildTimeline(m, linkGoals(m));
    expect(timeline.bands.map((band) => [band.iepId, band.kind, band.start, band.end])).toEqual([
      ['T1', 'annual', '2023-03-01', '2024-02-20'],
      ['TA', 'amendment', '2023-06-01', '2024-02-20'],
      ['T2', 'annual', '2024-02-20', '2025-02-19'],
    ]);
    const goalRow = timeline.rows.find((r) => r.kind === 'lineage')!;
    expect(goalRow.items.map((i) => i.kind)).toEqual(['goal', 'data_point']);
    expect(goalRow.items[1]).toMatchObject({ value: 55, documentId: 'r', goalId: 'T1#G1' });
    expect(timeline.rows.find((r) => r.kind === 'correspondence')!.items[0].source).toEqual({ documentId: 'mail', page: 1, bbox: null });
    expect([timeline.start, timeline.end]).toEqual(['2023-03-01', '2025-02-19']);
  });
});
