// The classifier on the 21 documents of the dev-rivera fixture: text PDFs through the real text-layer
// reader; the four image-only documents through their reference text (OCR is another module's job).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { PageContent, Word } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { classify } from '../../../main/core/documents/parse/classify';
import { sniff } from '../../../main/core/documents/parse/sniff';
import { describeRivera, RIVERA_DIR } from '../../support/fixtures';

interface TruthDocument {
  file: string;
  type: string;
  subtype: string | null;
  date: string;
  reference_text?: string;
}

/** Reference text as OCR would give it: words boxed where their characters sit on the line. */
function pagesFromReferenceText(text: string): PageContent[] {
  return text.split('\f').map((pageText, i) => {
    const words: Word[] = [];
    pageText.split('\n').forEach((line, row) => {
      for (const m of line.matchAll(/\S+/g)) {
        const x0 = 24 + m.index * 3.8;
        words.push({ text: m[0], bbox: [x0, 24 + row * 11, x0 + m[0].length * 3.8, 33 + row * 11], conf: 90 });
      }
    });
    return { pageNumber: i + 1, width: 612, height: 792, text: pageText, words, source: 'ocr', meanConfidence: 90 };
  });
}

describeRivera('classify on the dev-rivera fixture', () => {
  it('sniffs every fixture document as the format the truth records', () => {
    const truth = JSON.parse(readFileSync(path.join(RIVERA_DIR, 'truth.json'), 'utf8')) as { documents: Array<TruthDocument & { format: string }> };
    for (const doc of truth.documents) {
      const expected = doc.format === 'photo_jpeg' ? 'jpeg' : 'pdf';
      expect(sniff(new Uint8Array(readFileSync(path.join(RIVERA_DIR, doc.file))), doc.file), doc.file).toBe(expected);
    }
  });

  it('gets type and date right on at least 95% of the 21 documents, and every IEP subtype', async () => {
    const truth = JSON.parse(readFileSync(path.join(RIVERA_DIR, 'truth.json'), 'utf8')) as { documents: TruthDocument[] };
    expect(truth.documents).toHaveLength(21);
    let typeRight = 0;
    let dateRight = 0;
    const misses: string[] = [];
    for (const doc of truth.documents) {
      const pages = doc.reference_text
        ? pagesFromReferenceText(readFileSync(path.join(RIVERA_DIR, doc.reference_text), 'utf8'))
        : (await readPdfText(new Uint8Array(readFileSync(path.join(RIVERA_DIR, doc.file))))).pages;
      const result = classify(pages, { fileName: path.basename(doc.file) });
      if (result.type.value === doc.type) typeRight++;
      else misses.push(`${doc.file}: type ${result.type.value} (truth ${doc.type})`);
      if (result.date.value === doc.date) dateRight++;
      else misses.push(`${doc.file}: date ${result.date.value} (truth ${doc.date})`);
      if (doc.type === 'iep') expect(result.subtype.value, doc.file).toBe(doc.subtype);
      expect(result.type.confidence).toBeGreaterThan(0);
    }
    expect(typeRight / truth.documents.length, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(dateRight / truth.documents.length, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
