// Forms of styles of our own design (tests/fixtures/styles), each printing the same kind of
// generated case in its own words and layout. First the generator is checked against itself
// (every value of the truth is printed where a reader would look); then each style is imported
// through the real pipeline and scored by ../shared/eval/score.py against its own truth.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStyleCase, STYLES } from '../../fixtures/styles/generate';
import { tempDir } from '../../support/core';
import { hasScorer, importAndScore } from '../../support/score-case';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function textOf(file: string): string {
  const r = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return squash(r.stdout);
}

describe('generated form styles', () => {
  for (const [i, style] of STYLES.entries()) {
    it(`${style.name}: prints every goal, service dose, data value and score of its truth`, async () => {
      const dir = tempDir(`style-${style.name}-`);
      await generateStyleCase(dir, style, 101 + i);
      const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8'));
      const docs = path.join(dir, 'documents');
      const texts = new Map(readdirSync(docs).map((f) => [`documents/${f}`, textOf(path.join(docs, f))]));
      expect(truth.documents).toHaveLength(texts.size);
      for (const iep of truth.ieps) {
        const text = texts.get(iep.document)!;
        // A goal printed in a narrow table column wraps; its words stay in order.
        for (const g of iep.goals) expect(text.replace(/- /g, '-'), g.goal_id).toContain(squash(g.text).replace(/- /g, '-'));
        for (const s of iep.services) expect(text, s.service).toContain(s.service);
      }
      for (const r of truth.progress_reports) {
        const text = texts.get(r.document)!;
        for (const e of r.entries) {
          expect(text, `${r.document} ${e.goal_id} code`).toContain(e.code);
          for (const p of e.data_points) expect(text, `${r.document} ${p.date}`).toMatch(new RegExp(`\\b${p.value}\\b`));
        }
      }
      for (const s of truth.test_scores) expect(texts.get(s.document), s.subtest).toMatch(new RegExp(`\\b${s.score}\\b`));
      expect(truth.goal_links.every((l: { goal_ids: string[] }) => l.goal_ids.length === 2)).toBe(true);
    });
  }
});

// Figures each style reaches through the real pipeline (seed 11 + style index, as
// `npx tsx scripts/score-styles.ts` prints them; seeds 11-14 reach the same but ard seed 12, whose
// second IEP's service table starts at a page's foot and loses two rows): every headline measure but
// goal fields and red flags, each held at the floor the style has reached. The truth lists every red
// flag the case shows, with near-misses that must not flag: no flag is raised that it does not list
// (precision 1). The stacked style prints the grade as 'Grade / School: 4 / ...', which is not read,
// so its goal not updated to the grade level goes unseen.
const MEASURES = ['iep_type', 'iep_dates', 'goals_f1', 'links_f1', 'data_points_f1', 'progress_codes', 'services_f1', 'delivery_minutes', 'test_scores_f1', 'doc_type'] as const;
// checklist (drawn tick boxes for the progress code) and quarterly (one-goal tables under their heading,
// a 'Qtr' code grid, '14-Sep-2023' dates) scored 0 codes, 0.83 goal fields and 0.75-0.82 red flags, and
// quarterly 0 on IEP dates and delivered minutes, before the readers learned them; seeds 11 and 13 now
// reach 1.0 on every measure. tickgrid (each rating ticked in a rating x period grid of drawn boxes)
// scored 0 on codes before the period grid read its ticks.
// narrative (dates in words, labels over values under other names, services and data in sentences, SS/PR
// scores, a ligature-shaping TrueType face) and ledger (header strips of label cells, 'Goal 1 of 5' grids,
// a Minutes | Times | Per grid, progress sent as an e-mail) scored, seeds 11 and 13: IEP dates 0-0.5, test
// scores 0 and data points 0.42-0.46 (narrative), services 0, progress codes 0, data points 0 and document
// types 0.5 (ledger), goal fields 0.67-0.88 and red flags 0.38-0.6, before the readers learned them; now 1.0.
const RED_FLAGS_FLOOR: Record<string, number> = { ard: 1, vendor: 1, stacked: 0.95, typed: 1, checklist: 1, quarterly: 1, narrative: 1, ledger: 1, tickgrid: 1 };
const GOAL_FIELDS_FLOOR: Record<string, number> = { ard: 1, vendor: 1, stacked: 1, typed: 1, checklist: 1, quarterly: 1, narrative: 1, ledger: 1, tickgrid: 1 };

describe.skipIf(!hasScorer)('generated form styles, imported and scored', () => {
  for (const [i, style] of STYLES.entries()) {
    it(`${style.name}: IEP type and dates, goals, links, progress data and codes, services, minutes, scores, red flags`, async () => {
      const dir = tempDir(`style-scored-${style.name}-`);
      const c = await generateStyleCase(dir, style, 11 + i);
      const s = await importAndScore(dir, { name: `${c.student.first} ${c.student.last}` });
      const got: Record<string, number | null> = {
        ...s.headline,
        iep_type: s.iep_type.accuracy,
        iep_dates: s.iep_dates.accuracy,
        progress_codes: s.progress_codes.accuracy,
      };
      expect(Object.fromEntries(MEASURES.map((m) => [m, got[m]]))).toEqual(Object.fromEntries(MEASURES.map((m) => [m, 1])));
      expect(s.goal_fields_mean.accuracy).toBeGreaterThanOrEqual(GOAL_FIELDS_FLOOR[style.name]);
      expect(s.goal_has_source.accuracy).toBe(1);
      const listed = Object.keys(s.red_flags_by_type);
      expect(listed).toEqual(expect.arrayContaining(['goal_target_below_baseline', 'vague_goal', 'progress_report_without_data', 'progress_code_contradicts_data', 'missed_services']));
      expect(s.red_flags.precision, JSON.stringify(s.red_flags_by_type)).toBe(1);
      expect(s.red_flags.f1, JSON.stringify(s.red_flags_by_type)).toBeGreaterThanOrEqual(RED_FLAGS_FLOOR[style.name]);
    }, 120_000);
  }
});
