// The one error the parsers throw for bad input: a code the pipeline and UI can act on,
// and a message a parent or advocate can read (what is wrong with which file, what to do).

export const IMPORT_PROBLEM_CODES = [
  'empty_file',
  'corrupt_pdf',
  'encrypted_pdf',
  'wrong_password',
  'undecryptable_pdf',
  'pdf_no_pages',
  'image_too_large',
  'corrupt_image',
  'unsupported_type',
  'executable',
  'zip_unsafe_path',
  'zip_bomb',
  'zip_too_deep',
  'corrupt_zip',
  'malformed_email',
  'corrupt_docx',
  'undecodable_text',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export class ImportProblem extends Error {
  readonly code: ImportProblemCode;
  readonly fileName: string;

  constructor(code: ImportProblemCode, fileName: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportProblem';
    this.code = code;
    this.fileName = fileName;
  }

  /** True for problems the user can fix by typing a password (the UI offers a password box). */
  get needsPassword(): boolean {
    return this.code === 'encrypted_pdf' || this.code === 'wrong_password';
  }
}

export function isImportProblem(value: unknown): value is ImportProblem {
  return value instanceof ImportProblem;
}

/** Plain-words messages, one place, so every caller says the same thing the same way. */
export const problems = {
  emptyFile: (f: string) =>
    new ImportProblem('empty_file', f, `"${f}" is empty (0 bytes). It may not have finished downloading or copying; get the file again and re-import it.`),
  corruptPdf: (f: string, cause?: unknown) =>
    new ImportProblem('corrupt_pdf', f, `"${f}" looks like a PDF but cannot be read: it is damaged or incomplete. Download or scan it again and re-import it.`, { cause }),
  encryptedPdf: (f: string) =>
    new ImportProblem('encrypted_pdf', f, `"${f}" is protected by a password. Enter the password to import it (the district or sender usually sends it separately).`),
  wrongPassword: (f: string) =>
    new ImportProblem('wrong_password', f, `The password for "${f}" is not correct. Check it and try again.`),
  undecryptablePdf: (f: string, cause?: unknown) =>
    new ImportProblem('undecryptable_pdf', f, `"${f}" is encrypted in a way this app cannot undo, so its pages could not be read, recognised or put in a packet. Open it with its password, save or print it as a new PDF without a password, and import that copy.`, { cause }),
  pdfNoPages: (f: string) =>
    new ImportProblem('pdf_no_pages', f, `"${f}" is a PDF with no pages in it, so there is nothing to import. Ask the sender for the complete document.`),
  imageTooLarge: (f: string, width: number, height: number, limitMegapixels: number) =>
    new ImportProblem('image_too_large', f, `"${f}" is ${width} x ${height} pixels (${Math.round((width * height) / 1e6)} megapixels), larger than the ${limitMegapixels}-megapixel limit. Resize or re-scan it at a lower resolution (300 dpi is plenty) and re-import it.`),
  corruptImage: (f: string, cause?: unknown) =>
    new ImportProblem('corrupt_image', f, `"${f}" is an image that cannot be decoded: it is damaged or incomplete. Take or export the picture again and re-import it.`, { cause }),
  unsupportedType: (f: string, what = 'a kind of file this app does not read') =>
    new ImportProblem('unsupported_type', f, `"${f}" is ${what}. Import PDFs, photos or scans (JPEG, PNG, TIFF, HEIC), emails (.eml, .msg), Word documents (.docx), text files or zip archives; other files can be printed to PDF first.`),
  executable: (f: string) =>
    new ImportProblem('executable', f, `"${f}" is a program or script, not a document, and was refused for safety. Do not open it; if you expected a document, ask the sender to send it again.`),
  zipUnsafePath: (f: string, memberPath: string) =>
    new ImportProblem('zip_unsafe_path', f, `The archive "${f}" contains "${memberPath}", a path that points outside the archive. That entry was skipped for safety; the rest of the archive was imported.`),
  zipBomb: (f: string, detail: string) =>
    new ImportProblem('zip_bomb', f, `The archive "${f}" was refused: ${detail}. This is how "zip bombs" that fill a disk behave. If it is a genuine records archive, unpack it yourself and import the files.`),
  zipTooDeep: (f: string, depth: number) =>
    new ImportProblem('zip_too_deep', f, `The archive "${f}" contains archives nested more than ${depth} levels deep; the inner ones were skipped. Unpack them yourself and import the files.`),
  corruptZip: (f: string, cause?: unknown) =>
    new ImportProblem('corrupt_zip', f, `"${f}" is a zip archive that cannot be read: it is damaged or incomplete. Download it again and re-import it.`, { cause }),
  malformedEmail: (f: string, detail: string, cause?: unknown) =>
    new ImportProblem('malformed_email', f, `"${f}" is not a readable email: ${detail}. Save the message again from your mail program (as .eml or .msg, or print it to PDF) and re-import it.`, { cause }),
  corruptDocx: (f: string, cause?: unknown) =>
    new ImportProblem('corrupt_docx', f, `"${f}" is a Word document that cannot be read: it is damaged or incomplete. Open it in Word and save it again (or save it as PDF) and re-import it.`, { cause }),
  undecodableText: (f: string) =>
    new ImportProblem('undecodable_text', f, `"${f}" looks like text but its characters cannot be decoded. Open it in a text editor, save it as UTF-8 and re-import it.`),
};
