// Loads a case's data through the API and loads it again whenever the case changes (an import, a
// correction, a dismissed flag), so every section shows the current state without a manual refresh.
import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke, on } from '../../api/client';

export interface CaseQuery<T> {
  data: T | null;
  error: string | null;
  reload(): void;
  /** Replaces the data with a fresher value an action returned (goals.link returns the lineages). */
  set(value: T): void;
}

export function useCaseQuery<T>(caseId: string, load: () => Promise<T>): CaseQuery<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loader = useRef(load);
  loader.current = load;
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    loader
      .current()
      .then((v) => mine === generation.current && (setData(v), setError(null)))
      .catch((e: Error) => mine === generation.current && setError(e.message));
  }, []);
  useEffect(() => {
    setData(null);
    reload();
    return on('case.changed', (e) => e.caseId === caseId && reload());
  }, [caseId, reload]);
  return { data, error, reload, set: setData };
}

/** Document names by id, for labelling evidence ("IEP Oct 10, 2023, p. 3"). */
export function useDocumentNames(caseId: string): Map<string, string> {
  const docs = useCaseQuery(caseId, () => invoke('documents.list', { caseId }));
  const names = new Map<string, string>();
  for (const d of docs.data ?? []) names.set(d.id, d.title || d.fileName);
  return names;
}
