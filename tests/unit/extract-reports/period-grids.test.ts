// Progress reports that print each goal as a grid by reporting period (styles of our own design):
// period headings with their dates, a code row, comments opened by their period, the legend printed
// once at the end, a cumulative grid whose earlier columns still give data, an OCR-misread code,
// and codes written out in words. Printed to real PDFs and read back through the text layer.
import { describe, expect, it } from 'vitest';
import { extractProgressReport } from '../../../main/core/extract/progress';
import { pdfFromText } from './compose';

const QUARTER_GRID = `
Westbrook Unified School District - Goal Progress Summary
Student: Leo Park                 Report Date: 01/30/2026
IEP Date: 09/22/2025              Reporting Period: Quarter 2

Goal 1: Reading Fluency
Goal: Given a fourth grade passage, Leo will read aloud at 95 wcpm.
Quarter        Q1              Q2              Q3              Q4
               10/31/2025      01/30/2026
Rating         3               2
Notes          Q1: 61 wcpm (10/14/2025), 64 wcpm (10/28/2025).
               Q2: 70 wcpm.

Goal 2: Behavior
Goal: During group work, Leo will stay with his group for 90% of observed intervals.
Quarter        Q1              Q2              Q3              Q4
               10/31/2025      01/30/2026
Rating         NI              3
Notes          Q1: Not yet introduced.
               Q2: Leo is learning the group routine.

Rating key: 4 = Mastered; 3 = Progressing; 2 = Limited progress; 1 = No progress; NI = Not introduced
`;

const TRIMESTER_GRID = `
Harbor Point Schools                            Report of Progress on IEP Goals
Student: Mia Torres        IEP Meeting Date: 04/08/2025

Goal #1 - Math Calculation          Provider: J. Wu
Given mixed multiplication facts, Mia will write 40 correct facts in 2 minutes.
Reporting Period    T1 (Dec)        T2 (Mar)        T3 (Jun)
                    12/12/2025      03/13/2026
Progress Mark       D               Pp
Comments            Dec: 22 facts in 2 minutes (12/05/2025).
                    Mar: 27 facts (03/02/2026), 29 facts (03/11/2026).

Goal #2 - Written Expression        Provider: J. Wu
Given a prompt, Mia will write a paragraph with 4 of 5 paragraph elements.
Reporting Period    T1 (Dec)        T2 (Mar)        T3 (Jun)
                    12/12/2025      03/13/2026
Progress Mark       E               E
Comments            Dec: 2 of 5 elements.
                    Mar: Mia is using a planning sheet.
\f
Report prepared by J. Wu, Special Education Teacher. Questions: 555-0147.
KEY: E = Emerging; D = Developing; P = Proficient; M = Mastered
`;

const NARRATIVE = `
Lakeside Elementary - IEP Progress Report          Report Date: 02/27/2026
IEP Date: 10/15/2025

Goal 1 - Social Skills
Progress: Minimal progress
Comments: On 02/18/2026 Sam joined a peer game for 3 minutes.

Goal 2 - Articulation
Progress: On-track
Comments: Producing /s/ blends correctly in 70% of words (02/20/2026).
`;

describe('progress reports printed as grids by reporting period', () => {
  it('takes the last filled quarter as the report period and dates undated values by their column', async () => {
    const report = extractProgressReport(await pdfFromText(QUARTER_GRID), 'quarters');
    expect(report.reportDate).toBe('2026-01-30');
    expect(report.legend).toMatchObject({ 2: 'Limited progress', NI: 'Not introduced' });
    const [g1, g2] = report.entries;
    expect(g1).toMatchObject({ goalNumber: 1, goalLabel: 'Reading Fluency', code: '2', codeText: 'Limited progress', hasData: true, comment: 'Q2: 70 wcpm.' });
    expect(g1.dataPoints.map((p) => [p.date, p.value, p.earlierPeriod ?? false])).toEqual([
      ['2025-10-14', 61, true], ['2025-10-28', 64, true], ['2026-01-30', 70, false],
    ]);
    expect(g2).toMatchObject({ goalNumber: 2, code: '3', hasData: false, dataPoints: [] });
  });

  it('reads trimester columns named by month, a legend printed after the last goal, and a misread code', async () => {
    const report = extractProgressReport(await pdfFromText(TRIMESTER_GRID), 'trimesters');
    expect(report.reportDate).toBe('2026-03-13');
    expect(report.iepMeetingDate).toBe('2025-04-08');
    const [g1, g2] = report.entries;
    expect(g1).toMatchObject({ goalNumber: 1, goalLabel: 'Math Calculation', code: 'P', codeText: 'Proficient', hasData: true });
    expect(g1.dataPoints.map((p) => [p.date, p.value])).toEqual([['2025-12-05', 22], ['2026-03-02', 27], ['2026-03-11', 29]]);
    expect(g2).toMatchObject({ goalNumber: 2, code: 'E', hasData: false });
    expect(g2.dataPoints.map((p) => [p.date, p.value])).toEqual([['2025-12-12', 2]]);
    // The signature and contact lines after the last goal belong to no goal.
    expect(g2.comment).toBe('Mar: Mia is using a planning sheet.');
  });

  it('keeps codes written in words and gives them a meaning', async () => {
    const report = extractProgressReport(await pdfFromText(NARRATIVE), 'narrative');
    expect(report.entries.map((e) => [e.goalNumber, e.code, e.codeText])).toEqual([
      [1, 'Minimal progress', 'Minimal progress; may not meet goal'],
      [2, 'On-track', 'Sufficient progress; on track to meet goal'],
    ]);
    expect(report.entries[1].dataPoints.map((p) => [p.date, p.value])).toEqual([['2026-02-20', 70]]);
  });
});
