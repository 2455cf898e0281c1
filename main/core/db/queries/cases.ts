// Prepared statements for the cases table; snake_case rows map to camelCase DTOs here only.
import type { CaseDto, CaseSummaryDto } from '../../../../shared/api/cases';
import type { Db } from '../open';

interface CaseRow {
  id: string;
  name: string;
  child_name: string | null;
  dob: string | null;
  grade: string | null;
  primary_disability: string | null;
  secondary_disability: string | null;
  state: string | null;
  district: string | null;
  school: string | null;
  parents_json: string;
  contacts_json: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
  last_opened_at: string | null;
  archived_at: string | null;
  deleted_at: string | null;
  version: number;
}

export function rowToCase(r: CaseRow): CaseDto {
  return {
    id: r.id,
    name: r.name,
    childName: r.child_name,
    dob: r.dob,
    grade: r.grade,
    primaryDisability: r.primary_disability,
    secondaryDisability: r.secondary_disability,
    state: r.state,
    district: r.district,
    school: r.school,
    parents: JSON.parse(r.parents_json),
    contacts: JSON.parse(r.contacts_json),
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastOpenedAt: r.last_opened_at,
    archivedAt: r.archived_at,
    deletedAt: r.deleted_at,
    version: r.version,
  };
}

export type CaseColumns = Omit<CaseRow, 'id' | 'created_at' | 'updated_at' | 'last_opened_at' | 'archived_at' | 'deleted_at' | 'version'>;

/** The next case version: numbered across all cases, so no two cases ever share one (see migration 0070). */
const NEXT_VERSION = '(SELECT coalesce(max(version), 0) + 1 FROM cases)';

export function caseQueries(db: Db) {
  const get = db.prepare<[string], CaseRow>('SELECT * FROM cases WHERE id = ?');
  const byName = db.prepare<[string], CaseRow>('SELECT * FROM cases WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY archived_at IS NOT NULL, created_at');
  const insert = db.prepare(`INSERT INTO cases (id, name, child_name, dob, grade, primary_disability, secondary_disability, state,
      district, school, parents_json, contacts_json, notes, created_at, updated_at, version)
    VALUES (@id, @name, @child_name, @dob, @grade, @primary_disability, @secondary_disability, @state,
      @district, @school, @parents_json, @contacts_json, @notes, @now, @now, ${NEXT_VERSION})`);
  const byVersion = db.prepare<[number], { id: string; name: string }>('SELECT id, name FROM cases WHERE version = ?');
  const listWhere = (where: string) =>
    db.prepare<[], CaseSummaryRow>(`SELECT c.id, c.name, c.child_name, c.state, c.school, c.last_opened_at, c.archived_at, c.deleted_at,
      c.created_at, c.child_name || ' ' || c.name || ' ' || coalesce(c.school, '') || ' ' || coalesce(c.district, '') AS haystack,
      (SELECT count(*) FROM documents d WHERE d.case_id = c.id AND d.deleted_at IS NULL) AS document_count
    FROM cases c WHERE ${where}
    ORDER BY c.last_opened_at IS NULL, c.last_opened_at DESC, c.created_at DESC`);
  const list = listWhere('c.deleted_at IS NULL');
  const trash = listWhere('c.deleted_at IS NOT NULL');
  return {
    get: (id: string) => get.get(id),
    findByName: (name: string) => byName.all(name),
    insert: (id: string, cols: CaseColumns, now: string) => insert.run({ id, now, ...cols }),
    /**
     * Writes the case's details and gives it the next version. With `expectedVersion`, only if the
     * case is still at that version; returns whether a row was written.
     */
    update(id: string, cols: Partial<CaseColumns>, now: string, expectedVersion?: number): boolean {
      const keys = Object.keys(cols);
      const sets = keys.map((k) => `${k} = @${k}, `).join('');
      const guard = expectedVersion === undefined ? '' : ' AND version = @expectedVersion';
      return db.prepare(`UPDATE cases SET ${sets}updated_at = @now, version = ${NEXT_VERSION} WHERE id = @id${guard}`).run(expectedVersion === undefined ? { ...cols, id, now } : { ...cols, id, now, expectedVersion }).changes === 1;
    },
    /** The profile fields a document may fill when the case lacks them. */
    profile: (id: string) =>
      db
        .prepare<[string], { dob: string | null; grade: string | null; school: string | null; district: string | null; primary_disability: string | null; secondary_disability: string | null; parents_json: string; contacts_json: string }>(
          'SELECT dob, grade, school, district, primary_disability, secondary_disability, parents_json, contacts_json FROM cases WHERE id = ?',
        )
        .get(id),
    /** Fills blanks a document named (keeps the version: the user's edits are not overtaken by it). */
    fillBlanks(id: string, cols: Partial<CaseColumns>, now: string): void {
      const keys = Object.keys(cols);
      if (!keys.length) return;
      db.prepare(`UPDATE cases SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @now WHERE id = @id`).run({ ...cols, now, id });
    },
    /** The case a version belongs to, if any case is at it now. */
    atVersion: (version: number) => byVersion.get(version),
    setOpened: (id: string, now: string) => db.prepare('UPDATE cases SET last_opened_at = ? WHERE id = ?').run(now, id),
    setArchived: (id: string, at: string | null, now: string) =>
      db.prepare('UPDATE cases SET archived_at = ?, updated_at = ? WHERE id = ?').run(at, now, id),
    setDeleted: (id: string, at: string | null) => db.prepare('UPDATE cases SET deleted_at = ? WHERE id = ?').run(at, id),
    remove: (id: string) => db.prepare('DELETE FROM cases WHERE id = ?').run(id),
    /** The cases in use (archived ones included), most recently opened first. */
    list: () => list.all(),
    /** The cases in the trash. */
    trash: () => trash.all(),
  };
}

interface CaseSummaryRow {
  id: string;
  name: string;
  child_name: string | null;
  state: string | null;
  school: string | null;
  last_opened_at: string | null;
  archived_at: string | null;
  deleted_at: string | null;
  haystack: string | null;
  document_count: number;
}

export function rowToSummary(r: CaseSummaryRow): CaseSummaryDto {
  return {
    id: r.id,
    name: r.name,
    childName: r.child_name,
    state: r.state,
    school: r.school,
    lastOpenedAt: r.last_opened_at,
    archivedAt: r.archived_at,
    deletedAt: r.deleted_at,
    documentCount: r.document_count,
  };
}

export function summaryHaystack(r: { name: string; childName: string | null; school: string | null }): string {
  return `${r.name} ${r.childName ?? ''} ${r.school ?? ''}`.toLowerCase();
}
