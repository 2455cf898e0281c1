// Public surface of the deadline engine (pure; safe for core, CLI and renderer).
export * from './types';
export { legalHolidays } from './holidays';
export { addMonths, addYears, eachDay, isWeekend, makeDayCounter, type CalendarGap, type DayCounter } from './calendar';
export { CONFIDENCE_LABEL, DEADLINE_RULES, describeRuleTime, primaryRuleFor, ruleById, ruleConfidence, rulesForState } from './rules';
export { computeDeadlines, countFromTrigger } from './compute';
export { deriveCaseEvents, LETTER_STARTS_EVENT, LETTER_TEMPLATE_IDS, type CaseFacts, type LetterTemplateId } from './derive';
export { classifyCalendarEntry, deadlinesToIcs, districtCalendarToIcs, parseDistrictCalendarIcs, type CalendarImport } from './ics';
