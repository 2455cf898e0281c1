// An encrypted PDF is kept twice: the original untouched, and a decrypted working copy that every
// reader uses (text layer, OCR, the viewer, the packet), so none of them needs the password again
// and the password itself is never stored.
import { decryptPdf, isEncryptedPdf } from '../../pdf/decrypt';
import { problems } from './errors';
import { decodePdf } from './pdf';

/**
 * The decrypted working copy of an encrypted PDF, or null when the PDF is not encrypted. A file with
 * only an owner password opens with none. Throws ImportProblem: encrypted_pdf (a password is needed
 * and none was given), wrong_password, corrupt_pdf, or undecryptable_pdf (pdf.js opens it but it
 * cannot be decrypted into a copy: importing it anyway would leave pages nothing can read).
 */
export async function workingCopyOf(bytes: Uint8Array, fileName: string, password?: string): Promise<Uint8Array | null> {
  if (!(await isEncryptedPdf(bytes))) return null;
  let failure: unknown;
  // The password typed, then none: someone may type a password for a file that needs none.
  for (const attempt of new Set([password ?? '', ''])) {
    try {
      return await decryptPdf(bytes, attempt);
    } catch (e) {
      failure ??= e;
    }
  }
  // pdf.js says what is wrong in the words every PDF import uses (no password, a wrong one, damage).
  await decodePdf(bytes, fileName, password);
  throw problems.undecryptablePdf(fileName, failure);
}
