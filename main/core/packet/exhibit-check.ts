// Before anything is laid out, every exhibit page the packet will copy is checked to be drawable from
// the file given. An encrypted file's streams are ciphertext (pdf-lib copies them as they are), a page
// may be missing, or its content may not decode: each would come out blank but for its Bates stamp.
// The build refuses instead, naming the exhibit, its document and the page.
import { PDFDocument, PDFStream, type LoadOptions } from 'pdf-lib';
import { contentRefs, decodedContent } from '../pdf/content-streams';
import type { PacketExhibit } from './types';

export class UnreadableExhibitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableExhibitError';
  }
}

const exhibitName = (label: string, exhibit: PacketExhibit) => `Exhibit ${label} ("${exhibit.fileName ?? exhibit.description}")`;

const encrypted = (name: string) =>
  new UnreadableExhibitError(`${name} is an encrypted PDF: its pages would be copied unreadable and show blank, so the packet was not built. Import the file again with its password, or leave it out.`);

/**
 * Loads an exhibit's PDF, refusing by name one that is encrypted or cannot be read. ignoreEncryption
 * lets an encrypted file load so that it is named here: copied, its pages would be ciphertext.
 */
export async function loadExhibitPdf(exhibit: PacketExhibit, label: string, options: LoadOptions): Promise<PDFDocument> {
  const name = exhibitName(label, exhibit);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(exhibit.pdfBytes, { ...options, ignoreEncryption: true });
    doc.getPageCount(); // an encrypted file's object streams are ciphertext: its pages cannot even be found
  } catch (e) {
    if (Buffer.from(exhibit.pdfBytes.buffer, exhibit.pdfBytes.byteOffset, exhibit.pdfBytes.byteLength).includes('/Encrypt')) throw encrypted(name);
    throw new UnreadableExhibitError(`${name} cannot be read as a PDF (${(e as Error).message}), so the packet was not built.`);
  }
  if (doc.isEncrypted) throw encrypted(name);
  return doc;
}

/** Throws UnreadableExhibitError for the first page of `pages` (1-based) that cannot be copied with its content. */
export function checkExhibitPages(source: PDFDocument, exhibit: PacketExhibit, label: string, pages: number[]): void {
  const name = exhibitName(label, exhibit);
  const all = source.getPages();
  for (const n of pages) {
    const page = all[n - 1];
    if (!page) throw new UnreadableExhibitError(`${name}, page ${n}: the file has no such page, so the packet was not built.`);
    for (const part of contentRefs(page.node.Contents())) {
      const stream = source.context.lookup(part);
      let problem: string | null = stream instanceof PDFStream ? null : 'its content is missing from the file';
      if (!problem) {
        try {
          decodedContent(stream as PDFStream);
        } catch (e) {
          problem = `its content cannot be decoded (${(e as Error).message})`;
        }
      }
      if (problem) throw new UnreadableExhibitError(`${name}, page ${n}: ${problem}; it would show blank, so the packet was not built. Leave the page out or import a good copy of the file.`);
    }
  }
}
