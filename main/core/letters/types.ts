// What a letter is drafted from, and the editable draft it becomes. Pure types (the renderer may import them).
import type { Jurisdiction } from '../../../shared/deadlines/types';
import type { LetterTemplateId } from '../../../shared/deadlines/derive';

export type { LetterTemplateId };

/** Where a figure came from, as the letter prints it: "(Progress Report 06/04/2025, p. 1)". */
export interface LetterCite {
  document: string;
  page?: number | null;
}

export interface LetterPerson {
  name: string;
  role?: string | null;
  address?: string[];
  email?: string | null;
  phone?: string | null;
}

export interface LetterGoal {
  number?: number | null;
  area: string | null;
  text?: string | null;
  baseline: number | null;
  target: number | null;
  unit: string | null;
  /** The most recent reported data point. */
  latest?: { value: number; date: string | null } | null;
  /** Reported data in date order (progress reports), to show the trend. */
  dataPoints?: Array<{ value: number; date: string | null }>;
  /** Date of the IEP in which this goal (or its near-identical predecessor) was first written. */
  firstWritten?: string | null;
  cite?: LetterCite | null;
}

export interface PercentileSeries {
  test: string;
  subtest: string;
  points: Array<{ date: string; percentile: number }>;
  cite?: LetterCite | null;
}

export interface LetterService {
  service: string;
  frequencyText: string | null;
  minutesPerWeek: number | null;
  location?: string | null;
  /** Dates of the IEPs that list the same service at the same amount. */
  sameInIeps?: string[];
  cite?: LetterCite | null;
}

/** The compensatory-education calculator's figures for one service. */
export interface CompEdFigures {
  service: string;
  periodStart: string | null;
  periodEnd: string | null;
  minutesRequired: number;
  minutesDelivered: number;
  minutesMissedDistrictResponsible: number;
  minutesMissedStudentAbsence?: number | null;
  /** What the calculator proposes to request, when it differs from the minutes missed. */
  proposedMinutes?: number | null;
  cite?: LetterCite | null;
}

export interface LetterContext {
  /** ISO date the letter is dated. */
  today: string;
  state: Jurisdiction | null;
  child: { name: string; dob: string | null; grade: string | null; school: string | null; studentId?: string | null };
  district: { name: string | null; address?: string[] };
  /** The director or case manager on file; null addresses the director of special education by title. */
  addressee: LetterPerson | null;
  cc?: LetterPerson[];
  parent: LetterPerson;
  goals: LetterGoal[];
  percentiles: PercentileSeries[];
  services: LetterService[];
  compEd: CompEdFigures[];
  lastIepDate?: string | null;
  /** The evaluation the parent disagrees with (IEE request). */
  lastEvaluation?: { date: string; title: string; areas?: string[] } | null;
  /** Start of the period for records and service logs (e.g. the first IEP on file). */
  recordsFrom?: string | null;
  /** A red flag the letter acts on: its finding is stated as evidence, with its sources, after the introduction. */
  finding?: LetterFinding | null;
}

/** A red flag's finding as a letter quotes it: what the records show and where (no conclusion drawn). */
export interface LetterFinding {
  text: string;
  cites: LetterCite[];
}

/** A drafted letter: every part is plain text the user edits before saving. Paragraphs starting "• " are list items. */
export type { LetterDraftDto as LetterDraft } from '../../../shared/api/letters';
