import { describe, expect, it } from 'vitest';
import { parseServiceDose } from '../../../main/core/extract/iep-dose';
import { splitServiceName } from '../../../main/core/extract/services';

describe('parseServiceDose', () => {
  const cases: Array<[string, [number | null, number | null, string | null, number | null, number | null]]> = [
    // text -> [minutesPerSession, sessionsPerPeriod, period, minutesPerWeek, minutesPerMonth]
    ['4 Times Weekly 45 min/session 180 min Weekly', [45, 4, 'week', 180, null]],
    ['30 minutes, 2 times per week', [30, 2, 'week', 60, null]],
    ['45 min 4x weekly', [45, 4, 'week', 180, null]],
    ['3x weekly, 20 minute sessions', [20, 3, 'week', 60, null]],
    ['2 x 30 min/week', [30, 2, 'week', 60, null]],
    ['1 hour twice weekly', [60, 2, 'week', 120, null]],
    ['30 min daily', [30, 1, 'day', 150, null]],
    ['60 minutes per month', [null, null, 'month', null, 60]],
    ['15 min 1x monthly', [15, 1, 'month', null, 15]],
    ['120 minutes per week', [null, null, 'week', 120, null]],
    ['30 minutes 6 times per year', [30, 6, 'year', null, null]],
  ];
  for (const [text, [perSession, sessions, period, week, month]] of cases) {
    it(text, () => {
      expect(parseServiceDose(text)).toEqual({ minutesPerSession: perSession, sessionsPerPeriod: sessions, period, minutesPerWeek: week, minutesPerMonth: month });
    });
  }
});

describe('splitServiceName', () => {
  it('separates a printed service code', () => {
    expect(splitServiceName('Specialized Academic Instruction (330)')).toEqual(['Specialized Academic Instruction', '330']);
    expect(splitServiceName('415 - Language and Speech')).toEqual(['Language and Speech', '415']);
    expect(splitServiceName('Counseling')).toEqual(['Counseling', null]);
  });
});
