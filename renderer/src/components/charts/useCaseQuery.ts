// A case's data through the shared data layer (api/queries.ts): cached under the case's key, so the
// engine's change events (an import, a correction, a dismissed flag) refresh it with every other
// read of the case, and each section shows the current state without a manual refresh.
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef } from 'react';
import { keys, queryClient, useCall } from '../../api/queries';

export interface CaseQuery<T> {
  data: T | null;
  error: string | null;
  reload(): void;
  /** Replaces the data with a fresher value an action returned (goals.link returns the lineages). */
  set(value: T): void;
}

/**
 * Reads with the given loader under a key of this component's own inside the case's keys. Reads
 * that several screens share (the review queue, the documents) have named keys in api/queries.ts.
 */
export function useCaseQuery<T>(caseId: string, load: () => Promise<T>): CaseQuery<T> {
  const loader = useRef(load);
  loader.current = load;
  const id = useId();
  const key = useMemo(() => keys.case(caseId, 'view', id), [caseId, id]);
  const q = useQuery({ queryKey: key, queryFn: () => loader.current(), gcTime: 0 });
  const actions = useMemo(
    () => ({
      reload: () => void queryClient.invalidateQueries({ queryKey: key, exact: true }),
      set: (value: T) => void queryClient.setQueryData(key, value),
    }),
    [key],
  );
  return { data: q.data ?? null, error: q.error ? q.error.message : null, ...actions };
}

/** Document names by id, for labelling evidence ("IEP Oct 10, 2023, p. 3"). */
export function useDocumentNames(caseId: string): Map<string, string> {
  const docs = useCall(keys.case(caseId, 'documents', 'active'), 'documents.list', { caseId });
  const names = new Map<string, string>();
  for (const d of docs.data ?? []) names.set(d.id, d.title || d.fileName);
  return names;
}
