// What the home page shows for each case: the next open deadline with its days left, open red flags
// and documents needing review, read through the data layer (shared with the case's own screens,
// so a confirmation or a dismissed flag there moves the home page's numbers too), sorted and filtered.
import { useQueries } from '@tanstack/react-query';
import type { CaseSummaryDto } from '../../../../shared/api/cases';
import type { DeadlineDto } from '../../../../shared/api/deadlines';
import { invoke } from '../../api/client';
import { isReviewed, keys } from '../../api/queries';
import { localToday } from '../../pages/deadlines/labels';
import { openDeadlines } from './UpcomingDeadlines';

export interface CaseRow extends CaseSummaryDto {
  nextDeadline: DeadlineDto | null;
  /** Days from today to the next deadline (negative when overdue). */
  daysLeft: number | null;
  /** Null while it is being counted. */
  openFlags: number | null;
  toReview: number | null;
}

export type CaseSort = 'opened' | 'deadline' | 'flags' | 'name';
export type CaseFilter = 'all' | 'flags' | 'review' | 'soon';

export const SORTS: { id: CaseSort; label: string }[] = [
  { id: 'opened', label: 'Last opened' },
  { id: 'deadline', label: 'Next deadline' },
  { id: 'flags', label: 'Open flags' },
  { id: 'name', label: 'Name' },
];

export const FILTERS: { id: CaseFilter; label: string }[] = [
  { id: 'all', label: 'All cases' },
  { id: 'flags', label: 'With open flags' },
  { id: 'review', label: 'With documents to review' },
  { id: 'soon', label: 'Deadline within 30 days' },
];

const SOON_DAYS = 30;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The per-case counts, one query per case under the case's own keys. */
export function useCaseRows(cases: CaseSummaryDto[], deadlines: DeadlineDto[] | undefined): CaseRow[] {
  const flags = useQueries({
    queries: cases.map((c) => ({ queryKey: keys.case(c.id, 'flags', 'open'), queryFn: () => invoke('flags.list', { caseId: c.id }) })),
  });
  const queues = useQueries({
    queries: cases.map((c) => ({ queryKey: keys.case(c.id, 'review-queue'), queryFn: () => invoke('review.queue', { caseId: c.id }) })),
  });
  const today = localToday();
  const next = new Map<string, DeadlineDto>();
  for (const d of openDeadlines(deadlines ?? [])) if (!next.has(d.caseId)) next.set(d.caseId, d);
  return cases.map((c, i) => {
    const nextDeadline = next.get(c.id) ?? null;
    return {
      ...c,
      nextDeadline,
      daysLeft: nextDeadline?.dueDate ? daysBetween(today, nextDeadline.dueDate) : null,
      openFlags: flags[i]?.data ? flags[i].data.filter((f) => !f.dismissed).length : null,
      toReview: queues[i]?.data ? queues[i].data.filter((q) => !isReviewed(q)).length : null,
    };
  });
}

const byName = (a: CaseRow, b: CaseRow) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/** Sorted as asked; cases without the value (no deadline, not yet counted) go last, by name. */
export function sortCases(rows: CaseRow[], sort: CaseSort): CaseRow[] {
  const out = [...rows];
  if (sort === 'name') return out.sort(byName);
  if (sort === 'deadline') return out.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || byName(a, b));
  if (sort === 'flags') return out.sort((a, b) => (b.openFlags ?? -1) - (a.openFlags ?? -1) || byName(a, b));
  return out; // the API lists by last opened
}

export function filterCases(rows: CaseRow[], filter: CaseFilter): CaseRow[] {
  if (filter === 'flags') return rows.filter((r) => (r.openFlags ?? 0) > 0);
  if (filter === 'review') return rows.filter((r) => (r.toReview ?? 0) > 0);
  if (filter === 'soon') return rows.filter((r) => r.daysLeft !== null && r.daysLeft <= SOON_DAYS);
  return rows;
}
