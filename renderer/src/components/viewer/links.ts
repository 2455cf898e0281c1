// Links into the document viewer. Every number on screen links to its source page with the value's
// box drawn: #/case/CASE/documents/DOC/PAGE/boxes=x0,y0,x1,y1;... (PDF points, top-left origin).
// A search hit links to its page with the search: #/case/CASE/documents/DOC/PAGE/search=QUERY, and
// the viewer asks for the boxes of the matching words on that page.
import type { BBox, Provenance } from '../../../../shared/domain';
import { href } from '../../router';

export function encodeBoxes(boxes: BBox[]): string {
  return 'boxes=' + boxes.map((b) => b.map((n) => Math.round(n * 10) / 10).join(',')).join(';');
}

export function decodeBoxes(part: string | undefined): BBox[] {
  if (!part?.startsWith('boxes=')) return [];
  return part
    .slice(6)
    .split(';')
    .map((s) => s.split(',').map(Number))
    .filter((n): n is BBox => n.length === 4 && n.every(Number.isFinite));
}

/** The search whose matches a viewer route asks to box, if any. */
export function decodeSearch(part: string | undefined): string | null {
  return part?.startsWith('search=') ? part.slice(7) || null : null;
}

/** The viewer route for a document page, with optional boxes to draw. */
export function viewerHref(caseId: string, documentId: string, page: number, boxes: BBox[] = []): string {
  const rest = [documentId, String(page)];
  if (boxes.length) rest.push(encodeBoxes(boxes));
  return href({ page: 'case', caseId, section: 'documents', rest });
}

/** The viewer route for a search hit: its page, with the words the search matches boxed. */
export function hitHref(hit: { caseId: string; documentId: string; page: number }, query: string): string {
  return href({ page: 'case', caseId: hit.caseId, section: 'documents', rest: [hit.documentId, String(hit.page), `search=${query.trim()}`] });
}

/** The viewer route for an extracted value's provenance: its page with its box drawn. */
export function sourceHref(caseId: string, source: Provenance): string {
  return viewerHref(caseId, source.documentId, source.page, source.bbox ? [source.bbox] : []);
}
