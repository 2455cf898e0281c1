// IEPs whose goals and services are printed as tables, in styles of our own design (not the
// fixtures' wording): header labels wrapped over two lines, goal tables with area bands, explanatory
// header lines, a goal running over a page break under a repeated header, criteria and schedules in
// their own columns, services tables with group, period and rotating-cycle columns and accommodation
// rows under their own band. Built as real PDFs and read back through the text layer.
import { describe, expect, it } from 'vitest';
import { extractIep } from '../../../main/core/extract/iep';
import { committeeStyle, numberedTableStyle } from './table-forms';

describe('IEPs with goal and service tables, in form styles of our own', () => {
  it('reads a committee-style IEP: wrapped header labels, banded goal table over a page break, cycle services', async () => {
    const iep = extractIep(await committeeStyle(), 'committee');
    expect([iep.type, iep.meetingDate, iep.startDate, iep.endDate, iep.nextReevaluation]).toEqual(['annual', '2025-03-11', '2025-09-04', '2026-03-10', '2027-01-15']);
    expect(iep.student.grade).toBe('5');
    expect(iep.goals.map((g) => [g.number, g.area])).toEqual([[1, 'Mathematics'], [2, 'Mathematics'], [3, 'Behavior']]);
    const [g1, g2, g3] = iep.goals;
    expect(g1.text).toBe('Given ten two-digit by one-digit multiplication problems, Ava will solve them and show each step.');
    expect(g1).toMatchObject({ targetValue: 85, unit: 'percent accuracy', targetDate: '2026-02-28', baselineValue: 40, measuredBy: 'Teacher-made probes', measurable: true });
    expect(g2).toMatchObject({ targetValue: 75, baselineValue: 30, targetDate: '2026-02-28', direction: 'increase' });
    expect(g3.text).toBe('During whole-class lessons, Ava will decrease calling out by raising her hand and waiting to be called on.');
    expect(g3).toMatchObject({ targetValue: 2, direction: 'decrease', baselineValue: 9, targetDate: null });
    expect(g3.source.page).toBe(1);

    expect(iep.services.map((s) => [s.service, s.minutesPerSession, s.minutesPerWeek, s.minutesPerMonth, s.startDate, s.endDate])).toEqual([
      ['Consultant Teacher', 30, 300, null, '2025-09-04', '2026-06-24'],
      ['Occupational Therapy', 30, 112.5, null, '2025-09-04', '2026-06-24'],
      ['Counseling', 45, null, 45, '2025-09-04', '2026-06-24'],
    ]);
    expect(iep.services[1].frequencyText).toMatch(/3 x 30 min per 4-day cycle x 5\/4 = 112\.5 min a week/);
    expect(iep.accommodations).toEqual(['Use of a multiplication chart']);
  });

  it('reads a numbered goal table with its own baseline column and services per month and per six weeks', async () => {
    const iep = extractIep(await numberedTableStyle(), 'numbered');
    expect([iep.meetingDate, iep.startDate, iep.endDate]).toEqual(['2025-10-02', '2025-10-06', '2026-10-01']);
    const [g1, g2] = iep.goals;
    expect(g1).toMatchObject({ number: 1, targetValue: 80, unit: 'percent of summaries', targetDate: '2026-06-12', baselineText: 'Noor included 1 key detail in 3 summaries (09/2025).' });
    expect(g1.text).toMatch(/^When given a seventh grade passage, Noor will summarize/);
    expect(g2).toMatchObject({ number: 2, targetValue: 90, baselineValue: 55, targetDate: null, impliedTargetDate: '2026-04-06' });
    expect(iep.services.map((s) => [s.service, s.minutesPerWeek, s.minutesPerMonth, s.provider])).toEqual([
      ['Speech-Language Therapy', null, 60, 'SLP'],
      ['Study Skills Instruction', 30, null, 'Sp. Ed. teacher'],
    ]);
  });
});
