import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkPaths, type WalkedEntry } from '../../../main/core/documents/folder-walk';
import { tempDir } from '../../support/core';
import { linkedPile } from './make-folders';

const files = (entries: WalkedEntry[], base: string) => entries.filter((e) => e.kind === 'file').map((e) => path.relative(base, e.path));
const problems = (entries: WalkedEntry[], base: string) =>
  Object.fromEntries(entries.flatMap((e) => (e.kind === 'problem' ? [[path.relative(base, e.path), e.message]] : [])));

describe('walking a chosen folder', () => {
  it('reads every folder once, never leaves the folder through a link, and reports each link it did not follow', () => {
    const { pile } = linkedPile();
    const entries = walkPaths([pile]);
    // Real paths first; a link to a folder is read only when it leads somewhere the walk would not go.
    expect(files(entries, pile)).toEqual(['a.txt', 'alias.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'shortcut/old.txt']);
    const said = problems(entries, pile);
    expect(Object.keys(said).sort()).toEqual(['dangling.txt', 'latest', 'out', 'secret.txt', 'self', 'shortcut/again', 'sub/back', 'sub/deeper/up']);
    expect(said['dangling.txt']).toMatch(/^dangling\.txt: is a link to "missing\.txt", which does not exist/);
    expect(said['self']).toMatch(/^self: is a link that leads back to itself \(a loop\)/);
    expect(said['out']).toMatch(/^out: is a link to ".*outside\/folder", outside the folder you chose, and links out of it are not followed/);
    expect(said['secret.txt']).toMatch(/^secret\.txt: is a link to ".*outside\/secret\.txt", outside the folder you chose/);
    expect(said['sub/back']).toMatch(new RegExp(`^back: leads back to the folder "${pile}" that holds it \\(a loop\\)`));
    expect(said['sub/deeper/up']).toMatch(/^up: leads back to the folder ".*pile\/sub" that holds it \(a loop\)/);
    expect(said['latest']).toMatch(/^latest: is the same folder as ".*pile\/sub", which this import already reads/);
    expect(said['shortcut/again']).toMatch(/^again: is the same folder as ".*pile\/sub"/);
    expect(entries.some((e) => e.path.includes('outside') && e.kind === 'file')).toBe(false);
  });

  it('follows a chosen path that is itself a link, and still stops at loops inside it', () => {
    const { dir, pile } = linkedPile();
    const chosen = path.join(dir, 'chosen');
    symlinkSync(pile, chosen, 'dir');
    const entries = walkPaths([chosen]);
    expect(files(entries, chosen)).toEqual(['a.txt', 'alias.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'shortcut/old.txt']);
    expect(problems(entries, chosen)['sub/back']).toMatch(/a loop/);
  });

  it('reads a folder chosen twice (itself and inside another choice) once', () => {
    const { pile } = linkedPile();
    const entries = walkPaths([pile, path.join(pile, 'sub')]);
    expect(files(entries, pile).filter((f) => f.endsWith('b.txt'))).toEqual(['sub/b.txt']);
    expect(problems(entries, pile)['sub']).toMatch(/^sub: is the same folder as ".*pile\/sub"/);
  });

  it('reports a chosen path that loops, is missing or is a pipe, and lists the rest', () => {
    const dir = tempDir('casefile-walk-');
    writeFileSync(path.join(dir, 'ok.txt'), 'fine');
    symlinkSync('loop-b', path.join(dir, 'loop-a'));
    symlinkSync('loop-a', path.join(dir, 'loop-b'));
    let pipe: string | null = path.join(dir, 'pipe');
    try {
      execFileSync('mkfifo', [pipe], { stdio: 'ignore' });
    } catch {
      pipe = null; // no mkfifo here (Windows): the rest of the check still holds
    }
    const entries = walkPaths([path.join(dir, 'loop-a'), path.join(dir, 'gone.pdf'), dir]);
    expect(files(entries, dir)).toEqual(['ok.txt']);
    const said = problems(entries, dir);
    expect(said['loop-a']).toMatch(/^loop-a: is a link that leads back to itself \(a loop\)/);
    expect(said['loop-b']).toMatch(/a loop/);
    expect(said['gone.pdf']).toMatch(/^gone\.pdf: the file no longer exists/);
    if (pipe) expect(said['pipe']).toMatch(/^pipe: is not a document file \(it is a pipe, socket or device\)/);
  });
});
