// Failures are never reported as success: `casefile import` and `casefile resume` count every kind
// of failure in their summary and exit 1 when anything failed; OCR a crash left queued is finished
// by the next CLI run that writes, not only by the app.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { openCore } from '../../../main/core/context';
import { importOne } from '../../../main/core/documents/import';
import { runCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';
import { scanPdf, typesetPages } from '../../support/synthetic-scan';

/** A one-page scan whose JPEG is damaged past its start marker: it imports, and its OCR fails. */
async function damagedScanPdf(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 850, height: 1100, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: 612, height: 792 });
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));
  const at = bytes.indexOf(jpeg.subarray(0, 16));
  bytes.fill(0x41, at + 2, at + 64);
  return bytes;
}

/** A data folder where the app was killed while it recognised a photographed page: its OCR job was running. */
async function crashedMidOcr(png: Buffer): Promise<{ dataDir: string; documentId: string }> {
  const dataDir = tempDir();
  const core = openCore({ dataDir });
  const c = createCase(core, { name: 'Crashed' });
  const [r] = await importOne(core, c.id, { fileName: 'notice.png', source: 'notice.png', read: () => png });
  expect(r.status).toBe('imported');
  core.db.prepare("UPDATE jobs SET status = 'running'").run();
  core.db.prepare("UPDATE documents SET status = 'ocr_running'").run();
  await core.close();
  return { dataDir, documentId: r.documentId! };
}

function documentRow(dataDir: string, id: string) {
  const core = openCore({ dataDir });
  try {
    const doc = core.db.prepare<[string], { status: string; error: string | null }>('SELECT status, error FROM documents WHERE id = ?').get(id)!;
    const text = core.db.prepare<[string], { text: string }>('SELECT group_concat(text) AS text FROM pages WHERE document_id = ?').get(id)?.text ?? '';
    return { ...doc, text };
  } finally {
    void core.close();
  }
}

describe('casefile import and resume report every failure', () => {
  const work = tempDir();
  let scanPng: Buffer;
  beforeAll(async () => {
    writeFileSync(path.join(work, 'broken-1.pdf'), '%PDF-1.4 cut short');
    writeFileSync(path.join(work, 'broken-2.pdf'), '%PDF-1.7 also cut short');
    writeFileSync(path.join(work, 'letter.txt'), 'Dear Ms. Lee,\nPlease send the records.\nJanuary 15, 2025\n');
    writeFileSync(path.join(work, 'damaged-scan.pdf'), await damagedScanPdf());
    const pdf = await typesetPages([{ lines: ['PRIOR WRITTEN NOTICE', 'The district proposes to change the placement.'], fontSize: 16 }]);
    scanPng = (await scanPdf(pdf, 150, () => ({})))[0].png;
  });

  it('exits 1 when every file fails, and when any one does, saying so on one line', () => {
    const dataDir = tempDir();
    expect(runCasefile(['cases', 'create', '--name', 'Lee'], { dataDir }).code).toBe(0);
    const all = runCasefile(['import', '--case', 'Lee', path.join(work, 'broken-1.pdf'), path.join(work, 'broken-2.pdf')], { dataDir });
    expect(all.stdout).toMatch(/0 imported, 0 already in the case, 2 failed\./);
    expect(all.code).toBe(1);
    expect(all.stderr.trim().split('\n').at(-1)).toMatch(/^casefile: 2 of 2 file\(s\) failed/);

    const some = runCasefile(['import', '--case', 'Lee', '--json', path.join(work, 'letter.txt'), path.join(work, 'broken-1.pdf')], { dataDir });
    expect(JSON.parse(some.stdout).map((f: { status: string }) => f.status)).toEqual(['imported', 'failed']);
    expect(some.code).toBe(1);
  });

  it('counts a document whose OCR failed as failed, not imported', () => {
    const dataDir = tempDir();
    expect(runCasefile(['cases', 'create', '--name', 'Lee'], { dataDir }).code).toBe(0);
    const r = runCasefile(['import', '--case', 'Lee', path.join(work, 'damaged-scan.pdf'), path.join(work, 'letter.txt')], { dataDir });
    expect(r.stdout).toMatch(/FAILED\s+\S*damaged-scan\.pdf — damaged-scan\.pdf: OCR failed/);
    expect(r.stdout).toMatch(/1 imported, 0 already in the case, 1 failed\./);
    expect(r.code).toBe(1);
  });

  it('finishes OCR a crash left running when the CLI next imports, even when every file is already in the case', async () => {
    const { dataDir, documentId } = await crashedMidOcr(scanPng);
    writeFileSync(path.join(work, 'notice.png'), scanPng);
    const r = runCasefile(['import', '--case', 'Crashed', path.join(work, 'notice.png')], { dataDir });
    expect(r.stdout).toMatch(/OCR left from an earlier run: 1 document\(s\) finished, 0 failed\./);
    expect(r.stdout).toMatch(/0 imported, 1 already in the case, 0 failed\./);
    expect(r.code).toBe(0);
    const doc = documentRow(dataDir, documentId);
    expect(doc.status).toBe('ready');
    expect(doc.text).toMatch(/WRITTEN NOTICE/i);
  });

  it('casefile resume finishes queued OCR, and exits 1 naming the document whose OCR failed', async () => {
    const ok = await crashedMidOcr(scanPng);
    expect(runCasefile(['cases', 'list'], { dataDir: ok.dataDir }).stderr).toBe(''); // reading commands leave OCR alone
    const resumed = runCasefile(['resume'], { dataDir: ok.dataDir });
    expect(resumed.stdout).toMatch(/1 document\(s\) finished, 0 failed/);
    expect(resumed.code).toBe(0);
    expect(documentRow(ok.dataDir, ok.documentId).status).toBe('ready');

    // A second one whose stored original was damaged since: its OCR fails.
    const bad = await crashedMidOcr(scanPng);
    const core = openCore({ dataDir: bad.dataDir });
    const sha = core.db.prepare<[], { sha256: string }>('SELECT sha256 FROM documents').get()!.sha256;
    writeFileSync(core.blobs.pathFor(sha), 'no longer an image');
    await core.close();
    const note = runCasefile(['cases', 'rename', 'Crashed', 'Crashed again'], { dataDir: bad.dataDir });
    expect(note.stderr).toMatch(/1 document\(s\) from an earlier run are waiting for OCR; `casefile resume` finishes them/);
    const failed = runCasefile(['resume'], { dataDir: bad.dataDir });
    expect(failed.stdout).toMatch(/FAILED\s+notice\.png: OCR failed/);
    expect(failed.stdout).toMatch(/0 document\(s\) finished, 1 failed/);
    expect(failed.code).toBe(1);
    expect(documentRow(bad.dataDir, bad.documentId)).toMatchObject({ status: 'failed' });
  });

  it('lists links in a folder it did not follow as skipped, which alone is no failure; a link to nothing fails', () => {
    const dataDir = tempDir();
    expect(runCasefile(['cases', 'create', '--name', 'Links'], { dataDir }).code).toBe(0);
    const folder = path.join(tempDir(), 'records');
    mkdirSync(path.join(folder, 'sub'), { recursive: true });
    writeFileSync(path.join(folder, 'letter.txt'), 'Dear Ms. Lee,\nPlease send the records.\nJanuary 15, 2025\n');
    symlinkSync('..', path.join(folder, 'sub', 'back'), 'dir'); // a loop
    symlinkSync(work, path.join(folder, 'elsewhere'), 'dir'); // out of the chosen folder
    const r = runCasefile(['import', '--case', 'Links', folder], { dataDir });
    expect(r.stdout).toMatch(/^skipped\s+\S*elsewhere — elsewhere: is a link to .*outside the folder you chose/m);
    expect(r.stdout).toMatch(/^skipped\s+\S*sub\/back — back: leads back to the folder .* \(a loop\)/m);
    expect(r.stdout).toMatch(/^1 imported, 0 already in the case, 2 skipped, 0 failed\.$/m);
    expect(r.code, r.stderr).toBe(0);

    symlinkSync('missing.pdf', path.join(folder, 'dangling.pdf'));
    const broken = runCasefile(['import', '--case', 'Links', folder], { dataDir });
    expect(broken.stdout).toMatch(/^FAILED\s+\S*dangling\.pdf — dangling\.pdf: is a link to "missing\.pdf", which does not exist/m);
    expect(broken.stdout).toMatch(/^0 imported, 1 already in the case, 2 skipped, 1 failed\.$/m);
    expect(broken.code).toBe(1);
  });

  it('documents its exit codes in --help', () => {
    const help = runCasefile(['--help'], { dataDir: tempDir() }).stdout;
    expect(help).toMatch(/Exit codes:/);
    for (const code of ['0', '1', '2', '3']) expect(help).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
    expect(help).toMatch(/--wait <seconds>/);
  });
});
