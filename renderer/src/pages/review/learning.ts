// What the review screen needs to teach a form (issue 18): the correction a call just made (whose
// reading is offered to the form's other documents), and a field's value read from words the user
// marked on the page.
import type { CorrectionDto, ReviewDto } from '../../../../shared/api/review';
import { findDates } from '../../../../shared/text/dates';
import { firstValue } from './AddFromPage';
import type { ValueKind } from './fields';

/** The correction stored for what a review.correct call named (the newest one, if several). */
export function correctionOf(review: ReviewDto, made: Pick<CorrectionDto, 'entity' | 'entityKey' | 'field' | 'status'>): CorrectionDto | null {
  const same = review.corrections.filter((c) => c.entity === made.entity && c.entityKey === made.entityKey && c.field === made.field && c.status === made.status);
  return same.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))[0] ?? null;
}

/** A field's value in the words marked on the page, by the field's kind; null when they hold none. */
export function valueFromWords(kind: ValueKind, text: string): unknown {
  const t = text.trim();
  if (!t) return null;
  if (kind === 'date') return findDates(t)[0]?.iso ?? null;
  if (kind === 'number') return firstValue(t).value;
  if (kind === 'direction') return /decreas|reduc|fewer|lower/i.test(t) ? 'decrease' : /maintain/i.test(t) ? 'maintain' : /increas|improv|more|higher/i.test(t) ? 'increase' : null;
  return t;
}
