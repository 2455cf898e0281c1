// Services printed in forms other than one row per service with its dose in words: labelled blocks
// (colon, beside, label above), "Name: dose" lines under a heading in any case, a table with general-
// and special-education minute columns, doses per six weeks. Phrasings written here.
import { describe, expect, it } from 'vitest';
import { parseServiceDose } from '../../../main/core/extract/iep-dose';
import { buildLayout } from '../../../main/core/extract/layout';
import { extractServices } from '../../../main/core/extract/services';
import { line, sizedPage, type SizedRow } from '../../support/sized-page';

type Dose = [string, number | null, number | null, number | null];
const servicesOf = (rows: SizedRow[]): Dose[] =>
  extractServices(buildLayout([sizedPage(rows)]), 'doc').map((s) => [s.service, s.minutesPerWeek, s.minutesPerMonth, s.minutesPerSession]);

describe('doses per six weeks, counted as their weekly share', () => {
  const cases: Array<[string, number, number | null]> = [
    // text -> [minutesPerWeek, minutesPerSession]
    ['4 sessions per six weeks, 45 minutes', 30, 45],
    ['90 min every 6 wks', 15, null],
    ['3 x 20 min per 6 weeks', 10, 20],
    ['20 min x 3 each six-week period', 10, 20],
    ['twelve sessions per six weeks 360 min per 6 wks', 60, 30],
  ];
  for (const [text, week, session] of cases) {
    it(text, () => {
      const d = parseServiceDose(text);
      expect([d.minutesPerWeek, d.minutesPerSession, d.period]).toEqual([week, session, 'week']);
      expect(d.formula).toMatch(/\/ 6 = /);
    });
  }
});

describe('services in labelled blocks', () => {
  it('reads "Label: value" lines, one block per service name', () => {
    expect(servicesOf([
      line('RELATED SERVICES', { size: 12, bold: true }),
      line('Service: Physical Therapy'),
      line('Frequency: 1 x 30 min weekly'),
      line('Location: gym'),
      line('Type of Service: Social Work'),
      line('Amount: 20 minutes, 3 times per month'),
    ])).toEqual([['Physical Therapy', 30, null, 30], ['Social Work', null, 60, 20]]);
  });

  it('reads labels printed small above their values, a value wrapped onto a second line', () => {
    expect(servicesOf([
      line('PROGRAM', { size: 12, bold: true }),
      line('SERVICE DESCRIPTION', { size: 7, bold: true }),
      line('Reading intervention in a'),
      line('small group'),
      line('DURATION', { size: 7, bold: true }),
      line('40 minutes per session'),
      line('HOW OFTEN', { size: 7, bold: true }),
      line('5 times per week'),
    ])).toEqual([['Reading intervention in a small group', 200, null, 40]]);
  });

  it('reads labels in a cell beside their values', () => {
    expect(servicesOf([
      { cells: [[54, 'Related Service'], [220, 'Audiology consult']] },
      { cells: [[54, 'Frequency & Duration'], [220, '45 minutes once a month']] },
      { cells: [[54, 'Provided by'], [220, 'District audiologist']] },
    ])).toEqual([['Audiology consult', null, 45, 45]]);
  });
});

describe('services as lines under a heading in any case', () => {
  it('reads "Name: dose" lines under a bold title-case heading and stops at the next heading', () => {
    expect(servicesOf([
      line('Related Services', { size: 12, bold: true }),
      line('Physical therapy: 30 minutes, twice weekly, in the gym.'),
      line('Counselling: 25 minutes per session, 2 times per month.'),
      line('Supports for School Staff', { size: 12, bold: true }),
      line('Staff consultation: 15 minutes per week with the classroom teacher.'),
    ])).toEqual([['Physical therapy', 60, null, 30], ['Counselling', null, 50, 25]]);
  });
});

describe('a services table with general- and special-education minute columns', () => {
  it('takes the special-education minutes, bare figures read as minutes', () => {
    const cols = (cells: string[]) => ({ cells: cells.map((t, k) => [[54, 200, 300, 390, 500][k], t] as [number, string]), size: 8 });
    expect(servicesOf([
      cols(['Service', 'Frequency', 'Reg. Ed. Minutes', 'Special Ed. Minutes', 'Location']),
      cols(['Math instruction', '5 x weekly', '0', '225 per week', 'Resource']),
      cols(['Occupational therapy', '3 sessions per 6 weeks', '30', '90 per 6 weeks', 'OT room']),
    ])).toEqual([['Math instruction', 225, null, null], ['Occupational therapy', 15, null, 30]]);
  });
});
