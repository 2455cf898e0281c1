import { describe, expect, it } from 'vitest';
import { decodeEml, decodeMsg, htmlToText, parseRfc2822Date } from '../../../main/core/documents/parse/email';
import { decodeFile } from '../../../main/core/documents/parse/formats';
import { ImportProblem } from '../../../main/core/documents/parse/errors';
import { makeMsg, makePdf, textLines, utf8 } from './make-files';

async function problemOf(p: Promise<unknown>): Promise<ImportProblem> {
  try {
    await p;
  } catch (error) {
    if (error instanceof ImportProblem) return error;
    throw error;
  }
  throw new Error('expected an ImportProblem');
}

async function emlWithPdf(): Promise<Uint8Array> {
  const pdf = Buffer.from(await makePdf([textLines('Prior Written Notice\nDate: March 8, 2024')])).toString('base64').replace(/.{76}/g, '$&\r\n');
  return utf8(
    [
      'Received: from mx.example.org by mail.example.com',
      'From: "Holloway, Patricia" <pholloway@district.example.org>',
      'To: Ana Ruiz <ana.ruiz@example.com>',
      'Cc: Kevin Tran <ktran@district.example.org>, Records <records@district.example.org>',
      'Subject: =?UTF-8?Q?Prior_Written_Notice_=E2=80=93_Mateo?=',
      'Date: Fri, 8 Mar 2024 21:40:12 -0800',
      'Message-ID: <abc123@district.example.org>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="XYZ"',
      '',
      '--XYZ',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Dear Ms. Ruiz,',
      '',
      'Attached is the prior written notice from the meeting of 02/27/2024. Se=C3=B1ora, please call with questions.',
      '',
      'Sincerely,',
      'Dr. Holloway',
      '--XYZ',
      'Content-Type: application/pdf; name="PWN 2024-03-08.pdf"',
      'Content-Disposition: attachment; filename="PWN 2024-03-08.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf,
      '--XYZ--',
      '',
    ].join('\r\n'),
  );
}

describe('.eml', () => {
  it('gives from, to, cc, subject, the sender-local date, the body as pages, and each attachment', async () => {
    const email = await decodeEml(await emlWithPdf(), 'pwn.eml');
    expect(email.from).toBe('Holloway, Patricia <pholloway@district.example.org>');
    expect(email.to).toBe('Ana Ruiz <ana.ruiz@example.com>');
    expect(email.cc).toBe('Kevin Tran <ktran@district.example.org>, Records <records@district.example.org>');
    expect(email.subject).toBe('Prior Written Notice – Mateo');
    // 21:40 in California is already the 9th in UTC: the day the sender wrote is the 8th.
    expect(email.date).toBe('2024-03-08T21:40:12-08:00');
    expect(email.sentDate).toBe('2024-03-08');
    expect(email.bodyText).toContain('Señora, please call');
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0].fileName).toBe('PWN 2024-03-08.pdf');
    expect(Buffer.from(email.attachments[0].bytes).subarray(0, 5).toString()).toBe('%PDF-');
    const page = email.pages[0];
    expect(page.text).toMatch(/^From: Holloway/);
    expect(page.text).toContain('Attachments: PWN 2024-03-08.pdf');
    const dear = page.words.find((w) => w.text === 'Dear')!;
    expect(dear.bbox[1]).toBeGreaterThan(page.words[0].bbox[1]);
    expect(page.width).toBe(612);
  });

  it('reads an HTML-only message as text', async () => {
    const eml = utf8('From: a@example.com\r\nDate: Mon, 2 Sep 2024 08:00:00 +0000\r\nSubject: Notes\r\nContent-Type: text/html\r\n\r\n<html><body><p>First&nbsp;paragraph &amp; more.</p><p>Second<br>line</p></body></html>');
    const email = await decodeEml(eml, 'notes.eml');
    expect(email.bodyText).toBe('First paragraph & more.\nSecond\nline');
  });

  it('refuses a malformed email: no sender and no date', async () => {
    const p = await problemOf(decodeEml(utf8('Subject: hello\r\nX-Thing: 1\r\n\r\nbody'), 'bad.eml'));
    expect(p.code).toBe('malformed_email');
    expect(p.message).toContain('bad.eml');
  });

  it('refuses a malformed email: binary garbage in the headers', async () => {
    const bytes = new Uint8Array([...utf8('From: x@example.com\r\nDate: '), 0, 1, 2, 3, ...utf8('\r\n\r\nbody')]);
    expect((await problemOf(decodeEml(bytes, 'garbage.eml'))).code).toBe('malformed_email');
  });

  it('refuses a malformed email: MIME parts nested beyond reason', async () => {
    let body = 'leaf';
    for (let i = 0; i < 80; i++) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--`;
    const eml = utf8(`From: x@example.com\r\nDate: Mon, 2 Sep 2024 08:00:00 +0000\r\n${body}`);
    expect((await problemOf(decodeEml(eml, 'nested.eml'))).code).toBe('malformed_email');
  });

  it('parses RFC 2822 dates in the sender zone, with named zones and without seconds', () => {
    expect(parseRfc2822Date('Tue, 5 Mar 2024 23:59 EST')).toEqual({ iso: '2024-03-05T23:59:00-05:00', day: '2024-03-05' });
    expect(parseRfc2822Date('5 Mar 24 07:01:02 +0530')?.iso).toBe('2024-03-05T07:01:02+05:30');
    expect(parseRfc2822Date('not a date')).toBeNull();
  });

  it('is reached through decodeFile whatever the file is called', async () => {
    const decoded = await decodeFile(await emlWithPdf(), 'message.txt');
    expect(decoded.kind).toBe('eml');
  });
});

describe('.msg', () => {
  const spec = {
    subject: 'Re: IEP meeting',
    senderName: 'Jo Park',
    senderEmail: 'jpark@district.example.org',
    body: 'Dear Ms. Ruiz,\n\nThe meeting is confirmed for April 9.\n\nSincerely,\nJo Park',
    submitted: new Date('2024-04-03T02:30:00Z'),
    recipients: [
      { name: 'Ana Ruiz', email: 'ana@example.com', type: 'to' as const },
      { name: 'Lee Chan', email: 'lchan@district.example.org', type: 'cc' as const },
    ],
    attachments: [{ fileName: 'Meeting notice.pdf', mime: 'application/pdf', bytes: utf8('%PDF-1.4 stand-in') }],
  };

  it('gives the same fields as an .eml, with the UTC send time shown in the given zone', async () => {
    const email = decodeMsg(await makeMsg(spec), 'reply.msg', { timeZone: 'America/Chicago' });
    expect(email).toMatchObject({
      from: 'Jo Park <jpark@district.example.org>',
      to: 'Ana Ruiz <ana@example.com>',
      cc: 'Lee Chan <lchan@district.example.org>',
      subject: 'Re: IEP meeting',
      date: '2024-04-02T21:30:00-05:00',
      sentDate: '2024-04-02',
    });
    expect(email.attachments.map((a) => [a.fileName, a.contentType, Buffer.from(a.bytes).toString()])).toEqual([
      ['Meeting notice.pdf', 'application/pdf', '%PDF-1.4 stand-in'],
    ]);
    expect(email.pages[0].text).toContain('The meeting is confirmed');
    expect(decodeMsg(await makeMsg(spec), 'reply.msg', { timeZone: 'UTC' }).sentDate).toBe('2024-04-03');
  });

  it('refuses a damaged .msg', async () => {
    const bytes = await makeMsg(spec);
    const cut = bytes.slice(0, 700);
    let caught: unknown;
    try {
      decodeMsg(cut, 'cut.msg');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportProblem);
    expect((caught as ImportProblem).code).toBe('malformed_email');
  });
});

describe('htmlToText', () => {
  it('keeps list items and table cells apart and decodes numeric entities', () => {
    expect(htmlToText('<ul><li>One</li><li>Two</li></ul><table><tr><td>A</td><td>B</td></tr></table>&#8212;&#x41;')).toBe('- One\n- Two\nA B\n\n—A');
  });
});
