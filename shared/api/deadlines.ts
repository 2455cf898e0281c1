import { z } from 'zod';
import { CASE_EVENT_TYPES, type CaseEvent, type Deadline, type DistrictCalendar } from '../deadlines/types';
import { defineCall, isoDate } from './define';

export interface DeadlineDto extends Deadline {
  caseId: string;
  caseName: string;
}

export interface CaseEventDto extends CaseEvent {
  /** Entered by the user (editable) or derived from the case's documents and letters. */
  origin: 'user' | 'derived';
}

const caseRef = z.object({ caseId: z.string().min(1) });

const calendarSchema = z.object({
  name: z.string().max(200),
  terms: z.array(z.object({ label: z.string().optional(), firstDay: isoDate, lastDay: isoDate })).max(20),
  closures: z.array(z.object({ start: isoDate, end: isoDate, label: z.string().max(200), kind: z.enum(['holiday', 'break', 'non_school_day']) })).max(500),
  extraSchoolDays: z.array(isoDate).optional(),
  legalHolidays: z.array(z.object({ date: isoDate, label: z.string() })).optional(),
  closuresAreNonBusinessDays: z.boolean().optional(),
});

export const deadlinesApi = {
  'deadlines.list': defineCall<DeadlineDto[]>()(z.object({ caseId: z.string().optional() })),
  'deadlines.markMet': defineCall<DeadlineDto[]>()(caseRef.extend({ eventId: z.string().min(1), ruleId: z.string().min(1), metDate: isoDate.nullable() })),
  'deadlines.ics': defineCall<{ ics: string; fileName: string }>()(z.object({ caseId: z.string().optional() })),
  'events.list': defineCall<CaseEventDto[]>()(caseRef),
  'events.add': defineCall<CaseEventDto[]>()(caseRef.extend({ type: z.enum(CASE_EVENT_TYPES), date: isoDate, label: z.string().trim().min(1).max(300), responseDate: isoDate.nullable().optional() })),
  'events.update': defineCall<CaseEventDto[]>()(caseRef.extend({ eventId: z.string().min(1), date: isoDate.optional(), label: z.string().trim().min(1).max(300).optional(), responseDate: isoDate.nullable().optional() })),
  'events.remove': defineCall<CaseEventDto[]>()(caseRef.extend({ eventId: z.string().min(1) })),
  'calendar.get': defineCall<DistrictCalendar | null>()(caseRef),
  'calendar.set': defineCall<DistrictCalendar | null>()(caseRef.extend({ calendar: calendarSchema.nullable() })),
  'calendar.importIcs': defineCall<{ calendar: DistrictCalendar; ignored: string[] }>()(caseRef.extend({ ics: z.string().min(1).max(5_000_000) })),
};
