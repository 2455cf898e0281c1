// The packet's pages in order, appended straight onto the root of its page tree. pdf-lib's addPage
// walks every existing kid to find the insertion point, so a 500-page packet paid for about 125,000
// lookups; appending at the end needs none. The tree stays flat, as addPage would have left it.
import { PDFName, PDFPageLeaf, PDFRef, type PDFDocument } from 'pdf-lib';

export class PageSequence {
  readonly refs: PDFRef[] = [];
  readonly treeRef: PDFRef;

  /** `doc` must not have been asked for its pages yet: pdf-lib caches its page count on first use. */
  constructor(private readonly doc: PDFDocument) {
    const ref = doc.catalog.get(PDFName.of('Pages'));
    if (!(ref instanceof PDFRef)) throw new Error('The packet document has no page tree reference');
    this.treeRef = ref;
  }

  get length(): number {
    return this.refs.length;
  }

  append(ref: PDFRef, leaf: PDFPageLeaf): void {
    leaf.setParent(this.treeRef);
    this.doc.catalog.Pages().pushLeafNode(ref);
    this.refs.push(ref);
  }
}
