// The contacts feature's SQL: suggestions of people found in a case's records (contact_suggestions).
// Rows map to the stored shape here and nowhere else.
import type { BBox } from '../../../shared/domain';
import type { ContactDetails, ContactRole } from '../../../shared/api/contacts';
import type { Db } from '../db/open';

export type SuggestionStatus = 'pending' | 'confirmed' | 'dismissed';

export interface StoredSuggestion extends ContactDetails {
  id: string;
  caseId: string;
  personKey: string;
  documentId: string;
  page: number;
  bbox: BBox | null;
  status: SuggestionStatus;
}

interface Row {
  id: string;
  case_id: string;
  person_key: string;
  role: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  document_id: string;
  page: number;
  bbox_json: string | null;
  status: string;
}

const toStored = (r: Row): StoredSuggestion => ({
  id: r.id,
  caseId: r.case_id,
  personKey: r.person_key,
  role: r.role as ContactRole,
  name: r.name,
  title: r.title,
  email: r.email,
  phone: r.phone,
  address: r.address,
  documentId: r.document_id,
  page: r.page,
  bbox: r.bbox_json ? (JSON.parse(r.bbox_json) as BBox) : null,
  status: r.status as SuggestionStatus,
});

export function contactQueries(db: Db) {
  return {
    ofCase: (caseId: string): StoredSuggestion[] =>
      db.prepare<[string], Row>('SELECT * FROM contact_suggestions WHERE case_id = ? ORDER BY rowid').all(caseId).map(toStored),
    get: (id: string): StoredSuggestion | undefined => {
      const row = db.prepare<[string], Row>('SELECT * FROM contact_suggestions WHERE id = ?').get(id);
      return row ? toStored(row) : undefined;
    },
    /** A person found again: its details and source follow the records while it is pending; a decided one keeps its status. */
    upsert: (s: Omit<StoredSuggestion, 'status'>, now: string) =>
      db
        .prepare(
          `INSERT INTO contact_suggestions (id, case_id, person_key, role, name, title, email, phone, address, document_id, page, bbox_json, status, updated_at)
           VALUES (@id, @caseId, @personKey, @role, @name, @title, @email, @phone, @address, @documentId, @page, @bbox, 'pending', @now)
           ON CONFLICT(case_id, person_key, role) DO UPDATE SET name = excluded.name, title = excluded.title, email = excluded.email, phone = excluded.phone,
             address = excluded.address, document_id = excluded.document_id, page = excluded.page, bbox_json = excluded.bbox_json, updated_at = excluded.updated_at
           WHERE contact_suggestions.status = 'pending'`,
        )
        .run({ ...s, bbox: s.bbox ? JSON.stringify(s.bbox) : null, now }),
    /** Pending suggestions the records no longer hold: `found` lists each person still found as [role, person key]. */
    removePendingExcept: (caseId: string, found: Array<[string, string]>) =>
      db
        .prepare<[string, string]>(
          `DELETE FROM contact_suggestions WHERE case_id = ? AND status = 'pending'
           AND role || char(10) || person_key NOT IN (SELECT json_extract(value, '$[0]') || char(10) || json_extract(value, '$[1]') FROM json_each(?))`,
        )
        .run(caseId, JSON.stringify(found)),
    setStatus: (id: string, status: SuggestionStatus, now: string) => db.prepare('UPDATE contact_suggestions SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id),
  };
}
