// Decrypted copies of encrypted PDFs. pdf.js opens an encrypted file with its password but only to
// read it; pdf-lib, which finds scan images for OCR and copies exhibit pages into the packet,
// cannot decrypt at all (with ignoreEncryption it copies the ciphertext, which shows as a blank
// page). @cantoo/pdf-lib, a maintained MIT fork of pdf-lib, decrypts every standard security
// handler (RC4 40/128, AES-128, AES-256) in plain JavaScript, so no qpdf is needed on the user's
// machine. It is loaded only when an encrypted PDF arrives, and pdf-lib only when a file names /Encrypt.

const ENCRYPT_KEY = Buffer.from('/Encrypt');

/**
 * Whether a PDF is encrypted, with a user password or only an owner password (district portals
 * send those: they open without a password but their content is still encrypted). The trailer
 * names its /Encrypt dictionary in the clear, so a plain file costs one byte search.
 */
export async function isEncryptedPdf(bytes: Uint8Array): Promise<boolean> {
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(ENCRYPT_KEY) < 0) return false;
  try {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    return doc.isEncrypted;
  } catch {
    return false; // damaged: pdf.js, which reads it next, says what is wrong
  }
}

/**
 * The same document with its encryption removed: every string and stream in the clear, nothing else
 * changed (no metadata update, form appearances and XFA left as they are). `password` is the user or
 * the owner password; '' opens a file that has only an owner password. Throws when it does not open.
 */
export async function decryptPdf(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const lib = await import('@cantoo/pdf-lib');
  const doc = await lib.PDFDocument.load(bytes, { password, updateMetadata: false, preserveXFA: true });
  // The parser keeps the file's own cross-reference and object streams as objects (their contents are
  // parsed into the document too) and the security handler's dictionary. Written out, a stale
  // cross-reference stream still names /Encrypt, and pdf-lib, reading the copy, would take the copy
  // for encrypted. The writer makes its own cross-reference table, so none of them is needed.
  const TYPE = lib.PDFName.of('Type');
  const stale = new Set([lib.PDFName.of('XRef'), lib.PDFName.of('ObjStm')]);
  const securityKeys = ['Filter', 'O', 'U', 'P'].map((k) => lib.PDFName.of(k));
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    const leftover =
      (object instanceof lib.PDFRawStream && stale.has(object.dict.lookup(TYPE) as never)) ||
      (object instanceof lib.PDFDict && securityKeys.every((k) => object.has(k))) ||
      (object instanceof lib.PDFInvalidObject && /\/Type\s*\/XRef\b/.test(invalidObjectText(object)));
    if (leftover) doc.context.delete(ref);
  }
  // The trailer's /Size follows the highest object number left.
  doc.context.largestObjectNumber = doc.context.enumerateIndirectObjects().reduce((most, [ref]) => Math.max(most, ref.objectNumber), 0);
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/** The start of an object the parser could not read, as text. */
function invalidObjectText(object: { sizeInBytes(): number; copyBytesInto(buffer: Uint8Array, offset: number): number }): string {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return Buffer.from(bytes.subarray(0, 512)).toString('latin1');
}
