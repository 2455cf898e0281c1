// A document as lines with positions, for the classifier: which lines are the title zone,
// and the value printed after a label or under it in a table column.
import type { PageContent, Word } from '../../../../shared/domain';
import { findDates, type FoundDate } from '../../../../shared/text/dates';
import { groupLines } from '../pdf-text';

export interface DocLine {
  page: number;
  /** Index of the line on its page, top to bottom. */
  index: number;
  text: string;
  words: Word[];
  /** Character offset in `text` where each word starts (words are joined by one space). */
  offsets: number[];
  /** Top of the line as a fraction of the page height (0 top, 1 bottom), or null when unknown. */
  top: number | null;
}

export function documentLines(pages: PageContent[]): DocLine[] {
  const out: DocLine[] = [];
  for (const page of pages) {
    if (page.words.length > 0) {
      groupLines(page.words).forEach((words, index) => {
        const offsets: number[] = [];
        let at = 0;
        for (const w of words) {
          offsets.push(at);
          at += w.text.length + 1;
        }
        const top = page.height > 0 ? Math.min(...words.map((w) => w.bbox[1])) / page.height : null;
        out.push({ page: page.pageNumber, index, text: words.map((w) => w.text).join(' '), words, offsets, top });
      });
    } else {
      page.text.split('\n').forEach((text, index) => {
        const clean = text.replace(/\s+/g, ' ').trim();
        if (clean) out.push({ page: page.pageNumber, index, text: clean, words: [], offsets: [], top: null });
      });
    }
  }
  return out;
}

/** The title zone: the first lines of the first page (running headers and the form's title). */
export function headLines(lines: DocLine[], maxLines = 14): DocLine[] {
  const firstPage = lines.length ? lines[0].page : 1;
  return lines.filter((l) => l.page === firstPage && (l.index < maxLines || (l.top !== null && l.top < 0.22)));
}

const BIRTH_LABEL = /\b(d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthdate|born)\s*[:#-]?\s*$/i;
const BIRTH_WORDS = /\b(d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthdate|born)\b/i;

/** True when a date sits right after a birth-date label: never a document's own date. */
export function isBirthDate(text: string, date: FoundDate): boolean {
  return BIRTH_LABEL.test(text.slice(Math.max(0, date.index - 24), date.index));
}

/**
 * Every date the document gives as a birth date: after a birth label on its line, or, when the label
 * ends its line (a scan or a form that sets the value apart), the date under it or on the next line.
 * A document's own date is never one of these, wherever else the same date is printed.
 */
export function birthDates(lines: DocLine[]): Set<string> {
  const out = new Set<string>();
  lines.forEach((line, i) => {
    const label = BIRTH_WORDS.exec(line.text);
    if (!label) return;
    const after = findDates(line.text.slice(label.index + label[0].length, label.index + label[0].length + 30))[0];
    if (after) { out.add(after.iso); return; }
    const below = dateBelow(lines, i, label.index, label.index + label[0].length);
    if (below) out.add(below);
    const next = lines[i + 1];
    if (next && next.page === line.page) {
      const first = findDates(next.text)[0];
      if (first && first.index < 3) out.add(first.iso);
    }
  });
  return out;
}

export interface LabelledDate {
  iso: string;
  line: DocLine;
  /** 'inline': after the label on its line; 'below': under the label in a table column. */
  how: 'inline' | 'below';
}

/**
 * Dates printed for a label: after it on the same line (before the next label-like word),
 * or under it in the same column of a table whose header row holds the label.
 */
export function datesForLabel(lines: DocLine[], label: RegExp, options: { maxResults?: number } = {}): LabelledDate[] {
  const found: LabelledDate[] = [];
  const re = new RegExp(label.source, label.flags.includes('g') ? label.flags : label.flags + 'g');
  for (let i = 0; i < lines.length && found.length < (options.maxResults ?? 5); i++) {
    const line = lines[i];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line.text))) {
      const after = line.text.slice(m.index + m[0].length);
      const inline = firstDateSoonAfter(after);
      if (inline) {
        found.push({ iso: inline, line, how: 'inline' });
        continue;
      }
      const below = dateBelow(lines, i, m.index, m.index + m[0].length);
      if (below) found.push({ iso: below, line, how: 'below' });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return found;
}

/** A date that follows a label closely: at most three words between them and no other label ("Next Review:") in the way. */
function firstDateSoonAfter(after: string): string | null {
  const first = findDates(after.slice(0, 60))[0];
  if (!first) return null;
  const gap = after.slice(0, first.index).replace(/^[\s:.#=\-–]*/, '');
  if (gap.includes(':')) return null;
  if (gap.trim().split(/\s+/).filter(Boolean).length > 3) return null;
  return first.iso;
}

function dateBelow(lines: DocLine[], i: number, charStart: number, charEnd: number): string | null {
  const header = lines[i];
  if (header.words.length === 0) return null;
  const first = header.offsets.findIndex((o, k) => o + header.words[k].text.length > charStart);
  let last = header.offsets.findIndex((o) => o >= charEnd) - 1;
  if (last < 0) last = header.words.length - 1;
  if (first < 0) return null;
  const x0 = header.words[first].bbox[0];
  const x1 = header.words[last].bbox[2];
  const height = header.words[first].bbox[3] - header.words[first].bbox[1];
  for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
    const below = lines[j];
    if (below.page !== header.page) break;
    const top = Math.min(...below.words.map((w) => w.bbox[1]));
    if (top - header.words[first].bbox[3] > height * 4) break;
    const inColumn = below.words.filter((w) => w.bbox[2] > x0 - height && w.bbox[0] < x1 + height);
    // Of several dates reaching into the column (a range in the next cell), the one most squarely under the label.
    const mid = (x0 + x1) / 2;
    const single = inColumn
      .map((w) => ({ w, d: findDates(w.text.replace(/^[([]|[)\],.;]$/g, ''))[0] }))
      .filter((x) => x.d && !isBirthDate(below.text, { ...x.d, index: below.text.indexOf(x.w.text) }))
      .sort((a, b) => Math.abs((a.w.bbox[0] + a.w.bbox[2]) / 2 - mid) - Math.abs((b.w.bbox[0] + b.w.bbox[2]) / 2 - mid));
    if (single.length) return single[0].d!.iso;
    const dates = findDates(inColumn.map((w) => w.text).join(' '));
    if (dates.length) return dates[0].iso;
  }
  return null;
}
