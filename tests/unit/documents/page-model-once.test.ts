// A document's page model is built once: the classifier builds it at import, and the readers after it
// (the IEP's meeting-type boxes) find it again from the pages read back from the database.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { inputsFromPaths } from '../../../main/core/documents/import';
import { documentModel, pageModelsBuilt } from '../../../main/core/documents/parse/classify-layout';
import { documentQueries, rowToPageContent } from '../../../main/core/db/queries/documents';
import { layoutDocument } from '../../../main/core/layout';
import { pagesFromPlainText } from '../../../main/core/extract/layout';
import type { PageContent } from '../../../shared/domain';
import { afterDocumentHook } from '../../../main/core/pipeline';
import { generateStyleCase, STYLES } from '../../fixtures/styles/generate';
import { tempDir, testCore } from '../../support/core';

describe('page model built once per document', () => {
  it('an IEP import builds one page model for classification and extraction, the same as a fresh one', async () => {
    const caseDir = tempDir('model-once-');
    await generateStyleCase(caseDir, STYLES[0], 31);
    const truth = JSON.parse(readFileSync(path.join(caseDir, 'truth.json'), 'utf8')) as { documents: Array<{ file: string; type: string }> };
    const iepFile = path.join(caseDir, truth.documents.find((d) => d.type === 'iep')!.file);
    const core = testCore();
    try {
      const caseId = createCase(core, { name: 'Model Once', state: 'TX' }).id;
      const before = pageModelsBuilt();
      const batch = startImportBatch(core, caseId, inputsFromPaths([iepFile]), { afterDocument: afterDocumentHook(core) });
      const done = await getBatch(core, batch.jobId)!.promise;
      expect(done.files.map((f) => f.status)).toEqual(['imported']);
      const id = done.files[0].documentId!;
      const row = core.db.prepare<[string], { type: string; result_json: string }>('SELECT d.type, e.result_json FROM documents d JOIN extractions e ON e.document_id = d.id WHERE d.id = ?').get(id)!;
      expect(row.type).toBe('iep');
      expect((JSON.parse(row.result_json) as { iep: { type: string | null } }).iep.type).not.toBeNull();
      expect(pageModelsBuilt() - before).toBe(1);
      // The model found again is the model of the stored pages.
      const stored = documentQueries(core.db).pages(id).map(rowToPageContent);
      expect(JSON.parse(JSON.stringify(documentModel(stored)))).toEqual(JSON.parse(JSON.stringify(layoutDocument(stored))));
      expect(pageModelsBuilt() - before).toBe(1);
    } finally {
      await core.close();
    }
  });

  it('two copies of a form that differ only in which box is ticked get a model each', () => {
    const page = (ticked: number): PageContent[] => [
      {
        ...pagesFromPlainText('Meeting Type:   Initial   Annual')[0],
        graphics: { rules: [], boxes: [0, 1].map((i) => ({ bbox: [100 + i * 60, 20, 108 + i * 60, 28] as [number, number, number, number], shape: 'square' as const, checked: i === ticked, source: 'vector' as const })) },
      },
    ];
    const before = pageModelsBuilt();
    const first = documentModel(page(0));
    const second = documentModel(page(1));
    expect(pageModelsBuilt() - before).toBe(2);
    expect(first).not.toBe(second);
    expect(documentModel(page(1))).toBe(second);
    expect(pageModelsBuilt() - before).toBe(2);
  });
});

