// Interrupted jobs are visible (issue 15/16): jobs.list and `casefile jobs` show what a restart
// stopped, what the start-up resumed and what failed for good; a job that cannot be resumed (its
// files gone, its options no longer valid, or stopped again while resumed) is marked failed with
// its reason after one attempt, not retried at every start.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobListItem } from '../../../shared/api/jobs';
import { createCase } from '../../../main/core/cases';
import { jobQueries } from '../../../main/core/db/queries/jobs';
import { getBatch } from '../../../main/core/documents/batches';
import { resumePendingWork } from '../../../main/core/pipeline';
import { recoverOnStart } from '../../../main/core/recovery';
import { buildRegistry } from '../../../main/ipc';
import type { Core } from '../../../main/core/context';
import { runCasefile } from '../../support/cli';
import { pdfkitPdf } from '../../support/form-pages';
import { tempDir, testCore } from '../../support/core';

async function letters(names: string[]): Promise<string[]> {
  const dir = path.join(tempDir(), 'letters');
  mkdirSync(dir);
  const paths: string[] = [];
  for (const [i, name] of names.entries()) {
    const p = path.join(dir, name);
    writeFileSync(p, await pdfkitPdf((doc) => doc.fontSize(12).text(`Letter ${i + 1} from the district about the meeting of day ${i + 3}.`, 72, 72)));
    paths.push(p);
  }
  return paths;
}

/** What an import batch killed mid-way leaves behind: its row, still 'running'. */
function killedImport(core: Core, id: string, caseId: string, paths: string[], extra: Record<string, unknown> = {}): void {
  const files = paths.map((p) => ({ fileName: path.basename(p), source: p, path: p }));
  jobQueries(core.db).insert({ id, caseId, kind: 'import', status: 'running', payload: { files, ...extra }, now: core.nowIso() });
}

const list = (core: Core, caseId?: string) => buildRegistry().call('jobs.list', caseId ? { caseId } : {}, { core, transport: 'cli' });

describe('jobs: interrupted, resumed and failed jobs are visible', () => {
  it('an import whose files are gone is marked failed with its reason once, listed by jobs.list and `casefile jobs`, and dismissed', async () => {
    const dataDir = tempDir();
    const core = testCore({ dataDir });
    let caseId: string;
    try {
      caseId = createCase(core, { name: 'Gone files' }).id;
      const other = createCase(core, { name: 'Other case' }).id;
      const paths = await letters(['notice-a.pdf', 'notice-b.pdf']);
      killedImport(core, 'gone-import', caseId, paths);
      for (const p of paths) rmSync(p);

      expect(recoverOnStart(core).jobsInterrupted).toBe(1);
      const before: JobListItem[] = await list(core, caseId);
      expect(before).toEqual([expect.objectContaining({ id: 'gone-import', kind: 'import', status: 'interrupted', resumed: false })]);

      const report = await resumePendingWork(core);
      expect(report.jobsResumed).toEqual([]);
      const row = jobQueries(core.db).get('gone-import')!;
      expect(row.status).toBe('failed');
      expect(row.error).toMatch(/None of the 2 file\(s\).*notice-a\.pdf, notice-b\.pdf/);
      const failedAt = row.updatedAt;

      // The next start does not try it again.
      expect(recoverOnStart(core).jobsInterrupted).toBe(0);
      expect((await resumePendingWork(core)).jobsResumed).toEqual([]);
      expect(jobQueries(core.db).get('gone-import')).toMatchObject({ status: 'failed', updatedAt: failedAt });
      expect(core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents').get()!.n).toBe(0);

      const [item] = await list(core, caseId);
      expect(item).toMatchObject({ id: 'gone-import', status: 'failed', error: row.error });
      expect(await list(core, other)).toEqual([]);
      expect((await list(core)).map((j) => j.id)).toEqual(['gone-import']);
    } finally {
      await core.close();
    }

    const json = runCasefile(['jobs', '--case', 'Gone files', '--json'], { dataDir });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ id: 'gone-import', kind: 'import', status: 'failed', caseId })]);
    const table = runCasefile(['jobs'], { dataDir });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/import\s+failed\s+0%\s+gone-import\s+None of the 2 file/);
    expect(runCasefile(['jobs', '--case', 'Other case'], { dataDir }).stdout).toBe('No jobs.\n');

    const again = testCore({ dataDir });
    try {
      expect(await buildRegistry().call('jobs.dismiss', { jobId: 'gone-import' }, { core: again, transport: 'cli' })).toEqual({ dismissed: true });
      expect(await list(again, caseId)).toEqual([]);
      expect(jobQueries(again.db).get('gone-import')).toBeUndefined();
    } finally {
      await again.close();
    }
  }, 120_000);

  it('a packet build whose stored options are no longer valid is marked failed, with which option', async () => {
    const core = testCore();
    try {
      const c = createCase(core, { name: 'Bad packet' });
      const args = { caseId: c.id, bates: { prefix: 'R', start: 1, digits: 40, position: 'bottom-right' }, labelStyle: 'P-1', sections: ['cover'], exhibits: [] };
      jobQueries(core.db).insert({ id: 'bad-packet', caseId: c.id, kind: 'packet', status: 'running', payload: args, now: core.nowIso() });
      recoverOnStart(core);
      expect((await resumePendingWork(core)).jobsResumed).toEqual([]);
      const row = jobQueries(core.db).get('bad-packet')!;
      expect(row.status).toBe('failed');
      expect(row.error).toMatch(/no longer valid.*bates\.digits/);
    } finally {
      await core.close();
    }
  });

  it('a resumed import is listed as resumed until dismissed; one stopped again while resumed fails instead of a third try', async () => {
    const core = testCore();
    try {
      const c = createCase(core, { name: 'Resumed' });
      const paths = await letters(['one.pdf', 'two.pdf']);
      killedImport(core, 'resumed-import', c.id, paths);
      killedImport(core, 'twice-stopped', c.id, paths, { resumeAttempts: 1 });
      expect(recoverOnStart(core).jobsInterrupted).toBe(2);

      const report = await resumePendingWork(core);
      expect(report.jobsResumed).toEqual(['resumed-import']);
      const twice = jobQueries(core.db).get('twice-stopped')!;
      expect(twice).toMatchObject({ status: 'failed' });
      expect(twice.error).toMatch(/stopped again while this was being resumed/);

      const batch = getBatch(core, 'resumed-import')!;
      const running = jobQueries(core.db).get('resumed-import');
      if (running) expect(running.payload).toMatchObject({ resumeAttempts: 1 }); // killed now, the next start would fail it
      await batch.promise;
      expect(batch.dto.files.map((f) => f.status)).toEqual(['imported', 'imported']);

      const items = await list(core, c.id);
      expect(items.map((j) => [j.id, j.status, j.resumed])).toEqual(
        expect.arrayContaining([
          ['resumed-import', 'done', true],
          ['twice-stopped', 'failed', false],
        ]),
      );
      expect(items).toHaveLength(2);
      expect(items.find((j) => j.id === 'resumed-import')!.fraction).toBe(1);

      const reg = buildRegistry();
      expect(await reg.call('jobs.dismiss', { jobId: 'resumed-import' }, { core, transport: 'cli' })).toEqual({ dismissed: true });
      expect((await list(core, c.id)).map((j) => j.id)).toEqual(['twice-stopped']);
    } finally {
      await core.close();
    }
  }, 120_000);
});
