import { AppError } from '../../shared/errors';
import { getCase } from '../core/cases';
import type { ImportInput } from '../core/documents/import';
import { documentPage, documentPages, getDocument, listDocuments, restoreDocument, trashDocument, updateDocument } from '../core/documents/service';
import { afterDocumentHook, reprocessDocument } from '../core/pipeline';
import { removeStaged, stagedInputs } from '../core/documents/uploads';
import type { Registry } from './registry';

// Importing loads the readers of every format, pdf.js and OCR; they are imported by the first call
// that imports (an import's status and cancel need them only once an import has run).
const batches = () => import('../core/documents/batches');

export function registerDocuments(reg: Registry): void {
  reg.register('documents.list', ({ caseId, includeDeleted }, { core }) => listDocuments(core, caseId, includeDeleted));
  reg.register('documents.get', ({ documentId }, { core }) => getDocument(core, documentId));
  reg.register('documents.pages', ({ documentId }, { core }) => documentPages(core, documentId));
  reg.register('documents.page', ({ documentId, page }, { core }) => documentPage(core, documentId, page));
  reg.register('documents.update', ({ documentId, ...patch }, { core }) => updateDocument(core, documentId, patch));
  reg.register('documents.trash', ({ documentId }, { core }) => trashDocument(core, documentId));
  reg.register('documents.restore', ({ documentId }, { core }) => restoreDocument(core, documentId));
  reg.register('documents.reprocess', ({ documentId }, { core }) => reprocessDocument(core, documentId));
  reg.register('documents.import', async ({ caseId, paths, uploads, password }, { core, transport }) => {
    getCase(core, caseId);
    const [{ inputsFromPaths }, { getBatch, startImportBatch }] = await Promise.all([import('../core/documents/import'), batches()]);
    const inputs: ImportInput[] = [];
    if (paths?.length) {
      if (transport === 'browser') throw new AppError('bad_request', 'The browser host imports uploaded files only; paths on disk are for the desktop app and the command line.');
      inputs.push(...inputsFromPaths(paths));
    }
    const staged = stagedInputs(core, uploads ?? []);
    inputs.push(...staged.inputs);
    if (!inputs.length) throw new AppError('invalid_input', 'Choose at least one file or folder to import.');
    const batch = startImportBatch(core, caseId, inputs, { password, afterDocument: afterDocumentHook(core) });
    void getBatch(core, batch.jobId)?.promise.finally(() => removeStaged(staged.files));
    return batch;
  });
  reg.register('documents.importStatus', async ({ jobId }, { core }) => {
    const b = (await batches()).getBatch(core, jobId);
    if (!b) throw new AppError('not_found', `No import job ${jobId}.`);
    return b.dto;
  });
  reg.register('documents.cancelImport', async ({ jobId }, { core }) => {
    const dto = (await batches()).cancelBatch(core, jobId);
    if (!dto) throw new AppError('not_found', `No import job ${jobId}.`);
    return dto;
  });
}

