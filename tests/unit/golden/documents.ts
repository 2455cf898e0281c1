// The documents the golden suite reads, each as the pages the pipeline would store for it: text
// PDFs and Word files through the real decoders; scans and photos through the fixture's reference
// text (the clean pre-scan text), laid out as OCR words would be, so the suite needs no OCR run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PageContent } from '../../../shared/domain';
import { decodeFile } from '../../../main/core/documents/parse/formats';
import { pagesFromPlainText } from '../../../main/core/extract/layout';
import { generateStyleCase, STYLES } from '../../fixtures/styles/generate';
import { tempDir } from '../../support/core';
import { SHARED_DIR } from '../../support/fixtures';

export interface GoldenCase {
  /** Folder name under tests/golden. */
  name: string;
  /** Folder holding documents/ (and reference_text/ for image-only ones). */
  dir: string;
}

export const FIXTURE_CASES = ['dev-rivera', 'dev-okafor'].map((name) => ({ name, dir: path.join(SHARED_DIR, 'fixtures/cases', name) }));
export const fixturesPresent = FIXTURE_CASES.every((c) => existsSync(path.join(c.dir, 'truth.json')));

/** Seed of each generated style: 11 + its index, as the scored styles suite uses. */
export const STYLE_SEED = 11;

/** Writes every generated style's documents (fixed seeds) under a temp folder. */
export async function generatedStyleCases(): Promise<GoldenCase[]> {
  const root = tempDir('golden-styles-');
  const cases: GoldenCase[] = [];
  for (const [i, style] of STYLES.entries()) {
    const dir = path.join(root, style.name);
    await generateStyleCase(dir, style, STYLE_SEED + i);
    cases.push({ name: `style-${style.name}`, dir });
  }
  return cases;
}

export function documentsOf(c: GoldenCase): string[] {
  return readdirSync(path.join(c.dir, 'documents')).sort();
}

/** One document's pages: its text layer, or its reference text where it has none. */
export async function pagesOf(c: GoldenCase, fileName: string): Promise<PageContent[]> {
  const bytes = new Uint8Array(readFileSync(path.join(c.dir, 'documents', fileName)));
  const reference = path.join(c.dir, 'reference_text', `${fileName}.txt`);
  const fromReference = () => pagesFromPlainText(readFileSync(reference, 'utf8'));
  const decoded = await decodeFile(bytes, fileName);
  switch (decoded.kind) {
    case 'pdf':
      return decoded.pdf.pagesNeedingOcr.length && existsSync(reference) ? fromReference() : decoded.pdf.pages;
    case 'docx':
    case 'text':
      return decoded.pages;
    case 'jpeg':
    case 'png':
    case 'tiff':
    case 'heic':
      if (!existsSync(reference)) throw new Error(`${fileName}: an image without reference text`);
      return fromReference();
    default:
      throw new Error(`${fileName}: ${decoded.kind} is not a golden document`);
  }
}
