import { describe, expect, it } from 'vitest';
import {
  computeDeadlines, DEADLINE_RULES, rulesForState, type CaseEvent, type ComputeOptions, type Deadline, type Jurisdiction,
} from '../../../shared/deadlines';
import { twoYearCalendar } from './calendars';

const ev = (id: string, type: CaseEvent['type'], date: string, extra: Partial<CaseEvent> = {}): CaseEvent => ({ id, type, date, label: id, ...extra });
const opts = (state: Jurisdiction | null, today = '2024-01-01', extra: Partial<ComputeOptions> = {}): ComputeOptions =>
  ({ state, calendar: null, today, ...extra });
const one = (list: Deadline[], ruleId: string) => {
  const found = list.filter((d) => d.ruleId === ruleId);
  expect(found, `${ruleId} in ${list.map((d) => d.ruleId).join(', ')}`).toHaveLength(1);
  return found[0];
};

describe('rules table', () => {
  it('has unique ids and a known tag, citation and requirement for every rule', () => {
    const ids = DEADLINE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of DEADLINE_RULES) {
      expect(['P', 'S', 'K', 'X']).toContain(r.sourceTag);
      expect(r.citation.length).toBeGreaterThan(3);
      expect(r.requirement.length).toBeGreaterThan(10);
      for (const o of r.overrides ?? []) expect(ids).toContain(o);
    }
  });

  it('lets a state replace the federal rule it overrides and inherit the rest', () => {
    const ca = rulesForState('CA').map((r) => r.id);
    expect(ca).toContain('ca.records.access');
    expect(ca).not.toContain('fed.records.access');
    expect(ca).toContain('fed.dp.disclosure');
    expect(rulesForState('MO').map((r) => r.id)).toContain('fed.records.access');
    expect(rulesForState(null).every((r) => r.jurisdiction === 'US')).toBe(true);
  });
});

describe('verified federal rules, worked examples', () => {
  const cases: Array<[string, CaseEvent[], string]> = [
    ['fed.eval.initial', [ev('c', 'consent_to_evaluate', '2024-01-10')], '2024-03-10'],
    ['fed.iep.initial_meeting', [ev('e', 'eligibility_determination', '2024-05-20')], '2024-06-19'],
    ['fed.records.access', [ev('r', 'records_request', '2024-01-22')], '2024-03-07'],
    ['fed.state_complaint.decision', [ev('s', 'state_complaint_filed', '2024-02-01')], '2024-04-01'],
    ['fed.state_complaint.lookback', [ev('v', 'violation_known', '2024-01-08')], '2025-01-08'],
    ['fed.dp.sol', [ev('v', 'violation_known', '2024-02-29')], '2026-02-28'],
    ['fed.dp.resolution_meeting', [ev('d', 'due_process_filing', '2024-04-01')], '2024-04-16'],
    ['fed.dp.resolution_period', [ev('d', 'due_process_filing', '2024-04-01')], '2024-05-01'],
    ['fed.dp.decision', [ev('d', 'due_process_filing', '2024-04-01')], '2024-06-15'],
    ['fed.dp.expedited.resolution', [ev('x', 'expedited_due_process_filing', '2024-04-01')], '2024-04-08'],
    ['fed.dp.disclosure', [ev('h', 'hearing_date', '2024-01-19')], '2024-01-11'],
  ];
  for (const [ruleId, events, due] of cases) {
    it(`${ruleId}: ${events[0].type} ${events[0].date} -> ${due}`, () => {
      const d = one(computeDeadlines(events, DEADLINE_RULES, opts(null)), ruleId);
      expect(d.dueDate).toBe(due);
      expect(d.confidence).toBe('verified');
      expect(d.citation).toMatch(/CFR|USC/);
    });
  }

  it('records are due before a scheduled IEP meeting when that comes first', () => {
    const events = [ev('r', 'records_request', '2024-01-22'), ev('m', 'iep_amendment_meeting', '2024-02-27', { label: 'IEP amendment meeting' })];
    const d = one(computeDeadlines(events, DEADLINE_RULES, opts('MO')), 'fed.records.access');
    expect(d.dueDate).toBe('2024-02-26');
    expect(d.note).toMatch(/IEP amendment meeting/);
  });

  it('school-day rules need the calendar', () => {
    const events = [ev('p', 'placement_change_decision', '2023-12-13'), ev('x', 'expedited_due_process_filing', '2023-12-13')];
    const withCal = computeDeadlines(events, DEADLINE_RULES, opts('CA', '2023-12-14', { calendar: twoYearCalendar() }));
    expect(one(withCal, 'fed.discipline.mdr')).toMatchObject({ dueDate: '2024-01-18', calendarUsed: true, calendarMissing: false });
    // 20 school days: Dec 14, 15, Jan 8-12, (MLK) 16-19, 22-26, 29-31, Feb 1.
    expect(one(withCal, 'fed.dp.expedited.hearing').dueDate).toBe('2024-02-01');
    const without = one(computeDeadlines(events, DEADLINE_RULES, opts('CA', '2023-12-14')), 'fed.discipline.mdr');
    expect(without).toMatchObject({ dueDate: null, status: 'unknown', calendarUsed: false, calendarMissing: true });
    expect(without.note).toMatch(/district calendar/);
  });

  it('labels unverified rules and says so in the note', () => {
    const d = one(computeDeadlines([ev('i', 'iep_meeting', '2023-10-10')], DEADLINE_RULES, opts(null)), 'fed.iep.annual_review');
    expect(d).toMatchObject({ dueDate: '2024-10-10', confidence: 'unverified', sourceTag: 'K' });
    expect(d.note).toMatch(/Unverified/);
  });
});

describe('verified state rules, worked examples', () => {
  it('California records: 5 business days, state holidays skipped', () => {
    const d = one(computeDeadlines([ev('r', 'records_request', '2023-11-17')], DEADLINE_RULES, opts('CA')), 'ca.records.access');
    expect(d).toMatchObject({ dueDate: '2023-11-28', calendarUsed: false, confidence: 'verified' });
    expect(d.note).toMatch(/No district calendar/);
  });

  it('California records with a calendar shows the date if closure days do not count', () => {
    const d = one(computeDeadlines([ev('r', 'records_request', '2023-11-17')], DEADLINE_RULES, opts('CA', '2023-11-17', { calendar: twoYearCalendar() })), 'ca.records.access');
    expect(d).toMatchObject({ dueDate: '2023-11-28', alternateDueDate: '2023-12-01', calendarUsed: true });
  });

  it('California meeting request: 30 days not counting winter break; without a calendar it says so', () => {
    const events = [ev('m', 'meeting_request', '2023-12-08')];
    const withCal = one(computeDeadlines(events, DEADLINE_RULES, opts('CA', '2023-12-08', { calendar: twoYearCalendar() })), 'ca.iep.parent_request');
    expect(withCal).toMatchObject({ dueDate: '2024-01-30', calendarUsed: true, calendarMissing: false });
    expect(withCal.note).toMatch(/Not counted/);
    const without = one(computeDeadlines(events, DEADLINE_RULES, opts('CA', '2023-12-08')), 'ca.iep.parent_request');
    expect(without).toMatchObject({ dueDate: '2024-01-07', calendarUsed: false, calendarMissing: true });
    expect(without.note).toMatch(/earliest possible/);
  });

  it('California assessment plan: referral within 10 days of the year end is due 10 days after school resumes', () => {
    const cal = { calendar: twoYearCalendar() };
    const late = one(computeDeadlines([ev('r', 'evaluation_request', '2024-05-30')], DEADLINE_RULES, opts('CA', '2024-05-30', cal)), 'ca.assess.plan');
    expect(late.dueDate).toBe('2024-08-24');
    expect(late.note).toMatch(/End-of-year rule/);
    const normal = one(computeDeadlines([ev('r', 'evaluation_request', '2024-05-01')], DEADLINE_RULES, opts('CA', '2024-05-01', cal)), 'ca.assess.plan');
    expect(normal.dueDate).toBe('2024-05-16');
  });

  it('California initial assessment: 60 days excluding summer; the end-of-year rule keys to the referral', () => {
    const cal = { calendar: twoYearCalendar() };
    const early = [ev('r', 'evaluation_request', '2024-04-20'), ev('c', 'consent_to_evaluate', '2024-05-01')];
    expect(one(computeDeadlines(early, DEADLINE_RULES, opts('CA', '2024-05-01', cal)), 'ca.eval.initial').dueDate).toBe('2024-09-06');
    const late = [ev('r', 'evaluation_request', '2024-05-15'), ev('c', 'consent_to_evaluate', '2024-05-20')];
    expect(one(computeDeadlines(late, DEADLINE_RULES, opts('CA', '2024-05-20', cal)), 'ca.eval.initial').dueDate).toBe('2024-09-13');
  });

  it('Mississippi: the request day is day 1 of 14, then 7 days for notice', () => {
    const list = computeDeadlines([ev('r', 'evaluation_request', '2024-09-03'), ev('m', 'met_meeting', '2024-09-12')], DEADLINE_RULES, opts('MS'));
    expect(one(list, 'ms.eval.request_meeting').dueDate).toBe('2024-09-16');
    expect(one(list, 'ms.eval.request_pwn').dueDate).toBe('2024-09-19');
  });

  it('Mississippi developmental delay: new eligibility before the 10th birthday, only when DD applies', () => {
    const dob = ev('dob', 'date_of_birth', '2016-05-10');
    expect(computeDeadlines([dob], DEADLINE_RULES, opts('MS')).some((d) => d.ruleId === 'ms.dd.reeligibility')).toBe(false);
    const list = computeDeadlines([dob, ev('dd', 'developmental_delay_eligibility', '2019-06-01')], DEADLINE_RULES, opts('MS'));
    expect(one(list, 'ms.dd.reeligibility').dueDate).toBe('2026-05-09');
  });

  it('Mississippi due process limit is the unverified federal default', () => {
    const d = one(computeDeadlines([ev('v', 'violation_known', '2024-03-01')], DEADLINE_RULES, opts('MS')), 'ms.dp.sol');
    expect(d).toMatchObject({ dueDate: '2026-03-01', confidence: 'unverified' });
  });

  it('Missouri: commissioner in 15 days, state-court appeal in 45', () => {
    const list = computeDeadlines([ev('d', 'due_process_filing', '2024-04-01'), ev('h', 'hearing_decision', '2024-07-01')], DEADLINE_RULES, opts('MO'));
    expect(one(list, 'mo.dp.commissioner').dueDate).toBe('2024-04-16');
    expect(one(list, 'mo.dp.appeal_state_court').dueDate).toBe('2024-08-15');
    expect(one(list, 'fed.dp.civil_action')).toMatchObject({ dueDate: '2024-09-29', confidence: 'unverified' });
  });
});

describe('status', () => {
  const request = (extra: Partial<CaseEvent> = {}) => [ev('r', 'records_request', '2024-01-22', extra)];
  const status = (today: string, extra: Partial<CaseEvent> = {}) =>
    one(computeDeadlines(request(extra), DEADLINE_RULES, opts(null, today)), 'fed.records.access');

  it('moves from upcoming to due to overdue as the date approaches and passes', () => {
    expect(status('2024-02-01').status).toBe('upcoming');
    expect(status('2024-03-01').status).toBe('due');
    expect(status('2024-03-07')).toMatchObject({ status: 'due', daysRemaining: 0 });
    expect(status('2024-03-08')).toMatchObject({ status: 'overdue', daysRemaining: -1 });
  });

  it('a met deadline is never overdue, even when the response came late', () => {
    expect(status('2024-05-01', { responseDate: '2024-02-15' })).toMatchObject({ status: 'met', metDate: '2024-02-15' });
    const late = status('2024-05-01', { responseDate: '2024-03-20' });
    expect(late.status).toBe('met');
    expect(late.note).toMatch(/13 days after the due date/);
  });

  it('an extension replaces the date and names who granted it; a waiver removes the deadline', () => {
    const adjusted = computeDeadlines(request(), DEADLINE_RULES, opts(null, '2024-03-10', {
      adjustments: [{ eventId: 'r', ruleId: 'fed.records.access', extendedTo: '2024-03-20', grantedBy: 'parent, in writing' }],
    }));
    expect(one(adjusted, 'fed.records.access')).toMatchObject({ dueDate: '2024-03-20', status: 'upcoming' });
    expect(one(adjusted, 'fed.records.access').note).toMatch(/parent, in writing/);
    const waived = computeDeadlines([ev('e', 'evaluation_report', '2021-05-01')], DEADLINE_RULES, opts(null, '2024-06-01', {
      adjustments: [{ eventId: 'e', ruleId: 'fed.reeval.max_interval', waived: true }],
    }));
    expect(waived.some((d) => d.ruleId === 'fed.reeval.max_interval')).toBe(false);
  });

  it('an IEE request gets a reminder, not a legal deadline, and it is never called overdue', () => {
    const d = one(computeDeadlines([ev('i', 'iee_request', '2024-01-02')], DEADLINE_RULES, opts(null, '2024-06-01')), 'fed.iee.response');
    expect(d).toMatchObject({ kind: 'reminder', dueDate: '2024-02-01', status: 'due' });
    expect(d.note).toMatch(/not a legal deadline/);
  });
});
