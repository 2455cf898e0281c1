import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePdf } from '../../../main/core/documents/parse/pdf';
import { ImportProblem } from '../../../main/core/documents/parse/errors';
import { makePdf, makePng, textLines } from './make-files';

const work = mkdtempSync(path.join(tmpdir(), 'casefile-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function problemOf(p: Promise<unknown>): Promise<ImportProblem> {
  try {
    await p;
  } catch (error) {
    if (error instanceof ImportProblem) return error;
    throw error;
  }
  throw new Error('expected an ImportProblem');
}

function hasQpdf(): boolean {
  try {
    execFileSync('qpdf', ['--version']);
    return true;
  } catch {
    return false;
  }
}

describe('decodePdf', () => {
  it('reads a text PDF page by page with word boxes', async () => {
    const bytes = await makePdf([textLines('Individualized Education Program\nMeeting Date: 09/14/2023'), textLines('Page two has its own words')]);
    const pdf = await decodePdf(bytes, 'iep.pdf');
    expect(pdf.pageCount).toBe(2);
    expect(pdf.pagesNeedingOcr).toEqual([]);
    expect(pdf.pages[0].text).toContain('Meeting Date: 09/14/2023');
    const word = pdf.pages[1].words.find((w) => w.text === 'two')!;
    expect(word.bbox[0]).toBeGreaterThan(72);
    expect(word.bbox[1]).toBeGreaterThan(60);
  });

  it('decides page by page in a mixed PDF: scanned pages go to OCR, text pages do not', async () => {
    const scan = await makePng(300, 400);
    const bytes = await makePdf([textLines('A typed cover letter with a real text layer on it.'), null, textLines('Another typed page with plenty of text.')], { image: scan });
    const pdf = await decodePdf(bytes, 'mixed.pdf');
    expect(pdf.pageCount).toBe(3);
    expect(pdf.pagesNeedingOcr).toEqual([2]);
  });

  it('refuses a zero-byte file', async () => {
    expect((await problemOf(decodePdf(new Uint8Array(0), 'empty.pdf'))).code).toBe('empty_file');
  });

  it('refuses a truncated PDF, naming the file', async () => {
    const bytes = await makePdf([textLines('Some text that will be cut off.')]);
    const p = await problemOf(decodePdf(bytes.slice(0, Math.floor(bytes.length / 2)), 'cut.pdf'));
    expect(p.code).toBe('corrupt_pdf');
    expect(p.message).toContain('cut.pdf');
  });

  it('refuses a PDF with no pages', async () => {
    const bytes = await makePdf([]);
    const p = await problemOf(decodePdf(bytes, 'nothing.pdf'));
    expect(p.code).toBe('pdf_no_pages');
  });

  it.runIf(hasQpdf())('asks for the password of an encrypted PDF, refuses a wrong one, and opens with the right one', async () => {
    const plain = path.join(work, 'plain.pdf');
    const locked = path.join(work, 'locked.pdf');
    writeFileSync(plain, await makePdf([textLines('Confidential evaluation report text for the family.')]));
    execFileSync('qpdf', ['--encrypt', 'rosebud', 'owner-pass', '256', '--', plain, locked]);
    const bytes = new Uint8Array(readFileSync(locked));

    const need = await problemOf(decodePdf(bytes, 'locked.pdf'));
    expect(need.code).toBe('encrypted_pdf');
    expect(need.needsPassword).toBe(true);
    expect(need.message).toMatch(/password/i);

    const wrong = await problemOf(decodePdf(bytes, 'locked.pdf', 'guess'));
    expect(wrong.code).toBe('wrong_password');

    const pdf = await decodePdf(bytes, 'locked.pdf', 'rosebud');
    expect(pdf.encrypted).toBe(true);
    expect(pdf.pages[0].text).toContain('Confidential evaluation report');
  });
});
