import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { inputsFromPaths } from '../../../main/core/documents/import';
import { listDocuments, trashDocument, restoreDocument, updateDocument, documentPages } from '../../../main/core/documents/service';
import { search } from '../../../main/core/search/service';
import { afterDocumentHook, reprocessDocument } from '../../../main/core/pipeline';
import { tempDir, testCore } from '../../support/core';
import { makePng } from '../documents/make-files';
import { linkedPile } from '../documents/make-folders';
import { rawZip, type ZipMethod } from '../documents/make-zips';

async function textPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  lines.forEach((l, i) => page.drawText(l, { x: 72, y: 720 - i * 18, size: 11, font }));
  return doc.save();
}

async function importPaths(core: ReturnType<typeof testCore>, caseId: string, paths: string[]) {
  const batch = startImportBatch(core, caseId, inputsFromPaths(paths));
  return getBatch(core, batch.jobId)!.promise;
}

describe('importing a batch with good and bad files', () => {
  it('imports what it can, says what is wrong with each bad file, and changes nothing else', async () => {
    const dir = tempDir();
    const files = path.join(dir, 'pile');
    mkdirSync(path.join(files, 'sub'), { recursive: true });
    writeFileSync(path.join(files, 'progress.pdf'), await textPdf(['Progress Report on Annual Goals', 'Report Date: 03/15/2024', 'Goal 1: Reading fluency. Mateo read 61 WCPM on 03/01/2024.']));
    writeFileSync(path.join(files, 'sub', 'letter.txt'), 'Dear Ms. Lee,\nPlease send all of Ana\'s education records.\nSincerely, Ana\'s mother\nJanuary 15, 2025\n');
    writeFileSync(path.join(files, 'empty.pdf'), new Uint8Array());
    writeFileSync(path.join(files, 'truncated.pdf'), (await textPdf(['cut short'])).slice(0, 300));
    writeFileSync(path.join(files, 'setup.exe'), Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]));
    writeFileSync(path.join(files, 'really-a-photo.pdf'), await sharp({ create: { width: 200, height: 100, channels: 3, background: '#fff' } }).jpeg().toBuffer());
    writeFileSync(path.join(files, 'evil.zip'), zipSync({ '../../escape.txt': new TextEncoder().encode('x'), 'ok/notes.txt': new TextEncoder().encode('IEP meeting notes, October 2024: goals reviewed.') }));
    const core = testCore();
    const c = createCase(core, { name: 'Batch' });
    const other = createCase(core, { name: 'Untouched' });
    const result = await importPaths(core, c.id, [files, path.join(dir, 'gone.pdf')]);
    const by = (name: string) => result.files.filter((f) => f.fileName === name);
    expect(by('progress.pdf')[0].status).toBe('imported');
    expect(by('letter.txt')[0].status).toBe('imported');
    expect(by('empty.pdf')[0]).toMatchObject({ status: 'failed' });
    expect(by('empty.pdf')[0].message).toMatch(/empty\.pdf.*empty|0 bytes/i);
    expect(by('truncated.pdf')[0].status).toBe('failed');
    expect(by('truncated.pdf')[0].message).toMatch(/truncated\.pdf/);
    expect(by('setup.exe')[0].message).toMatch(/program|executable/i);
    expect(by('really-a-photo.pdf')[0].status).toBe('imported'); // the bytes say JPEG: imported as a photo
    expect(result.files.some((f) => f.status === 'failed' && /escape\.txt|\.\.\//.test(f.message ?? ''))).toBe(true);
    expect(by('notes.txt')[0].status).toBe('imported');
    expect(by('gone.pdf')[0]).toMatchObject({ status: 'failed' });
    expect(by('gone.pdf')[0].message).toMatch(/no longer exists|disappeared/);

    const docs = listDocuments(core, c.id);
    expect(docs.map((d) => d.fileName).sort()).toEqual(['letter.txt', 'notes.txt', 'progress.pdf', 'really-a-photo.pdf']);
    expect(docs.find((d) => d.fileName === 'notes.txt')!.archivePath).toBe('evil.zip/ok/notes.txt');
    expect(docs.find((d) => d.fileName === 'really-a-photo.pdf')!.format).toBe('jpeg');
    expect(listDocuments(core, other.id)).toEqual([]);
    // Every stored original is referenced, nothing half-written is left behind.
    const shas = core.db.prepare<[], { sha256: string }>('SELECT sha256 FROM blobs').all().map((r) => r.sha256).sort();
    expect(core.blobs.list().sort()).toEqual(shas);
  });

  it('refuses the same bytes twice, even under another name', async () => {
    const dir = tempDir();
    const bytes = await textPdf(['Individualized Education Program', 'Meeting Date: 10/12/2022']);
    writeFileSync(path.join(dir, 'a.pdf'), bytes);
    writeFileSync(path.join(dir, 'copy of a.pdf'), bytes);
    const core = testCore();
    const c = createCase(core, { name: 'Dup' });
    const r = await importPaths(core, c.id, [path.join(dir, 'a.pdf'), path.join(dir, 'copy of a.pdf')]);
    expect(r.files.map((f) => f.status)).toEqual(['imported', 'duplicate']);
    expect(r.files[1].message).toMatch(/already in this case/);
    expect(listDocuments(core, c.id)).toHaveLength(1);
  });

  it('keeps a user-set type and date through re-processing, and trash keeps the original', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'p.pdf'), await textPdf(['Progress Report', 'Report date: 12/08/2023', 'Goal 1 Reading: 55 WCPM on 12/01/2023']));
    const core = testCore();
    const c = createCase(core, { name: 'Sticky' });
    await importPaths(core, c.id, [dir]);
    const [doc] = listDocuments(core, c.id);
    expect(doc.type).toBe('progress_report');
    updateDocument(core, doc.id, { type: 'correspondence', date: '2023-12-09' });
    const after = reprocessDocument(core, doc.id);
    expect(after).toMatchObject({ type: 'correspondence', typeByUser: true, date: '2023-12-09', dateByUser: true });
    expect(search(core, { query: 'wcpm', caseId: c.id }).hits).toHaveLength(1);
    trashDocument(core, doc.id);
    expect(listDocuments(core, c.id)).toHaveLength(0);
    expect(search(core, { query: 'wcpm', caseId: c.id }).hits).toHaveLength(0);
    expect(core.blobs.has(doc.sha256)).toBe(true);
    restoreDocument(core, doc.id);
    expect(search(core, { query: 'wcpm', caseId: c.id }).hits).toHaveLength(1);
    expect(documentPages(core, doc.id)[0].words.length).toBeGreaterThan(5);
  });
});

describe('a records archive as Python and scanners write it (members stored, not compressed)', () => {
  it.each<ZipMethod>(['stored', 'deflated'])('imports every record (%s), refuses ../ by name, opens the nested zip, and counts it all', async (method) => {
    const dir = tempDir();
    const pdf = (title: string) => textPdf([title, 'Student: Mateo Ruiz', 'Date: 03/15/2024']);
    const inner = rawZip([['pwn.pdf', await pdf('Prior Written Notice')]], method);
    const zip = rawZip(
      [
        ['records/iep.pdf', await pdf('Individualized Education Program')],
        ['../../escape.pdf', await pdf('Should never be written anywhere')],
        ['records/evaluation.pdf', await pdf('Psychoeducational Evaluation Report')],
        ['records/progress.pdf', await pdf('Progress Report on Annual Goals')],
        ['records/older.zip', inner],
      ],
      method,
    );
    writeFileSync(path.join(dir, 'records.zip'), zip);
    const core = testCore();
    const c = createCase(core, { name: 'Records request' });
    let summary = '';
    core.on('job.progress', (e) => {
      if (e.done) summary = e.message;
    });
    const result = await importPaths(core, c.id, [path.join(dir, 'records.zip')]);

    expect(result.files.map((f) => [f.fileName, f.status])).toEqual([
      ['records.zip', 'failed'],
      ['iep.pdf', 'imported'],
      ['evaluation.pdf', 'imported'],
      ['progress.pdf', 'imported'],
      ['pwn.pdf', 'imported'],
    ]);
    expect(result.files[0].message).toMatch(/records\.zip.*"\.\.\/\.\.\/escape\.pdf".*skipped/);
    const docs = listDocuments(core, c.id);
    expect(docs.map((d) => d.archivePath).sort()).toEqual(['records.zip/records/evaluation.pdf', 'records.zip/records/iep.pdf', 'records.zip/records/older.zip/pwn.pdf', 'records.zip/records/progress.pdf']);
    expect(docs.every((d) => d.format === 'pdf' && d.pageCount === 1)).toBe(true);
    expect(summary).toBe('4 imported, 0 already in the case, 1 failed.');
  });
});

describe('a folder holding symlinks and loops', () => {
  it('imports everything inside once, reads nothing outside, and reports each link it did not follow', async () => {
    const { pile } = linkedPile();
    const core = testCore();
    const c = createCase(core, { name: 'Links' });
    let summary = '';
    core.on('job.progress', (e) => {
      if (e.done) summary = e.error ?? e.message;
    });
    const result = await importPaths(core, c.id, [pile]);
    const status = Object.fromEntries(result.files.map((f) => [path.relative(pile, f.source), f.status]));
    expect(status).toEqual({
      'a.txt': 'imported',
      'alias.txt': 'duplicate', // a link to a.txt, inside the folder: the same bytes, refused once more
      'dangling.txt': 'failed', // leads nowhere: a file may be missing
      latest: 'skipped', // the links not followed on purpose lose nothing of the folder
      out: 'skipped',
      'secret.txt': 'skipped',
      self: 'skipped',
      'sub/b.txt': 'imported',
      'sub/back': 'skipped',
      'sub/deeper/c.txt': 'imported',
      'sub/deeper/up': 'skipped',
      'shortcut/old.txt': 'imported',
      'shortcut/again': 'skipped',
    });
    const message = (source: string) => result.files.find((f) => f.source === path.join(pile, source))!.message;
    expect(message('sub/back')).toMatch(/^back: leads back to the folder .* \(a loop\), so it was not followed/);
    expect(message('out')).toMatch(/^out: is a link to .*outside the folder you chose/);
    expect(message('self')).toMatch(/^self: is a link that leads back to itself/);
    expect(message('dangling.txt')).toMatch(/^dangling\.txt: is a link to "missing\.txt", which does not exist/);
    expect(summary).toBe('4 imported, 1 already in the case, 7 skipped, 1 failed.');
    const docs = listDocuments(core, c.id);
    expect(docs.map((d) => d.fileName).sort()).toEqual(['a.txt', 'b.txt', 'c.txt', 'old.txt']);
    expect(docs.some((d) => /private|secret/.test(d.fileName))).toBe(false);
    expect(search(core, { query: 'private', caseId: c.id }).hits).toEqual([]);
  });
});

describe('an exception after a document is recorded (the extraction hook)', () => {
  /** The real extraction hook, except that it throws for the document of `failing`. */
  function hookFailingFor(core: ReturnType<typeof testCore>, failing: string, calls: string[]) {
    const extract = afterDocumentHook(core);
    return (documentId: string) => {
      const name = core.db.prepare<[string], { file_name: string }>('SELECT file_name FROM documents WHERE id = ?').get(documentId)!.file_name;
      calls.push(name);
      if (name === failing) throw new Error('reader crashed on page 1');
      extract(documentId);
    };
  }

  it.each([
    ['text files', 'txt', (n: number) => Promise.resolve(Buffer.from(`Prior written notice ${n}: the district proposes speech therapy, dated March ${n}, 2024.`))],
    ['scans (after their OCR)', 'png', (n: number) => makePng(240 + 40 * n, 160)],
  ])('fails that document alone, keeps it in the case, and goes on with the rest of the batch (%s)', async (_kind, ext, bytes) => {
    const dir = tempDir();
    for (const n of [1, 2, 3]) writeFileSync(path.join(dir, `doc-${n}.${ext}`), await bytes(n));
    const core = testCore();
    try {
      const c = createCase(core, { name: 'Hook' });
      const calls: string[] = [];
      let summary = '';
      core.on('job.progress', (e) => {
        if (e.done) summary = e.error ?? e.message;
      });
      const batch = startImportBatch(core, c.id, inputsFromPaths([dir]), { afterDocument: hookFailingFor(core, `doc-2.${ext}`, calls) });
      const r = await getBatch(core, batch.jobId)!.promise;

      expect(calls).toEqual([`doc-1.${ext}`, `doc-2.${ext}`, `doc-3.${ext}`]);
      expect(r.files.map((f) => [f.fileName, f.status])).toEqual([
        [`doc-1.${ext}`, 'imported'],
        [`doc-2.${ext}`, 'failed'],
        [`doc-3.${ext}`, 'imported'],
      ]);
      const failed = r.files[1];
      expect(failed.message).toMatch(new RegExp(`^doc-2\\.${ext}: imported and kept in the case, but reading its goals, services and dates failed \\(reader crashed on page 1\\)`));
      const docs = listDocuments(core, c.id);
      expect(docs.map((d) => d.fileName).sort()).toEqual([`doc-1.${ext}`, `doc-2.${ext}`, `doc-3.${ext}`]);
      expect(failed.documentId).toBe(docs.find((d) => d.fileName === `doc-2.${ext}`)!.id);
      // The files after it were read as usual, extraction included.
      const extracted = core.db.prepare<[], { document_id: string }>('SELECT document_id FROM extractions').all().map((x) => x.document_id);
      expect(extracted).toContain(docs.find((d) => d.fileName === `doc-3.${ext}`)!.id);
      expect(r.done).toBe(true);
      expect(summary).toBe('2 imported, 0 already in the case, 1 failed.');
    } finally {
      await core.close();
    }
  });
});

describe('a file deleted mid-import', () => {
  it('is reported by name once the batch reaches it, and the other files still import', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'Prior written notice dated March 8, 2024.');
    writeFileSync(path.join(dir, 'b.txt'), 'Meeting notes: the team reviewed the reading goal.');
    const core = testCore();
    const c = createCase(core, { name: 'Vanishing' });
    const inputs = inputsFromPaths([dir]); // listed while both files exist
    rmSync(path.join(dir, 'a.txt'));
    const batch = startImportBatch(core, c.id, inputs);
    const r = await getBatch(core, batch.jobId)!.promise;
    expect(r.files.find((f) => f.fileName === 'a.txt')).toMatchObject({ status: 'failed' });
    expect(r.files.find((f) => f.fileName === 'a.txt')!.message).toMatch(/a\.txt: the file disappeared/);
    expect(r.files.find((f) => f.fileName === 'b.txt')!.status).toBe('imported');
  });
});

describe('a full disk', () => {
  it('reports it, names the file, and leaves no document or temp file', async () => {
    const dataDir = tempDir();
    const originals = path.join(dataDir, 'originals');
    mkdirSync(originals, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', originals], { stdio: 'ignore' });
    } catch {
      console.warn('[import] skipped the full-disk check: this machine does not let the test mount a small tmpfs.');
      return;
    }
    try {
      const big = path.join(tempDir(), 'big.txt');
      writeFileSync(big, 'Progress report text that is long. '.repeat(8000));
      const core = testCore({ dataDir });
      const c = createCase(core, { name: 'Full' });
      const r = await importPaths(core, c.id, [big]);
      expect(r.files[0].status).toBe('failed');
      expect(r.files[0].message).toMatch(/disk is full/);
      expect(listDocuments(core, c.id)).toEqual([]);
      expect(readdirSync(originals).filter((f) => f.startsWith('.tmp'))).toEqual([]);
      await core.close();
    } finally {
      execFileSync('umount', [originals]);
    }
  });
});

