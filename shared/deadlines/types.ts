// Types for the deadline engine. Pure: usable in core, CLI and renderer alike.

/** US = federal law (IDEA Part B, 34 CFR 300; FERPA, 34 CFR 99), which every state inherits unless overridden. */
export const JURISDICTIONS = ['US', 'CA', 'MS', 'MO'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export type DeadlineUnit =
  | 'calendar_days'
  | 'business_days'
  | 'school_days'
  /** California tolling: calendar days, but summer/intersession and vacations of more than 5 schooldays do not count. */
  | 'calendar_days_excl_ca_breaks'
  | 'months'
  | 'years'
  /** No legal number: the app only raises a soft reminder after `reminderDays`. */
  | 'none';

/** The research file's tag: P primary text read; S secondary source; K known but not retrieved; X conflict or nothing found. */
export type SourceTag = 'P' | 'S' | 'K' | 'X';
/** What the UI shows: P is verified, S is "based on secondary source", K and X are unverified. */
export type RuleConfidence = 'verified' | 'secondary_source' | 'unverified';

export function confidenceOf(tag: SourceTag): RuleConfidence {
  return tag === 'P' ? 'verified' : tag === 'S' ? 'secondary_source' : 'unverified';
}

export const CASE_EVENT_TYPES = [
  'records_request',
  'meeting_request',
  'evaluation_request',
  'consent_to_evaluate',
  'eligibility_determination',
  'evaluation_report',
  'iep_meeting',
  /** A meeting that amended the IEP without the annual review: it does not restart the annual clock. */
  'iep_amendment_meeting',
  'iee_request',
  'met_meeting',
  'state_complaint_filed',
  'violation_known',
  /** A Prior Written Notice (or Notice of Action) received: rules may start from it, and it also starts what 'violation_known' starts (EVENT_ALSO_STARTS). */
  'pwn_received',
  'due_process_filing',
  'expedited_due_process_filing',
  'resolution_session',
  'resolution_agreement_signed',
  'hearing_date',
  'hearing_decision',
  'placement_change_decision',
  'transfer_in_state',
  'date_of_birth',
  'developmental_delay_eligibility',
  'letter_sent',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * Event types that also start the rules of another type. A Prior Written Notice is when the parent learned
 * of the action it proposes or refuses, so the limitation periods counted from 'violation_known' (34 CFR
 * 300.507(a)(2), 300.153(c)) start from it too.
 */
export const EVENT_ALSO_STARTS: Partial<Record<CaseEventType, readonly CaseEventType[]>> = {
  pwn_received: ['violation_known'],
};

export interface CaseEvent {
  id: string;
  type: CaseEventType;
  /** ISO date the event happened (or is scheduled, for meetings and hearings). */
  date: string;
  label: string;
  sourceDocumentId?: string | null;
  /** The date the district (or agency) responded or completed what the deadline asks: the deadline is met. */
  responseDate?: string | null;
}

/** Who must act by the date: the district, a state agency or hearing officer, or the parent's own side. */
export type DeadlineOwner = 'district' | 'state_agency' | 'hearing_officer' | 'parent';

export interface DeadlineRule {
  id: string;
  jurisdiction: Jurisdiction;
  title: string;
  trigger: CaseEventType;
  /** Plain words for the trigger, as the research file states it. */
  triggerText: string;
  amount: number;
  unit: DeadlineUnit;
  /** Count backward from the trigger (hearing disclosure, "before the 10th birthday"). */
  backward?: boolean;
  /** Mississippi's 14-day rule: the trigger day itself is day 1. Default: the day after the trigger is day 1. */
  triggerIsDayOne?: boolean;
  /** Days added after the main count (e.g. -1 for "the day before"). */
  offsetDays?: number;
  /** Count from the due date of another rule for the same event (the 45-day decision after the 30-day resolution period). */
  startsAfterRule?: string;
  /** The due date is the earlier of the count and the day before any of these later events (records before a meeting). */
  beforeEvents?: CaseEventType[];
  /** Only applies when the case also has an event of this type (Mississippi developmental-delay re-eligibility). */
  requiresEvent?: CaseEventType;
  /**
   * California's end-of-year rules (56321, 56344): when the trigger (or the latest event of type keyedTo on or
   * before it) falls this many days or fewer before the regular school year ends, the due date becomes N days
   * after the next regular school year starts.
   */
  endOfYear?: { daysBeforeYearEnd: number; keyedTo?: CaseEventType; daysAfterNextYearStarts: number };
  /** For unit 'none': a soft reminder this many days after the trigger, with no legal number claimed. */
  reminderDays?: number;
  exclusions: string[];
  /** What the district must do by the date, in plain words (letters quote this). */
  requirement: string;
  consequence: string;
  citation: string;
  sourceTag: SourceTag;
  owner: DeadlineOwner;
  /** Federal rule ids this state rule replaces. */
  overrides?: string[];
  /** Reference-only rules are listed in the table but produce no deadline unless asked. */
  referenceOnly?: boolean;
  notes?: string[];
}

/** One inclusive range of days on which children do not attend school for instruction. */
export interface CalendarClosure {
  start: string;
  end: string;
  label: string;
  kind: 'holiday' | 'break' | 'non_school_day';
}

export interface SchoolYearTerm {
  label?: string;
  /** First and last instructional days of the regular school year. */
  firstDay: string;
  lastDay: string;
}

export interface DistrictCalendar {
  name: string;
  terms: SchoolYearTerm[];
  closures: CalendarClosure[];
  /** Weekend days with instruction (Saturday school), rare. */
  extraSchoolDays?: string[];
  /** Replaces the built-in federal + state legal-holiday table when given (the user edits it). */
  legalHolidays?: Array<{ date: string; label: string }>;
  /** Ed Code 56504 does not define business day: the user may treat district closure days as non-business days. */
  closuresAreNonBusinessDays?: boolean;
}

export type DeadlineStatus = 'upcoming' | 'due' | 'overdue' | 'met' | 'unknown';

export interface Deadline {
  /** `${eventId}:${ruleId}`: stable across recomputation. */
  id: string;
  ruleId: string;
  title: string;
  /** Null when it cannot be computed (school days with no calendar, calendar runs out). */
  dueDate: string | null;
  status: DeadlineStatus;
  triggerEvent: { id: string; type: CaseEventType; date: string; label: string; sourceDocumentId: string | null };
  jurisdiction: Jurisdiction;
  citation: string;
  confidence: RuleConfidence;
  sourceTag: SourceTag;
  owner: DeadlineOwner;
  kind: 'deadline' | 'reminder';
  /** A district calendar was used for the count. */
  calendarUsed: boolean;
  /** The result depends on a district calendar that was not entered (or ran out). */
  calendarMissing: boolean;
  /** The date under the other reading of "business day" (closure days counted / not counted), when it differs. */
  alternateDueDate: string | null;
  metDate: string | null;
  /** Days from today to the due date (negative when past). */
  daysRemaining: number | null;
  consequence: string;
  note: string;
}

/** A user-recorded extension, waiver or completion for one deadline (§9: replaces the computed date, shows who granted it). */
export interface DeadlineAdjustment {
  eventId: string;
  ruleId: string;
  extendedTo?: string;
  grantedBy?: string;
  /** The parent and district agreed it is unnecessary (e.g. reevaluation): no deadline is shown. */
  waived?: boolean;
  metDate?: string;
}

export interface ComputeOptions {
  state: Jurisdiction | null;
  calendar: DistrictCalendar | null;
  today: string;
  /** A deadline is 'due' from this many days before its date. Default 7 (§8 reminder). */
  dueSoonDays?: number;
  adjustments?: DeadlineAdjustment[];
  includeReferenceRules?: boolean;
}
