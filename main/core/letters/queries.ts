// The letters table's SQL: saved letters with their drafts, the version each save moves on, the
// sent and reply dates and the filed copy. Rows are mapped to LetterDto here and nowhere else.
import type { LetterDto } from '../../../shared/api/letters';
import type { LetterTemplateId } from '../../../shared/deadlines/derive';
import type { Db } from '../db/open';

interface LetterRow {
  id: string;
  case_id: string;
  template: string;
  subject: string;
  draft_json: string;
  sent_date: string | null;
  response_date: string | null;
  document_id: string | null;
  created_at: string;
  version: number;
}

const toDto = (r: LetterRow): LetterDto => ({
  id: r.id,
  caseId: r.case_id,
  template: r.template as LetterTemplateId,
  subject: r.subject,
  draft: JSON.parse(r.draft_json),
  sentDate: r.sent_date,
  responseDate: r.response_date,
  documentId: r.document_id,
  createdAt: r.created_at,
  version: r.version,
});

export function lettersOfCase(db: Db, caseId: string): LetterDto[] {
  return db.prepare<[string], LetterRow>('SELECT * FROM letters WHERE case_id = ? ORDER BY created_at DESC').all(caseId).map(toDto);
}

export function letterById(db: Db, letterId: string): LetterDto | null {
  const r = db.prepare<[string], LetterRow>('SELECT * FROM letters WHERE id = ?').get(letterId);
  return r ? toDto(r) : null;
}

/** A letter as saved from the editor: its draft as JSON, its sent date, and the time of the save. */
export interface LetterWrite {
  id: string;
  caseId: string;
  template: string;
  subject: string;
  draft: string;
  sent: string | null;
  now: string;
  version: number | undefined;
}

export function insertLetter(db: Db, row: LetterWrite): void {
  db.prepare('INSERT INTO letters (id, case_id, template, subject, draft_json, sent_date, created_at, updated_at) VALUES (@id, @caseId, @template, @subject, @draft, @sent, @now, @now)').run(row);
}

/** Saves over a letter only at the version given; false when it has moved on since (nothing written). */
export function updateLetterAtVersion(db: Db, row: LetterWrite): boolean {
  return (
    db.prepare('UPDATE letters SET subject = @subject, draft_json = @draft, sent_date = @sent, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version').run(row).changes > 0
  );
}

export function setLetterDocument(db: Db, letterId: string, documentId: string): void {
  db.prepare('UPDATE letters SET document_id = ? WHERE id = ?').run(documentId, letterId);
}

export function setLetterResponseDate(db: Db, letterId: string, responseDate: string | null, now: string): void {
  db.prepare('UPDATE letters SET response_date = ?, updated_at = ? WHERE id = ?').run(responseDate, now, letterId);
}
