// Reading page content with pdf-lib: a page's content streams, inflated (natively when plain Flate).
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFContentStream, PDFName, type PDFObject, type PDFRawStream, type PDFStream, decodePDFRawStream } from 'pdf-lib';

/** A page's /Contents as a list: a single stream, an array of streams, or nothing. */
export function contentRefs(contents: PDFObject | undefined): PDFObject[] {
  if (contents instanceof PDFArray) return contents.asArray();
  return contents ? [contents] : [];
}

const FLATE = PDFName.of('FlateDecode');

/** A content stream's operators, inflated natively when plain Flate (nearly always), else by pdf-lib. */
export function decodedContent(stream: PDFStream): Uint8Array {
  if (stream instanceof PDFContentStream) return stream.getUnencodedContents();
  const raw = stream as PDFRawStream;
  const filter = raw.dict.get(PDFName.of('Filter'));
  const onlyFlate = filter === FLATE || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === FLATE);
  if (onlyFlate && !raw.dict.has(PDFName.of('DecodeParms'))) {
    try {
      return inflateSync(raw.contents);
    } catch {
      // A damaged stream: pdf-lib's decoder is more forgiving.
    }
  }
  if (!filter) return raw.contents;
  return decodePDFRawStream(raw).decode();
}
