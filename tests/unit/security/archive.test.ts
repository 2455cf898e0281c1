// The case archive on real folders: a case with imported documents (pages, OCR-free text layers,
// extraction results), a saved letter and a correction-free review state is exported, imported into
// a fresh data folder and compared table by table (the search index rebuilt, found by a search);
// importing it where the case exists is refused unless as a copy, which gets new ids throughout.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCaseArchive, importCaseArchive } from '../../../main/core/backup/archive';
import { readCaseRows } from '../../../main/core/db/queries/archive';
import { sha256Hex } from '../../../main/core/documents/blob-store';
import { bootEngine, type Engine } from '../../../main/engine/boot';
import type { CallContext } from '../../../main/ipc/registry';
import { makePdf, textLines } from '../documents/make-files';
import { runCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';

const PASS = 'archive passphrase';
const WORD = `arch${randomBytes(4).toString('hex')}`;
let source: Engine;
let caseId = '';
let file = '';

const ctxOf = (e: Engine): CallContext => ({ core: e.core, transport: 'cli' });
const call = <T>(e: Engine, name: string, args?: unknown) => e.registry.call(name as never, args as never, ctxOf(e)) as Promise<T>;
const withoutSearchRowid = (rows: ReturnType<typeof readCaseRows>) => Object.fromEntries(Object.entries(rows).map(([t, list]) => [t, list.map((r) => ({ ...r, search_rowid: undefined }))]));

beforeAll(async () => {
  source = bootEngine({ dataDir: tempDir(), purpose: 'test' });
  caseId = (await call<{ id: string }>(source, 'cases.create', { name: 'Archive Case', childName: 'Arch Child', dob: '2015-05-06' })).id;
  await call(source, 'cases.create', { name: 'Other case' });
  const { importOne } = await import('../../../main/core/documents/import');
  const iep = await makePdf([textLines(`Individualized Education Program\nStudent: Arch Child\nIEP start date: 09/01/2023\nGoal 1: read ${WORD} fluently`), textLines('Services: Speech 30 minutes weekly')]);
  const note = await makePdf([textLines(`Prior Written Notice\nDate: April 2, 2024\n${WORD}`)]);
  await importOne(source.core, caseId, { fileName: 'iep.pdf', source: 'iep.pdf', read: () => iep });
  await importOne(source.core, caseId, { fileName: 'notice.pdf', source: 'notice.pdf', read: () => note });
  const draft = await call<object>(source, 'letters.draft', { caseId, template: 'records_request' });
  await call(source, 'letters.save', { caseId, draft });
  file = path.join(tempDir(), 'case.casefile');
}, 120_000);

afterAll(async () => {
  await source?.stop();
});

describe('the case archive', () => {
  it('moves a case to a fresh data folder losslessly', async () => {
    const summary = exportCaseArchive(source.core, caseId, file, PASS);
    expect([summary.documents, summary.originals]).toEqual([2, 2]);
    const target = bootEngine({ dataDir: tempDir(), purpose: 'test' });
    try {
      const r = importCaseArchive(target.core, file, PASS);
      expect([r.caseId, r.copied]).toEqual([caseId, false]);
      const before = readCaseRows(source.core.db, caseId);
      const after = readCaseRows(target.core.db, caseId);
      // The one line more where it lands: the import's own (the export's line travelled with it).
      expect(after.case_history.filter((h) => h.kind === 'archive_imported')).toHaveLength(1);
      after.case_history = after.case_history.filter((h) => h.kind !== 'archive_imported');
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      expect(before.pages.length).toBeGreaterThan(0);
      expect(before.letters.length).toBe(1);
      expect(withoutSearchRowid(after)).toEqual(withoutSearchRowid(before));
      for (const b of after.blobs) expect(sha256Hex(target.core.blobs.get(String(b.sha256)))).toBe(b.sha256);
      const found = await call<{ hits: unknown[] }>(target, 'search.query', { caseId, query: WORD });
      expect(found.hits.length).toBe(2);
      expect(await call<unknown[]>(target, 'cases.list', {})).toHaveLength(1);
    } finally {
      await target.stop();
    }
  }, 120_000);

  it('refuses to import over the same case, and imports a copy with new ids', async () => {
    expect(() => importCaseArchive(source.core, file, PASS)).toThrow(/has that case already/);
    const r = importCaseArchive(source.core, file, PASS, { copy: true });
    expect(r.copied).toBe(true);
    expect(r.caseId).not.toBe(caseId);
    const copy = readCaseRows(source.core.db, r.caseId);
    const orig = readCaseRows(source.core.db, caseId);
    expect(copy.cases[0].name).toBe('Archive Case (copy)');
    expect([copy.documents.length, copy.pages.length, copy.letters.length]).toEqual([orig.documents.length, orig.pages.length, orig.letters.length]);
    const origIds = new Set(orig.documents.map((d) => d.id));
    for (const d of copy.documents) expect(origIds.has(d.id)).toBe(false);
    const found = await call<{ hits: unknown[] }>(source, 'search.query', { caseId: r.caseId, query: WORD });
    expect(found.hits.length).toBe(2);
    expect(() => importCaseArchive(source.core, file, 'wrong passphrase')).toThrow(/not the passphrase/);
  }, 120_000);

  it('runs as casefile archive export and import', () => {
    const env = { CASEFILE_ARCHIVE_PASSPHRASE: PASS };
    const out = path.join(tempDir(), 'cli.casefile');
    const e = runCasefile(['archive', 'export', '--case', 'Archive Case', '--out', out, '--json'], { dataDir: source.core.dataDir, env });
    expect(e.code, e.stderr).toBe(0);
    const target = tempDir();
    const i = runCasefile(['archive', 'import', out, '--json'], { dataDir: target, env });
    expect(i.code, i.stderr).toBe(0);
    expect(JSON.parse(i.stdout)).toMatchObject({ caseId, documents: 2, copied: false });
    const again = runCasefile(['archive', 'import', out], { dataDir: target, env });
    expect([again.code, again.stderr]).toEqual([1, expect.stringMatching(/--copy/)]);
  }, 180_000);
});
