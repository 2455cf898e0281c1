// Cases go to a trash before they are deleted for good: out of the list, the deadlines and the
// search while there, back with every record on restore; emptying the trash needs the typed words.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase, emptyCaseTrash, getCase, listCases, listTrashedCases, purgeCase, resolveCase, resolveTrashedCase, restoreCase, trashCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { migrate } from '../../../main/core/db/migrate';
import { documentQueries } from '../../../main/core/db/queries/documents';
import { buildRegistry } from '../../../main/ipc';
import { runCasefile } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { textPage } from '../../support/pages';

let docs = 0;
function addDocument(core: Core, caseId: string, text: string): { id: string; sha: string } {
  const id = `trash-doc-${++docs}`;
  const bytes = Buffer.from(`original ${id}`);
  const stored = String(docs).padStart(64, 'a');
  const now = core.nowIso();
  core.db.prepare('INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)').run(stored, bytes.length, now);
  core.db.prepare("INSERT INTO documents (id, case_id, sha256, file_name, format, type, date, created_at, updated_at) VALUES (?, ?, ?, ?, 'pdf', 'iep', '2024-05-01', ?, ?)").run(id, caseId, stored, `${id}.pdf`, now, now);
  core.db.transaction(() => documentQueries(core.db).putPages(id, [textPage(1, text)]))();
  return { id, sha: stored };
}

// Through the API: the search service is called as the app calls it.
const hits = async (core: Core, query: string) => (await buildRegistry().call('search.query', { query }, { core, transport: 'cli' })).hits.map((h) => h.documentId);
const ctx = (core: Core) => ({ core, transport: 'cli' as const });

describe('the case trash', () => {
  it('takes a case out of the list and the search, and brings it back with its records', async () => {
    const core = testCore();
    const a = createCase(core, { name: 'Ana Torres' });
    const b = createCase(core, { name: 'Ben Okafor' });
    const docA = addDocument(core, a.id, 'reading fluency goal');
    addDocument(core, b.id, 'math computation goal');
    const events: string[] = [];
    core.on('case.changed', (e) => events.push(e.what));

    const trashed = trashCase(core, a.id);
    expect(trashed.deletedAt).toBe(core.nowIso());
    expect(listCases(core, { includeArchived: true }).map((c) => c.name)).toEqual(['Ben Okafor']);
    expect(listTrashedCases(core)).toMatchObject([{ id: a.id, name: 'Ana Torres', documentCount: 1, deletedAt: core.nowIso() }]);
    expect(await hits(core, 'fluency')).toEqual([]);
    expect(() => getCase(core, a.id)).toThrow(/is in the trash; restore it first/);
    expect(() => resolveCase(core, 'Ana Torres')).toThrow(/No case named/);
    expect(() => trashCase(core, a.id)).toThrow(/in the trash/);
    expect(resolveTrashedCase(core, 'ana torres').id).toBe(a.id);
    expect(() => restoreCase(core, b.id)).toThrow(/not in the trash/);

    const back = restoreCase(core, a.id);
    expect(back.deletedAt).toBeNull();
    expect(listCases(core).map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(await hits(core, 'fluency')).toEqual([docA.id]);
    expect(listTrashedCases(core)).toEqual([]);
    expect(events).toEqual(['trashed', 'restored']);
    await core.close();
  });

  it('deletes for good only from the trash, and empties it only with the typed words', async () => {
    const core = testCore();
    const reg = buildRegistry();
    const a = createCase(core, { name: 'A' });
    const b = createCase(core, { name: 'B' });
    const c = createCase(core, { name: 'C' });
    const docA = addDocument(core, a.id, 'speech articulation');
    addDocument(core, b.id, 'speech minutes');
    expect(() => purgeCase(core, a.id)).toThrow(/not in the trash/);
    expect(await reg.call('cases.delete', { caseId: a.id }, ctx(core))).toMatchObject({ id: a.id, deletedAt: expect.any(String) });
    await reg.call('cases.delete', { caseId: b.id }, ctx(core));
    await reg.call('cases.delete', { caseId: c.id }, ctx(core));

    expect(await reg.call('cases.purge', { caseId: c.id }, ctx(core))).toEqual({ purged: 1 });
    expect(core.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 2 });

    const refused = await reg.dispatch('cases.emptyTrash', { confirm: 'yes' }, ctx(core));
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/type "empty trash"/) } });
    expect(listTrashedCases(core)).toHaveLength(2);
    expect(await reg.call('cases.emptyTrash', { confirm: ' Empty Trash ' }, ctx(core))).toEqual({ purged: 2 });
    expect(listTrashedCases(core)).toEqual([]);
    expect(core.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
    expect(core.db.prepare('SELECT count(*) AS n FROM blobs WHERE sha256 = ?').get(docA.sha)).toEqual({ n: 0 });
    expect(emptyCaseTrash(core)).toBe(0);
    await core.close();
  });

  it('migration 0170 gives existing cases no deleted_at', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db, 169); // every migration before this one, whichever other features added
    db.prepare("INSERT INTO cases (id, name, created_at, updated_at) VALUES ('c1', 'Case', 't', 't')").run();
    expect(migrate(db, 170)).toEqual([170]);
    expect(db.prepare("SELECT deleted_at FROM cases WHERE id = 'c1'").get()).toEqual({ deleted_at: null });
    db.close();
  });
});

describe('casefile cases delete, trash, restore and purge', () => {
  it('moves a case to the trash and back, and purges only with --yes', () => {
    const dataDir = tempDir();
    const c = JSON.parse(runCasefile(['cases', 'create', '--name', 'Lia Chen', '--json'], { dataDir }).stdout);
    runCasefile(['cases', 'create', '--name', 'Sam Ruiz'], { dataDir });
    const del = runCasefile(['cases', 'delete', 'lia chen'], { dataDir });
    expect(del).toMatchObject({ code: 0, stdout: expect.stringMatching(/Moved "Lia Chen" to the trash.*casefile cases restore "Lia Chen"/) });
    expect(JSON.parse(runCasefile(['cases', 'list', '--json', '--all'], { dataDir }).stdout).map((x: { name: string }) => x.name)).toEqual(['Sam Ruiz']);
    expect(runCasefile(['cases', 'trash'], { dataDir }).stdout).toMatch(new RegExp(`${c.id}\\s+Lia Chen`));
    expect(runCasefile(['cases', 'restore', 'Lia Chen'], { dataDir })).toMatchObject({ code: 0, stdout: 'Restored "Lia Chen".\n' });
    expect(runCasefile(['cases', 'restore', 'Lia Chen'], { dataDir })).toMatchObject({ code: 1, stderr: expect.stringMatching(/No case in the trash named/) });

    runCasefile(['cases', 'delete', c.id], { dataDir });
    const noYes = runCasefile(['cases', 'purge'], { dataDir });
    expect(noYes).toMatchObject({ code: 1, stderr: expect.stringMatching(/removes one case and their records for good; add --yes/) });
    expect(JSON.parse(runCasefile(['cases', 'trash', '--json'], { dataDir }).stdout)).toHaveLength(1);
    expect(runCasefile(['cases', 'purge', '--yes'], { dataDir })).toMatchObject({ code: 0, stdout: 'Deleted one case for good.\n' });
    expect(runCasefile(['cases', 'trash'], { dataDir }).stdout).toBe('The trash is empty.\n');
    expect(runCasefile(['cases', 'restore', c.id], { dataDir }).code).toBe(1);
  });
});
