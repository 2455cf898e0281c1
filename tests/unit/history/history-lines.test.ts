// The history lines of undoing things and of moving a case, on a real core and SQLite: a document
// moved to the trash and brought back, a correction undone, a flag dismissed and brought back, a case
// archive imported; and the JSON export and the archive export each say case.changed for the case,
// so an open Case info's History shows their line at once.
import path from 'node:path';
import { expect, it } from 'vitest';
import { exportCaseArchive, importCaseArchive } from '../../../main/core/backup/archive';
import { createCase } from '../../../main/core/cases';
import { openCore } from '../../../main/core/context';
import { importOne } from '../../../main/core/documents/import';
import { restoreDocument, trashDocument } from '../../../main/core/documents/service';
import { exportCase } from '../../../main/core/export';
import { caseHistory } from '../../../main/core/history/history';
import { correct, getReview, undoCorrection } from '../../../main/core/review/service';
import { dismissFlag, undismissFlag } from '../../../main/core/timeline/store';
import { tempDir } from '../../support/core';
import { makePdf, textLines } from '../documents/make-files';

it('undoing, bringing back and importing an archive each leave their line; the exports say the case changed', async () => {
  const core = openCore({ dataDir: tempDir() });
  const c = createCase(core, { name: 'Lines Case' });
  const pdf = await makePdf([textLines('Prior Written Notice\nDate: April 2, 2024\nThe district refuses the evaluation.')]);
  const [{ documentId }] = await importOne(core, c.id, { fileName: 'pwn.pdf', source: 'pwn.pdf', read: () => pdf });
  const doc = documentId!;
  const changed: string[] = [];
  core.on('case.changed', (e) => e.caseId === c.id && changed.push(e.what));

  trashDocument(core, doc);
  restoreDocument(core, doc);
  correct(core, { documentId: doc, entity: 'goal', entityKey: 'g-typed', field: '*', value: { text: 'Typed by hand' }, status: 'added' });
  const correction = getReview(core, doc).corrections.find((x) => x.entityKey === 'g-typed')!;
  undoCorrection(core, doc, correction.id);
  dismissFlag(core, c.id, 'pwn-refusal', 'talked it through');
  undismissFlag(core, c.id, 'pwn-refusal');

  changed.length = 0;
  exportCase(core, c.id);
  expect(changed).toContain('history');
  changed.length = 0;
  const file = path.join(tempDir(), 'lines.casefile');
  exportCaseArchive(core, c.id, file, 'lines archive pass');
  expect(changed).toContain('history');

  const lines = caseHistory(core, c.id);
  expect(lines.map((h) => h.kind)).toEqual(['exported', 'exported', 'flag_restored', 'flag_dismissed', 'correction_undone', 'corrected', 'document_restored', 'document_trashed', 'imported']);
  const line = (kind: string) => lines.find((h) => h.kind === kind)!;
  expect(line('document_trashed')).toMatchObject({ description: expect.stringMatching(/^Moved .+ to the trash$/), ids: [doc] });
  expect(line('document_restored')).toMatchObject({ description: expect.stringMatching(/^Brought .+ back from the trash$/), ids: [doc] });
  expect(line('correction_undone')).toMatchObject({ description: expect.stringMatching(/^Undid the correction of g-typed on /), ids: [doc] });
  expect(line('flag_restored')).toMatchObject({ description: 'Brought back the flag pwn-refusal', ids: ['pwn-refusal'] });
  expect(lines[0].description).toBe('Exported the case archive lines.casefile');
  expect(lines[1].description).toBe('Exported the case as JSON');

  // Imported elsewhere, the case's history has the import's line on top of everything it brought.
  const other = openCore({ dataDir: tempDir() });
  const seen: string[] = [];
  other.on('case.changed', (e) => seen.push(e.caseId));
  importCaseArchive(other, file, 'lines archive pass');
  const moved = caseHistory(other, c.id);
  expect(moved[0]).toMatchObject({ kind: 'archive_imported', description: 'Imported the case from the archive lines.casefile (1 document)' });
  expect(moved.slice(1)).toEqual(lines);
  expect(seen).toEqual([c.id]);
  await other.close();
  await core.close();
}, 120_000);
