// Decides what a file is from its bytes alone: a family's "report.pdf" may be a phone photo,
// and a renamed program must never be treated as a document. The file name is used only in messages.

export const FILE_KINDS = [
  'pdf', 'jpeg', 'png', 'tiff', 'heic', 'eml', 'msg', 'docx', 'zip', 'text', 'executable', 'unknown',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface SniffResult {
  kind: FileKind;
  /** For 'unknown' (and 'executable'): what the bytes look like, in words for a message ("a legacy Word file (.doc)"). */
  description: string | null;
  /** For 'text': the encoding the bytes decode with. */
  textEncoding?: TextEncodingName;
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const startsWith = (b: Uint8Array, sig: number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const MACHO = [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]];

/** The kind of file, judged by content. `fileName` never changes the answer. */
export function sniff(bytes: Uint8Array, _fileName = ''): FileKind {
  return sniffDetailed(bytes).kind;
}

export function sniffDetailed(bytes: Uint8Array): SniffResult {
  const b = bytes;
  const found = (kind: FileKind, description: string | null = null): SniffResult => ({ kind, description });
  if (b.length === 0) return found('unknown', 'an empty file');

  if (startsWith(b, [0x4d, 0x5a])) return found('executable', 'a Windows program (.exe/.dll)');
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return found('executable', 'a Linux program (ELF)');
  if (MACHO.some((sig) => startsWith(b, sig))) return found('executable', 'a macOS program (Mach-O)');
  if (startsWith(b, [0x00, 0x61, 0x73, 0x6d])) return found('executable', 'a WebAssembly program');
  if (startsWith(skipBom(b), [0x23, 0x21])) return found('executable', 'a script (#!)');

  if (startsWith(b, PDF_HEADER)) return found('pdf');
  // Containers before any rule that looks inside the bytes: a zip whose members are stored
  // uncompressed (Python's and many scanners' default) or an Outlook message with a PDF attached
  // holds a member's "%PDF-" in its first kilobyte, and must still open as the container it is.
  if (startsWith(b, ZIP_LOCAL) || startsWith(b, ZIP_EMPTY)) return sniffZip(b);
  if (startsWith(b, OLE_SIGNATURE)) return sniffOle(b);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return found('jpeg');
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return found('png');
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return found('tiff');
  if (startsWith(b, [0x49, 0x49, 0x2b, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2b])) return found('tiff');
  if (ascii(b, 4, 8) === 'ftyp') {
    const brands = [ascii(b, 8, 12)];
    const boxSize = (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
    for (let at = 16; at + 4 <= Math.min(boxSize, 64, b.length); at += 4) brands.push(ascii(b, at, at + 4));
    if (brands.some((x) => HEIF_BRANDS.has(x)) && !brands.includes('avif')) return found('heic');
    return found('unknown', brands.includes('avif') ? 'an AVIF image' : 'a video or other media file');
  }
  if (startsWith(b, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return found('unknown', 'a Rich Text (.rtf) document');
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return found('unknown', 'a GIF image');
  if (startsWith(b, [0x42, 0x4d]) && b.length > 26 && ascii(b, 6, 10) === '\0\0\0\0') return found('unknown', 'a BMP image');
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && ascii(b, 8, 12) === 'WEBP') return found('unknown', 'a WebP image');
  if (startsWith(b, [0x1f, 0x8b]) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(b, [0x52, 0x61, 0x72, 0x21])) {
    return found('unknown', 'a compressed archive other than zip (gzip, 7z or rar)');
  }
  // PDF readers accept up to 1 KB of junk before the header; so do we, but only once no signature
  // at a fixed place has claimed the file (a photo's EXIF comment may quote "%PDF-" too).
  if (indexOfAscii(b, '%PDF-', 0, 1024) >= 0) return found('pdf');

  const encoding = textEncodingOf(b);
  if (encoding) {
    const head = decodeText(b.subarray(0, 64 * 1024), encoding);
    if (looksLikeEmail(head)) return { kind: 'eml', description: null, textEncoding: encoding };
    return { kind: 'text', description: null, textEncoding: encoding };
  }
  return found('unknown', 'a kind of file this app does not read');
}

function sniffOle(b: Uint8Array): SniffResult {
  // Outlook messages are OLE compound files whose streams are named __substg1.0_XXXXYYYY.
  if (indexOfUtf16le(b, '__substg1.0_') >= 0) return { kind: 'msg', description: null };
  if (indexOfUtf16le(b, 'WordDocument') >= 0) return { kind: 'unknown', description: 'a legacy Word document (.doc)' };
  if (indexOfUtf16le(b, 'Workbook') >= 0) return { kind: 'unknown', description: 'a legacy Excel workbook (.xls)' };
  return { kind: 'unknown', description: 'a legacy Microsoft Office file' };
}

function skipBom(b: Uint8Array): Uint8Array {
  return startsWith(b, [0xef, 0xbb, 0xbf]) ? b.subarray(3) : b;
}

function indexOfAscii(b: Uint8Array, needle: string, from = 0, to = b.length): number {
  const end = Math.min(to, b.length) - needle.length;
  outer: for (let i = from; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

function indexOfUtf16le(b: Uint8Array, needle: string): number {
  const pattern = Buffer.from(needle, 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(pattern);
}

export interface ZipDirectoryEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** Entries of the zip central directory, read without inflating anything; null when the directory is unreadable. */
export function zipCentralDirectory(b: Uint8Array, limit = 20_000): ZipDirectoryEntry[] | null {
  if (b.length < 22) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipDirectoryEntry[] = [];
  for (let n = 0; n < Math.min(count, limit); n++) {
    if (at + 46 > b.length || view.getUint32(at, true) !== 0x02014b50) return entries.length ? entries : null;
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    entries.push({
      name: Buffer.from(b.subarray(at + 46, at + 46 + nameLen)).toString('utf8'),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function sniffZip(b: Uint8Array): SniffResult {
  const names = zipCentralDirectory(b)?.map((e) => e.name) ?? firstLocalName(b);
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has('word/document.xml')) return { kind: 'docx', description: null };
  if (has('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('xl/'))) return { kind: 'unknown', description: 'an Excel workbook (.xlsx)' };
    if (names.some((n) => n.startsWith('ppt/'))) return { kind: 'unknown', description: 'a PowerPoint presentation (.pptx)' };
    return { kind: 'unknown', description: 'a Microsoft Office file other than a Word document' };
  }
  if (has('mimetype') && has('META-INF/manifest.xml')) return { kind: 'unknown', description: 'an OpenDocument file (.odt/.ods)' };
  return { kind: 'zip', description: null };
}

function firstLocalName(b: Uint8Array): string[] {
  if (b.length < 30) return [];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const nameLen = view.getUint16(26, true);
  return [Buffer.from(b.subarray(30, 30 + nameLen)).toString('utf8')];
}

/** The encoding under which the bytes are plain text, or null for binary data. */
export function textEncodingOf(b: Uint8Array): TextEncodingName | null {
  if (startsWith(b, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(b, [0xfe, 0xff])) return 'utf-16be';
  let controls = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0) return null;
    // Tab, LF, FF, CR and ESC-free text only; a few stray controls are tolerated in long files.
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) controls++;
  }
  if (controls > Math.max(2, b.length / 1000)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return 'utf-8';
  } catch {
    // Not UTF-8: Windows Notepad and old mail programs write Windows-1252. Accept it when most is ASCII
    // and no byte is one that Windows-1252 leaves undefined (binary data hits those quickly).
    let high = 0;
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0x81 || b[i] === 0x8d || b[i] === 0x8f || b[i] === 0x90 || b[i] === 0x9d) return null;
      if (b[i] >= 0x80) high++;
    }
    return high <= b.length * 0.3 ? 'windows-1252' : null;
  }
}

// Windows-1252 differs from Latin-1 in 0x80-0x9F (curly quotes, dashes, euro); some Node builds decode it as Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeText(b: Uint8Array, encoding: TextEncodingName): string {
  const text =
    encoding === 'windows-1252'
      ? Array.from(b, (c) => (c >= 0x80 && c <= 0x9f ? CP1252_HIGH[c - 0x80] : String.fromCharCode(c))).join('')
      : new TextDecoder(encoding).decode(b);
  return text.replace(/^\uFEFF/, '');
}

const HEADER_LINE = /^[!-9;-~]+:[ \t]?.*$/;
const KNOWN_EMAIL_HEADERS = /^(from|to|cc|subject|date|message-id|received|return-path|mime-version|content-type|reply-to|sender|delivered-to|x-[\w-]+):/i;

/**
 * RFC 822: the file starts with a block of "Name: value" header lines (folded lines indented), with
 * a transport header (Received, Message-ID, MIME-Version...) or a From carrying an address. A typed memo
 * with "To:/From:/Re:" lines and no addresses stays text.
 */
export function looksLikeEmail(text: string): boolean {
  const lines = text.replace(/^From [^\n]*\n/, '').split(/\r?\n/);
  let known = 0;
  let transport = false;
  let headerLines = 0;
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (headerLines === 0) return false;
      continue;
    }
    if (!HEADER_LINE.test(line)) return false;
    headerLines++;
    if (KNOWN_EMAIL_HEADERS.test(line)) known++;
    if (/^(received|message-id|mime-version|return-path|delivered-to|content-type|x-[\w-]+):/i.test(line)) transport = true;
    if (/^(from|sender|reply-to):.*@/i.test(line)) transport = true;
    if (headerLines > 500) break;
  }
  return headerLines >= 2 && known >= 2 && transport;
}
