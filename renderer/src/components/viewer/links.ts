// Links into the document viewer. Every number on screen links to its source page with the value's
// box drawn: #/case/CASE/documents/DOC/PAGE/boxes=x0,y0,x1,y1;... (PDF points, top-left origin).
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

/** The viewer route for a document page, with optional boxes to draw. */
export function viewerHref(caseId: string, documentId: string, page: number, boxes: BBox[] = []): string {
  const rest = [documentId, String(page)];
  if (boxes.length) rest.push(encodeBoxes(boxes));
  return href({ page: 'case', caseId, section: 'documents', rest });
}

/** The viewer route for an extracted value's provenance: its page with its box drawn. */
export function sourceHref(caseId: string, source: Provenance): string {
  return viewerHref(caseId, source.documentId, source.page, source.bbox ? [source.bbox] : []);
}
