// Words for the deadline engine's codes, as an advocate would say them.
import type { CaseEventType, DeadlineStatus, RuleConfidence } from '../../../../shared/deadlines/types';

export const EVENT_TYPE_LABELS: Record<CaseEventType, string> = {
  records_request: 'Records request',
  meeting_request: 'Meeting request',
  evaluation_request: 'Evaluation request',
  consent_to_evaluate: 'Consent to evaluate signed',
  eligibility_determination: 'Eligibility determination',
  evaluation_report: 'Evaluation report',
  iep_meeting: 'IEP meeting',
  iep_amendment_meeting: 'IEP amendment meeting',
  iee_request: 'IEE request',
  met_meeting: 'Multidisciplinary team meeting',
  state_complaint_filed: 'State complaint filed',
  violation_known: 'Violation known to the parent',
  pwn_received: 'Prior Written Notice received',
  due_process_filing: 'Due-process complaint filed',
  expedited_due_process_filing: 'Expedited due-process complaint filed',
  resolution_session: 'Resolution session',
  resolution_agreement_signed: 'Resolution agreement signed',
  hearing_date: 'Hearing date',
  hearing_decision: 'Hearing decision',
  placement_change_decision: 'Decision to change placement (discipline)',
  transfer_in_state: 'Transfer from another district',
  date_of_birth: 'Date of birth',
  developmental_delay_eligibility: 'Developmental-delay eligibility',
  letter_sent: 'Letter sent',
};

/** The events a person typically records by hand, first in the picker; the rest follow. */
export const USER_EVENT_ORDER: CaseEventType[] = [
  'records_request',
  'meeting_request',
  'evaluation_request',
  'consent_to_evaluate',
  'iee_request',
  'iep_meeting',
  'due_process_filing',
  'expedited_due_process_filing',
  'resolution_session',
  'resolution_agreement_signed',
  'hearing_date',
  'hearing_decision',
  'state_complaint_filed',
  'violation_known',
  'pwn_received',
  'eligibility_determination',
  'evaluation_report',
  'iep_amendment_meeting',
  'met_meeting',
  'placement_change_decision',
  'transfer_in_state',
  'developmental_delay_eligibility',
  'letter_sent',
];

export const STATUS_GROUPS: Array<{ status: DeadlineStatus; title: string; empty: string }> = [
  { status: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  { status: 'due', title: 'Due within a week', empty: 'Nothing due this week.' },
  { status: 'upcoming', title: 'Upcoming', empty: 'No upcoming deadlines.' },
  { status: 'unknown', title: 'Cannot be computed yet', empty: '' },
  { status: 'met', title: 'Met', empty: 'No deadline marked met yet.' },
];

export const CONFIDENCE_LABELS: Record<Exclude<RuleConfidence, 'verified'>, { tag: string; explain: string }> = {
  secondary_source: { tag: 'Secondary source', explain: 'This rule is based on a secondary source: the statute or regulation was not read. Check the citation before relying on the date.' },
  unverified: { tag: 'Unverified', explain: 'This rule has not been verified against the law. Check the citation before relying on the date.' },
};

/** "in 3 days", "today", "12 days ago". */
export function relativeDays(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** Today as YYYY-MM-DD in the user's own time zone (not UTC): the date a person would write on a letter. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
