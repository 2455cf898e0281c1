// The layout model: any page (text layer or OCR) as blocks in reading order, tables, labelled
// fields, checkboxes and page furniture, each with words and boxes. Readers ask this model; none
// re-parses raw positions.
import { chainBlocks, cellGapLimit, closeFalseGutters, openNarrowGutters, orderBlocks, segmentsOf, wordSpace, type RawBlock, type Segment } from './blocks';
import { readCheckboxes } from './checkboxes';
import { readFields } from './fields';
import { findFurniture, furnitureKind } from './furniture';
import { joinText, unionBBox } from './geometry';
import { deskewedLines } from './lines';
import { continuedRows, gapTables, joinAcrossPages, ruledTables } from './tables';
import type { Block, Line, PageInput, PageLayout, PlacedWord, TableModel } from './types';

export * from './types';
export { groupLines, deskewedLines } from './lines';
export { answerOf, type Answer } from './checkboxes';
export { rowLines, splitCells, type Cell, type RowLine } from './rows';
export { sideColumnOrder, subLine, type SideColumnReader } from './side-columns';

export interface DocumentLayout {
  pages: PageLayout[];
  /** Every table of the document, those running over a page break joined into one. */
  tables: TableModel[];
}

export interface LayoutOptions {
  /** Field labels the vocabulary knows (matched whole, case as the pattern says). */
  labels?: RegExp[];
}

const top = (line: Segment[]) => Math.min(...line.map((s) => s.bbox[1]));
const lineOf = (words: PlacedWord[]): Line => ({ page: words[0].page, words, text: joinText(words), bbox: unionBBox(words) });

export function layoutDocument(pages: PageInput[], options: LayoutOptions = {}): DocumentLayout {
  const rowsByPage = pages.map((p) => deskewedLines(p.words.map((w) => ({ ...w, page: p.pageNumber }))).map(lineOf));
  const heights = new Map(pages.map((p) => [p.pageNumber, p.height]));
  const pageHeight = (n: number) => heights.get(n) ?? 792;
  const furniture = findFurniture(rowsByPage.flat(), pageHeight);
  const layouts: PageLayout[] = [];
  pages.forEach((p, i) => layouts.push(layoutPage(p, rowsByPage[i], furniture, options, i > 0 ? tableAtFoot(layouts[i - 1]) : null)));
  return { pages: layouts, tables: joinAcrossPages(layouts.flatMap((l) => l.tables), pageHeight) };
}

/** The page's lowest table when it ends low on the page (below 60%) with no text under it but furniture. */
function tableAtFoot(page: PageLayout): TableModel | null {
  const last = [...page.tables].sort((a, b) => b.bbox[3] - a.bbox[3])[0];
  if (!last || last.bbox[3] < page.height * 0.6) return null;
  return page.blocks.some((b) => b.bbox[1] > last.bbox[3]) ? null : last;
}

/**
 * One page's model; `furniture` holds the document's furniture lines (findFurniture), `above` the
 * table the page before ends with at its foot (its rows may run on at the head of this page).
 */
function layoutPage(page: PageInput, rows: Line[], furniture: Set<Line>, options: LayoutOptions, above: TableModel | null = null): PageLayout {
  const n = page.pageNumber;
  const rules = page.graphics?.rules ?? [];
  const body = rows.filter((l) => !furniture.has(l));
  const gapLimit = cellGapLimit(body.map((l) => l.words));
  const cut = body.map((l, i) => segmentsOf(l.words, i, gapLimit, rules));
  const segRows: Segment[][] = closeFalseGutters(openNarrowGutters(cut, wordSpace(body.map((l) => l.words))), rules);
  const ruled = ruledTables(n, body.flatMap((l) => l.words), rules);
  const inRuled = (s: Segment) => ruled.some((t) => s.bbox[0] >= t.bbox[0] - 1 && s.bbox[2] <= t.bbox[2] + 1 && s.bbox[1] >= t.bbox[1] - 1 && s.bbox[3] <= t.bbox[3] + 1);
  const tables = [...ruled, ...gapTables(n, segRows, inRuled)].sort((a, b) => a.bbox[1] - b.bbox[1]);
  // One or two rows of the table above, at the head of the page before anything else.
  const head = segRows[0];
  if (above && head && top(head) < page.height * 0.4 && !tables.some((t) => t.bbox[1] <= top(head) + 1)) {
    const continued = continuedRows(n, segRows, above, inRuled);
    if (continued) tables.unshift(continued);
  }
  const inTable = (b: RawBlock) => tables.some((t) => b.bbox[0] >= t.bbox[0] - 1 && b.bbox[2] <= t.bbox[2] + 1 && b.bbox[1] >= t.bbox[1] - 1 && b.bbox[3] <= t.bbox[3] + 1);
  const textRight = Math.max(page.width * 0.95, ...body.map((l) => l.bbox[2]));
  const ordered = orderBlocks(chainBlocks(segRows, rules, textRight));
  const blocks: Block[] = ordered.map((b, order) => ({
    page: n,
    order,
    kind: inTable(b) ? 'table' : 'text',
    lines: b.segments.map((s) => lineOf(s.words)),
    text: b.segments.map((s) => s.text).join('\n'),
    bbox: b.bbox,
  }));
  return {
    page: n,
    width: page.width,
    height: page.height,
    blocks,
    tables,
    fields: readFields(n, ordered, segRows, options.labels ?? []),
    checkboxes: readCheckboxes(n, body.map((l) => l.words), page.graphics?.boxes ?? [], gapLimit),
    furniture: rows.filter((l) => furniture.has(l)).map((l) => ({ page: n, kind: furnitureKind(l, page.height), text: l.text, words: l.words, bbox: l.bbox })),
  };
}

/** A page's text in reading order: its blocks, one line per printed line of each. */
export const readingText = (page: PageLayout): string => page.blocks.map((b) => b.text).join('\n');

/**
 * The text a page is stored, indexed and searched as: its blocks in reading order (a column, or a
 * cell with its wrapped lines, as one run), running headers before them and footers after. Words
 * printed side by side in different columns are never joined into one line, so a search snippet or
 * a text reader sees what was printed together.
 */
export function pageText(page: PageInput): string {
  if (!page.words.length) return '';
  const [layout] = layoutDocument([page]).pages;
  const top = Math.min(Infinity, ...layout.blocks.map((b) => b.bbox[1]));
  const head = layout.furniture.filter((f) => f.bbox[1] < top);
  const foot = layout.furniture.filter((f) => f.bbox[1] >= top);
  return [...head.map((f) => f.text), ...layout.blocks.map((b) => b.text), ...foot.map((f) => f.text)].join('\n');
}
