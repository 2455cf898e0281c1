// The case archive carries the history: a case with lines of every kind its setup makes (imported,
// letter saved, event added and removed, trashed and restored) is exported, imported into a fresh
// data folder and its history compared line by line; imported as a copy beside itself, the copy's
// lines have new ids, its case id, and the ids they concern point to the copy's own records.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportCaseArchive, importCaseArchive } from '../../../main/core/backup/archive';
import { caseHistory } from '../../../main/core/history/history';
import { bootEngine, type Engine } from '../../../main/engine/boot';
import type { CallContext } from '../../../main/ipc/registry';
import { makePdf, textLines } from '../documents/make-files';
import { tempDir } from '../../support/core';

const PASS = 'history archive passphrase';
let source: Engine;
let caseId = '';

const call = <T>(e: Engine, name: string, args?: unknown) => e.registry.call(name as never, args as never, { core: e.core, transport: 'cli' } as CallContext) as Promise<T>;

beforeAll(async () => {
  source = bootEngine({ dataDir: tempDir(), purpose: 'test' });
  caseId = (await call<{ id: string }>(source, 'cases.create', { name: 'History Case' })).id;
  const { importOne } = await import('../../../main/core/documents/import');
  const iep = await makePdf([textLines('Individualized Education Program\nStudent: Hist Child\nIEP start date: 09/01/2023\nGoal 1: read fluently')]);
  await importOne(source.core, caseId, { fileName: 'iep.pdf', source: 'iep.pdf', read: () => iep });
  const draft = await call<object>(source, 'letters.draft', { caseId, template: 'records_request' });
  await call(source, 'letters.save', { caseId, draft });
  const { addEvent, removeEvent } = await import('../../../main/core/deadlines/service');
  removeEvent(source.core, caseId, addEvent(source.core, caseId, { type: 'iep_meeting', date: '2024-02-01', label: 'Annual review' }));
  await call(source, 'cases.delete', { caseId });
  await call(source, 'cases.restore', { caseId });
}, 120_000);

afterAll(async () => {
  await source?.stop();
});

it('an archive moved to a fresh data folder brings the whole history, line for line', async () => {
  const before = caseHistory(source.core, caseId);
  expect(before.map((h) => h.kind)).toEqual(['restored', 'trashed', 'event_removed', 'event_added', 'letter_saved', 'imported']);
  const file = path.join(tempDir(), 'case.casefile');
  exportCaseArchive(source.core, caseId, file, PASS);
  const target = bootEngine({ dataDir: tempDir(), purpose: 'test' });
  try {
    importCaseArchive(target.core, file, PASS);
    // The export's line travels with the archive (the source has the same line), the import adds its own.
    const exported = caseHistory(source.core, caseId);
    expect(exported.slice(1)).toEqual(before);
    expect(exported[0]).toMatchObject({ kind: 'exported', description: 'Exported the case archive case.casefile' });
    const landed = await call<typeof before>(target, 'cases.history', { caseId });
    expect(landed[0]).toMatchObject({ kind: 'archive_imported', description: 'Imported the case from the archive case.casefile (1 document)' });
    expect(landed.slice(1)).toEqual(exported);
    // Still append-only where it lands.
    expect(() => target.core.db.prepare('UPDATE case_history SET kind = ? WHERE case_id = ?').run('exported', caseId)).toThrow(/append-only/);

    // Beside itself, as a copy: new ids for the lines and what they concern.
    const copy = importCaseArchive(target.core, file, PASS, { copy: true });
    const copied = caseHistory(target.core, copy.caseId);
    expect(copied.map((h) => [h.kind, h.description])).toEqual([['archive_imported', 'Imported the case from the archive case.casefile as a copy (1 document)'], ...exported.map((h) => [h.kind, h.description])]);
    expect(copied.every((h) => h.caseId === copy.caseId && !exported.some((b) => b.id === h.id))).toBe(true);
    const docId = copied.find((h) => h.kind === 'imported')!.ids[0];
    expect(target.core.db.prepare('SELECT case_id FROM documents WHERE id = ?').get(docId)).toEqual({ case_id: copy.caseId });
    expect(caseHistory(target.core, caseId)).toEqual(landed);
  } finally {
    await target.stop();
  }
});
