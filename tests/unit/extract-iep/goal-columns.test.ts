// Goal pages in layouts of our own that reproduce general patterns of district prints: the goal's
// fields side by side (area and baseline in a narrow left column, header, goal and its other fields
// in a right one, the progress reports full width under them), a provider's prefix on the goal
// number, the previous IEP's goals reprinted after the new ones, and a goal block headed
// "Goal Number: N  Goal Focus  Area" over a row of tick boxes. Wordings and children are invented.
import { describe, expect, it } from 'vitest';
import { extractIep } from '../../../main/core/extract/iep';
import { line, sizedPage } from '../../support/sized-page';
import { createCase } from '../../../main/core/cases';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { exportCase } from '../../../main/core/export';
import { afterDocumentHook } from '../../../main/core/pipeline';
import { testCore } from '../../support/core';
import { formPages, formPdfBytes, PageWriter, wrap } from './form-pdf';

interface ColumnStyle {
  name: string;
  heading: string;
  areaLabel: string;
  header: (n: number) => string;
  baselineLabel: string;
  after: string[];
  /** x of the right column. */
  colX: number;
  /** The area wraps after its hyphen onto the line under the header, in the left column. */
  wrapArea?: boolean;
  /** Objectives printed full width under the block, each under its own label. */
  objectives?: boolean;
}

const objectivesOf = (t: GoalTruth) => [`By January, Noor will meet the goal's skill in 2 of 5 trials (goal ${t.number}).`, `By April, Noor will meet the goal's skill in 3 of 5 trials (goal ${t.number}).`];

interface GoalTruth {
  number: number;
  area: string;
  baseline: string;
  goal: string;
  progress: string;
}

const goalsOf = (year: number): GoalTruth[] => [
  {
    number: 1,
    area: 'Written Expression',
    baseline: 'Noor writes three-sentence paragraphs with a topic sentence in 2 of 5 samples and rarely adds a closing sentence.',
    goal: `By 10/02/${year}, given a graphic organizer and a familiar topic, Noor will write a five-sentence paragraph with a topic sentence, three details and a closing sentence in 4 of 5 writing samples, as measured by a teacher rubric.`,
    progress: 'Report 1 (12/12): Noor wrote 3 of 5 complete paragraphs; progressing toward the goal.',
  },
  {
    number: 2,
    area: 'Math Problem-Solving',
    baseline: 'Noor solves one-step word problems with 45% accuracy when the operation is not named.',
    goal: `By 10/02/${year}, when given ten two-step word problems, Noor will choose the operations and solve them with 80% accuracy on 3 consecutive probes, as measured by curriculum-based probes.`,
    progress: 'Report 1 (12/12): 6 of 10 problems correct on the last probe, 60%.',
  },
];

function writeGoalPage(w: PageWriter, style: ColumnStyle, truth: GoalTruth, pageTitle: string) {
  w.text(210, style.heading, { size: 10, bold: true, after: 6 });
  w.text(40, pageTitle, { size: 8, after: 6 });
  const [areaHead, areaTail] = style.wrapArea && truth.area.includes('-') ? [truth.area.slice(0, truth.area.indexOf('-') + 1), truth.area.slice(truth.area.indexOf('-') + 1)] : [truth.area, null];
  w.row([[40, [`${style.areaLabel} ${areaHead}`]], [style.colX, [style.header(truth.number)]]], { after: areaTail ? 0 : 4 });
  if (areaTail) w.row([[40, [areaTail]]], { after: 4 });
  const goalLines = wrap(`Goal: ${truth.goal}`, 78);
  w.row([[style.colX, [goalLines[0]]]]);
  const baseLines = wrap(`${style.baselineLabel} ${truth.baseline}`, 30);
  const rest = goalLines.slice(1);
  const rows = Math.max(baseLines.length, rest.length);
  for (let i = 0; i < rows; i++) {
    const cells: Array<[number, string[]]> = [];
    if (baseLines[i]) cells.push([40, [baseLines[i]]]);
    if (rest[i]) cells.push([style.colX, [rest[i]]]);
    w.row(cells);
  }
  w.y += 6;
  // Fields under the goal, one indented, in the right column.
  style.after.forEach((text, i) => w.text(style.colX + (i === 0 ? 14 : 0), text, { after: 3 }));
  w.y += 6;
  if (style.objectives) for (const o of objectivesOf(truth)) w.text(40, `Short-Term Objective: ${o}`, { after: 2 });
  w.text(40, `Progress ${truth.progress}`, { after: 2 });
  w.text(40, 'Summary of Progress: on track for the annual goal.', { after: 2 });
  w.text(40, 'Summary: the team reviewed the data collected this period with the family and will continue the plan.', { after: 2 });
}

function columnFormPages(style: ColumnStyle, opts: { prior?: boolean } = {}) {
  const w = new PageWriter();
  w.text(40, 'INDIVIDUALIZED EDUCATION PROGRAM', { size: 11, bold: true, after: 6 });
  w.row([[40, ['Pupil: Noor Example']], [240, ['IEP Date: 10/03/2025']], [400, ['Next Annual IEP: 10/02/2026']]], { after: 6 });
  w.text(40, 'The team reviewed the present levels and wrote the goals on the pages that follow.');
  const title = 'Pupil: Noor Example   IEP Date: 10/03/2025';
  const pages = [...goalsOf(2026), ...(opts.prior ? goalsOf(2025) : [])];
  for (const truth of pages) {
    w.newPage();
    writeGoalPage(w, style, truth, title);
  }
  return w.finished();
}

const columnForm = (style: ColumnStyle, opts: { prior?: boolean } = {}) => formPages(columnFormPages(style, opts));

const styles: ColumnStyle[] = [
  {
    name: 'area and header on one line, "Goal #:", Person(s) Responsible',
    heading: 'ANNUAL GOALS AND OBJECTIVES',
    areaLabel: 'Area of Need:',
    header: (n) => `Measurable Annual Goal #: ${n}`,
    baselineLabel: 'Baseline:',
    after: ['Enables student to progress in the general curriculum, standard W.4.1', 'Person(s) Responsible: Special Education Teacher'],
    colX: 210,
    objectives: true,
  },
  {
    name: 'domain beside a goal number with a provider prefix, Present Level, Standard addressed',
    heading: 'MEASURABLE GOALS',
    areaLabel: 'Domain:',
    header: (n) => `Goal No.: RSP ${n}`,
    baselineLabel: 'Present Level:',
    after: ['Standard addressed: grade 4 writing and operations', 'Implementer: Resource Teacher'],
    colX: 230,
  },
  {
    name: 'skill area beside a number label, Current Performance',
    heading: 'GOAL PAGE',
    areaLabel: 'Skill Area:',
    header: (n) => `Goal Number: ${n}`,
    baselineLabel: 'Current Performance:',
    after: ['Providers: Resource Teacher, Classroom Teacher'],
    colX: 200,
    wrapArea: true,
  },
];

describe('goals printed in two columns', () => {
  it.each(styles)('$name', async (style) => {
    const iep = extractIep(await columnForm(style), 'columns');
    const truth = goalsOf(2026);
    expect(iep.goals.map((g) => [g.number, g.area])).toEqual(truth.map((t) => [t.number, t.area]));
    iep.goals.forEach((g, i) => {
      // The goal runs to its last word and takes nothing from the baseline beside it or the fields and reports under it.
      expect(g.text).toBe(truth[i].goal);
      expect(g.baselineText).toBe(truth[i].baseline);
      expect(g.targetDate).toBe('2026-10-02');
      expect(g.source.page).toBe(i + 2);
      // Objectives end where the goal page's progress block begins.
      if (style.objectives) expect(g.objectives.join(' ')).toBe(objectivesOf(truth[i]).join(' '));
      expect(g.objectives.join(' ')).not.toMatch(/Progress|Summary/);
    });
    expect(iep.priorGoals).toBeUndefined();
    expect(iep).toMatchObject({ startDate: '2025-10-03', endDate: '2026-10-02' });
  });

  it('keeps the previous IEP\'s goals, reprinted after the new ones, apart', async () => {
    const iep = extractIep(await columnForm(styles[0], { prior: true }), 'with-prior');
    expect(iep.goals.map((g) => [g.number, g.targetDate])).toEqual([[1, '2026-10-02'], [2, '2026-10-02']]);
    expect(iep.priorGoals?.map((g) => [g.number, g.targetDate, g.text])).toEqual(goalsOf(2025).map((t) => [t.number, '2025-10-02', t.goal]));
    expect(new Set([...iep.goals, ...(iep.priorGoals ?? [])].map((g) => g.key)).size).toBe(4);
  });

  it('exports the prior-year goals apart from the IEP\'s own', async () => {
    const bytes = await formPdfBytes(columnFormPages(styles[1], { prior: true }));
    const core = testCore();
    const c = createCase(core, { name: 'Noor' });
    const batch = startImportBatch(core, c.id, [{ fileName: 'iep.pdf', source: 'iep.pdf', read: () => bytes }], { afterDocument: afterDocumentHook(core) });
    await getBatch(core, batch.jobId)!.promise;
    const [iep] = exportCase(core, c.id).ieps;
    expect(iep.goals.map((g) => g.targetDate)).toEqual(['2026-10-02', '2026-10-02']);
    expect(iep.priorGoals.map((g) => [g.number, g.targetDate])).toEqual([[1, '2025-10-02'], [2, '2025-10-02']]);
    expect(new Set([...iep.goals, ...iep.priorGoals].map((g) => g.id)).size).toBe(4);
    await core.close();
  });
});

describe('a goal block headed by number and focus over tick boxes', () => {
  const block = (n: number, focus: string, sentence: string[]) => [
    line('MEASURABLE ANNUAL GOAL:', { bold: true, gap: 8 }),
    { cells: [[90, `Goal Number: ${n}`], [200, 'Goal Focus'], [280, focus]] as Array<[number, string]> },
    { cells: [[60, '☐ Draft'], [170, '☐ ESY'], [270, '☒ Accepted by Committee']] as Array<[number, string]> },
    { cells: [[60, '☒ Academic'], [170, '☐ Functional']] as Array<[number, string]> },
    ...sentence.map((s) => line(s)),
    line('Duration: 02/10/2025 to 02/09/2026'),
    line('Language of Delivery: English'),
    { cells: [[46, 'ESY'], [89, 'Code'], [150, 'BENCHMARKS OR SHORT-TERM OBJECTIVES']] as Array<[number, string]>, bold: true },
    { cells: [[137, `In 12 weeks, Ana will reach part of goal ${n} in 2 of 5 trials.`]] as Array<[number, string]> },
    line('Implementer: Special education teacher'),
    line('Method of Evaluation: Work samples, teacher probes'),
    line('Periodic reports on the progress toward the annual goal will be sent home (frequency):'),
    { cells: [[70, 'with each report card']] as Array<[number, string]> },
  ];
  it('reads the area from the header line and the goal from the lines under the boxes', () => {
    const page = sizedPage([
      { cells: [[54, 'Date of ARD Meeting:'], [200, '02/10/2025']] },
      line('Duration of Services: 02/10/2025 - 02/09/2026'),
      ...block(1, 'Reading', ['By the next annual ARD, given a grade-level passage, Ana will summarize the main idea and', 'two key details with 80% accuracy in 4 of 5 trials.']),
      ...block(2, 'Math', ['From ARD to ARD, given multi-step problems, Ana will solve them with 75% accuracy in 3 of 4 trials.']),
      line('The supports below help Ana take part in the general curriculum and are needed in every class she attends this year.', { gap: 20 }),
    ]);
    const iep = extractIep([page], 'tick-boxes');
    expect(iep.goals.map((g) => [g.number, g.area, g.text])).toEqual([
      [1, 'Reading', 'By the next annual ARD, given a grade-level passage, Ana will summarize the main idea and two key details with 80% accuracy in 4 of 5 trials.'],
      [2, 'Math', 'From ARD to ARD, given multi-step problems, Ana will solve them with 75% accuracy in 3 of 4 trials.'],
    ]);
    expect(iep.goals[0]).toMatchObject({ targetValue: 80, targetDate: '2026-02-09', measuredBy: 'Work samples, teacher probes', objectives: ['In 12 weeks, Ana will reach part of goal 1 in 2 of 5 trials.'] });
    expect(iep.reportingSchedule).toBe('with each report card');
    expect(iep).toMatchObject({ meetingDate: '2025-02-10', startDate: '2025-02-10', endDate: '2026-02-09' });
  });
});
