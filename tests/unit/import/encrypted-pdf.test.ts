// Encrypted PDFs on real files: qpdf encrypts them, real SQLite stores them, tesseract reads them,
// and the packet is opened back to see its exhibit pages hold the real page content.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createCase, deleteCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { documentQueries } from '../../../main/core/db/queries/documents';
import { sha256Hex } from '../../../main/core/documents/blob-store';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { inputsFromPaths, type ImportInput } from '../../../main/core/documents/import';
import { originalFile, pageImage } from '../../../main/core/documents/page-image';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { documentPages, listDocuments } from '../../../main/core/documents/service';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import { packetInput } from '../../../main/core/packet/service';
import { decryptPdf, isEncryptedPdf } from '../../../main/core/pdf/decrypt';
import { afterDocumentHook } from '../../../main/core/pipeline';
import { tempDir, testCore } from '../../support/core';
import { scanPdf, typesetPages } from '../../support/synthetic-scan';
import { renderPage } from '../packet/inspect';

const work = tempDir('casefile-encrypted-');

/** The file qpdf writes when it encrypts `pdf` (user password, owner password, then key options). */
function encrypted(pdf: Uint8Array, user: string, owner: string, keyOptions: string[] = ['256']): Buffer {
  const name = `${sha256Hex(pdf).slice(0, 12)}-${sha256Hex(Buffer.from(JSON.stringify([user, owner, keyOptions]))).slice(0, 12)}`;
  const plain = path.join(work, `${name}-plain.pdf`);
  const out = path.join(work, `${name}-encrypted.pdf`);
  writeFileSync(plain, pdf);
  execFileSync('qpdf', ['--allow-weak-crypto', '--encrypt', user, owner, ...keyOptions, '--', plain, out]);
  return readFileSync(out);
}

async function textPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  lines.forEach((l, i) => page.drawText(l, { x: 72, y: 720 - i * 18, size: 12, font }));
  return doc.save();
}

/** A scanner's PDF: each page one grey JPEG over the whole page, no text layer. */
async function scannedPdf(title: string, lines: string[]): Promise<Uint8Array> {
  const [scan] = await scanPdf(await typesetPages([{ title, lines, fontSize: 13 }]), 200, () => ({ noise: 4, seed: 11 }));
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(await sharp(scan.png).jpeg({ quality: 85 }).toBuffer());
  doc.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  return doc.save();
}

async function importFiles(core: Core, caseId: string, inputs: ImportInput[], password?: string) {
  const batch = startImportBatch(core, caseId, inputs, { password, afterDocument: afterDocumentHook(core) });
  return getBatch(core, batch.jobId)!.promise;
}

function writeFile(name: string, bytes: Uint8Array): string {
  const file = path.join(tempDir('casefile-encrypted-in-'), name);
  writeFileSync(file, bytes);
  return file;
}

const darkShare = (px: Uint8Array) => px.reduce((n, v) => n + (v < 128 ? 1 : 0), 0) / px.length;

/** Share of dark pixels on a packet page above its Bates band (the exhibit page itself). */
async function exhibitInk(pdf: Uint8Array, page: number): Promise<number> {
  const g = await renderPage(pdf, page, 60);
  return darkShare(g.data.subarray(0, g.width * Math.floor(g.height * 0.9)));
}

function packetArgs(caseId: string, documentIds: string[]) {
  return {
    caseId,
    bates: { prefix: 'SEALED-', start: 1, digits: 4, position: 'bottom-right' as const },
    labelStyle: 'P-1' as const,
    sections: ['cover' as const, 'exhibits' as const],
    exhibits: documentIds.map((documentId) => ({ documentId })),
    compEd: null,
  };
}

describe('decrypting PDFs in-process', () => {
  it('opens every standard security handler with the user or the owner password, and leaves plain PDFs alone', async () => {
    const plain = await textPdf(['Individualized Education Program', 'Reading fluency goal']);
    expect(await isEncryptedPdf(plain)).toBe(false);
    for (const keyOptions of [['40'], ['128', '--use-aes=n'], ['128', '--use-aes=y'], ['256']]) {
      const sealed = encrypted(plain, 'user-pw', 'owner-pw', keyOptions);
      expect(await isEncryptedPdf(sealed), keyOptions.join(' ')).toBe(true);
      for (const password of ['user-pw', 'owner-pw']) {
        const open = await decryptPdf(sealed, password);
        expect(await isEncryptedPdf(open)).toBe(false);
        expect((await readPdfText(open)).pages[0].text, `${keyOptions.join(' ')} with ${password}`).toContain('Reading fluency goal');
      }
      await expect(decryptPdf(sealed, 'not-it')).rejects.toThrow();
    }
  });
});

describe('importing an encrypted PDF', () => {
  it('recognises a password-protected scan imported with its password, shows its pages and puts them in the packet', async () => {
    const lines = ['Student Name\tJordan Example', 'Goal 1: Reading Fluency', 'Baseline: 42 words correct per minute.'];
    const original = encrypted(await scannedPdf('Progress Report on Annual Goals', lines), 'district-2024', 'owner-secret');
    const core = testCore();
    try {
      const c = createCase(core, { name: 'Sealed scan' });
      const result = await importFiles(core, c.id, inputsFromPaths([writeFile('progress-scan.pdf', original)]), 'district-2024');
      expect(result.files).toEqual([expect.objectContaining({ status: 'imported', message: 'Text recognised (OCR).' })]);
      const [doc] = listDocuments(core, c.id);
      expect(doc).toMatchObject({ status: 'ready', error: null, textSource: 'ocr' });
      const text = documentPages(core, doc.id).map((p) => p.text).join('\n');
      expect(text).toMatch(/Jordan Example/);
      expect(text).toMatch(/Reading Fluency/);

      // The original stays as it came, encrypted; the readers use the decrypted copy stored beside it.
      expect(originalFile(core, doc.id).bytes.equals(original)).toBe(true);
      const row = documentQueries(core.db).get(doc.id)!;
      expect(row.working_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(core.blobs.has(row.sha256) && core.blobs.has(row.working_sha256!)).toBe(true);

      // The viewer's page image shows the scan.
      const png = await pageImage(core, doc.id, 1, 500);
      const { data } = await sharp(png!).greyscale().raw().toBuffer({ resolveWithObject: true });
      expect(darkShare(data)).toBeGreaterThan(0.005);

      // The packet's exhibit page holds the scan, not a blank page with a Bates number on it.
      const { pdf, manifest } = await buildPacketDetailed(await packetInput(core, packetArgs(c.id, [doc.id])));
      const exhibit = manifest.exhibits[0];
      expect(exhibit.firstPage).toBe(exhibit.lastPage);
      expect((await readPdfText(pdf)).pages[exhibit.firstPage - 1].text).toMatch(/SEALED-0001/);
      const ink = await exhibitInk(pdf, exhibit.firstPage);
      const sourceInk = await exhibitInk(core.blobs.get(row.working_sha256!), 1);
      expect(ink).toBeGreaterThan(0.005);
      expect(ink).toBeGreaterThan(sourceInk * 0.6);
    } finally {
      await core.close();
    }
  });

  it('puts a PDF that has only an owner password (it opens without one) in the packet readable, and a deleted case takes both copies', async () => {
    const original = encrypted(await textPdf(['District records portal export', 'Speech therapy 30 minutes weekly']), '', 'portal-owner');
    const core = testCore();
    try {
      const c = createCase(core, { name: 'Portal export' });
      const result = await importFiles(core, c.id, inputsFromPaths([writeFile('portal.pdf', original)]));
      expect(result.files[0].status).toBe('imported');
      const [doc] = listDocuments(core, c.id);
      const { pdf, manifest } = await buildPacketDetailed(await packetInput(core, packetArgs(c.id, [doc.id])));
      const pageText = (await readPdfText(pdf)).pages[manifest.exhibits[0].firstPage - 1].text;
      expect(pageText).toMatch(/Speech therapy 30 minutes weekly/);
      expect(await exhibitInk(pdf, manifest.exhibits[0].firstPage)).toBeGreaterThan(0.001);
      expect(doc.meta.encrypted).toBe(true);

      const row = documentQueries(core.db).get(doc.id)!;
      deleteCase(core, c.id);
      expect(core.blobs.has(row.sha256)).toBe(false);
      expect(core.blobs.has(row.working_sha256!)).toBe(false);
      expect(core.db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 0 });
    } finally {
      await core.close();
    }
  });

  it('refuses by name, in the packet and the viewer, an encrypted PDF imported before copies were kept; importing it again with its password mends it', async () => {
    const original = encrypted(await textPdf(['Psychoeducational evaluation', 'Full scale IQ 94']), 'eval-pass', 'eval-owner');
    const file = writeFile('evaluation.pdf', original);
    const core = testCore();
    try {
      const c = createCase(core, { name: 'Old import' });
      await importFiles(core, c.id, inputsFromPaths([file]), 'eval-pass');
      const [doc] = listDocuments(core, c.id);
      // As an import from before migration 0080 left it: the original only.
      const row = documentQueries(core.db).get(doc.id)!;
      core.db.prepare('UPDATE documents SET working_sha256 = NULL WHERE id = ?').run(doc.id);
      core.db.prepare('DELETE FROM blobs WHERE sha256 = ?').run(row.working_sha256);
      core.blobs.remove(row.working_sha256!);

      await expect(packetInput(core, packetArgs(c.id, [doc.id]))).rejects.toThrow(/"evaluation\.pdf" is encrypted.*Import the same file again/);
      await expect(pageImage(core, doc.id, 1, 400)).rejects.toThrow(/"evaluation\.pdf" is encrypted/);

      const withoutPassword = await importFiles(core, c.id, inputsFromPaths([file]));
      expect(withoutPassword.files[0]).toMatchObject({ status: 'duplicate', documentId: doc.id, needsPassword: true });
      expect(withoutPassword.files[0].message).toMatch(/evaluation\.pdf.*cannot be read.*password/);

      const mended = await importFiles(core, c.id, inputsFromPaths([file]), 'eval-pass');
      expect(mended.files[0]).toMatchObject({ status: 'imported', documentId: doc.id });
      expect(mended.files[0].message).toMatch(/readable now/);
      expect(listDocuments(core, c.id)).toHaveLength(1);
      const { pdf, manifest } = await buildPacketDetailed(await packetInput(core, packetArgs(c.id, [doc.id])));
      expect((await readPdfText(pdf)).pages[manifest.exhibits[0].firstPage - 1].text).toMatch(/Full scale IQ 94/);
    } finally {
      await core.close();
    }
  });

  it('leaves no pending-original marker behind once the copy an earlier import lacked is recorded', async () => {
    const file = writeFile('consent.pdf', encrypted(await textPdf(['Consent for evaluation', 'Signed 09/02/2023']), 'consent-pass', 'consent-owner'));
    const core = testCore();
    try {
      const c = createCase(core, { name: 'Marker' });
      await importFiles(core, c.id, inputsFromPaths([file]), 'consent-pass');
      const [doc] = listDocuments(core, c.id);
      const row = documentQueries(core.db).get(doc.id)!;
      core.db.prepare('UPDATE documents SET working_sha256 = NULL WHERE id = ?').run(doc.id);
      core.db.prepare('DELETE FROM blobs WHERE sha256 = ?').run(row.working_sha256);
      core.blobs.remove(row.working_sha256!);

      const mended = await importFiles(core, c.id, inputsFromPaths([file]), 'consent-pass');
      expect(mended.files[0]).toMatchObject({ status: 'imported', documentId: doc.id });
      const copy = documentQueries(core.db).get(doc.id)!.working_sha256!;
      expect(core.blobs.has(copy)).toBe(true);
      // originals/.pending/<sha>.<pid> marks an original an import has stored but not recorded yet.
      expect(readdirSync(path.join(core.blobs.root, '.pending'))).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('counts a document whose OCR failed as a failed import, naming the file', async () => {
    const scan = await scannedPdf('Speech Progress', ['Articulation goal: 80% accuracy']);
    const scanSha = sha256Hex(scan); // the import hands the bytes to pdf.js, which takes them
    const core = testCore();
    try {
      const c = createCase(core, { name: 'Lost scan' });
      const inputs: ImportInput[] = [
        { fileName: 'speech-scan.pdf', source: 'speech-scan.pdf', read: () => scan },
        {
          fileName: 'notes.txt',
          source: 'notes.txt',
          // The scan's stored file is lost (a disk error, a sync tool) after its import, before its OCR.
          read: () => {
            core.blobs.remove(scanSha);
            return new TextEncoder().encode('IEP meeting notes, October 2024: goals reviewed.');
          },
        },
      ];
      const result = await importFiles(core, c.id, inputs);
      const scanRow = result.files.find((f) => f.fileName === 'speech-scan.pdf')!;
      expect(scanRow.status).toBe('failed');
      expect(scanRow.message).toMatch(/speech-scan\.pdf: OCR failed/);
      expect(result.files.filter((f) => f.status === 'failed')).toHaveLength(1);
      expect(result.files.find((f) => f.fileName === 'notes.txt')!.status).toBe('imported');
      expect(listDocuments(core, c.id).find((d) => d.fileName === 'speech-scan.pdf')).toMatchObject({ status: 'failed' });
    } finally {
      await core.close();
    }
  });
});
