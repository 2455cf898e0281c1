// Documents of a case: list, read pages, re-type and re-date (sticky through re-processing),
// rename, trash and restore. Originals are never deleted here: the trash keeps them.
import type { DocumentDto, PageDto } from '../../../shared/api/documents';
import type { DocType, IepSubtype } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { searchIndexQueries } from '../db/queries/search-index';
import { documentQueries, rowToDocument, rowToPage, type DocumentRow } from '../db/queries/documents';
import { getCase } from '../cases';
import { recordHistory } from '../history/history';

function requireDoc(core: Core, id: string): DocumentRow {
  const row = documentQueries(core.db).get(id);
  if (!row) throw new AppError('not_found', `No document with id ${id}.`);
  return row;
}

export function getDocument(core: Core, id: string): DocumentDto {
  const q = documentQueries(core.db);
  return rowToDocument(requireDoc(core, id), { lowConfidencePages: q.lowConfidencePages(id) });
}

export function listDocuments(core: Core, caseId: string, includeDeleted = false): DocumentDto[] {
  getCase(core, caseId);
  const q = documentQueries(core.db);
  return q.listByCase(caseId, includeDeleted).map((r) => rowToDocument(r, { lowConfidencePages: q.lowConfidencePages(r.id) }));
}

export function documentPages(core: Core, id: string): PageDto[] {
  requireDoc(core, id);
  return documentQueries(core.db).pages(id).map(rowToPage);
}

export function documentPage(core: Core, id: string, page: number): PageDto {
  const doc = requireDoc(core, id);
  const row = documentQueries(core.db).page(id, page);
  if (!row) {
    if (page > doc.page_count) throw new AppError('not_found', `${doc.file_name} has ${doc.page_count} page(s); there is no page ${page}.`);
    return { pageNumber: page, width: 612, height: 792, text: '', words: [], source: 'ocr', meanConfidence: null, needsReview: false };
  }
  return rowToPage(row);
}

export function updateDocument(core: Core, id: string, patch: { title?: string; type?: DocType; subtype?: IepSubtype | null; date?: string | null }): DocumentDto {
  const doc = requireDoc(core, id);
  core.db.transaction(() => {
    const changed = documentQueries(core.db).applyUserEdit(id, patch, core.nowIso());
    if (changed && patch.type !== undefined && !doc.deleted_at) searchIndexQueries(core.db).retagDocument(id);
  })();
  core.emit('case.changed', { caseId: doc.case_id, what: 'documents' });
  return getDocument(core, id);
}

/** Moves a document to the trash: hidden everywhere and out of search, original kept. */
export function trashDocument(core: Core, id: string): DocumentDto {
  const doc = requireDoc(core, id);
  core.db.transaction(() => {
    documentQueries(core.db).setDeleted(id, core.nowIso(), core.nowIso());
    searchIndexQueries(core.db).removeDocument(id);
    recordHistory(core, doc.case_id, { kind: 'document_trashed', description: `Moved ${doc.title ?? doc.file_name} to the trash`, ids: [id] });
  })();
  core.emit('case.changed', { caseId: doc.case_id, what: 'documents' });
  return getDocument(core, id);
}

export function restoreDocument(core: Core, id: string): DocumentDto {
  const doc = requireDoc(core, id);
  core.db.transaction(() => {
    documentQueries(core.db).setDeleted(id, null, core.nowIso());
    searchIndexQueries(core.db).indexDocument(id);
    recordHistory(core, doc.case_id, { kind: 'document_restored', description: `Brought ${doc.title ?? doc.file_name} back from the trash`, ids: [id] });
  })();
  core.emit('case.changed', { caseId: doc.case_id, what: 'documents' });
  return getDocument(core, id);
}
