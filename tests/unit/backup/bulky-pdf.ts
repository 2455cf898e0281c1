// A real PDF of any size: one page of text and, as an object no page draws, `mb` megabytes of random
// bytes (nothing compresses them), the way a scanned original is large. For the archive's streaming
// test and bench/archive-memory.ts.
import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function bulkyPdf(mb: number, title = 'Prior Written Notice'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText(`${title}\nThe district proposes a change of placement.\nDate: March 4, 2024`, { x: 72, y: 700, size: 12, font, lineHeight: 16 });
  doc.context.register(doc.context.stream(randomBytes(mb * 2 ** 20)));
  return doc.save({ useObjectStreams: false });
}
