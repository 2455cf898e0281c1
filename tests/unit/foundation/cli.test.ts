import { describe, expect, it } from 'vitest';
import { runCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';

describe('casefile cases', () => {
  it('creates, lists as JSON, shows, renames and archives with exit 0', () => {
    const dataDir = tempDir();
    const created = runCasefile(['cases', 'create', '--name', 'Lia Chen', '--state', 'MS', '--dob', '2016-01-09', '--json'], { dataDir });
    expect(created.code).toBe(0);
    const c = JSON.parse(created.stdout);
    expect(c).toMatchObject({ name: 'Lia Chen', state: 'MS' });
    const list = runCasefile(['cases', 'list', '--json'], { dataDir });
    expect(JSON.parse(list.stdout).map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(runCasefile(['cases', 'show', 'lia chen'], { dataDir }).stdout).toMatch(/Date of birth\s+2016-01-09/);
    expect(runCasefile(['cases', 'rename', c.id, 'Lia M. Chen'], { dataDir }).code).toBe(0);
    expect(runCasefile(['cases', 'archive', 'Lia M. Chen'], { dataDir }).code).toBe(0);
    expect(JSON.parse(runCasefile(['cases', 'list', '--json'], { dataDir }).stdout)).toEqual([]);
  });

  it('exits 1 with one line naming what is wrong for a user error', () => {
    const dataDir = tempDir();
    const r = runCasefile(['cases', 'create', '--name', 'X', '--state', 'QQ'], { dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/state: is not a US state/);
    expect(runCasefile(['cases', 'show', 'Nobody'], { dataDir }).code).toBe(1);
  });

  it('exits 2 on bad usage and 0 for --help everywhere', () => {
    const dataDir = tempDir();
    expect(runCasefile(['cases', 'frobnicate'], { dataDir }).code).toBe(2);
    expect(runCasefile(['cases', 'create'], { dataDir }).code).toBe(2);
    const help = runCasefile(['cases', 'create', '--help'], { dataDir });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--state <XX>/);
    expect(runCasefile(['--help'], { dataDir }).stdout).toMatch(/serve/);
  });
});
