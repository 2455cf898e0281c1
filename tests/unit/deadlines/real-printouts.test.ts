// Precision on real district printouts (../shared/fixtures/real: published, redacted IEPs with rights pages
// and meeting notices): none states a request, filing or hearing of this family, and none is a Prior
// Written Notice, so reading them for letter events finds nothing. Skipped where ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { detectEvents } from '../../../main/core/extract/correspondence';
import { checkPwn } from '../../../main/core/extract/pwn';
import { SHARED_DIR } from '../../support/fixtures';

const REAL = path.join(SHARED_DIR, 'fixtures/real');
const FILES = ['ca-eldorado-1/Redacted_IEP_1_CA.pdf', 'ca-eldorado-2/Redacted_IEP_2_CA.pdf', 'ca-eldorado-3/Redacted_IEP_3_CA.pdf', 'tx-sample-isd-4/Redacted_IEP_4_TX.pdf'].filter((f) => existsSync(path.join(REAL, f)));

describe.skipIf(FILES.length === 0)('letter events on real printouts (skipped without ../shared/fixtures/real)', () => {
  for (const f of FILES) {
    it(`${f}: no event and no notice`, async () => {
      const { pages } = await readPdfText(new Uint8Array(readFileSync(path.join(REAL, f))));
      expect(pages.length).toBeGreaterThan(10);
      expect(detectEvents(pages).map((e) => `${e.kind} p.${e.page}`)).toEqual([]);
      expect(checkPwn(pages).isNotice).toBe(false);
    }, 60_000);
  }
});
