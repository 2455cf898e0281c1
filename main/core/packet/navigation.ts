// PDF bookmarks (the outline) and link annotations, written with pdf-lib's low-level objects because
// its high-level API has neither. Destinations take page refs from the packet's page sequence, so
// nothing here makes pdf-lib wrap every page of a long packet in a PDFPage object.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFPage, PDFRef } from 'pdf-lib';
import type { LinkSpot } from './writer';

export interface OutlineItem {
  title: string;
  /** 0-based page index in the packet. */
  pageIndex: number;
  children?: OutlineItem[];
}

function destination(doc: PDFDocument, pageRef: PDFRef): PDFArray {
  return doc.context.obj([pageRef, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]);
}

/** Writes the outline and asks readers to open with the bookmarks panel showing. `pageRefs`: the packet's pages in order. */
export function addOutline(doc: PDFDocument, items: OutlineItem[], pageRefs: PDFRef[]): void {
  if (!items.length) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  const writeLevel = (level: OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = level.map(() => context.nextRef());
    let count = level.length;
    level.forEach((item, i) => {
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), destination(doc, pageRefs[item.pageIndex]));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < level.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
      if (item.children?.length) {
        const sub = writeLevel(item.children, refs[i]);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // Positive count: the item opens expanded, so every exhibit is visible at once.
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.count));
        count += sub.count;
      }
      context.assign(refs[i], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  const top = writeLevel(items, rootRef);
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Link annotations from front-matter rectangles (top-left origin) to packet pages. `frontPages`: the
 * front-matter pages the spots' page indexes count; `pageRefs`: every packet page in order.
 */
export function addLinks(doc: PDFDocument, spots: LinkSpot[], frontPages: PDFPage[], pageRefs: PDFRef[]): void {
  for (const spot of spots) {
    const target = spot.targetPage - 1;
    if (target < 0 || target >= pageRefs.length) continue;
    const page = frontPages[spot.pageIndex];
    const h = page.getHeight();
    const [x0, y0, x1, y1] = spot.rect;
    const annot = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x0, h - y1, x1, h - y0],
      Border: [0, 0, 0],
      Dest: destination(doc, pageRefs[target]),
    });
    page.node.addAnnot(doc.context.register(annot));
  }
}
