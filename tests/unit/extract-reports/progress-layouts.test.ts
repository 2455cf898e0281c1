// Progress reports in layouts other than the fixture's, composed here and printed to real PDFs.
import { describe, expect, it } from 'vitest';
import { extractProgressReport } from '../../../main/core/extract/progress';
import { pdfFromText } from './compose';

const QUARTERLY_WITH_TABLE = `
Riverside Public Schools - Quarterly Progress Report
Student: Ana Gomez            Report Date: January 26, 2024
Grading Period: 2nd Quarter   Period covered: 11/01/2023 through 01/26/2024
Date of IEP: 09/18/2023
Progress Key:
  M   - Mastered
  AP  - Adequate progress; expected to meet goal
  LP  - Limited progress; may not meet goal
  NI  - Not introduced

Goal 1 - Reading Fluency
Goal: By 09/17/2024, Ana will read 5th grade passages at 110 CWPM in 3 of 4 probes.
Progress: AP
Data:
   Date          CWPM     Errors
   11/14/2023    88       6
   12/12/2023    94       4
   01/16/2024    97       5
Comments: Ana is responding well to repeated reading.

Goal 2 - Written Language
Goal: Ana will write a 5-paragraph essay scoring 3 of 4 on the district rubric.
Progress: NI
Comments: This goal will be introduced next quarter.
`;

const MISSOURI_GRID = `
Hillcrest R-II School District            PROGRESS REPORT ON ANNUAL GOALS
Student: Eli Turner        IEP Meeting Date: 03/04/2024       Date of Report: 05/24/2024
Codes: 1 = Goal met; 2 = Making progress, goal should be met; 3 = Making progress, goal may not be met; 4 = No progress

Goal #1  Area: Math Calculation
Measurable Annual Goal: Given 20 mixed addition and subtraction problems, Eli will solve them with 80% accuracy.
Reporting Date    Code     Data / Comments
10/20/2023        2        62% on timed probe
12/20/2023        3        58% on timed probe
03/08/2024        3        61% on timed probe
05/22/2024        2        72% on timed probe

Goal #2  Area: Behavior
Measurable Annual Goal: Eli will reduce call-outs to 2 or fewer per class period.
Reporting Date    Code     Data / Comments
03/08/2024        4        No data collected.
05/22/2024        3        Teacher reports fewer call-outs.
`;

const GOAL_ROWS = `
PROGRESS SUMMARY - Trimester 2 (12/04/2023 - 03/08/2024)           Report Date: 03/08/2024
Key: E = Emerging; D = Developing; P = Proficient
Goal   Area               T1    T2    Comments
1      Articulation       E     D     On 02/27/2024 Sam produced /r/ correctly in 70% of words.
2      Language           D     D     Making progress.
`;

describe('progress reports in other layouts', () => {
  it('reads a quarterly report with a data table, a dash legend and a "Label:" layout', async () => {
    const report = extractProgressReport(await pdfFromText(QUARTERLY_WITH_TABLE), 'q2');
    expect(report.reportDate).toBe('2024-01-26');
    expect([report.periodStart, report.periodEnd]).toEqual(['2023-11-01', '2024-01-26']);
    expect(report.periodLabel).toMatch(/2nd quarter/i);
    expect(report.iepMeetingDate).toBe('2023-09-18');
    expect(report.legend).toMatchObject({ M: 'Mastered', NI: 'Not introduced' });
    expect(report.legend.AP).toMatch(/^Adequate progress/);
    const [g1, g2] = report.entries;
    expect(g1).toMatchObject({ goalNumber: 1, goalLabel: 'Reading Fluency', code: 'AP', hasData: true });
    expect(g1.codeText).toMatch(/^Adequate progress/);
    expect(g1.dataPoints.map((p) => [p.date, p.value])).toEqual([['2023-11-14', 88], ['2023-12-12', 94], ['2024-01-16', 97]]);
    expect(g1.dataPoints[0].unit).toBe('CWPM');
    expect(g2).toMatchObject({ goalNumber: 2, code: 'NI', hasData: false, dataPoints: [] });
  });

  it('reads a Missouri-style grid of codes per reporting date, taking the current row', async () => {
    const report = extractProgressReport(await pdfFromText(MISSOURI_GRID), 'mo');
    expect(report.reportDate).toBe('2024-05-24');
    expect(report.iepMeetingDate).toBe('2024-03-04');
    expect(report.legend['1']).toBe('Goal met');
    const [g1, g2] = report.entries;
    expect(g1).toMatchObject({ goalNumber: 1, goalLabel: 'Math Calculation', code: '2', hasData: true });
    expect(g1.dataPoints.map((p) => [p.date, p.value])).toEqual([['2023-10-20', 62], ['2023-12-20', 58], ['2024-03-08', 61], ['2024-05-22', 72]]);
    expect(g2).toMatchObject({ goalNumber: 2, code: '3', hasData: false });
  });

  it('reads a one-row-per-goal grid, taking the latest period column', async () => {
    const report = extractProgressReport(await pdfFromText(GOAL_ROWS), 'grid');
    expect([report.periodStart, report.periodEnd]).toEqual(['2023-12-04', '2024-03-08']);
    expect(report.entries.map((e) => [e.goalNumber, e.goalLabel, e.code, e.hasData])).toEqual([
      [1, 'Articulation', 'D', true],
      [2, 'Language', 'D', false],
    ]);
    expect(report.entries[0].dataPoints.map((p) => [p.date, p.value])).toEqual([['2024-02-27', 70]]);
    expect(report.entries[0].source.bbox).not.toBeNull();
  });
});
