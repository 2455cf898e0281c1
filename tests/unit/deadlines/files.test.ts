import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  computeDeadlines, DEADLINE_RULES, districtCalendarToIcs, importDistrictCalendarFile, writeDeadlinesIcsFile,
} from '../../../main/core/deadlines';
import { twoYearCalendar } from './calendars';

describe('deadline files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'deadlines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a calendar file and uses it to count a California clock', async () => {
    const file = path.join(dir, 'district.ics');
    writeFileSync(file, districtCalendarToIcs(twoYearCalendar(), '2024-01-01T00:00:00Z'));
    const { calendar } = await importDistrictCalendarFile(file);
    const [d] = computeDeadlines([{ id: 'm', type: 'meeting_request', date: '2023-12-08', label: 'Meeting request' }], DEADLINE_RULES,
      { state: 'CA', calendar, today: '2023-12-08' });
    expect(d).toMatchObject({ ruleId: 'ca.iep.parent_request', dueDate: '2024-01-30', calendarUsed: true });
  });

  it('writes deadlines to an .ics file with the export time as DTSTAMP', async () => {
    const file = path.join(dir, 'deadlines.ics');
    const deadlines = computeDeadlines([{ id: 'r', type: 'records_request', date: '2025-01-15', label: 'Records request' }], DEADLINE_RULES,
      { state: 'CA', calendar: null, today: '2025-01-16' });
    const skipped = await writeDeadlinesIcsFile(file, deadlines, { calendarName: 'Case deadlines', now: new Date('2025-01-16T09:30:00Z') });
    expect(skipped).toEqual([]);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('DTSTAMP:20250116T093000Z');
    expect(text).toContain('DTSTART;VALUE=DATE:20250123');
  });
});
