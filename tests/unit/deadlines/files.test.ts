// Deadline files through the core's deadline service (the path the app and the CLI take): a district
// calendar .ics imported into a case, and the case's deadlines written out as .ics.
import { describe, expect, it } from 'vitest';
import { districtCalendarToIcs } from '../../../shared/deadlines';
import { addEvent, caseDeadlines, deadlinesIcs, importCalendarIcs } from '../../../main/core/deadlines/service';
import { buildRegistry } from '../../../main/ipc';
import { testCore } from '../../support/core';
import { twoYearCalendar } from './calendars';

async function caCase(now: string) {
  const core = testCore({ now });
  const c = await buildRegistry().call('cases.create', { name: 'Ana Torres', state: 'CA' }, { core, transport: 'cli' });
  return { core, caseId: c.id };
}

describe('deadline files', () => {
  it('imports a calendar file and uses it to count a California clock', async () => {
    const { core, caseId } = await caCase('2023-12-08T12:00:00Z');
    const { calendar } = await importCalendarIcs(core, caseId, districtCalendarToIcs(twoYearCalendar(), '2024-01-01T00:00:00Z'));
    expect(calendar.terms.length).toBeGreaterThan(0);
    addEvent(core, caseId, { type: 'meeting_request', date: '2023-12-08', label: 'Meeting request' });
    const d = caseDeadlines(core, caseId).find((x) => x.ruleId === 'ca.iep.parent_request');
    expect(d).toMatchObject({ dueDate: '2024-01-30', calendarUsed: true });
  });

  it('writes deadlines to an .ics file with the export time as DTSTAMP', async () => {
    const { core, caseId } = await caCase('2025-01-16T09:30:00Z');
    addEvent(core, caseId, { type: 'records_request', date: '2025-01-15', label: 'Records request' });
    const { ics, fileName } = await deadlinesIcs(core, caseId);
    expect(fileName).toBe('deadlines-Ana_Torres.ics');
    expect(ics).toContain('DTSTAMP:20250116T093000Z');
    expect(ics).toContain('DTSTART;VALUE=DATE:20250123');
  });
});
