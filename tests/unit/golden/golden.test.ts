// Golden tests: every document of the dev-rivera and dev-okafor fixtures and of every generated
// form style (fixed seeds), read and classified as the pipeline does, then extracted; the result
// (document type and date, IEP header, goals, services, progress entries, scores, log rows), without
// ids, boxes or versions, must equal tests/golden/<case>/<document>.json.
//
// When extraction output changes on purpose:
//   1. raise EXTRACTOR_VERSION in main/core/extract/index.ts (stored documents are re-read at start),
//      or CLASSIFIER_VERSION (documents/parse/classify-version.ts) when a type, subtype or date changes;
//   2. CASEFILE_UPDATE_GOLDEN=1 npx vitest run tests/unit/golden/golden.test.ts
//   3. review the expectations' diff (git diff tests/golden) and commit them with the change.
// The update refuses to change an expectation under the versions it was written with, and the suite
// fails when tests/golden/index.json does not record the current versions and the files' digest.
//
// Scans and photos are read from the fixtures' reference text (no OCR run); the fixtures come from
// ../shared and their cases are skipped, saying so, when it is absent. About 15 s of CPU (40-50 s wall
// on a loaded two-core machine).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../main/core/documents/parse/classify';
import { CLASSIFIER_VERSION } from '../../../main/core/documents/parse/classify-version';
import { EXTRACTOR_VERSION, extractDocument } from '../../../main/core/extract';
import { documentsOf, FIXTURE_CASES, fixturesPresent, generatedStyleCases, pagesOf, type GoldenCase } from './documents';
import {
  digestOfExpectations, expectedFiles, expectedPath, mayUpdate, normalise, readExpected, readIndex, serialise, UPDATE_HINT, UPDATING, writeExpected, writeIndex, type GoldenOutput,
} from './expected';

if (!fixturesPresent) console.warn('[golden] ../shared/fixtures/cases not found: the dev-rivera and dev-okafor golden cases are skipped.');

const cases: GoldenCase[] = [...(fixturesPresent ? FIXTURE_CASES : []), ...(await generatedStyleCases())];
const outputs = new Map<string, GoldenOutput>();

async function goldenOutput(c: GoldenCase, fileName: string): Promise<GoldenOutput> {
  const pages = await pagesOf(c, fileName);
  const classification = classify(pages, { fileName });
  const result = extractDocument({ documentId: 'golden', type: classification.type.value, subtype: classification.subtype.value, pages });
  // Through JSON, as stored: fields left undefined are absent.
  return JSON.parse(serialise(normalise(classification, result))) as GoldenOutput;
}

for (const c of cases) {
  describe(`golden: ${c.name}`, () => {
    const documents = documentsOf(c);
    for (const fileName of documents) {
      it(fileName, async () => {
        const output = await goldenOutput(c, fileName);
        outputs.set(`${c.name}/${fileName}`, output);
        if (UPDATING) return;
        const expected = readExpected(c.name, fileName);
        expect(expected, `no expectation for ${c.name}/${fileName}. ${UPDATE_HINT}`).not.toBeNull();
        expect(output, `${c.name}/${fileName}: the extraction differs from its expectation. ${UPDATE_HINT}`).toEqual(expected);
      });
    }

    it.skipIf(UPDATING)('has no expectation for a document it lacks', () => {
      const stale = expectedFiles(c.name).map((rel) => rel.slice(c.name.length + 1, -'.json'.length)).filter((f) => !documents.includes(f));
      expect(stale, `expectations without a document: delete them or run the update. ${UPDATE_HINT}`).toEqual([]);
    });
  });
}

describe('golden expectations', () => {
  it('may be updated only under a raised version, unless nothing changes or they were already out of step', () => {
    const index = { extractorVersion: 16, classifierVersion: 3, digest: 'a' };
    const same = { extractorVersion: 16, classifierVersion: 3, digest: 'a' };
    expect(mayUpdate(index, same, ['style-ard/x.pdf'])).toBe(false);
    expect(mayUpdate(index, same, [])).toBe(true);
    expect(mayUpdate(index, { ...same, extractorVersion: 17 }, ['style-ard/x.pdf'])).toBe(true);
    expect(mayUpdate(index, { ...same, classifierVersion: 4 }, ['style-ard/x.pdf'])).toBe(true);
    expect(mayUpdate(index, { ...same, digest: 'edited by hand' }, ['style-ard/x.pdf'])).toBe(true);
    expect(mayUpdate(null, same, ['style-ard/x.pdf'])).toBe(true);
  });

  it.skipIf(UPDATING)('were written under the current EXTRACTOR_VERSION and CLASSIFIER_VERSION, and not changed since', () => {
    const index = readIndex();
    expect(index, `tests/golden/index.json is missing. ${UPDATE_HINT}`).not.toBeNull();
    expect(index!.extractorVersion, `the expectations were written under extractor version ${index!.extractorVersion}, the extractor is ${EXTRACTOR_VERSION}: update them. ${UPDATE_HINT}`).toBe(
      EXTRACTOR_VERSION,
    );
    expect(index!.classifierVersion, `the expectations were written under classifier version ${index!.classifierVersion}, the classifier is ${CLASSIFIER_VERSION}: update them. ${UPDATE_HINT}`).toBe(
      CLASSIFIER_VERSION,
    );
    expect(digestOfExpectations(), `tests/golden/*.json changed without the update command (and without raising EXTRACTOR_VERSION). ${UPDATE_HINT}`).toBe(index!.digest);
  });

  it.runIf(UPDATING)('are written (CASEFILE_UPDATE_GOLDEN=1), refusing a change under unraised versions', () => {
    const changed: string[] = [];
    for (const c of cases) {
      const documents = documentsOf(c);
      for (const fileName of documents) {
        const output = outputs.get(`${c.name}/${fileName}`);
        expect(output, `${c.name}/${fileName} was not read`).toBeDefined();
        const file = expectedPath(c.name, fileName);
        if (!existsSync(file) || readFileSync(file, 'utf8') !== serialise(output!)) changed.push(`${c.name}/${fileName}`);
      }
      for (const rel of expectedFiles(c.name)) if (!documents.includes(rel.slice(c.name.length + 1, -'.json'.length))) changed.push(`${rel} (removed)`);
    }
    const allowed = mayUpdate(readIndex(), { extractorVersion: EXTRACTOR_VERSION, classifierVersion: CLASSIFIER_VERSION, digest: digestOfExpectations() }, changed);
    expect(allowed ? [] : changed, `these expectations would change under extractor version ${EXTRACTOR_VERSION} and classifier version ${CLASSIFIER_VERSION}, which they were written with: raise EXTRACTOR_VERSION (or CLASSIFIER_VERSION) first`).toEqual([]);
    for (const c of cases) {
      const documents = documentsOf(c);
      for (const fileName of documents) writeExpected(c.name, fileName, outputs.get(`${c.name}/${fileName}`)!);
      for (const rel of expectedFiles(c.name)) if (!documents.includes(rel.slice(c.name.length + 1, -'.json'.length))) rmSync(expectedPath(c.name, rel.slice(c.name.length + 1, -'.json'.length)));
    }
    writeIndex({ extractorVersion: EXTRACTOR_VERSION, classifierVersion: CLASSIFIER_VERSION, digest: digestOfExpectations() });
    console.log(`[golden] ${changed.length} expectation(s) written under extractor version ${EXTRACTOR_VERSION}${changed.length ? `:\n  ${changed.join('\n  ')}` : ''}`);
  });
});
