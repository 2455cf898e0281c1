// The fixture's image-only documents (three copier scans, one phone photo) must read with a
// character error rate at or below 0.10 on average, scored the way ../shared/eval/score.py does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { characterErrorRate } from '../../../main/core/ocr/cer';
import { ocrImage, ocrPdf } from '../../../main/core/ocr/ocr-document';
import { createOcrDriver, type TesseractOcrDriver } from '../../../main/core/ocr/tesseract';
import type { PageContent } from '../../../shared/domain';
import { describeRivera, RIVERA_DIR, RIVERA_DOCS } from '../../support/fixtures';

interface TruthDoc {
  file: string;
  pages?: number;
  reference_text?: string;
}

describeRivera('OCR of the dev-rivera image-only documents', () => {
  let driver: TesseractOcrDriver;
  const docs = (JSON.parse(readFileSync(path.join(RIVERA_DIR, 'truth.json'), 'utf8')) as { documents: TruthDoc[] }).documents.filter(
    (d) => d.reference_text,
  );
  const cers = new Map<string, number>();
  beforeAll(() => {
    driver = createOcrDriver();
  });
  afterAll(() => driver.dispose());

  it('has image-only documents with reference text', () => {
    expect(docs.length).toBeGreaterThanOrEqual(4);
  });

  it.each(docs.map((d) => [path.basename(d.file), d] as const))('reads %s', async (_name, doc) => {
    const bytes = readFileSync(path.join(RIVERA_DOCS, path.basename(doc.file)));
    const progress: number[] = [];
    const pages: PageContent[] = doc.file.toLowerCase().endsWith('.pdf')
      ? await ocrPdf(driver, bytes, { onProgress: (p) => progress.push(p.done) })
      : [await ocrImage(driver, bytes)];
    if (doc.pages) expect(pages).toHaveLength(doc.pages);
    for (const page of pages) {
      expect(page.source).toBe('ocr');
      expect(page.words.length).toBeGreaterThan(20);
      for (const w of page.words) {
        expect(w.bbox[0]).toBeLessThanOrEqual(w.bbox[2]);
        expect(w.bbox[2]).toBeLessThanOrEqual(page.width);
        expect(w.bbox[3]).toBeLessThanOrEqual(page.height);
      }
    }
    if (doc.file.endsWith('.pdf')) {
      expect(pages[0].width).toBeCloseTo(612, 0);
      expect(progress).toEqual(pages.map((_, i) => i + 1));
    }
    const reference = readFileSync(path.join(RIVERA_DIR, doc.reference_text as string), 'utf8');
    const cer = characterErrorRate(reference, pages.map((p) => p.text).join(' '));
    cers.set(doc.file, cer);
    console.log(`[ocr] ${doc.file}: CER ${cer.toFixed(4)}`);
    // Plain native tesseract's worst document scores 0.232; no document may be near that.
    expect(cer).toBeLessThan(0.15);
  });

  it('meets the mean CER target of 0.10', () => {
    expect(cers.size).toBe(docs.length);
    const mean = [...cers.values()].reduce((a, b) => a + b, 0) / cers.size;
    console.log(`[ocr] mean CER ${mean.toFixed(4)}`);
    expect(mean).toBeLessThanOrEqual(0.1);
  });
});
