// Accommodations as a list of strings: the first column of an accommodations table, or the items
// of a bulleted/numbered list, or one line each, with wrapped lines joined back.
import { findDates } from '../../../shared/text/dates';
import { firstColumnWords } from '../layout/form-columns';
import { bodyLines, findSections, type Layout, type LayoutLine } from './layout';

const HEADING = /ACCOMMODATIONS?|MODIFICATIONS?|SUPPLEMENTARY\s+AIDS|SUPPORTS\s+FOR\s+(?:SCHOOL\s+)?PERSONNEL/i;
// "Accommodations | Location", "Program Accommodations | Start Date | ...", "Other Supports for School Personnel | ...".
const QUALIFIER = String.raw`(?:(?:program|classroom|instructional|other|additional|supplementary)\s+)?`;
const TABLE_HEADER = new RegExp(String.raw`^${QUALIFIER}(?:accommodations?|modifications?|supports?|description)\b.*\b(?:location|setting|frequency|duration|where|when|start)\b`, 'i');
/** A table header that names accommodations itself, found wherever it is printed (a heading the layout did not mark as one). */
const OWN_HEADER = new RegExp(String.raw`^${QUALIFIER}(?:accommodations?|modifications?|supports?\s+for)\b`, 'i');
const BULLET = /^(?:[-•▪●*]|\d{1,2}[.)]|[a-z][.)])\s+/;

const isTableHeader = (line: LayoutLine) => line.cells.length >= 2 && TABLE_HEADER.test(line.text);

export function extractAccommodations(layout: Layout): string[] {
  const items: string[] = [];
  const read = new Set<LayoutLine>();
  for (const section of findSections(layout, HEADING)) {
    if (/ASSESSMENT|TESTING\s+PARTICIPATION/i.test(section.heading?.text ?? '') && !/ACCOMMODATION/i.test(section.heading?.text ?? '')) continue;
    items.push(...itemsOf(section.lines, read));
  }
  // Tables under a heading the layout did not mark (wrapped over two lines, set in small capitals):
  // found by a header that names accommodations, modifications or supports in its first cell.
  const lines = bodyLines(layout);
  lines.forEach((line, i) => {
    if (!read.has(line) && line.cells.length >= 3 && isTableHeader(line) && OWN_HEADER.test(line.cells[0].text)) items.push(...tableItems(lines, i));
  });
  return [...new Set(items)];
}

function itemsOf(lines: LayoutLine[], read: Set<LayoutLine>): string[] {
  const headers = lines.flatMap((l, i) => (isTableHeader(l) ? [i] : []));
  if (headers.length > 0) {
    for (const i of headers) read.add(lines[i]);
    return headers.flatMap((i) => tableItems(lines, i));
  }
  const items: string[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (!text || /^(?:none|n\/a)\b/i.test(text)) continue;
    if (BULLET.test(text)) items.push(text.replace(BULLET, ''));
    else if (items.length > 0 && /^[a-z(]/.test(text)) items[items.length - 1] += ' ' + text;
    else items.push(text);
  }
  return items;
}

/**
 * The first column of the table under the header at `at`, to the next table header, heading or line
 * of prose across the columns. When rows print dates in their other columns, a row starts at each
 * line holding one (a capitalised wrapped line is no new item); else at a line that does not go on
 * from the one before (lower-case start, or the one before ending on a comma, slash or hyphen).
 */
function tableItems(lines: LayoutLine[], at: number): string[] {
  const header = lines[at];
  const second = header.cells[1]?.x0 ?? Infinity;
  const body: Array<{ first: string; dated: boolean }> = [];
  for (const line of lines.slice(at + 1)) {
    if (line.isHeading || isTableHeader(line)) break;
    // Prose across the columns: one cell of several words running past the second column's start.
    if (line.cells.length === 1 && line.words.length >= 6 && line.bbox[2] > second) break;
    const firstWords = firstColumnWords(line, header);
    const rest = line.words.filter((w) => !firstWords.includes(w)).map((w) => w.text).join(' ');
    body.push({ first: firstWords.map((w) => w.text).join(' '), dated: findDates(rest).length > 0 });
  }
  const byDates = body.some((b) => b.dated);
  const items: string[] = [];
  let started = false;
  for (const { first, dated } of body) {
    if (byDates && dated) started = true;
    if (!first || (byDates && !started)) continue;
    const goesOn = byDates ? !dated : /^[a-z(]/.test(first) || /[,/-]$/.test(items[items.length - 1] ?? '');
    if (items.length > 0 && goesOn) items[items.length - 1] += ' ' + first;
    else items.push(first);
  }
  return items;
}
