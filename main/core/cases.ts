// Cases: create, open, rename, archive, move to the trash, restore, delete for good. Validation happens in the API schemas; the rules
// that need the clock (a birth date in the future) or the database (a case to exist) live here.
import {
  caseEditSchema,
  createCaseArgs,
  type CaseDto,
  type CaseEdit,
  type CaseFields,
  type CaseSummaryDto,
  type CreateCaseArgs,
} from '../../shared/api/cases';
import { AppError } from '../../shared/errors';
import type { Core } from './context';
import { blobQueries } from './db/queries/blobs';
import { documentQueries } from './db/queries/documents';
import { compactAfterDelete } from './db/queries/maintenance';
import { searchIndexQueries } from './db/queries/search-index';
import { caseQueries, rowToCase, rowToSummary, type CaseColumns } from './db/queries/cases';
import { zodMessage } from './validate';
import { recordHistory } from './history/history';

function toColumns(f: CaseFields): Partial<CaseColumns> {
  const cols: Partial<CaseColumns> = {};
  const set = <K extends keyof CaseColumns>(k: K, v: CaseColumns[K] | undefined) => {
    if (v !== undefined) cols[k] = v;
  };
  set('child_name', f.childName);
  set('dob', f.dob);
  set('grade', f.grade);
  set('primary_disability', f.primaryDisability);
  set('secondary_disability', f.secondaryDisability);
  set('state', f.state);
  set('district', f.district);
  set('school', f.school);
  set('notes', f.notes);
  if (f.parents !== undefined) cols.parents_json = JSON.stringify(f.parents);
  if (f.contacts !== undefined) cols.contacts_json = JSON.stringify(f.contacts);
  return cols;
}

function checkDob(core: Core, dob: string | null | undefined): void {
  if (dob && dob > core.nowIso().slice(0, 10)) {
    throw new AppError('invalid_input', `Date of birth ${dob} is in the future.`);
  }
}

/** A case in use (archived or not); a case in the trash is not found until it is restored. */
export function getCase(core: Core, caseId: string): CaseDto {
  const row = caseQueries(core.db).get(caseId);
  if (!row || row.deleted_at) throw new AppError('not_found', row ? `The case "${row.name}" is in the trash; restore it first.` : `No case with id ${caseId}.`);
  return rowToCase(row);
}

function getTrashedCase(core: Core, caseId: string): CaseDto {
  const row = caseQueries(core.db).get(caseId);
  if (!row) throw new AppError('not_found', `No case with id ${caseId}.`);
  if (!row.deleted_at) throw new AppError('conflict', `The case "${row.name}" is not in the trash.`);
  return rowToCase(row);
}

/** Finds a case in the trash by id or exact name (case-insensitive), for the CLI's restore and purge. */
export function resolveTrashedCase(core: Core, idOrName: string): CaseDto {
  const byId = caseQueries(core.db).get(idOrName);
  if (byId?.deleted_at) return rowToCase(byId);
  const wanted = idOrName.trim().toLowerCase();
  const byName = caseQueries(core.db).trash().filter((r) => r.name.toLowerCase() === wanted);
  if (byName.length === 1) return getTrashedCase(core, byName[0].id);
  if (byName.length > 1) throw new AppError('conflict', `More than one case in the trash is named "${idOrName}"; use its id (casefile cases trash).`);
  throw new AppError('not_found', `No case in the trash named or with id "${idOrName}".`);
}

/** Finds a case by id or by exact name (case-insensitive); the CLI's --case takes either. */
export function resolveCase(core: Core, idOrName: string): CaseDto {
  const q = caseQueries(core.db);
  const byId = q.get(idOrName);
  if (byId) return getCase(core, byId.id);
  const byName = q.findByName(idOrName.trim());
  if (byName.length === 1) return rowToCase(byName[0]);
  if (byName.length > 1) throw new AppError('conflict', `More than one case is named "${idOrName}"; use its id (casefile cases list).`);
  throw new AppError('not_found', `No case named or with id "${idOrName}".`);
}

export function createCase(core: Core, raw: CreateCaseArgs): CaseDto {
  const parsed = createCaseArgs().safeParse(raw);
  if (!parsed.success) throw new AppError('invalid_input', zodMessage(parsed.error));
  const args = parsed.data;
  checkDob(core, args.dob);
  const id = core.newId();
  const cols: CaseColumns = {
    name: args.name,
    child_name: args.childName ?? args.name,
    dob: null,
    grade: null,
    primary_disability: null,
    secondary_disability: null,
    state: null,
    district: null,
    school: null,
    parents_json: '[]',
    contacts_json: '[]',
    notes: null,
    ...toColumns(args),
  };
  if (!args.childName) cols.child_name = args.name;
  caseQueries(core.db).insert(id, cols, core.nowIso());
  core.emit('case.changed', { caseId: id, what: 'created' });
  return getCase(core, id);
}

/**
 * Saves a case's details. With `expectedVersion` (every save from a form carries the version it was
 * loaded at) the write happens only if the case is still at that version, in the same statement, so
 * a stale form or one loaded for another case is refused and nothing is written.
 */
export function updateCase(core: Core, caseId: string, rawFields: CaseEdit, expectedVersion?: number): CaseDto {
  const parsed = caseEditSchema().safeParse(rawFields);
  if (!parsed.success) throw new AppError('invalid_input', zodMessage(parsed.error));
  const current = getCase(core, caseId);
  checkDob(core, parsed.data.dob);
  const cols = toColumns(parsed.data);
  if (parsed.data.name !== undefined) cols.name = parsed.data.name;
  const q = caseQueries(core.db);
  if (!q.update(caseId, cols, core.nowIso(), expectedVersion)) {
    throw expectedVersion === undefined ? new AppError('not_found', `No case with id ${caseId}.`) : refusal(core, current, expectedVersion);
  }
  core.emit('case.changed', { caseId, what: 'updated' });
  return getCase(core, caseId);
}

/** Why a save at `version` was refused: the form was loaded for another case, or this case has moved on. */
function refusal(core: Core, target: CaseDto, version: number): AppError {
  const holder = caseQueries(core.db).atVersion(version);
  if (holder && holder.id !== target.id) {
    return new AppError(
      'conflict',
      `This form holds the details of "${holder.name}", not "${target.name}": nothing was saved. Open Case info of "${target.name}" again to edit it.`,
      { reason: 'other_case', loadedFor: holder.id, caseId: target.id },
    );
  }
  const now = getCase(core, target.id);
  return new AppError(
    'conflict',
    `The details of "${now.name}" were changed elsewhere (another window or the command line) after this form was opened: nothing was saved. Load the current details and make your change again.`,
    { reason: 'stale', caseId: target.id, version: now.version },
  );
}

export function renameCase(core: Core, caseId: string, name: string): CaseDto {
  getCase(core, caseId);
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('invalid_input', 'The case name must not be empty.');
  caseQueries(core.db).update(caseId, { name: trimmed }, core.nowIso());
  core.emit('case.changed', { caseId, what: 'renamed' });
  return getCase(core, caseId);
}

export function openCase(core: Core, caseId: string): CaseDto {
  getCase(core, caseId);
  caseQueries(core.db).setOpened(caseId, core.nowIso());
  return getCase(core, caseId);
}

export function setArchived(core: Core, caseId: string, archived: boolean): CaseDto {
  getCase(core, caseId);
  caseQueries(core.db).setArchived(caseId, archived ? core.nowIso() : null, core.nowIso());
  core.emit('case.changed', { caseId, what: archived ? 'archived' : 'unarchived' });
  return getCase(core, caseId);
}

/**
 * Moves a case to the trash: it leaves the case list, the deadlines of all cases and the search,
 * and keeps every record, so restoring it brings it back as it was.
 */
export function trashCase(core: Core, caseId: string): CaseDto {
  getCase(core, caseId);
  core.db.transaction(() => {
    caseQueries(core.db).setDeleted(caseId, core.nowIso());
    recordHistory(core, caseId, { kind: 'trashed', description: 'Moved the case to the trash' });
    searchIndexQueries(core.db).removeCase(caseId);
  })();
  core.emit('case.changed', { caseId, what: 'trashed' });
  return getTrashedCase(core, caseId);
}

/** Brings a case back from the trash, its pages searchable again. */
export function restoreCase(core: Core, caseId: string): CaseDto {
  getTrashedCase(core, caseId);
  const docs = documentQueries(core.db).liveIdsOfCase(caseId);
  core.db.transaction(() => {
    caseQueries(core.db).setDeleted(caseId, null);
    recordHistory(core, caseId, { kind: 'restored', description: 'Restored the case from the trash' });
    for (const id of docs) searchIndexQueries(core.db).indexDocument(id);
  })();
  core.emit('case.changed', { caseId, what: 'restored' });
  return getCase(core, caseId);
}

export function listTrashedCases(core: Core): CaseSummaryDto[] {
  return caseQueries(core.db).trash().map(rowToSummary);
}

/** Deletes one case in the trash for good. */
export function purgeCase(core: Core, caseId: string): void {
  getTrashedCase(core, caseId);
  deleteCase(core, caseId);
}

/** Empties the trash: every case in it is deleted for good. Returns how many were. */
export function emptyCaseTrash(core: Core): number {
  const ids = caseQueries(core.db).trash().map((r) => r.id);
  for (const id of ids) deleteCase(core, id);
  return ids.length;
}

/**
 * Deletes a case and its records for good, wherever it is (the trash's purge; tests). Originals
 * stay in the store until no case refers to them.
 */
export function deleteCase(core: Core, caseId: string): void {
  if (!caseQueries(core.db).get(caseId)) throw new AppError('not_found', `No case with id ${caseId}.`);
  // Originals and the decrypted working copies of encrypted PDFs alike.
  const docs = documentQueries(core.db);
  const shas = docs.shasOfCase(caseId);
  core.db.transaction(() => {
    searchIndexQueries(core.db).removeCase(caseId);
    caseQueries(core.db).remove(caseId);
  })();
  for (const sha of shas) {
    if (!docs.shaInUse(sha)) {
      blobQueries(core.db).remove(sha);
      core.blobs.remove(sha);
    }
  }
  compactAfterDelete(core.db);
  core.emit('case.changed', { caseId, what: 'deleted' });
}

export function listCases(core: Core, opts: { query?: string; includeArchived?: boolean } = {}): CaseSummaryDto[] {
  const terms = (opts.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return caseQueries(core.db)
    .list()
    .filter((r) => opts.includeArchived || !r.archived_at)
    .filter((r) => terms.every((t) => (r.haystack ?? '').toLowerCase().includes(t)))
    .map(rowToSummary);
}
