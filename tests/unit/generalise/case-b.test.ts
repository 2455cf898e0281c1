// A second case in another state's forms (Missouri DESE-style IEPs, 4/3/2/1/NA progress codes with data
// tables, MAP Growth and i-Ready, a Frontline-style log, Word-typed letters), generated afresh, imported
// through the real pipeline, exported and scored by ../shared/eval/score.py against its own truth.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { inputsFromPaths } from '../../../main/core/documents/import';
import { exportCase } from '../../../main/core/export';
import { afterDocumentHook } from '../../../main/core/pipeline';
import { generateCaseB } from '../../fixtures/case-b/generate';
import { tempDir, testCore } from '../../support/core';
import { SHARED_DIR } from '../../support/fixtures';

const SCORER = path.join(SHARED_DIR, 'eval/score.py');
const hasScorer = existsSync(SCORER);
if (!hasScorer) console.warn(`[case-b] ${SCORER} not found: the scored case-b suite is skipped.`);
const describeScored = hasScorer ? describe : describe.skip;

interface Accuracy { accuracy: number | null }
interface Prf { f1: number }
type Scores = Record<string, Accuracy & Prf>;

let scores: Scores;

describeScored('case-b (Missouri DESE-style forms) scored against its own truth', () => {
  beforeAll(async () => {
    const dir = tempDir('case-b-');
    await generateCaseB(dir);
    const core: Core = testCore({ now: '2025-02-01T12:00:00Z' });
    const caseId = createCase(core, { name: 'Jordan Mitchell', state: 'MO' }).id;
    const docs = path.join(dir, 'documents');
    const files = readdirSync(docs).map((f) => path.join(docs, f));
    const batch = startImportBatch(core, caseId, inputsFromPaths(files), { afterDocument: afterDocumentHook(core) });
    const done = await getBatch(core, batch.jobId)!.promise;
    expect(done.files.every((f) => f.status === 'imported')).toBe(true);
    const exportFile = path.join(dir, 'export.json');
    writeFileSync(exportFile, JSON.stringify(exportCase(core, caseId)));
    const run = spawnSync('python3', [SCORER, exportFile, path.join(dir, 'truth.json'), '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    scores = JSON.parse(run.stdout) as Scores;
    console.log(`[case-b] headline ${JSON.stringify((scores as unknown as { headline: unknown }).headline)}`);
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
