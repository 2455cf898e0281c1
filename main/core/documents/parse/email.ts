// Emails (.eml via postal-mime, Outlook .msg via msgreader): the message's own fields, its body
// rendered as page text, and its attachments, each to be imported as its own document.
import PostalMime from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import { createRequire } from 'node:module';
import type MsgReaderType from '@kenjiuno/msgreader';
import type { FieldsData } from '@kenjiuno/msgreader';
import type { PageContent } from '../../../../shared/domain';
import { isoDate } from '../../../../shared/text/dates';
import { problems } from './errors';
import { textToPages } from './text';

export interface EmailAttachment {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface ParsedEmail {
  from: string | null;
  to: string | null;
  cc: string | null;
  /** Sending time, ISO 8601 with the sender's UTC offset when the message states one ("2024-01-22T20:47:00-08:00"). */
  date: string | null;
  /** The calendar day the sender sent it, in the sender's own time zone where known ("2024-01-22"). */
  sentDate: string | null;
  subject: string | null;
  bodyText: string;
  attachments: EmailAttachment[];
  /** The message as page text: a header block, then the body. */
  pages: PageContent[];
}

export interface EmailOptions {
  /** IANA zone for .msg files, whose times are stored in UTC without the sender's offset. Defaults to this computer's zone. */
  timeZone?: string;
}

const MAX_NESTING = 50;

// msgreader is CommonJS with its class on `default`; require() finds it the same way under Node, tsx and vitest.
const require = createRequire(import.meta.url);
const MsgReader = (require('@kenjiuno/msgreader') as { default: typeof MsgReaderType }).default;

// ---------- .eml ----------

export async function decodeEml(bytes: Uint8Array, fileName: string): Promise<ParsedEmail> {
  if (bytes.length === 0) throw problems.emptyFile(fileName);
  const headEnd = Math.min(bytes.length, 64 * 1024);
  if (bytes.subarray(0, headEnd).includes(0)) throw problems.malformedEmail(fileName, 'it contains binary data where the message headers should be');
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { maxNestingDepth: MAX_NESTING, rfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw problems.malformedEmail(fileName, 'its structure is broken (the parts of the message cannot be separated)', error);
  }
  const rawDate = email.headers.find((h) => h.key === 'date')?.value ?? null;
  const hasSender = Boolean(email.from || email.sender);
  if (!hasSender && !rawDate) throw problems.malformedEmail(fileName, 'it has no sender and no date');
  const bodyText = (email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '').trim();
  const attachments: EmailAttachment[] = [];
  email.attachments.forEach((a, i) => {
    // Inline images referenced from the HTML are logos and signatures, not records.
    if (a.related && a.disposition !== 'attachment') return;
    const data = a.content;
    const bytesOf = typeof data === 'string' ? new TextEncoder().encode(data) : data instanceof Uint8Array ? data : new Uint8Array(data);
    attachments.push({ fileName: attachmentName(a.filename, a.mimeType, i + 1), contentType: a.mimeType, bytes: bytesOf });
  });
  const when = rawDate ? parseRfc2822Date(rawDate) : null;
  return assemble({
    from: formatAddresses(email.from ? [email.from] : email.sender ? [email.sender] : []),
    to: formatAddresses(email.to ?? []),
    cc: formatAddresses(email.cc ?? []),
    date: when?.iso ?? null,
    sentDate: when?.day ?? null,
    subject: email.subject?.trim() || null,
    bodyText,
    attachments,
  });
}

function formatAddresses(list: Address[]): string | null {
  const flat = list.flatMap((a) => (a.group ? a.group : [a]));
  const parts = flat.map((m) => (m.name && m.address ? `${m.name} <${m.address}>` : m.address || m.name)).filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = { UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

/** RFC 2822 "Mon, 22 Jan 2024 20:47:00 -0800": kept in the sender's zone, since the day they wrote is the day that counts. */
export function parseRfc2822Date(value: string): { iso: string; day: string } | null {
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(value);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  const day = isoDate(+m[3], month, +m[1]);
  if (!day) return null;
  let offsetMinutes: number | null = null;
  if (m[7] && /^[+-]\d{4}$/.test(m[7])) {
    const sign = m[7][0] === '-' ? -1 : 1;
    offsetMinutes = sign * (+m[7].slice(1, 3) * 60 + +m[7].slice(3, 5));
  } else if (m[7] && ZONES[m[7].toUpperCase()] !== undefined) offsetMinutes = ZONES[m[7].toUpperCase()];
  const time = `${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}`;
  return { iso: `${day}T${time}${offsetMinutes === null ? '' : formatOffset(offsetMinutes)}`, day };
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Readable text from an HTML-only message: block elements become line breaks, entities are decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|li|tr|table|blockquote)>/gi, '\n')
      .replace(/<(td|th)[^>]*>/gi, ' ')
      .replace(/<li[^>]*>/gi, '- ')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif', 'image/heic': 'heic',
  'message/rfc822': 'eml', 'text/plain': 'txt', 'application/vnd.ms-outlook': 'msg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx', 'application/zip': 'zip',
};

function attachmentName(name: string | null | undefined, contentType: string, n: number): string {
  // Path separators and control characters never belong in a name the store or a dialog will show.
  const clean = Array.from((name ?? '').replace(/[\\/]/g, '_'))
    .filter((ch) => ch.charCodeAt(0) >= 0x20)
    .join('')
    .trim();
  return clean || `attachment-${n}.${EXTENSIONS[contentType.toLowerCase()] ?? 'bin'}`;
}

// ---------- .msg ----------

export function decodeMsg(bytes: Uint8Array, fileName: string, options: EmailOptions = {}): ParsedEmail {
  if (bytes.length === 0) throw problems.emptyFile(fileName);
  let reader: MsgReaderType;
  let data: FieldsData;
  try {
    reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    data = reader.getFileData();
  } catch (error) {
    throw problems.malformedEmail(fileName, 'the Outlook file is damaged', error);
  }
  if (data.error || data.dataType !== 'msg') throw problems.malformedEmail(fileName, `the Outlook file is damaged (${data.error ?? 'not a message'})`);
  const recipients = data.recipients ?? [];
  const who = (r: FieldsData) => {
    const address = r.smtpAddress || (r.email && r.email.includes('@') ? r.email : undefined);
    return r.name && address && r.name !== address ? `${r.name} <${address}>` : address || r.name || null;
  };
  const list = (type: 'to' | 'cc') => recipients.filter((r) => (r.recipType ?? 'to') === type).map(who).filter(Boolean).join(', ') || null;
  const senderAddress = data.senderSmtpAddress || (data.senderEmail?.includes('@') ? data.senderEmail : undefined);
  const from = data.senderName && senderAddress && data.senderName !== senderAddress ? `${data.senderName} <${senderAddress}>` : senderAddress || data.senderName || null;
  // Prefer the transport Date header, which keeps the sender's offset; else the stored UTC time in the user's zone.
  const headerDate = data.headers ? /^Date:\s*(.+)$/im.exec(data.headers)?.[1] : undefined;
  const fromHeader = headerDate ? parseRfc2822Date(headerDate) : null;
  const utc = data.clientSubmitTime ?? data.messageDeliveryTime ?? data.creationTime;
  const when = fromHeader ?? (utc ? zonedDate(new Date(utc), options.timeZone) : null);
  const attachments: EmailAttachment[] = [];
  (data.attachments ?? []).forEach((a, i) => {
    if (a.attachmentHidden && a.pidContentId) return;
    try {
      const content = reader.getAttachment(a);
      const contentType = a.attachMimeTag || (a.innerMsgContent ? 'application/vnd.ms-outlook' : 'application/octet-stream');
      const name = a.innerMsgContent && !/\.msg$/i.test(content.fileName) ? `${content.fileName || 'attached message'}.msg` : content.fileName;
      attachments.push({ fileName: attachmentName(name || a.fileName || a.name, contentType, i + 1), contentType, bytes: content.content });
    } catch {
      // One unreadable attachment must not sink the message; the rest are still imported.
    }
  });
  if (!from && !when && !data.subject && !data.body) throw problems.malformedEmail(fileName, 'it has no sender, date, subject or text');
  return assemble({
    from,
    to: list('to'),
    cc: list('cc'),
    date: when?.iso ?? null,
    sentDate: when?.day ?? null,
    subject: data.subject?.trim() || null,
    bodyText: (data.body?.trim() ? data.body : data.bodyHtml ? htmlToText(data.bodyHtml) : '').trim(),
    attachments,
  });
}

function zonedDate(d: Date, timeZone?: string): { iso: string; day: string } | null {
  if (Number.isNaN(d.getTime())) return null;
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offset = Math.round((local - d.getTime()) / 60000);
  return { iso: `${day}T${parts.hour}:${parts.minute}:${parts.second}${formatOffset(offset)}`, day };
}

// ---------- both ----------

function assemble(fields: Omit<ParsedEmail, 'pages'>): ParsedEmail {
  const header = [
    fields.from && `From: ${fields.from}`,
    fields.to && `To: ${fields.to}`,
    fields.cc && `Cc: ${fields.cc}`,
    // A space, not ISO's 'T', so date finders that need a word boundary see the day.
    fields.date && `Date: ${fields.date.replace('T', ' ')}`,
    fields.subject && `Subject: ${fields.subject}`,
    fields.attachments.length > 0 && `Attachments: ${fields.attachments.map((a) => a.fileName).join(', ')}`,
  ].filter(Boolean);
  const pages = textToPages(`${header.join('\n')}\n\n${fields.bodyText}`);
  return { ...fields, pages };
}
