// Service logs in other shapes (Frontline-style: one duration column and an attendance code, the
// session length in the service heading; a second page with no header) and the responsibility rules.
import { describe, expect, it } from 'vitest';
import { extractServiceLog } from '../../../main/core/extract/service-log';
import { classifyResponsibility } from '../../../main/core/extract/servicelog-status';
import { pdfFromText } from './compose';

const FRONTLINE = `
Frontline Service Tracker - Provider Log                      Printed 01/31/2024
Student: Leo Park       Log period: 01/02/2024 - 01/31/2024
Service: Speech-Language Therapy - 30 minutes 2x weekly
Date          Provider         Duration (min)   Attendance                 Notes
01/03/2024    K. Ortiz         30               Present
01/05/2024    K. Ortiz         0                Student Absent             illness
01/10/2024    K. Ortiz         0                Provider Absent            no substitute available
01/12/2024    K. Ortiz         20               Present                    ended early for fire drill
01/17/2024    K. Ortiz         0                Cancelled                  school closed - snow day,
                                                                           not made up
01/19/2024    K. Ortiz         10               Present                    student arrived late (tardy)
Total minutes delivered: 90
\f
01/24/2024    K. Ortiz         30               Present
01/26/2024    K. Ortiz         0                Student Refused
01/31/2024    K. Ortiz         30               Present
`;

describe('service logs in other layouts', () => {
  it('reads a Frontline-style log and sums its minutes per responsibility', async () => {
    const log = extractServiceLog(await pdfFromText(FRONTLINE), 'frontline');
    expect(log.sessions.map((s) => [s.date, s.scheduledMinutes, s.deliveredMinutes, s.responsibility])).toEqual([
      ['2024-01-03', 30, 30, 'delivered'],
      ['2024-01-05', 30, 0, 'student_absence'],
      ['2024-01-10', 30, 0, 'district'],
      ['2024-01-12', 30, 20, 'district'],
      ['2024-01-17', 30, 0, 'district'],
      ['2024-01-19', 30, 10, 'student_absence'],
      ['2024-01-24', 30, 30, 'delivered'],
      ['2024-01-26', 30, 0, 'student_absence'],
      ['2024-01-31', 30, 30, 'delivered'],
    ]);
    expect(log.sessions[4].source.page).toBe(1);
    expect(log.sessions[6].source.page).toBe(2);
    expect(log.summaries).toHaveLength(1);
    const [s] = log.summaries;
    expect(s.service).toMatch(/^Speech-Language Therapy/);
    expect([s.periodStart, s.periodEnd]).toEqual(['2024-01-02', '2024-01-31']);
    expect([s.minutesRequired, s.minutesDelivered, s.minutesMissed]).toEqual([270, 120, 150]);
    expect([s.minutesMissedDistrictResponsible, s.minutesMissedStudentAbsence]).toEqual([70, 80]);
    // The printed total (90, page 1 only) disagrees with the sessions: both are kept.
    expect(s.printed?.minutesDelivered).toBe(90);
    expect(s.discrepancies).toEqual(['printed minutes delivered 90, sessions add up to 120']);
  });
});

describe('classifyResponsibility', () => {
  it.each([
    ['Not Provided - Student absent', 'student_absence'],
    ['Absent - illness', 'student_absence'],
    ['Student refused to attend', 'student_absence'],
    ['Parent cancelled', 'student_absence'],
    ['Provider absent, no sub', 'district'],
    ['Therapist out sick', 'district'],
    ['SLP on leave', 'district'],
    ['Position unfilled', 'district'],
    ['State testing', 'district'],
    ['Holiday - school closed, not made up', 'district'],
    ['Shortened - assembly', 'district'],
    ['Schedule not established', 'district'],
  ])('%s -> %s', (text, expected) => {
    expect(classifyResponsibility(text)).toBe(expected);
  });
});

// Table-driven: one log per style, printed to a real PDF, with the sessions it must give as
// [date, service, scheduled, delivered, responsibility] and each service's summary as
// [service, required, delivered, missed, district, student, made up].
type Want = { sessions: Array<[string, string, number, number, string]>; summaries: Array<[string, number, number, number, number, number, number]> };
const LOG_STYLES: Array<{ name: string; text: string; want: Want }> = [
  {
    name: 'encounter attendance: several services in one table, a group-size column set tight against the service, make-ups and a closure',
    text: `
CITY SCHOOL DISTRICT - RELATED SERVICES ATTENDANCE               Run date: 07/02/2024
Student: Ana Ruiz       Reporting period: 03/01/2024 - 03/29/2024

Session Date  Cycle  Related Service           Grp  Required  Actual   Attendance         Comments
03/04/2024    1      Occupational Therapy      2    40 min    40 min   Student Present
03/05/2024    2      Counseling                1    30 min    0 min    Provider Absent    counselor out ill
03/07/2024    4      Occupational Therapy      -    40 min    0 min    Student Absent     illness
03/11/2024    2      Occupational Therapy      -    40 min    0 min    School Closed      snow emergency
03/12/2024    3      Counseling                2    30 min    20 min   Student Present    shortened - fire drill
03/18/2024    3      Occupational Therapy      2    40 min    30 min   Student Present    student left early
03/20/2024    5      Counseling                1    -         30 min   Make-up            for 03/05/2024
03/22/2024    1      Occupational Therapy      1    40 min    40 min   Student Present
Encounters listed: 8
`,
    want: {
      sessions: [
        ['2024-03-04', 'Occupational Therapy', 40, 40, 'delivered'],
        ['2024-03-05', 'Counseling', 30, 0, 'district'],
        ['2024-03-07', 'Occupational Therapy', 40, 0, 'student_absence'],
        ['2024-03-12', 'Counseling', 30, 20, 'district'],
        ['2024-03-18', 'Occupational Therapy', 40, 30, 'student_absence'],
        ['2024-03-20', 'Counseling', 0, 30, 'delivered'],
        ['2024-03-22', 'Occupational Therapy', 40, 40, 'delivered'],
      ],
      summaries: [
        ['Occupational Therapy', 160, 110, 50, 0, 50, 0],
        ['Counseling', 60, 50, 10, 10, 0, 30],
      ],
    },
  },
  {
    name: 'session notes with time in and time out, the service and its length in header fields',
    text: `
THERAPY SESSION NOTES                                      Generated 12/20/2023
Discipline: Physical Therapy    Frequency: 30 min weekly
Date          Time In    Time Out    Status                 Notes
11/06/2023    9:00       9:30        Seen                   gait training
11/13/2023    9:05       9:25        Seen                   arrived late from class, student tardy
11/20/2023                           Therapist absent       no coverage
11/27/2023    1:45 PM    2:15 PM     Seen                   stairs
`,
    want: {
      sessions: [
        ['2023-11-06', 'Physical Therapy', 30, 30, 'delivered'],
        ['2023-11-13', 'Physical Therapy', 30, 20, 'student_absence'],
        ['2023-11-20', 'Physical Therapy', 30, 0, 'district'],
        ['2023-11-27', 'Physical Therapy', 30, 30, 'delivered'],
      ],
      summaries: [['Physical Therapy', 120, 80, 40, 30, 10, 0]],
    },
  },
  {
    name: 'tracker with subtotal and note rows that start with a date, blank and dash scheduled cells, month-name dates',
    text: `
Service Provider Log                                       Printed on 02/01/2024
Service: Specialized Academic Instruction (reading)
Date             Sched. Min   Min. Provided   Status            Notes
Jan 8, 2024      60           60              Delivered
Jan 10, 2024     60           45              Delivered         assembly
Jan 12, 2024                                  Holiday           no school
Jan 15, 2024     60           0               Not provided      teacher at training
Jan 17, 2024     -            30              Delivered         extra session
Jan 19, 2024     Week total   105
Jan 22, 2024     Note: parent asked for a copy of the log
Jan 24, 2024     60           60              Delivered
`,
    want: {
      sessions: [
        ['2024-01-08', 'Specialized Academic Instruction (reading)', 60, 60, 'delivered'],
        ['2024-01-10', 'Specialized Academic Instruction (reading)', 60, 45, 'district'],
        ['2024-01-15', 'Specialized Academic Instruction (reading)', 60, 0, 'district'],
        ['2024-01-17', 'Specialized Academic Instruction (reading)', 0, 30, 'delivered'],
        ['2024-01-24', 'Specialized Academic Instruction (reading)', 60, 60, 'delivered'],
      ],
      summaries: [['Specialized Academic Instruction (reading)', 240, 195, 45, 45, 0, 30]],
    },
  },
  {
    name: 'one-letter attendance codes explained by a legend under the table',
    text: `
SPEECH-LANGUAGE SERVICES ATTENDANCE                        Printed 05/31/2024
Service Type: Speech-Language Therapy, 20 minutes twice weekly
Date         Minutes    Code
04/01/2024   20         P
04/03/2024   0          A
04/08/2024   0          PA
04/10/2024   0          SC
04/12/2024   20         MU
04/15/2024   20         P
Codes: P = Present; A = Student absent; PA = Provider absent; SC = School closed; MU = Make-up session
`,
    want: {
      sessions: [
        ['2024-04-01', 'Speech-Language Therapy, 20 minutes twice weekly', 20, 20, 'delivered'],
        ['2024-04-03', 'Speech-Language Therapy, 20 minutes twice weekly', 20, 0, 'student_absence'],
        ['2024-04-08', 'Speech-Language Therapy, 20 minutes twice weekly', 20, 0, 'district'],
        ['2024-04-12', 'Speech-Language Therapy, 20 minutes twice weekly', 0, 20, 'delivered'],
        ['2024-04-15', 'Speech-Language Therapy, 20 minutes twice weekly', 20, 20, 'delivered'],
      ],
      summaries: [['Speech-Language Therapy, 20 minutes twice weekly', 80, 60, 20, 0, 20, 20]],
    },
  },
];

describe.each(LOG_STYLES)('service log style: $name', ({ text, want }) => {
  it('gives its sessions and one summary per service', async () => {
    const log = extractServiceLog(await pdfFromText(text), 'log');
    expect(log.sessions.map((s) => [s.date, s.service, s.scheduledMinutes, s.deliveredMinutes, s.responsibility])).toEqual(want.sessions);
    expect(log.summaries.map((s) => [s.service, s.minutesRequired, s.minutesDelivered, s.minutesMissed, s.minutesMissedDistrictResponsible, s.minutesMissedStudentAbsence, s.minutesMadeUp])).toEqual(want.summaries);
    expect(log.summaries.flatMap((s) => s.discrepancies)).toEqual([]);
  });
});
