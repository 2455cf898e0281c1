import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../main/core/context';
import { acquireDataDirLock } from '../../../main/core/lock';
import { buildRegistry } from '../../../main/ipc';
import { tempDir, testCore } from '../../support/core';

const ctx = (core: ReturnType<typeof testCore>) => ({ core, transport: 'cli' as const });

describe('cases through the API registry', () => {
  it('creates, lists by last opened, renames, archives and deletes', async () => {
    const core = testCore();
    const reg = buildRegistry();
    const a = await reg.call('cases.create', { name: '  Ana Torres ', state: 'mo', dob: '2015-05-02' }, ctx(core));
    expect(a).toMatchObject({ name: 'Ana Torres', state: 'MO', childName: 'Ana Torres', dob: '2015-05-02' });
    const b = await reg.call('cases.create', { name: 'Ben Okafor', school: 'Oak Middle' }, ctx(core));
    await reg.call('cases.open', { caseId: a.id }, ctx(core));
    expect((await reg.call('cases.list', {}, ctx(core))).map((c) => c.name)).toEqual(['Ana Torres', 'Ben Okafor']);
    expect((await reg.call('cases.list', { query: 'oak' }, ctx(core))).map((c) => c.id)).toEqual([b.id]);
    await reg.call('cases.rename', { caseId: b.id, name: 'Benjamin Okafor' }, ctx(core));
    await reg.call('cases.archive', { caseId: b.id }, ctx(core));
    expect((await reg.call('cases.list', {}, ctx(core))).map((c) => c.name)).toEqual(['Ana Torres']);
    expect((await reg.call('cases.list', { includeArchived: true }, ctx(core))).map((c) => c.name)).toContain('Benjamin Okafor');
    await reg.call('cases.update', { caseId: a.id, version: a.version, fields: { contacts: [{ role: 'sped_director', name: 'Dr. Lee', email: 'lee@district.org' }] } }, ctx(core));
    expect((await reg.call('cases.get', { caseId: a.id }, ctx(core))).contacts[0].name).toBe('Dr. Lee');
    await reg.call('cases.delete', { caseId: b.id }, ctx(core));
    const r = await reg.dispatch('cases.get', { caseId: b.id }, ctx(core));
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it.each([
    [{ name: '' }, /name: must not be empty/],
    [{ name: 'x'.repeat(121) }, /at most 120/],
    [{ name: 'Ok', dob: '2030-01-01' }, /in the future/],
    [{ name: 'Ok', dob: '2015-02-30' }, /not a real date/],
    [{ name: 'Ok', state: 'ZZ' }, /not a US state/],
  ])('refuses %j with a clear message and changes nothing', async (args, message) => {
    const core = testCore();
    const reg = buildRegistry();
    const r = await reg.dispatch('cases.create', args, ctx(core));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
    expect(await reg.call('cases.list', { includeArchived: true }, ctx(core))).toEqual([]);
  });

  it('answers an unknown call or malformed arguments with a typed error', async () => {
    const core = testCore();
    const reg = buildRegistry();
    expect(await reg.dispatch('cases.explode', {}, ctx(core))).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await reg.dispatch('cases.get', { caseId: 42 }, ctx(core))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(reg.missing()).toEqual([]);
    expect(() => reg.register('cases.list', () => [])).toThrow(/twice/);
  });

  it('persists across reopening the data folder', async () => {
    const dir = tempDir();
    const reg = buildRegistry();
    const core1 = testCore({ dataDir: dir });
    await reg.call('cases.create', { name: 'Persisted' }, ctx(core1));
    core1.close();
    const core2 = testCore({ dataDir: dir });
    expect((await reg.call('cases.list', {}, ctx(core2))).map((c) => c.name)).toEqual(['Persisted']);
  });
});

describe('the data folder', () => {
  it('is locked against a second running app and released after', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'test');
    expect(() => acquireDataDirLock(dir, 'second')).toThrow(/already running/);
    lock.release();
    acquireDataDirLock(dir, 'third').release();
  });

  it('reports a folder that cannot be written', () => {
    if (process.getuid?.() === 0) {
      // root can write anywhere; use a path under a regular file instead, which no one can create.
      const file = path.join(tempDir(), 'plain-file');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, 'x');
      expect(() => openCore({ dataDir: path.join(file, 'data') })).toThrow(/cannot be written/);
      return;
    }
    const dir = tempDir();
    chmodSync(dir, 0o500);
    expect(() => openCore({ dataDir: path.join(dir, 'data') })).toThrow(/cannot be written/);
  });
});
