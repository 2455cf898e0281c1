// Documents classified by an older classifier are classified again at start (CLASSIFIER_VERSION),
// on a real SQLite store: a generated case is imported, some of its documents are made to look
// classified by version 1 (a wrong type, as an older classifier gave, and the extraction it led to),
// the store is closed and opened again, and start-up work brings them up to date, keeping the type
// the user set and the user's corrections.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { inputsFromPaths } from '../../../main/core/documents/import';
import { CLASSIFIER_VERSION } from '../../../main/core/documents/parse/classify-version';
import { updateDocument } from '../../../main/core/documents/service';
import { afterDocumentHook, extractAndStore, resumePendingWork } from '../../../main/core/pipeline';
import type { ExtractionResult } from '../../../shared/domain';
import { generateStyleCase, STYLES } from '../../fixtures/styles/generate';
import { tempDir, testCore } from '../../support/core';

interface Row { id: string; file_name: string; type: string; subtype: string | null; date: string | null; classifier_version: number; type_by_user: number }

describe('classifier version', () => {
  it('classifies again at start what an older classifier classified, re-extracting what changed type, keeping user choices and corrections', async () => {
    const caseDir = tempDir('classifier-version-case-');
    await generateStyleCase(caseDir, STYLES[0], 21);
    const truth = JSON.parse(readFileSync(path.join(caseDir, 'truth.json'), 'utf8')) as { documents: Array<{ file: string; type: string }> };
    const iepFile = truth.documents.find((d) => d.type === 'iep')!.file;
    const reportFile = truth.documents.find((d) => d.type === 'progress_report')!.file;
    const logFile = truth.documents.find((d) => d.type === 'service_log')!.file;

    const dataDir = tempDir('classifier-version-data-');
    let core = testCore({ dataDir });
    const caseId = createCase(core, { name: 'Versioned Case', state: 'TX' }).id;
    const batch = startImportBatch(core, caseId, inputsFromPaths([iepFile, reportFile, logFile].map((f) => path.join(caseDir, f))), { afterDocument: afterDocumentHook(core) });
    await getBatch(core, batch.jobId)!.promise;
    const rows = () => core.db.prepare<[], Row>('SELECT id, file_name, type, subtype, date, classifier_version, type_by_user FROM documents ORDER BY file_name').all();
    const byFile = (f: string) => rows().find((r) => `documents/${r.file_name}` === f)!;
    // Imported now: classified by the current version.
    expect(rows().map((r) => r.classifier_version)).toEqual([CLASSIFIER_VERSION, CLASSIFIER_VERSION, CLASSIFIER_VERSION]);
    // What the current classifier makes of them, to be found again after the older one's.
    const imported = new Map(rows().map((r) => [r.file_name, [r.type, r.subtype, r.date]]));
    const iep = byFile(iepFile);
    expect([iep.type, byFile(reportFile).type]).toEqual(['iep', 'progress_report']);

    // As an older classifier left them: the IEP and the report unrecognised, their extraction empty;
    // the log's type set by the user (to another type, on purpose); a correction on the report.
    core.db.prepare("UPDATE documents SET type = 'other', subtype = NULL, date = NULL, classifier_version = 1 WHERE id IN (?, ?)").run(iep.id, byFile(reportFile).id);
    updateDocument(core, byFile(logFile).id, { type: 'correspondence' });
    core.db.prepare('UPDATE documents SET classifier_version = 1 WHERE id = ?').run(byFile(logFile).id);
    for (const r of rows()) extractAndStore(core, r.id);
    core.db
      .prepare("INSERT INTO corrections (id, document_id, entity, entity_key, field, value_json, status, created_at, updated_at) VALUES ('c1', ?, 'progress', 'e1', 'code', '\"M\"', 'edited', 't', 't')")
      .run(byFile(reportFile).id);
    const extraction = (id: string) =>
      JSON.parse(core.db.prepare<[string], { result_json: string }>('SELECT result_json FROM extractions WHERE document_id = ?').get(id)!.result_json) as ExtractionResult;
    expect(extraction(iep.id).iep).toBeNull();
    await core.close();

    core = testCore({ dataDir });
    try {
      await resumePendingWork(core);
      const after = rows();
      expect(after.map((r) => r.classifier_version)).toEqual([CLASSIFIER_VERSION, CLASSIFIER_VERSION, CLASSIFIER_VERSION]);
      const iepAfter = byFile(iepFile);
      expect([iepAfter.type, iepAfter.subtype, iepAfter.date]).toEqual(imported.get(iepAfter.file_name));
      expect(extraction(iepAfter.id).iep?.goals.length).toBeGreaterThan(0);
      const reportAfter = byFile(reportFile);
      expect([reportAfter.type, reportAfter.subtype, reportAfter.date]).toEqual(imported.get(reportAfter.file_name));
      expect(extraction(reportAfter.id).progressReport?.entries.length).toBeGreaterThan(0);
      // The user's type stays, and so does the extraction it led to; the correction is kept.
      expect([byFile(logFile).type, byFile(logFile).type_by_user]).toEqual(['correspondence', 1]);
      expect(extraction(byFile(logFile).id).serviceLog).toBeNull();
      expect(core.db.prepare('SELECT document_id, value_json FROM corrections').all()).toEqual([{ document_id: reportAfter.id, value_json: '"M"' }]);
    } finally {
      await core.close();
    }
    // Nothing is stale any more: a later start classifies nothing again.
    core = testCore({ dataDir, now: '2030-01-01T00:00:00Z' });
    try {
      await resumePendingWork(core);
      expect(core.db.prepare("SELECT file_name FROM documents WHERE updated_at >= '2030'").all()).toEqual([]);
    } finally {
      await core.close();
    }
  });
});
