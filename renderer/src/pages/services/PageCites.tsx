// Page cites of a figure ("SEIS log pp. 1, 2, 3"), each page a link to the viewer.
import type { PageCite } from '../../../../shared/compensatory/types';
import { FileName } from '../../components/FileName';
import { viewerHref } from '../../components/viewer/links';

export function groupCites(cites: PageCite[]): Array<{ documentId: string; pages: number[] }> {
  const byDoc = new Map<string, Set<number>>();
  for (const c of cites) byDoc.set(c.documentId, (byDoc.get(c.documentId) ?? new Set()).add(c.page));
  return [...byDoc].map(([documentId, pages]) => ({ documentId, pages: [...pages].sort((a, b) => a - b) }));
}

/** "SEIS log, pp. 1-5" in words, for tooltips and computation text. */
export function citeText(cites: PageCite[], names: Map<string, string>): string {
  return groupCites(cites)
    .map(({ documentId, pages }) => `${names.get(documentId) ?? 'document'}, ${pages.length === 1 ? 'p.' : 'pp.'} ${pages.join(', ')}`)
    .join('; ');
}

/** Replaces raw document ids in the engine's computation text by the documents' names. */
export function withNames(text: string, names: Map<string, string>): string {
  let out = text;
  for (const [id, name] of names) out = out.split(id).join(name);
  return out;
}

export function PageCites({ caseId, cites, names, what }: { caseId: string; cites: PageCite[]; names: Map<string, string>; what: string }) {
  if (cites.length === 0) return <span className="muted small">no page cited</span>;
  return (
    <span className="page-cites">
      {groupCites(cites).map(({ documentId, pages }) => {
        const name = names.get(documentId) ?? 'Document';
        return (
          <span key={documentId} className="cite-group">
            <FileName name={name} className="small muted" />{' '}
            {pages.map((p, i) => (
              <span key={p}>
                {i > 0 && ', '}
                <a href={viewerHref(caseId, documentId, p)} aria-label={`${what}: ${name}, page ${p}`}>
                  p.&nbsp;{p}
                </a>
              </span>
            ))}
          </span>
        );
      })}
    </span>
  );
}
