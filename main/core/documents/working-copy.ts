// Encrypted PDFs imported before working copies were kept have no readable copy: their OCR failed
// ('No password given') and their packet pages came out blank. Importing the same file again (with
// its password, unless it has only an owner password) adds the copy and queues the OCR it missed.
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { blobQueries } from '../db/queries/blobs';
import { documentQueries, type DocumentRow } from '../db/queries/documents';
import { jobQueries } from '../db/queries/jobs';
import type { ImportOutcome } from './import';
import { releaseRecordedClaims } from '../recovery';
import { isEncryptedPdf } from '../pdf/decrypt';
import { workingCopyOf } from './parse/encrypted-pdf';
import { isImportProblem } from './parse/errors';
import { decodePdf } from './parse/pdf';

/**
 * For a file already in the case as `existing`: adds its missing working copy and returns what was
 * done, or null when there is nothing to add (not an encrypted PDF, or it has its copy already).
 */
export async function addMissingWorkingCopy(core: Core, existing: DocumentRow, bytes: Uint8Array, password: string | undefined): Promise<Partial<ImportOutcome> | null> {
  if (existing.format !== 'pdf' || existing.working_sha256 || !(await isEncryptedPdf(bytes))) return null;
  const name = existing.title ?? existing.file_name;
  let copy: Uint8Array | null;
  try {
    copy = await workingCopyOf(bytes, existing.file_name, password);
  } catch (e) {
    if (!isImportProblem(e)) throw e;
    return {
      status: e.needsPassword ? 'duplicate' : 'failed',
      documentId: existing.id,
      message: `${existing.file_name}: already in this case as "${name}", but its pages cannot be read (OCR, viewer, packet). ${e.message}`,
      needsPassword: e.needsPassword,
    };
  }
  if (!copy) return null;
  const pagesNeedingOcr = (await decodePdf(copy, existing.file_name)).pagesNeedingOcr;
  const sha = core.blobs.put(copy);
  const now = core.nowIso();
  const docs = documentQueries(core.db);
  const blobs = blobQueries(core.db);
  const recognised = new Set(docs.ocrPageNumbers(existing.id));
  const missing = pagesNeedingOcr.filter((n) => !recognised.has(n));
  const record = core.db.transaction(() => {
    blobs.record(sha, copy.byteLength, now);
    docs.setWorkingCopy(existing.id, sha, now);
    const jobs = jobQueries(core.db);
    jobs.dropWaitingOcr(existing.id);
    if (missing.length) {
      jobs.insert({ id: core.newId(), caseId: existing.case_id, documentId: existing.id, kind: 'ocr', status: 'queued', payload: { pages: missing }, now });
      docs.setReadable(existing.id, 'ocr_pending');
    } else if (existing.status === 'failed') {
      docs.setReadable(existing.id, 'ready');
    }
  });
  try {
    record();
  } catch (e) {
    // Not recorded: the copy goes again, unless another document already records the same bytes.
    if (!blobs.has(sha)) core.blobs.remove(sha);
    core.blobs.release(sha);
    throw e;
  }
  // The copy is recorded: its pending-original marker goes, as after an import.
  releaseRecordedClaims(core);
  core.emit('case.changed', { caseId: existing.case_id, what: 'documents' });
  return {
    status: 'imported',
    documentId: existing.id,
    needsOcr: missing.length > 0,
    message: missing.length
      ? `Already in this case as "${name}"; its pages are readable now: ${missing.length} page(s) queued for OCR.`
      : `Already in this case as "${name}"; its pages are readable now.`,
  };
}

/** What a reader of an encrypted PDF without a working copy says, naming the document and the way out. */
export function noReadableCopy(doc: Pick<DocumentRow, 'file_name' | 'title'>): AppError {
  const name = doc.title && doc.title !== doc.file_name ? `"${doc.title}" (${doc.file_name})` : `"${doc.file_name}"`;
  return new AppError(
    'encrypted_file',
    `${name} is encrypted and was imported before the app kept a readable copy of such files, so its pages cannot be shown, recognised or put in a packet. Import the same file again (with its password) to make them readable.`,
  );
}

/** pdf.js's error for a file it cannot open without a password. */
export const isPasswordError = (e: unknown): boolean => (e as Error | undefined)?.name === 'PasswordException';
