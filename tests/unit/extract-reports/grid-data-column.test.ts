// Period grids with a column after the periods that holds the current period's data, period headings
// that print their own dates, and a comment that names no period. Wordings of our own; read from
// plain-text pages through the layout model.
import { describe, expect, it } from 'vitest';
import { pagesFromPlainText } from '../../../main/core/extract/layout';
import { extractProgressReport } from '../../../main/core/extract/progress';

const pad = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i])).join('');
const W = [20, 24, 24, 40];

const cases: Array<{ name: string; head: string[]; row: string[]; more: string[]; code: string; points: Array<[string | null, number]> }> = [
  {
    name: 'second period filled, data wrapping under its column',
    head: ['Period', 'Report 1 (10/30/23)', 'Report 2 (1/19/24)', 'Data Collected This Period'],
    row: ['Progress', '2', '3', '11/20/2023 - 40% accuracy; 1/5/2024 -'],
    more: [pad(['', '', '', '48% accuracy'], W)],
    code: '3', points: [['2023-11-20', 40], ['2024-01-05', 48]],
  },
  {
    name: 'only the first period filled, later column blank',
    head: ['Period', 'Term 1 (10/30/23)', 'Term 2 (1/19/24)', 'Data This Period'],
    row: ['Rating', '1', '', '9/28/2023 - 35% accuracy'],
    more: [],
    code: '1', points: [['2023-09-28', 35]],
  },
];

describe('period grids with a data column for the current period', () => {
  it.each(cases)('$name', ({ head, row, more, code, points }) => {
    const text = ['Report Date: 01/19/2024', 'Key: 3 = On track, 2 = Some progress, 1 = No progress', '',
      'Goal 1: Math', 'Ana will solve multi-step word problems with 80% accuracy on weekly probes.', '',
      pad(head, W), '', pad(row, W), ...more, '', 'Comment:   Ana uses a problem-solving checklist.'].join('\n');
    const report = extractProgressReport(pagesFromPlainText(text), 'doc');
    const [entry] = report.entries;
    expect(entry.code).toBe(code);
    expect(entry.dataPoints.map((p) => [p.date, p.value])).toEqual(points);
    expect(entry.comment).toMatch(/checklist/);
  });
});
