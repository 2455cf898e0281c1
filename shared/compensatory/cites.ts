// Page citations: de-duplicated, grouped by document, written as page ranges, or as tokens the packet
// builder later replaces with the Bates numbers it stamped.
import type { PageCite } from './types';

/** Unique cites sorted by document (first appearance order) then page. */
export function normalizeCites(cites: PageCite[]): PageCite[] {
  const order = new Map<string, number>();
  const seen = new Set<string>();
  const out: PageCite[] = [];
  for (const c of cites) {
    if (!order.has(c.documentId)) order.set(c.documentId, order.size);
    const key = `${c.documentId}\u0000${c.page}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ documentId: c.documentId, page: c.page });
    }
  }
  return out.sort((a, b) => order.get(a.documentId)! - order.get(b.documentId)! || a.page - b.page);
}

/** [1,2,3,5,7,8] -> [[1,3],[5,5],[7,8]] */
export function pageRuns(pages: number[]): Array<[number, number]> {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && p === last[1] + 1) last[1] = p;
    else runs.push([p, p]);
  }
  return runs;
}

export const formatRuns = (runs: Array<[number, number]>) =>
  runs.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');

/** Cites grouped per document, in first-appearance order. */
export function groupCites(cites: PageCite[]): Array<{ documentId: string; pages: number[] }> {
  const groups = new Map<string, number[]>();
  for (const c of normalizeCites(cites)) {
    const pages = groups.get(c.documentId) ?? [];
    pages.push(c.page);
    groups.set(c.documentId, pages);
  }
  return [...groups].map(([documentId, pages]) => ({ documentId, pages }));
}

export type CiteDescriber = (cites: PageCite[]) => string;

/** Plain description for screens and exports: "log-1 pp. 1-4; iep-2 p. 3". */
export function describeCitesPlain(cites: PageCite[], documentName: (id: string) => string = (id) => id): string {
  return groupCites(cites)
    .map(({ documentId, pages }) => {
      const runs = pageRuns(pages);
      const many = runs.length > 1 || runs[0][0] !== runs[0][1];
      return `${documentName(documentId)} ${many ? 'pp.' : 'p.'} ${formatRuns(runs)}`;
    })
    .join('; ');
}

// Document ids may contain anything but these delimiters are percent-encoded so a token always parses.
const encodeId = (id: string) => id.replace(/[%:\]\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
const decodeId = (id: string) => id.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** "[[cite:doc-7:1-4,6]]": the packet builder swaps each token for the Bates pages it stamped. */
export function citeToken(cites: PageCite[]): string {
  return groupCites(cites)
    .map(({ documentId, pages }) => `[[cite:${encodeId(documentId)}:${formatRuns(pageRuns(pages)).replace(/ /g, '')}]]`)
    .join('; ');
}

export const CITE_TOKEN_PATTERN = /\[\[cite:([^:\]]+):([0-9,-]+)\]\]/g;

/** Parses the cites back out of one token's captured groups. */
export function citesFromToken(encodedId: string, runs: string): PageCite[] {
  const documentId = decodeId(encodedId);
  const cites: PageCite[] = [];
  for (const part of runs.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let p = a; p <= (b ?? a); p++) cites.push({ documentId, page: p });
  }
  return cites;
}

/** Replaces every cite token in `text` with what `render` makes of its cites. */
export function replaceCiteTokens(text: string, render: (cites: PageCite[]) => string): string {
  return text.replace(CITE_TOKEN_PATTERN, (_, id: string, runs: string) => render(citesFromToken(id, runs)));
}
