// Service logs whose header prints its fields without colons (label beside or small above the value),
// whose columns are named so that the first word-match would give one role twice, with a totals row
// and a dated note under the sessions; and a score report whose testing date is printed under a
// small label. Phrasings written here.
import { describe, expect, it } from 'vitest';
import { extractTestScores } from '../../../main/core/extract/scores';
import { extractServiceLog } from '../../../main/core/extract/service-log';
import { line, sizedPage, type SizedRow } from '../../support/sized-page';

const X = [54, 140, 230, 320, 410];
const row = (cells: string[], size = 9): SizedRow => ({ cells: cells.map((t, k) => [X[k], t] as [number, string]).filter(([, t]) => t), size });
const summaryOf = (rows: SizedRow[]) => extractServiceLog([sizedPage(rows)], 'doc').summaries.map((s) => [s.service, s.minutesRequired, s.minutesDelivered, s.minutesMissed, s.minutesMissedDistrictResponsible]);

describe('service log header fields without colons', () => {
  it('takes the service and the scheduled minutes from label | value cells, times in and out per session', () => {
    expect(summaryOf([
      line('Therapy Session Record', { size: 13, bold: true }),
      { cells: [[54, 'Child'], [150, 'Rowan Field'], [330, 'Run date'], [430, '2/28/2025']], size: 9 },
      { cells: [[54, 'Discipline'], [150, 'Physical Therapy'], [330, 'Session Length'], [430, '25 minutes']], size: 9 },
      row(['Date', 'Start', 'End', 'Minutes', 'Comment']),
      row(['2/3/2025', '1:00', '1:25', '25', 'Worked on balance']),
      row(['2/10/2025', '', '', '0', 'Student absent']),
      row(['2/17/2025', '1:00', '1:15', '15', 'Fire drill']),
      row(['2/24/2025', '', '', '0', 'Therapist absent']),
    ])).toEqual([['Physical Therapy', 100, 40, 60, 35]]);
  });

  it('takes the service from a label printed small above it; a reason column after the delivered one is the status', () => {
    expect(summaryOf([
      line('ATTENDANCE FOR RELATED SERVICES', { size: 13, bold: true }),
      line('SERVICE', { size: 7, bold: true }),
      line('Counselling, small group'),
      row(['Date', 'Minutes Planned', 'Minutes Provided', 'Reason Service Not Provided']),
      row(['3/4/2025', '40', '40']),
      row(['3/11/2025', '40', '0', 'Student absent']),
      row(['3/18/2025', '40', '0', 'Counselor at training']),
      row(['3/25/2025', '40', '30', 'Late bus']),
    ])).toEqual([['Counselling, small group', 160, 70, 90, 50]]);
  });
});

describe('rows under the sessions that are not sessions', () => {
  it('keeps a totals row with no date out of the last session, and a dated note out of the sessions', () => {
    expect(summaryOf([
      { cells: [[54, 'Service: Speech therapy']], size: 10 },
      row(['Date', 'Service', 'Mins Sched.', 'Mins Given', 'Status']),
      row(['4/1/2025', 'Speech therapy', '30', '30', 'Seen']),
      row(['4/8/2025', 'Speech therapy', '30', '20', 'Seen, left early']),
      row(['4/15/2025', 'Speech therapy', '30', '0', 'Provider out sick']),
      row(['', 'Totals', '90', '50', '']),
      line('4/22/2025 - provider note: two sessions will be made up in May.', { size: 9, gap: 6 }),
    ])).toEqual([['Speech therapy', 90, 50, 40, 40]]);
  });
});

describe('score report dates', () => {
  const labels = ['DATE OF ASSESSMENT', 'DATES TESTED', 'DATE OF TESTING'];
  for (const label of labels) {
    it(`reads the testing date printed under a small "${label}" label`, () => {
      const scores = extractTestScores([sizedPage([
        line('ACADEMIC SCREENING SUMMARY', { size: 13, bold: true }),
        line(label, { size: 7, bold: true }),
        line('February 6, 2024'),
        row(['Subtest', '', 'Standard Score', 'Percentile']),
        row(['Math Fluency', '', '84', '14']),
        row(['Sentence Reading', '', '91', '27']),
      ])], 'doc');
      expect(scores.map((s) => [s.subtest, s.date, s.score, s.percentile])).toEqual([
        ['Math Fluency', '2024-02-06', 84, 14],
        ['Sentence Reading', '2024-02-06', 91, 27],
      ]);
    });
  }
});
