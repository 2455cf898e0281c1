// Progress-report rules on case models composed by hand, one row per pattern and per exception:
// a code claiming progress or mastery against data worse than the baseline (in the goal's own
// direction), flat or far below the aim line, but not when the latest data meet the aim line, not
// on a single probe, not on a hedged code and not across units that do not compare; and a report
// with no data for its own period, however much of earlier periods its grid reprints.
import { describe, expect, it } from 'vitest';
import { type RedFlag, type RedFlagType, claimsMet, claimsProgress, computeRedFlags } from '../../../shared/timeline/flags';
import { linkGoals } from '../../../shared/timeline/lineage';
import { type CaseGoal, type CaseModel, type CaseProgressReport, resolveProgressGoals } from '../../../shared/timeline/model';
import { entry, goal, iep, model, report } from './support/build';

function flagsOf(m: CaseModel, type: RedFlagType): RedFlag[] {
  const resolved = resolveProgressGoals(m);
  return computeRedFlags(resolved, linkGoals(resolved)).filter((f) => f.type === type);
}

type Points = Array<[string, number]>;
/** A report: its document id, date, code text and the data its entry prints. */
type ReportSpec = [string, string, string, Points];

const ACCURACY: Partial<CaseGoal> = {
  area: 'Math', text: 'By 08/31/2024, given ten two-step word problems, Omar will solve them with 80% accuracy on weekly probes.',
  baselineValue: 40, targetValue: 80, unit: 'percent accuracy', direction: 'increase',
};
const HITTING: Partial<CaseGoal> = {
  area: 'Behavior', text: 'By 08/31/2024, during recess and lunch, Omar will reduce hitting peers from 12 to 2 incidents per week, as measured by staff logs.',
  baselineValue: 12, targetValue: 2, unit: 'incidents per week', direction: 'decrease',
};
const TRIALS: Partial<CaseGoal> = {
  area: 'Math', text: 'By 08/31/2024, given a number line, Omar will locate fractions correctly in 4 out of 5 trials on weekly probes.',
  baselineValue: 2, targetValue: 4, unit: 'trials', direction: 'increase',
};

interface CodeRow {
  name: string;
  goal: Partial<CaseGoal>;
  reports: ReportSpec[];
  /** Reports whose entry should be flagged. */
  flagged: string[];
  says?: string;
}

const OK = 'Satisfactory progress';
const CODES: CodeRow[] = [
  {
    name: 'progress claimed while every point of the period is below the baseline (increase goal)',
    goal: ACCURACY, reports: [['q1', '2023-11-15', OK, [['2023-11-08', 44]]], ['q2', '2024-01-31', OK, [['2024-01-10', 35], ['2024-01-25', 33]]]],
    flagged: ['q2'], says: 'while every data point of the period (35, 33 percent accuracy) is below the baseline of 40 percent accuracy',
  },
  {
    name: 'one probe below the baseline is not enough',
    goal: ACCURACY, reports: [['q1', '2023-11-15', OK, [['2023-11-08', 38]]]], flagged: [],
  },
  {
    name: 'progress claimed while every point of the period is above the baseline of a decrease goal',
    goal: HITTING, reports: [['q1', '2023-11-15', OK, [['2023-10-20', 14], ['2023-11-10', 15]]]],
    flagged: ['q1'], says: 'is above the baseline of 12 incidents per week',
  },
  {
    name: 'falling counts on a decrease goal are progress',
    goal: HITTING, reports: [['q1', '2023-11-15', OK, [['2023-10-20', 10], ['2023-11-10', 8]]]], flagged: [],
  },
  {
    name: 'a hedged code ("progressing gradually, may not meet goal") claims nothing',
    goal: ACCURACY, reports: [['q1', '2023-11-15', 'Progressing gradually, may not meet goal', [['2023-10-20', 35], ['2023-11-10', 33]]]], flagged: [],
  },
  {
    name: 'flat data far below the aim line contradict a progress claim',
    goal: ACCURACY, reports: [['q1', '2023-11-15', OK, [['2023-11-08', 42]]], ['q2', '2024-01-31', OK, [['2024-01-25', 41]]], ['q3', '2024-04-15', OK, [['2024-04-10', 43]]]],
    flagged: ['q3'], says: 'the data are flat (42, 41, 43 percent accuracy) and 21.3 percent accuracy below the aim line on Apr 10, 2024',
  },
  {
    name: 'flat data whose latest point meets the aim line do not',
    goal: ACCURACY, reports: [['q1', '2023-11-15', OK, [['2023-11-08', 70]]], ['q2', '2024-01-31', OK, [['2024-01-25', 70]]], ['q3', '2024-04-15', OK, [['2024-04-10', 71]]]],
    flagged: [],
  },
  {
    name: 'one point far below the aim line is one bad day',
    goal: ACCURACY, reports: [['q3', '2024-04-15', OK, [['2024-04-10', 42]]]], flagged: [],
  },
  {
    name: 'two points far below the aim line are a pattern',
    goal: ACCURACY, reports: [['q2', '2024-01-31', OK, [['2024-01-25', 43]]], ['q3', '2024-04-15', OK, [['2024-04-10', 42]]]], flagged: ['q3'],
  },
  {
    name: '"met" when no data point reaches the target',
    goal: ACCURACY, reports: [['q3', '2024-04-15', 'Goal met', [['2024-04-10', 70]]]], flagged: ['q3'], says: 'reported as met, but no data point reaches the target of 80 percent accuracy (70 percent accuracy)',
  },
  {
    name: 'a dip below the baseline, then the latest point on the aim line: the claim stands',
    goal: ACCURACY, reports: [['q1', '2023-11-15', OK, [['2023-10-05', 38], ['2023-11-10', 52]]]], flagged: [],
  },
  {
    name: 'a decrease goal: counts above the baseline, then the latest on the aim line: the claim stands',
    goal: HITTING, reports: [['q1', '2023-11-15', OK, [['2023-10-05', 13], ['2023-11-10', 8]]]], flagged: [],
  },
  {
    name: '"Some progress; goal may not be met" is no claim of mastery, whatever the data',
    goal: ACCURACY, reports: [['q3', '2024-04-15', 'Some progress; goal may not be met', [['2024-04-10', 45]]]], flagged: [],
  },
  {
    name: '"met" on a decrease goal whose counts fell to the target',
    goal: HITTING, reports: [['q3', '2024-04-15', 'Goal met', [['2024-04-01', 3], ['2024-04-10', 2]]]], flagged: [],
  },
  {
    name: 'a goal counted in trials: percentages of trials below its baseline of 2 of 5 (40%)',
    goal: TRIALS, reports: [['q1', '2023-11-15', OK, [['2023-10-20', 20], ['2023-11-10', 20]]]], flagged: ['q1'], says: 'below the baseline of 40 percent of trials',
  },
  {
    name: 'a goal counted in trials: data reported as trial counts compare once read as percentages',
    goal: TRIALS, reports: [['q1', '2023-11-15', OK, [['2023-10-20', 1], ['2023-11-10', 1]]]], flagged: ['q1'], says: 'period (20, 20 percent of trials)',
  },
  {
    name: 'data in a unit that does not compare with the goal\'s are not judged',
    goal: ACCURACY, reports: [['q1', '2023-11-15', OK, [['2023-10-20', 3], ['2023-11-10', 4]]]], flagged: [],
  },
];

/** Units of the data points per row, where they differ from the goal's. */
const POINT_UNITS: Record<string, string> = {
  'a goal counted in trials: data reported as trial counts compare once read as percentages': 'trials',
  'data in a unit that does not compare with the goal\'s are not judged': 'problems',
  'a goal counted in trials: percentages of trials below its baseline of 2 of 5 (40%)': 'percent',
};

function codeCase(row: CodeRow): CaseModel {
  const k = iep('R', { meetingDate: '2023-09-01', startDate: '2023-09-01', endDate: '2024-08-31' });
  k.goals = [goal('R', k.documentId, 1, row.goal)];
  const reports: CaseProgressReport[] = row.reports.map(([doc, date, code, points]) => {
    const e = entry(1, 'X', code, points, doc);
    e.dataPoints = e.dataPoints.map((p) => ({ ...p, unit: POINT_UNITS[row.name] ?? row.goal.unit ?? null }));
    return report(doc, date, [e]);
  });
  return model({ ieps: [k], progressReports: reports, today: '2024-06-01' });
}

describe('progress_code_contradicts_data', () => {
  it.each(CODES)('$name', (row) => {
    const flags = flagsOf(codeCase(row), 'progress_code_contradicts_data');
    expect(flags.map((f) => f.documentIds[0])).toEqual(row.flagged);
    if (row.says) expect(flags[flags.length - 1].description).toContain(row.says);
    for (const f of flags) expect(f.evidence.length).toBeGreaterThan(1);
  });

  it.each([
    ['Progressing satisfactorily, anticipate meeting goal', true],
    ['Sufficient progress to meet goal', true],
    ['Progressing gradually, may not meet goal', false],
    ['Inconsistent progress', false],
    ['Some progress', false],
    ['Not expected to meet goal', false],
  ] as const)('reads "%s" as a claim of progress: %s', (text, claims) => {
    const r = report('d', '2024-01-01', []);
    expect(claimsProgress(entry(1, '2', text, [], 'd'), r)).toBe(claims);
  });

  it.each([
    ['Goal met', true],
    ['Mastered', true],
    ['Objective achieved', true],
    ['Some progress; goal may not be met', false],
    ['Goal not yet met', false],
    ['Goal has not been met', false],
    ['Progressing; unlikely to be mastered', false],
    ['Sufficient progress to meet goal', false],
  ] as const)('reads "%s" as a claim that the goal was met: %s', (text, claims) => {
    const r = report('d', '2024-01-01', []);
    expect(claimsMet(entry(1, '4', text, [], 'd'), r)).toBe(claims);
  });
});

interface DataRow {
  name: string;
  /** Document, date, code text, data, report fields, and whether the reader marked the data as an earlier period's. */
  reports: Array<[string, string, string, Points, Partial<CaseProgressReport>?, boolean?]>;
  flagged: string[];
}

const WITHOUT_DATA: DataRow[] = [
  {
    name: 'a grid that reprints only the previous period\'s data gives none for its own',
    reports: [['q1', '2023-11-15', OK, [['2023-11-08', 45]]], ['q2', '2024-01-31', OK, [['2023-11-08', 45]]]], flagged: ['q2'],
  },
  {
    name: 'a grid with a new point for its own period gives data',
    reports: [['q1', '2023-11-15', OK, [['2023-11-08', 45]]], ['q2', '2024-01-31', OK, [['2023-11-08', 45], ['2024-01-20', 50]]]], flagged: [],
  },
  {
    name: 'a printed period start decides which points are the period\'s',
    reports: [['q2', '2024-01-31', OK, [['2023-12-20', 45]], { periodStart: '2024-01-01' }]], flagged: ['q2'],
  },
  {
    name: 'points the reader marks as reprinted from an earlier column are not the period\'s, whatever their date',
    reports: [['q2', '2024-01-31', OK, [['2024-01-20', 45]], undefined, true]], flagged: ['q2'],
  },
  {
    name: 'an entry with no data at all is flagged',
    reports: [['q1', '2023-11-15', OK, []]], flagged: ['q1'],
  },
  {
    name: 'an entry coded "not addressed this period" is not',
    reports: [['q1', '2023-11-15', 'Not addressed this period', []]], flagged: [],
  },
];

describe('progress_report_without_data', () => {
  it.each(WITHOUT_DATA)('$name', (row) => {
    const k = iep('R', { meetingDate: '2023-09-01', startDate: '2023-09-01', endDate: '2024-08-31' });
    k.goals = [goal('R', k.documentId, 1, ACCURACY)];
    const reports = row.reports.map(([doc, date, code, points, fields, earlier]) => {
      const e = entry(1, 'X', code, points, doc);
      e.dataPoints = e.dataPoints.map((p) => ({ ...p, earlierPeriod: earlier }));
      return report(doc, date, [e], fields ?? {});
    });
    const flags = flagsOf(model({ ieps: [k], progressReports: reports, today: '2024-06-01' }), 'progress_report_without_data');
    expect(flags.map((f) => f.documentIds[0])).toEqual(row.flagged);
    for (const f of flags) expect(f.goalIds).toEqual(['R#G1']);
  });
});
