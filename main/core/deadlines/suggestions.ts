// Events read from the case's letters, emails and notices (extract/correspondence.ts detectEvents): each is
// a suggestion with its page and sentence until the user accepts it (it becomes an event they entered, which
// starts its deadlines) or dismisses it. One whose title leaves no doubt ("Records request", "PRIOR WRITTEN
// NOTICE") counts at once, marked automatic, and can still be dismissed. What a letter states is stored when
// the document is extracted (storeLetterEvents, on the write path, under the lock), keyed by document, kind and
// a source key from its page and sentence (not its date), so an answer survives reading the letter again;
// listing reads the table only.
import type { CaseEventDto, EventSuggestionDto, SuggestedDeadline } from '../../../shared/api/deadlines';
import { computeDeadlines } from '../../../shared/deadlines/compute';
import { DEADLINE_RULES } from '../../../shared/deadlines/rules';
import { JURISDICTIONS, type CaseEvent, type CaseEventType, type DistrictCalendar, type Jurisdiction } from '../../../shared/deadlines/types';
import { AppError } from '../../../shared/errors';
import { formatDisplayDate } from '../../../shared/text/dates';
import type { Core } from '../context';
import type { FoundEvent } from '../extract/correspondence';
import { EVENT_LABELS, type EventKind } from '../extract/vocab/correspondence';
import { noticeChecksOfCase } from './notices';
import { recordHistory } from '../history/history';
import {
  calendarOfCase,
  caseState,
  correspondenceOfCase,
  eventExists,
  foundSuggestionsOfCase,
  insertEvent,
  letterFactsOfCase,
  setSuggestionAnswer,
} from './queries';
import { EVENT_TYPE_OF } from './letter-events';

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
  // A letter drafted in the app and filed as sent already starts its clock.
  const filedLetters = new Set(letterFactsOfCase(core.db, caseId).map((l) => l.documentId).filter(Boolean));
  const notices = new Map(noticeChecksOfCase(core, caseId).map((n) => [n.documentId, n.elements]));
  const letters = new Map(correspondenceOfCase(core.db, caseId).map((d) => [d.id, d]));
  const out: EventSuggestionDto[] = [];
  for (const r of foundSuggestionsOfCase(core.db, caseId)) {
    const doc = letters.get(r.document_id);
    if (!doc || filedLetters.has(doc.id)) continue;
    const kind = r.kind as EventKind;
    const action = (r.action as FoundEvent['action']) ?? null;
    const accepted = r.status === 'accepted' && !!r.event_id && eventExists(core.db, r.event_id);
    const status: EventSuggestionDto['status'] = r.status === 'dismissed' ? 'dismissed' : accepted ? 'accepted' : r.automatic ? 'automatic' : 'pending';
    const label = suggestionLabel({ kind, date: r.date, recipient: r.recipient, action }, doc.file_name, r.page);
    const eventType = EVENT_TYPE_OF[kind] ?? (r.event_type as CaseEventType);
    out.push({
      id: r.id,
      caseId,
      documentId: doc.id,
      fileName: doc.file_name,
      kind,
      eventType,
      date: r.date,
      page: r.page,
      sentence: r.sentence,
      recipient: r.recipient,
      action,
      label,
      status,
      dismissReason: r.status === 'dismissed' ? r.dismiss_reason : null,
      eventId: accepted ? r.event_id : status === 'automatic' ? `auto:${r.id}` : null,
      ...(kind === 'prior_written_notice' && notices.has(doc.id) ? { noticeElements: notices.get(doc.id) } : {}),
      deadlines: r.date ? deadlinesStarted({ id: r.id, type: eventType, date: r.date, label, sourceDocumentId: doc.id }, state, calendar, today) : [],
    });
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
    setSuggestionAnswer(core.db, s.id, { status: 'accepted', eventId, dismissReason: null }, core.nowIso());
    recordHistory(core, caseId, { kind: 'event_added', description: `Accepted the event "${label}" on ${when}, read from ${s.fileName}`, ids: [eventId, s.documentId] });
  })();
  core.emit('case.changed', { caseId, what: 'deadlines' });
  return eventId;
}

/** Dismisses a suggestion (an automatic one too: its event goes), with the user's reason if given; `restore` brings it back. */
export function dismissSuggestion(core: Core, caseId: string, suggestionId: string, restore = false, reason?: string): void {
  const s = suggestionOf(core, caseId, suggestionId);
  core.db.transaction(() => {
    setSuggestionAnswer(core.db, s.id, { status: restore ? 'pending' : 'dismissed', eventId: null, dismissReason: restore ? null : reason?.trim().slice(0, 500) || null }, core.nowIso());
    recordHistory(core, caseId, {
      kind: restore ? 'suggestion_restored' : 'suggestion_dismissed',
      description: restore ? `Brought back the suggested event "${s.label}"` : `Dismissed the suggested event "${s.label}"${reason?.trim() ? `: ${reason.trim()}` : ''}`,
      ids: [s.id, s.documentId],
    });
  })();
  core.emit('case.changed', { caseId, what: 'deadlines' });
}
