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

interface EventRow {
  id: string;
  type: string;
  date: string;
  label: string;
  source_document_id: string | null;
  response_date: string | null;
}

function userEvents(core: Core, caseId: string): CaseEvent[] {
  return core.db
    .prepare<[string], EventRow>('SELECT * FROM case_events WHERE case_id = ? ORDER BY date')
    .all(caseId)
    .map((r) => ({ id: r.id, type: r.type as CaseEventType, date: r.date, label: r.label, sourceDocumentId: r.source_document_id, responseDate: r.response_date }));
}

function letterFacts(core: Core, caseId: string) {
  return core.db
    .prepare<[string], { id: string; template: string; sent_date: string | null; response_date: string | null; document_id: string | null; subject: string }>(
      'SELECT id, template, sent_date, response_date, document_id, subject FROM letters WHERE case_id = ?',
    )
    .all(caseId)
    .map((l) => ({ id: l.id, template: l.template, sentDate: l.sent_date, responseDate: l.response_date, documentId: l.document_id, subject: l.subject }));
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
  return events.map((e) => ({ ...e, origin: userIds.has(e.id) ? 'user' : 'derived' }));
}

export function getCalendar(core: Core, caseId: string): DistrictCalendar | null {
  const row = core.db.prepare<[string], { calendar_json: string }>('SELECT calendar_json FROM calendars WHERE case_id = ?').get(caseId);
  return row ? (JSON.parse(row.calendar_json) as DistrictCalendar) : null;
}

export function setCalendar(core: Core, caseId: string, calendar: DistrictCalendar | null): DistrictCalendar | null {
  getCase(core, caseId);
  if (!calendar) core.db.prepare('DELETE FROM calendars WHERE case_id = ?').run(caseId);
  else
    core.db
      .prepare('INSERT INTO calendars (case_id, calendar_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET calendar_json = excluded.calendar_json, updated_at = excluded.updated_at')
      .run(caseId, JSON.stringify(calendar), core.nowIso());
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
  return core.db
    .prepare<[string], { event_id: string; rule_id: string; met_date: string | null; extended_to: string | null; waived: number }>(
      'SELECT event_id, rule_id, met_date, extended_to, waived FROM deadline_adjustments WHERE case_id = ?',
    )
    .all(caseId)
    .map((a) => ({ eventId: a.event_id, ruleId: a.rule_id, metDate: a.met_date ?? undefined, extendedTo: a.extended_to ?? undefined, waived: !!a.waived }));
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
  core.db
    .prepare(
      `INSERT INTO deadline_adjustments (case_id, event_id, rule_id, met_date, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(case_id, event_id, rule_id) DO UPDATE SET met_date = excluded.met_date, updated_at = excluded.updated_at`,
    )
    .run(caseId, eventId, ruleId, metDate, core.nowIso());
  core.emit('case.changed', { caseId, what: 'deadlines' });
}

export function addEvent(core: Core, caseId: string, e: { type: CaseEventType; date: string; label: string; responseDate?: string | null; sourceDocumentId?: string | null }): string {
  getCase(core, caseId);
  const id = core.newId();
  core.db
    .prepare('INSERT INTO case_events (id, case_id, type, date, label, source_document_id, response_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, caseId, e.type, e.date, e.label, e.sourceDocumentId ?? null, e.responseDate ?? null, core.nowIso());
  core.emit('case.changed', { caseId, what: 'deadlines' });
  return id;
}

/** An event the user entered in this case; one of another case is refused, naming both. */
function userEventOfCase(core: Core, caseId: string, eventId: string): void {
  const row = core.db.prepare<[string], { case_id: string; label: string }>('SELECT case_id, label FROM case_events WHERE id = ?').get(eventId);
  if (!row) throw new AppError('not_found', 'Only events you entered can be edited; derived events change with their documents.');
  if (row.case_id !== caseId) {
    throw new AppError('conflict', `The event "${row.label}" belongs to the case "${getCase(core, row.case_id).name}", not "${getCase(core, caseId).name}": nothing was changed.`, {
      reason: 'other_case',
      caseId,
    });
  }
}

export function updateEvent(core: Core, caseId: string, eventId: string, patch: { date?: string; label?: string; responseDate?: string | null }): void {
  userEventOfCase(core, caseId, eventId);
  if (patch.date !== undefined) core.db.prepare('UPDATE case_events SET date = ? WHERE id = ?').run(patch.date, eventId);
  if (patch.label !== undefined) core.db.prepare('UPDATE case_events SET label = ? WHERE id = ?').run(patch.label, eventId);
  if (patch.responseDate !== undefined) core.db.prepare('UPDATE case_events SET response_date = ? WHERE id = ?').run(patch.responseDate, eventId);
  core.emit('case.changed', { caseId, what: 'deadlines' });
}

export function removeEvent(core: Core, caseId: string, eventId: string): void {
  userEventOfCase(core, caseId, eventId);
  core.db.prepare('DELETE FROM case_events WHERE id = ? AND case_id = ?').run(eventId, caseId);
  core.emit('case.changed', { caseId, what: 'deadlines' });
}

export async function deadlinesIcs(core: Core, caseId?: string): Promise<{ ics: string; fileName: string }> {
  const list = caseId ? caseDeadlines(core, caseId) : allDeadlines(core);
  const { deadlinesToIcs } = await import('../../../shared/deadlines/ics');
  const { ics } = deadlinesToIcs(list, { calendarName: caseId ? `IEP Casefile — ${getCase(core, caseId).name}` : 'IEP Casefile deadlines', stamp: core.nowIso() });
  return { ics, fileName: caseId ? `deadlines-${getCase(core, caseId).name.replace(/[^\w-]+/g, '_')}.ics` : 'deadlines.ics' };
}
