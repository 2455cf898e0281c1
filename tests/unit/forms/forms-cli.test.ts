// `casefile forms list / apply / undo` as a child process on a real data folder: documents of one
// made-up form imported and one of them corrected by a core, then the commands list the family and
// the anchors, apply one to the other documents and take it back.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { FormFamilyDto } from '../../../shared/api/forms';
import { createCase } from '../../../main/core/cases';
import { getReview } from '../../../main/core/review/service';
import { runCasefile } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { importAndExtract } from '../../support/import-doc';
import { correctEachMissedField, formDocument } from './form-family';

it('lists the families and anchors of a case, applies an anchor to the other documents and undoes it', async () => {
  const dataDir = tempDir();
  const pdfs = tempDir('forms-cli-pdf-');
  let core = testCore({ dataDir });
  const c = createCase(core, { name: 'Lia Chen' });
  const docs: Array<{ id: string; truth: Awaited<ReturnType<typeof formDocument>>['truth'] }> = [];
  for (const seed of [1, 2, 3]) {
    const { pdf, truth } = await formDocument('harbor', seed);
    writeFileSync(path.join(pdfs, truth.fileName), pdf);
    docs.push({ id: await importAndExtract(core, c.id, pdfs, truth.fileName), truth });
  }
  correctEachMissedField(core, docs[0].id, docs[0].truth);
  core.close();

  const listed = runCasefile(['forms', 'list', '--case', 'Lia Chen', '--json'], { dataDir });
  expect(listed.code, listed.stderr).toBe(0);
  const families = JSON.parse(listed.stdout) as FormFamilyDto[];
  expect(families).toHaveLength(1);
  expect(families[0].documentCount).toBe(3);
  const date = families[0].anchors.find((a) => a.field === 'reportDate')!;
  expect(date.applied).toBe(false);
  const table = runCasefile(['forms', 'list'], { dataDir }).stdout;
  expect(table).toContain('HARBOR RIDGE UNIFIED SCHOOLS');
  expect(table).toContain(`right of "Issued on"`);

  const applied = runCasefile(['forms', 'apply', '--anchor', date.id, '--documents', docs[1].id], { dataDir });
  expect(applied.stdout).toBe('Filled 1 value(s) on 1 document(s).\n');
  core = testCore({ dataDir });
  expect(getReview(core, docs[1].id).corrected?.progressReport?.reportDate).toBe(docs[1].truth.reportDate);
  expect(getReview(core, docs[2].id).corrected?.progressReport?.reportDate).toBeNull();
  core.close();

  expect(runCasefile(['forms', 'undo', '--anchor', date.id], { dataDir }).stdout).toBe('Removed the anchor and 1 value(s) it filled.\n');
  core = testCore({ dataDir });
  expect(getReview(core, docs[1].id).corrected?.progressReport?.reportDate).toBeNull();
  core.close();
  expect(runCasefile(['forms', 'undo', '--anchor', date.id], { dataDir }).code).not.toBe(0);
}, 180_000);
