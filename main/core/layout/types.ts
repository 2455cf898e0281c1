// The page layout model every reader uses: blocks and lines in reading order, tables, labelled
// fields, checkboxes and page furniture, each with its words and boxes (PDF points, top-left origin).
import type { BBox, PageGraphics, Word } from '../../../shared/domain';

export type { GraphicBox, PageGraphics, Rule } from '../../../shared/domain';

/**
 * Version of the page reading (text-layer repair, graphics, layout model). Every page records the
 * version that read it; raising it re-reads stored documents at start (DESIGN.md item 15).
 * 1: words and row lines only. 2: ligature repair, drawn rules and boxes, blocks, tables, fields, checkboxes.
 * 3: a drawn box whose X or tick runs corner to corner is read as ticked.
 * 4: a text-layer page's stored and searched text is in reading order (columns, cells), not row order;
 *    boxes drawn as four strokes or bars, radio rings filled as one shape and filled radios are read.
 * 5: on a scan, a round or square letter the pixels took for a mark (a lone capital O, the first or
 *    last letter of a word) is text; a radio ring printed close before its label is read; a
 *    paragraph's lines on a page a degree or two off level stay one block.
 * 6: a page holding only table rows keeps its columns apart (a word space is capped by the type's height);
 *    an unruled table whose header is printed over two lines or whose first cell wraps is one table.
 */
export const LAYOUT_VERSION = 6;

/** A word with the page it is on: what every layout object is made of. */
export interface PlacedWord extends Word {
  page: number;
}

export interface Line {
  page: number;
  words: PlacedWord[];
  text: string;
  bbox: BBox;
}

export type BlockKind = 'text' | 'table' | 'furniture';

/** A cell, column paragraph or free text block: its wrapped lines kept together. */
export interface Block {
  page: number;
  /** Position in reading order on its page. */
  order: number;
  kind: BlockKind;
  lines: Line[];
  text: string;
  bbox: BBox;
}

export interface TableCellModel {
  text: string;
  words: PlacedWord[];
  bbox: BBox | null;
  /** Columns this cell covers (1 unless a ruled cell is merged across columns). */
  span: number;
}

export type TableRowKind = 'header' | 'body' | 'note';

export interface TableRowModel {
  kind: TableRowKind;
  page: number;
  cells: TableCellModel[];
  bbox: BBox;
}

export interface TableColumnModel {
  x0: number;
  x1: number;
  /** Header text over the column (all header rows joined), or null. */
  label: string | null;
}

export interface TableModel {
  /** Page the table starts on; rows carry their own page when it runs over a page break. */
  page: number;
  pages: number[];
  bbox: BBox;
  ruled: boolean;
  columns: TableColumnModel[];
  rows: TableRowModel[];
}

export type FieldStyle = 'inline' | 'beside' | 'above' | 'below';

/** A label and the value printed with it. */
export interface Field {
  page: number;
  label: string;
  value: string;
  style: FieldStyle;
  labelWords: PlacedWord[];
  valueWords: PlacedWord[];
  labelBox: BBox;
  valueBox: BBox | null;
}

export type CheckboxSource = 'glyph' | 'vector' | 'image' | 'pixels';

export interface Checkbox {
  page: number;
  bbox: BBox;
  /** true ticked, false empty, null when the mark cannot be read. */
  checked: boolean | null;
  /** The option's text (the words beside the box). */
  label: string;
  labelWords: PlacedWord[];
  /** Text before the first box of its line ("Meeting type:"), when there is some. */
  group: string | null;
  source: CheckboxSource;
}

export type FurnitureKind = 'header' | 'footer' | 'page-number';

export interface Furniture {
  page: number;
  kind: FurnitureKind;
  text: string;
  words: PlacedWord[];
  bbox: BBox;
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  /** Blocks in reading order (furniture excluded). */
  blocks: Block[];
  tables: TableModel[];
  fields: Field[];
  checkboxes: Checkbox[];
  furniture: Furniture[];
}

/** What the model reads a page from: its words and, for PDFs and scans, its drawn graphics. */
export interface PageInput {
  pageNumber: number;
  width: number;
  height: number;
  words: Word[];
  graphics?: PageGraphics;
}
