// Builds real files for the document tests: PDFs (pdf-lib), images (sharp), multi-page TIFF (utif2),
// Word files (docx), zips (fflate). Nothing here is mocked; every file is opened back by the code under test.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import UTIF from 'utif2';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { zipSync, type Zippable } from 'fflate';
import { crc32 } from 'node:zlib';

/** One line of text on a page: [x, yFromTop, text, size?]. */
export type PdfLine = [number, number, string, number?];

/** A PDF whose pages hold the given lines (text layer), or nothing when a page is null (image-only stand-in). */
export async function makePdf(pages: Array<PdfLine[] | null>, options: { image?: Uint8Array } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    if (lines === null) {
      if (options.image) {
        const png = await doc.embedPng(options.image);
        page.drawImage(png, { x: 36, y: 36, width: 540, height: 720 });
      }
      continue;
    }
    for (const [x, y, text, size = 10] of lines) page.drawText(text, { x, y: 792 - y, size, font });
  }
  // pdf-lib adds a blank page to a page-less document unless told not to; the tests need the real thing.
  return doc.save({ addDefaultPage: false });
}

/** Text as a one-column letter page: each line 14 pt below the last. */
export function textLines(text: string, x = 72, top = 72, pitch = 14): PdfLine[] {
  return text.split('\n').map((line, i) => [x, top + i * pitch, line] as PdfLine).filter(([, , t]) => t.trim() !== '');
}

/** A grey page with black bars, like a scan with no text layer. */
export async function makePng(width: number, height: number, options: { density?: number } = {}): Promise<Buffer> {
  const bars = Array.from({ length: 8 }, (_, i) => ({
    input: { create: { width: Math.max(1, Math.floor(width * 0.7)), height: Math.max(1, Math.floor(height / 40)), channels: 3 as const, background: '#000000' } },
    top: Math.floor(((i + 1) * height) / 10),
    left: Math.floor(width * 0.1),
  }));
  let img = sharp({ create: { width, height, channels: 3, background: '#eeeeee' } }).composite(bars);
  if (options.density) img = img.withMetadata({ density: options.density });
  return img.png().toBuffer();
}

export async function makeJpeg(width: number, height: number, options: { orientation?: number } = {}): Promise<Buffer> {
  let img = sharp(await makePng(width, height));
  if (options.orientation) img = img.withMetadata({ orientation: options.orientation });
  return img.jpeg({ quality: 80 }).toBuffer();
}

/** A multi-page TIFF (uncompressed RGBA pages) written by utif2. */
export async function makeTiff(sizes: Array<[number, number]>, dpi = 200): Promise<Uint8Array> {
  const ifds: UTIF.IFD[] = [];
  const datas: Uint8Array[] = [];
  for (const [w, h] of sizes) {
    const rgba = await sharp(await makePng(w, h)).ensureAlpha().raw().toBuffer();
    datas.push(new Uint8Array(rgba));
    ifds.push({
      t256: [w], t257: [h], t258: [8, 8, 8, 8], t259: [1], t262: [2], t273: [0], t277: [4], t278: [h], t279: [rgba.length],
      t282: [[dpi, 1]], t283: [[dpi, 1]], t284: [1], t286: [[0, 1]], t287: [[0, 1]], t296: [2], t305: ['casefile-tests'], t338: [1],
    } as unknown as UTIF.IFD);
  }
  // utif2.encode writes the IFDs; image data goes after them, so patch StripOffsets once the layout is known.
  let encoded = new Uint8Array(UTIF.encode(ifds));
  let offset = encoded.length;
  for (let i = 0; i < ifds.length; i++) {
    (ifds[i] as unknown as Record<string, number[]>).t273 = [offset];
    offset += datas[i].length;
  }
  encoded = new Uint8Array(UTIF.encode(ifds));
  const out = new Uint8Array(offset);
  out.set(encoded, 0);
  let at = encoded.length;
  for (const d of datas) {
    out.set(d, at);
    at += d.length;
  }
  return out;
}

/** A PNG whose header claims width x height but holds almost no data: enough for a decoder to size it. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData) >>> 0);
    return Buffer.concat([len, typeAndData, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
  return Packer.toBuffer(doc);
}

export function makeZip(files: Zippable): Uint8Array {
  return zipSync(files, { level: 6 });
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

export interface MsgSpec {
  subject: string;
  senderName: string;
  senderEmail: string;
  body: string;
  /** UTC time the message was submitted (PidTagClientSubmitTime). */
  submitted: Date;
  recipients: Array<{ name: string; email: string; type: 'to' | 'cc' }>;
  attachments: Array<{ fileName: string; mime: string; bytes: Uint8Array }>;
}

/** An Outlook .msg (CFBF with MAPI property streams, per MS-OXMSG), written with msgreader's own CFBF burner. */
export async function makeMsg(spec: MsgSpec): Promise<Uint8Array> {
  const { burn } = await import('@kenjiuno/msgreader/lib/Burner');
  type Entry = Parameters<typeof burn>[0][number];
  const entries: Entry[] = [{ name: 'Root Entry', type: 5, length: 0, children: [] }];
  const add = (parent: number, entry: Entry) => {
    entries.push(entry);
    entries[parent].children!.push(entries.length - 1);
    return entries.length - 1;
  };
  const stream = (parent: number, name: string, data: Uint8Array) =>
    add(parent, { name, type: 2, length: data.length, binaryProvider: () => data });
  const unicode = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
  const props = (headerBytes: number, list: Array<[number, Uint8Array]>) => {
    const out = Buffer.alloc(headerBytes + 16 * list.length);
    list.forEach(([tag, value], i) => {
      out.writeUInt32LE(tag >>> 0, headerBytes + i * 16);
      out.writeUInt32LE(6, headerBytes + i * 16 + 4);
      Buffer.from(value).copy(out, headerBytes + i * 16 + 8);
    });
    return new Uint8Array(out);
  };
  const int32 = (n: number) => {
    const b = Buffer.alloc(8);
    b.writeInt32LE(n);
    return new Uint8Array(b);
  };
  const filetime = (d: Date) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE((BigInt(d.getTime()) + 11644473600000n) * 10000n);
    return new Uint8Array(b);
  };
  stream(0, '__substg1.0_0037001F', unicode(spec.subject));
  stream(0, '__substg1.0_0C1A001F', unicode(spec.senderName));
  stream(0, '__substg1.0_0C1F001F', unicode(spec.senderEmail));
  stream(0, '__substg1.0_1000001F', unicode(spec.body));
  stream(0, '__properties_version1.0', props(32, [[0x00390040, filetime(spec.submitted)]]));
  spec.recipients.forEach((r, i) => {
    const dir = add(0, { name: `__recip_version1.0_#${String(i).padStart(8, '0')}`, type: 1, length: 0, children: [] });
    stream(dir, '__substg1.0_3001001F', unicode(r.name));
    stream(dir, '__substg1.0_39FE001F', unicode(r.email));
    stream(dir, '__properties_version1.0', props(8, [[0x0c150003, int32(r.type === 'to' ? 1 : 2)]]));
  });
  spec.attachments.forEach((a, i) => {
    const dir = add(0, { name: `__attach_version1.0_#${String(i).padStart(8, '0')}`, type: 1, length: 0, children: [] });
    stream(dir, '__substg1.0_3707001F', unicode(a.fileName));
    stream(dir, '__substg1.0_370E001F', unicode(a.mime));
    stream(dir, '__substg1.0_37010102', a.bytes);
    stream(dir, '__properties_version1.0', props(8, []));
  });
  return burn(entries);
}
