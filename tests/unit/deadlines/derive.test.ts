import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IepSubtype } from '../../../shared/domain';
import { computeDeadlines, DEADLINE_RULES, deriveCaseEvents } from '../../../shared/deadlines';
import { describeRivera, RIVERA_DIR } from '../../support/fixtures';

describe('deriveCaseEvents', () => {
  it('chains annual reviews, skips amendments, and starts the records clock from a sent letter', () => {
    const events = deriveCaseEvents({
      today: '2024-06-01',
      dob: '2012-07-04',
      ieps: [
        { id: 'a', meetingDate: '2022-05-03', type: 'initial' },
        { id: 'b', meetingDate: '2023-05-10', type: 'annual' },
        { id: 'c', meetingDate: '2023-09-01', type: 'amendment' },
      ],
      letters: [
        { id: 'L1', template: 'records_request', sentDate: '2024-05-20', subject: 'Request for records' },
        { id: 'L2', template: 'iee_request', sentDate: null },
      ],
    });
    const byId = new Map(events.map((e) => [e.id, e]));
    expect(byId.get('iep:a')).toMatchObject({ type: 'iep_meeting', responseDate: '2023-05-10' });
    expect(byId.get('iep:b')?.responseDate ?? null).toBeNull();
    expect(byId.get('iep:c')?.type).toBe('iep_amendment_meeting');
    expect(byId.get('eval:iep:a')).toMatchObject({ type: 'evaluation_report', date: '2022-05-03' });
    expect(byId.get('letter:L1')).toMatchObject({ type: 'records_request', date: '2024-05-20' });
    expect(byId.has('letter:L2')).toBe(false); // not sent: no clock

    const deadlines = computeDeadlines(events, DEADLINE_RULES, { state: 'MO', calendar: null, today: '2024-06-01' });
    const annual = deadlines.filter((d) => d.ruleId === 'fed.iep.annual_review');
    expect(annual.map((d) => [d.dueDate, d.status])).toEqual([['2023-05-03', 'met'], ['2024-05-10', 'overdue']]);
    expect(deadlines.find((d) => d.ruleId === 'fed.records.access')).toMatchObject({ dueDate: '2024-07-04', status: 'upcoming' });
    expect(deadlines.find((d) => d.ruleId === 'fed.reeval.max_interval')?.dueDate).toBe('2025-05-03');
  });

  it('keeps user events and does not duplicate them', () => {
    const events = deriveCaseEvents({
      today: '2024-06-01',
      ieps: [{ id: 'a', meetingDate: '2023-05-10', type: 'annual' }],
      userEvents: [{ id: 'u1', type: 'iep_meeting', date: '2023-05-10', label: 'Annual IEP (entered by hand)' }],
    });
    expect(events.filter((e) => e.type === 'iep_meeting')).toHaveLength(1);
    expect(events[0].id).toBe('u1');
  });
});

describeRivera('deadlines for dev-rivera', () => {
  interface TruthIep { iep_id: string; iep_type: string; meeting_date: string; document: string }
  const truth = JSON.parse(readFileSync(path.join(RIVERA_DIR, 'truth.json'), 'utf8')) as {
    student: { dob: string }; ieps: TruthIep[]; documents: Array<{ file: string; type: string; date: string }>;
  };
  const records = truth.documents.find((d) => d.type === 'correspondence' && /records/i.test(d.file))!;

  it('computes the annual reviews, the triennial and the California records deadline from the case', () => {
    const events = deriveCaseEvents({
      today: '2025-06-30',
      dob: truth.student.dob,
      ieps: truth.ieps.map((i) => ({ id: i.iep_id, meetingDate: i.meeting_date, type: i.iep_type.toLowerCase() as IepSubtype, documentId: i.document })),
      letters: [{ id: 'rr', template: 'records_request', sentDate: records.date, documentId: records.file }],
    });
    const list = computeDeadlines(events, DEADLINE_RULES, { state: 'CA', calendar: null, today: '2025-06-30' });
    const annual = list.filter((d) => d.ruleId === 'ca.iep.annual').map((d) => [d.triggerEvent.date, d.dueDate, d.status]);
    expect(annual).toEqual([
      ['2022-10-12', '2023-10-12', 'met'],
      ['2023-10-10', '2024-10-10', 'met'],
      ['2024-10-08', '2025-10-08', 'upcoming'],
    ]);
    // Wed 2025-01-15 + 5 business days, MLK day (Jan 20) skipped.
    expect(list.find((d) => d.ruleId === 'ca.records.access')).toMatchObject({ dueDate: '2025-01-23', status: 'overdue', triggerEvent: { sourceDocumentId: records.file } });
    expect(list.find((d) => d.ruleId === 'ca.reeval')?.dueDate).toBe('2025-10-12');
  });
});
