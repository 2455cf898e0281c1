// Events derived from what the case already knows: IEP meetings, evaluations, letters sent, the child's birthday.
import type { IepSubtype } from '../domain';
import { formatDisplayDate } from '../text/dates';
import type { CaseEvent, CaseEventType } from './types';

export const LETTER_TEMPLATE_IDS = [
  'records_request',
  'iep_meeting_request',
  'iep_revision_demand',
  'iee_request',
  'compensatory_education_request',
  'service_logs_request',
] as const;
export type LetterTemplateId = (typeof LETTER_TEMPLATE_IDS)[number];

/** The clock a letter starts when it is sent. */
export const LETTER_STARTS_EVENT: Record<LetterTemplateId, CaseEventType> = {
  records_request: 'records_request',
  service_logs_request: 'records_request',
  iep_meeting_request: 'meeting_request',
  iep_revision_demand: 'meeting_request',
  compensatory_education_request: 'meeting_request',
  iee_request: 'iee_request',
};

export interface CaseFacts {
  /** ISO today: a later meeting only counts as holding the annual review once it has happened. */
  today: string;
  dob?: string | null;
  ieps: Array<{ id: string; meetingDate: string | null; type: IepSubtype | null; documentId?: string | null }>;
  /** Evaluations or reevaluations with their eligibility-determination (or report) date. */
  evaluations?: Array<{ id: string; date: string; label?: string; documentId?: string | null }>;
  letters?: Array<{ id: string; template: string; sentDate: string | null; responseDate?: string | null; documentId?: string | null; subject?: string | null }>;
  /** Entered by the user: requests, consent, filings, hearing dates, scheduled meetings. Kept as they are. */
  userEvents?: CaseEvent[];
}

const IEP_LABEL: Partial<Record<IepSubtype, string>> = { initial: 'Initial IEP meeting', annual: 'Annual IEP meeting', reevaluation: 'Triennial IEP meeting' };

/** Marks each event of a chain as answered by the next one that has happened (the next annual IEP, the next evaluation). */
function chain(events: CaseEvent[], today: string): void {
  events.sort((a, b) => a.date.localeCompare(b.date));
  for (let i = 0; i < events.length - 1; i++) {
    const next = events[i + 1];
    if (next.date <= today && !events[i].responseDate) events[i].responseDate = next.date;
  }
}

export function deriveCaseEvents(facts: CaseFacts): CaseEvent[] {
  // Copies: chaining sets responseDate, and the caller's objects stay untouched.
  const user = (facts.userEvents ?? []).map((e) => ({ ...e }));
  const derived: CaseEvent[] = [];

  const held = facts.ieps.filter((i) => i.meetingDate);
  const reviews: CaseEvent[] = held
    .filter((i) => i.type !== 'amendment')
    .map((i) => ({
      id: `iep:${i.id}`, type: 'iep_meeting' as const, date: i.meetingDate!,
      label: `${(i.type && IEP_LABEL[i.type]) ?? 'IEP meeting'} ${formatDisplayDate(i.meetingDate)}`, sourceDocumentId: i.documentId ?? null,
    }));
  chain([...reviews, ...user.filter((e) => e.type === 'iep_meeting')], facts.today);
  derived.push(...reviews);
  derived.push(...held.filter((i) => i.type === 'amendment').map((i) => ({
    id: `iep:${i.id}`, type: 'iep_amendment_meeting' as const, date: i.meetingDate!,
    label: `IEP amendment meeting ${formatDisplayDate(i.meetingDate)}`, sourceDocumentId: i.documentId ?? null,
  })));

  // An initial or triennial IEP implies an eligibility determination at about its meeting date when no evaluation is on file.
  const evaluations: CaseEvent[] = (facts.evaluations ?? []).map((e) => ({
    id: `eval:${e.id}`, type: 'evaluation_report' as const, date: e.date, label: e.label ?? `Evaluation ${formatDisplayDate(e.date)}`, sourceDocumentId: e.documentId ?? null,
  }));
  for (const iep of held.filter((i) => i.type === 'initial' || i.type === 'reevaluation')) {
    const near = evaluations.some((e) => Math.abs(Date.parse(e.date) - Date.parse(iep.meetingDate!)) <= 120 * 86_400_000);
    if (!near) {
      evaluations.push({
        id: `eval:iep:${iep.id}`, type: 'evaluation_report', date: iep.meetingDate!,
        label: `Eligibility at the ${iep.type === 'initial' ? 'initial' : 'triennial'} IEP ${formatDisplayDate(iep.meetingDate)}`, sourceDocumentId: iep.documentId ?? null,
      });
    }
  }
  chain([...evaluations, ...user.filter((e) => e.type === 'evaluation_report')], facts.today);
  derived.push(...evaluations);

  for (const letter of facts.letters ?? []) {
    const type = LETTER_STARTS_EVENT[letter.template as LetterTemplateId];
    if (!type || !letter.sentDate) continue;
    derived.push({
      id: `letter:${letter.id}`, type, date: letter.sentDate,
      label: `${letter.subject || letter.template.replace(/_/g, ' ')} (letter sent ${formatDisplayDate(letter.sentDate)})`,
      sourceDocumentId: letter.documentId ?? null, responseDate: letter.responseDate ?? null,
    });
  }
  if (facts.dob) derived.push({ id: 'dob', type: 'date_of_birth', date: facts.dob, label: `Date of birth ${formatDisplayDate(facts.dob)}` });

  const duplicate = (e: CaseEvent) => user.some((u) => u.type === e.type && u.date === e.date);
  return [...user, ...derived.filter((e) => !duplicate(e))].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
