// Types for missed-services reconciliation and the compensatory-education calculator. Pure: no node:, no DOM.
import type { Provenance, ServiceDeliverySummary, ServiceSession } from '../domain';

/** A page of a document that a figure rests on. */
export interface PageCite {
  documentId: string;
  page: number;
}

/** One service line an IEP requires, for the dates that IEP is in effect. */
export interface RequiredService {
  /** Caller's stable key for the service line (e.g. "SAI pull-out"); logs matching it count toward it. */
  serviceKey?: string | null;
  service: string;
  minutesPerWeek?: number | null;
  minutesPerMonth?: number | null;
  /** Session length, when the IEP states it: helps match a log's entries to the right line. */
  minutesPerSession?: number | null;
  startDate: string;
  endDate: string;
  source?: Provenance | null;
}

/** What one service log document shows. */
export interface ServiceLogInput {
  documentId: string;
  /** Service line the whole log belongs to, when known; otherwise each session's own service name is matched. */
  serviceKey?: string | null;
  sessions?: ServiceSession[];
  summaries?: ServiceDeliverySummary[];
  /** Dates the log says it covers ("08/16/2023 to 06/06/2024"); defaults to its first and last entries. */
  coverage?: { start: string; end: string } | null;
}

export type PeriodKind = 'school_year' | 'iep_period' | 'custom';

export interface ReconciliationPeriod {
  kind: PeriodKind;
  label?: string;
  start: string;
  end: string;
}

/** One school year's calendar: instructional days are weekdays from firstDay to lastDay that are not closed. */
export interface SchoolCalendar {
  firstDay: string;
  lastDay: string;
  closedDates?: string[];
  closedRanges?: Array<{ start: string; end: string; label?: string }>;
}

/**
 * How to count weeks in session: day-level calendars when known, or a bare count of weeks for the
 * whole period (apportioned by calendar days when several IEPs fall inside it).
 */
export interface CalendarInput {
  years?: SchoolCalendar[];
  weeksInSession?: number | null;
}

export type RequiredBasis = 'log_scheduled' | 'iep_frequency' | 'log_summary';

export interface DateRange {
  start: string;
  end: string;
}

/** A stretch of the period that no log covers: what the IEP required there, with nothing to set against it. */
export interface NoRecordRange extends DateRange {
  /** From the IEP frequency over the weeks in session; null when no calendar was given. */
  requiredMinutes: number | null;
  weeksInSession: number | null;
}

export interface MissedByReason {
  reason: string;
  minutes: number;
  sessions: number;
  responsibility: 'district' | 'student_absence';
}

export interface ServiceReconciliation {
  serviceKey: string;
  service: string;
  period: ReconciliationPeriod;
  /** 'logged': a log covers the whole period; 'partial': some of it; 'no_record': none of it. */
  status: 'logged' | 'partial' | 'no_record';
  basis: RequiredBasis | null;
  /**
   * Minutes required over the logged stretch (the log's scheduled sessions or its summary). For a
   * 'no_record' line: what the IEP frequency requires over the weeks in session (null without a calendar).
   */
  requiredMinutes: number | null;
  /** Null when no log covers any of the period: no record of delivery is not zero missed. */
  deliveredMinutes: number | null;
  missedMinutes: number | null;
  missedDistrictResponsible: number | null;
  missedStudentAbsence: number | null;
  missedByReason: MissedByReason[];
  sessionsScheduled: number;
  /** Minutes of sessions held when none was scheduled (make-ups): in delivered, not in required; they offset the district's missed minutes. */
  madeUpMinutes: number;
  sessionsFullyDelivered: number;
  sessionsPartial: number;
  sessionsMissed: number;
  /** What the IEP frequency requires over the logged stretch, for comparison with the log's own schedule. */
  iepRequiredMinutesForLoggedRange: number | null;
  loggedRanges: DateRange[];
  noRecord: NoRecordRange[];
  /** Log pages the delivered/missed figures come from. */
  cites: PageCite[];
  /** IEP pages the requirement comes from. */
  requirementCites: PageCite[];
  minutesPerWeek: number | null;
  minutesPerMonth: number | null;
}

export interface ReconciliationTotals {
  requiredMinutes: number;
  deliveredMinutes: number;
  missedMinutes: number;
  missedDistrictResponsible: number;
  missedStudentAbsence: number;
  noRecordRequiredMinutes: number;
}

export interface Reconciliation {
  period: ReconciliationPeriod;
  services: ServiceReconciliation[];
  totals: ReconciliationTotals;
  /** Log entries that matched no required service, so the user can see what was left out. */
  unmatchedSessions: number;
}

export type CompEdMethod =
  | { kind: 'hour_for_hour' }
  | { kind: 'percentage'; percent: number }
  | { kind: 'needs_based'; minutes: number; rationale: string };

export interface CompEdRow {
  serviceKey: string;
  service: string;
  periodLabel: string;
  status: ServiceReconciliation['status'];
  requiredMinutes: number | null;
  deliveredMinutes: number | null;
  missedMinutes: number | null;
  missedDistrictResponsible: number | null;
  missedStudentAbsence: number | null;
  noRecordRequiredMinutes: number | null;
  /** null for needs-based awards (set for the whole case) and for lines with no record of delivery. */
  awardMinutes: number | null;
  /** How each number in this row was computed, in words. */
  computation: string;
  cites: PageCite[];
}

export interface CompEdAward {
  method: CompEdMethod;
  period: ReconciliationPeriod;
  rows: CompEdRow[];
  totals: ReconciliationTotals & { awardMinutes: number; awardHours: number };
  /** The whole computation in words, with every figure and the pages it cites. */
  computation: string;
  cites: PageCite[];
}
