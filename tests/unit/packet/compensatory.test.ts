import { describe, expect, it } from 'vitest';
import { calculateCompEd } from '../../../shared/compensatory/calculate';
import { instructionalDays, schoolYearPeriod, uncoveredRanges, weeksInSession } from '../../../shared/compensatory/calendar';
import { citeToken, describeCitesPlain, replaceCiteTokens } from '../../../shared/compensatory/cites';
import { reconcile } from '../../../shared/compensatory/reconcile';
import type { RequiredService, SchoolCalendar, ServiceLogInput } from '../../../shared/compensatory/types';
import type { ServiceSession } from '../../../shared/domain';
import { describeRivera } from '../../support/fixtures';
import { LOG_DOC_ID, riveraLog, riveraTruth } from './rivera-log';

const session = (date: string, service: string, scheduled: number, delivered: number, status: string | null,
  responsibility: ServiceSession['responsibility'], page = 1, documentId = 'log'): ServiceSession =>
  ({ date, service, scheduledMinutes: scheduled, deliveredMinutes: delivered, status, responsibility, source: { documentId, page, bbox: null } });

describe('school calendar arithmetic', () => {
  const cal: SchoolCalendar = { firstDay: '2024-09-02', lastDay: '2024-09-27', closedDates: ['2024-09-02'], closedRanges: [{ start: '2024-09-16', end: '2024-09-20' }] };
  it('counts weekdays that are not closed', () => {
    // 4 weeks of weekdays = 20, minus Labor Day and a closed week = 14
    expect(instructionalDays([cal], { start: '2024-09-01', end: '2024-09-30' })).toBe(14);
    expect(weeksInSession({ years: [cal] }, { start: '2024-09-09', end: '2024-09-13' }, { start: '2024-09-01', end: '2024-09-30' })).toBe(1);
  });
  it('apportions a bare week count by calendar days', () => {
    expect(weeksInSession({ weeksInSession: 36 }, { start: '2024-01-01', end: '2024-01-10' }, { start: '2024-01-01', end: '2024-01-20' })).toBe(18);
  });
  it('names July-June school years and finds uncovered stretches', () => {
    expect(schoolYearPeriod('2023-24')).toMatchObject({ start: '2023-07-01', end: '2024-06-30' });
    expect(schoolYearPeriod('2019-2020')).toMatchObject({ start: '2019-07-01', end: '2020-06-30', label: '2019-20' });
    expect(uncoveredRanges({ start: '2024-01-01', end: '2024-01-31' }, [{ start: '2024-01-05', end: '2024-01-10' }, { start: '2024-01-08', end: '2024-01-20' }]))
      .toEqual([{ start: '2024-01-01', end: '2024-01-04' }, { start: '2024-01-21', end: '2024-01-31' }]);
  });
});

describe('cite tokens', () => {
  it('round-trip through text with odd document ids', () => {
    const cites = [{ documentId: 'a:b]c', page: 3 }, { documentId: 'a:b]c', page: 1 }, { documentId: 'a:b]c', page: 2 }, { documentId: 'z', page: 9 }];
    const text = `see ${citeToken(cites)} there`;
    expect(replaceCiteTokens(text, (c) => describeCitesPlain(c))).toBe('see a:b]c pp. 1-3; z p. 9 there');
  });
});

describeRivera('dev-rivera 2023-24 SEIS log', () => {
  it('reproduces the truth figures per service and in total, citing the log pages', async () => {
    const truth = riveraTruth().service_delivery;
    const { log, required } = await riveraLog();
    const calendar = { years: [{ firstDay: truth.period_start, lastDay: truth.period_end }] };
    const rec = reconcile(required, [log], schoolYearPeriod('2023-24'), calendar);
    expect(rec.totals).toMatchObject({
      requiredMinutes: truth.totals.minutes_required,
      deliveredMinutes: truth.totals.minutes_delivered,
      missedMinutes: truth.totals.minutes_missed_total,
      missedDistrictResponsible: truth.totals.minutes_missed_district_responsible,
      missedStudentAbsence: truth.totals.minutes_missed_student_absence,
    });
    expect(rec.totals.missedMinutes).toBe(2890);
    expect(rec.totals.missedDistrictResponsible).toBe(2605);
    for (const t of truth.services) {
      const s = rec.services.find((x) => x.serviceKey === t.service_key)!;
      expect(s.status).toBe('logged');
      expect(s.sessionsScheduled).toBe(t.sessions_required);
      expect(s.sessionsPartial).toBe(t.sessions_delivered_partial);
      expect(s.missedDistrictResponsible).toBe(t.minutes_missed_district_responsible);
      expect(Object.fromEntries(s.missedByReason.map((r) => [r.reason, r.minutes]))).toEqual(t.minutes_missed_by_reason);
      expect(s.cites.every((c) => c.documentId === LOG_DOC_ID)).toBe(true);
    }
    const pullout = rec.services.find((x) => x.serviceKey === 'SAI-PULLOUT')!;
    const pagesOf = (key: string) => [...new Set(log.sessions!.filter((x) => x.service === key).map((x) => x.source.page))].sort((a, b) => a - b);
    expect(pullout.cites.map((c) => c.page)).toEqual(pagesOf('SAI-PULLOUT'));
    expect(rec.services.find((x) => x.serviceKey === 'SAI-PUSHIN')!.cites.map((c) => c.page)).toEqual(pagesOf('SAI-PUSHIN'));

    const award = calculateCompEd(rec, { kind: 'hour_for_hour' });
    expect(award.totals.awardMinutes).toBe(2605);
    expect(award.computation).toContain('missed 2,890 min');
    expect(award.computation).toContain('2,605 min district-responsible');
    expect(award.computation).toContain(`(${describeCitesPlain(log.sessions!.map((x) => ({ documentId: LOG_DOC_ID, page: x.source.page })))})`);
    // The calendar-based IEP expectation over the logged weeks is stated beside the log's own schedule.
    expect(pullout.iepRequiredMinutesForLoggedRange).toBeGreaterThan(0);
  });
});

describe('reconciliation on composed logs', () => {
  const year: SchoolCalendar = { firstDay: '2024-08-19', lastDay: '2025-05-30', closedRanges: [{ start: '2024-12-23', end: '2025-01-03' }] };
  const period = schoolYearPeriod('2024-25');
  const speech: RequiredService = { service: 'Speech/Language Therapy', minutesPerWeek: 60, minutesPerSession: 30, startDate: '2024-02-01', endDate: '2025-01-31', source: { documentId: 'iep-a', page: 4, bbox: null } };
  const speech2: RequiredService = { ...speech, minutesPerWeek: 90, startDate: '2025-01-15', endDate: '2026-01-14', source: { documentId: 'iep-b', page: 6, bbox: null } };
  const ot: RequiredService = { service: 'Occupational Therapy', minutesPerMonth: 120, startDate: '2024-02-01', endDate: '2026-01-14' };

  it('matches loosely named entries, reads absences from status text, and counts repeats once', () => {
    const log: ServiceLogInput = {
      documentId: 'log-frontline',
      sessions: [
        session('2024-09-03', 'SLP - Speech and Language Tx', 30, 30, 'Present', 'delivered', 1, 'log-frontline'),
        session('2024-09-05', 'SLP - Speech and Language Tx', 30, 0, 'Student Absent - Illness', 'delivered', 1, 'log-frontline'),
        session('2024-09-10', 'SLP - Speech and Language Tx', 30, 10, 'Session cut short: therapist called to meeting', 'delivered', 2, 'log-frontline'),
        session('2024-09-12', 'SLP - Speech and Language Tx', 30, 0, 'Therapist absent', null as unknown as 'district', 2, 'log-frontline'),
        session('2024-09-12', 'SLP - Speech and Language Tx', 30, 0, 'Therapist absent', 'district', 2, 'log-frontline'),
        session('2024-09-17', 'Counseling', 30, 30, 'Present', 'delivered', 3, 'log-frontline'),
      ],
      coverage: { start: '2024-09-01', end: '2024-09-30' },
    };
    const rec = reconcile([speech, speech2, ot], [log], period, { years: [year] });
    const s = rec.services.find((x) => x.service === 'Speech/Language Therapy')!;
    expect(s.sessionsScheduled).toBe(4);
    expect(s.missedStudentAbsence).toBe(30);
    expect(s.missedDistrictResponsible).toBe(50);
    expect(s.missedMinutes).toBe(80);
    expect(s.status).toBe('partial');
    expect(rec.unmatchedSessions).toBe(1);
    // Outside September no log: the rest of the year is "no record", with the IEP minutes it required.
    expect(s.noRecord.length).toBeGreaterThan(0);
    expect(s.noRecord.every((r) => r.requiredMinutes! > 0)).toBe(true);
    expect(s.requirementCites.map((c) => c.documentId)).toEqual(['iep-a', 'iep-b']);
    const o = rec.services.find((x) => x.service === 'Occupational Therapy')!;
    expect(o.status).toBe('no_record');
    expect(o.missedMinutes).toBeNull();
    expect(o.deliveredMinutes).toBeNull();
    // Monthly service: roughly 9.5 school months x 120 min.
    expect(o.requiredMinutes).toBeGreaterThan(900);
    expect(o.requiredMinutes).toBeLessThan(1300);
    expect(rec.totals.missedMinutes).toBe(80);
    const award = calculateCompEd(rec, { kind: 'percentage', percent: 50 });
    expect(award.totals.awardMinutes).toBe(25);
    expect(award.rows.find((r) => r.service === 'Occupational Therapy')!.awardMinutes).toBeNull();
    expect(award.computation).toMatch(/No record of delivery for [^\n]*Occupational Therapy/);
  });

  it('uses log summaries when no session detail exists, and IEP weeks for a superseding IEP', () => {
    const log: ServiceLogInput = {
      documentId: 'pm-summary',
      summaries: [{ key: 'q1', service: 'Speech Language', periodStart: '2024-08-19', periodEnd: '2024-10-31', minutesRequired: 600, minutesDelivered: 420, minutesMissed: 180, minutesMissedDistrictResponsible: 150, minutesMissedStudentAbsence: 30, source: { documentId: 'pm-summary', page: 2, bbox: null } }],
    };
    const rec = reconcile([speech, speech2], [log], period, { years: [year] });
    const s = rec.services[0];
    expect(s.basis).toBe('log_summary');
    expect([s.requiredMinutes, s.deliveredMinutes, s.missedDistrictResponsible, s.missedStudentAbsence]).toEqual([600, 420, 150, 30]);
    // From 2024-11-01: 60 min/week until the new IEP on 2025-01-15, then 90 min/week, over weeks in session.
    expect(s.noRecord.map((r) => [r.start, r.end])).toEqual([['2024-11-01', '2025-01-14'], ['2025-01-15', '2025-06-30']]);
    const gapMinutes = s.noRecord.reduce((a, r) => a + r.requiredMinutes!, 0);
    const before = weeksInSession({ years: [year] }, { start: '2024-11-01', end: '2025-01-14' }, period)!;
    const after = weeksInSession({ years: [year] }, { start: '2025-01-15', end: '2025-06-30' }, period)!;
    expect(Math.abs(gapMinutes - (60 * before + 90 * after))).toBeLessThanOrEqual(1);
    const needs = calculateCompEd(rec, { kind: 'needs_based', minutes: 1200, rationale: 'Reading fluency stalled; 40 hours of 1:1 tutoring needed to reach the goal.' });
    expect(needs.totals.awardMinutes).toBe(1200);
    expect(needs.computation).toContain('150 min district-responsible');
    expect(() => calculateCompEd(rec, { kind: 'needs_based', minutes: 10, rationale: ' ' })).toThrow(RangeError);
  });
});

describe('make-up sessions', () => {
  it('count them apart: delivered, not required, offsetting the district-responsible minutes', () => {
    const required: RequiredService[] = [{ service: 'Speech-language therapy', minutesPerWeek: 60, minutesPerSession: 30, startDate: '2024-01-01', endDate: '2024-06-30' }];
    const log: ServiceLogInput = {
      documentId: 'log',
      sessions: [
        session('2024-01-08', 'Speech-language therapy', 30, 0, 'Provider Absent', 'district'),
        session('2024-01-10', 'Speech-language therapy', 30, 0, 'Student Absent', 'student_absence'),
        session('2024-01-15', 'Speech-language therapy', 30, 30, 'Student Present', 'delivered'),
        session('2024-01-19', 'Speech-language therapy', 0, 30, 'Make-up', 'delivered'),
      ],
    };
    const [s] = reconcile(required, [log], { kind: 'custom', start: '2024-01-01', end: '2024-01-31' }).services;
    expect([s.requiredMinutes, s.deliveredMinutes, s.madeUpMinutes, s.sessionsScheduled]).toEqual([90, 60, 30, 3]);
    expect([s.missedMinutes, s.missedDistrictResponsible, s.missedStudentAbsence]).toEqual([30, 0, 30]);
    expect(s.missedByReason.find((r) => /make-up/i.test(r.reason))?.minutes).toBe(-30);
  });
});
