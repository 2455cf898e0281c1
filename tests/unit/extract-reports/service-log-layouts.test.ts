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
