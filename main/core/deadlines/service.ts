// Deadlines of a case (or all cases): events derived from the case's IEPs, evaluations and letters
// plus those the user entered, counted against the district calendar, with the user's responses.
import type { CaseEventDto, DeadlineDto } from '../../../shared/api/deadlines';
// From the engine's own modules, not its index: the calendar files' reader and writer (ical.js) load
// only when a calendar is imported or exported.
import { computeDeadlines } from '../../../shared/deadlines/compute';
import { deriveCaseEvents } from '../../../shared/deadlines/derive';
import { DEADLINE_RULES } from '../../../shared/deadlines/rules';
import { JURISDICTIONS, type CaseEvent, type CaseEventType, type DistrictCalendar, type Jurisdiction } from '../../../shared/deadlines/types';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { getCase, listCases } from '../cases';
import { buildCaseModel } from '../timeline/case-model';
import { automaticEvents } from './suggestions';
import { adjustmentsOfCase, calendarOfCase, deleteCalendar, deleteEvent, eventOwner, eventsOfCase, insertEvent, letterFactsOfCase, updateEventFields, upsertCalendar, upsertMetDate } from './queries';
import { recordHistory } from '../history/history';

function userEvents(core: Core, caseId: string): CaseEvent[] {
  return eventsOfCase(core.db, caseId);
}

function letterFacts(core: Core, caseId: string) {
  return letterFactsOfCase(core.db, caseId);
}

export function caseEvents(core: Core, caseId: string, today = core.nowIso().slice(0, 10)): CaseEventDto[] {
  const c = getCase(core, caseId);
  const model = buildCaseModel(core, caseId, today);
  const user = userEvents(core, caseId);
  const userIds = new Set(user.map((e) => e.id));
  const evaluations = model.documents
    .filter((d) => d.type === 'evaluation' && d.date)
    .map((d) => ({ id: d.id, date: d.date!, label: d.fileName, documentId: d.id }));
  const events = deriveCaseEvents({
    today,
    dob: c.dob,
    ieps: model.ieps.map((i) => ({ id: i.id, meetingDate: i.meetingDate, type: i.type, documentId: i.documentId })),
    evaluations,
    letters: letterFacts(core, caseId),
    userEvents: user,
  });
  return [...events.map((e): CaseEventDto => ({ ...e, origin: userIds.has(e.id) ? 'user' : 'derived' })), ...automaticEvents(core, caseId)].sort((a, b) => a.date.localeCompare(b.date));
}

export function getCalendar(core: Core, caseId: string): DistrictCalendar | null {
  return calendarOfCase(core.db, caseId);
}

export function setCalendar(core: Core, caseId: string, calendar: DistrictCalendar | null): DistrictCalendar | null {
  getCase(core, caseId);
  if (!calendar) deleteCalendar(core.db, caseId);
  else upsertCalendar(core.db, caseId, calendar, core.nowIso());
  core.emit('case.changed', { caseId, what: 'calendar' });
  return getCalendar(core, caseId);
}

export async function importCalendarIcs(core: Core, caseId: string, ics: string) {
  const { parseDistrictCalendarIcs } = await import('../../../shared/deadlines/ics');
  let parsed;
  try {
    parsed = parseDistrictCalendarIcs(ics);
  } catch (e) {
    throw new AppError('invalid_input', `That calendar file could not be read (${(e as Error).message}). Export it again as .ics from the district's calendar.`);
  }
  setCalendar(core, caseId, parsed.calendar);
  return parsed;
}

function adjustments(core: Core, caseId: string) {
  return adjustmentsOfCase(core.db, caseId);
}

const jurisdictionOf = (state: string | null): Jurisdiction | null =>
  state && (JURISDICTIONS as readonly string[]).includes(state) ? (state as Jurisdiction) : null;

export function caseDeadlines(core: Core, caseId: string): DeadlineDto[] {
  const c = getCase(core, caseId);
  const today = core.nowIso().slice(0, 10);
  const events = caseEvents(core, caseId, today);
  return computeDeadlines(events, DEADLINE_RULES, { state: jurisdictionOf(c.state), calendar: getCalendar(core, caseId), today, adjustments: adjustments(core, caseId) }).map((d) => ({
    ...d,
    caseId,
    caseName: c.name,
  }));
}

export function allDeadlines(core: Core): DeadlineDto[] {
  return listCases(core)
    .flatMap((c) => caseDeadlines(core, c.id))
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
}

/** Marks a deadline of this case met (or not); a deadline the case does not have is refused. */
export function markDeadlineMet(core: Core, caseId: string, eventId: string, ruleId: string, metDate: string | null): void {
  if (!caseDeadlines(core, caseId).some((d) => d.triggerEvent.id === eventId && d.ruleId === ruleId)) {
    throw new AppError('not_found', `The case "${getCase(core, caseId).name}" has no deadline ${ruleId} started by ${eventId}: nothing was marked.`);
  }
  upsertMetDate(core.db, caseId, eventId, ruleId, metDate, core.nowIso());
  core.emit('case.changed', { caseId, what: 'deadlines' });
}

export function addEvent(core: Core, caseId: string, e: { type: CaseEventType; date: string; label: string; responseDate?: string | null; sourceDocumentId?: string | null }): string {
  getCase(core, caseId);
  const id = core.newId();
  insertEvent(core.db, { id, caseId, type: e.type, date: e.date, label: e.label, sourceDocumentId: e.sourceDocumentId ?? null, responseDate: e.responseDate ?? null, now: core.nowIso() });
  recordHistory(core, caseId, { kind: 'event_added', description: `Added the event "${e.label}" on ${e.date}`, ids: [id] });
  core.emit('case.changed', { caseId, what: 'deadlines' });
  return id;
}

/** An event the user entered in this case; one of another case is refused, naming both. */
function userEventOfCase(core: Core, caseId: string, eventId: string): void {
  const row = eventOwner(core.db, eventId);
  if (!row) throw new AppError('not_found', 'Only events you entered can be edited; derived events change with their documents.');
  if (row.caseId !== caseId) {
    throw new AppError('conflict', `The event "${row.label}" belongs to the case "${getCase(core, row.caseId).name}", not "${getCase(core, caseId).name}": nothing was changed.`, {
      reason: 'other_case',
      caseId,
    });
  }
}

export function updateEvent(core: Core, caseId: string, eventId: string, patch: { date?: string; label?: string; responseDate?: string | null }): void {
  userEventOfCase(core, caseId, eventId);
  updateEventFields(core.db, eventId, patch);
  core.emit('case.changed', { caseId, what: 'deadlines' });
}

export function removeEvent(core: Core, caseId: string, eventId: string): void {
  userEventOfCase(core, caseId, eventId);
  recordHistory(core, caseId, { kind: 'event_removed', description: `Removed the event "${eventOwner(core.db, eventId)?.label ?? eventId}"`, ids: [eventId] });
  deleteEvent(core.db, caseId, eventId);
  core.emit('case.changed', { caseId, what: 'deadlines' });
}

export async function deadlinesIcs(core: Core, caseId?: string): Promise<{ ics: string; fileName: string }> {
  const list = caseId ? caseDeadlines(core, caseId) : allDeadlines(core);
  const { deadlinesToIcs } = await import('../../../shared/deadlines/ics');
  const { ics } = deadlinesToIcs(list, { calendarName: caseId ? `IEP Casefile — ${getCase(core, caseId).name}` : 'IEP Casefile deadlines', stamp: core.nowIso() });
  return { ics, fileName: caseId ? `deadlines-${getCase(core, caseId).name.replace(/[^\w-]+/g, '_')}.ics` : 'deadlines.ics' };
}
