import { describe, expect, it } from 'vitest';
import { parseGoalSentence } from '../../../shared/goals/parse';

interface Case {
  text: string;
  target: number | null;
  unit?: RegExp | null;
  direction?: 'increase' | 'decrease' | 'maintain' | null;
  date?: string | null;
  measurable?: boolean;
  baseline?: number | null;
  grade?: number | null;
  area?: string;
}

// Goal sentences of many shapes, composed for these tests (not taken from the fixture).
const CASES: Case[] = [
  // reading fluency and rates
  { text: 'By 05/30/2025, given a 2nd grade passage, Liam will read 70 words correct per minute with 95% accuracy in 3 of 4 trials.', target: 70, unit: /WCPM/, date: '2025-05-30', measurable: true, grade: 2, area: 'Reading Fluency' },
  { text: 'By June 1, 2026, when presented with a grade 5 oral reading fluency probe, Ava will increase her reading rate from 88 WCPM to 115 WCPM.', target: 115, unit: /WCPM/, baseline: 88, date: '2026-06-01', grade: 5, measurable: true },
  { text: 'Within 36 instructional weeks, given unfamiliar fourth-grade text, Noah will read aloud at 100 cwpm as measured by weekly probes.', target: 100, unit: /WCPM/, date: null, measurable: true, grade: 4 },
  { text: 'By 3/15/2025, using a keyboard, Eli will type 20 words per minute with no more than 2 errors.', target: 20, unit: /words per minute/, direction: 'increase', measurable: true },
  { text: 'Given a list of 40 letters, Mia will name 35 letter sounds per minute by 12/20/2024.', target: 35, unit: /per minute/, date: '2024-12-20' },
  // percent accuracy, numbers in the condition
  { text: 'By 04/01/2025, given 10 two-digit by one-digit multiplication problems, Jonah will solve them with 80% accuracy on 4 out of 5 probes.', target: 80, unit: /percent accuracy/, measurable: true, area: 'Math Calculation' },
  { text: 'Given 2-digit numbers with regrouping, Sofia will add and subtract with 90% accuracy by the end of the IEP year.', target: 90, unit: /percent accuracy/, measurable: true },
  { text: 'By 11/01/2025, after reading a 3rd grade level passage, Kai will answer 4 out of 5 comprehension questions correctly.', target: 80, unit: /percent accuracy/, grade: 3, area: 'Reading Comprehension' },
  { text: 'By May 2025, given a 5-step word problem, Zoe will identify the operation needed with 85% accuracy across 3 consecutive sessions.', target: 85, unit: /percent accuracy/, date: '2025-05-31', measurable: true, area: 'Math Problem Solving' },
  { text: 'Given grade-level text, Omar will identify the main idea with 75 percent accuracy.', target: 75, unit: /percent accuracy/, measurable: false, area: 'Reading Comprehension' },
  // trials only
  { text: 'By 02/01/2025, given a visual schedule, Ben will transition between activities independently in 4 of 5 trials.', target: 80, unit: /percent of trials/, measurable: true },
  { text: 'Given picture cards, Ana will request a break using a 3-word phrase in 8 out of 10 opportunities by the annual review.', target: 80, unit: /percent of opportunities/, measurable: true },
  { text: 'Lucas will identify coins in 4/5 trials.', target: 80, unit: /percent of trials/, measurable: false },
  // percent of intervals
  { text: 'By 06/10/2025, during 20-minute small group lessons, Ethan will remain on task for 80% of 1-minute intervals across 3 consecutive observations.', target: 80, unit: /percent of intervals/, measurable: true, area: 'Attention / Work Habits' },
  { text: 'During independent seatwork, Grace will be actively engaged in 75% of observed intervals by the end of the school year.', target: 75, unit: /percent of (?:observed )?intervals/, measurable: true },
  // rubric scores
  { text: 'By 05/15/2025, given a writing prompt and graphic organizer, Isla will write an opinion essay scoring 3 or higher on a 4-point writing rubric in 3 of 4 samples.', target: 3, unit: /rubric/, measurable: true, area: 'Written Expression' },
  { text: 'Given a graphic organizer, Leo will write a narrative that includes at least 3 details, earning a score of 4 on the 6-point district rubric by 01/31/2026.', target: 4, unit: /6-point district rubric/, measurable: true },
  { text: 'By the end of the IEP period, given a self-monitoring checklist, Aria will achieve a rating of 2 on the 3-point behavior rating scale on 4 of 5 days.', target: 2, unit: /rubric score/, measurable: true },
  // counts
  { text: 'By 10/01/2025, given a picture prompt, Mason will write at least 5 complete sentences with correct punctuation in 4 of 5 samples.', target: 5, unit: /complete sentences/, measurable: true },
  { text: 'Given a timed 1-minute probe, Chloe will spell 15 words correctly by 06/01/2025.', target: 15, unit: /words/, measurable: true },
  { text: 'During recess, Henry will initiate 3 peer interactions per recess period as measured by staff tally.', target: 3, unit: /peer interactions/, area: 'Social Skills' },
  { text: 'By 06/01/2025, during 30-minute class periods, Ruby will raise her hand to speak at least 4 times per class period.', target: 4, unit: /times per class period/, measurable: true },
  // decrease goals
  { text: 'By 06/01/2025, during unstructured times, Sam will reduce elopement from 5 to 1 incidents per week as measured by behavior logs.', target: 1, unit: /incidents per week/, direction: 'decrease', baseline: 5, measurable: true, area: 'Behavior' },
  { text: 'By 03/01/2026, when frustrated, Jack will engage in physical aggression no more than 2 times per week.', target: 2, unit: /times per week/, direction: 'decrease', measurable: true },
  { text: 'Given a calm-down plan, Maya will decrease verbal outbursts to fewer than 3 per day by the end of the school year.', target: 3, direction: 'decrease', measurable: true },
  { text: 'In the general education classroom, Owen will have 0 office referrals per month by 05/01/2025.', target: 0, unit: /office referrals per month/, direction: 'decrease', measurable: true },
  { text: 'By 12/01/2025, in math class, Nora will begin assigned work with 1 verbal prompt or fewer in 4 of 5 opportunities.', target: 1, unit: /verbal prompt/, direction: 'decrease', measurable: true },
  { text: 'By 04/30/2025, Finn will reduce time spent out of his seat from 20 minutes to 5 minutes per class period during independent work.', target: 5, unit: /minutes/, direction: 'decrease', baseline: 20, measurable: true },
  // maintain goals
  { text: 'By 06/01/2025, given grade-level math probes, Ivy will maintain 90% accuracy on addition facts across 4 consecutive weeks.', target: 90, direction: 'maintain', measurable: true },
  { text: 'Throughout the IEP year, during transitions, Max will maintain safe hands in 95% of intervals.', target: 95, direction: 'maintain', measurable: true },
  // MLU, duration
  { text: 'By 05/01/2025, during play-based language activities, Theo will increase his mean length of utterance (MLU) to 3.5 morphemes across 3 sessions.', target: 3.5, unit: /MLU/, measurable: true, area: 'Speech and Language' },
  { text: 'Given structured conversation, Emma will produce utterances with an MLU of 4.0 by the annual review.', target: 4, unit: /MLU/, measurable: true },
  { text: 'By 06/01/2025, during independent reading, Jude will sustain attention to text for 15 consecutive minutes on 4 of 5 days.', target: 15, unit: /minutes/, measurable: true },
  // baseline stated in the sentence
  { text: 'By 06/01/2025, given 3rd grade passages, Lily will improve reading comprehension from a baseline of 40% to 80% accuracy.', target: 80, unit: /percent accuracy/, baseline: 40, measurable: true },
  { text: 'Currently at 35%, Aiden will increase correct articulation of /r/ in words to 80% accuracy during structured therapy tasks by 05/2025.', target: 80, unit: /percent accuracy/, baseline: 35, area: 'Speech and Language' },
  // vague goals
  { text: 'Mateo will improve his reading skills.', target: null, unit: null, direction: 'increase', measurable: false },
  { text: 'Student will understand fractions.', target: null, unit: null, measurable: false },
  { text: 'Kira will work on social skills during lunch.', target: null, measurable: false },
  { text: 'By the end of the year, the student will demonstrate improved behavior.', target: null, measurable: false },
  // goals without a target date but with a timeframe
  { text: 'Within one year, given a visual model, Ezra will write his first and last name legibly in 4 out of 5 trials.', target: 80, date: null, measurable: true, area: 'Fine Motor' },
  { text: 'By the next annual review, in the cafeteria, Dylan will greet 2 peers per lunch period.', target: 2, date: null, measurable: true },
  // dates in other formats
  { text: 'By October 9, 2025, given a 4th grade passage, Pia will retell 5 key details in sequence.', target: 5, unit: /key details/, date: '2025-10-09', grade: 4, measurable: true },
  { text: 'No later than 2025-06-13, given a multiplication table, Rex will solve 1-digit by 1-digit facts with 95% accuracy.', target: 95, date: '2025-06-13', measurable: true },
  // a month alone: due by the month's last day
  { text: 'By 02/2026, given a list of 20 sight words, Tess will read them aloud with 90% accuracy.', target: 90, date: '2026-02-28', measurable: true },
  { text: 'Through January 2027, when retelling a story, Cole will name the setting and characters in 4 of 5 retells.', target: 80, date: '2027-01-31', measurable: true },
  // counted things named after "N of M" are the unit, not consistency
  { text: 'By 06/01/2026, after listening to a story, Rae will include 4 of 5 story grammar elements in her retell.', target: 4, unit: /story grammar elements/, measurable: true },
  { text: 'Given flash cards, Ian will write 30 correct digits in 2 minutes by 05/2026.', target: 30, unit: /correct digits in 2 minutes/, date: '2026-05-31', measurable: true },
];

describe('parseGoalSentence on composed goals', () => {
  it('has at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  for (const c of CASES) {
    it(c.text.slice(0, 90), () => {
      const p = parseGoalSentence(c.text);
      expect(p.targetValue).toBe(c.target);
      if (c.unit === null) expect(p.unit).toBeNull();
      else if (c.unit) expect(p.unit ?? '').toMatch(c.unit);
      if (c.direction !== undefined) expect(p.direction).toBe(c.direction);
      if (c.date !== undefined) expect(p.targetDate).toBe(c.date);
      if (c.measurable !== undefined) expect(p.measurable).toBe(c.measurable);
      if (c.baseline !== undefined) expect(p.baselineValue).toBe(c.baseline);
      if (c.grade !== undefined) expect(p.gradeLevel).toBe(c.grade);
      if (c.area !== undefined) expect(p.area).toBe(c.area);
    });
  }

  it('says which component is missing', () => {
    const p = parseGoalSentence('Given a visual schedule, Ben will transition between activities in 4 of 5 trials.');
    expect(p.components).toEqual({ condition: true, behavior: true, criterion: true, timeframe: false });
    expect(p.reasons.join(' ')).toMatch(/No timeframe/);
  });

  it('never takes a number from the condition or a hyphenated adjective as the target', () => {
    const p = parseGoalSentence('By 06/01/2025, given a 3rd grade passage and 2-digit numbers on a 15-minute probe, Tom will answer questions with 70% accuracy.');
    expect(p.targetValue).toBe(70);
  });

  it('reads measured-by text', () => {
    expect(parseGoalSentence('By 06/01/2025, Sara will read 60 WCPM, as measured by DIBELS probes.').measuredBy).toBe('DIBELS probes');
  });
});
