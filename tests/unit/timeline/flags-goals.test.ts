// Goal rules on case models composed by hand, one row per pattern and per precision exception:
// a goal carried forward only when restated with the same criterion and material after it was not
// met; a goal missing only its date gets goal_without_target_date, not vague_goal; no vague_goal
// when the goal's words may be incomplete or a behaviour-frequency goal states all it needs.
import { describe, expect, it } from 'vitest';
import { type RedFlag, type RedFlagType, computeRedFlags } from '../../../shared/timeline/flags';
import { linkGoals } from '../../../shared/timeline/lineage';
import { type CaseGoal, type CaseModel, resolveProgressGoals } from '../../../shared/timeline/model';
import { entry, goal, iep, model, report } from './support/build';

function flagsOf(m: CaseModel, type: RedFlagType): RedFlag[] {
  const resolved = resolveProgressGoals(m);
  return computeRedFlags(resolved, linkGoals(resolved)).filter((f) => f.type === type);
}

const FLUENCY = (level: string, wcpm: number) =>
  `Given an unfamiliar ${level} grade passage, Noor will read aloud ${wcpm} words correct per minute with 95% accuracy on 3 of 4 weekly probes.`;

interface CarriedRow {
  name: string;
  first: Partial<CaseGoal>;
  second: Partial<CaseGoal>;
  /** Data under each IEP, one point per quarterly report. */
  firstData: number[];
  secondData?: number[];
  flagged: boolean;
  says?: string[];
}

const fluency = (level: string, level_n: number, wcpm: number): Partial<CaseGoal> => ({
  area: 'Reading fluency', text: FLUENCY(level, wcpm), targetValue: wcpm, unit: 'WCPM', direction: 'increase', gradeLevel: level_n,
});

const CARRIED: CarriedRow[] = [
  {
    name: 'restated with the same criterion and material after it was not met',
    first: { ...fluency('third', 3, 90), baselineValue: 50 }, second: { ...fluency('third', 3, 90), baselineValue: 61 },
    firstData: [55, 58, 61], secondData: [62, 63], flagged: true,
    says: ['not met and written again with the same criterion and grade 3 material', '50 → 63 WCPM', 'target of 90 WCPM'],
  },
  {
    name: 'a raised target is a revision in the same lineage',
    first: { ...fluency('third', 3, 70), baselineValue: 50 }, second: { ...fluency('third', 3, 75), baselineValue: 61 },
    firstData: [55, 58, 61], flagged: false,
  },
  {
    name: 'harder material (grade 3 -> grade 4 passages) is a revision',
    first: { ...fluency('third', 3, 90), baselineValue: 50 }, second: { ...fluency('fourth', 4, 90), baselineValue: 52 },
    firstData: [55, 58, 61], flagged: false,
  },
  {
    name: 'a goal met before it was restated is not carried forward unmet',
    first: { ...fluency('third', 3, 90), baselineValue: 50 }, second: { ...fluency('third', 3, 90), baselineValue: 88 },
    firstData: [70, 84, 92], flagged: false,
  },
  {
    name: 'a goal with no data cannot be shown unmet',
    first: { ...fluency('third', 3, 90), baselineValue: 50 }, second: { ...fluency('third', 3, 90), baselineValue: 61 },
    firstData: [], flagged: false,
  },
  {
    name: 'met in the year after it was restated: still flagged for the year it was not, saying so',
    first: { ...fluency('third', 3, 90), baselineValue: 50 }, second: { ...fluency('third', 3, 90), baselineValue: 61 },
    firstData: [55, 58, 61], secondData: [75, 91], flagged: true, says: ['The goal line was met under the IEP of Sep 12, 2023'],
  },
  {
    name: 'a decrease goal not met (data stayed above the target) and restated',
    first: { area: 'Behavior', text: 'During independent work, Noor will decrease off-task behavior to 15% of 1-minute intervals across 3 observations.', baselineValue: 40, targetValue: 15, unit: 'percent of intervals off task', direction: 'decrease' },
    second: { area: 'Behavior', text: 'During independent work, Noor will decrease off-task behavior to 15% of 1-minute intervals across 3 observations.', baselineValue: 30, targetValue: 15, unit: 'percent of intervals off task', direction: 'decrease' },
    firstData: [35, 30, 28], flagged: true, says: ['40 → 28 percent of intervals off task'],
  },
  {
    name: 'a decrease goal met (data fell to the target) is not carried forward unmet',
    first: { area: 'Behavior', text: 'During independent work, Noor will decrease off-task behavior to 15% of 1-minute intervals across 3 observations.', baselineValue: 40, targetValue: 15, unit: 'percent of intervals off task', direction: 'decrease' },
    second: { area: 'Behavior', text: 'During independent work, Noor will decrease off-task behavior to 15% of 1-minute intervals across 3 observations.', baselineValue: 14, targetValue: 15, unit: 'percent of intervals off task', direction: 'decrease' },
    firstData: [30, 20, 14], flagged: false,
  },
  {
    name: 'a criterion in trials ("4 out of 5 trials") restated as its percentage (80% of trials) is the same criterion',
    first: { area: 'Math', text: 'Given ten two-step word problems, Noor will choose the correct operation in 4 out of 5 trials on weekly probes.', baselineValue: 2, targetValue: 4, unit: 'trials' },
    second: { area: 'Math', text: 'Given ten two-step word problems, Noor will choose the correct operation in 80% of trials on weekly probes.', baselineValue: 50, targetValue: 80, unit: 'percent of trials' },
    firstData: [40, 60, 60], flagged: true,
  },
  {
    name: 'a task rewritten for more (one paragraph -> a two-paragraph response) is a revision',
    first: { area: 'Writing', text: 'Given a prompt and an organizer, Noor will write a paragraph with a topic sentence and three details scoring 3 on the district rubric.', baselineValue: 2, targetValue: 3, unit: 'rubric score' },
    second: { area: 'Writing', text: 'Given a grade-level prompt, Noor will write a response of at least two paragraphs with an introduction and a conclusion scoring 3 on the district rubric.', baselineValue: 2, targetValue: 3, unit: 'rubric score' },
    firstData: [2, 2, 2.5], flagged: false,
  },
  {
    name: 'not met and rewritten without a criterion of its own, its data still short of the earlier target',
    first: { ...fluency('third', 3, 90), baselineValue: 50 }, second: { area: 'Reading fluency', text: 'Noor will improve her reading fluency.', targetValue: null, unit: null, baselineValue: null, direction: null, gradeLevel: null },
    firstData: [55, 58, 61], secondData: [60, 62], flagged: true,
    says: ['without a criterion of its own ("Noor will improve her reading fluency.")', '50 → 62 WCPM', 'target of 90 WCPM'],
  },
  {
    name: 'rewritten without a criterion and no data under it: not shown still unmet',
    first: { ...fluency('third', 3, 90), baselineValue: 50 }, second: { area: 'Reading fluency', text: 'Noor will improve her reading fluency.', targetValue: null, unit: null, baselineValue: null, direction: null, gradeLevel: null },
    firstData: [55, 58, 61], flagged: false,
  },
  {
    name: 'rewritten without a criterion, its data reaching the earlier target',
    first: { ...fluency('third', 3, 90), baselineValue: 50 }, second: { area: 'Reading fluency', text: 'Noor will improve her reading fluency.', targetValue: null, unit: null, baselineValue: null, direction: null, gradeLevel: null },
    firstData: [55, 58, 61], secondData: [80, 92], flagged: false,
  },
  {
    name: 'rewritten without a criterion on harder material (grade 4 passages) is a revision',
    first: { ...fluency('third', 3, 90), baselineValue: 50 }, second: { area: 'Reading fluency', text: 'Given fourth grade passages, Noor will improve her reading fluency.', targetValue: null, unit: null, baselineValue: null, direction: null, gradeLevel: 4 },
    firstData: [55, 58, 61], secondData: [60, 62], flagged: false,
  },
];

function carriedCase(row: CarriedRow): CaseModel {
  const a = iep('A', { meetingDate: '2022-09-15', startDate: '2022-09-15', endDate: '2023-09-14' });
  const b = iep('B', { meetingDate: '2023-09-12', startDate: '2023-09-12', endDate: '2024-09-11' });
  a.goals = [goal('A', a.documentId, 1, { targetDate: '2023-09-14', ...row.first })];
  b.goals = [goal('B', b.documentId, 1, { targetDate: '2024-09-11', ...row.second })];
  const dates = [['2022-11-15', '2023-02-15', '2023-05-15'], ['2023-11-15', '2024-02-15', '2024-05-15']];
  const reports = [row.firstData, row.secondData ?? []].flatMap((values, year) =>
    values.map((v, k) => report(`r${year}${k}`, dates[year][k], [entry(1, '2', null, [[dates[year][k], v]], `r${year}${k}`)])));
  return model({ ieps: [a, b], progressReports: reports, today: '2024-06-30' });
}

describe('goal_carried_forward_unmet', () => {
  it.each(CARRIED)('$name', (row) => {
    const flags = flagsOf(carriedCase(row), 'goal_carried_forward_unmet');
    expect(flags.map((f) => f.goalIds)).toEqual(row.flagged ? [['A#G1', 'B#G1']] : []);
    for (const text of row.says ?? []) expect(flags[0].description).toContain(text);
    if (row.flagged) expect(flags[0].evidence.map((e) => e.documentId)).toEqual(expect.arrayContaining(['doc-A', 'doc-B']));
  });

  it('flags only the years restated unchanged when a later year raises the target', () => {
    const m = carriedCase(CARRIED[0]);
    const c = iep('C', { meetingDate: '2024-09-10', startDate: '2024-09-10', endDate: '2025-09-09' });
    c.goals = [goal('C', c.documentId, 1, { targetDate: '2025-09-09', ...fluency('third', 3, 100), baselineValue: 64 })];
    m.ieps.push(c);
    m.progressReports.push(report('rc', '2024-11-15', [entry(1, '2', null, [['2024-11-15', 66]], 'rc')]));
    m.today = '2024-12-01';
    const flags = flagsOf(m, 'goal_carried_forward_unmet');
    expect(flags.map((f) => f.goalIds)).toEqual([['A#G1', 'B#G1']]);
    expect(flags[0].description).toContain('Later goals in the same line have not reached their targets either: 50 → 66 WCPM from the first baseline to the latest data (Nov 15, 2024)');
  });
});

interface PartsRow {
  name: string;
  fields: Partial<CaseGoal>;
  types: RedFlagType[];
  says?: string;
}

const ALL = { condition: true, behavior: true, criterion: true, timeframe: true };
const CALLING_OUT = 'Priya will reduce calling out from 12 to 3 times per class period, as measured by a teacher tally.';

const PARTS: PartsRow[] = [
  {
    name: 'a goal missing only its date gets goal_without_target_date, not vague_goal',
    fields: { text: 'Given a grade-level passage, Priya will answer inferential questions with 80% accuracy.', components: { ...ALL, timeframe: false }, measurable: false, targetValue: 80 },
    types: ['goal_without_target_date'], says: 'no date or period by which it is to be met',
  },
  {
    name: 'a date read apart from the sentence (a schedule column) is a timeframe',
    fields: { text: 'Given a grade-level passage, Priya will answer inferential questions with 80% accuracy.', components: { ...ALL, timeframe: false }, measurable: false, targetDate: '2025-06-30' },
    types: [],
  },
  {
    name: 'a goal missing its condition and its date is vague, naming both',
    fields: { text: 'Priya will answer inferential questions with 80% accuracy.', components: { ...ALL, condition: false, timeframe: false }, measurable: false },
    types: ['vague_goal'], says: 'states no condition, no timeframe',
  },
  {
    name: 'a goal with a vague verb and no criterion is vague',
    fields: { text: 'Priya will improve her reading comprehension skills.', components: { condition: false, behavior: false, criterion: false, timeframe: true }, measurable: false },
    types: ['vague_goal'], says: 'no condition, no observable behavior, no criterion',
  },
  {
    name: 'no vague_goal when the text is cut off mid-sentence (ends "with")',
    fields: { text: 'By June 2025, given a grade-level passage, Priya will answer inferential questions with', components: { ...ALL, criterion: false }, measurable: false },
    types: [],
  },
  {
    name: 'no vague_goal when the text stops without ending its sentence',
    fields: { text: 'By June 2025, given minimal prompts, Priya will combine two simple', components: { ...ALL, criterion: false }, measurable: false },
    types: [],
  },
  {
    name: 'no vague_goal when the text runs on into other fields (far longer than a goal)',
    fields: { text: `Priya will improve. ${'Parent concerns were discussed and the team reviewed the accommodations page. '.repeat(12)}`, components: { condition: false, behavior: false, criterion: false, timeframe: false }, measurable: false },
    types: [],
  },
  {
    name: 'no vague_goal when the text starts with a form prompt in parentheses',
    fields: { text: '(describe) No concerns at this time. Behavior supports are listed in the attached plan.', components: { condition: false, behavior: false, criterion: false, timeframe: false }, measurable: false },
    types: [],
  },
  {
    name: 'no vague_goal when the text starts mid-sentence',
    fields: { text: 'questions about the passage by June 2025.', components: { ...ALL, condition: false, criterion: false }, measurable: false },
    types: [],
  },
  {
    name: 'no vague_goal when a parenthesis is left open (the rest is on another line or page)',
    fields: { text: 'By June 2025, Priya will answer questions about a passage (literal and inferential, as measured by', components: { ...ALL, condition: false, criterion: false }, measurable: false },
    types: [],
  },
  {
    name: 'no vague_goal when the words were read with low confidence',
    fields: { text: 'By June 2025, Priya will answer questions about the passage.', components: { ...ALL, condition: false, criterion: false }, measurable: false, confidence: 0.55 },
    types: [],
  },
  {
    name: 'no goal_without_target_date either when the date may be in the words not read',
    fields: { text: 'Given a grade-level passage, Priya will answer inferential questions with 80% accuracy,', components: { ...ALL, timeframe: false }, measurable: false },
    types: [],
  },
  {
    name: 'a behaviour-frequency goal stating baseline, target, measure and date needs no condition',
    fields: { text: `By 06/13/2025, ${CALLING_OUT}`, components: { ...ALL, condition: false }, measurable: false, baselineValue: 12, targetValue: 3, unit: 'times per class period', direction: 'decrease', measuredBy: 'a teacher tally', targetDate: '2025-06-13' },
    types: [],
  },
  {
    name: 'a behaviour-frequency goal without a baseline is judged like any other',
    fields: { text: `By 06/13/2025, ${CALLING_OUT}`, components: { ...ALL, condition: false }, measurable: false, baselineValue: null, targetValue: 3, unit: 'times per class period', direction: 'decrease', targetDate: '2025-06-13' },
    types: ['vague_goal'], says: 'states no condition',
  },
  {
    name: 'a behaviour-frequency goal without a date is judged like any other',
    fields: { text: CALLING_OUT, components: { ...ALL, condition: false, timeframe: false }, measurable: false, baselineValue: 12, targetValue: 3, unit: 'times per class period', direction: 'decrease' },
    types: ['vague_goal'], says: 'states no condition, no timeframe',
  },
  {
    name: 'a behaviour-frequency goal missing only its date gets goal_without_target_date',
    fields: { text: `During math, ${CALLING_OUT}`, components: { ...ALL, timeframe: false }, measurable: false, baselineValue: 12, targetValue: 3, unit: 'incidents per class period' },
    types: ['goal_without_target_date'],
  },
  {
    name: 'no vague_goal when the words state a criterion the reader did not take ("2 or fewer per week", no target read)',
    fields: { text: 'By 06/13/2025, Priya will use a taught coping strategy so that verbal outbursts decrease to 2 or fewer per week.', components: { ...ALL, condition: false, criterion: false }, measurable: false, targetValue: null },
    types: [],
  },
  {
    name: 'no goal_without_target_date either when a criterion in the words went unread ("at least 4 of 5 trials")',
    fields: { text: 'Given a set of ten words, Priya will spell them correctly in at least 4 of 5 trials.', components: { ...ALL, criterion: false, timeframe: false }, measurable: false, targetValue: null },
    types: [],
  },
  {
    name: 'a date is no criterion: a goal whose only numbers are its date is still vague',
    fields: { text: 'By 06/13/2025, Priya will improve her organization skills in the classroom.', components: { condition: false, behavior: false, criterion: false, timeframe: true }, measurable: false, targetValue: null },
    types: ['vague_goal'], says: 'states no condition, no observable behavior, no criterion',
  },
  {
    name: 'a month and year are no criterion either',
    fields: { text: 'By June 13, 2025, Priya will improve her organization skills in the classroom.', components: { condition: false, behavior: false, criterion: false, timeframe: true }, measurable: false, targetValue: null },
    types: ['vague_goal'],
  },
  {
    name: 'a goal with every part raises nothing',
    fields: { text: 'By 06/13/2025, given a grade-level passage, Priya will answer inferential questions with 80% accuracy.', components: ALL, measurable: true },
    types: [],
  },
];

describe('vague_goal and goal_without_target_date', () => {
  it.each(PARTS)('$name', (row) => {
    const k = iep('V', { meetingDate: '2024-06-14', startDate: '2024-09-03', endDate: '2025-06-13' });
    k.goals = [goal('V', k.documentId, 1, { area: 'Reading', ...row.fields })];
    const resolved = resolveProgressGoals(model({ ieps: [k], today: '2024-10-01' }));
    const flags = computeRedFlags(resolved, linkGoals(resolved)).filter((f) => f.type === 'vague_goal' || f.type === 'goal_without_target_date');
    expect(flags.map((f) => f.type)).toEqual(row.types);
    if (row.says) expect(flags[0].description).toContain(row.says);
    for (const f of flags) {
      expect(f.goalIds).toEqual(['V#G1']);
      expect(f.evidence).toEqual([k.goals[0].source]);
    }
  });
});

describe('goal_target_below_baseline', () => {
  it.each([
    ['an increase goal whose target is below its baseline', { text: 'By 06/2025, given word problems, Ali will solve them with 70% accuracy.', baselineValue: 75, targetValue: 70, direction: 'increase' }, true],
    ['a decrease goal whose target is above its baseline', { text: 'By 06/2025, Ali will reduce elopement to no more than 5 incidents per week.', baselineValue: 3, targetValue: 5, direction: 'decrease' }, true],
    ['a decrease goal whose target is below its baseline', { text: 'By 06/2025, Ali will reduce elopement to no more than 1 incident per week.', baselineValue: 8, targetValue: 1, direction: 'decrease' }, false],
    ['a target equal to the baseline (the same criterion, the baseline taken on an easier task)', { text: 'By 06/2025, given word problems with complex fractions, Ali will solve them with 80% accuracy.', baselineValue: 80, targetValue: 80, direction: 'increase' }, false],
    ['a decrease goal whose target equals its baseline', { text: 'By 06/2025, Ali will reduce elopement to no more than 3 incidents per week.', baselineValue: 3, targetValue: 3, direction: 'decrease' }, false],
    ['a goal to maintain a level already reached', { text: 'By 06/2025, Ali will maintain 90% accuracy on math facts.', baselineValue: 92, targetValue: 90, direction: 'maintain' }, false],
    ['a direction the goal\'s words contradict (read as increase, written as "no more than")', { text: 'By 06/2025, Ali will have no more than 2 office referrals per month.', baselineValue: 3, targetValue: 2, direction: 'increase' }, false],
  ] as Array<[string, Partial<CaseGoal>, boolean]>)('%s', (_name, fields, flagged) => {
    const k = iep('T', { meetingDate: '2024-06-14', startDate: '2024-09-03', endDate: '2025-06-13' });
    k.goals = [goal('T', k.documentId, 1, { area: 'Math', unit: 'percent accuracy', ...fields })];
    expect(flagsOf(model({ ieps: [k], today: '2024-10-01' }), 'goal_target_below_baseline').map((f) => f.goalIds)).toEqual(flagged ? [['T#G1']] : []);
  });
});

describe('goal_not_updated_to_grade_level', () => {
  it('gives one flag per lineage naming every year the material stayed behind', () => {
    const years: Array<[string, string, string, number]> = [['G2', '2021-05-01', 'second', 2], ['G3', '2022-05-01', 'second', 3], ['G4', '2023-05-01', 'third', 4], ['G5', '2024-05-01', 'third', 5]];
    const ieps = years.map(([id, date, level, grade]) => {
      const k = iep(id, { meetingDate: date, startDate: date, student: { name: 'Test Child', dob: null, grade: String(grade), school: null, district: null, primaryDisability: null } });
      k.goals = [goal(id, k.documentId, 1, { area: 'Reading comprehension', text: `Given a ${level} grade passage, Sam will answer 8 of 10 questions correctly by the annual review.`, targetValue: 8, unit: 'questions' })];
      return k;
    });
    const flags = flagsOf(model({ ieps, today: '2024-06-01' }), 'goal_not_updated_to_grade_level');
    expect(flags.map((f) => f.goalIds)).toEqual([['G3#G1', 'G5#G1']]);
    expect(flags[0].description).toContain('grade 2 material in the grade 3 IEP');
    expect(flags[0].description).toContain('grade 3 material in the grade 5 IEP');
  });
});
