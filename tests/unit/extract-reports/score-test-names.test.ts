// A score table's test comes from the headings above it, never from a date's label printed as a
// heading over its value ("DATE OF TESTING" over the date).
import { describe, expect, it } from 'vitest';
import { extractTestScores } from '../../../main/core/extract/scores';
import { pdfFromText } from './compose';

describe('score test names', () => {
  it.each(['DATE OF TESTING', 'TESTING DATE', 'DATES OF ASSESSMENT'])('a "%s" label over the date names no test', async (label) => {
    const pages = await pdfFromText(
      [
        'READING AND MATH SCREENING REPORT',
        'PUPIL',
        'Dana Whitfield',
        label,
        'March 4, 2025',
        'Measure                      Standard Score   Percentile',
        '',
        'Letter-Word Identification   84               14',
        '',
        'Applied Problems             91               27',
      ].join('\n'),
    );
    const scores = extractTestScores(pages, 'd1');
    expect(scores.map((s) => [s.subtest, s.score])).toEqual([
      ['Letter-Word Identification', 84],
      ['Applied Problems', 91],
    ]);
    expect(scores.map((s) => s.test)).toEqual(['Reading And Math Screening Report', 'Reading And Math Screening Report']);
  });
});
