// kill -9 at any moment: the case holds whole documents or none, never half a record or an
// orphaned file; interrupted OCR resumes at the next start.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openCore, type Core } from '../../../main/core/context';
import { resumePendingWork } from '../../../main/core/pipeline';
import { recoverOnStart } from '../../../main/core/recovery';
import { describeRivera, REPO_ROOT, RIVERA_DOCS } from '../../support/fixtures';
import { tempDir } from '../../support/core';

const CHILD = path.join(REPO_ROOT, 'tests/support/scripts/import-child.ts');

/** Starts the import child and kills it with SIGKILL when `when(line)` first matches its output. */
function importAndKill(dataDir: string, paths: string[], when: (line: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, ...paths], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      for (const line of d.toString().split('\n')) if (when(line)) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve(out));
  });
}

function checkInvariants(core: Core) {
  const docs = core.db.prepare<[], { id: string; sha256: string; status: string; page_count: number }>('SELECT id, sha256, status, page_count FROM documents').all();
  for (const d of docs) {
    expect(core.blobs.has(d.sha256), `original of ${d.id} is stored`).toBe(true);
    const pages = core.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM pages WHERE document_id = ?').get(d.id)!.n;
    if (d.status === 'ready') expect(pages).toBe(d.page_count);
    else expect(core.db.prepare('SELECT 1 FROM jobs WHERE document_id = ?').get(d.id), `a ${d.status} document has its OCR job`).toBeTruthy();
  }
  const known = new Set(core.db.prepare<[], { sha256: string }>('SELECT sha256 FROM blobs').all().map((r) => r.sha256));
  expect(core.blobs.list().filter((s) => !known.has(s))).toEqual([]);
  expect(readdirSync(core.blobs.root).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  expect(core.blobs.claims(), 'the killed import no longer claims what it stored').toEqual([]);
}

describeRivera('kill -9 during import', () => {
  it('leaves whole documents only, at whatever moment it strikes', async () => {
    const pile = path.join(tempDir(), 'pile');
    mkdirSync(pile);
    for (const f of readdirSync(RIVERA_DOCS).filter((f) => f.endsWith('.pdf') && !f.startsWith('scan_'))) copyFileSync(path.join(RIVERA_DOCS, f), path.join(pile, f));
    // Kill after the 2nd, 7th and 12th file status line: mid-batch, at different points.
    for (const nth of [2, 7, 12]) {
      const dataDir = tempDir();
      let seen = 0;
      await importAndKill(dataDir, [pile], (line) => line.startsWith('progress') && ++seen === nth);
      const core = openCore({ dataDir });
      recoverOnStart(core);
      checkInvariants(core);
      await core.close();
    }
  });

  it('resumes OCR that was interrupted, at the next start', async () => {
    const dataDir = tempDir();
    const scan = path.join(RIVERA_DOCS, 'scan_20240311_0845.pdf');
    // The document is recorded (its OCR job queued) and OCR has started: kill then.
    await importAndKill(dataDir, [scan], (line) => /: imported/.test(line));
    const core = openCore({ dataDir });
    const report = recoverOnStart(core);
    checkInvariants(core);
    const doc = core.db.prepare<[], { id: string; status: string }>('SELECT id, status FROM documents').get();
    expect(doc?.status).toMatch(/ocr_pending|ocr_running/);
    if (doc) {
      expect(report.jobsRequeued + core.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM jobs WHERE status = 'queued'").get()!.n).toBeGreaterThan(0);
      await resumePendingWork(core); // what the app does at start-up
      const after = core.db.prepare<[string], { status: string }>('SELECT status FROM documents WHERE id = ?').get(doc.id)!;
      expect(after.status).toBe('ready');
      const text = core.db.prepare<[string], { text: string }>('SELECT text FROM pages WHERE document_id = ?').get(doc.id)!.text;
      expect(text).toMatch(/Prior Written Notice|PRIOR WRITTEN NOTICE/i);
    }
    checkInvariants(core);
    await core.close();
  });
});

