// Public surface of the deadline engine (pure). Core and the CLI use it; the renderer imports its types only, since the holiday data (date-holidays) is large.
export * from './types';
export { legalHolidays } from './holidays';
export { addYears, makeDayCounter } from './calendar';
export { DEADLINE_RULES, rulesForState } from './rules';
export { computeDeadlines } from './compute';
export { deriveCaseEvents } from './derive';
export { classifyCalendarEntry, deadlinesToIcs, districtCalendarToIcs, parseDistrictCalendarIcs } from './ics';
