// Score trends across years on generated series: measures grouped across instruments by their
// canonical name, standing kept apart from raw/scale scores, and score_gap_widening when scale or
// raw scores rise while percentile ranks or standard scores fall beyond test error, never on a
// small wobble, a single year, or scores that rise together.
import { describe, expect, it } from 'vitest';
import type { TestScore } from '../../../shared/domain';
import { growthSeries, measureChartOption, measureTrends, standingSeries } from '../../../shared/timeline/chart-scores';
import { computeRedFlags } from '../../../shared/timeline/flags';
import type { CaseTestScore } from '../../../shared/timeline/model';
import { model, src } from './support/build';

function s(test: string, subtest: string, date: string, fields: Partial<TestScore>, doc = `doc-${date}`): CaseTestScore {
  return {
    key: `${test}|${subtest}|${date}`, documentId: doc, test, subtest, date, scoreType: 'scale_score', score: null, percentile: null,
    level: null, ciLow: null, ciHigh: null, source: src(doc, 3), confidence: 1, ...fields,
  };
}

/** A state test over the given years: scale scores and percentile ranks side by side on one row. */
function stateSeries(scale: number[], percentiles: number[]): CaseTestScore[] {
  return scale.map((v, i) => s('State Summative', 'English Language Arts', `${2022 + i}-05-10`, { score: v, percentile: percentiles[i], level: i ? 'Standard Not Met' : 'Standard Nearly Met' }));
}

const flagsOf = (scores: CaseTestScore[]) => computeRedFlags(model({ testScores: scores }), []).filter((f) => f.type === 'score_gap_widening');

describe('measure trends', () => {
  it('groups one measure across instruments and keeps standing apart from raw scores', () => {
    const scores = [
      s('KTEA-3, Form A', 'Letter & Word Recognition', '2021-10-01', { scoreType: 'standard_score', score: 82, percentile: 12, ciLow: 76, ciHigh: 88, alias: 'Word Reading' }),
      s('WIAT-4', 'Word Reading', '2024-04-09', { scoreType: 'standard_score', score: 76, percentile: 5, ciLow: 70, ciHigh: 82, alias: 'Word Reading' }),
      s('Benchmark', 'Words Correct', '2023-09-01', { scoreType: 'wcpm', score: 50 }),
      s('Benchmark', 'Words Correct', '2024-05-01', { scoreType: 'wcpm', score: 61 }),
    ];
    const trends = measureTrends(scores);
    const word = trends.find((t) => t.measure === 'Word Reading')!;
    expect(word.instruments).toEqual(['KTEA-3', 'WIAT-4']);
    expect(standingSeries(word).points.map((p) => p.value)).toEqual([82, 76]);
    expect(standingSeries(word).points[0].label).toBe('KTEA-3: standard score 82 (confidence interval 76-88), 12th percentile');
    expect(growthSeries(word).points).toEqual([]);
    const wc = trends.find((t) => t.measure === 'Words Correct')!;
    expect(growthSeries(wc).points.map((p) => p.value)).toEqual([50, 61]);
    const option = measureChartOption(word);
    expect((option.series as Array<{ name: string }>).map((x) => x.name)).toEqual(['Standard score', 'Confidence interval']);
    // A measure with percentile ranks alone charts them.
    const state = measureTrends([s('State', 'ELA', '2022-05-01', { percentile: 30 }), s('State', 'ELA', '2023-05-01', { percentile: 20 })])[0];
    expect(standingSeries(state)).toMatchObject({ what: 'percentile rank', points: [{ value: 30 }, { value: 20 }] });
  });

  it('draws confidence intervals with standard scores when no percentile is printed', () => {
    const scores = [
      s('WIAT-4', 'Word Reading', '2021-10-01', { scoreType: 'standard_score', score: 82, ciLow: 76, ciHigh: 88 }),
      s('WIAT-4', 'Word Reading', '2024-04-09', { scoreType: 'standard_score', score: 76, ciLow: 70, ciHigh: 82 }),
    ];
    const option = measureChartOption(measureTrends(scores)[0]);
    const names = (option.series as Array<{ name: string; data: unknown[] }>).map((x) => x.name);
    expect(names).toEqual(['Standard score', 'Confidence interval']);
    expect((option.series as Array<{ data: unknown[] }>)[1].data).toEqual([{ value: ['2021-10-01', 76] }, { value: ['2021-10-01', 88] }, null, { value: ['2024-04-09', 70] }, { value: ['2024-04-09', 82] }, null]);
  });
});

describe('score_gap_widening', () => {
  it('flags scale scores rising while the percentile falls at every testing, with the figures', () => {
    const [flag, ...rest] = flagsOf(stateSeries([2338, 2361, 2372], [18, 12, 7]));
    expect(rest).toEqual([]);
    expect(flag.description).toBe('State Summative English Language Arts, May 10, 2022 to May 10, 2024: the scale score rose 2,338 → 2,361 → 2,372 while the percentile rank fell 18 → 12 → 7. The scores went up less than same-grade peers\' did: the gap with peers grew.');
    expect(flag.evidence).toHaveLength(3);
    expect(flag.documentIds).toEqual(['doc-2022-05-10', 'doc-2023-05-10', 'doc-2024-05-10']);
  });

  it('reads raw scores and standard scores printed on separate rows of the same day', () => {
    const scores = [
      s('Battery', 'Reading Fluency', '2021-10-01', { scoreType: 'raw_score', score: 30 }),
      s('Battery', 'Reading Fluency', '2021-10-01', { scoreType: 'standard_score', score: 88 }),
      s('Battery', 'Reading Fluency', '2023-10-01', { scoreType: 'raw_score', score: 41 }),
      s('Battery', 'Reading Fluency', '2023-10-01', { scoreType: 'standard_score', score: 80 }),
    ];
    const [flag] = flagsOf(scores);
    expect(flag.description).toContain('the raw score rose 30 → 41 while the standard score fell 88 → 80');
  });

  it('stays quiet on a small drop, within one year, and when both rise', () => {
    expect(flagsOf(stateSeries([2338, 2361], [18, 15]))).toEqual([]);
    expect(flagsOf([s('T', 'Math', '2023-09-10', { score: 400, percentile: 40 }), s('T', 'Math', '2024-01-10', { score: 420, percentile: 20 })])).toEqual([]);
    expect(flagsOf(stateSeries([2338, 2361, 2372], [18, 20, 25]))).toEqual([]);
    expect(flagsOf(stateSeries([2338, 2330, 2320], [18, 12, 7]))).toEqual([]);
  });
});
