// PDFs: the text layer page by page, which pages need OCR (scanned or mixed PDFs),
// and plain-words failures for damaged, password-protected and empty PDFs.
import type { PageContent } from '../../../../shared/domain';
import { readPdfText } from '../pdf-text';
import { problems } from './errors';

export interface DecodedPdf {
  pageCount: number;
  /** One entry per page. Pages listed in `pagesNeedingOcr` carry whatever thin text layer they had (often none). */
  pages: PageContent[];
  /** 1-based pages whose text must come from OCR of the rendered page. */
  pagesNeedingOcr: number[];
  /** Whether the file was encrypted (opened with the password given). */
  encrypted: boolean;
}

/** pdf.js PasswordException codes: 1 = a password is needed, 2 = the one given is wrong. */
const NEED_PASSWORD = 1;
const INCORRECT_PASSWORD = 2;

interface PdfJsError {
  name?: string;
  code?: number;
}

/**
 * Reads a PDF's text layer and decides, page by page, text layer versus OCR.
 * Throws ImportProblem: encrypted_pdf (no password given), wrong_password, corrupt_pdf, pdf_no_pages, empty_file.
 */
export async function decodePdf(bytes: Uint8Array, fileName: string, password?: string, handOver = false): Promise<DecodedPdf> {
  if (bytes.length === 0) throw problems.emptyFile(fileName);
  const withPassword = password !== undefined && password !== '';
  let result: Awaited<ReturnType<typeof readPdfText>>;
  try {
    // The bytes are needed again below only to check a password's encryption.
    result = await readPdfText(bytes, password, handOver && !withPassword, { readingOrder: true });
  } catch (error) {
    const e = error as PdfJsError;
    if (e?.name === 'PasswordException') {
      if (e.code === INCORRECT_PASSWORD && password) throw problems.wrongPassword(fileName);
      if (e.code === NEED_PASSWORD || e.code === INCORRECT_PASSWORD) throw problems.encryptedPdf(fileName);
    }
    throw problems.corruptPdf(fileName, error);
  }
  const { pages, pagesWithoutText } = result;
  if (pages.length === 0) throw problems.pdfNoPages(fileName);
  const pagesNeedingOcr = pages.filter((p) => needsOcr(p, pagesWithoutText)).map((p) => p.pageNumber);
  return { pageCount: pages.length, pages, pagesNeedingOcr, encrypted: withPassword ? await isEncrypted(bytes) : false };
}

/**
 * A page needs OCR when its text layer is (nearly) empty, or when the "text" is mostly
 * characters without a Unicode mapping, as some scanners' invisible layers or broken fonts produce.
 */
function needsOcr(page: PageContent, pagesWithoutText: number[]): boolean {
  if (pagesWithoutText.includes(page.pageNumber)) return true;
  const visible = page.text.replace(/\s/g, '');
  const readable = visible.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return visible.length > 0 && readable / visible.length < 0.4;
}

async function isEncrypted(bytes: Uint8Array): Promise<boolean> {
  try {
    // pdf-lib loads only for a PDF opened with a password, the one case that asks this.
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return doc.isEncrypted;
  } catch {
    return true;
  }
}
