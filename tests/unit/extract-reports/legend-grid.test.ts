// A goal/code/data grid whose heading row names a "Code" column, with the legend printed once at the
// foot as one wrapped paragraph of "CODE - meaning" pairs: the grid's rows are no legend, and every
// pair of the paragraph is read, a meaning wrapped onto the next line included.
import { describe, expect, it } from 'vitest';
import { extractProgressReport } from '../../../main/core/extract/progress';
import { pdfFromText } from './compose';

const GRID = `
Lakeshore Consolidated Schools          GOAL PROGRESS SUMMARY
Student: Theo Marsh        Report Date: 02/09/2024
Reporting period: Second marking period

Goal   Annual Goal                                   Code   Data / Comments
1      Given a fourth grade passage, Theo will       G      1/10/24: 71 wcpm; 2/1/24: 74 wcpm.
       read 95 words correct per minute.
2      Theo will write a five-sentence paragraph     L      1/12/24: 2 rubric points.
       scoring 3 on the writing rubric.
3      During recess, Theo will join a peer game     NY     Not started this period.
       on 4 of 5 observed days.

Rating key: G - Good progress; expected to meet goal; L - Limited progress; may not meet goal; NY - Not yet
introduced; X - Goal met.
`;

describe('a code legend printed as a paragraph under a goal grid', () => {
  it('reads every pair of the paragraph and none of the grid rows', async () => {
    const report = extractProgressReport(await pdfFromText(GRID), 'grid');
    expect(report.legend).toEqual({
      G: 'Good progress; expected to meet goal',
      L: 'Limited progress; may not meet goal',
      NY: 'Not yet introduced',
      X: 'Goal met',
    });
    expect(report.entries.map((e) => [e.goalNumber, e.code, e.codeText])).toEqual([
      [1, 'G', 'Good progress; expected to meet goal'],
      [2, 'L', 'Limited progress; may not meet goal'],
      [3, 'NY', 'Not yet introduced'],
    ]);
  });
});
