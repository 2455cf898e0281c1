// The packet builder's choices and the pure rules behind them (labels, Bates numbers, ordering).
import type { PacketCandidateDto, PacketOptionsArgs } from '../../../../shared/api/packet';
import { PACKET_SECTION_IDS } from '../../../../shared/api/packet';

export type SectionId = (typeof PACKET_SECTION_IDS)[number];
export type LabelStyle = 'P-1' | 'A';

export interface ExhibitChoice {
  documentId: string;
  title: string;
  date: string | null;
  pageCount: number;
  /** Null: the whole document. */
  pageRange: [number, number] | null;
  /** The user's own label; null follows the label style and the order. */
  label: string | null;
}

export const SECTION_LABELS: Record<SectionId, string> = {
  cover: 'Cover page',
  toc: 'Table of contents',
  findings: 'Summary of findings (open red flags)',
  chronology: 'Chronology',
  goals: 'Goal charts and data',
  scores: 'Test-score trends',
  services: 'Missed services and compensatory education',
  index: 'Exhibit index',
  exhibits: 'The exhibits (Bates-stamped)',
};

/** P-1, P-2 … or A, B, … Z, AA, AB … */
export function autoLabel(style: LabelStyle, index: number): string {
  if (style === 'P-1') return `P-${index + 1}`;
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

export function batesExample(prefix: string, start: number, digits: number): string {
  return `${prefix}${String(Math.max(0, Math.trunc(start))).padStart(digits, '0')}`;
}

/** A Bates prefix from the case name: "Mateo Rivera" -> "RIVERA-" (the family name, as firms usually stamp). */
export function defaultPrefix(caseName: string): string {
  const words = caseName.toUpperCase().replace(/[^A-Z0-9 ]/g, ' ').trim().split(/\s+/).filter(Boolean);
  const word = words.length ? words[words.length - 1] : 'EXHIBIT';
  return `${word.slice(0, 14)}-`;
}

export function pagesOf(e: ExhibitChoice): number {
  return e.pageRange ? e.pageRange[1] - e.pageRange[0] + 1 : e.pageCount;
}

export function fromCandidate(c: PacketCandidateDto): ExhibitChoice {
  return { documentId: c.documentId, title: c.title || c.fileName, date: c.date, pageCount: c.pageCount, pageRange: null, label: null };
}

/** Moves the items with `keys` before or after `target`, keeping their relative order (a drag of several rows). */
export function reorder<T>(items: T[], keyOf: (t: T) => string, keys: Set<string>, target: string, position: 'before' | 'after'): T[] {
  const moving = items.filter((i) => keys.has(keyOf(i)));
  const rest = items.filter((i) => !keys.has(keyOf(i)));
  let at = rest.findIndex((i) => keyOf(i) === target);
  if (at < 0) return items;
  if (position === 'after') at += 1;
  return [...rest.slice(0, at), ...moving, ...rest.slice(at)];
}

export function moveBy<T>(items: T[], index: number, by: number): T[] {
  const j = index + by;
  if (j < 0 || j >= items.length) return items;
  const out = [...items];
  [out[index], out[j]] = [out[j], out[index]];
  return out;
}

export function exhibitsArg(exhibits: ExhibitChoice[]): PacketOptionsArgs['exhibits'] {
  return exhibits.map((e) => ({ documentId: e.documentId, pageRange: e.pageRange, label: e.label?.trim() || null }));
}

/** "Ends in about 40 s" from how long the job has run and how far it got. */
export function timeLeft(elapsedMs: number, fraction: number): string {
  if (fraction <= 0.02 || fraction >= 1) return '';
  const s = Math.round(((elapsedMs / fraction) * (1 - fraction)) / 1000);
  if (s < 5) return 'a few seconds left';
  if (s < 90) return `about ${s} s left`;
  return `about ${Math.round(s / 60)} min left`;
}
