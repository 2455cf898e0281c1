// Imports a folder of case documents through the real pipeline into a fresh core, exports the case
// and scores the export with ../shared/eval/score.py against the folder's truth.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCase } from '../../main/core/cases';
import { getBatch, startImportBatch } from '../../main/core/documents/batches';
import { inputsFromPaths } from '../../main/core/documents/import';
import { exportCase } from '../../main/core/export';
import { afterDocumentHook } from '../../main/core/pipeline';
import { tempDir, testCore } from './core';
import { SHARED_DIR } from './fixtures';

export const SCORER = path.join(SHARED_DIR, 'eval/score.py');
export const hasScorer = existsSync(SCORER);

export interface Metric { accuracy: number | null; f1: number; precision: number; recall: number }
export type Scores = Record<string, Metric> & { headline: Record<string, number | null> };

export async function importAndScore(caseDir: string, opts: { name: string; state?: string; now?: string; exportFile?: string }): Promise<Scores> {
  const core = testCore({ now: opts.now ?? '2026-01-15T12:00:00Z' });
  try {
    const caseId = createCase(core, { name: opts.name, state: opts.state ?? 'CA' }).id;
    const docs = path.join(caseDir, 'documents');
    const files = readdirSync(docs).sort().map((f) => path.join(docs, f));
    const batch = startImportBatch(core, caseId, inputsFromPaths(files), { afterDocument: afterDocumentHook(core) });
    const done = await getBatch(core, batch.jobId)!.promise;
    const failed = done.files.filter((f) => f.status !== 'imported');
    if (failed.length) throw new Error(`import failed: ${JSON.stringify(failed)}`);
    const exportFile = opts.exportFile ?? path.join(tempDir('export-'), 'export.json');
    writeFileSync(exportFile, JSON.stringify(exportCase(core, caseId)));
    const run = spawnSync('python3', [SCORER, exportFile, path.join(caseDir, 'truth.json'), '--json'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`score.py failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as Scores;
  } finally {
    await core.close();
  }
}
