// The next annual IEP review and the next reevaluation of a case, read from its computed deadlines:
// the overview, the deadlines page and the CLI show the dates the deadline rules give (the anniversary
// of the last IEP meeting, three years from the last eligibility determination, a state's own rule,
// an extension), never a second computation of their own.
import { DEADLINE_RULES } from './deadlines/rules';
import type { Deadline } from './deadlines/types';

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

/** Next annual review and reevaluation from a case's deadlines (one case's: the caller filters). */
export function nextReviewDates(deadlines: readonly ReviewDeadline[]): ReviewDates {
  return { nextAnnualReview: nextDue(deadlines, ANNUAL_RULES), nextReevaluation: nextDue(deadlines, REEVALUATION_RULES) };
}
