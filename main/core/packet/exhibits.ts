// Every exhibit enters the packet as PDF pages: PDFs as they are (an encrypted one as its decrypted
// working copy); photos and scans placed on pages of their size; emails, Word files and text set as
// pages of text. The stored original is only read.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import type { PageContent } from '../../../shared/domain';
import type { Core } from '../context';
import { readableSha, type DocumentRow } from '../db/queries/documents';
import { decodeImage, type ImageKind } from '../documents/parse/images';
import { noReadableCopy } from '../documents/working-copy';
import { isEncryptedPdf } from '../pdf/decrypt';

const IMAGE_FORMATS = new Set(['jpeg', 'png', 'tiff', 'heic']);

export async function pdfFromDocument(core: Core, doc: DocumentRow, pages: PageContent[]): Promise<Uint8Array> {
  const bytes = core.blobs.get(readableSha(doc));
  if (doc.format === 'pdf') {
    // Copied as it is, an encrypted file's pages would be ciphertext: blank but for the Bates stamp.
    if (!doc.working_sha256 && (await isEncryptedPdf(bytes))) throw noReadableCopy(doc);
    return new Uint8Array(bytes);
  }
  const out = await PDFDocument.create();
  if (IMAGE_FORMATS.has(doc.format)) {
    for (const im of await decodeImage(bytes, doc.file_name, doc.format as ImageKind)) {
      const jpeg = await sharp(im.png).jpeg({ quality: 85 }).toBuffer();
      const img = await out.embedJpg(jpeg);
      const page = out.addPage([im.widthPt, im.heightPt]);
      page.drawImage(img, { x: 0, y: 0, width: im.widthPt, height: im.heightPt });
    }
    return out.save();
  }
  const font = await out.embedFont(StandardFonts.Courier);
  for (const p of pages) {
    const page = out.addPage([p.width || 612, p.height || 792]);
    for (const w of p.words) {
      const size = Math.max(6, Math.min(12, (w.bbox[3] - w.bbox[1]) * 0.8));
      const text = w.text.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');
      page.drawText(text, { x: w.bbox[0], y: page.getHeight() - w.bbox[3] + size * 0.2, size, font });
    }
  }
  if (out.getPageCount() === 0) out.addPage([612, 792]);
  return out.save();
}
