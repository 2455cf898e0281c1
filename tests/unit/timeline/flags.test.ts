// Red-flag rules on case models composed by hand: each rule fires on its pattern, in wording unlike
// the fixture's, and stays quiet on a case that is going well.
import { describe, expect, it } from 'vitest';
import type { ExtractedService } from '../../../shared/domain';
import { type RedFlag, computeRedFlags } from '../../../shared/timeline/flags';
import { linkGoals } from '../../../shared/timeline/lineage';
import { type CaseModel, resolveProgressGoals } from '../../../shared/timeline/model';
import { entry, goal, iep, model, report, score, src } from './support/build';

function flagsOf(m: CaseModel): RedFlag[] {
  const resolved = resolveProgressGoals(m);
  return computeRedFlags(resolved, linkGoals(resolved));
}
const types = (flags: RedFlag[]) => flags.map((f) => f.type);

function service(minutesPerWeek: number, documentId: string): ExtractedService {
  return {
    key: `s${minutesPerWeek}`, service: 'Resource reading', serviceCode: null, minutesPerSession: null, sessionsPerPeriod: null, period: 'week',
    minutesPerWeek, minutesPerMonth: null, frequencyText: `${minutesPerWeek} min/week`, location: null, provider: null, startDate: null, endDate: null,
    source: src(documentId, 5), confidence: 1,
  };
}

const SPELLING = (date: string) => `By ${date}, given 20 dictated grade-level words, Ava will spell 16 of 20 correctly on 3 consecutive weekly spelling probes.`;

/** Two annual IEPs, quarterly reports, data that reach the target: nothing should be flagged. */
function healthyCase(): CaseModel {
  const y1 = iep('P1', { meetingDate: '2022-09-15', startDate: '2022-09-15', endDate: '2023-09-14', reportingSchedule: 'Quarterly, with report cards', services: [service(150, 'doc-P1')] });
  y1.goals = [goal('P1', y1.documentId, 1, { area: 'Spelling', text: SPELLING('09/14/2023'), baselineValue: 6, targetValue: 16, unit: 'words correct', direction: 'increase', targetDate: '2023-09-14' })];
  const y2 = iep('P2', { meetingDate: '2023-09-12', startDate: '2023-09-12', endDate: '2024-09-11', reportingSchedule: 'Quarterly, with report cards', services: [service(120, 'doc-P2')] });
  y2.goals = [goal('P2', y2.documentId, 1, { area: 'Written expression', text: 'By 09/11/2024, given a prompt, Ava will write a 5-sentence paragraph scoring 3 of 4 on the district rubric in 4 of 5 samples.', baselineValue: 2, targetValue: 3, unit: 'rubric points', direction: 'increase' })];
  const reports = [
    ['2022-11-10', 8], ['2023-01-26', 11], ['2023-04-06', 14], ['2023-06-08', 16],
  ].map(([d, v], k) => report(`q${k}`, d as string, [entry(1, 'M', 'Making progress', [[d as string, v as number]], `q${k}`)]));
  const reports2 = ['2023-11-09', '2024-01-25', '2024-04-04', '2024-06-06'].map((d, k) =>
    report(`w${k}`, d, [entry(1, 'AP', 'Adequate progress', [[d, 2 + k * 0.3]], `w${k}`)]));
  return model({ ieps: [y1, y2], progressReports: [...reports, ...reports2], today: '2024-07-01' });
}

describe('a case going well', () => {
  it('raises no flag', () => {
    expect(flagsOf(healthyCase())).toEqual([]);
  });
});

describe('schedule rules', () => {
  it('flags a missing quarterly report and nothing else', () => {
    const m = healthyCase();
    m.progressReports = m.progressReports.filter((r) => r.documentId !== 'q2');
    const flags = flagsOf(m);
    expect(types(flags)).toEqual(['progress_report_missing_or_late']);
    expect(flags[0].description).toContain('3 progress reports');
    expect(flags[0].description).toContain('promises 4 a year');
  });

  it('counts a period whose report is absent when a later report reprints its column with data (a cumulative grid)', () => {
    const m = healthyCase();
    m.progressReports = m.progressReports.filter((r) => r.documentId !== 'q2');
    const june = m.progressReports.find((r) => r.documentId === 'q3')!;
    june.entries[0].dataPoints.unshift({ date: '2023-04-06', value: 14, unit: null, source: src('q3'), earlierPeriod: true });
    expect(types(flagsOf(m))).not.toContain('progress_report_missing_or_late');
    // A reprinted column from before the previous report in the file shows nothing new.
    june.entries[0].dataPoints[0] = { ...june.entries[0].dataPoints[0], date: '2023-01-20' };
    expect(types(flagsOf(m))).toContain('progress_report_missing_or_late');
  });

  it('flags an annual review held late and one overdue now, once the records run well past the due date', () => {
    const m = healthyCase();
    m.ieps[1] = { ...m.ieps[1], meetingDate: '2023-10-20', startDate: '2023-10-20' };
    m.today = '2025-01-05';
    const overdue = flagsOf(m).filter((f) => f.type === 'annual_review_overdue');
    expect(overdue.map((f) => f.documentIds[0])).toEqual(['doc-P1', 'doc-P2']);
    expect(overdue[0].description).toContain('400 days later');
    expect(overdue[1].description).toContain('due by Oct 20, 2024, 77 days earlier');
    // Records ending weeks after the due date cannot show that no meeting was held: the new IEP may not be in the file yet.
    m.today = '2024-11-05';
    expect(flagsOf(m).filter((f) => f.type === 'annual_review_overdue').map((f) => f.documentIds[0])).toEqual(['doc-P1']);
  });

  it('flags a reevaluation more than three years after the last evaluation, or past the date the IEP gives', () => {
    const m = healthyCase();
    m.documents.push({ id: 'eval', fileName: 'Psychoeducational evaluation.pdf', type: 'evaluation', date: '2021-03-02' });
    m.today = '2024-05-10';
    expect(flagsOf(m).filter((f) => f.type === 'reevaluation_overdue').map((f) => f.description)).toEqual([
      expect.stringContaining('due by Mar 2, 2024'),
    ]);
    m.today = '2024-04-20';
    expect(types(flagsOf(m))).not.toContain('reevaluation_overdue');
    m.ieps[1] = { ...m.ieps[1], nextReevaluation: '2024-01-31' };
    expect(types(flagsOf(m))).toContain('reevaluation_overdue');
  });
});

describe('goal rules', () => {
  it('judges a target against the baseline in the goal\'s own direction', () => {
    const k = iep('K', { meetingDate: '2024-01-10', startDate: '2024-01-10', endDate: '2025-01-09' });
    k.goals = [
      goal('K', k.documentId, 1, { text: 'By 01/09/2025, Sam will reduce elopement to no more than 5 incidents per week.', baselineValue: 3, targetValue: 5, unit: 'incidents per week' }),
      goal('K', k.documentId, 2, { text: 'By 01/09/2025, Sam will reduce hitting to no more than 1 incident per week.', baselineValue: 8, targetValue: 1, unit: 'incidents per week' }),
      goal('K', k.documentId, 3, { text: 'By 01/09/2025, Sam will maintain 90% accuracy on math facts.', baselineValue: 92, targetValue: 90, unit: 'percent', direction: 'maintain' }),
    ];
    const flags = flagsOf(model({ ieps: [k], today: '2024-02-01' })).filter((f) => f.type === 'goal_target_below_baseline');
    expect(flags.map((f) => f.goalIds)).toEqual([['K#G1']]);
    expect(flags[0].description).toContain('decrease to 5');
  });

  it('names the components a vague goal lacks', () => {
    const k = iep('V', { meetingDate: '2024-01-10', startDate: '2024-01-10' });
    k.goals = [goal('V', k.documentId, 1, { text: 'Lee will work on social skills.', components: { condition: false, behavior: true, criterion: false, timeframe: false }, measurable: false })];
    const flag = flagsOf(model({ ieps: [k], today: '2024-02-01' })).find((f) => f.type === 'vague_goal')!;
    expect(flag.description).toContain('no condition, no criterion, no timeframe');
  });

  it('flags a measure left at a lower grade while the child moves up, using the grade for the school year', () => {
    const text = (g: string) => `By June, given a ${g}-grade passage, Max will answer 8 of 10 comprehension questions correctly.`;
    const a = iep('G1', { meetingDate: '2022-05-01', startDate: '2022-05-01' });
    a.goals = [goal('G1', a.documentId, 1, { area: 'Reading comprehension', text: text('second'), targetValue: 8, unit: 'questions' })];
    const b = iep('G2', { meetingDate: '2023-05-01', startDate: '2023-05-01' });
    b.goals = [goal('G2', b.documentId, 1, { area: 'Reading comprehension', text: text('second'), targetValue: 8, unit: 'questions' })];
    const c = iep('G3', { meetingDate: '2024-05-01', startDate: '2024-05-01' });
    c.goals = [goal('G3', c.documentId, 1, { area: 'Reading comprehension', text: text('fourth'), targetValue: 8, unit: 'questions' })];
    const m = model({ ieps: [a, b, c], today: '2024-06-01' });
    m.student.grades = { '2021-22': '2nd', '2022-23': 'Grade 3', '2023-24': '4' };
    const flags = flagsOf(m).filter((f) => f.type === 'goal_not_updated_to_grade_level');
    expect(flags.map((f) => f.goalIds)).toEqual([['G2#G1']]);
  });
});

describe('progress report rules', () => {
  function reportCase(entries: ReturnType<typeof entry>[], legend: Record<string, string> = {}) {
    const k = iep('R', { meetingDate: '2023-09-01', startDate: '2023-09-01', endDate: '2024-08-31' });
    k.goals = [
      goal('R', k.documentId, 1, { area: 'Math', text: 'By 08/31/2024, Kai will solve two-step word problems with 80% accuracy on 4 of 5 probes.', baselineValue: 20, targetValue: 80, unit: 'percent accuracy', direction: 'increase' }),
      goal('R', k.documentId, 2, { area: 'Behavior', text: 'By 08/31/2024, Kai will follow teacher directions within 1 minute in 80% of opportunities.', baselineValue: 40, targetValue: 80, unit: 'percent of opportunities', direction: 'increase' }),
    ];
    return flagsOf(model({ ieps: [k], progressReports: [report('pr', '2024-05-30', entries, { legend })], today: '2024-06-01' }));
  }

  it('flags "progressing" with no number but not a goal coded as not yet introduced (legend read)', () => {
    const flags = reportCase([entry(1, '3', null, [], 'pr'), entry(2, '5', null, [], 'pr')], { '3': 'Progressing toward goal', '5': 'Goal not yet introduced' });
    const flag = flags.find((f) => f.type === 'progress_report_without_data')!;
    expect(flag.goalIds).toEqual(['R#G1']);
    expect(flag.documentIds).toEqual(['pr']);
  });

  it('flags "satisfactory progress" on flat data and "met" when no point reached the target', () => {
    const flat: Array<[string, number]> = [['2023-12-01', 30], ['2024-02-01', 31], ['2024-04-01', 29], ['2024-05-20', 30]];
    const flags = reportCase([
      entry(1, 'S', 'Satisfactory progress', flat, 'pr'),
      entry(2, 'M', 'Goal met', [['2024-05-01', 70]], 'pr'),
    ]).filter((f) => f.type === 'progress_code_contradicts_data');
    expect(flags.map((f) => f.goalIds[0])).toEqual(['R#G1', 'R#G2']);
    expect(flags[0].description).toContain('flat (30, 31, 29, 30 percent accuracy)');
    expect(flags[1].description).toContain('no data point reaches the target of 80');
  });

  it('leaves "satisfactory progress" alone when the data follow the aim line', () => {
    const rising: Array<[string, number]> = [['2023-12-01', 35], ['2024-02-01', 45], ['2024-04-01', 57], ['2024-05-20', 64]];
    expect(types(reportCase([entry(1, 'S', 'Satisfactory progress', rising, 'pr'), entry(2, 'S', 'Satisfactory progress', [['2024-05-01', 70]], 'pr')])))
      .not.toContain('progress_code_contradicts_data');
  });
});

describe('scores and services', () => {
  it('flags percentiles falling at every testing, not small or mixed moves', () => {
    const m = healthyCase();
    m.testScores = [
      score('s1', 'WIAT-4 (Form A)', 'Oral Reading Fluency', '2021-10-01', 30), score('s2', 'WIAT-4 Form B', 'Oral Reading Fluency', '2022-10-01', 25), score('s3', 'WIAT-4', 'Oral Reading Fluency', '2023-10-01', 16),
      score('s1', 'WIAT-4', 'Spelling', '2021-10-01', 20), score('s3', 'WIAT-4', 'Spelling', '2023-10-01', 16),
      score('s1', 'WIAT-4', 'Math Fluency', '2021-10-01', 40), score('s2', 'WIAT-4', 'Math Fluency', '2022-10-01', 45), score('s3', 'WIAT-4', 'Math Fluency', '2023-10-01', 20),
      score('s1', 'NWEA MAP', 'Reading', '2022-09-01', 50), score('s2', 'NWEA MAP', 'Reading', '2023-09-01', 38),
    ];
    const flags = flagsOf(m).filter((f) => f.type === 'declining_percentiles');
    expect(flags).toHaveLength(1);
    expect(flags[0].description).toContain('on 2 measures');
    expect(flags[0].description).toContain('WIAT-4 Oral Reading Fluency 30 → 25 → 16');
    expect(flags[0].description).toContain('NWEA MAP Reading 50 → 38');
    expect(flags[0].description).not.toContain('Spelling');
  });

  it('flags a whole battery falling between two administrations, each measure by less than the single-drop threshold', () => {
    const m = healthyCase();
    const measures: Array<[string, number, number]> = [['Word Reading', 12, 5], ['Spelling', 10, 6], ['Math Problem Solving', 34, 27]];
    m.testScores = measures.flatMap(([subtest, before, after]) => [score('e1', 'WIAT-4', subtest, '2021-10-14', before), score('e2', 'WIAT-4', subtest, '2024-04-09', after)]);
    expect(flagsOf(m).filter((f) => f.type === 'declining_percentiles').map((f) => f.description)).toEqual([
      expect.stringContaining('on 3 measures: WIAT-4 Word Reading 12 → 5'),
    ]);
    // One measure holding steady leaves the battery's small moves within test error.
    m.testScores = m.testScores.map((s) => (s.subtest === 'Spelling' && s.date === '2024-04-09' ? { ...s, percentile: 11 } : s));
    expect(types(flagsOf(m))).not.toContain('declining_percentiles');
  });

  it('flags missed minutes per service log, with the school-side share, and ignores a few', () => {
    const m = healthyCase();
    const summary = (key: string, documentId: string, required: number, missed: number, district: number) => ({
      key, documentId, service: key, periodStart: '2023-09-01', periodEnd: '2024-01-31', minutesRequired: required, minutesDelivered: required - missed,
      minutesMissed: missed, minutesMissedDistrictResponsible: district, minutesMissedStudentAbsence: missed - district, source: src(documentId),
    });
    m.serviceDelivery = [summary('Speech', 'log1', 1200, 240, 180), summary('OT', 'log1', 600, 60, 60), summary('Reading', 'log2', 2000, 20, 20)];
    const flags = flagsOf(m).filter((f) => f.type === 'missed_services');
    expect(flags.map((f) => f.documentIds)).toEqual([['log1']]);
    expect(flags[0].description).toContain('300 of 1,800 required minutes not delivered (17%); 240 of them for reasons on the school\'s side, 60 for student absence');
  });

  it('flags unchanged service minutes while a carried goal stays flat, not when minutes rose', () => {
    const make = (secondMinutes: number) => {
      const a = iep('S1', { meetingDate: '2022-10-01', startDate: '2022-10-01', endDate: '2023-09-30', services: [service(90, 'doc-S1')] });
      const b = iep('S2', { meetingDate: '2023-09-28', startDate: '2023-09-28', endDate: '2024-09-27', services: [service(secondMinutes, 'doc-S2')] });
      a.goals = [goal('S1', a.documentId, 1, { area: 'Spelling', text: SPELLING('09/30/2023'), baselineValue: 5, targetValue: 16, unit: 'words correct', direction: 'increase' })];
      b.goals = [goal('S2', b.documentId, 1, { area: 'Spelling', text: SPELLING('09/27/2024'), baselineValue: 6, targetValue: 16, unit: 'words correct', direction: 'increase' })];
      const points: Array<[string, string, number]> = [['a1', '2022-12-01', 5], ['a2', '2023-03-01', 6], ['a3', '2023-06-01', 6], ['b1', '2023-12-01', 6], ['b2', '2024-03-01', 7]];
      const reports = points.map(([id, d, v]) => report(id, d, [entry(1, 'P', 'Progressing', [[d, v]], id)]));
      return model({ ieps: [a, b], progressReports: reports, today: '2024-04-01' });
    };
    const flags = flagsOf(make(90));
    const unchanged = flags.find((f) => f.type === 'services_unchanged_despite_stagnation')!;
    expect(unchanged.goalIds).toEqual(['S1#G1', 'S2#G1']);
    expect(unchanged.description).toContain('90 min/week');
    expect(types(flags)).toContain('goal_carried_forward_unmet');
    expect(types(flagsOf(make(150)))).not.toContain('services_unchanged_despite_stagnation');
  });
});
