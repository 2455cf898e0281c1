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

// Table-driven: one report per style, each printed to a real PDF, with every score it must give as
// [test, subtest, date, score, percentile, level]. Styles vary the orientation (a row per measure, a
// column per period, a column pair per year), where the dates are (a column, the column headings, a
// caption), date formats, status words and how a missing score is shown.
const STYLES: Array<{ name: string; text: string; want: Array<[string, string, string | null, number, number | null, string | null]> }> = [
  {
    name: 'benchmark grid, a score and its status word in each cell, dates under the period headings',
    text: `
DIBELS 8th Edition - Benchmark Summary                      Printed 06/10/2024
Student: Rosa Diaz        Grade 2

                          Beginning of Year      Middle of Year         End of Year
Measure                   Tested 09/12/2023      Tested 01/23/2024      Tested 05/14/2024
Oral Reading Fluency      38 Below               51 Below               62 At or Above
Nonsense Word Fluency     Not tested             44 Well Below          58 Below
Maze                      —                      6 Well Below           9 Below
Recommendation            Strategic              Strategic              Core
`,
    want: [
      ['DIBELS 8th Edition', 'Oral Reading Fluency', '2023-09-12', 38, null, 'Below'],
      ['DIBELS 8th Edition', 'Oral Reading Fluency', '2024-01-23', 51, null, 'Below'],
      ['DIBELS 8th Edition', 'Oral Reading Fluency', '2024-05-14', 62, null, 'At or Above'],
      ['DIBELS 8th Edition', 'Nonsense Word Fluency', '2024-01-23', 44, null, 'Well Below'],
      ['DIBELS 8th Edition', 'Nonsense Word Fluency', '2024-05-14', 58, null, 'Below'],
      ['DIBELS 8th Edition', 'Maze', '2024-01-23', 6, null, 'Well Below'],
      ['DIBELS 8th Edition', 'Maze', '2024-05-14', 9, null, 'Below'],
    ],
  },
  {
    name: 'term grid with the status word on the line under each score and the window dates in a caption',
    text: `
AIMSWEBPLUS INDIVIDUAL SCORE REPORT
Benchmark windows: Fall 9/14/2023; Winter 1/18/2024; Spring 5/16/2024

Measure                         Fall            Winter          Spring
Oral Reading Fluency            71              80              n/a
                                Tier 2          Tier 2
Number Sense Fluency            12              15              19
                                Tier 3          Tier 2          Tier 2
`,
    want: [
      ['AIMSWEBPLUS', 'Oral Reading Fluency', '2023-09-14', 71, null, 'Tier 2'],
      ['AIMSWEBPLUS', 'Oral Reading Fluency', '2024-01-18', 80, null, 'Tier 2'],
      ['AIMSWEBPLUS', 'Number Sense Fluency', '2023-09-14', 12, null, 'Tier 3'],
      ['AIMSWEBPLUS', 'Number Sense Fluency', '2024-01-18', 15, null, 'Tier 2'],
      ['AIMSWEBPLUS', 'Number Sense Fluency', '2024-05-16', 19, null, 'Tier 2'],
    ],
  },
  {
    name: 'state assessment: a first column headed "Test" holding the subjects, no percentile',
    text: `
STATE OF TEXAS ASSESSMENTS OF ACADEMIC READINESS (STAAR)
Confidential Student Report                               Report Date: July 12, 2024

Test                       Date Tested     Scale Score     Performance Level
Grade 5 Reading            04/09/2024      1422            Did Not Meet Grade Level
Grade 5 Mathematics        04/10/2024      1510            Approaches Grade Level
Grade 5 Science            04/16/2024      3488            Did Not Meet Grade Level
`,
    want: [
      ['STAAR', 'Grade 5 Reading', '2024-04-09', 1422, null, 'Did Not Meet Grade Level'],
      ['STAAR', 'Grade 5 Mathematics', '2024-04-10', 1510, null, 'Approaches Grade Level'],
      ['STAAR', 'Grade 5 Science', '2024-04-16', 3488, null, 'Did Not Meet Grade Level'],
    ],
  },
  {
    name: 'comparison with a column pair per year and the two testing dates in the caption',
    text: `
COGNITIVE ABILITIES - WISC-V
Testing dates: 03/04/2021 (initial evaluation) and 03/11/2024 (reevaluation).

                               2021                         2024
Index                    SS          %ile            SS          %ile
Verbal Comprehension     95          37              89          23
Fluid Reasoning          102         55              97          42
Processing Speed         80          9               78          7
`,
    want: [
      ['WISC-V', 'Verbal Comprehension', '2021-03-04', 95, 37, null],
      ['WISC-V', 'Verbal Comprehension', '2024-03-11', 89, 23, null],
      ['WISC-V', 'Fluid Reasoning', '2021-03-04', 102, 55, null],
      ['WISC-V', 'Fluid Reasoning', '2024-03-11', 97, 42, null],
      ['WISC-V', 'Processing Speed', '2021-03-04', 80, 9, null],
      ['WISC-V', 'Processing Speed', '2024-03-11', 78, 7, null],
    ],
  },
  {
    name: 'comparison of an earlier evaluation: test names in front of the measures, a change column, a date per test in the caption',
    text: `
PREVIOUS RESULTS
KTEA-3 given 10/02/2020 and WJ IV ACH given 10/09/2020 (initial evaluation).

Measure                             Prior Score      Prior PR      Difference
KTEA-3 Reading Composite            84               14            -5
KTEA-3 Math Composite               97               42            +1
WJ IV ACH Oral Reading (standard)   81               10            -2
`,
    want: [
      ['KTEA-3', 'Reading Composite', '2020-10-02', 84, 14, null],
      ['KTEA-3', 'Math Composite', '2020-10-02', 97, 42, null],
      ['WJ IV ACH', 'Oral Reading', '2020-10-09', 81, 10, null],
    ],
  },
  {
    name: 'history table: one row per administration with an ISO date column',
    text: `
SCHOLASTIC READING INVENTORY: STUDENT HISTORY
Administration   Date          Lexile Measure   Percentile   Performance Band
BOY              2023-09-05    410L             12           Below Basic
MOY              2024-01-10    455L             15           Below Basic
EOY              2024-05-20    520L             21           Basic
`,
    want: [
      ['Scholastic Reading Inventory', 'Lexile Measure', '2023-09-05', 410, 12, 'Below Basic'],
      ['Scholastic Reading Inventory', 'Lexile Measure', '2024-01-10', 455, 15, 'Below Basic'],
      ['Scholastic Reading Inventory', 'Lexile Measure', '2024-05-20', 520, 21, 'Basic'],
    ],
  },
];

describe.each(STYLES)('score report style: $name', ({ text, want }) => {
  it('gives every score with its test, date, value, percentile and level', async () => {
    const scores = extractTestScores(await pdfFromText(text), 'doc');
    const got = scores.map((s) => [s.test, s.subtest, s.date, s.score, s.percentile, s.level]);
    expect(got).toEqual(want);
    expect(scores.every((s) => s.source.bbox !== null)).toBe(true);
  });
});

describe('scores written in sentences', () => {
  it('reads a standard score with its percentile and confidence interval in brackets', async () => {
    const text = `
EVALUATION SUMMARY
Rosa was assessed with the WIAT-4 on 02/07/2024. On the Oral Reading Fluency subtest she earned
a Standard Score of 72 (3rd percentile, 95% CI 66-80), in the Very Low range. Her Spelling standard
score was 85 (16th percentile; 90% confidence interval 79-91).
`;
    const scores = extractTestScores(await pdfFromText(text), 'doc');
    expect(scores.map((s) => [s.test, s.subtest, s.date, s.score, s.percentile, s.ciLow, s.ciHigh])).toEqual([
      ['WIAT-4', 'Oral Reading Fluency', '2024-02-07', 72, 3, 66, 80],
      ['WIAT-4', 'Spelling', '2024-02-07', 85, 16, 79, 91],
    ]);
  });

  it('keeps the name as printed and gives a canonical alias beside it', async () => {
    const text = `
STATE ASSESSMENT - CAASPP SMARTER BALANCED
Subject                          Test Date     Scale Score    Achievement Level
English Language Arts/Literacy   05/09/2024    2361           Standard Not Met
Mathematics                      05/09/2024    2420           Standard Nearly Met
`;
    const scores = extractTestScores(await pdfFromText(text), 'doc');
    expect(scores.map((s) => [s.subtest, s.alias])).toEqual([['English Language Arts/Literacy', 'ELA'], ['Mathematics', 'Mathematics']]);
  });
});
