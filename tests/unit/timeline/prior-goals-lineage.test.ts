// Goals of the year before reprinted inside a new IEP: in the goal lineage. Where the IEP they came
// from is in the case, each is that IEP's own goal (no second copy in the lineage); where it is not,
// it stands as the lineage's earlier year, dated the year before its host IEP. The progress printed
// with them is that goal's data, so a goal restated unmet is seen. Real PDFs of our own wording
// imported into a real case; lineages and red flags from the case model built from the database.
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { afterDocumentHook } from '../../../main/core/pipeline';
import { flagsOf, judgedModel, lineagesOf } from '../../../main/core/timeline/service';
import { testCore } from '../../support/core';
import { formPdfBytes, PageWriter, wrap } from '../extract-iep/form-pdf';

interface Goal {
  area: string;
  text: (due: string) => string;
}

const GOALS: Goal[] = [
  { area: 'Reading Fluency', text: (due) => `By ${due}, when given a grade 3 passage, Pilar will read aloud 95 words correct per minute, as measured by timed oral reading probes.` },
  { area: 'Math Computation', text: (due) => `By ${due}, Pilar will solve two-digit subtraction problems with regrouping with 80% accuracy on 4 of 5 weekly probes.` },
];
const NEW_GOALS: Goal[] = [
  { area: 'Reading Fluency', text: (due) => `By ${due}, when given a grade 4 passage, Pilar will read aloud 110 words correct per minute, as measured by timed oral reading probes.` },
  { area: 'Math Computation', text: (due) => `By ${due}, Pilar will solve three-digit subtraction problems with regrouping with 85% accuracy on 4 of 5 weekly probes.` },
];

/** Progress printed under each prior-year goal: two reports short of its target. */
const PRINTED: string[][] = [
  ['Progress Report 1: 12/12/2024 - 62 wcpm. Some progress.', 'Progress Report 2: 03/14/2025 - 70 wcpm. Some progress.'],
  ['Progress Report 1: 12/12/2024 - 55% accuracy. Some progress.', 'Progress Report 2: 03/14/2025 - 60% accuracy. Some progress.'],
];

function writeGoals(w: PageWriter, goals: Goal[], due: string, progress: string[][] | null = null) {
  goals.forEach((g, i) => {
    w.text(40, `Annual Goal ${i + 1}: ${g.area}`, { size: 10, bold: true, after: 2 });
    for (const l of wrap(g.text(due), 95)) w.text(40, l, { size: 9 });
    for (const l of progress?.[i] ?? []) w.text(40, l, { size: 9 });
    w.text(40, 'Progress Reporting: each trimester', { size: 9, after: 8 });
  });
}

/**
 * An IEP running from `start` to `end`; with `prior`, the year before's goals reprinted after its own
 * (with their progress when `printed`); `restated`: the IEP's own goals are the year before's again.
 */
function iepPages(start: string, end: string, prior: string | null, opts: { printed?: boolean; restated?: boolean } = {}): Promise<Uint8Array> {
  const w = new PageWriter();
  w.text(40, 'INDIVIDUALIZED EDUCATION PROGRAM', { size: 13, bold: true, after: 6 });
  w.text(40, 'Student: Pilar Quintanilla-Ross', { size: 9 });
  w.text(40, `Meeting Date: ${start}`, { size: 9 });
  w.text(40, `IEP Start Date: ${start}`, { size: 9 });
  w.text(40, `IEP End Date: ${end}`, { size: 9, after: 10 });
  w.text(40, 'MEASURABLE ANNUAL GOALS', { size: 11, bold: true, after: 4 });
  writeGoals(w, prior && !opts.restated ? NEW_GOALS : GOALS, end);
  if (prior) {
    w.newPage();
    w.text(40, 'GOALS FROM THE PREVIOUS IEP', { size: 11, bold: true, after: 4 });
    writeGoals(w, GOALS, prior, opts.printed ? PRINTED : null);
  }
  return formPdfBytes(w.finished());
}

async function importCase(files: Array<[string, Uint8Array]>) {
  const core = testCore();
  const c = createCase(core, { name: 'Pilar' });
  const batch = startImportBatch(core, c.id, files.map(([fileName, bytes]) => ({ fileName, source: fileName, read: () => bytes })), { afterDocument: afterDocumentHook(core) });
  await getBatch(core, batch.jobId)!.promise;
  return { core, caseId: c.id };
}

describe('prior-year goals in the goal lineage', () => {
  it('stands as the earlier year of the lineage when the IEP it came from is not in the case', async () => {
    const { core, caseId } = await importCase([['IEP_2025-10-06.pdf', await iepPages('10/06/2025', '10/05/2026', '10/03/2025')]]);
    const model = judgedModel(core, caseId);
    const [iep] = model.ieps;
    expect(iep.goals.map((g) => g.area)).toEqual(['Reading Fluency', 'Math Computation']);
    expect(iep.priorGoals?.map((g) => [g.area, g.targetDate, g.priorYear])).toEqual([
      ['Reading Fluency', '2025-10-03', true],
      ['Math Computation', '2025-10-03', true],
    ]);
    const lineages = lineagesOf(core, caseId, model);
    expect(lineages).toHaveLength(2);
    for (const [k, l] of lineages.entries()) {
      // The reprinted goal first, then the new goal it continues.
      expect(l.goalIds).toEqual([iep.priorGoals![k].id, iep.goals[k].id]);
      expect(l.history.map((h) => h.targetValue)).toEqual(k === 0 ? [95, 110] : [80, 85]);
      // Dated the year before the IEP it is printed in, ending on its own due date.
      expect(l.history[0].iepDate! < '2025-10-06').toBe(true);
      expect(l.history[1].iepDate).toBe('2025-10-06');
      expect(l.history[1].diff?.some((d) => d.op === 'added')).toBe(true);
    }
    // The raised targets and harder material are revisions, not goals carried forward.
    expect(flagsOf(core, caseId).filter((f) => f.type === 'goal_carried_forward_unmet')).toEqual([]);
    await core.close();
  });

  it("is the earlier IEP's own goal when that IEP is in the case: no second copy in the lineage", async () => {
    const { core, caseId } = await importCase([
      ['IEP_2024-10-04.pdf', await iepPages('10/04/2024', '10/03/2025', null)],
      ['IEP_2025-10-06.pdf', await iepPages('10/06/2025', '10/05/2026', '10/03/2025')],
    ]);
    const model = judgedModel(core, caseId);
    const [first, second] = [...model.ieps].sort((a, b) => (a.startDate! < b.startDate! ? -1 : 1));
    expect(second.priorGoals).toHaveLength(2);
    const lineages = lineagesOf(core, caseId, model);
    expect(lineages.map((l) => l.goalIds)).toEqual(first.goals.map((g, k) => [g.id, second.goals[k].id]));
    expect(lineages.flatMap((l) => l.goalIds).some((id) => second.priorGoals!.some((p) => p.id === id))).toBe(false);
    await core.close();
  });

  it('uses the progress printed with the prior-year goals to find a goal carried forward unmet', async () => {
    const { core, caseId } = await importCase([['IEP_2025-10-06.pdf', await iepPages('10/06/2025', '10/05/2026', '10/03/2025', { printed: true, restated: true })]]);
    const model = judgedModel(core, caseId);
    const [iep] = model.ieps;
    const prior = iep.priorGoals!;
    expect(iep.priorProgress?.map((e) => [e.goalId, e.dataPoints.map((p) => [p.date, p.value])])).toEqual([
      [prior[0].id, [['2024-12-12', 62], ['2025-03-14', 70]]],
      [prior[1].id, [['2024-12-12', 55], ['2025-03-14', 60]]],
    ]);
    const lineages = lineagesOf(core, caseId, model);
    expect(lineages.map((l) => l.goalIds)).toEqual(prior.map((p, k) => [p.id, iep.goals[k].id]));
    expect(lineages.map((l) => l.history[0].met)).toEqual([false, false]);
    const carried = flagsOf(core, caseId).filter((f) => f.type === 'goal_carried_forward_unmet');
    expect(carried.map((f) => f.goalIds).sort()).toEqual(prior.map((p, k) => [p.id, iep.goals[k].id]).sort());
    expect(carried.find((f) => f.goalIds[0] === prior[0].id)?.description).toMatch(/70/);
    await core.close();
  });

  it("gives the printed progress to the earlier IEP's goal when that IEP is in the case", async () => {
    const { core, caseId } = await importCase([
      ['IEP_2024-10-04.pdf', await iepPages('10/04/2024', '10/03/2025', null)],
      ['IEP_2025-10-06.pdf', await iepPages('10/06/2025', '10/05/2026', '10/03/2025', { printed: true, restated: true })],
    ]);
    const model = judgedModel(core, caseId);
    const [first, second] = [...model.ieps].sort((a, b) => (a.startDate! < b.startDate! ? -1 : 1));
    expect(second.priorProgress?.map((e) => e.goalId)).toEqual(first.goals.map((g) => g.id));
    const carried = flagsOf(core, caseId).filter((f) => f.type === 'goal_carried_forward_unmet');
    expect(carried.map((f) => f.goalIds).sort()).toEqual(first.goals.map((g, k) => [g.id, second.goals[k].id]).sort());
    await core.close();
  });
});
