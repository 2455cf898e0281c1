// The jobs module: an import batch or a packet build that a restart interrupted is shown as
// interrupted and resumed at the next start under its id, not lost; OCR need is a field of the
// import's outcome, not words of its message.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../main/core/context';
import { createCase } from '../../../main/core/cases';
import { jobQueries } from '../../../main/core/db/queries/jobs';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { importOne, inputsFromPaths } from '../../../main/core/documents/import';
import { cancelJob, interruptedJobs, liveJob } from '../../../main/core/jobs';
import { packetJob } from '../../../main/core/packet/service';
import { resumePendingWork } from '../../../main/core/pipeline';
import { recoverOnStart } from '../../../main/core/recovery';
import { REPO_ROOT } from '../../support/fixtures';
import { pdfkitPdf } from '../../support/form-pages';
import { tempDir, testCore } from '../../support/core';

const CHILD = path.join(REPO_ROOT, 'tests/support/scripts/import-child.ts');

function letterPdf(n: number): Promise<Buffer> {
  return pdfkitPdf((doc) => {
    doc.fontSize(12).text(`Letter number ${n} from the district office about a meeting on day ${n}.`, 72, 72);
    doc.text(`It is the ${n}th of a pile of letters, each with its own words: ${'x'.repeat(n)}.`, 72, 100);
  });
}

async function pile(count: number): Promise<string> {
  const dir = path.join(tempDir(), 'pile');
  mkdirSync(dir);
  for (let i = 1; i <= count; i++) writeFileSync(path.join(dir, `letter-${String(i).padStart(2, '0')}.pdf`), await letterPdf(i));
  return dir;
}

/** Runs the import child and kills it with SIGKILL once `when(line)` matches its output. */
function importAndKill(dataDir: string, paths: string[], when: (line: string) => boolean): Promise<{ out: string; killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, ...paths], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      for (const line of d.toString().split('\n')) if (!killed && when(line)) killed = child.kill('SIGKILL');
    });
    child.on('exit', () => resolve({ out, killed }));
  });
}

describe('jobs: resume after a restart', () => {
  it('an import batch killed with SIGKILL mid-way is shown as interrupted, then resumed at start under its id', async () => {
    const dir = await pile(14);
    const dataDir = tempDir();
    let seen = 0;
    const { out, killed } = await importAndKill(dataDir, [dir], (line) => line.startsWith('progress') && / imported$/.test(line) && ++seen === 3);
    expect(killed, out).toBe(true);
    expect(out).not.toContain('finished');

    const core = openCore({ dataDir });
    try {
      const before = core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents').get()!.n;
      expect(before).toBeGreaterThanOrEqual(3);
      expect(before).toBeLessThan(14);
      const report = recoverOnStart(core);
      expect(report.jobsInterrupted).toBe(1);
      const [stopped] = interruptedJobs(core);
      expect(stopped).toMatchObject({ kind: 'import', status: 'interrupted' });
      expect((stopped.payload as { files: unknown[] }).files).toHaveLength(14);

      const resumed = await resumePendingWork(core);
      expect(resumed.jobsResumed).toEqual([stopped.id]);
      const batch = getBatch(core, stopped.id)!.dto;
      expect(batch.done).toBe(true);
      const count = (s: string) => batch.files.filter((f) => f.status === s).length;
      expect(count('imported')).toBe(14 - before);
      expect(count('duplicate')).toBe(before);
      expect(core.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM documents WHERE status = 'ready'").get()!.n).toBe(14);
      expect(interruptedJobs(core)).toEqual([]);
      expect(jobQueries(core.db).get(stopped.id), 'a finished job leaves no row').toBeUndefined();
    } finally {
      await core.close();
    }
  }, 120_000);

  it('a packet build from a previous run, still marked running, is rebuilt at start under its id', async () => {
    const dataDir = tempDir();
    const core = testCore({ dataDir });
    try {
      const c = createCase(core, { name: 'Resumed packet' });
      const dir = await pile(1);
      await getBatch(core, startImportBatch(core, c.id, inputsFromPaths([dir])).jobId)!.promise;
      const documentId = core.db.prepare<[], { id: string }>('SELECT id FROM documents').get()!.id;
      // What a build killed mid-way leaves behind: its row, still 'running', and no file.
      const args = { caseId: c.id, bates: { prefix: 'R', start: 1, digits: 4, position: 'bottom-right' as const }, labelStyle: 'P-1' as const, sections: ['cover' as const, 'exhibits' as const], exhibits: [{ documentId }] };
      jobQueries(core.db).insert({ id: 'previous-run-packet', caseId: c.id, kind: 'packet', status: 'running', payload: args, now: core.nowIso() });
      expect(() => packetJob(core, 'previous-run-packet')).toThrow(/No packet job/);

      expect(recoverOnStart(core).jobsInterrupted).toBe(1);
      expect(interruptedJobs(core, c.id).map((j) => j.id)).toEqual(['previous-run-packet']);
      const report = await resumePendingWork(core);
      expect(report.jobsResumed).toEqual(['previous-run-packet']);
      const job = packetJob(core, 'previous-run-packet');
      expect(job.dto).toMatchObject({ done: true, fileReady: true, error: null });
      expect(job.dto.pageCount).toBeGreaterThanOrEqual(2);
      expect(core.blobs.readFile(job.file!).subarray(0, 5).toString()).toBe('%PDF-');
      expect(jobQueries(core.db).get('previous-run-packet')).toBeUndefined();
    } finally {
      await core.close();
    }
  }, 120_000);

  it('OCR queued by an earlier run is requeued, not marked interrupted', () => {
    const core = testCore();
    try {
      const c = createCase(core, { name: 'OCR' });
      jobQueries(core.db).insert({ id: 'ocr-1', caseId: c.id, kind: 'ocr', status: 'running', payload: { pages: [1] }, now: core.nowIso() });
      const r = recoverOnStart(core);
      expect(r).toMatchObject({ jobsRequeued: 1, jobsInterrupted: 0 });
      expect(jobQueries(core.db).get('ocr-1')?.status).toBe('queued');
      expect(interruptedJobs(core)).toEqual([]);
    } finally {
      void core.close();
    }
  });
});

describe('jobs: ids, cancel, typed outcomes', () => {
  it('a running batch is kept in the jobs table, answers by id and kind, and cancels', async () => {
    const core = testCore();
    try {
      const c = createCase(core, { name: 'Cancel' });
      const dir = await pile(6);
      const events: { jobId: string; kind: string; done: boolean; message: string; fraction: number }[] = [];
      core.on('job.progress', (e) => events.push(e));
      const dto = startImportBatch(core, c.id, inputsFromPaths([dir]));
      expect(jobQueries(core.db).get(dto.jobId)).toMatchObject({ kind: 'import', status: 'running', caseId: c.id });
      expect(liveJob(core, dto.jobId, 'packet'), 'an import id is not a packet job').toBeUndefined();
      cancelJob(core, dto.jobId, 'import');
      const done = await getBatch(core, dto.jobId)!.promise;
      expect(done.cancelled).toBe(true);
      expect(done.files.some((f) => f.status === 'cancelled')).toBe(true);
      // Progress is pushed as before: the batch's id and kind, the last one done, saying it was cancelled.
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.jobId === dto.jobId && e.kind === 'import' && e.fraction >= 0 && e.fraction <= 1)).toBe(true);
      expect(events.at(-1)).toMatchObject({ done: true, fraction: 1, message: expect.stringContaining('(cancelled)') });
      expect(liveJob(core, dto.jobId)?.progress).toMatchObject({ fraction: 1 });
      expect(jobQueries(core.db).get(dto.jobId)).toBeUndefined();
    } finally {
      await core.close();
    }
  });

  it('needsOcr is a field of the outcome: set for a page without text, whatever the messages say', async () => {
    const core = testCore();
    try {
      const c = createCase(core, { name: 'OCR need' });
      const blank = await pdfkitPdf((doc) => doc.rect(72, 72, 300, 200).lineWidth(3).stroke());
      const text = await letterPdf(3);
      const [scan] = await importOne(core, c.id, { fileName: 'OCR scan notes.pdf', source: 'a', read: () => blank });
      const [letter] = await importOne(core, c.id, { fileName: 'OCR letter.pdf', source: 'b', read: () => text });
      expect(scan).toMatchObject({ status: 'imported', needsOcr: true });
      expect(letter).toMatchObject({ status: 'imported', needsOcr: false });
      expect(jobQueries(core.db).countQueued('ocr')).toBe(1);
    } finally {
      await core.close();
    }
  });
});
