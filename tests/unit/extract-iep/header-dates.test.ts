// IEP header dates in any label style and in sentences: phrasings written here, not any generator's.
import { describe, expect, it } from 'vitest';
import { meetingInSentences, periodInSentences, rangeIn, readIepDates } from '../../../main/core/extract/iep-header';
import { buildLayout, joinWrappedLabels } from '../../../main/core/extract/layout';
import { line, sizedPage, type SizedRow } from '../../support/sized-page';

const datesOf = (rows: SizedRow[]) => readIepDates(joinWrappedLabels(buildLayout([sizedPage(rows)])));

describe('date ranges', () => {
  const cases: Array<[string, [string, string] | null]> = [
    ['from 3/4/2024 through 3/3/2025', ['2024-03-04', '2025-03-03']],
    ['01/15/2024 - 01/14/2025', ['2024-01-15', '2025-01-14']],
    ['between August 28, 2023 and August 27, 2024', ['2023-08-28', '2024-08-27']],
    ['Nov. 2, 2022 thru Nov. 1, 2023', ['2022-11-02', '2023-11-01']],
    ['6/1/2024 until 5/31/2025', ['2024-06-01', '2025-05-31']],
    // Two dates that are not joined as a range, or run backwards, are no range.
    ['Drafted 3/4/2024, signed 3/9/2024', null],
    ['3/3/2025 to 3/4/2024', null],
  ];
  for (const [text, range] of cases) it(text, () => expect(rangeIn(text)).toEqual(range));
});

describe('header dates written in sentences', () => {
  const meetings: Array<[string, string | null]> = [
    ['The IEP team convened on March 2, 2024 to review progress.', '2024-03-02'],
    ['A meeting was held on 5/14/2023 with the parent present.', '2023-05-14'],
    ['Parents and staff met virtually on Jan. 9, 2025 and agreed to the plan.', '2025-01-09'],
    ['The committee reconvened on 10/02/2023.', '2023-10-02'],
    ['The student was born on 4/4/2014.', null],
  ];
  for (const [text, iso] of meetings) it(`meeting: ${text}`, () => expect(meetingInSentences([text])).toBe(iso));

  const periods: Array<[string, [string, string] | null]> = [
    ['Services in this plan will be implemented 3/11/2024 through 3/10/2025.', ['2024-03-11', '2025-03-10']],
    ['The plan remains in effect between 9/1/2023 and 8/31/2024.', ['2023-09-01', '2024-08-31']],
    ['Effective dates of this IEP: 02/05/2024 - 02/04/2025.', ['2024-02-05', '2025-02-04']],
    // Two dates in a sentence that says nothing of the plan being in effect are no period.
    ['The draft was sent on 2/2/2024 and revised from 2/9/2024 to 2/12/2024.', null],
  ];
  for (const [text, range] of periods) it(`period: ${text}`, () => expect(periodInSentences([text])).toEqual(range));
});

describe('readIepDates', () => {
  it('reads labels printed small above their values, a range among them', () => {
    const d = datesOf([
      line('STUDENT PROFILE', { size: 12, bold: true }),
      line('DATE OF CONFERENCE', { size: 7, bold: true }),
      line('June 3, 2024'),
      line('DATES IN EFFECT', { size: 7, bold: true }),
      line('June 10, 2024 to June 9, 2025'),
    ]);
    expect(d).toMatchObject({ meetingDate: '2024-06-03', startDate: '2024-06-10', endDate: '2025-06-09' });
  });

  it('reads a meeting body\'s date label in a cell beside its value, never a next-meeting date', () => {
    const d = datesOf([
      { cells: [[54, 'Next ARD Date'], [200, '04/20/2025'], [330, 'Student'], [420, 'Kim Lee']] },
      { cells: [[54, 'ARD Date'], [200, '04/22/2024'], [330, 'Grade'], [420, '6']] },
      { cells: [[54, 'IEP Term:'], [200, '04/29/2024 - 04/21/2025']] },
    ]);
    expect(d).toMatchObject({ meetingDate: '2024-04-22', startDate: '2024-04-29', endDate: '2025-04-21' });
  });

  it('reads the meeting and the period from the sentences of a typed summary', () => {
    const d = datesOf([
      line('Summary of the Individualized Education Program', { size: 14, bold: true }),
      line('Pat attends fifth grade at Hillside School. The IEP team convened on February 26, 2024 to'),
      line('review progress and write new goals. Services in this plan will be implemented 03/04/2024'),
      line('through 03/03/2025, with progress reported each trimester.'),
    ]);
    expect(d).toMatchObject({ meetingDate: '2024-02-26', startDate: '2024-03-04', endDate: '2025-03-03' });
  });

  it('prefers labelled dates over sentences', () => {
    const d = datesOf([
      { cells: [[54, 'Meeting Date:'], [200, '01/08/2024']] },
      { cells: [[54, 'IEP Period:'], [200, '01/16/2024 to 01/15/2025']] },
      line('The team met on 01/05/2024 for a planning session. The plan is in effect from 01/09/2024 to 01/08/2025.'),
    ]);
    expect(d).toMatchObject({ meetingDate: '2024-01-08', startDate: '2024-01-16', endDate: '2025-01-15' });
  });

  // The end of the IEP however the form states it, and never a date before its start.
  const endCases: Array<[string, SizedRow[], { startDate: string; endDate: string; nextAnnualReview?: string | null; nextReevaluation?: string | null }]> = [
    ['a next-annual label mid-line in a header strip, beside an earlier review date at a line start', [
      { cells: [[54, 'Pupil: Robin Example'], [250, 'Conference Date: 5/2/2024']] },
      { cells: [[54, 'Last Assessment: 4/1/2022'], [250, 'Next Annual IEP: 5/1/2025']] },
      { cells: [[54, 'Next Eval: 4/1/2025']] },
      line('Annual Review Date: 5/2/2024'),
    ], { startDate: '2024-05-02', endDate: '2025-05-01', nextAnnualReview: '2025-05-01', nextReevaluation: '2025-04-01' }],
    ['a services duration printed as From: ... To: ...', [
      { cells: [[54, 'Date of ARD Meeting:'], [200, '09/12/2023']] },
      line('Duration of Special Education Services: From: 09/13/2023 To: 09/11/2024'),
    ], { startDate: '2023-09-13', endDate: '2024-09-11' }],
    ['a services duration in a running footer with a dash', [
      { cells: [[54, 'Meeting Date:'], [200, 'Feb 2, 2024']] },
      { cells: [[300, 'Duration of Services: 02/05/2024 - 02/04/2025']] },
    ], { startDate: '2024-02-05', endDate: '2025-02-04' }],
    ['an annual review date equal to the meeting is no end', [
      { cells: [[54, 'Meeting Date:'], [200, '10/10/2023']] },
      { cells: [[54, 'Annual Review Date:'], [200, '10/10/2023']] },
      { cells: [[54, 'Next Annual Review Meeting:'], [200, '10/09/2024']] },
    ], { startDate: '2023-10-10', endDate: '2024-10-09', nextAnnualReview: '2024-10-09' }],
  ];
  for (const [name, rows, want] of endCases) it(name, () => expect(datesOf(rows)).toMatchObject(want));
});

describe('an amendment starts on its effective date', () => {
  const amendmentDates = (rows: SizedRow[]) => readIepDates(joinWrappedLabels(buildLayout([sizedPage(rows)])), { amendment: true });
  const cases: Array<[string, SizedRow[], { startDate: string; endDate: string }]> = [
    ['a labelled effective date beside the amended IEP\'s period', [
      { cells: [[54, 'Date of Amendment:'], [220, '01/06/2025']] },
      { cells: [[54, 'IEP Dates:'], [220, '09/03/2024 - 09/02/2025']] },
      { cells: [[54, 'Effective Date of Amendment:'], [220, '01/13/2025']] },
    ], { startDate: '2025-01-13', endDate: '2025-09-02' }],
    ['changes effective on a date in a line of the form', [
      { cells: [[54, 'Addendum Meeting Date:'], [220, 'March 4, 2025']] },
      { cells: [[54, 'Annual IEP in effect:'], [220, 'from 11/12/2024 through 11/11/2025']] },
      line('Changes are effective on: March 10, 2025'),
    ], { startDate: '2025-03-10', endDate: '2025-11-11' }],
  ];
  for (const [name, rows, want] of cases) it(name, () => expect(amendmentDates(rows)).toMatchObject(want));

  it('an annual IEP keeps its period\'s start', () => {
    const rows: SizedRow[] = [{ cells: [[54, 'IEP Dates:'], [220, '09/03/2024 - 09/02/2025']] }, { cells: [[54, 'Effective Date:'], [220, '09/10/2024']] }];
    expect(datesOf(rows)).toMatchObject({ startDate: '2024-09-03', endDate: '2025-09-02' });
  });
});
