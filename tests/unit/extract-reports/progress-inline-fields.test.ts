// Progress notes whose code field runs on into the comment ("Progress: AP. Data: ..."), and reports
// that print each label small above its value ("PROGRESS" over a code in words, "SUMMARY" over the
// narrative). Wordings of our own; read from plain-text pages through the layout model.
import { describe, expect, it } from 'vitest';
import { pagesFromPlainText } from '../../../main/core/extract/layout';
import { extractProgressReport } from '../../../main/core/extract/progress';

const cases: Array<{ name: string; text: string; code: string; points: Array<[string, number]> }> = [
  {
    name: 'code then data on one labelled line, value before its date',
    text: ['Report Date: 01/20/2024', '', 'Goal 1 (Reading): By June 2024, Sam will read 90 words correct per minute', 'on grade-level passages.',
      'Rating: SP. Results: 61 wcpm on 12/4/23; 66 wcpm on 1/8/24. Sam reads daily with a partner.'].join('\n'),
    code: 'SP', points: [['2023-12-04', 61], ['2024-01-08', 66]],
  },
  {
    name: 'labels above values, a narrative code, dates in parentheses after values',
    text: ['Report Date: 01/20/2024', '', 'Goal 2: Math', 'GOAL', 'By June 2024, Sam will solve two-step word problems with 80% accuracy.',
      'PROGRESS', 'Limited progress', 'SUMMARY', 'Sam works with a checklist. Data: 45% accuracy (12/4/23), 50% accuracy (1/8/24).'].join('\n'),
    code: 'Limited progress', points: [['2023-12-04', 45], ['2024-01-08', 50]],
  },
];

describe('progress fields run on or printed above their values', () => {
  it.each(cases)('$name', ({ text, code, points }) => {
    const report = extractProgressReport(pagesFromPlainText(text), 'doc');
    expect(report.entries).toHaveLength(1);
    const [entry] = report.entries;
    expect(entry.code).toBe(code);
    expect(entry.dataPoints.map((p) => [p.date, p.value])).toEqual(points);
    expect(entry.comment).not.toMatch(/will (?:read|solve)/);
  });
});
