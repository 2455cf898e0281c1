import { z } from 'zod';
import { CASE_EVENT_TYPES, type CaseEvent, type Deadline, type DistrictCalendar } from '../deadlines/types';
import { defineCall, isoDate } from './define';

export interface DeadlineDto extends Deadline {
  caseId: string;
  caseName: string;
}

export interface CaseEventDto extends CaseEvent {
  /**
   * Entered by the user (editable; an accepted suggestion is one), derived from the case's documents and
   * letters, or read from a letter whose title leaves no doubt (automatic: dismissable as a suggestion).
   */
  origin: 'user' | 'derived' | 'automatic';
}

/** A deadline an event read from a letter would start (or starts, once accepted). */
export interface SuggestedDeadline {
  ruleId: string;
  title: string;
  dueDate: string | null;
  citation: string;
  confidence: Deadline['confidence'];
}

/** An event read from a letter, email or notice in the case, with the page that says so. */
export interface EventSuggestionDto {
  /** `${documentId}|${kind}|${sourceKey}` (a row stored before 0270: `|${date}`): stable across re-reading the same letter, its date included. */
  id: string;
  caseId: string;
  documentId: string;
  fileName: string;
  /** What the letter states: records_request, meeting_request, evaluation_request, iee_request, consent_to_evaluate, prior_written_notice, due_process_filing, resolution_session, hearing_date. */
  kind: string;
  /** The deadline trigger it becomes (a Prior Written Notice: the date the parent knew of the action). */
  eventType: CaseEvent['type'];
  date: string | null;
  page: number;
  sentence: string;
  recipient: string | null;
  /** Prior Written Notice: what the district does. */
  action: 'proposal' | 'refusal' | 'both' | null;
  /** "Records request sent Jan 15, 2025 to Kevin Tran - from Records_Request_2025-01-15.pdf, p. 1" */
  label: string;
  /** pending: waiting for the user; automatic: recorded at once (the title leaves no doubt); accepted: the user made it an event; dismissed. */
  status: 'pending' | 'automatic' | 'accepted' | 'dismissed';
  /** Why the user dismissed it, when they said. */
  dismissReason?: string | null;
  eventId: string | null;
  deadlines: SuggestedDeadline[];
  /** A Prior Written Notice: each element of 34 CFR 300.503(b), present with its sentence and page or missing. */
  noticeElements?: Array<{ id: string; cite: string; label: string; present: boolean; evidence: { page: number; sentence: string } | null; finding: string }>;
}

const caseRef = z.object({ caseId: z.string().min(1) });

const calendarSchema = z.lazy(() => z.object({
  name: z.string().max(200),
  terms: z.array(z.object({ label: z.string().optional(), firstDay: isoDate, lastDay: isoDate })).max(20),
  closures: z.array(z.object({ start: isoDate, end: isoDate, label: z.string().max(200), kind: z.enum(['holiday', 'break', 'non_school_day']) })).max(500),
  extraSchoolDays: z.array(isoDate).optional(),
  legalHolidays: z.array(z.object({ date: isoDate, label: z.string() })).optional(),
  closuresAreNonBusinessDays: z.boolean().optional(),
}));

export const deadlinesApi = {
  'deadlines.list': defineCall<DeadlineDto[]>()(() => z.object({ caseId: z.string().optional() })),
  'deadlines.markMet': defineCall<DeadlineDto[]>()(() => caseRef.extend({ eventId: z.string().min(1), ruleId: z.string().min(1), metDate: isoDate.nullable() })),
  'deadlines.ics': defineCall<{ ics: string; fileName: string }>()(() => z.object({ caseId: z.string().optional() })),
  'deadlines.suggestions': defineCall<EventSuggestionDto[]>()(() => caseRef),
  'deadlines.acceptSuggestion': defineCall<EventSuggestionDto[]>()(() => caseRef.extend({ suggestionId: z.string().min(1).max(600), date: isoDate.optional() })),
  'deadlines.dismissSuggestion': defineCall<EventSuggestionDto[]>()(() => caseRef.extend({ suggestionId: z.string().min(1).max(600), restore: z.boolean().optional(), reason: z.string().max(500).optional() })),
  'events.list': defineCall<CaseEventDto[]>()(() => caseRef),
  'events.add': defineCall<CaseEventDto[]>()(() => caseRef.extend({ type: z.enum(CASE_EVENT_TYPES), date: isoDate, label: z.string().trim().min(1).max(300), responseDate: isoDate.nullable().optional() })),
  'events.update': defineCall<CaseEventDto[]>()(() => caseRef.extend({ eventId: z.string().min(1), date: isoDate.optional(), label: z.string().trim().min(1).max(300).optional(), responseDate: isoDate.nullable().optional() })),
  'events.remove': defineCall<CaseEventDto[]>()(() => caseRef.extend({ eventId: z.string().min(1) })),
  'calendar.get': defineCall<DistrictCalendar | null>()(() => caseRef),
  'calendar.set': defineCall<DistrictCalendar | null>()(() => caseRef.extend({ calendar: calendarSchema.nullable() })),
  'calendar.importIcs': defineCall<{ calendar: DistrictCalendar; ignored: string[] }>()(() => caseRef.extend({ ics: z.string().min(1).max(5_000_000) })),
};
