// A second case in another state's forms (Missouri DESE-style IEPs, 4/3/2/1/NA progress codes with data
// tables, MAP Growth and i-Ready, a Frontline-style log, Word-typed letters), generated afresh, imported
// through the real pipeline, exported and scored by ../shared/eval/score.py against its own truth.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCaseB } from '../../fixtures/case-b/generate';
import { tempDir } from '../../support/core';
import { hasScorer, importAndScore, SCORER, type Scores } from '../../support/score-case';

if (!hasScorer) console.warn(`[case-b] ${SCORER} not found: the scored case-b suite is skipped.`);
const describeScored = hasScorer ? describe : describe.skip;

let scores: Scores;

describeScored('case-b (Missouri DESE-style forms) scored against its own truth', () => {
  beforeAll(async () => {
    const dir = tempDir('case-b-');
    await generateCaseB(dir);
    scores = await importAndScore(dir, { name: 'Jordan Mitchell', state: 'MO', now: '2025-02-01T12:00:00Z' });
    console.log(`[case-b] headline ${JSON.stringify(scores.headline)}`);
  }, 120_000);

  it('finds every IEP with its type and dates', () => {
    expect(scores.iep_found.accuracy).toBe(1);
    expect(scores.iep_type.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(scores.iep_dates.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(scores.iep_amends.accuracy).toBe(1);
  });

  it('reads the goals and their fields, each with its source', () => {
    expect(scores.goals.f1).toBeGreaterThanOrEqual(0.95);
    expect(scores.goal_fields_mean.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(scores.goal_has_source.accuracy).toBe(1);
  });

  it('reads the progress data points and codes', () => {
    expect(scores.progress_data_points.f1).toBeGreaterThanOrEqual(0.9);
    expect(scores.progress_codes.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the test scores', () => {
    expect(scores.test_scores.f1).toBeGreaterThanOrEqual(0.95);
    expect(scores.test_score_values.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the services and the delivered minutes', () => {
    expect(scores.services_required.f1).toBeGreaterThanOrEqual(0.95);
    expect(scores.service_delivery_minutes.accuracy).toBe(1);
  });
});
