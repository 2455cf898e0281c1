// Score reports and evaluations in shapes other than the fixture's, printed to real PDFs.
import { describe, expect, it } from 'vitest';
import { extractTestScores } from '../../../main/core/extract/scores';
import { pdfFromText } from './compose';

const MAP_REPORT = `
NWEA MAP GROWTH - STUDENT PROFILE
Student: Ana Gomez     Grade: 5

Term          Subject       Test Date     RIT    Percentile   Achievement Quintile
Fall 2023     Reading       09/12/2023    196    21           LoAvg
Winter 2024   Reading       01/23/2024    199    24           LoAvg
Fall 2023     Mathematics   09/13/2023    204    38           Avg
`;

const EVALUATION_PROSE = `
PSYCHOEDUCATIONAL EVALUATION REPORT
Student: Jamie Cole          Date of Report: 03/15/2024

Assessment Results
The WIAT-4 was administered on 03/02/2024. On the Word Reading subtest, Jamie earned a standard
score of 79 (8th percentile), which falls in the Below Average range. Jamie's Reading Comprehension
standard score was 84, at the 14th percentile (Low Average). On the Math Problem Solving subtest
he obtained a standard score of 102 (55th percentile), in the Average range. Jamie is in 4th grade
and was tested over 2 sessions.
`;

const WISC_TABLE = `
WECHSLER INTELLIGENCE SCALE FOR CHILDREN - WISC-V
Testing date: 02/20/2024

Index                       Composite Score   Percentile   95% CI     Classification
Verbal Comprehension        92                30           85-100     Average
Visual Spatial              105               63           97-112     Average
Working Memory              76                5            70-85      Very Low
`;

describe('test scores in other layouts', () => {
  it('reads a MAP report: RIT scores with dates and percentiles per row', async () => {
    const scores = extractTestScores(await pdfFromText(MAP_REPORT), 'map');
    expect(scores.map((s) => [s.subtest, s.date, s.scoreType, s.score, s.percentile, s.level])).toEqual([
      ['Reading', '2023-09-12', 'rit', 196, 21, 'LoAvg'],
      ['Reading', '2024-01-23', 'rit', 199, 24, 'LoAvg'],
      ['Mathematics', '2023-09-13', 'rit', 204, 38, 'Avg'],
    ]);
    expect(scores[0].test).toMatch(/MAP/);
  });

  it('reads a composite table whose date is printed above it, with confidence intervals', async () => {
    const scores = extractTestScores(await pdfFromText(WISC_TABLE), 'wisc');
    expect(scores.map((s) => [s.subtest, s.date, s.scoreType, s.score, s.percentile, s.ciLow, s.ciHigh, s.level])).toEqual([
      ['Verbal Comprehension', '2024-02-20', 'standard_score', 92, 30, 85, 100, 'Average'],
      ['Visual Spatial', '2024-02-20', 'standard_score', 105, 63, 97, 112, 'Average'],
      ['Working Memory', '2024-02-20', 'standard_score', 76, 5, 70, 85, 'Very Low'],
    ]);
    expect(scores[0].test).toMatch(/WISC-V/);
  });

  it('reads scores written in prose, with the test and date carried over from earlier sentences', async () => {
    const scores = extractTestScores(await pdfFromText(EVALUATION_PROSE), 'eval');
    expect(scores.map((s) => [s.test, s.subtest, s.date, s.score, s.percentile, s.level])).toEqual([
      ['WIAT-4', 'Word Reading', '2024-03-02', 79, 8, 'Below Average'],
      ['WIAT-4', 'Reading Comprehension', '2024-03-02', 84, 14, 'Low Average'],
      ['WIAT-4', 'Math Problem Solving', '2024-03-02', 102, 55, 'Average'],
    ]);
    expect(scores.every((s) => s.source.bbox !== null)).toBe(true);
  });
});
