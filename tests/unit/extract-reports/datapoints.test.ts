// Measurements read from progress comments of many shapes, and the numbers that must not be read.
import { describe, expect, it } from 'vitest';
import { findDataPoints } from '../../../main/core/extract/progress-datapoints';

const ctx = { periodStart: '2023-11-01', periodEnd: '2024-01-26', reportDate: '2024-01-26' };
const points = (text: string) => findDataPoints(text, ctx).map((p) => [p.date, p.value]);

describe('findDataPoints', () => {
  it('reads a dated sentence and keeps the first measure, not the accuracy after it', () => {
    expect(points('On 12/12/2023 Ana read 74 CWPM with 96% accuracy on a 5th grade passage.')).toEqual([['2023-12-12', 74]]);
  });

  it('reads "date - value" lists, one point per date', () => {
    expect(points('Probe data: 11/14/2023 - 12 of 20 correct; 12/05/2023 - 15/20; 01/09/2024 - 17/20.')).toEqual([
      ['2023-11-14', 60], ['2023-12-05', 75], ['2024-01-09', 85],
    ]);
  });

  it('gives a month/day without a year the year of the report period', () => {
    expect(points('Ana averaged 60% of intervals across 3 observations (12/4, 12/11, 12/18).')).toEqual([['2023-12-18', 60]]);
    expect(points('Scores: 1/8 - 3; 1/22 - 4 on the 5-point rubric.')).toEqual([['2024-01-08', 3], ['2024-01-22', 4]]);
  });

  it('does not read targets, criteria, grade levels, hyphenated sizes or sample counts as data', () => {
    expect(points('Ana is working toward her goal of 90 WCPM in 4 of 5 trials on 4th grade passages.')).toEqual([]);
    expect(points('Across 6 samples (through 01/12/2024) the average rubric score was 2.5.')).toEqual([['2024-01-12', 2.5]]);
    expect(points('On 12/01/2023 Ana completed 3-digit multiplication with 70% accuracy.')).toEqual([['2023-12-01', 70]]);
    expect(points('She is not expected to reach 100 WCPM by 05/30/2024.')).toEqual([]);
  });

  it('reads decrease goals, frequency counts and MLU', () => {
    expect(points('During the week of 12/11/2023 Leo had 3 incidents of elopement.')).toEqual([['2023-12-11', 3]]);
    expect(points('Mean length of utterance on 01/10/2024 was 3.4 morphemes.')).toEqual([['2024-01-10', 3.4]]);
  });

  it('reports no data for comments without measurements', () => {
    expect(points('Ana is making progress and participates in class.')).toEqual([]);
    expect(points('Goal introduced on 01/08/2024; not yet addressed this period.')).toEqual([]);
  });

  it('keeps an undated measure only when the comment has no dated one', () => {
    expect(points('Ana currently reads 68 WCPM.')).toEqual([[null, 68]]);
    expect(points('On 12/12/2023 Ana read 74 WCPM; accuracy was 96%.')).toEqual([['2023-12-12', 74]]);
  });
});
