// The history reaches its readers: the cases.history call (what Case info shows) on a real store, and
// `casefile history` run as a real child process on a real data folder, table and JSON.
import { expect, it } from 'vitest';
import type { Core } from '../../../main/core/context';
import { buildRegistry } from '../../../main/ipc';
import { runCasefile } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';

const ctx = (core: Core) => ({ core, transport: 'cli' as const });

it('cases.history lists the lines newest first, and only the case asked for', async () => {
  const core = testCore();
  const reg = buildRegistry();
  const a = await reg.call('cases.create', { name: 'Lia Chen' }, ctx(core));
  const b = await reg.call('cases.create', { name: 'Sam Ruiz' }, ctx(core));
  await reg.call('cases.delete', { caseId: a.id }, ctx(core));
  await reg.call('cases.restore', { caseId: a.id }, ctx(core));
  const lines = await reg.call('cases.history', { caseId: a.id }, ctx(core));
  expect(lines.map((h) => h.kind)).toEqual(['restored', 'trashed']);
  expect(await reg.call('cases.history', { caseId: b.id }, ctx(core))).toEqual([]);
  expect(await reg.dispatch('cases.history', { caseId: 'no-such-case' }, ctx(core))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  await core.close();
});

it('casefile history prints the case history, as a table and as JSON', () => {
  const dataDir = tempDir();
  const c = JSON.parse(runCasefile(['cases', 'create', '--name', 'Lia Chen', '--json'], { dataDir }).stdout) as { id: string };
  expect(runCasefile(['history', '--case', 'Lia Chen'], { dataDir }).stdout).toBe('No history yet.\n');
  expect(runCasefile(['cases', 'delete', 'lia chen'], { dataDir }).code).toBe(0);
  expect(runCasefile(['cases', 'restore', 'lia chen'], { dataDir }).code).toBe(0);
  const table = runCasefile(['history', '--case', c.id], { dataDir });
  expect(table.code).toBe(0);
  const rows = table.stdout.trim().split('\n');
  expect(rows[0]).toMatch(/^WHEN\s+WHAT\s+DESCRIPTION$/);
  expect(rows[1]).toMatch(/restored\s+Restored the case from the trash$/);
  expect(rows[2]).toMatch(/trashed\s+Moved the case to the trash$/);
  const json = JSON.parse(runCasefile(['history', '--case', 'Lia Chen', '--json'], { dataDir }).stdout) as Array<{ kind: string; caseId: string }>;
  expect(json.map((h) => [h.kind, h.caseId])).toEqual([['restored', c.id], ['trashed', c.id]]);
  expect(runCasefile(['history', '--case', 'Nobody'], { dataDir }).code).not.toBe(0);
});
