// Expected outputs of the golden suite: one JSON file per document under tests/golden/<case>/, and
// tests/golden/index.json recording the EXTRACTOR_VERSION and CLASSIFIER_VERSION they were written
// under with a digest of them all, so an expectation that changes while the versions stay the same is
// caught.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Classification, ExtractionResult } from '../../../shared/domain';
import { REPO_ROOT } from '../../support/fixtures';

export const GOLDEN_DIR = path.join(REPO_ROOT, 'tests/golden');
const INDEX = path.join(GOLDEN_DIR, 'index.json');
export const UPDATING = process.env.CASEFILE_UPDATE_GOLDEN === '1';
export const UPDATE_HINT =
  'If the change is intended: raise EXTRACTOR_VERSION (main/core/extract/index.ts; CLASSIFIER_VERSION in main/core/documents/parse/classify-version.ts for a type, subtype or date) so stored documents are read again, then update the expectations with `CASEFILE_UPDATE_GOLDEN=1 npx vitest run tests/unit/golden/golden.test.ts` and review their diff.';

export interface GoldenIndex {
  extractorVersion: number;
  classifierVersion: number;
  /** sha256 over every expectation file, in path order. */
  digest: string;
}

/** What one document gives: its classification and its extraction, without ids, boxes or versions. */
export interface GoldenOutput {
  classification: Classification;
  extraction: unknown;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Drops what says where rather than what: the document id and box of each provenance (its page
 * stays), the extractor version (kept in the index); confidences rounded to two places.
 */
export function normalise(classification: Classification, result: ExtractionResult): GoldenOutput {
  const strip = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => strip(x));
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (key === 'source' && 'documentId' in o) return { page: o.page };
      return Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'extractorVersion').map(([k, x]) => [k, strip(x, k)]));
    }
    if (typeof v === 'number' && key === 'confidence') return round(v);
    return v;
  };
  return { classification: strip(classification) as Classification, extraction: strip(result) };
}

export function expectedPath(caseName: string, fileName: string): string {
  return path.join(GOLDEN_DIR, caseName, `${fileName}.json`);
}

export function readExpected(caseName: string, fileName: string): GoldenOutput | null {
  const file = expectedPath(caseName, fileName);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as GoldenOutput) : null;
}

export function serialise(output: GoldenOutput): string {
  return JSON.stringify(output, null, 1) + '\n';
}

export function writeExpected(caseName: string, fileName: string, output: GoldenOutput): void {
  mkdirSync(path.join(GOLDEN_DIR, caseName), { recursive: true });
  writeFileSync(expectedPath(caseName, fileName), serialise(output));
}

/** Expectation files of one case (document file names), or of all cases. */
export function expectedFiles(caseName?: string): string[] {
  if (!existsSync(GOLDEN_DIR)) return [];
  const cases = caseName ? [caseName] : readdirSync(GOLDEN_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  return cases.flatMap((c) => (existsSync(path.join(GOLDEN_DIR, c)) ? readdirSync(path.join(GOLDEN_DIR, c)).filter((f) => f.endsWith('.json')).map((f) => path.join(c, f)) : [])).sort();
}

export function digestOfExpectations(): string {
  const hash = createHash('sha256');
  for (const rel of expectedFiles()) hash.update(rel).update('\0').update(readFileSync(path.join(GOLDEN_DIR, rel))).update('\0');
  return hash.digest('hex');
}

export function readIndex(): GoldenIndex | null {
  return existsSync(INDEX) ? (JSON.parse(readFileSync(INDEX, 'utf8')) as GoldenIndex) : null;
}

export function writeIndex(index: GoldenIndex): void {
  writeFileSync(INDEX, JSON.stringify(index, null, 1) + '\n');
}

/**
 * Whether the update may write `changed` expectations: always when nothing changes, when there is no
 * index yet, or when the files were already out of step with their index (edited by hand, or a version
 * raised since); never when they would change under the very versions they were written with.
 */
export function mayUpdate(index: GoldenIndex | null, current: { extractorVersion: number; classifierVersion: number; digest: string }, changed: string[]): boolean {
  if (changed.length === 0 || !index) return true;
  const sameVersions = index.extractorVersion === current.extractorVersion && index.classifierVersion === current.classifierVersion;
  return !(sameVersions && index.digest === current.digest);
}
