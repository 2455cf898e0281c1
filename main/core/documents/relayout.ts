// Brings stored pages up to the current page reading (LAYOUT_VERSION, DESIGN.md item 15): a PDF's
// text-layer pages are read again from the stored file (repaired ligatures, drawn rules and boxes,
// text in reading order), with their search rows; OCR pages keep their words (the layout model reads
// them afresh at extraction) and are marked current. The caller re-extracts each document this returns; user
// corrections are stored apart and survive.
import type { Core } from '../context';
import { documentQueries, readableSha, rowToPageContent } from '../db/queries/documents';
import { LAYOUT_VERSION } from '../layout/types';
import { readPdfText } from './pdf-text';
import { extractionOf, recordUpgradeNotice, type ReadAgain } from './upgrade-notice';

/** Ids of the documents whose pages were read by an older layout, oldest first. */
export function staleLayoutDocuments(core: Core): string[] {
  return documentQueries(core.db).idsLaidOutBefore(LAYOUT_VERSION);
}

/**
 * Re-reads one document's pages with the current layout. A PDF that cannot be read again (its file
 * gone, a password now needed) keeps its pages and is marked current, so start-up does not retry it forever.
 */
export async function relayoutDocument(core: Core, documentId: string): Promise<void> {
  const q = documentQueries(core.db);
  const doc = q.get(documentId);
  if (!doc) return;
  const stored = q.pages(documentId).map(rowToPageContent);
  let fresh: Map<number, ReturnType<typeof rowToPageContent>> = new Map();
  if (doc.format === 'pdf' && stored.some((p) => p.source === 'text_layer')) {
    try {
      const { pages } = await readPdfText(core.blobs.get(readableSha(doc)), undefined, false, { readingOrder: true });
      fresh = new Map(pages.map((p) => [p.pageNumber, p]));
    } catch (e) {
      console.error(`[relayout] ${doc.file_name}: kept as stored:`, e);
    }
  }
  core.db.transaction(() => {
    const replaced = stored.filter((p) => p.source === 'text_layer' && fresh.has(p.pageNumber)).map((p) => fresh.get(p.pageNumber)!);
    if (replaced.length) q.putPages(documentId, replaced);
    q.markLaidOut(documentId, LAYOUT_VERSION);
  })();
}

/**
 * Re-reads every stale document, calling `afterDocument` (re-extraction) after each, and records what
 * changed for the app to say (upgrade-notice.ts). Returns how many.
 */
export async function refreshStaleLayouts(core: Core, afterDocument: (documentId: string) => void): Promise<number> {
  const ids = staleLayoutDocuments(core);
  const readAgain: ReadAgain[] = [];
  for (const id of ids) {
    const before = extractionOf(core, id);
    await relayoutDocument(core, id);
    afterDocument(id);
    readAgain.push({ documentId: id, before, after: extractionOf(core, id) });
  }
  recordUpgradeNotice(core, readAgain);
  return ids.length;
}
