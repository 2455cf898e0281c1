// One data layer for the renderer: every read is a TanStack Query keyed by what it reads, and the
// engine's change events invalidate the keys they touch, so every count and list on screen follows
// the engine without a reload and without each page listening on its own.
import { QueryClient, useQuery, type QueryKey } from '@tanstack/react-query';
import type { ApiArgs, ApiName, ApiResult } from '../../../shared/api';
import { invoke, on } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    // The engine is local and tells us when data changes: no retries, no refetch on focus.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
  },
});

/** Query keys. Everything of one case sits under ['case', id], so one event refreshes all of it. */
export const keys = {
  cases: (...rest: unknown[]) => ['cases', ...rest] as const,
  case: (caseId: string, ...rest: unknown[]) => ['case', caseId, ...rest] as const,
  /** Reads that span every case (deadlines of all cases, the palette's search). */
  all: (...rest: unknown[]) => ['all', ...rest] as const,
};

const call = <K extends ApiName>(name: K, args: ApiArgs<K>) => (invoke as (n: K, a: ApiArgs<K>) => Promise<ApiResult<K>>)(name, args);

/** Reads one API call under a key; the result stays cached and is refetched when its key is invalidated. */
export function useCall<K extends ApiName>(key: QueryKey, name: K, args: ApiArgs<K>, opts: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: key, queryFn: () => call(name, args), enabled: opts.enabled });
}

/** Invalidates the case lists and the reads across cases (a case was created, trashed, purged). */
export function invalidateCases(): void {
  void queryClient.invalidateQueries({ queryKey: keys.cases() });
  void queryClient.invalidateQueries({ queryKey: keys.all() });
}

/** Invalidates what a change of one case touches: its own reads, the case lists, reads across cases. */
export function invalidateCase(caseId: string): void {
  void queryClient.invalidateQueries({ queryKey: keys.case(caseId) });
  invalidateCases();
}

let started = false;
/** Connects the engine's events to the cache, once for the whole app. */
export function startLiveUpdates(): void {
  if (started) return;
  started = true;
  on('case.changed', (e) => invalidateCase(e.caseId));
  // Each imported file already says case.changed; the end of a job (import, OCR, packet) says it too.
  on('job.progress', (e) => {
    if (e.done) invalidateCase(e.caseId);
  });
}

/** The case's review queue, shared by the Review badge, the queue itself and the next-document step. */
export function useReviewQueue(caseId: string) {
  return useCall(keys.case(caseId, 'review-queue'), 'review.queue', { caseId });
}

/** A document is done once every value is confirmed (or the whole document was). */
export const isReviewed = (q: { values: number; confirmed: number }) => q.confirmed >= q.values;

/** Form families (issue 18): every family with its learned anchors, across cases. Under keys.all, so any case change refreshes it. */
export function useFormFamilies() {
  return useCall(keys.all('forms'), 'forms.list', {});
}

/** The form family of one document of a case (null until it is extracted). */
export function useDocumentFamily(caseId: string, documentId: string) {
  return useCall(keys.case(caseId, 'forms', documentId), 'forms.forDocument', { caseId, documentId });
}

/** After a forms.* change: values of any case may have moved, so every case's reads and the family list refresh. */
export function invalidateForms(): void {
  void queryClient.invalidateQueries({ queryKey: ['case'] });
  invalidateCases();
}
