// The deadlines feature's SQL: events the user entered (case_events), the district calendar
// (calendars), deadlines marked met (deadline_adjustments) and the letters' dates that start or
// stop a clock. Rows are mapped to the deadline engine's shapes here and nowhere else.
import type { CaseEvent, CaseEventType, DistrictCalendar } from '../../../shared/deadlines/types';
import type { Db } from '../db/open';

interface EventRow {
  id: string;
  type: string;
  date: string;
  label: string;
  source_document_id: string | null;
  response_date: string | null;
}

export function eventsOfCase(db: Db, caseId: string): CaseEvent[] {
  return db
    .prepare<[string], EventRow>('SELECT * FROM case_events WHERE case_id = ? ORDER BY date')
    .all(caseId)
    .map((r) => ({ id: r.id, type: r.type as CaseEventType, date: r.date, label: r.label, sourceDocumentId: r.source_document_id, responseDate: r.response_date }));
}

/** The case and label of an event the user entered, or null when there is none with that id. */
export function eventOwner(db: Db, eventId: string): { caseId: string; label: string } | null {
  const row = db.prepare<[string], { case_id: string; label: string }>('SELECT case_id, label FROM case_events WHERE id = ?').get(eventId);
  return row ? { caseId: row.case_id, label: row.label } : null;
}

export function insertEvent(
  db: Db,
  e: { id: string; caseId: string; type: CaseEventType; date: string; label: string; sourceDocumentId: string | null; responseDate: string | null; now: string },
): void {
  db.prepare('INSERT INTO case_events (id, case_id, type, date, label, source_document_id, response_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    e.id,
    e.caseId,
    e.type,
    e.date,
    e.label,
    e.sourceDocumentId,
    e.responseDate,
    e.now,
  );
}

export function updateEventFields(db: Db, eventId: string, patch: { date?: string; label?: string; responseDate?: string | null }): void {
  if (patch.date !== undefined) db.prepare('UPDATE case_events SET date = ? WHERE id = ?').run(patch.date, eventId);
  if (patch.label !== undefined) db.prepare('UPDATE case_events SET label = ? WHERE id = ?').run(patch.label, eventId);
  if (patch.responseDate !== undefined) db.prepare('UPDATE case_events SET response_date = ? WHERE id = ?').run(patch.responseDate, eventId);
}

export function deleteEvent(db: Db, caseId: string, eventId: string): void {
  db.prepare('DELETE FROM case_events WHERE id = ? AND case_id = ?').run(eventId, caseId);
}

/** The dates and outcome of each letter of a case, which start (a request) or stop (a reply) a clock. */
export function letterFactsOfCase(db: Db, caseId: string) {
  return db
    .prepare<[string], { id: string; template: string; sent_date: string | null; response_date: string | null; document_id: string | null; subject: string }>(
      'SELECT id, template, sent_date, response_date, document_id, subject FROM letters WHERE case_id = ?',
    )
    .all(caseId)
    .map((l) => ({ id: l.id, template: l.template, sentDate: l.sent_date, responseDate: l.response_date, documentId: l.document_id, subject: l.subject }));
}

export function calendarOfCase(db: Db, caseId: string): DistrictCalendar | null {
  const row = db.prepare<[string], { calendar_json: string }>('SELECT calendar_json FROM calendars WHERE case_id = ?').get(caseId);
  return row ? (JSON.parse(row.calendar_json) as DistrictCalendar) : null;
}

export function deleteCalendar(db: Db, caseId: string): void {
  db.prepare('DELETE FROM calendars WHERE case_id = ?').run(caseId);
}

export function upsertCalendar(db: Db, caseId: string, calendar: DistrictCalendar, now: string): void {
  db.prepare('INSERT INTO calendars (case_id, calendar_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET calendar_json = excluded.calendar_json, updated_at = excluded.updated_at').run(
    caseId,
    JSON.stringify(calendar),
    now,
  );
}

export function adjustmentsOfCase(db: Db, caseId: string) {
  return db
    .prepare<[string], { event_id: string; rule_id: string; met_date: string | null; extended_to: string | null; waived: number }>(
      'SELECT event_id, rule_id, met_date, extended_to, waived FROM deadline_adjustments WHERE case_id = ?',
    )
    .all(caseId)
    .map((a) => ({ eventId: a.event_id, ruleId: a.rule_id, metDate: a.met_date ?? undefined, extendedTo: a.extended_to ?? undefined, waived: !!a.waived }));
}

export function upsertMetDate(db: Db, caseId: string, eventId: string, ruleId: string, metDate: string | null, now: string): void {
  db.prepare(
    `INSERT INTO deadline_adjustments (case_id, event_id, rule_id, met_date, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(case_id, event_id, rule_id) DO UPDATE SET met_date = excluded.met_date, updated_at = excluded.updated_at`,
  ).run(caseId, eventId, ruleId, metDate, now);
}

export interface SuggestionRow {
  id: string;
  case_id: string;
  document_id: string;
  kind: string;
  /** The page and the words of the sentence without its date ('legacy|DATE' for a row stored before 0270). */
  source_key: string;
  event_type: string;
  date: string | null;
  page: number;
  sentence: string;
  recipient: string | null;
  action: string | null;
  automatic: number;
  /** 0: the latest read of the document no longer gives it (kept because the user answered it). */
  found: number;
  status: 'pending' | 'accepted' | 'dismissed';
  dismiss_reason: string | null;
  event_id: string | null;
}

const SUGGESTION_COLS = 'id, case_id, document_id, kind, source_key, event_type, date, page, sentence, recipient, action, automatic, found, status, dismiss_reason, event_id';

/** The events read from the case's documents that their latest read still gives. */
export function foundSuggestionsOfCase(db: Db, caseId: string): SuggestionRow[] {
  return db.prepare<[string], SuggestionRow>(`SELECT ${SUGGESTION_COLS} FROM event_suggestions WHERE case_id = ? AND found = 1`).all(caseId);
}

export function suggestionsOfDocument(db: Db, documentId: string): SuggestionRow[] {
  return db.prepare<[string], SuggestionRow>(`SELECT ${SUGGESTION_COLS} FROM event_suggestions WHERE document_id = ? ORDER BY page, id`).all(documentId);
}

export function insertSuggestion(db: Db, r: SuggestionRow, now: string): void {
  db.prepare(
    `INSERT INTO event_suggestions (${SUGGESTION_COLS}, created_at, updated_at)
     VALUES (@id, @case_id, @document_id, @kind, @source_key, @event_type, @date, @page, @sentence, @recipient, @action, @automatic, @found, @status, @dismiss_reason, @event_id, @now, @now)`,
  ).run({ ...r, now });
}

/** What a new read of the letter says (the user's answer stays). */
export function updateSuggestionRead(db: Db, r: Pick<SuggestionRow, 'id' | 'source_key' | 'event_type' | 'date' | 'page' | 'sentence' | 'recipient' | 'action' | 'automatic'>, now: string): void {
  db.prepare(
    `UPDATE event_suggestions SET source_key = @source_key, event_type = @event_type, date = @date, page = @page, sentence = @sentence, recipient = @recipient,
       action = @action, automatic = @automatic, found = 1, updated_at = @now WHERE id = @id`,
  ).run({ ...r, now });
}

export function markSuggestionNotFound(db: Db, id: string, now: string): void {
  db.prepare('UPDATE event_suggestions SET found = 0, updated_at = ? WHERE id = ?').run(now, id);
}

export function deleteSuggestion(db: Db, id: string): void {
  db.prepare('DELETE FROM event_suggestions WHERE id = ?').run(id);
}

export function setSuggestionAnswer(db: Db, id: string, a: { status: SuggestionRow['status']; eventId: string | null; dismissReason: string | null }, now: string): void {
  db.prepare('UPDATE event_suggestions SET status = ?, event_id = ?, dismiss_reason = ?, updated_at = ? WHERE id = ?').run(a.status, a.eventId, a.dismissReason, now, id);
}

/** The stamp of the pages a document's stored events were read from, or null when they never were. */
export function suggestionReadStamp(db: Db, documentId: string): string | null {
  return db.prepare<[string], { stamp: string }>('SELECT stamp FROM event_suggestion_reads WHERE document_id = ?').get(documentId)?.stamp ?? null;
}

export function setSuggestionReadStamp(db: Db, documentId: string, stamp: string, now: string): void {
  db.prepare('INSERT INTO event_suggestion_reads (document_id, stamp, read_at) VALUES (?, ?, ?) ON CONFLICT(document_id) DO UPDATE SET stamp = excluded.stamp, read_at = excluded.read_at').run(
    documentId,
    stamp,
    now,
  );
}

/** Every ready document of a type letters are (in any case), to find those whose events were never stored. */
export function correspondenceDocumentIds(db: Db): string[] {
  return db
    .prepare<[], { id: string }>(`SELECT id FROM documents WHERE deleted_at IS NULL AND status = 'ready' AND type IN ('correspondence', 'other') ORDER BY created_at`)
    .all()
    .map((r) => r.id);
}

export function documentOfCase(db: Db, documentId: string): { case_id: string; type: string; status: string } | undefined {
  return db.prepare<[string], { case_id: string; type: string; status: string }>('SELECT case_id, type, status FROM documents WHERE id = ?').get(documentId);
}

/** The case's letters, emails and notices (and unclassified documents) still in use, with their pages read. */
export function correspondenceOfCase(db: Db, caseId: string): Array<{ id: string; file_name: string; type: string; updated_at: string }> {
  return db
    .prepare<[string], { id: string; file_name: string; type: string; updated_at: string }>(
      `SELECT id, file_name, type, updated_at FROM documents WHERE case_id = ? AND deleted_at IS NULL AND status = 'ready' AND type IN ('correspondence', 'other') ORDER BY created_at`,
    )
    .all(caseId);
}

export function eventExists(db: Db, eventId: string): boolean {
  return !!db.prepare('SELECT 1 FROM case_events WHERE id = ?').get(eventId);
}

/** Changes when a document's pages are read again: the key of the events read from it. */
export function pagesStamp(db: Db, documentId: string): string {
  return JSON.stringify(db.prepare('SELECT count(*) AS n, sum(length(text)) AS len, max(layout_version) AS v FROM pages WHERE document_id = ?').get(documentId));
}

export function caseState(db: Db, caseId: string): { state: string | null } | undefined {
  return db.prepare<[string], { state: string | null }>('SELECT state FROM cases WHERE id = ?').get(caseId);
}
