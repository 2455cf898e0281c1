// Merging a case archive into the same case in another data folder: two copies of one case diverge
// (each imports a document the other lacks, both import one same original under their own ids,
// corrections on both sides, one of them on the same value, events, an edited letter, a type chosen
// by hand), then one copy's archive is merged into the other. The merged case holds the union:
// every document once (by SHA-256) with every original intact, the folder's correction where both
// corrected the same value and the archive's elsewhere, every event, both versions of the letter,
// every history line of both once, and nothing the folder had is changed. `casefile archive import`
// without --merge or --copy refuses headless; with --merge it merges.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCaseArchive, importCaseArchive } from '../../../main/core/backup/archive';
import { createCase } from '../../../main/core/cases';
import { openCore, type Core } from '../../../main/core/context';
import { readCaseRows, type CaseRows } from '../../../main/core/db/queries/archive';
import { addEvent, updateEvent } from '../../../main/core/deadlines/service';
import { sha256Hex } from '../../../main/core/documents/blob-store';
import { importOne } from '../../../main/core/documents/import';
import { updateDocument } from '../../../main/core/documents/service';
import { caseHistory } from '../../../main/core/history/history';
import { draftCaseLetter, saveLetter } from '../../../main/core/letters/service';
import { correct } from '../../../main/core/review/service';
import { search } from '../../../main/core/search/service';
import { runCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';
import { makePdf, textLines } from '../documents/make-files';

const PASS = 'merge archive pass';
const ONLY_IN_B = `bside${randomBytes(4).toString('hex')}`;
let a: Core;
let b: Core;
let caseId = '';
const docs: Record<string, string> = {};

const pdf = (title: string, body: string) => makePdf([textLines(`${title}\nDate: March 3, 2024\n${body}`)]);
async function add(core: Core, fileName: string, bytes: Uint8Array): Promise<string> {
  // A copy each time: an import may hand its bytes on to a worker.
  const [outcome] = await importOne(core, caseId, { fileName, source: fileName, read: () => new Uint8Array(bytes) });
  if (!outcome.documentId) throw new Error(`${fileName}: ${outcome.status} ${outcome.message}`);
  return outcome.documentId;
}
const goalText = (core: Core, documentId: string, key: string) =>
  (core.db.prepare('SELECT value_json FROM corrections WHERE document_id = ? AND entity_key = ?').get(documentId, key) as { value_json: string } | undefined)?.value_json;
const idsOf = (rows: CaseRows, table: string) => (rows[table] ?? []).map((r) => String(r.id));

let beforeMerge: CaseRows;
let fromB: CaseRows;
let shared: Uint8Array;

beforeAll(async () => {
  a = openCore({ dataDir: tempDir() });
  caseId = createCase(a, { name: 'Merge Case', childName: 'Merge Child' }).id;
  docs.iep = await add(a, 'iep.pdf', await pdf('Individualized Education Program', 'Goal 1: read fluently'));
  docs.notice = await add(a, 'notice.pdf', await pdf('Prior Written Notice', 'The district proposes'));
  correct(a, { documentId: docs.iep, entity: 'goal', entityKey: 'g-shared', field: '*', value: { text: 'before the split' }, status: 'added' });
  const event = addEvent(a, caseId, { type: 'iep_meeting', date: '2024-01-15', label: 'IEP meeting' });
  const letter = await saveLetter(a, caseId, draftCaseLetter(a, caseId, 'records_request'), null);
  const first = path.join(tempDir(), 'first.casefile');
  exportCaseArchive(a, caseId, first, PASS);

  // The second machine takes the case and both go on.
  b = openCore({ dataDir: tempDir() });
  expect(importCaseArchive(b, first, PASS).mode).toBe('new');
  shared = await pdf('Progress report', 'Reading 40 words a minute');
  docs.sharedInA = await add(a, 'progress.pdf', shared);
  docs.onlyA = await add(a, 'evaluation.pdf', await pdf('Psychoeducational evaluation', 'Cognitive scores'));
  docs.sharedInB = await add(b, 'progress-copy.pdf', shared);
  docs.onlyB = await add(b, 'log.pdf', await pdf('Service log', `Speech session ${ONLY_IN_B}`));
  correct(a, { documentId: docs.iep, entity: 'goal', entityKey: 'g-both', field: '*', value: { text: 'the folder says' }, status: 'added' });
  correct(b, { documentId: docs.iep, entity: 'goal', entityKey: 'g-both', field: '*', value: { text: 'the archive says' }, status: 'added' });
  correct(b, { documentId: docs.notice, entity: 'goal', entityKey: 'g-b', field: '*', value: { text: 'only the archive' }, status: 'added' });
  correct(b, { documentId: docs.sharedInB, entity: 'goal', entityKey: 'g-on-shared', field: '*', value: { text: 'on the same original' }, status: 'added' });
  addEvent(a, caseId, { type: 'records_request', date: '2024-02-01', label: 'Asked in A' });
  addEvent(b, caseId, { type: 'records_request', date: '2024-02-02', label: 'Asked in B' });
  updateEvent(b, caseId, event, { label: 'IEP meeting, moved' });
  await saveLetter(b, caseId, { ...draftCaseLetter(b, caseId, 'records_request'), subject: 'Edited in B' }, null, { letterId: letter.id });
  updateDocument(b, docs.notice, { type: 'correspondence' });

  beforeMerge = readCaseRows(a.db, caseId);
  fromB = readCaseRows(b.db, caseId);
}, 180_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('merging a case archive', () => {
  it('keeps the union of two diverged copies: no duplicates, nothing lost, every original intact', async () => {
    const second = path.join(tempDir(), 'second.casefile');
    exportCaseArchive(b, caseId, second, PASS);
    expect(() => importCaseArchive(a, second, PASS)).toThrow(/--merge.*--copy/);
    const r = importCaseArchive(a, second, PASS, { mode: 'merge' });
    expect([r.mode, r.caseId, r.merged?.documentsAdded, r.merged?.documentsKept]).toEqual(['merge', caseId, 1, 3]);
    const after = readCaseRows(a.db, caseId);

    // Every document once: the one only B had is added, the same original under B's id is not.
    const live = after.documents.map((d) => String(d.sha256));
    expect(new Set(live).size).toBe(live.length);
    expect(idsOf(after, 'documents').sort()).toEqual([docs.iep, docs.notice, docs.sharedInA, docs.onlyA, docs.onlyB].sort());
    for (const sha of new Set([...live, ...after.blobs.map((x) => String(x.sha256))])) expect(sha256Hex(a.blobs.get(sha))).toBe(sha);
    expect(sha256Hex(a.blobs.get(String(after.documents.find((d) => d.id === docs.onlyB)!.sha256)))).toBe(String(fromB.documents.find((d) => d.id === docs.onlyB)!.sha256));
    // B's document brought its pages and reading, and is found by search.
    expect(after.pages.filter((p) => p.document_id === docs.onlyB).length).toBeGreaterThan(0);
    expect(search(a, { caseId, query: ONLY_IN_B }).hits.map((h) => h.documentId)).toEqual([docs.onlyB]);

    // Corrections: the folder's where both corrected the same value, the archive's elsewhere, B's on
    // the shared original moved to the folder's copy of it.
    expect(goalText(a, docs.iep, 'g-both')).toMatch(/the folder says/);
    expect(goalText(a, docs.notice, 'g-b')).toMatch(/only the archive/);
    expect(goalText(a, docs.sharedInA, 'g-on-shared')).toMatch(/on the same original/);
    expect(goalText(a, docs.iep, 'g-shared')).toMatch(/before the split/);
    // The type B's user chose where A had not chosen.
    expect(after.documents.find((d) => d.id === docs.notice)).toMatchObject({ type: 'correspondence', type_by_user: 1 });

    // Events: both sides' new ones, and the event both had but B moved, kept twice.
    const labels = after.case_events.map((e) => String(e.label)).sort();
    expect(labels).toEqual(['Asked in A', 'Asked in B', 'IEP meeting', 'IEP meeting, moved (from the archive)']);
    // The letter B edited is kept beside A's.
    expect(after.letters.map((l) => String(l.subject)).sort()).toEqual([String(beforeMerge.letters[0].subject), 'Edited in B (from the archive)'].sort());

    // History: every line of both once, and the merge's own line on top.
    const ids = idsOf(after, 'case_history');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...idsOf(beforeMerge, 'case_history'), ...idsOf(fromB, 'case_history')]) expect(ids).toContain(id);
    const top = caseHistory(a, caseId)[0];
    expect(top.kind).toBe('archive_imported');
    expect(top.description).toMatch(/^Merged the archive second\.casefile: 1 document added \(3 already here\)/);

    // Nothing of the folder changed: every row it had is still there as it was (the case row aside).
    for (const [table, list] of Object.entries(beforeMerge)) {
      if (table === 'cases' || table === 'documents') continue;
      const now = new Set(after[table].map((x) => JSON.stringify(x, (_k, v: unknown) => (v instanceof Uint8Array ? sha256Hex(v) : v))));
      for (const row of list) expect(now.has(JSON.stringify({ ...row, ...(table === 'pages' ? { search_rowid: after.pages.find((p) => p.document_id === row.document_id && p.page_number === row.page_number)?.search_rowid } : {}) }, (_k, v: unknown) => (v instanceof Uint8Array ? sha256Hex(v) : v))), table).toBe(true);
    }
    const chosenInB = fromB.documents.find((x) => x.id === docs.notice)!;
    const typeOf = (x: (typeof chosenInB)) => ({ type: x.type, subtype: x.subtype, type_confidence: x.type_confidence, type_by_user: x.type_by_user });
    for (const d of beforeMerge.documents) expect(after.documents.find((x) => x.id === d.id), String(d.file_name)).toEqual(d.id === docs.notice ? { ...d, ...typeOf(chosenInB) } : d);

    // Merging the same archive again adds nothing more.
    const again = importCaseArchive(a, second, PASS, { mode: 'merge' });
    expect([again.merged?.documentsAdded, again.merged?.added.case_events ?? 0, again.merged?.added.corrections ?? 0]).toEqual([0, 0, 0]);
  }, 180_000);

  it('`casefile archive import` asks for --merge or --copy where the case exists, refusing headless', async () => {
    const archive = path.join(tempDir(), 'cli.casefile');
    exportCaseArchive(b, caseId, archive, PASS);
    const env = { CASEFILE_ARCHIVE_PASSPHRASE: PASS };
    const refused = runCasefile(['archive', 'import', archive], { dataDir: a.dataDir, env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/has that case already.*--merge.*--copy/s);
    const both = runCasefile(['archive', 'import', archive, '--merge', '--copy'], { dataDir: a.dataDir, env });
    expect(both.code).not.toBe(0);
    const merged = runCasefile(['archive', 'import', archive, '--merge', '--json'], { dataDir: a.dataDir, env });
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ mode: 'merge', caseId, merged: { documentsAdded: 0 } });
  }, 120_000);
});
