// Locates ../shared fixtures. A clone of the project alone has none: suites that need them skip, saying why.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.CASEFILE_SHARED_DIR ?? path.resolve(REPO_ROOT, '../shared');
export const RIVERA_DIR = path.join(SHARED_DIR, 'fixtures/cases/dev-rivera');
export const RIVERA_DOCS = path.join(RIVERA_DIR, 'documents');
export const hasRivera = existsSync(path.join(RIVERA_DIR, 'truth.json'));

if (!hasRivera) {
  console.warn(`[fixtures] ${RIVERA_DIR} not found: suites that read the dev-rivera fixture are skipped.`);
}

/** describe() for suites that need the dev-rivera fixture; skipped with a printed reason when it is absent. */
export const describeRivera: typeof describe = hasRivera
  ? describe
  : (((name: string, fn?: () => void) => describe.skip(`${name} (skipped: ../shared fixture absent)`, fn ?? (() => {}))) as unknown as typeof describe);
