// The disclosure deadline counted back from the hearing: five business days over weekends, over a legal
// holiday from the built-in table, on a district calendar (its closure days and its own holidays), with
// the rules it rests on and their tags.
import { describe, expect, it } from 'vitest';
import { disclosureDeadline } from '../../../main/core/disclosure/deadline';
import type { DistrictCalendar } from '../../../shared/deadlines';
import { FORUM_PROFILES } from '../../../shared/forums/profiles';

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('disclosure deadline', () => {
  it('is five weekdays back from a Monday hearing, and skips the weekend from a midweek one', () => {
    expect(disclosureDeadline('2025-03-10', null, null, null).deadline).toBe('2025-03-03');
    const mid = disclosureDeadline('2025-03-12', null, null, null);
    expect(mid.deadline).toBe('2025-03-05');
    expect([0, 6]).not.toContain(weekday(mid.deadline));
    expect(mid.businessDays).toBe(5);
    expect(mid.rules[0]).toMatchObject({ citation: '34 CFR 300.512(a)(3), (b)', tag: 'P' });
    expect(mid.calendarUsed).toBe(false);
    expect(mid.notes.join(' ')).toMatch(/No district calendar entered/);
  });

  it('skips a legal holiday: Independence Day inside the count moves the date a day earlier', () => {
    // Jul 10 2025 (Thu): Jul 9, 8, 7, [4 holiday], 3, 2.
    expect(disclosureDeadline('2025-07-10', null, null, null).deadline).toBe('2025-07-02');
    // The same count a week later has no holiday in it.
    expect(disclosureDeadline('2025-07-17', null, null, null).deadline).toBe('2025-07-10');
    // Thanksgiving and the day after (a California legal holiday) in one count.
    expect(disclosureDeadline('2025-12-02', null, 'US', null).deadline).toBe('2025-11-24');
    expect(disclosureDeadline('2025-12-02', null, 'CA', null).deadline).toBe('2025-11-21');
  });

  it('counts on the district calendar: its own holidays, and closure days when the user says they are not business days', () => {
    const calendar: DistrictCalendar = {
      name: 'Example USD 2024-25',
      terms: [{ firstDay: '2024-08-20', lastDay: '2025-06-10' }],
      closures: [{ start: '2025-04-14', end: '2025-04-18', label: 'Spring break', kind: 'break' }],
      legalHolidays: [{ date: '2025-04-11', label: 'Local holiday' }],
    };
    // Federal reading: closure weekdays are business days. Apr 21 (Mon): 18, 17, 16, 15, 14.
    const federal = disclosureDeadline('2025-04-21', calendar, 'CA', null);
    expect(federal.deadline).toBe('2025-04-14');
    expect(federal.calendarUsed).toBe(true);
    // Closures not counted: back past spring break and the district's Apr 11 holiday: 10, 9, 8, 7, 4.
    const closed = disclosureDeadline('2025-04-21', { ...calendar, closuresAreNonBusinessDays: true }, 'CA', null);
    expect(closed.deadline).toBe('2025-04-04');
    expect(closed.notes.join(' ')).toMatch(/closure days/);
  });

  it("lists a forum's own disclosure rule with its tag beside the federal one", () => {
    const ca = disclosureDeadline('2025-03-10', null, 'CA', FORUM_PROFILES['ca-oah']);
    expect(ca.rules.map((r) => [r.citation, r.tag])).toEqual([['34 CFR 300.512(a)(3), (b)', 'P'], ['Cal. Ed. Code 56505(e)(7)', 'K'], ['OAH Special Education Self-Help: Preparing for Hearing', 'S']]);
    const pa = disclosureDeadline('2025-03-10', null, null, FORUM_PROFILES['pa-odr']);
    expect(pa.rules.at(-1)!.tag).toBe('X');
    expect(pa.deadline).toBe('2025-03-03');
  });
});
