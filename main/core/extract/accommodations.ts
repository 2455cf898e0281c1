// Accommodations as a list of strings: the first column of an accommodations table, or the items
// of a bulleted/numbered list, or one line each, with wrapped lines joined back.
import { firstColumnWords } from '../layout/form-columns';
import { findSections, type Layout, type LayoutLine } from './layout';

const HEADING = /ACCOMMODATIONS?|MODIFICATIONS?|SUPPLEMENTARY\s+AIDS|SUPPORTS\s+FOR\s+(?:SCHOOL\s+)?PERSONNEL/i;
const TABLE_HEADER = /^(?:accommodations?|modifications?|supports?|description)\b.*\b(?:location|setting|frequency|duration|where|when|start)\b/i;
const BULLET = /^(?:[-•▪●*]|\d{1,2}[.)]|[a-z][.)])\s+/;

export function extractAccommodations(layout: Layout): string[] {
  const items: string[] = [];
  for (const section of findSections(layout, HEADING)) {
    if (/ASSESSMENT|TESTING\s+PARTICIPATION/i.test(section.heading?.text ?? '') && !/ACCOMMODATION/i.test(section.heading?.text ?? '')) continue;
    items.push(...itemsOf(section.lines));
  }
  return [...new Set(items)];
}

function itemsOf(lines: LayoutLine[]): string[] {
  const headerAt = lines.findIndex((l) => TABLE_HEADER.test(l.text));
  const items: string[] = [];
  if (headerAt >= 0) {
    const header = lines[headerAt];
    // The first column ends where the second header cell begins.
    for (const line of lines.slice(headerAt + 1)) {
      const first = firstColumnWords(line, header).map((w) => w.text).join(' ');
      if (!first) continue;
      if (items.length > 0 && (/^[a-z(]/.test(first) || /[,/-]$/.test(items[items.length - 1]))) items[items.length - 1] += ' ' + first;
      else items.push(first);
    }
    return items;
  }
  for (const line of lines) {
    const text = line.text.trim();
    if (!text || /^(?:none|n\/a)\b/i.test(text)) continue;
    if (BULLET.test(text)) items.push(text.replace(BULLET, ''));
    else if (items.length > 0 && /^[a-z(]/.test(text)) items[items.length - 1] += ' ' + text;
    else items.push(text);
  }
  return items;
}
