// Where OCR finds its engine and language data. Everything is local: the tesseract.js worker
// script and wasm core come from node_modules, the traineddata from resources/tessdata.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Walks up from this file to the folder holding package.json (the repo, or the packaged app). */
export function findRepoRoot(start = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'resources'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    dir = parent;
  }
}

/** Folder holding eng.traineddata.gz as shipped (scripts/postinstall.mjs copies it there). */
export function defaultTessdataDir(): string {
  return tessdataDirIn(path.join(findRepoRoot(), 'resources'));
}

/**
 * The tessdata folder of a resources folder, unless CASEFILE_TESSDATA_DIR names another (a model
 * kept elsewhere; tests point it at an empty folder to see how a missing model is handled).
 */
export function tessdataDirIn(resourcesDir: string): string {
  return process.env.CASEFILE_TESSDATA_DIR || path.join(resourcesDir, 'tessdata');
}

/** The English model's file in a tessdata folder. */
export function englishModelPath(tessdataDir: string): string {
  return path.join(tessdataDir, 'eng.traineddata.gz');
}

/** tesseract.js's Node worker script (the worker requires tesseract.js-core from node_modules itself). */
export function defaultWorkerPath(): string {
  return path.join(path.dirname(require.resolve('tesseract.js/package.json')), 'src', 'worker-script', 'node', 'index.js');
}
