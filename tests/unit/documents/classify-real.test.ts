// The classifier on the real district printouts in ../shared/fixtures/real (read in place, never
// copied: see that folder's README). Each is an annual IEP: SEIS printouts with meeting notices bound
// in front and the meeting type ticked in a drawn box, and a Texas ARD/IEP naming its reason for meeting.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { classify } from '../../../main/core/documents/parse/classify';
import { SHARED_DIR } from '../../support/fixtures';

const REAL_DIR = path.join(SHARED_DIR, 'fixtures/real');
const FOLDERS = ['ca-eldorado-1', 'ca-eldorado-2', 'ca-eldorado-3', 'tx-sample-isd-4'];
const hasReal = FOLDERS.every((f) => existsSync(path.join(REAL_DIR, f)));
if (!hasReal) console.warn(`[classify-real] ${REAL_DIR} not found: the real printouts are skipped.`);

(hasReal ? describe : describe.skip)('classify: real district printouts', () => {
  for (const folder of FOLDERS) {
    it(`${folder}: an annual IEP`, async () => {
      const file = readdirSync(path.join(REAL_DIR, folder)).find((f) => f.endsWith('.pdf'))!;
      const pages = (await readPdfText(new Uint8Array(readFileSync(path.join(REAL_DIR, folder, file))))).pages;
      const c = classify(pages, { fileName: file });
      expect([c.type.value, c.subtype.value]).toEqual(['iep', 'annual']);
      expect(c.type.confidence).toBeGreaterThan(0.7);
    }, 60_000);
  }
});
