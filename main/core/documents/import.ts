// Imports files into a case: each file all-or-nothing, duplicates refused, archives and emails
// expanded, image pages queued for OCR in the same transaction that records the document so an
// interrupted OCR resumes at the next start.
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { ImportFileResult } from '../../../shared/api/documents';
import type { PageContent } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { blobQueries } from '../db/queries/blobs';
import { documentQueries } from '../db/queries/documents';
import { jobQueries } from '../db/queries/jobs';
import { releaseRecordedClaims } from '../recovery';
import { sha256Hex } from './blob-store';
import { walkPaths } from './folder-walk';
import { classify } from './parse/classify';
import { CLASSIFIER_VERSION } from './parse/classify-version';
import { workingCopyOf } from './parse/encrypted-pdf';
import { decodeFile, type DecodedFile } from './parse/formats';
import { isImportProblem } from './parse/errors';
import { sniffDetailed } from './parse/sniff';
import type { ParsedEmail } from './parse/email';
import { addMissingWorkingCopy } from './working-copy';
import { recordHistory } from '../history/history';

export interface ImportInput {
  fileName: string;
  /** Where it came from, shown to the user: a path, or "archive.zip/inner/path.pdf". */
  source: string;
  read(): Uint8Array;
  archivePath?: string | null;
  parentDocumentId?: string | null;
  /** Not to be read, and why: a link the folder walk did not follow on purpose. Reported as skipped. */
  skipped?: string;
  /** The file on disk it is read from, if any: an interrupted batch is resumed from it. */
  path?: string;
}

/** One document's result, with what the batch must do next as a field (not read from the message). */
export interface ImportOutcome extends ImportFileResult {
  /** Recorded with pages queued for OCR: complete only after the OCR job. */
  needsOcr?: boolean;
}

export interface ImportFileOptions {
  password?: string;
  signal?: AbortSignal;
  onStatus?: (r: ImportOutcome) => void;
}

/**
 * Files under the given paths (folders walked recursively, hidden files skipped). A link the walk did
 * not follow (out of the folder, round in a loop, to a folder read already) becomes an input reported
 * as skipped; an entry it could not list (an unreadable folder, a broken link, a pipe) one that fails
 * with the walk's message. Either is reported by name and the rest of the batch goes on.
 */
export function inputsFromPaths(paths: string[]): ImportInput[] {
  return walkPaths(paths).map((entry): ImportInput => {
    const { fileName, path: p } = entry;
    if (entry.kind === 'skipped') {
      return { fileName, source: p, path: p, skipped: entry.message, read: () => { throw new AppError('unsupported_file', entry.message); } };
    }
    if (entry.kind === 'problem') {
      return { fileName, source: p, path: p, read: () => { throw new AppError(entry.code, entry.message); } };
    }
    return { fileName, source: p, path: p, read: () => readSource(p) };
  });
}

function readSource(p: string): Uint8Array {
  if (!existsSync(p)) throw new AppError('not_found', `${path.basename(p)}: the file disappeared before it could be read (${p}).`);
  try {
    return readFileSync(p);
  } catch (e) {
    throw new AppError('not_found', `${path.basename(p)}: could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

/** Whether the file at `p` starts like a PDF (false when it cannot be read: its read() then says why). */
function isPdfFile(p: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(p, 'r');
    const head = Buffer.alloc(1024);
    const n = readSync(fd, head, 0, head.length, 0);
    return sniffDetailed(head.subarray(0, n)).kind === 'pdf';
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

interface PreparedDocument {
  format: string;
  pages: PageContent[];
  pagesNeedingOcr: number[];
  textSource: 'text_layer' | 'ocr' | 'mixed';
  meta: Record<string, unknown>;
  email?: ParsedEmail;
}

function prepare(decoded: Exclude<DecodedFile, { kind: 'zip' }>): PreparedDocument {
  switch (decoded.kind) {
    case 'pdf': {
      const ocr = decoded.pdf.pagesNeedingOcr;
      const textSource = ocr.length === 0 ? 'text_layer' : ocr.length === decoded.pdf.pageCount ? 'ocr' : 'mixed';
      return { format: 'pdf', pages: decoded.pdf.pages, pagesNeedingOcr: ocr, textSource, meta: { encrypted: decoded.pdf.encrypted } };
    }
    case 'jpeg':
    case 'png':
    case 'tiff':
    case 'heic':
      return {
        format: decoded.kind,
        pages: decoded.images.map((im) => ({ pageNumber: im.pageNumber, width: im.widthPt, height: im.heightPt, text: '', words: [], source: 'ocr' as const, meanConfidence: null })),
        pagesNeedingOcr: decoded.images.map((im) => im.pageNumber),
        textSource: 'ocr',
        meta: { pixels: decoded.images.map((im) => [im.width, im.height]), dpi: decoded.images[0]?.dpi ?? null },
      };
    case 'eml':
    case 'msg': {
      const e = decoded.email;
      return {
        format: decoded.kind,
        pages: e.pages,
        pagesNeedingOcr: [],
        textSource: 'text_layer',
        meta: { from: e.from, to: e.to, cc: e.cc, date: e.date, sentDate: e.sentDate, subject: e.subject, attachments: e.attachments.map((a) => a.fileName) },
        email: e,
      };
    }
    case 'docx':
    case 'text':
      return { format: decoded.kind, pages: decoded.pages, pagesNeedingOcr: [], textSource: 'text_layer', meta: {} };
  }
}

function problemMessage(e: unknown, fileName: string): { message: string; needsPassword?: boolean } {
  if (isImportProblem(e)) return { message: e.message, needsPassword: e.code === 'encrypted_pdf' || e.code === 'wrong_password' };
  if (e instanceof AppError) return { message: e.message };
  return { message: `${fileName}: could not be imported (${(e as Error).message}).` };
}

/**
 * Imports one input (expanding zips and emails into several documents). Returns one result per
 * document it tried to create. Never throws for a bad file: the result says what went wrong.
 */
export async function importOne(core: Core, caseId: string, input: ImportInput, opts: ImportFileOptions = {}): Promise<ImportOutcome[]> {
  const base: ImportOutcome = { fileName: input.fileName, source: input.source, status: 'reading', documentId: null, message: null };
  if (input.skipped !== undefined) {
    const skipped: ImportOutcome = { ...base, status: 'skipped', message: input.skipped };
    opts.onStatus?.(skipped);
    return [skipped];
  }
  opts.onStatus?.(base);
  const done = (r: Partial<ImportOutcome>) => {
    const res = { ...base, ...r };
    opts.onStatus?.(res);
    return [res];
  };
  if (opts.signal?.aborted) return done({ status: 'cancelled', message: 'Cancelled before it started.' });
  let bytes: Uint8Array;
  let decoded: DecodedFile;
  let stored: StoredOriginal | null = null;
  let working: StoredOriginal | null = null;
  try {
    // A PDF on disk is stored straight from the file (hashed and sealed as it is read, never held
    // whole), then read once for pdf.js: a 300-page scan is held once, not twice.
    if (input.path && isPdfFile(input.path)) {
      stored = core.blobs.putFile(input.path);
      bytes = input.read();
      if (bytes.byteLength !== stored.size || sha256Hex(bytes) !== stored.sha) {
        throw new AppError('not_found', `${input.fileName}: the file changed while it was being imported; try again.`);
      }
    } else {
      bytes = input.read();
    }
    const sha = stored?.sha ?? (bytes.length ? sha256Hex(bytes) : null);
    const existing = sha ? documentQueries(core.db).bySha(caseId, sha) : undefined;
    if (existing) {
      if (stored) removeIfUnreferenced(core, stored.sha);
      stored = null;
      const repaired = await addMissingWorkingCopy(core, existing, bytes, opts.password);
      if (repaired) return done(repaired);
      const where = existing.deleted_at ? ' (it is in the trash)' : '';
      return done({ status: 'duplicate', documentId: existing.id, message: `${input.fileName}: already in this case as "${existing.title ?? existing.file_name}"${where}; nothing was added.` });
    }
    if (sniffDetailed(bytes).kind === 'pdf') {
      // A PDF's original is stored before it is read, so that pdf.js can take the bytes rather than a
      // copy (a 300-page scan is then held once, not twice). If the import fails, it is removed again.
      stored ??= { sha: core.blobs.put(bytes), size: bytes.byteLength };
      // An encrypted one is read, now and always, through its decrypted working copy.
      const copy = await workingCopyOf(bytes, input.fileName, opts.password);
      if (copy) working = { sha: core.blobs.put(copy), size: copy.byteLength };
      decoded = await decodeFile(copy ?? bytes, input.fileName, { password: copy ? undefined : opts.password, handOver: true });
    } else {
      if (stored) removeIfUnreferenced(core, stored.sha);
      stored = null;
      decoded = await decodeFile(bytes, input.fileName, { password: opts.password });
    }
  } catch (e) {
    for (const s of [stored, working]) if (s) removeIfUnreferenced(core, s.sha);
    return done({ status: 'failed', ...problemMessage(e, input.fileName) });
  }

  if (decoded.kind === 'zip') {
    const results: ImportOutcome[] = [];
    for (const p of decoded.zip.problems) results.push({ ...base, status: 'failed', message: p.message });
    for (const m of decoded.zip.members) {
      const archivePath = input.archivePath ? `${input.archivePath}/${m.path}` : `${input.fileName}/${m.path}`;
      results.push(
        ...(await importOne(core, caseId, { fileName: m.fileName, source: archivePath, archivePath, parentDocumentId: input.parentDocumentId ?? null, read: () => m.bytes }, opts)),
      );
    }
    if (decoded.zip.members.length === 0 && decoded.zip.problems.length === 0) results.push({ ...base, status: 'failed', message: `${input.fileName}: the archive holds no files to import.` });
    return results;
  }

  const prepared = prepare(decoded);
  if (working) prepared.meta.encrypted = true;
  let documentId: string;
  try {
    documentId = recordDocument(core, caseId, input, stored ?? bytes, prepared, working);
    recordHistory(core, caseId, { kind: 'imported', description: `Imported ${input.fileName}`, ids: [documentId] });
  } catch (e) {
    if (working) removeIfUnreferenced(core, working.sha);
    return done({ status: 'failed', ...problemMessage(e, input.fileName) });
  }
  const results: ImportOutcome[] = [];
  const needsOcr = prepared.pagesNeedingOcr.length > 0;
  const first: ImportOutcome = { ...base, status: 'imported', documentId, message: needsOcr ? `${prepared.pagesNeedingOcr.length} page(s) queued for OCR.` : null, needsOcr };
  opts.onStatus?.(first);
  results.push(first);
  for (const a of prepared.email?.attachments ?? []) {
    results.push(
      ...(await importOne(
        core,
        caseId,
        { fileName: a.fileName, source: `${input.source}#${a.fileName}`, archivePath: input.archivePath ?? null, parentDocumentId: documentId, read: () => a.bytes },
        opts,
      )),
    );
  }
  return results;
}

interface StoredOriginal {
  sha: string;
  size: number;
}

/** Removes a stored original no document refers to (an import that failed after storing it). */
function removeIfUnreferenced(core: Core, sha: string): void {
  if (!blobQueries(core.db).has(sha)) core.blobs.remove(sha);
  core.blobs.release(sha);
}

/**
 * Stores the original (unless already stored), then records document, pages, search rows and any OCR
 * job in one transaction. `working` is an encrypted PDF's decrypted copy, already stored.
 */
function recordDocument(core: Core, caseId: string, input: ImportInput, original: Uint8Array | StoredOriginal, prepared: PreparedDocument, working: StoredOriginal | null): string {
  const { sha, size } = original instanceof Uint8Array ? { sha: core.blobs.put(original), size: original.byteLength } : original;
  const q = documentQueries(core.db);
  const id = core.newId();
  const now = core.nowIso();
  const classification = classify(prepared.pages, { fileName: input.fileName, emailDate: prepared.email?.sentDate ?? prepared.email?.date ?? null });
  try {
    core.db.transaction(() => {
      const blobs = blobQueries(core.db);
      blobs.record(sha, size, now);
      if (working) blobs.record(working.sha, working.size, now);
      q.insert({
          id,
          caseId,
          sha,
          working: working?.sha ?? null,
          fileName: input.fileName,
          source: input.archivePath ? null : input.source,
          archivePath: input.archivePath ?? null,
          parent: input.parentDocumentId ?? null,
          format: prepared.format,
          pageCount: prepared.pages.length,
          textSource: prepared.textSource,
          title: prepared.email?.subject || input.fileName,
          type: classification.type.value,
          typeConf: classification.type.confidence,
          subtype: classification.subtype.value,
          date: classification.date.value,
          dateConf: classification.date.confidence,
          classifierVersion: CLASSIFIER_VERSION,
          meta: JSON.stringify(prepared.meta),
          status: prepared.pagesNeedingOcr.length ? 'ocr_pending' : 'ready',
          now,
        });
      q.putPages(id, prepared.pages.filter((p) => !prepared.pagesNeedingOcr.includes(p.pageNumber) || p.text.trim()));
      if (prepared.pagesNeedingOcr.length) {
        jobQueries(core.db).insert({ id: core.newId(), caseId, documentId: id, kind: 'ocr', status: 'queued', payload: { pages: prepared.pagesNeedingOcr }, now });
      }
    })();
  } catch (e) {
    removeIfUnreferenced(core, sha);
    throw e;
  }
  releaseRecordedClaims(core);
  core.emit('case.changed', { caseId, what: 'documents' });
  return id;
}
