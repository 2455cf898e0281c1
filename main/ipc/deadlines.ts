import { addEvent, allDeadlines, caseDeadlines, caseEvents, deadlinesIcs, getCalendar, importCalendarIcs, markDeadlineMet, removeEvent, setCalendar, updateEvent } from '../core/deadlines/service';
import { acceptSuggestion, caseSuggestions, dismissSuggestion } from '../core/deadlines/suggestions';
import type { Registry } from './registry';

export function registerDeadlines(reg: Registry): void {
  reg.register('deadlines.list', ({ caseId }, { core }) => (caseId ? caseDeadlines(core, caseId) : allDeadlines(core)));
  reg.register('deadlines.markMet', ({ caseId, eventId, ruleId, metDate }, { core }) => {
    markDeadlineMet(core, caseId, eventId, ruleId, metDate);
    return caseDeadlines(core, caseId);
  });
  reg.register('deadlines.ics', ({ caseId }, { core }) => deadlinesIcs(core, caseId));
  reg.register('deadlines.suggestions', ({ caseId }, { core }) => caseSuggestions(core, caseId));
  reg.register('deadlines.acceptSuggestion', ({ caseId, suggestionId, date }, { core }) => {
    acceptSuggestion(core, caseId, suggestionId, date);
    return caseSuggestions(core, caseId);
  });
  reg.register('deadlines.dismissSuggestion', ({ caseId, suggestionId, restore, reason }, { core }) => {
    dismissSuggestion(core, caseId, suggestionId, restore, reason);
    return caseSuggestions(core, caseId);
  });
  reg.register('events.list', ({ caseId }, { core }) => caseEvents(core, caseId));
  reg.register('events.add', ({ caseId, ...e }, { core }) => {
    addEvent(core, caseId, e);
    return caseEvents(core, caseId);
  });
  reg.register('events.update', ({ caseId, eventId, ...patch }, { core }) => {
    updateEvent(core, caseId, eventId, patch);
    return caseEvents(core, caseId);
  });
  reg.register('events.remove', ({ caseId, eventId }, { core }) => {
    removeEvent(core, caseId, eventId);
    return caseEvents(core, caseId);
  });
  reg.register('calendar.get', ({ caseId }, { core }) => getCalendar(core, caseId));
  reg.register('calendar.set', ({ caseId, calendar }, { core }) => setCalendar(core, caseId, calendar));
  reg.register('calendar.importIcs', ({ caseId, ics }, { core }) => importCalendarIcs(core, caseId, ics));
}
