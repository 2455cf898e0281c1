import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { extractZip } from '../../../main/core/documents/parse/zip';
import { decodeFile } from '../../../main/core/documents/parse/formats';
import { makePdf, textLines, utf8 } from './make-files';
import { rawZip } from './make-zips';

const work = mkdtempSync(path.join(tmpdir(), 'casefile-zip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('extractZip', () => {
  it('extracts each member with its path, skipping folders and OS junk', async () => {
    const pdf = await makePdf([textLines('Progress Report')]);
    const zip = zipSync({
      'Records/2023/progress.pdf': pdf,
      'Records/notes.txt': utf8('call the school'),
      'Records/empty-folder/': new Uint8Array(0),
      '__MACOSX/Records/._progress.pdf': utf8('junk'),
      'Records/.DS_Store': utf8('junk'),
      'Records/Thumbs.db': utf8('junk'),
    });
    const out = await extractZip(zip, 'records.zip');
    expect(out.members.map((m) => m.path).sort()).toEqual(['Records/2023/progress.pdf', 'Records/notes.txt']);
    expect(out.members.find((m) => m.fileName === 'progress.pdf')!.bytes).toEqual(pdf);
    expect(out.skipped).toHaveLength(3);
    expect(out.problems).toEqual([]);
  });

  it('reads an archive from disk as well as from memory', async () => {
    const file = path.join(work, 'disk.zip');
    writeFileSync(file, zipSync({ 'a.txt': utf8('alpha') }));
    const out = await extractZip({ path: file }, 'disk.zip');
    expect(out.members.map((m) => [m.path, Buffer.from(m.bytes).toString()])).toEqual([['a.txt', 'alpha']]);
  });

  it('refuses ../ and absolute paths one by one, and imports the rest', async () => {
    const zip = rawZip([
      ['../../evil.txt', utf8('escape')],
      ['ok/inside.txt', utf8('fine')],
      ['/etc/passwd', utf8('absolute')],
      ['C:/Windows/win.ini', utf8('drive')],
      ['docs/..\\..\\sneaky.txt', utf8('backslashes')],
    ]);
    const out = await extractZip(zip, 'request.zip');
    expect(out.members.map((m) => m.path)).toEqual(['ok/inside.txt']);
    expect(out.problems.map((p) => p.code)).toEqual(['zip_unsafe_path', 'zip_unsafe_path', 'zip_unsafe_path', 'zip_unsafe_path']);
    expect(out.problems[0].message).toContain('../../evil.txt');
    expect(out.problems[0].message).toContain('request.zip');
  });

  it('refuses a zip bomb by its compression ratio before inflating it', async () => {
    const bomb = zipSync({ 'big.txt': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const before = process.memoryUsage().rss;
    await expect(extractZip(bomb, 'bomb.zip')).rejects.toMatchObject({ code: 'zip_bomb', message: expect.stringContaining('bomb.zip') });
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('refuses archives whose total, entry size or entry count is beyond the limits', async () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, utf8(`file ${i}`)])));
    await expect(extractZip(many, 'many.zip', { maxEntries: 20 })).rejects.toMatchObject({ code: 'zip_bomb' });
    const big = zipSync({ 'a.bin': new Uint8Array(300_000).map((_, i) => (i * 7919) % 251) }, { level: 0 });
    await expect(extractZip(big, 'big.zip', { maxEntryBytes: 100_000 })).rejects.toMatchObject({ code: 'zip_bomb' });
    await expect(extractZip(big, 'big.zip', { maxTotalBytes: 100_000 })).rejects.toMatchObject({ code: 'zip_bomb' });
  });

  it('opens nested zips to a set depth and reports deeper ones', async () => {
    const level3 = zipSync({ 'deep.txt': utf8('too deep') });
    const level2 = zipSync({ 'inner.txt': utf8('inner'), 'level3.zip': level3 });
    const level1 = zipSync({ 'top.txt': utf8('top'), 'level2.zip': level2 });
    const out = await extractZip(level1, 'outer.zip', { maxNestingDepth: 1 });
    expect(out.members.map((m) => m.path).sort()).toEqual(['level2.zip/inner.txt', 'top.txt']);
    expect(out.problems.map((p) => p.code)).toEqual(['zip_too_deep']);
  });

  it('counts nested archives against the same budget (a recursive bomb)', async () => {
    const layer = zipSync({ 'x.bin': new Uint8Array(900 * 1024).map((_, i) => (i * 31) % 256) }, { level: 0 });
    const outer = zipSync(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`copy${i}.zip`, layer])), { level: 0 });
    await expect(extractZip(outer, 'nested-bomb.zip', { maxTotalBytes: 4 * 1024 * 1024 })).rejects.toMatchObject({ code: 'zip_bomb' });
  });

  it('reports a damaged archive as corrupt_zip', async () => {
    const zip = zipSync({ 'a.txt': utf8('alpha'.repeat(100)) });
    await expect(extractZip(zip.slice(0, zip.length - 30), 'cut.zip')).rejects.toMatchObject({ code: 'corrupt_zip' });
  });

  it('is reached through decodeFile', async () => {
    const decoded = await decodeFile(zipSync({ 'a.txt': utf8('alpha') }), 'archive.bin');
    expect(decoded.kind).toBe('zip');
  });
});

describe('a records archive whose members are stored, not compressed', () => {
  it.each(['stored', 'deflated'] as const)('opens as an archive (%s): every record, ../ refused, the nested zip opened', async (method) => {
    const record = (title: string) => makePdf([textLines(`${title}\nStudent: Mateo Ruiz`)]);
    const [iep, evaluation, progress, inner] = await Promise.all([record('IEP 2024'), record('Evaluation Report'), record('Progress Report'), record('Prior Written Notice')]);
    const nested = rawZip([['pwn.pdf', inner], ['../../outside.pdf', inner]], method);
    const zip = rawZip(
      [
        ['2024/iep.pdf', iep],
        ['../../escape.pdf', evaluation],
        ['2024/evaluation.pdf', evaluation],
        ['2024/progress.pdf', progress],
        ['older/records.zip', nested],
      ],
      method,
    );
    const decoded = await decodeFile(zip, 'records.zip');
    if (decoded.kind !== 'zip') throw new Error(`read as ${decoded.kind}, not as an archive`);
    expect(decoded.zip.members.map((m) => m.path)).toEqual(['2024/iep.pdf', '2024/evaluation.pdf', '2024/progress.pdf', 'older/records.zip/pwn.pdf']);
    expect(decoded.zip.members.map((m) => m.bytes)).toEqual([iep, evaluation, progress, inner]);
    expect(decoded.zip.problems.map((p) => [p.code, p.fileName])).toEqual([
      ['zip_unsafe_path', 'records.zip'],
      ['zip_unsafe_path', 'older/records.zip'],
    ]);
    expect(decoded.zip.problems[0].message).toContain('../../escape.pdf');
  });
});
