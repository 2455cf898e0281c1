// The legal-holiday table the deadline engine counts with is date-holidays' own answer: regenerating
// it from the installed library gives the committed file byte for byte (scripts/holidays.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_YEAR, holidaysFromLibrary, JURISDICTIONS, LAST_YEAR, TABLE_FILE, tableSource } from '../../../scripts/holidays';
import { legalHolidays } from '../../../shared/deadlines';

describe('legal-holiday table', () => {
  it('is what scripts/holidays.ts writes from the installed date-holidays', () => {
    expect(readFileSync(TABLE_FILE, 'utf8')).toBe(tableSource());
  });

  it('answers as the library does, year by year, and nothing outside its years', () => {
    for (const j of JURISDICTIONS)
      for (const year of [FIRST_YEAR, 2024, 2027, LAST_YEAR])
        expect(legalHolidays(j, year).map((h) => [h.date, h.label]), `${j} ${year}`).toEqual(holidaysFromLibrary(j, year));
    expect(legalHolidays('US', FIRST_YEAR - 1)).toEqual([]);
    expect(legalHolidays('US', LAST_YEAR + 1)).toEqual([]);
  });
});
