// A long scan's recognised pages are written to the OCR job's own table as they come, and the
// document's pages only at the end, all at once: kill -9 the import midway (a real child process)
// and the document has no pages; start again and it is whole, its stored pages not read again.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { openCore } from '../../../main/core/context';
import { resumePendingWork } from '../../../main/core/pipeline';
import { recoverOnStart } from '../../../main/core/recovery';
import { tempDir } from '../../support/core';
import { REPO_ROOT } from '../../support/fixtures';
import { scanPdf, typesetPages, type SyntheticPageSpec } from '../../support/synthetic-scan';

const CHILD = path.join(REPO_ROOT, 'tests/support/scripts/import-child.ts');
const PAGES = 6;
const MARKERS = ['Harbor', 'Lantern', 'Meadow', 'Orchard', 'Pebble', 'Quarry'];

const specs: SyntheticPageSpec[] = MARKERS.map((marker, i) => ({
  title: `Service Log Page ${i + 1}`,
  lines: [`Session notes: ${marker} group met for 30 minutes.`, 'Student worked on reading goals with 80% accuracy.', `Next session: ${marker} room, Tuesday.`],
  fontSize: 12,
}));

/** An image-only PDF, one JPEG per page, as a scanner writes it. */
async function scannedPdf(file: string) {
  const scans = await scanPdf(await typesetPages(specs), 150, (n) => ({ angle: 0.4, noise: 8, seed: n }));
  const out = await PDFDocument.create();
  for (const s of scans) {
    const image = await out.embedJpg(await sharp(s.png).jpeg({ quality: 80 }).toBuffer());
    out.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  }
  writeFileSync(file, await out.save());
}

/** Runs the import child and kills it with SIGKILL when `when(line)` first matches its output. */
function importAndKill(dataDir: string, file: string, when: (line: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, file], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      for (const line of d.toString().split('\n')) if (when(line)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('exit', (_code, signal) => resolve(`${out}\nexit: ${signal ?? _code}`));
  });
}

it('kill -9 midway through OCR leaves no pages; the next start finishes the document whole, from the pages already read', { timeout: 600_000 }, async () => {
  const dir = tempDir();
  const file = path.join(dir, 'service-log-scan.pdf');
  await scannedPdf(file);
  const dataDir = path.join(dir, 'data');
  const out = await importAndKill(dataDir, file, (line) => /OCR .*: page 2 of 6/.test(line));
  expect(out).toContain('exit: SIGKILL');
  expect(out).not.toContain('finished');

  const core = openCore({ dataDir });
  try {
    const doc = core.db.prepare<[], { id: string; status: string; page_count: number }>('SELECT id, status, page_count FROM documents').get()!;
    expect(doc.page_count).toBe(PAGES);
    expect(doc.status).not.toBe('ready');
    // Absent: not one of its pages is in the case (nor in search) ...
    expect(core.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM pages WHERE document_id = ?').get(doc.id)!.n).toBe(0);
    // ... while the pages read before the kill wait in the job's own table.
    const kept = core.db.prepare<[], { page_number: number }>('SELECT page_number FROM ocr_job_pages').all().map((r) => r.page_number);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.length).toBeLessThan(PAGES);

    recoverOnStart(core);
    const progress: string[] = [];
    core.on('job.progress', (e) => progress.push(e.message));
    await resumePendingWork(core);
    const after = core.db.prepare<[string], { status: string }>('SELECT status FROM documents WHERE id = ?').get(doc.id)!;
    expect(after.status).toBe('ready');
    const pages = core.db.prepare<[string], { page_number: number; text: string }>('SELECT page_number, text FROM pages WHERE document_id = ? ORDER BY page_number').all(doc.id);
    expect(pages.map((p) => p.page_number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const [i, p] of pages.entries()) expect(p.text).toContain(`Session notes: ${MARKERS[i]} group`);
    expect(core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM ocr_job_pages').get()!.n).toBe(0);
    // Resumed from the pages already stored: the first page the resumed run reports is past them.
    const first = progress.map((m) => /page (\d+) of 6/.exec(m)).find(Boolean);
    expect(Number(first?.[1])).toBeGreaterThan(kept.length);
  } finally {
    await core.close();
  }
});
