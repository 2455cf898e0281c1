import { z } from 'zod';
import { CASE_EVENT_TYPES, type CaseEvent, type Deadline, type DistrictCalendar } from '../deadlines/types';
import { LETTER_TEMPLATE_IDS, type LetterTemplateId } from '../deadlines/derive';
import { defineCall } from './define';

export interface DeadlineDto extends Deadline {
  caseId: string;
  caseName: string;
}

export interface CaseEventDto extends CaseEvent {
  /** Entered by the user (editable) or derived from the case's documents and letters. */
  origin: 'user' | 'derived';
}

export interface LetterTemplateDto {
  id: LetterTemplateId;
  title: string;
  description: string;
}

/** A drafted letter: every part is plain text the user edits before saving. Paragraphs starting "• " are list items. */
export interface LetterDraftDto {
  template: LetterTemplateId;
  date: string;
  subject: string;
  sender: string[];
  recipient: string[];
  salutation: string;
  paragraphs: string[];
  closing: string;
  signature: string[];
  cc: string[];
}

export interface LetterDto {
  id: string;
  caseId: string;
  template: LetterTemplateId;
  subject: string;
  draft: LetterDraftDto;
  sentDate: string | null;
  responseDate: string | null;
  documentId: string | null;
  createdAt: string;
  /** Moves on with every save of the letter; the editor saves with the version it opened. */
  version: number;
}

const caseRef = z.object({ caseId: z.string().min(1) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

const draftSchema = z.object({
  template: z.enum(LETTER_TEMPLATE_IDS),
  date: isoDate,
  subject: z.string().trim().min(1).max(500),
  sender: z.array(z.string().max(500)).max(20),
  recipient: z.array(z.string().max(500)).max(20),
  salutation: z.string().max(500),
  paragraphs: z.array(z.string().max(20_000)).max(200),
  closing: z.string().max(200),
  signature: z.array(z.string().max(500)).max(20),
  cc: z.array(z.string().max(500)).max(20),
});

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
  'letters.templates': defineCall<LetterTemplateDto[]>()(z.undefined().optional()),
  'letters.draft': defineCall<LetterDraftDto>()(caseRef.extend({ template: z.enum(LETTER_TEMPLATE_IDS) })),
  'letters.save': defineCall<LetterDto>()(
    caseRef
      .extend({ letterId: z.string().optional(), version: z.number().int().positive().optional(), draft: draftSchema, sentDate: isoDate.nullable().optional() })
      .refine((a) => !a.letterId || a.version !== undefined, { message: 'a saved letter is saved again with the version it was opened at', path: ['version'] }),
  ),
  'letters.list': defineCall<LetterDto[]>()(caseRef),
  'letters.setResponse': defineCall<LetterDto>()(caseRef.extend({ letterId: z.string().min(1), responseDate: isoDate.nullable() })),
};
