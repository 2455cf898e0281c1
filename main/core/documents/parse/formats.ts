// One entry point for the import pipeline: sniff the bytes, then hand them to the right decoder.
// Every failure is an ImportProblem naming the file and saying what to do.
// Each decoder (and the package it wraps: pdf.js, sharp, mammoth, the email parsers, yauzl) is
// imported when the first file of its kind arrives, so a PDF import never loads the email readers.
import type { PageContent } from '../../../../shared/domain';
import type { EmailOptions, ParsedEmail } from './email';
import { problems } from './errors';
import type { ImageDecodeOptions, PageImage } from './images';
import type { DecodedPdf } from './pdf';
import { sniffDetailed, type FileKind } from './sniff';
import { decodePlainText } from './text';
import type { ZipExtraction, ZipLimits } from './zip';

export type DecodedFile =
  | { kind: 'pdf'; pdf: DecodedPdf }
  | { kind: 'jpeg' | 'png' | 'tiff' | 'heic'; images: PageImage[] }
  | { kind: 'eml' | 'msg'; email: ParsedEmail }
  | { kind: 'docx' | 'text'; text: string; pages: PageContent[] }
  | { kind: 'zip'; zip: ZipExtraction };

export interface DecodeOptions extends ImageDecodeOptions, EmailOptions {
  /** The caller is done with the bytes: a PDF decoder may take them rather than copy them (they are detached). */
  handOver?: boolean;
  /** For password-protected PDFs, once the user has typed it. */
  password?: string;
  zipLimits?: Partial<ZipLimits>;
}

/** The kinds a document can be made of (a zip is a container, an executable never imports). */
export type ImportableKind = Exclude<FileKind, 'executable' | 'unknown'>;

/**
 * Decodes any file a family hands over. Throws ImportProblem for empty files, programs,
 * unsupported kinds and each decoder's own failures.
 */
export async function decodeFile(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): Promise<DecodedFile> {
  if (bytes.length === 0) throw problems.emptyFile(fileName);
  const sniffed = sniffDetailed(bytes);
  switch (sniffed.kind) {
    case 'executable':
      throw problems.executable(fileName);
    case 'unknown':
      throw problems.unsupportedType(fileName, sniffed.description ?? undefined);
    case 'pdf':
      return { kind: 'pdf', pdf: await (await import('./pdf')).decodePdf(bytes, fileName, options.password, options.handOver) };
    case 'jpeg':
    case 'png':
    case 'tiff':
    case 'heic':
      return { kind: sniffed.kind, images: await (await import('./images')).decodeImage(bytes, fileName, sniffed.kind, options) };
    case 'eml':
      return { kind: 'eml', email: await (await import('./email')).decodeEml(bytes, fileName) };
    case 'msg':
      return { kind: 'msg', email: (await import('./email')).decodeMsg(bytes, fileName, options) };
    case 'docx': {
      const docx = await (await import('./docx')).decodeDocx(bytes, fileName);
      return { kind: 'docx', text: docx.text, pages: docx.pages };
    }
    case 'text': {
      const text = decodePlainText(bytes, fileName);
      return { kind: 'text', text: text.text, pages: text.pages };
    }
    case 'zip':
      return { kind: 'zip', zip: await (await import('./zip')).extractZip(bytes, fileName, options.zipLimits) };
  }
}
