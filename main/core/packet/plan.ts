// Exhibit labels, Bates numbers and the resolver that turns {documentId, page} cites into the Bates
// numbers actually stamped. Bates numbers run over exhibit pages only: slip sheets and front matter are
// the advocate's own work product, not evidence, so they carry packet page numbers instead.
import { normalizeCites, pageRuns } from '../../../shared/compensatory/cites';
import type { PageCite } from '../../../shared/compensatory/types';
import { forumExhibitLabel, type ExhibitNumbering } from '../../../shared/forums/profiles';
import type { BatesOptions, PacketExhibit } from './types';

export function exhibitLabel(style: 'P-1' | 'A', index: number, numbering?: ExhibitNumbering | null): string {
  if (numbering) return forumExhibitLabel(numbering, index);
  if (style === 'P-1') return `P-${index + 1}`;
  // A..Z, AA..AZ, BA.. like spreadsheet columns, so more than 26 exhibits stay unambiguous.
  let n = index + 1;
  let label = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    label = String.fromCharCode(65 + rem) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}

export function formatBates(bates: BatesOptions, n: number): string {
  return `${bates.prefix}${String(n).padStart(bates.digits, '0')}`;
}

export interface ExhibitPlan {
  index: number;
  label: string;
  exhibit: PacketExhibit;
  /** Original pages included, 1-based, in order. */
  pages: number[];
  /** Bates number (integer) stamped on each included page. */
  bates: number[];
}

/** Assigns labels and consecutive Bates numbers; pageCounts[i] is exhibit i's original page count. */
export function planExhibits(exhibits: PacketExhibit[], pageCounts: number[], style: 'P-1' | 'A', bates: BatesOptions, numbering?: ExhibitNumbering | null): ExhibitPlan[] {
  let next = bates.start;
  return exhibits.map((exhibit, index) => {
    const count = pageCounts[index];
    const [from, to] = exhibit.pageRange ?? [1, count];
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 1 && to <= count && from <= to)) {
      throw new RangeError(`Exhibit ${index + 1} (${exhibit.description}): page range ${from}-${to} is outside its ${count} pages`);
    }
    const pages = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const numbers = pages.map(() => next++);
    return { index, label: exhibit.label?.trim() || exhibitLabel(style, index, numbering), exhibit, pages, bates: numbers };
  });
}

export interface ResolvedCite {
  label: string;
  bates: number;
  exhibitIndex: number;
}

export class CiteResolver {
  private readonly byPage = new Map<string, ResolvedCite>();
  private readonly firstOfDocument = new Map<string, ResolvedCite>();
  readonly unresolved: PageCite[] = [];

  constructor(plans: ExhibitPlan[], private readonly options: BatesOptions) {
    for (const plan of plans) {
      plan.pages.forEach((page, i) => {
        const key = `${plan.exhibit.documentId}\u0000${page}`;
        const hit = { label: plan.label, bates: plan.bates[i], exhibitIndex: plan.index };
        // When a document appears twice, a cite goes to its first appearance.
        if (!this.byPage.has(key)) this.byPage.set(key, hit);
        if (!this.firstOfDocument.has(plan.exhibit.documentId)) this.firstOfDocument.set(plan.exhibit.documentId, hit);
      });
    }
  }

  format(n: number): string {
    return formatBates(this.options, n);
  }

  /** The stamped page for a cite; a cite without a page goes to the document's first stamped page. */
  resolve(cite: { documentId: string; page?: number | null }): ResolvedCite | null {
    const hit = cite.page == null
      ? this.firstOfDocument.get(cite.documentId)
      : this.byPage.get(`${cite.documentId}\u0000${cite.page}`);
    if (!hit && !this.unresolved.some((u) => u.documentId === cite.documentId && u.page === (cite.page ?? 0))) {
      this.unresolved.push({ documentId: cite.documentId, page: cite.page ?? 0 });
    }
    return hit ?? null;
  }

  /** "P-3 RIVERA-000012 - RIVERA-000015; P-4 RIVERA-000020", consecutive stamped pages joined into ranges. */
  describe(cites: PageCite[]): string {
    const parts: string[] = [];
    const missing: PageCite[] = [];
    const byExhibit = new Map<string, number[]>();
    for (const c of normalizeCites(cites)) {
      const hit = this.resolve(c);
      if (!hit) { missing.push(c); continue; }
      byExhibit.set(hit.label, [...(byExhibit.get(hit.label) ?? []), hit.bates]);
    }
    for (const [label, numbers] of byExhibit) {
      const runs = pageRuns(numbers).map(([a, b]) => (a === b ? this.format(a) : `${this.format(a)} - ${this.format(b)}`));
      parts.push(`${label} ${runs.join(', ')}`);
    }
    if (missing.length) parts.push(`not in packet: ${missing.map((m) => `${m.documentId} p. ${m.page}`).join(', ')}`);
    return parts.join('; ');
  }
}
