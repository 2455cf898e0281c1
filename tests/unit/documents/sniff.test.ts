import { describe, expect, it } from 'vitest';
import { sniff, sniffDetailed, looksLikeEmail } from '../../../main/core/documents/parse/sniff';
import { zipSync } from 'fflate';
import { makeDocx, makeJpeg, makePdf, makePng, makeTiff, makeZip, utf8 } from './make-files';
import { rawZip } from './make-zips';

describe('sniff decides from bytes, never the name', () => {
  it('recognises each format it reads, whatever the file is called', async () => {
    const pdf = await makePdf([[[72, 72, 'Hello']]]);
    expect(sniff(pdf, 'notes.txt')).toBe('pdf');
    expect(sniff(await makeJpeg(40, 30), 'report.pdf')).toBe('jpeg');
    expect(sniff(await makePng(40, 30), 'scan.jpg')).toBe('png');
    expect(sniff(await makeTiff([[20, 20]]), 'fax.pdf')).toBe('tiff');
    expect(sniff(await makeDocx(['Dear Ms. Lee,']), 'letter.zip')).toBe('docx');
    expect(sniff(makeZip({ 'a.txt': utf8('hi') }), 'records.docx')).toBe('zip');
    expect(sniff(utf8('Plain notes from the meeting.\nSecond line.'), 'x.pdf')).toBe('text');
  });

  it('accepts up to 1 KB of junk before %PDF', () => {
    const bytes = utf8('\r\n\r\n%PDF-1.4\n...');
    expect(sniff(bytes)).toBe('pdf');
  });

  it('refuses programs and scripts', () => {
    expect(sniff(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'iep.pdf')).toBe('executable');
    expect(sniff(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'photo.jpg')).toBe('executable');
    expect(sniff(new Uint8Array([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'a.docx')).toBe('executable');
    expect(sniff(utf8('#!/bin/sh\nrm -rf ~\n'), 'notes.txt')).toBe('executable');
  });

  it('tells an Outlook .msg from other OLE files by its property streams', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffDetailed(ole).kind).toBe('unknown');
    ole.set(Buffer.from('__substg1.0_0037001F', 'utf16le'), 1024);
    expect(sniff(ole)).toBe('msg');
    const doc = new Uint8Array(2048);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    doc.set(Buffer.from('WordDocument', 'utf16le'), 1024);
    expect(sniffDetailed(doc).description).toMatch(/legacy Word/);
  });

  it('recognises HEIC by its ftyp brand, and not AVIF', () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
    expect(sniff(heic)).toBe('heic');
    const avif = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypavif\0\0\0\0mif1avif', 'latin1')]);
    expect(sniff(avif)).toBe('unknown');
  });

  it('reads UTF-16 with a BOM and Windows-1252 as text, binary noise as unknown', () => {
    expect(sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Meeting notes', 'utf16le')]))).toBe('text');
    expect(sniffDetailed(Buffer.from('Caf\xe9 meeting on Tuesday', 'latin1')).textEncoding).toBe('windows-1252');
    const noise = new Uint8Array(512).map((_, i) => (i * 73 + 11) % 256);
    expect(sniff(noise)).toBe('unknown');
  });

  it('reads RFC 822 headers as an email but a typed memo as text', () => {
    const eml = 'Received: from mail.example.org\r\nFrom: Ana Ruiz <ana@example.com>\r\nTo: office@district.example.org\r\nSubject: IEP\r\nDate: Tue, 5 Mar 2024 09:15:00 -0600\r\n\r\nHello';
    expect(sniff(utf8(eml))).toBe('eml');
    const gmailExport = 'From: Ana Ruiz <ana@example.com>\nDate: Tue, 5 Mar 2024 09:15:00 -0600\nSubject: Records\n\nBody';
    expect(looksLikeEmail(gmailExport)).toBe(true);
    const memo = 'To: IEP Team\nFrom: Parent\nDate: March 5, 2024\nRe: Concerns\n\nI am writing about...';
    expect(sniff(utf8(memo))).toBe('text');
  });

  it('names the Office files it does not read', () => {
    const xlsx = makeZip({ '[Content_Types].xml': utf8('<Types/>'), 'xl/workbook.xml': utf8('<workbook/>') });
    expect(sniffDetailed(xlsx)).toMatchObject({ kind: 'unknown', description: expect.stringMatching(/Excel/) });
  });

  it('reads a container by its signature before looking for a PDF header inside it', async () => {
    const pdf = await makePdf([[[72, 72, 'Evaluation Report']]]);
    const records: Array<[string, Uint8Array]> = [['records/eval.pdf', pdf], ['records/iep.pdf', pdf]];
    const stored = rawZip(records, 'stored'); // as Python's zipfile writes it: the member's "%PDF-" at byte 46
    expect(Buffer.from(stored.subarray(0, 1024)).includes('%PDF-')).toBe(true);
    expect(sniff(stored, 'records.zip')).toBe('zip');
    expect(sniff(zipSync({ 'eval.pdf': pdf, 'notes.txt': utf8('call') }, { level: 0 }))).toBe('zip');
    expect(sniff(rawZip(records, 'deflated'))).toBe('zip');
    // An empty archive whose comment quotes a PDF header is still an (empty) zip.
    const emptyWithComment = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(16), Buffer.from([9, 0]), Buffer.from('%PDF-1.7')]);
    expect(sniff(emptyWithComment)).toBe('zip');
    // A Word file whose parts are stored, with a PDF among them, is still a Word file.
    expect(sniff(zipSync({ 'attached.pdf': pdf, 'word/document.xml': utf8('<w:document/>') }, { level: 0 }))).toBe('docx');

    const msg = new Uint8Array(2048);
    msg.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    msg.set(utf8('%PDF-1.4 an attachment in the first sector'), 600);
    msg.set(Buffer.from('__substg1.0_37010102', 'utf16le'), 1500);
    expect(sniff(msg, 'message.msg')).toBe('msg');
  });

  it('reads a photo whose comment quotes "%PDF-" as a photo, and a PDF header at byte 0 as a PDF', async () => {
    const jpeg = await makeJpeg(40, 30);
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x12]), Buffer.from('%PDF-1.4 scanner')]);
    const commented = Buffer.concat([jpeg.subarray(0, 2), comment, jpeg.subarray(2)]);
    expect(sniff(commented)).toBe('jpeg');
    expect(sniff(utf8('%PDF-1.7\n'))).toBe('pdf');
  });
});
