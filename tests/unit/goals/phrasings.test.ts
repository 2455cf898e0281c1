// Goal phrasings of forms never seen before (issue 14): points earned on a rubric or point sheet as
// the target over a count inside the behaviour, frequencies bounded between number and period,
// ranges kept as ranges, and baselines written only in a present-levels paragraph that a typed
// summary labels in body type. Every sentence and page is composed here, not taken from a fixture.
import { describe, expect, it } from 'vitest';
import { checkGoal } from '../../../shared/goals/check';
import { parseGoalSentence } from '../../../shared/goals/parse';
import { extractIep } from '../../../main/core/extract/iep';
import { pagesFromPlainText } from '../../../main/core/extract/layout';

interface Case {
  text: string;
  target: number | null;
  unit: RegExp;
  direction?: 'increase' | 'decrease' | 'maintain';
  range?: [number, number] | null;
  baseline?: number | null;
}

describe('points earned on a scoring tool are the target, never a count inside the behaviour', () => {
  const cases: Case[] = [
    { text: 'By May 2027, after brainstorming with a partner, Dana will compose an opinion paragraph of at least 6 sentences that earns 4 out of 5 points on the school writing rubric.', target: 4, unit: /^rubric points \(school writing rubric\)$/ },
    { text: 'Given a topic card, Theo will deliver a 3-minute talk that earns at least 3 of 4 possible points on a 4-point oral presentation rubric in 2 of 3 presentations.', target: 3, unit: /^rubric points \(4-point oral presentation rubric\)$/ },
    { text: 'Within 30 weeks, Rafe will write a lab report with 4 labelled sections scoring 12 out of 16 points on the district science lab rubric.', target: 12, unit: /^rubric points \(district science lab rubric\)$/ },
    { text: 'Using a token board, Kira will earn 8 of 10 points on her daily point sheet on 4 of 5 school days.', target: 8, unit: /^points \(daily point sheet\)$/ },
    { text: 'During class discussions, Joel will receive 2 points or higher on the participation rubric for 3 consecutive weeks.', target: 2, unit: /^rubric points \(participation rubric\)$/ },
    // Points scored with the rubric named later, or no rubric named at all.
    { text: 'Given a short story, Lia will write a summary naming 2 characters and the conflict, scoring 5 out of 6 points for accuracy and order in 3 of 4 tries, as judged with a class rubric.', target: 5, unit: /^rubric points \(class rubric\)$/ },
    { text: 'After a mini-lesson, Lia will draft a persuasive letter with 3 reasons, earning at least 9 of 12 points.', target: 9, unit: /^points$/ },
  ];
  it.each(cases)('$text', (c) => {
    const p = parseGoalSentence(c.text);
    expect(p.targetValue).toBe(c.target);
    expect(p.unit).toMatch(c.unit);
    expect(p.direction).toBe('increase');
  });
});

describe('a count inside the behaviour gives way to the criterion that judges it', () => {
  const cases: Case[] = [
    // A plain score or accuracy after the count.
    { text: 'Given a nonfiction article, Remy will name the topic, list 2 key facts and explain their link, scoring 80% on 3 of 4 checks.', target: 80, unit: /^percent$/ },
    { text: 'Given a list of spelling patterns, Remy will sort 12 word cards with 90% accuracy.', target: 90, unit: /^percent accuracy$/ },
    // "in / across / for N of M things" counts attempts, whatever the things are called.
    { text: 'When editing a typed essay, Remy will fix capitalization errors with 85% accuracy in 3 of 4 essay drafts.', target: 85, unit: /^percent accuracy$/ },
    { text: 'Given fraction problems, Remy will solve them with 70% accuracy (7 of 10 correct) across 2 out of 3 sets of problems.', target: 70, unit: /^percent accuracy$/ },
    { text: 'Given a literature circle, Remy will ask 2 questions per session for 4 of 5 sessions.', target: 2, unit: /per session/ },
    // How many of the required parts are present judges the task the count describes.
    { text: 'Given a science article, Remy will quote 2 passages that back up his answer, covering 5 out of 6 parts of the answer frame in 3 of 4 tries.', target: 5, unit: /parts/ },
    // A rubric judges the task; the attempts it must be met in are the criterion.
    { text: 'Given an opinion prompt, Remy will give 3 reasons and a closing, meeting every row of the class rubric in 4 out of 5 trials.', target: 80, unit: /^percent of trials$/ },
    // A count the goal is judged by stays the target.
    { text: 'After hearing a fable, Remy will include 4 of 5 story parts in an oral retell.', target: 4, unit: /story parts/ },
    { text: 'During recess, Remy will invite 2 classmates per day to play, as scored on a rubric in 4 of 5 weeks.', target: 2, unit: /per day/ },
    { text: 'Given a paragraph frame, Remy will write at least 6 sentences in 3 of 4 writing samples.', target: 6, unit: /sentences/ },
  ];
  it.each(cases)('$text', (c) => {
    const p = parseGoalSentence(c.text);
    expect(p.targetValue).toBe(c.target);
    expect(p.unit).toMatch(c.unit);
  });
});

describe('a frequency bounded between the number and its period is a ceiling', () => {
  const cases: Case[] = [
    { text: 'When a preferred activity ends, Omar will use his break card so that tantrums decrease to 1 or fewer per week.', target: 1, unit: /per week/, direction: 'decrease' },
    { text: 'By June 2027, Tess will lower the number of call-outs to 3 or less per class period.', target: 3, unit: /per class period/, direction: 'decrease' },
    { text: 'During lunch, Ari will leave the table without permission 2 or fewer times per lunch period.', target: 2, unit: /times per lunch period/, direction: 'decrease' },
    { text: 'Within 12 weeks, Bea will have 2 crying episodes or fewer per school day.', target: 2, unit: /crying episodes per school day/, direction: 'decrease' },
    { text: 'During independent reading, Cal will decrease off-task behavior to 20% or less of observed intervals.', target: 20, unit: /^percent of intervals$/, direction: 'decrease' },
    { text: 'Given a visual timer, Cal will stay seated for 85% or more of intervals during circle time.', target: 85, unit: /^percent of intervals$/, direction: 'increase' },
  ];
  it.each(cases)('$text', (c) => {
    const p = parseGoalSentence(c.text);
    expect(p.targetValue).toBe(c.target);
    expect(p.unit).toMatch(c.unit);
    expect(p.direction).toBe(c.direction);
  });
});

describe('ranges are kept as ranges', () => {
  const cases: Case[] = [
    // Rising to a range: met at its low end.
    { text: 'By 04/2027, given a cold read at grade level, Noor will read 85-95 words correct per minute.', target: 85, unit: /WCPM/, range: [85, 95], direction: 'increase' },
    { text: 'Given two-step word problems, Noor will choose the operation with 70-80% accuracy.', target: 70, unit: /percent accuracy/, range: [70, 80], direction: 'increase' },
    { text: 'Given a grade-level passage, Noor will read 100 to 110 wcpm by the annual review.', target: 100, unit: /WCPM/, range: [100, 110], direction: 'increase' },
    // Coming down to a range: met at its high end.
    { text: 'Given a calm-down corner, Ugo will reduce tantrums to 2-3 per week.', target: 3, unit: /per week/, range: [2, 3], direction: 'decrease' },
    { text: 'With a self-monitoring card, Ugo will decrease call-outs to between 1 and 2 times per class period.', target: 2, unit: /times per class period/, range: [1, 2], direction: 'decrease' },
    // A change from a level to another is no range; a range sizing the task is no target.
    { text: 'Ugo will reduce elopement from 6 to 1 incidents per month.', target: 1, unit: /incidents per month/, range: null, direction: 'decrease', baseline: 6 },
    { text: 'Given timed passages, Ugo will increase his reading rate 60 to 80 wcpm.', target: 80, unit: /WCPM/, range: null, direction: 'increase' },
    { text: 'Given 0-20 addition facts, Ugo will answer with 90% accuracy.', target: 90, unit: /percent accuracy/, range: null },
    { text: 'Given a picture scene, Ugo will describe it in 4-5 word sentences in 4 of 5 trials.', target: 80, unit: /percent of trials/, range: null },
  ];
  it.each(cases)('$text', (c) => {
    const p = parseGoalSentence(c.text);
    expect(p.targetValue).toBe(c.target);
    expect(p.unit).toMatch(c.unit);
    expect(p.targetRange).toEqual(c.range ? { low: c.range[0], high: c.range[1] } : null);
    if (c.direction) expect(p.direction).toBe(c.direction);
    if (c.baseline !== undefined) expect(p.baselineValue).toBe(c.baseline);
  });

  it('goal-check reports the range and where it is met', () => {
    const check = checkGoal('By 06/2027, given a grade-level passage, Noor will answer questions with 75-85% accuracy.');
    expect(check.targetRange).toEqual({ low: 75, high: 85 });
    expect(check.targetValue).toBe(75);
    expect(check.reasons.join(' ')).toMatch(/75-85 percent accuracy, a range: met at 75/);
  });
});

describe('baselines written only in a present-levels paragraph labelled in body type', () => {
  const pages = [
    {
      name: 'label alone on its line, goals under "Annual goals"',
      text: [
        'Lakeview Public Schools',
        'IEP Summary',
        'This IEP is in effect from October 3, 2026 to October 2, 2027.',
        'Present levels',
        'Jonah reads a median of 52 words correct per minute on second grade passages. His paragraphs earn',
        '1 out of 4 points on the grade-level writing rubric. Jonah averaged 9 call-outs per class period.',
        'Annual goals',
        'Goal 1 (Reading Fluency): By the next annual review, given a second grade passage, Jonah will read aloud',
        'at 80 words correct per minute.',
        'Goal 2 (Writing): By June 2027, Jonah will write a paragraph of at least 5 sentences that earns 3 out of 4',
        'points on the grade-level writing rubric.',
        // The sentence wraps before "will": the header line opens the goal, it names no focus.
        'Goal 3 (Behavior): By 06/30/2027, during whole-group lessons and small-group centers, Jonah',
        'will raise his hand so that call-outs decrease to 2 or fewer per class period.',
      ].join('\n'),
      expected: [
        { baseline: 52, target: 80, date: '2027-10-02' },
        { baseline: 1, target: 3, date: '2027-06-30' },
        { baseline: 9, target: 2, date: '2027-06-30', direction: 'decrease' },
      ],
    },
    {
      name: 'label and text on one line, a numbered goal list',
      text: [
        'Student: Mira Patel        Grade: 5',
        'IEP dates: 09/08/2026 to 09/07/2027',
        'Current performance: Mira solved multi-step word problems with 45% accuracy on unit probes. She is',
        'on task in 55% of observed intervals during independent math.',
        'Goals',
        '1. By the end of the IEP year, given multi-step word problems, Mira will solve them with 80% accuracy.',
        '2. Within 20 weeks, during independent math, Mira will stay on task in 85% of observed intervals.',
      ].join('\n'),
      expected: [
        { baseline: 45, target: 80, date: '2027-09-07' },
        { baseline: 55, target: 85, date: null },
      ],
    },
  ];
  it("never lends one goal's 'Present level:' field to another goal", () => {
    const text = [
      'IEP in effect from 09/08/2026 to 09/07/2027',
      'Goal 1: Reading',
      'Present level: Sol reads 40 words correct per minute on grade 3 passages.',
      'Annual goal: By 06/2027, given a grade 3 passage, Sol will read 70 words correct per minute.',
      'Goal 2: Reading comprehension',
      'Present level: not yet assessed.',
      'Annual goal: By 06/2027, given a grade 3 passage, Sol will read aloud with 95% accuracy at 80 words correct per minute.',
    ].join('\n');
    const iep = extractIep(pagesFromPlainText(text), 'doc');
    expect(iep.goals.map((g) => [g.targetValue, g.baselineValue])).toEqual([[70, 40], [80, null]]);
  });

  it.each(pages)('$name', ({ text, expected }) => {
    const iep = extractIep(pagesFromPlainText(text), 'doc');
    expect(iep.goals.map((g) => ({ baseline: g.baselineValue, target: g.targetValue, date: g.targetDate, ...(g.direction === 'decrease' ? { direction: g.direction } : {}) }))).toEqual(expected);
    // The present-levels sentence is kept as the baseline text, and no goal swallowed it.
    for (const g of iep.goals) expect(g.text).toMatch(/^(?:By|Within)\b.*\bwill\b/);
    expect(iep.goals.every((g) => g.baselineText && !/\bwill\b/.test(g.baselineText))).toBe(true);
  });
});

describe('the target date is never a begin date or a date of birth', () => {
  it.each([
    ['From 09/15/2025 to 06/2026, given a timer, Ada will read 80 wcpm.', '2026-06-30'],
    ['Beginning 09/15/2025 and ending 05/29/2026, Ada will solve subtraction problems with 80% accuracy.', '2026-05-29'],
    ['Starting 10/01/2025, Ada will spell 15 words correctly by 3/13/2026.', '2026-03-13'],
    ['Effective 9/2/2025 through June 2026, Ada will stay seated in 85% of intervals.', '2026-06-30'],
    ['Ada (DOB 03/04/2015) will read 90 wcpm by the next annual IEP meeting.', null],
    ['Ada (date of birth: 4/5/2016) will write 5 sentences.', null],
    // A day written before its month is a full date, not the month alone.
    ['By the 15th of June 2026, Ada will read 80 words correct per minute.', '2026-06-15'],
    ['No later than the 3rd day of March, 2027, Ada will count coins to $1.00 with 90% accuracy.', '2027-03-03'],
  ])('%s', (text, date) => {
    expect(parseGoalSentence(text).targetDate).toBe(date);
  });

  it('leaves a goal whose only date is a birth date to the rule its words state', () => {
    const check = checkGoal('Ada (DOB 03/04/2015) will read 90 wcpm by the next annual IEP meeting.', { defaultTargetDate: '2026-09-14' });
    expect(check.targetDate).toBe('2026-09-14');
  });
});

describe('timeframes named by a school calendar, and levels kept', () => {
  it.each([
    'By mid-year, when frustrated, Ada will ask for a break in 4 of 5 opportunities.',
    'By the second grading period, given a planner, Ada will copy 100% of assignments.',
    'By the end of the third quarter, during math, Ada will solve 8 of 10 problems.',
    'By the middle of the school year, in the cafeteria, Ada will greet 2 peers per lunch period.',
    'By spring 2027, given a grade-level passage, Ada will read 80 words correct per minute.',
  ])('%s states a timeframe', (text) => {
    expect(checkGoal(text).components).toEqual({ condition: true, behavior: true, criterion: true, timeframe: true });
  });

  it.each([
    ['Ada will keep her accuracy at or above 90% on weekly spelling probes through June.', 'maintain'],
    ['During group work, Ada will keep her voice at a level 2 or below on the noise scale in 4 of 5 sessions.', 'maintain'],
    ['Ada will keep a homework log for 5 school days in a row.', 'increase'],
    ['Ada will maintain her reading rate at 90 wcpm on monthly probes through June 2026.', 'maintain'],
    // A behaviour held for longer is growth, not a level kept.
    ['During circle time, Ada will maintain eye contact for 5 seconds in 4 of 5 opportunities.', 'increase'],
    ['Given a picture book, Ada will sustain attention for 15 minutes.', 'increase'],
    ['Ada will maintain a conversation for 3 exchanges in 4 of 5 opportunities.', 'increase'],
  ])('%s', (text, direction) => {
    expect(parseGoalSentence(text).direction).toBe(direction);
  });
});

describe('goal-check: conditions named by place or company, list marks, school-calendar spans', () => {
  it.each([
    'At recess, Ada will join a group game in 4 of 5 observations by 06/2026.',
    'On the school bus, Ada will stay seated for 90% of rides by 06/2026.',
    'With peers at lunch, Ada will take turns in conversation in 4 of 5 opportunities by 06/2026.',
    'When it is time to transition, Ada will move to the next activity in 80% of transitions by 06/2026.',
    'Within one semester, on grade 2 probes, Ada will read 60 words correct per minute.',
    'In two grading periods, given a number line, Ada will add within 20 with 90% accuracy.',
  ])('%s has all four components', (text) => {
    expect(checkGoal(text).components).toEqual({ condition: true, behavior: true, criterion: true, timeframe: true });
  });

  it.each([
    'Ada will: (1) greet the teacher and (2) unpack her bag independently on 4 of 5 mornings by 06/2026.',
    'Ada will - a. identify coins with 90% accuracy by 06/2026.',
    'Ada will: b) sort nickels and dimes with 90% accuracy by 06/2026.',
  ])('%s names its behaviour after the list mark', (text) => {
    const check = checkGoal(text);
    expect(check.components.behavior).toBe(true);
    expect(check.reasons.join(' ')).not.toMatch(/No behavior/);
  });

  it('still finds no condition where none is stated', () => {
    expect(checkGoal('Ada will improve her reading with her teacher.').components.condition).toBe(false);
  });
});

describe('scores and occasions named as the criterion', () => {
  const cases: Case[] = [
    { text: 'By the spring screening, Rio will score at the 25th percentile or higher on the reading benchmark.', target: 25, unit: /^percentile$/, direction: 'increase' },
    { text: 'Given the retest, Rio will achieve a scaled score of 8 or above on the listening subtest.', target: 8, unit: /^scaled score$/, direction: 'increase' },
    { text: 'Rio will reach a Lexile measure of 600L on the spring inventory.', target: 600, unit: /^Lexile$/, direction: 'increase' },
    { text: 'Rio will raise his standard score from 78 to 85 on the math fluency test.', target: 85, unit: /^standard score$/, direction: 'increase', baseline: 78 },
    { text: 'Rio will improve his Lexile level from 450L to 600L.', target: 600, unit: /^Lexile$/, direction: 'increase', baseline: 450 },
    { text: 'When upset, Rio will engage in self-injury on fewer than 2 occasions per month.', target: 2, unit: /^occurrences per month$/, direction: 'decrease' },
    { text: 'Rio will need no more than 2 verbal prompts per activity to begin a task in 4 of 5 activities.', target: 2, unit: /^verbal prompts per activity$/, direction: 'decrease' },
    // An ordinal that names a grade is still no target.
    { text: 'Given a 3rd grade passage, Rio will read 90 words correct per minute.', target: 90, unit: /WCPM/, direction: 'increase' },
  ];
  it.each(cases)('$text', (c) => {
    const p = parseGoalSentence(c.text);
    expect(p.targetValue).toBe(c.target);
    expect(p.unit).toMatch(c.unit);
    expect(p.direction).toBe(c.direction);
    if (c.baseline !== undefined) expect(p.baselineValue).toBe(c.baseline);
  });
});
