import { describe, expect, it } from 'vitest';
import { addYears, legalHolidays, makeDayCounter } from '../../../shared/deadlines';
import { twoYearCalendar } from './calendars';

describe('legal holidays', () => {
  it('computes floating and observed federal holidays', () => {
    const h2023 = legalHolidays('US', 2023).map((h) => h.date);
    expect(h2023).toContain('2023-01-16'); // MLK: third Monday of January
    expect(h2023).toContain('2023-05-29'); // Memorial Day: last Monday of May
    expect(h2023).toContain('2023-11-23'); // Thanksgiving: fourth Thursday
    expect(h2023).toContain('2023-11-10'); // Veterans Day on Saturday, observed Friday
    expect(legalHolidays('US', 2022).map((h) => h.date)).toContain('2022-12-26'); // Christmas on Sunday, observed Monday
  });

  it('adds state holidays only for that state', () => {
    expect(legalHolidays('CA', 2023).map((h) => h.date)).toContain('2023-11-24'); // day after Thanksgiving
    expect(legalHolidays('US', 2023).map((h) => h.date)).not.toContain('2023-11-24');
    expect(legalHolidays('MO', 2024).map((h) => h.date)).toContain('2024-05-08'); // Truman Day
    expect(legalHolidays('MS', 2024).map((h) => h.date)).toContain('2024-04-29'); // last Monday of April
  });

  const dates = (j: 'US' | 'CA' | 'MS' | 'MO', y: number) => legalHolidays(j, y).map((h) => h.date);

  it('keeps Juneteenth, observed on the Friday when it falls on a Saturday, in every jurisdiction 2024-2028', () => {
    const juneteenth = { 2024: '2024-06-19', 2025: '2025-06-19', 2026: '2026-06-19', 2027: '2027-06-18', 2028: '2028-06-19' };
    for (const j of ['US', 'CA', 'MS', 'MO'] as const)
      for (const [y, day] of Object.entries(juneteenth)) expect(dates(j, Number(y)), `${j} ${y}`).toContain(day);
  });

  it('gives the Friday after Thanksgiving only where the state observes it (California), 2024-2028', () => {
    const thanksgiving = { 2024: 28, 2025: 27, 2026: 26, 2027: 25, 2028: 23 };
    for (const [y, day] of Object.entries(thanksgiving)) {
      const year = Number(y);
      const friday = `${y}-11-${day + 1}`;
      for (const j of ['US', 'CA', 'MS', 'MO'] as const) expect(dates(j, year), `${j} ${y}`).toContain(`${y}-11-${day}`);
      expect(dates('CA', year)).toContain(friday);
      for (const j of ['US', 'MS', 'MO'] as const) expect(dates(j, year), `${j} ${y}`).not.toContain(friday);
    }
  });

  it('puts an observed day in the year it falls in and keeps state holidays, 2024-2028', () => {
    expect(dates('US', 2027)).toEqual(expect.arrayContaining(['2027-12-24', '2027-12-31'])); // Christmas and New Year on Saturdays
    expect(dates('US', 2026)).toContain('2026-07-03'); // Independence Day on a Saturday
    expect(dates('US', 2028)).toContain('2028-11-10'); // Veterans Day on a Saturday
    expect(dates('MS', 2028)).toContain('2028-04-24'); // Confederate Memorial Day, last Monday of April
    expect(dates('MO', 2026)).toEqual(expect.arrayContaining(['2026-02-12', '2026-05-08'])); // Lincoln's Birthday, Truman Day
    expect(dates('CA', 2025)).toContain('2025-03-31'); // Cesar Chavez Day
    expect(dates('CA', 2025)).toContain('2025-10-13'); // Columbus Day stays a federal holiday
    for (let y = 2024; y <= 2028; y++) for (const d of dates('US', y)) expect(d.startsWith(String(y)), d).toBe(true);
  });

  // Every legal holiday of 2026 the statute names (CA Gov. Code 6700, Miss. Code 3-3-7, RSMo 9.010),
  // with the federal ones (5 U.S.C. 6103) each state's business days also skip; dates worked out by hand.
  it('has every legal holiday the state statute names, and no other, in 2026', () => {
    const federal = ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-07-04', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'];
    const own = {
      US: [],
      // Lincoln Day (Feb 12), Cesar Chavez Day, Native American Day (4th Friday of September), the day after Thanksgiving.
      CA: ['2026-02-12', '2026-03-31', '2026-09-25', '2026-11-27'],
      MS: ['2026-04-27'], // Confederate Memorial Day, last Monday of April
      MO: ['2026-02-12', '2026-05-08'], // Lincoln Day, Truman Day
    };
    for (const [j, extra] of Object.entries(own)) expect(dates(j as keyof typeof own, 2026), j).toEqual([...federal, ...extra].sort());
  });

  it('observes California\'s Lincoln Day on the Monday when February 12 is a Sunday, and counts business days past it', () => {
    expect(dates('CA', 2023)).toEqual(expect.arrayContaining(['2023-02-13', '2023-09-22'])); // and Native American Day
    expect(dates('CA', 2023)).not.toContain('2023-02-10');
    expect(legalHolidays('CA', 2023).find((h) => h.date === '2023-02-13')?.label).toBe("Lincoln's Birthday (observed)");
    // Feb 12 2026 is a Thursday: one business day after the Wednesday is the Friday in California, the Thursday elsewhere.
    expect(makeDayCounter(null, 'CA').addBusinessDays('2026-02-11', 1)).toBe('2026-02-13');
    expect(makeDayCounter(null, 'MS').addBusinessDays('2026-02-11', 1)).toBe('2026-02-12');
    expect(makeDayCounter(null, 'CA').addBusinessDays('2026-09-24', 1)).toBe('2026-09-28');
  });

  it('lets a district calendar\'s own holiday list replace the built-in one', () => {
    const own = makeDayCounter({ name: 'District', terms: [], closures: [], legalHolidays: [{ date: '2027-06-21', label: 'District day' }] }, 'US');
    expect(own.isLegalHoliday('2027-06-18')).toBe(false);
    expect(own.isLegalHoliday('2027-06-21')).toBe(true);
    expect(makeDayCounter(null, 'US').addBusinessDays('2027-06-17', 1)).toBe('2027-06-21');
    expect(own.addBusinessDays('2027-06-17', 1)).toBe('2027-06-18');
  });
});

describe('calendar and business days', () => {
  const counter = makeDayCounter(null, 'US');

  it('counts calendar days from the day after the trigger, or from the trigger when it is day 1', () => {
    expect(counter.addCalendarDays('2024-01-10', 60)).toBe('2024-03-10');
    expect(counter.addCalendarDays('2024-09-03', 14, true)).toBe('2024-09-16');
  });

  it('skips weekends and legal holidays forward and backward', () => {
    // Fri 2023-11-17 + 5 business days: Mon 20, Tue 21, Wed 22, (Thu 23 Thanksgiving), Fri 24, Mon 27.
    expect(counter.addBusinessDays('2023-11-17', 5)).toBe('2023-11-27');
    // California also keeps the day after Thanksgiving.
    expect(makeDayCounter(null, 'CA').addBusinessDays('2023-11-17', 5)).toBe('2023-11-28');
    // 5 business days before Fri 2024-01-19, skipping MLK day (Jan 15) and the weekend.
    expect(counter.addBusinessDays('2024-01-19', 5, { backward: true })).toBe('2024-01-11');
  });

  it('treats district closure weekdays as business days unless told otherwise', () => {
    const withCal = makeDayCounter(twoYearCalendar(), 'CA');
    expect(withCal.addBusinessDays('2023-11-17', 5)).toBe('2023-11-28');
    expect(withCal.addBusinessDays('2023-11-17', 5, { closuresAreNonBusinessDays: true })).toBe('2023-12-01');
  });

  it('rolls a Feb 29 anniversary back to Feb 28', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2022-10-12', 3)).toBe('2025-10-12');
  });
});

describe('school days', () => {
  const counter = makeDayCounter(twoYearCalendar(), 'CA');

  it('knows instructional days from the calendar', () => {
    expect(counter.isSchoolDay('2023-12-15')).toBe(true);
    expect(counter.isSchoolDay('2023-12-20')).toBe(false); // winter break
    expect(counter.isSchoolDay('2023-12-16')).toBe(false); // Saturday
    expect(counter.isSchoolDay('2024-07-01')).toBe(false); // between terms
    expect(counter.isSchoolDay('2025-07-01')).toBeNull(); // past the calendar
  });

  it('counts across breaks and holidays', () => {
    // Wed 2023-12-13 + 10 school days: 14, 15, (break) Jan 8-12, (MLK 15) 16, 17, 18.
    expect(counter.addSchoolDays('2023-12-13', 10)).toBe('2024-01-18');
  });

  it('refuses to guess when the count runs past the calendar or there is none', () => {
    expect(counter.addSchoolDays('2025-06-01', 10)).toBeNull();
    expect(makeDayCounter(null, 'CA').addSchoolDays('2023-12-13', 10)).toBeNull();
  });

  it('counts weekend instructional days entered by hand', () => {
    const sat = makeDayCounter(twoYearCalendar({ extraSchoolDays: ['2023-12-16'] }), 'CA');
    expect(sat.addSchoolDays('2023-12-14', 2)).toBe('2023-12-16');
  });
});

describe('California break exclusion (more than five schooldays)', () => {
  const counter = makeDayCounter(twoYearCalendar(), 'CA');
  const gapAt = (d: string) => counter.gaps().find((g) => g.start <= d && d <= g.end);

  it('measures each break by the schooldays lost, not counting legal holidays', () => {
    expect(gapAt('2023-11-22')).toMatchObject({ start: '2023-11-18', end: '2023-11-26', schooldaysLost: 3, excluded: false });
    expect(gapAt('2024-03-27')).toMatchObject({ schooldaysLost: 5, excluded: false }); // exactly five: counts
    expect(gapAt('2024-02-15')).toMatchObject({ schooldaysLost: 6, excluded: true }); // six: excluded
    expect(gapAt('2023-12-25')).toMatchObject({ start: '2023-12-16', end: '2024-01-07', excluded: true });
    expect(gapAt('2024-07-04')).toMatchObject({ betweenTerms: true, excluded: true });
  });

  it('stops the clock over a long break and restarts when school reconvenes', () => {
    // Fri 2023-12-08 + 30: Dec 9-15 count (7), Dec 16 - Jan 7 do not, Jan 8 is day 8, day 30 is Jan 30.
    expect(counter.addCalendarDaysExcludingCaBreaks('2023-12-08', 30)).toBe('2024-01-30');
    // Plain calendar days would give Jan 7.
    expect(counter.addCalendarDays('2023-12-08', 30)).toBe('2024-01-07');
  });

  it('counts a short break (Thanksgiving week, spring break of five days) in full', () => {
    expect(counter.addCalendarDaysExcludingCaBreaks('2023-11-15', 15)).toBe('2023-11-30');
    expect(counter.addCalendarDaysExcludingCaBreaks('2024-03-20', 15)).toBe('2024-04-04');
  });

  it('excludes summer between terms', () => {
    // 2024-05-01 + 60: May 2 - Jun 6 is 36 days; summer skipped; 24 more from Aug 14 = Sep 6.
    expect(counter.addCalendarDaysExcludingCaBreaks('2024-05-01', 60)).toBe('2024-09-06');
  });

  it('cannot count without a calendar or past its end', () => {
    expect(makeDayCounter(null, 'CA').addCalendarDaysExcludingCaBreaks('2023-12-08', 30)).toBeNull();
    expect(counter.addCalendarDaysExcludingCaBreaks('2025-05-20', 30)).toBeNull();
  });
});
