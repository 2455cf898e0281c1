// A document's layout fingerprint (issue 18): the printed text a form repeats on every copy of it,
// read from the layout model of its first pages: header and footer furniture (form title, district,
// form id), field labels, table column headers, and every short line, figures masked ("Window 2 of
// 4" -> "window # of #"). Values that change from copy to copy (a name, a goal) are in it too; they
// lower the likeness of two copies of one form a little and do not make two forms alike.
import type { PageContent } from '../../../shared/domain';
import { layoutDocument, type Line, type PageLayout } from '../layout';

/** Pages a fingerprint reads: a form's furniture, labels and table heads are on its first pages. */
export const FINGERPRINT_PAGES = 2;
const MAX_WORDS = 8;

/**
 * Two documents are one form when the Dice likeness of their fingerprints reaches this. Measured by
 * tests/unit/forms/fingerprint.test.ts on generated forms: copies of one form with different values
 * 0.52-0.85, two different progress-report forms 0-0.10; the threshold sits between with room on both sides.
 */
export const FAMILY_THRESHOLD = 0.3;

export const maskText = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/[^\p{L}#%&/ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The lines of a page a reader sees: each block's lines (a cell, a column) and the furniture. */
export function pageLines(page: PageLayout): Line[] {
  return [...page.blocks.flatMap((b) => b.lines), ...page.furniture.map((f) => ({ page: f.page, words: f.words, text: f.text, bbox: f.bbox }))];
}

export function layoutOf(pages: PageContent[]): PageLayout[] {
  return layoutDocument(pages.map((p) => ({ pageNumber: p.pageNumber, width: p.width, height: p.height, words: p.words, graphics: p.graphics }))).pages;
}

export function fingerprintOf(layout: PageLayout[]): string[] {
  const tokens = new Set<string>();
  const add = (s: string | null) => {
    if (!s) return;
    const m = maskText(s);
    if (m.length >= 3 && m.split(' ').length <= MAX_WORDS && /\p{L}{2}/u.test(m)) tokens.add(m);
  };
  for (const page of layout.slice(0, FINGERPRINT_PAGES)) {
    for (const l of pageLines(page)) {
      add(l.text);
      // A label printed in one line with its value ("Student name: ..."): the label alone too.
      const m = /^([^:]{3,40}?)\s*[:\u2013-]\s+\S/.exec(l.text);
      if (m) add(`${m[1]}:`);
    }
    for (const f of page.fields) add(f.label);
    for (const t of page.tables) for (const c of t.columns) add(c.label);
  }
  return [...tokens].sort();
}

/** Dice likeness of two fingerprints, 0-1. */
export function likeness(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(a);
  const common = b.filter((t) => set.has(t)).length;
  return (2 * common) / (a.length + b.length);
}

/** A family's name from its first document: the first two lines at the top of its first page. */
export function familyName(layout: PageLayout[]): string {
  const first = layout[0];
  if (!first) return 'Untitled form';
  const lines = pageLines(first)
    .filter((l) => /\p{L}{3}/u.test(l.text))
    .sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  const name = lines
    .slice(0, 2)
    .map((l) => l.text.trim())
    .join(' · ');
  return name.slice(0, 120) || 'Untitled form';
}
