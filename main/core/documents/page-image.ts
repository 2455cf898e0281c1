// Page images for the viewer and thumbnails: PDFs rendered by pdf.js (an encrypted one from its
// decrypted working copy), photos and scans as they are.
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { documentQueries, readableSha } from '../db/queries/documents';
import { decodeImage, type ImageKind } from './parse/images';
import { openPdfForRendering } from './render';
import { isPasswordError, noReadableCopy } from './working-copy';

const IMAGE_FORMATS = new Set(['jpeg', 'png', 'tiff', 'heic']);

/** PNG of one page, about `widthPx` wide. Text-only formats (email, Word, text) have no image. */
export async function pageImage(core: Core, documentId: string, page: number, widthPx: number): Promise<Buffer | null> {
  const doc = documentQueries(core.db).get(documentId);
  if (!doc) throw new AppError('not_found', `No document with id ${documentId}.`);
  if (page < 1 || page > doc.page_count) throw new AppError('not_found', `${doc.file_name} has no page ${page}.`);
  const bytes = core.blobs.get(readableSha(doc));
  if (doc.format === 'pdf') {
    const src = await openPdfForRendering(bytes).catch((e: unknown) => {
      throw isPasswordError(e) ? noReadableCopy(doc) : e;
    });
    try {
      const size = await src.size(page);
      const dpi = Math.max(24, Math.min(300, (widthPx / Math.max(1, size.widthPt)) * 72));
      return (await src.render(page, dpi)).png;
    } finally {
      await src.close();
    }
  }
  if (IMAGE_FORMATS.has(doc.format)) {
    const images = await decodeImage(bytes, doc.file_name, doc.format as ImageKind);
    const im = images.find((i) => i.pageNumber === page);
    if (!im) return null;
    return sharp(im.png).resize({ width: Math.min(widthPx, im.width) }).png().toBuffer();
  }
  return null;
}

/** The original bytes with the name they were imported under. */
export function originalFile(core: Core, documentId: string): { bytes: Buffer; fileName: string; format: string } {
  const doc = documentQueries(core.db).get(documentId);
  if (!doc) throw new AppError('not_found', `No document with id ${documentId}.`);
  return { bytes: core.blobs.get(doc.sha256), fileName: doc.file_name, format: doc.format };
}
