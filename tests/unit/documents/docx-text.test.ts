import { describe, expect, it } from 'vitest';
import { decodeDocx } from '../../../main/core/documents/parse/docx';
import { decodePlainText, layoutPage, paginateText, textToPages } from '../../../main/core/documents/parse/text';
import { decodeFile } from '../../../main/core/documents/parse/formats';
import { ImportProblem } from '../../../main/core/documents/parse/errors';
import { makeDocx, makeZip, utf8 } from './make-files';

describe('DOCX', () => {
  it('reads a Word letter as text pages in reading order', async () => {
    const bytes = await makeDocx(['Ana Ruiz', 'April 2, 2024', 'Dear Dr. Holloway,', 'I am requesting an independent educational evaluation.', 'Sincerely,', 'Ana Ruiz']);
    const docx = await decodeDocx(bytes, 'letter.docx');
    expect(docx.text).toMatch(/Ana Ruiz\s+April 2, 2024\s+Dear Dr\. Holloway,/);
    expect(docx.pages).toHaveLength(1);
    expect(docx.pages[0].words.map((w) => w.text).slice(0, 4)).toEqual(['Ana', 'Ruiz', 'April', '2,']);
  });

  it('splits a long Word file into pages at paragraph breaks', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1}. ` + 'The team discussed reading goals and services. '.repeat(3));
    const docx = await decodeDocx(await makeDocx(paragraphs), 'long.docx');
    expect(docx.pages.length).toBeGreaterThan(2);
    for (const page of docx.pages) {
      expect(page.text.length).toBeLessThanOrEqual(3200);
      expect(page.text.split('\n')[0]).toMatch(/^Paragraph \d+\./);
    }
  });

  it('refuses a broken Word file', async () => {
    const fake = makeZip({ 'word/document.xml': utf8('<w:document><not-closed>') , '[Content_Types].xml': utf8('<Types/>') });
    await expect(decodeDocx(fake, 'broken.docx')).rejects.toMatchObject({ code: 'corrupt_docx' });
  });
});

describe('plain text', () => {
  it('pages text at paragraph breaks, never mid-word', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Note ${i}: ${'word '.repeat(40)}`).join('\n\n');
    const pages = paginateText(text, 1000);
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.every((p) => p.length <= 1000 && /^Note \d+:/.test(p))).toBe(true);
    expect(pages.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('cuts a text without any breaks at spaces', () => {
    const pages = paginateText('abc '.repeat(2000), 3000);
    expect(pages.length).toBe(3);
    expect(pages.every((p) => !p.startsWith('bc'))).toBe(true);
  });

  it('lays words on a letter page, top to bottom, inside the margins', () => {
    const page = layoutPage('First line\nSecond line is here\n' + 'long '.repeat(60), 1);
    expect([page.width, page.height, page.source]).toEqual([612, 792, 'text_layer']);
    const ys = page.words.map((w) => w.bbox[1]);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(page.words.every((w) => w.bbox[0] >= 72 && w.bbox[2] <= 540 && w.bbox[3] <= 792)).toBe(true);
    expect(page.text.split('\n').length).toBeGreaterThan(3);
  });

  it('squeezes lines to fit when a page has more lines than a letter page holds', () => {
    const [page] = textToPages(Array.from({ length: 120 }, (_, i) => `L${i}`).join('\n'), 5000);
    expect(Math.max(...page.words.map((w) => w.bbox[3]))).toBeLessThanOrEqual(792 - 60);
  });

  it('decodes UTF-16 and Windows-1252 files', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Résumé of services', 'utf16le')]);
    expect(decodePlainText(utf16, 'a.txt').text).toBe('Résumé of services');
    expect(decodePlainText(Buffer.from('Caf\xe9 \x93quoted\x94', 'latin1'), 'b.txt').text).toBe('Café “quoted”');
  });

  it('refuses empty and blank text files', async () => {
    await expect(decodeFile(new Uint8Array(0), 'empty.txt')).rejects.toMatchObject({ code: 'empty_file' });
    expect(() => decodePlainText(utf8('  \n\n \t'), 'blank.txt')).toThrow(ImportProblem);
  });
});

describe('decodeFile refuses what is not a document', () => {
  it('refuses an executable whatever it is called', async () => {
    const exe = new Uint8Array(256);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    const p = decodeFile(exe, 'IEP_2024.pdf');
    await expect(p).rejects.toMatchObject({ code: 'executable' });
    await expect(p).rejects.toThrow(/IEP_2024\.pdf/);
  });

  it('refuses unsupported kinds, saying what they are', async () => {
    await expect(decodeFile(utf8('{\\rtf1\\ansi Hello}'), 'letter.rtf')).rejects.toMatchObject({ code: 'unsupported_type', message: expect.stringMatching(/Rich Text/) });
  });
});
