// Confidence from evidence: the same progress report read from its text layer and from a smudged
// scan of it (typeset here, rendered, blurred and speckled, read by the app's tesseract driver); the
// stray marks OCR reads from table rules; the evidence rules themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageContent } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { confidenceOf } from '../../../main/core/extract/confidence';
import { extractProgressReport } from '../../../main/core/extract/progress';
import { extractDocument } from '../../../main/core/extract';
import { cleanStrayMarks } from '../../../main/core/extract/stray-marks';
import { createOcrDriver, type TesseractOcrDriver } from '../../../main/core/ocr/tesseract';
import { scanPdf, typesetPages, type SyntheticPageSpec } from '../../support/synthetic-scan';

const report: SyntheticPageSpec = {
  title: 'Progress Report on Annual Goals',
  lines: [
    'Student:\tDana Whitfield',
    'Report Date:\t01/12/2024',
    'Progress Codes: SP = Sufficient Progress; IP = Insufficient Progress',
    '',
    'Goal 1: Reading Fluency',
    'Progress Code:\tIP',
    'Comments:\tDana read 41 words correct per minute on 1/10/24.',
  ],
  fontSize: 12,
};

let driver: TesseractOcrDriver;
let textPages: PageContent[];
let scanPages: PageContent[];
beforeAll(async () => {
  driver = createOcrDriver({ workers: 1 });
  const pdf = await typesetPages([report]);
  textPages = (await readPdfText(pdf)).pages;
  const [scan] = await scanPdf(pdf, 150, () => ({ blur: 1.4, noise: 10, seed: 3 }));
  scanPages = [await driver.recognize({ pageNumber: 1, image: scan.png, dpi: 150 })];
}, 240_000);
afterAll(() => driver.dispose());

describe('confidence from evidence', () => {
  it('a smudged scan of a value is less sure than the same value in a text layer, and says why', () => {
    const clean = extractProgressReport(textPages, 'text').entries[0];
    const smudged = extractProgressReport(scanPages, 'scan').entries[0];
    expect(clean.code).toBe('IP');
    expect(smudged.goalNumber).toBe(1);
    expect(smudged.confidence).toBeLessThan(clean.confidence);
    expect(clean.reasons).toContain('text layer');
    expect(clean.reasons).toContain('code in legend');
    expect(smudged.reasons?.join('; ')).toMatch(/^OCR \d{2}% in box/);
  });

  it('weighs how the value was found, the legend and completeness', () => {
    const words = [{ conf: 100 }, { conf: 100 }];
    const labelled = confidenceOf({ words, foundBy: 'labelled' });
    const fallback = confidenceOf({ words, foundBy: 'fallback' });
    expect(fallback.confidence).toBeLessThan(labelled.confidence);
    const outOfLegend = confidenceOf({ words, foundBy: 'labelled', checks: [{ ok: false, yes: 'code in legend', no: 'code not in the legend', miss: 0.8 }] });
    expect(outOfLegend.confidence).toBeLessThan(labelled.confidence);
    expect(outOfLegend.reasons).toEqual(['text layer', 'labelled field', 'code not in the legend']);
    const ocr = confidenceOf({ words: [{ conf: 95 }, { conf: 62 }], foundBy: 'labelled' });
    expect(ocr.reasons[0]).toBe('OCR 79% in box, 1 doubtful word');
    expect(ocr.confidence).toBeLessThan(labelled.confidence);
  });
});

describe('stray marks', () => {
  it('takes out table rules, leaders and lone specks, and leaves a mark inside a word for review', () => {
    expect(cleanStrayMarks('| Reading Fluency |')).toEqual({ text: 'Reading Fluency', changed: true, unsure: false });
    expect(cleanStrayMarks('Oral Reading ¦ 41 wcpm ____ .').text).toBe('Oral Reading 41 wcpm');
    expect(cleanStrayMarks('Reading.......... 85').text).toBe('Reading 85');
    expect(cleanStrayMarks('|Speech Therapy|').text).toBe('Speech Therapy');
    expect(cleanStrayMarks('Dana wi|l read 60 words')).toMatchObject({ changed: false, unsure: true });
    expect(cleanStrayMarks('Reading - Fluency (3rd grade)').changed).toBe(false);
  });

  it('cleans the values of an OCR page, and leaves a text-layer page as printed', () => {
    const words = (line: string, y: number) => line.split(' ').map((text, i) => ({ text, bbox: [54 + i * 48, y, 96 + i * 48, y + 11] as [number, number, number, number], conf: 100 }));
    const lines = ['Progress Codes: SP = Sufficient Progress; IP = Insufficient Progress', 'Goal 1: | Reading Fluency |', 'Progress Code: SP', 'Comments: Dana read 41 words ____ correct per minute | on 1/10/24.'];
    const page = (source: 'ocr' | 'text_layer'): PageContent => {
      const all = lines.flatMap((l, i) => words(l, 80 + i * 20)).map((w) => ({ ...w, conf: source === 'ocr' ? 91 : 100 }));
      return { pageNumber: 1, width: 612, height: 792, text: lines.join('\n'), words: all, source, meanConfidence: source === 'ocr' ? 91 : null };
    };
    const ocr = extractDocument({ documentId: 'o', type: 'progress_report', pages: [page('ocr')] }).progressReport!.entries[0];
    const printed = extractDocument({ documentId: 't', type: 'progress_report', pages: [page('text_layer')] }).progressReport!.entries[0];
    expect(ocr.comment).not.toMatch(/[|_]/);
    expect(ocr.reasons).toContain('stray marks removed');
    expect(printed.comment).toMatch(/\|/);
  });
});
