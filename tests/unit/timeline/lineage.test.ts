// Lineage, progress-entry resolution, overrides and word diff on case models composed by hand,
// in wordings and layouts unlike the fixture's.
import { describe, expect, it } from 'vitest';
import { applyLinkOverrides, goalMet, lineageHistory, linkGoals, wordDiff, wordSimilarity } from '../../../shared/timeline/lineage';
import { dataPointsByGoal, resolveProgressGoals } from '../../../shared/timeline/model';
import { entry, goal, iep, model, report } from './support/build';

const FLUENCY = (grade: string, target: number, date: string) =>
  `By ${date}, given a ${grade} grade oral reading fluency passage, Jordan will read ${target} words correct per minute with no more than 3 errors on 3 of 4 weekly probes.`;

function threeYears() {
  const y1 = iep('A', { type: 'initial', meetingDate: '2021-05-03', startDate: '2021-05-03', endDate: '2022-05-02', goals: [] });
  y1.goals = [
    goal('A', y1.documentId, 1, { text: FLUENCY('2nd', 70, '05/02/2022'), baselineValue: 40, targetValue: 70, unit: 'words correct per minute' }),
    goal('A', y1.documentId, 2, { text: 'By 05/02/2022, Jordan will add and subtract within 20 with regrouping with 80% accuracy on 4 of 5 probes.', baselineValue: 30, targetValue: 80, unit: '% accuracy' }),
    goal('A', y1.documentId, 3, { text: 'During independent seatwork, Jordan will stay on-task for 70% of observed intervals by May 2022 as measured by interval recording.', baselineValue: 35, targetValue: 70, unit: 'percent of intervals' }),
  ];
  const y2 = iep('B', { meetingDate: '2022-04-28', startDate: '2022-04-28', endDate: '2023-04-27' });
  y2.goals = [
    // Numbers are reshuffled from year to year: linking must not rely on them.
    goal('B', y2.documentId, 1, { text: 'By 04/27/2023, Jordan will solve multiplication and division facts (0-10) with 90% accuracy on 3 consecutive probes.', baselineValue: 20, targetValue: 90, unit: 'percent accuracy' }),
    goal('B', y2.documentId, 2, { text: FLUENCY('2nd', 70, '04/27/2023'), baselineValue: 52, targetValue: 70, unit: 'WCPM' }),
    goal('B', y2.documentId, 3, { text: 'Jordan will improve attention to tasks.', components: { condition: false, behavior: true, criterion: false, timeframe: false }, measurable: false }),
  ];
  const y3 = iep('C', { meetingDate: '2023-04-20', startDate: '2023-04-20', endDate: '2024-04-19' });
  y3.goals = [goal('C', y3.documentId, 1, { text: FLUENCY('3rd', 95, '04/19/2024'), baselineValue: 60, targetValue: 95, unit: 'WCPM' })];
  return model({ ieps: [y3, y1, y2] });
}

describe('linkGoals', () => {
  it('links by skill and wording without areas or stable numbers, and keeps a new skill apart', () => {
    const links = linkGoals(threeYears());
    const groups = links.map((l) => l.goalIds);
    expect(groups).toContainEqual(['A#G1', 'B#G2', 'C#G1']);
    // Attention stays one lineage although the later goal is vague; multiplication is not addition.
    expect(groups).toContainEqual(['A#G3', 'B#G3']);
    expect(groups).toContainEqual(['A#G2']);
    expect(groups).toContainEqual(['B#G1']);
  });

  it('continues a goal through an amendment that restates it, and starts a lineage for a goal new in an amendment', () => {
    const annual = iep('Y1', { meetingDate: '2023-10-01', startDate: '2023-10-01', endDate: '2024-09-30' });
    annual.goals = [goal('Y1', annual.documentId, 1, { area: 'Reading', text: FLUENCY('4th', 90, '09/30/2024'), baselineValue: 60, targetValue: 90, unit: 'WCPM' })];
    const amendment = iep('AM', { type: 'amendment', meetingDate: '2024-01-15', startDate: '2024-01-15', amendsMeetingDate: '2023-10-01' });
    amendment.goals = [
      goal('AM', amendment.documentId, 1, { area: 'Reading', text: FLUENCY('4th', 100, '09/30/2024'), baselineValue: 60, targetValue: 100, unit: 'WCPM' }),
      goal('AM', amendment.documentId, 2, { area: 'Self-regulation', text: 'By 09/30/2024, when frustrated, Jordan will use a calming strategy in 4 of 5 observed situations.', baselineValue: 1, targetValue: 4, unit: 'situations' }),
    ];
    const next = iep('Y2', { meetingDate: '2024-09-25', startDate: '2024-09-25', endDate: '2025-09-24' });
    next.goals = [goal('Y2', next.documentId, 1, { area: 'Reading', text: FLUENCY('5th', 110, '09/24/2025'), baselineValue: 85, targetValue: 110, unit: 'WCPM' })];
    const m = resolveProgressGoals(model({
      ieps: [annual, amendment, next],
      progressReports: [
        report('r1', '2023-12-15', [entry(1, 'P', 'Progressing', [['2023-12-10', 66]], 'r1')]),
        report('r2', '2024-03-20', [entry(1, 'P', 'Progressing', [['2024-03-15', 74]], 'r2'), entry(2, 'NI', 'Not introduced', [], 'r2')]),
      ],
    }));
    const links = linkGoals(m);
    expect(links.map((l) => l.goalIds)).toContainEqual(['Y1#G1', 'AM#G1', 'Y2#G1']);
    expect(links.map((l) => l.goalIds)).toContainEqual(['AM#G2']);
    // Before the amendment goal 1 is the annual IEP's; after it, the amendment's restated goal 1.
    expect(m.progressReports.map((r) => [r.iepId, r.entries.map((e) => e.goalId)])).toEqual([
      ['Y1', ['Y1#G1']],
      ['Y1', ['AM#G1', 'AM#G2']],
    ]);
    const history = lineageHistory(m, links.find((l) => l.goalIds[0] === 'Y1#G1')!);
    expect(history.map((s) => s.targetValue)).toEqual([90, 100, 110]);
    expect(history[1].diff).toContainEqual({ op: 'added', text: '100' });
  });

  it('matches report entries by printed label and unit when numbers are missing', () => {
    const m0 = threeYears();
    const m = resolveProgressGoals({
      ...m0,
      progressReports: [report('r', '2021-11-01', [
        entry(null, 'SP', null, [['2021-10-20', 45]], 'r', { goalLabel: 'Oral reading fluency' }),
        entry(null, 'SP', null, [['2021-10-21', 40]], 'r', { goalLabel: 'Math: addition/subtraction' }),
        entry(null, 'IP', null, [['2021-10-22', 50]], 'r', { goalLabel: 'On-task behavior' }),
      ])],
    });
    expect(m.progressReports[0].iepId).toBe('A');
    expect(m.progressReports[0].entries.map((e) => e.goalId)).toEqual(['A#G1', 'A#G2', 'A#G3']);
  });
});

describe('goalMet', () => {
  const behaviourIep = iep('K', { meetingDate: '2023-09-01', startDate: '2023-09-01', endDate: '2024-08-31' });
  const aggression = goal('K', behaviourIep.documentId, 1, {
    text: 'By 06/01/2024, when frustrated, Sam will reduce physical aggression (hitting, kicking) to no more than 2 incidents per week for 4 consecutive weeks, as measured by incident logs.',
    baselineValue: 12, targetValue: 2, unit: 'incidents per week', targetDate: '2024-06-01',
  });
  behaviourIep.goals = [aggression];
  const withData = (values: Array<[string, number]>) =>
    resolveProgressGoals(model({ ieps: [behaviourIep], progressReports: [report('r', '2024-06-10', [entry(1, 'P', 'Progressing', values, 'r')])] }));

  it('is direction-aware for a goal to decrease', () => {
    const fell = withData([['2023-11-01', 9], ['2024-02-01', 5], ['2024-05-01', 2]]);
    expect(goalMet(aggression, dataPointsByGoal(fell).get(aggression.id)!)).toBe(true);
    const stuck = withData([['2023-11-01', 9], ['2024-02-01', 7], ['2024-05-01', 6]]);
    expect(goalMet(aggression, dataPointsByGoal(stuck).get(aggression.id)!)).toBe(false);
  });

  it('counts a goal met early and not one met only after its target date', () => {
    const early = withData([['2023-12-01', 2], ['2024-04-01', 4]]);
    expect(goalMet(aggression, dataPointsByGoal(early).get(aggression.id)!)).toBe(true);
    const late = withData([['2024-05-01', 5], ['2024-06-05', 1]]);
    expect(goalMet(aggression, dataPointsByGoal(late).get(aggression.id)!)).toBe(false);
    expect(goalMet({ ...aggression, targetValue: null }, [])).toBeNull();
  });
});

describe('applyLinkOverrides', () => {
  it('unlinks, links and re-links goals, keeping lineage keys and recomputing order', () => {
    const m = threeYears();
    const links = linkGoals(m);
    const fluency = links.find((l) => l.goalIds.includes('A#G1'))!;
    const math = links.find((l) => l.goalIds.includes('A#G2'))!;
    const unlinked = applyLinkOverrides(links, [{ goalId: 'B#G2', lineageKey: null }], m);
    expect(unlinked.find((l) => l.id === fluency.id)!.goalIds).toEqual(['A#G1', 'C#G1']);
    expect(unlinked.find((l) => l.id === 'U:B#G2')!.goalIds).toEqual(['B#G2']);
    // The user says multiplication continues the math lineage, then moves it back out under a name of their own.
    const linked = applyLinkOverrides(links, [{ goalId: 'B#G1', lineageKey: math.id }], m);
    expect(linked.find((l) => l.id === math.id)!.goalIds).toEqual(['A#G2', 'B#G1']);
    const relinked = applyLinkOverrides(links, [{ goalId: 'B#G1', lineageKey: math.id }, { goalId: 'B#G1', lineageKey: 'user:facts' }], m);
    expect(relinked.find((l) => l.id === math.id)!.goalIds).toEqual(['A#G2']);
    expect(relinked.find((l) => l.id === 'user:facts')!.goalIds).toEqual(['B#G1']);
    // Every goal is in exactly one lineage after any overrides.
    const all = relinked.flatMap((l) => l.goalIds).sort();
    expect(all).toEqual(m.ieps.flatMap((i) => i.goals.map((g) => g.id)).sort());
  });
});

describe('wordDiff', () => {
  it('marks the words changed between two years', () => {
    expect(wordDiff('read 90 WCPM on 3rd grade passages (DIBELS 8 ORF)', 'read 90 WCPM on 4th grade passages')).toEqual([
      { op: 'same', text: 'read 90 WCPM on' },
      { op: 'removed', text: '3rd' },
      { op: 'added', text: '4th' },
      { op: 'same', text: 'grade passages' },
      { op: 'removed', text: '(DIBELS 8 ORF)' },
    ]);
    expect(wordDiff('', 'new goal')).toEqual([{ op: 'added', text: 'new goal' }]);
  });

  it('rates restated goals near 1 and rewritten ones well below, ignoring dates', () => {
    expect(wordSimilarity(FLUENCY('2nd', 70, '05/02/2022'), FLUENCY('2nd', 70, '04/27/2023'))).toBe(1);
    expect(wordSimilarity(FLUENCY('2nd', 70, '05/02/2022'), 'Jordan will improve attention to tasks.')).toBeLessThan(0.3);
  });
});
