// A value or a citation that opens its source page in the viewer with the value boxed.
import type { ReactNode } from 'react';
import type { Provenance } from '../../../../shared/domain';
import { sourceHref } from '../viewer/links';

export function SourceLink({ caseId, source, children, label }: { caseId: string; source: Provenance | null; children: ReactNode; label?: string }) {
  if (!source) return <>{children}</>;
  return (
    <a className="source-link" href={sourceHref(caseId, source)} aria-label={label} title={label ?? `Open page ${source.page}`}>
      {children}
    </a>
  );
}

/** "Rivera_IEP_2023.pdf, p. 3" for an evidence item, the document's id when its name is unknown. */
export function citation(source: Provenance, names: Map<string, string>): string {
  return `${names.get(source.documentId) ?? 'Document'}, p. ${source.page}`;
}
