import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkPaths, type WalkedEntry } from '../../../main/core/documents/folder-walk';
import { tempDir } from '../../support/core';
import { linkedPile } from './make-folders';

const files = (entries: WalkedEntry[], base: string) => entries.filter((e) => e.kind === 'file').map((e) => path.relative(base, e.path));
/** What the walk said of each entry it did not list, by kind ('skipped' or 'problem'). */
const said = (entries: WalkedEntry[], base: string, kind: 'skipped' | 'problem') =>
  Object.fromEntries(entries.flatMap((e) => (e.kind === kind ? [[path.relative(base, e.path), e.message]] : [])));
const problems = (entries: WalkedEntry[], base: string) => said(entries, base, 'problem');
const skipped = (entries: WalkedEntry[], base: string) => said(entries, base, 'skipped');

describe('walking a chosen folder', () => {
  it('reads every folder once, never leaves the folder through a link, and reports each link it did not follow', () => {
    const { pile } = linkedPile();
    const entries = walkPaths([pile]);
    // Real paths first; a link to a folder is read only when it leads somewhere the walk would not go.
    expect(files(entries, pile)).toEqual(['a.txt', 'alias.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'shortcut/old.txt']);
    // Links left alone on purpose (loops, ways out, second ways in) are skipped: nothing in the folder is lost by them.
    const passed = skipped(entries, pile);
    expect(Object.keys(passed).sort()).toEqual(['latest', 'out', 'secret.txt', 'self', 'shortcut/again', 'sub/back', 'sub/deeper/up']);
    expect(passed['self']).toMatch(/^self: is a link that leads back to itself \(a loop\), so it was not followed/);
    expect(passed['out']).toMatch(/^out: is a link to ".*outside\/folder", outside the folder you chose, and links out of it are not followed/);
    expect(passed['secret.txt']).toMatch(/^secret\.txt: is a link to ".*outside\/secret\.txt", outside the folder you chose/);
    expect(passed['sub/back']).toMatch(new RegExp(`^back: leads back to the folder "${pile}" that holds it \\(a loop\\)`));
    expect(passed['sub/deeper/up']).toMatch(/^up: leads back to the folder ".*pile\/sub" that holds it \(a loop\)/);
    expect(passed['latest']).toMatch(/^latest: is the same folder as ".*pile\/sub", which this import already reads/);
    expect(passed['shortcut/again']).toMatch(/^again: is the same folder as ".*pile\/sub"/);
    // A link that leads nowhere may stand for a lost file: a problem.
    expect(problems(entries, pile)).toEqual({ 'dangling.txt': expect.stringMatching(/^dangling\.txt: is a link to "missing\.txt", which does not exist/) });
    expect(entries.some((e) => e.path.includes('outside') && e.kind === 'file')).toBe(false);
  });

  it('follows a chosen path that is itself a link, and still stops at loops inside it', () => {
    const { dir, pile } = linkedPile();
    const chosen = path.join(dir, 'chosen');
    symlinkSync(pile, chosen, 'dir');
    const entries = walkPaths([chosen]);
    expect(files(entries, chosen)).toEqual(['a.txt', 'alias.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'shortcut/old.txt']);
    expect(skipped(entries, chosen)['sub/back']).toMatch(/a loop/);
  });

  it('reads a folder chosen twice (itself and inside another choice) once', () => {
    const { pile } = linkedPile();
    const entries = walkPaths([pile, path.join(pile, 'sub')]);
    expect(files(entries, pile).filter((f) => f.endsWith('b.txt'))).toEqual(['sub/b.txt']);
    expect(skipped(entries, pile)['sub']).toMatch(/^sub: is the same folder as ".*pile\/sub"/);
  });

  it('reports a chosen path that loops, is missing or is a pipe (each a problem), skips a loop inside, and lists the rest', () => {
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
    // A path the user chose that gives nothing to import is a problem, even a loop; a loop inside a chosen folder is skipped.
    const wrong = problems(entries, dir);
    expect(wrong['loop-a']).toMatch(/^loop-a: is a link that leads back to itself \(a loop\)/);
    expect(skipped(entries, dir)).toEqual({ 'loop-a': expect.stringMatching(/a loop/), 'loop-b': expect.stringMatching(/a loop/) });
    expect(wrong['gone.pdf']).toMatch(/^gone\.pdf: the file no longer exists/);
    if (pipe) expect(wrong['pipe']).toMatch(/^pipe: is not a document file \(it is a pipe, socket or device\)/);
  });
});
