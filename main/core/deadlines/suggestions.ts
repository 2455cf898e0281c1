// Events read from the case's letters, emails and notices (extract/correspondence.ts detectEvents): each is
// a suggestion with its page and sentence until the user accepts it (it becomes an event they entered, which
// starts its deadlines) or dismisses it. One whose title leaves no doubt ("Records request", "PRIOR WRITTEN
// NOTICE") counts at once, marked automatic, and can still be dismissed. Only the user's answers are
// stored (event_suggestions); what a letter says is read again from its stored pages.
import type { CaseEventDto, EventSuggestionDto, SuggestedDeadline } from '../../../shared/api/deadlines';
import { computeDeadlines } from '../../../shared/deadlines/compute';
import { DEADLINE_RULES } from '../../../shared/deadlines/rules';
import { JURISDICTIONS, type CaseEvent, type CaseEventType, type DistrictCalendar, type Jurisdiction } from '../../../shared/deadlines/types';
import { AppError } from '../../../shared/errors';
import { formatDisplayDate } from '../../../shared/text/dates';
import type { Core } from '../context';
import { documentQueries, rowToPageContent } from '../db/queries/documents';
import { detectEvents, type FoundEvent } from '../extract/correspondence';
import { EVENT_LABELS, type EventKind } from '../extract/vocab/correspondence';
import { noticeChecksOfCase } from './notices';
import { calendarOfCase, caseState, pagesStamp, correspondenceOfCase, eventExists, insertEvent, letterFactsOfCase, suggestionAnswers, upsertSuggestionAnswer } from './queries';

/** The deadline trigger each kind of letter event is. A Prior Written Notice is its own kind of event; it also starts the
 *  limitation periods counted from when the parent learned of the action (EVENT_ALSO_STARTS). */
export const EVENT_TYPE_OF: Record<EventKind, CaseEventType> = {
  records_request: 'records_request',
  meeting_request: 'meeting_request',
  evaluation_request: 'evaluation_request',
  iee_request: 'iee_request',
  consent_to_evaluate: 'consent_to_evaluate',
  prior_written_notice: 'pwn_received',
  due_process_filing: 'due_process_filing',
  resolution_session: 'resolution_session',
  hearing_date: 'hearing_date',
};

const cache = new WeakMap<Core, Map<string, { stamp: string; events: FoundEvent[] }>>();

/** What one document states, read again only when its pages change. */
function eventsOfDocument(core: Core, documentId: string): FoundEvent[] {
  const stamp = pagesStamp(core.db, documentId);
  let byDoc = cache.get(core);
  if (!byDoc) cache.set(core, (byDoc = new Map()));
  const hit = byDoc.get(documentId);
  if (hit && hit.stamp === stamp) return hit.events;
  const pages = documentQueries(core.db).pages(documentId).map(rowToPageContent);
  const events = pages.length ? detectEvents(pages) : [];
  byDoc.set(documentId, { stamp, events });
  return events;
}

const who = (recipient: string | null) => recipient?.replace(/\s*<[^>]*>/g, '').replace(/\s*\([^)]*@[^)]*\)/g, '').trim() || null;

export function suggestionLabel(e: { kind: string; date: string | null; recipient: string | null; action?: FoundEvent['action'] }, fileName: string, page: number): string {
  const base = EVENT_LABELS[e.kind as EventKind] ?? e.kind;
  const action = e.kind === 'prior_written_notice' && e.action ? ` (${e.action === 'both' ? 'proposal and refusal' : e.action})` : '';
  const to = e.kind === 'records_request' && who(e.recipient) ? ` to ${who(e.recipient)}` : '';
  return `${base}${action}${e.date ? ` ${formatDisplayDate(e.date)}` : ''}${to} - from ${fileName}, p. ${page}`.slice(0, 300);
}

const jurisdictionOf = (state: string | null): Jurisdiction | null =>
  state && (JURISDICTIONS as readonly string[]).includes(state) ? (state as Jurisdiction) : null;

function deadlinesStarted(event: CaseEvent, state: Jurisdiction | null, calendar: DistrictCalendar | null, today: string): SuggestedDeadline[] {
  return computeDeadlines([event], DEADLINE_RULES, { state, calendar, today }).map((d) => ({ ruleId: d.ruleId, title: d.title, dueDate: d.dueDate, citation: d.citation, confidence: d.confidence }));
}

/** Every event the case's letters state, with the user's answer and the deadlines each starts. */
export function caseSuggestions(core: Core, caseId: string): EventSuggestionDto[] {
  const row = caseState(core.db, caseId);
  if (!row) throw new AppError('not_found', 'That case does not exist.');
  const state = jurisdictionOf(row.state);
  const calendar = calendarOfCase(core.db, caseId);
  const today = core.nowIso().slice(0, 10);
  const answers = suggestionAnswers(core.db, caseId);
  // A letter drafted in the app and filed as sent already starts its clock.
  const filedLetters = new Set(letterFactsOfCase(core.db, caseId).map((l) => l.documentId).filter(Boolean));
  const notices = new Map(noticeChecksOfCase(core, caseId).map((n) => [n.documentId, n.elements]));
  const out: EventSuggestionDto[] = [];
  for (const doc of correspondenceOfCase(core.db, caseId)) {
    if (filedLetters.has(doc.id)) continue;
    for (const e of eventsOfDocument(core, doc.id)) {
      const id = `${doc.id}|${e.kind}|${e.date ?? ''}`;
      const answer = answers.get(id);
      const accepted = answer?.status === 'accepted' && !!answer.event_id && eventExists(core.db, answer.event_id);
      const status: EventSuggestionDto['status'] = answer?.status === 'dismissed' ? 'dismissed' : accepted ? 'accepted' : e.automatic ? 'automatic' : 'pending';
      const label = suggestionLabel(e, doc.file_name, e.page);
      const eventType = EVENT_TYPE_OF[e.kind];
      out.push({
        id,
        caseId,
        documentId: doc.id,
        fileName: doc.file_name,
        kind: e.kind,
        eventType,
        date: e.date,
        page: e.page,
        sentence: e.sentence,
        recipient: e.recipient,
        action: e.action ?? null,
        label,
        status,
        eventId: accepted ? answer!.event_id : status === 'automatic' ? `auto:${id}` : null,
        ...(e.kind === 'prior_written_notice' && notices.has(doc.id) ? { noticeElements: notices.get(doc.id) } : {}),
        deadlines: e.date ? deadlinesStarted({ id, type: eventType, date: e.date, label, sourceDocumentId: doc.id }, state, calendar, today) : [],
      });
    }
  }
  return out.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.label.localeCompare(b.label));
}

/** The automatic events (titles that leave no doubt, not dismissed): they count like derived ones. */
export function automaticEvents(core: Core, caseId: string): CaseEventDto[] {
  return caseSuggestions(core, caseId)
    .filter((s) => s.status === 'automatic' && s.date)
    .map((s) => ({ id: s.eventId!, type: s.eventType, date: s.date!, label: `${s.label} (automatic)`, sourceDocumentId: s.documentId, responseDate: null, origin: 'automatic' as const }));
}

function suggestionOf(core: Core, caseId: string, suggestionId: string): EventSuggestionDto {
  const s = caseSuggestions(core, caseId).find((x) => x.id === suggestionId);
  if (!s) throw new AppError('not_found', 'That suggestion is no longer in the case: its letter was removed or read again differently.');
  return s;
}

const answerRow = (s: EventSuggestionDto, status: 'accepted' | 'dismissed' | 'pending', eventId: string | null) => ({
  id: s.id,
  case_id: s.caseId,
  document_id: s.documentId,
  kind: s.kind,
  event_type: s.eventType,
  date: s.date,
  page: s.page,
  sentence: s.sentence,
  recipient: s.recipient,
  status,
  event_id: eventId,
});

/** Makes the suggestion an event of the case (the user's, editable), starting its deadlines; `date` when the letter gave none or the user corrects it. */
export function acceptSuggestion(core: Core, caseId: string, suggestionId: string, date?: string): string {
  const s = suggestionOf(core, caseId, suggestionId);
  if (s.status === 'accepted' && s.eventId) return s.eventId;
  const when = date ?? s.date;
  if (!when) throw new AppError('invalid_input', `"${s.label}" has no date in its letter: give the date to accept it.`);
  const eventId = core.newId();
  const label = date && date !== s.date ? suggestionLabel({ ...s, date }, s.fileName, s.page) : s.label;
  core.db.transaction(() => {
    insertEvent(core.db, { id: eventId, caseId, type: s.eventType, date: when, label, sourceDocumentId: s.documentId, responseDate: null, now: core.nowIso() });
    upsertSuggestionAnswer(core.db, answerRow(s, 'accepted', eventId), core.nowIso());
  })();
  core.emit('case.changed', { caseId, what: 'deadlines' });
  return eventId;
}

/** Dismisses a suggestion (an automatic one too: its event goes); `restore` brings it back. */
export function dismissSuggestion(core: Core, caseId: string, suggestionId: string, restore = false): void {
  const s = suggestionOf(core, caseId, suggestionId);
  upsertSuggestionAnswer(core.db, answerRow(s, restore ? 'pending' : 'dismissed', null), core.nowIso());
  core.emit('case.changed', { caseId, what: 'deadlines' });
}
