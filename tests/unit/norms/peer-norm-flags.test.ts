// Growth against peers on generated fluency series: gap_widening when a school year's gain falls
// short of the 50th percentile's between the same seasons, goal_not_ambitious when a target sits
// below the grade's 10th percentile at its date or asks for less growth than the 50th percentile
// makes. The expected numbers are read from the norm table itself, never typed in, and the wording
// carries each cell's verification tag, "unverified" included; a blank cell gives no flag.
import { describe, expect, it } from 'vitest';
import { ORF_HASBROUCK_TINDAL_2017 } from '../../../shared/norms/orf-hasbrouck-tindal-2017';
import { type OrfNormTable, normCell, percentilePlace, seasonCells, measurementSeason, targetSeason } from '../../../shared/norms/orf';
import { type RedFlag, type RedFlagType, computeRedFlags } from '../../../shared/timeline/flags';
import { linkGoals } from '../../../shared/timeline/lineage';
import { type CaseGoal, type CaseModel, resolveProgressGoals } from '../../../shared/timeline/model';
import { entry, goal, iep, model, report } from '../timeline/support/build';

const T = ORF_HASBROUCK_TINDAL_2017;
const p50 = (grade: number, season: 'fall' | 'winter' | 'spring') => normCell(T, grade, season, 50)!.wcpm;

function flagsOf(m: CaseModel, type: RedFlagType, norms?: OrfNormTable): RedFlag[] {
  const resolved = resolveProgressGoals(m);
  return computeRedFlags(resolved, linkGoals(resolved), { norms }).filter((f) => f.type === type);
}

function fluencyGoal(fields: Partial<CaseGoal>): CaseGoal {
  return goal('iep1', 'doc-iep1', 1, {
    area: 'Reading fluency', unit: 'words correct per minute', direction: 'increase',
    text: 'By 06/01/2024, given a grade-level passage, Ana will read aloud at 120 words correct per minute on curriculum-based measures.',
    ...fields,
  });
}

/** A grade-`grade` IEP starting Sep 5, 2023 with one fluency goal, and progress reports carrying the points. */
function fluencyCase(grade: string | null, g: CaseGoal, points: Array<[string, number]>): CaseModel {
  const plan = iep('iep1', { meetingDate: '2023-09-05', startDate: '2023-09-05', endDate: '2024-09-04', goals: [g], student: { name: 'Ana', dob: null, grade, school: null, district: null, primaryDisability: null } });
  const reports = points.map(([date, value], i) => report(`pr${i}`, date, [entry(1, null, null, [[date, value]], `pr${i}`, { dataPoints: [{ date, value, unit: 'WCPM', source: { documentId: `pr${i}`, page: 2, bbox: null } }] })]));
  return model({ ieps: [plan], progressReports: reports, today: '2024-07-01' });
}

describe('the norm table as data', () => {
  it('keeps the blank grade 1 fall cells blank and tags every cell', () => {
    expect(T.cells.filter((c) => c.grade === 1 && c.season === 'fall').every((c) => c.wcpm === null)).toBe(true);
    expect(T.cells).toHaveLength(6 * 5 * 3);
    expect(new Set(T.cells.map((c) => c.verification))).toEqual(new Set(['two_sources', 'publisher_only']));
    expect(normCell(T, 4, 'fall', 50)?.verification).toBe('two_sources');
    expect(normCell(T, 4, 'spring', 50)?.verification).toBe('publisher_only');
  });

  it('places a score between printed percentiles without claiming an exact one', () => {
    const spring5 = seasonCells(T, 5, 'spring');
    const p10 = spring5.find((c) => c.percentile === 10)!.wcpm;
    expect(percentilePlace(spring5, p10 - 1)).toBe('below the 10th percentile');
    expect(percentilePlace(spring5, p10 + 1)).toBe('between the 10th and 25th percentiles');
    expect(percentilePlace(spring5, p50(5, 'spring'))).toBe('at the 50th percentile');
  });

  it('reads seasons from dates', () => {
    expect(measurementSeason('2023-10-20')).toMatchObject({ season: 'fall', schoolYear: 2023 });
    expect(measurementSeason('2024-05-20')).toMatchObject({ season: 'spring', schoolYear: 2023 });
    expect(measurementSeason('2024-03-20')).toBeNull();
    expect(targetSeason('2024-08-20')).toMatchObject({ season: 'spring', schoolYear: 2023 });
    expect(targetSeason('2024-03-20')).toMatchObject({ season: 'winter', schoolYear: 2023 });
    expect(targetSeason('2024-05-20')).toMatchObject({ season: 'spring', schoolYear: 2023 });
    expect(targetSeason('2024-06-10')).toMatchObject({ season: 'spring', schoolYear: 2023 });
    expect(targetSeason('2023-11-10')).toMatchObject({ season: 'fall', schoolYear: 2023 });
  });
});

describe('gap_widening', () => {
  const g = fluencyGoal({ baselineValue: null, targetValue: 160 });

  it('flags a fall-to-spring gain far short of the 50th percentile gain, with the figures and tags', () => {
    const fall = p50(4, 'fall') - 20;
    const gain = 9;
    const flags = flagsOf(fluencyCase('4', g, [['2023-09-20', fall], ['2024-01-20', fall + 4], ['2024-05-30', fall + gain]]), 'gap_widening');
    expect(flags).toHaveLength(1);
    const peer = p50(4, 'spring') - p50(4, 'fall');
    expect(flags[0].description).toContain(`gained ${gain} WCPM from fall to spring of grade 4`);
    expect(flags[0].description).toContain(`the 50th percentile gains ${peer} (${p50(4, 'fall')} to ${p50(4, 'spring')}; Hasbrouck & Tindal 2017, fall verified in two sources, spring verified once`);
    expect(flags[0].description).toContain('Hasbrouck & Tindal 2017');
    expect(flags[0].description).toContain('fall verified in two sources');
    expect(flags[0].description).toContain(`went from 20 to ${p50(4, 'spring') - fall - gain} WCPM`);
    expect(flags[0].evidence.map((e) => e.documentId)).toEqual(['pr0', 'pr2']);
  });

  it('stays quiet when the child keeps pace, when the grade is unknown, and above the 50th percentile', () => {
    const peer = p50(4, 'spring') - p50(4, 'fall');
    const fall = p50(4, 'fall') - 20;
    expect(flagsOf(fluencyCase('4', g, [['2023-09-20', fall], ['2024-05-30', fall + peer - 5]]), 'gap_widening')).toEqual([]);
    expect(flagsOf(fluencyCase(null, g, [['2023-09-20', fall], ['2024-05-30', fall + 2]]), 'gap_widening')).toEqual([]);
    const above = p50(4, 'fall') + 10;
    expect(flagsOf(fluencyCase('4', g, [['2023-09-20', above], ['2024-05-30', above + 2]]), 'gap_widening')).toEqual([]);
  });

  it('does not judge a goal read on lower-grade passages', () => {
    const lower = fluencyGoal({ targetValue: 100, text: 'By 06/01/2024, given a second grade passage, Ana will read 100 words correct per minute.', gradeLevel: 2 });
    expect(flagsOf(fluencyCase('4', lower, [['2023-09-20', 60], ['2024-05-30', 62]]), 'gap_widening')).toEqual([]);
  });

  it('says "unverified" when a cell it uses is marked so', () => {
    const table: OrfNormTable = { ...T, cells: T.cells.map((c) => (c.grade === 4 && c.season === 'spring' ? { ...c, verification: 'unverified' as const } : c)) };
    const fall = p50(4, 'fall') - 20;
    const [flag] = flagsOf(fluencyCase('4', g, [['2023-09-20', fall], ['2024-05-30', fall + 3]]), 'gap_widening', table);
    expect(flag.description).toMatch(/spring unverified/);
  });

  it('compares the same season a grade later when the year alone shows no season pair', () => {
    const spring4 = p50(4, 'spring') - 30;
    const yearly = (grades: Record<string, string>, gain: number) => {
      const m = fluencyCase(null, g, [['2024-05-30', spring4], ['2025-05-28', spring4 + gain]]);
      return { ...m, student: { ...m.student, grades } };
    };
    const peer = p50(5, 'spring') - p50(4, 'spring');
    const [flag, ...rest] = flagsOf(yearly({ '2023-24': '4', '2024-25': '5' }, 1), 'gap_widening');
    expect(rest).toEqual([]);
    expect(flag.description).toContain(`gained 1 WCPM from spring of grade 4 to spring of grade 5`);
    expect(flag.description).toContain(`the 50th percentile gains ${peer} (${p50(4, 'spring')} to ${p50(5, 'spring')};`);
    // Kept pace within the 10 WCPM band, or the same grade twice (no promotion to compare with): no flag.
    expect(flagsOf(yearly({ '2023-24': '4', '2024-25': '5' }, peer - 5), 'gap_widening')).toEqual([]);
    expect(flagsOf(yearly({ '2023-24': '4', '2024-25': '4' }, 1), 'gap_widening')).toEqual([]);
  });

  it('gives no flag and no error on a blank cell (grade 1 fall)', () => {
    expect(flagsOf(fluencyCase('1', g, [['2023-09-20', 5], ['2024-05-30', 7]]), 'gap_widening')).toEqual([]);
    // Winter to spring in grade 1 has norms on both ends and is judged.
    const winter = p50(1, 'winter') - 10;
    expect(flagsOf(fluencyCase('1', g, [['2023-09-20', 5], ['2024-01-20', winter], ['2024-05-30', winter + 2]]), 'gap_widening')[0].description).toContain('from winter to spring of grade 1');
  });
});

describe('goal_not_ambitious', () => {
  it('flags a target below the 10th percentile of the grade at the goal date', () => {
    const p10 = normCell(T, 4, 'spring', 10)!.wcpm;
    const g = fluencyGoal({ targetValue: p10 - 5, targetDate: '2024-06-01' });
    const [flag] = flagsOf(fluencyCase('4', g, []), 'goal_not_ambitious');
    expect(flag.description).toContain(`its target of ${p10 - 5} WCPM by Jun 1, 2024 is below the 10th percentile for spring of grade 4 (the 10th percentile reads ${p10})`);
    expect(flag.description).toContain('(Hasbrouck & Tindal 2017, verified once, on the publisher Read Naturally\'s pages only)');
  });

  it('flags a goal asking for less growth than the 50th percentile makes, from a baseline below it', () => {
    const base = p50(4, 'fall') - 25;
    const g = fluencyGoal({ baselineValue: base, baselineText: `On 09/12/2023 Ana read ${base} WCPM.`, targetValue: base + 15, targetDate: '2024-06-01' });
    const [flag] = flagsOf(fluencyCase('4', g, []), 'goal_not_ambitious');
    expect(flag.description).toContain(`asks for a gain of 15 WCPM (${base} to ${base + 15}) from fall to spring, while the 50th percentile gains ${p50(4, 'spring') - p50(4, 'fall')}`);
  });

  it('leaves an ambitious goal, an unknown grade and a blank season alone', () => {
    const ok = fluencyGoal({ baselineValue: 80, baselineText: 'On 09/12/2023 Ana read 80 WCPM.', targetValue: p50(4, 'spring'), targetDate: '2024-06-01' });
    expect(flagsOf(fluencyCase('4', ok, []), 'goal_not_ambitious')).toEqual([]);
    const low = fluencyGoal({ targetValue: 10, targetDate: '2024-06-01' });
    expect(flagsOf(fluencyCase(null, low, []), 'goal_not_ambitious')).toEqual([]);
    const firstFall = fluencyGoal({ targetValue: 1, targetDate: '2023-10-15' });
    expect(flagsOf(fluencyCase('1', firstFall, []), 'goal_not_ambitious')).toEqual([]);
  });
});
