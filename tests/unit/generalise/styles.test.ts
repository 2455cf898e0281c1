// Forms of four styles of our own design (tests/fixtures/styles), each printing the same kind of
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
// `npx tsx scripts/score-styles.ts` prints them; seeds 11-14 reach the same). Only the measures of the
// header, service, log and score readers are held here; goals and progress are checked by their own tests.
const REACHED: Record<string, { iep_dates: number; services_f1: number; delivery_minutes: number; test_scores_f1: number }> = {
  ard: { iep_dates: 1, services_f1: 1, delivery_minutes: 1, test_scores_f1: 1 },
  vendor: { iep_dates: 1, services_f1: 1, delivery_minutes: 1, test_scores_f1: 1 },
  stacked: { iep_dates: 1, services_f1: 1, delivery_minutes: 1, test_scores_f1: 1 },
  typed: { iep_dates: 1, services_f1: 1, delivery_minutes: 1, test_scores_f1: 1 },
};

describe.skipIf(!hasScorer)('generated form styles, imported and scored', () => {
  for (const [i, style] of STYLES.entries()) {
    it(`${style.name}: header dates, services, delivered minutes and test scores`, async () => {
      const dir = tempDir(`style-scored-${style.name}-`);
      const c = await generateStyleCase(dir, style, 11 + i);
      const s = await importAndScore(dir, { name: `${c.student.first} ${c.student.last}` });
      expect({
        iep_dates: s.iep_dates.accuracy,
        services_f1: s.headline.services_f1,
        delivery_minutes: s.headline.delivery_minutes,
        test_scores_f1: s.headline.test_scores_f1,
      }).toEqual(REACHED[style.name]);
    }, 120_000);
  }
});
