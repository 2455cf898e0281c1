// A text-layer page from rows of cells, each row with its own type size and weight, so tests can set
// a label small above its value or a bold heading over body lines. Words are spaced like a text
// layer (half the type size per character, spaces of 0.3 of it); a cell starts at its x.
import type { PageContent, Word } from '../../shared/domain';

export interface SizedRow {
  cells: Array<[number, string]>;
  /** Type size in points (10 unless given). */
  size?: number;
  bold?: boolean;
  /** Extra space above the row, in points. */
  gap?: number;
}

export function sizedPage(rows: SizedRow[], pageNumber = 1): PageContent {
  const words: Word[] = [];
  let y = 40;
  for (const row of rows) {
    const size = row.size ?? 10;
    y += row.gap ?? 0;
    for (const [x, text] of row.cells) {
      let cx = x;
      for (const t of text.split(' ').filter(Boolean)) {
        const w = t.length * size * 0.5;
        words.push({ text: t, bbox: [cx, y, cx + w, y + size], conf: 100, ...(row.bold ? { bold: true } : {}) });
        cx += w + size * 0.3;
      }
    }
    y += size * 1.35;
  }
  return { pageNumber, width: 612, height: 792, text: '', words, source: 'text_layer', meanConfidence: null };
}

/** A row of one cell at the left margin. */
export const line = (text: string, opts: Omit<SizedRow, 'cells'> = {}): SizedRow => ({ cells: [[54, text]], ...opts });
