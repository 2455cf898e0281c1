import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  classifyCalendarEntry, computeDeadlines, DEADLINE_RULES, deadlinesToIcs, districtCalendarToIcs, parseDistrictCalendarIcs,
} from '../../../shared/deadlines';
import { twoYearCalendar } from './calendars';

describe('district calendar .ics', () => {
  it('round-trips a hand-entered calendar', () => {
    const cal = twoYearCalendar({ extraSchoolDays: ['2024-03-02'] });
    const ics = districtCalendarToIcs(cal, '2024-01-01T00:00:00Z');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const back = parseDistrictCalendarIcs(ics);
    expect(back.ignored).toEqual([]);
    expect(back.calendar.name).toBe(cal.name);
    expect(back.calendar.terms.map((t) => [t.firstDay, t.lastDay])).toEqual(cal.terms.map((t) => [t.firstDay, t.lastDay]));
    expect(back.calendar.closures).toEqual([...cal.closures].sort((a, b) => a.start.localeCompare(b.start)));
    expect(back.calendar.extraSchoolDays).toEqual(['2024-03-02']);
  });

  it("reads a district's own export by its wording, ignoring school events", () => {
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Some District//EN', 'X-WR-CALNAME:Lakeview R-VII 2024-25',
      ...[
        ['20240819', '20240820', 'First Day of School for Students'],
        ['20240902', '20240903', 'Labor Day - No School'],
        ['20241014', '20241015', 'Professional Development Day (Non-Student Day)'],
        ['20241127', '20241130', 'Thanksgiving Break'],
        ['20241211', '20241212', 'Winter Concert'],
        ['20241213', '20241214', 'Early Release Day'],
        ['20241223', '20250104', 'Winter Recess'],
        ['20250120', '20250121', 'Martin Luther King Jr. Day'],
        ['20250522', '20250523', 'Last Day of School - Minimum Day'],
      ].flatMap(([s, e, summary], i) => ['BEGIN:VEVENT', `UID:${i}@district`, 'DTSTAMP:20240601T000000Z', `DTSTART;VALUE=DATE:${s}`, `DTEND;VALUE=DATE:${e}`, `SUMMARY:${summary}`, 'END:VEVENT']),
      'BEGIN:VEVENT', 'UID:board@district', 'DTSTAMP:20240601T000000Z', 'DTSTART:20240910T180000Z', 'DTEND:20240910T200000Z', 'SUMMARY:Board of Education Meeting', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { calendar, ignored } = parseDistrictCalendarIcs(ics);
    expect(calendar.name).toBe('Lakeview R-VII 2024-25');
    expect(calendar.terms).toEqual([{ firstDay: '2024-08-19', lastDay: '2025-05-22' }]);
    expect(calendar.closures.map((c) => [c.start, c.end, c.kind])).toEqual([
      ['2024-09-02', '2024-09-02', 'holiday'],
      ['2024-10-14', '2024-10-14', 'non_school_day'],
      ['2024-11-27', '2024-11-29', 'break'],
      ['2024-12-23', '2025-01-03', 'break'],
      ['2025-01-20', '2025-01-20', 'holiday'],
    ]);
    expect(ignored.join('\n')).toMatch(/Winter Concert/);
    expect(ignored.join('\n')).toMatch(/Board of Education/);
  });

  it('classifies wording from several kinds of district calendar', () => {
    expect(classifyCalendarEntry('Spring Recess')).toMatchObject({ kind: 'closure', closure: 'break' });
    expect(classifyCalendarEntry("Presidents' Day")).toMatchObject({ kind: 'closure', closure: 'holiday' });
    expect(classifyCalendarEntry('Teacher Work Day - No Students')).toMatchObject({ kind: 'closure' });
    expect(classifyCalendarEntry('First Day for Teachers')).toEqual({ kind: 'ignored' });
    expect(classifyCalendarEntry('Holiday Program (K-2)')).toEqual({ kind: 'ignored' });
    expect(classifyCalendarEntry('Minimum Day - Parent Conferences')).toEqual({ kind: 'school_day' });
    expect(classifyCalendarEntry('Parent Conferences - No School')).toMatchObject({ kind: 'closure' });
  });
});

describe('deadlines .ics export', () => {
  it('writes one all-day event per computable deadline, readable by ical.js', () => {
    const deadlines = computeDeadlines(
      [
        { id: 'r1', type: 'records_request', date: '2025-01-15', label: 'Records request' },
        { id: 'p1', type: 'placement_change_decision', date: '2025-01-15', label: 'Suspension' },
        { id: 'i1', type: 'iep_meeting', date: '2024-10-08', label: 'Annual IEP' },
      ],
      DEADLINE_RULES,
      { state: 'CA', calendar: null, today: '2025-01-16' },
    );
    const { ics, skipped } = deadlinesToIcs(deadlines, { calendarName: 'Rivera deadlines', stamp: '2025-01-16T12:00:00.000Z' });
    expect(skipped).toEqual(['p1:fed.discipline.mdr']); // school days without a calendar: no date to export
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const records = byUid.get('r1:ca.records.access@iep-casefile')!;
    expect(records.startDate.isDate).toBe(true);
    expect(records.startDate.toString()).toBe('2025-01-23');
    expect(records.description).toMatch(/Ed Code 56504/);
    const annual = byUid.get('i1:ca.iep.annual@iep-casefile')!;
    expect(annual.startDate.toString()).toBe('2025-10-08');
    expect(events).toHaveLength(deadlines.filter((d) => d.dueDate).length);
  });
});
