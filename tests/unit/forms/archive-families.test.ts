// Issue 18: form families are cross-case, and a case archive must not split them. A copy imported
// beside its case (new ids) joins the families its documents were in; an archive from a folder that
// filed the same form under another family joins this folder's family by fingerprint; an archive
// merged into its case brings the anchors learned since and the values they filled.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/context';
import { createCase } from '../../../main/core/cases';
import { exportCaseArchive, importCaseArchive } from '../../../main/core/backup/archive';
import { applyAnchor, familyOfDocument, previewApply } from '../../../main/core/forms/service';
import { getReview } from '../../../main/core/review/service';
import { tempDir } from '../../support/core';
import { newCore } from './cores';
import { importAndExtract } from '../../support/import-doc';
import { correctEachMissedField, formDocument, type FormDocTruth } from './form-family';

const PASS = 'correct horse battery staple';
async function importForm(core: Core, caseId: string, seed: number): Promise<{ id: string; truth: FormDocTruth }> {
  const dir = tempDir('forms-pdf-');
  const { pdf, truth } = await formDocument('harbor', seed);
  writeFileSync(path.join(dir, truth.fileName), pdf);
  return { id: await importAndExtract(core, caseId, dir, truth.fileName), truth };
}

const familyCount = (core: Core) => (core.db.prepare('SELECT COUNT(*) AS n FROM form_families').get() as { n: number }).n;
const teach = (core: Core, doc: { id: string; truth: FormDocTruth }) => {
  for (const id of correctEachMissedField(core, doc.id, doc.truth)) applyAnchor(core, previewApply(core, { correctionId: id }).anchor!.id);
};
const caseDocs = (core: Core, caseId: string) => core.db.prepare<[string], { id: string; file_name: string }>('SELECT id, file_name FROM documents WHERE case_id = ? ORDER BY file_name').all(caseId);

describe('form families through the case archive', () => {
  it('a copy imported beside its case joins its families, with their anchors and values', async () => {
    const core = newCore();
    const a = createCase(core, { name: 'Rivera' });
    const docs = [await importForm(core, a.id, 1), await importForm(core, a.id, 2), await importForm(core, a.id, 3)];
    teach(core, docs[0]);
    const fam = familyOfDocument(core, docs[1].id)!;
    const file = path.join(tempDir('forms-archive-'), 'rivera.casefile');
    exportCaseArchive(core, a.id, file, PASS);
    const families = familyCount(core);

    const copy = importCaseArchive(core, file, PASS, { mode: 'copy' });
    expect(familyCount(core)).toBe(families);
    const copied = caseDocs(core, copy.caseId);
    expect(copied).toHaveLength(3);
    for (const d of copied) expect(familyOfDocument(core, d.id)!.id).toBe(fam.id);
    const after = familyOfDocument(core, docs[1].id)!;
    expect([after.documentCount, after.caseCount, after.anchors.length]).toEqual([6, 2, fam.anchors.length]);
    // The copy's documents keep the values learned on them.
    const truthOf = new Map(docs.map((d) => [d.truth.fileName, d.truth]));
    for (const d of copied.filter((x) => x.file_name !== docs[0].truth.fileName)) expect(getReview(core, d.id).corrected?.progressReport?.reportDate).toBe(truthOf.get(d.file_name)!.reportDate);
  });

  it('an archive whose form this folder filed under another family joins that family with its anchors', async () => {
    const source = newCore('src');
    const a = createCase(source, { name: 'Rivera' });
    const docs = [await importForm(source, a.id, 1), await importForm(source, a.id, 2)];
    teach(source, docs[0]);
    const file = path.join(tempDir('forms-archive-'), 'rivera.casefile');
    exportCaseArchive(source, a.id, file, PASS);

    const target = newCore('tgt');
    const b = createCase(target, { name: 'Okafor' });
    const here = await importForm(target, b.id, 5);
    const famHere = familyOfDocument(target, here.id)!;
    expect(familyOfDocument(source, docs[0].id)!.id).not.toBe(famHere.id);

    importCaseArchive(target, file, PASS);
    expect(familyCount(target)).toBe(1);
    const joined = familyOfDocument(target, docs[1].id)!;
    expect([joined.id, joined.documentCount, joined.caseCount, joined.anchors.length]).toEqual([famHere.id, 3, 2, 3]);
    // The anchors learned in the other folder now run on this folder's copy of the form.
    for (const x of joined.anchors) applyAnchor(target, x.id);
    expect(getReview(target, here.id).corrected?.progressReport?.reportDate).toBe(here.truth.reportDate);
  });

  it('merging an archive brings the anchors learned since and the values they filled', async () => {
    const source = newCore('src');
    const a = createCase(source, { name: 'Rivera' });
    const docs = [await importForm(source, a.id, 1), await importForm(source, a.id, 2), await importForm(source, a.id, 3)];
    const file = path.join(tempDir('forms-archive-'), 'rivera.casefile');
    exportCaseArchive(source, a.id, file, PASS);
    const target = newCore('tgt');
    importCaseArchive(target, file, PASS);
    expect(familyOfDocument(target, docs[1].id)!.anchors).toHaveLength(0);

    teach(source, docs[0]);
    const later = path.join(tempDir('forms-archive-'), 'rivera-later.casefile');
    exportCaseArchive(source, a.id, later, PASS);
    importCaseArchive(target, later, PASS, { mode: 'merge' });
    const fam = familyOfDocument(target, docs[1].id)!;
    expect(fam.anchors.map((x) => x.id).sort()).toEqual(familyOfDocument(source, docs[1].id)!.anchors.map((x) => x.id).sort());
    for (const d of docs.slice(1)) {
      expect(getReview(target, d.id).corrected?.progressReport?.reportDate).toBe(d.truth.reportDate);
      expect(getReview(target, d.id).learned).toEqual(getReview(source, d.id).learned);
    }
  });
});
