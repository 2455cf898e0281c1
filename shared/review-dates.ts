// The next annual IEP review and the next reevaluation of a case, read from its computed deadlines:
// the overview, the deadlines page and the CLI show the dates the deadline rules give (the anniversary
// of the last IEP meeting, three years from the last eligibility determination, a state's own rule,
// an extension), never a second computation of their own.
import { DEADLINE_RULES } from './deadlines/rules';
import type { Deadline } from './deadlines/types';
import { formatDisplayDate } from './text/dates';

export interface ReviewDates {
  nextAnnualReview: string | null;
  nextReevaluation: string | null;
}

const ANNUAL = 'fed.iep.annual_review';
const REEVALUATION = 'fed.reeval.max_interval';

/** The federal rule and every state rule standing in for it. */
function ruleIds(federal: string): Set<string> {
  return new Set(DEADLINE_RULES.filter((r) => r.id === federal || r.overrides?.includes(federal)).map((r) => r.id));
}
const ANNUAL_RULES = ruleIds(ANNUAL);
const REEVALUATION_RULES = ruleIds(REEVALUATION);

type ReviewDeadline = Pick<Deadline, 'ruleId' | 'dueDate' | 'status' | 'triggerEvent'>;

/**
 * The first open clock of the rules (each meeting held answers the one before it, so it is the clock of
 * the latest meeting held, even when a later one is only scheduled); with none open, the one counted
 * from the latest trigger.
 */
function nextDue(deadlines: readonly ReviewDeadline[], rules: Set<string>): string | null {
  const mine = deadlines.filter((d) => rules.has(d.ruleId) && d.dueDate);
  const open = mine.filter((d) => d.status !== 'met').sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
  if (open.length) return open[0]!.dueDate;
  const latest = [...mine].sort((a, b) => b.triggerEvent.date.localeCompare(a.triggerEvent.date) || b.dueDate!.localeCompare(a.dueDate!));
  return latest[0]?.dueDate ?? null;
}

/** The reevaluation clock the date comes from: an open one first, else the latest counted. */
function reevaluationClock(deadlines: readonly ReviewDeadline[]): ReviewDeadline | null {
  const mine = deadlines.filter((d) => REEVALUATION_RULES.has(d.ruleId) && d.dueDate);
  const open = mine.filter((d) => d.status !== 'met').sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
  if (open.length) return open[0]!;
  return [...mine].sort((a, b) => b.triggerEvent.date.localeCompare(a.triggerEvent.date))[0] ?? null;
}

/**
 * What the reevaluation date is counted from, said on screen beside it: the last evaluation, or (with
 * no evaluation report on file) the eligibility the initial or triennial IEP implies; with neither,
 * what the records lack.
 */
export function reevaluationNote(deadlines: readonly ReviewDeadline[], printed: PrintedReevaluation | null = null): string {
  const clock = reevaluationClock(deadlines);
  if (!clock && printed?.date) return `As printed on the IEP of ${formatDisplayDate(printed.iepDate)}: no evaluation report or initial IEP on file to count from.`;
  if (!clock) return 'No evaluation report or initial IEP on file to count from.';
  const from = clock.triggerEvent.label;
  return clock.triggerEvent.id.startsWith('eval:iep:') ? `Counted from the ${from[0].toLowerCase()}${from.slice(1)}: no evaluation report on file.` : `Counted from ${from}.`;
}

/** The next reevaluation an IEP prints in its header, and that IEP's date. */
export interface PrintedReevaluation {
  date: string | null;
  iepDate: string | null;
}

/**
 * Next annual review and reevaluation from a case's deadlines (one case's: the caller filters). With no
 * evaluation or initial IEP to count from, the reevaluation date the latest IEP prints, when it prints one.
 */
export function nextReviewDates(deadlines: readonly ReviewDeadline[], printed: PrintedReevaluation | null = null): ReviewDates {
  return { nextAnnualReview: nextDue(deadlines, ANNUAL_RULES), nextReevaluation: nextDue(deadlines, REEVALUATION_RULES) ?? printed?.date ?? null };
}
