// The classifier on every document of the four generated form styles (tests/fixtures/styles: a
// committee report with drawn boxes, vendor tables, stacked labels, Word-typed prose), over several
// seeds, through the real text-layer reader, against each case's own truth.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { classify } from '../../../main/core/documents/parse/classify';
import { generateStyleCase, STYLES } from '../../fixtures/styles/generate';
import { tempDir } from '../../support/core';

const SEEDS = [11, 12, 13, 14];

interface TruthDocument {
  file: string;
  type: string;
}

describe('classify: generated form styles', () => {
  for (const style of STYLES) {
    it(`${style.name}: every document of seeds ${SEEDS.join(', ')} gets its type, and every IEP its subtype`, async () => {
      const misses: string[] = [];
      for (const seed of SEEDS) {
        const dir = tempDir(`classify-${style.name}-${seed}-`);
        await generateStyleCase(dir, style, seed);
        const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as { documents: TruthDocument[]; ieps: Array<{ document: string; iep_type: string }> };
        for (const doc of truth.documents) {
          const pages = (await readPdfText(new Uint8Array(readFileSync(path.join(dir, doc.file))))).pages;
          const c = classify(pages, { fileName: path.basename(doc.file) });
          if (c.type.value !== doc.type) misses.push(`${seed} ${doc.file}: ${c.type.value} (truth ${doc.type})`);
          const iep = truth.ieps.find((i) => i.document === doc.file);
          if (iep && c.subtype.value !== iep.iep_type.toLowerCase()) misses.push(`${seed} ${doc.file}: subtype ${c.subtype.value} (truth ${iep.iep_type})`);
          if (c.type.value === doc.type) expect(c.type.confidence, doc.file).toBeGreaterThan(0.6);
        }
      }
      expect(misses).toEqual([]);
    }, 120_000);
  }
});
