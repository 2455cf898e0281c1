// The exhibit list alone, for the five-business-day disclosure before a due-process hearing
// (34 CFR 300.512(a)(3)): a one-table PDF and the same rows as CSV.
import { PDFDocument } from 'pdf-lib';
import { CiteResolver, planExhibits, type ExhibitPlan } from './plan';
import type { PacketInput } from './types';
import { defaultFonts, displayDate, FrontMatterWriter } from './writer';

export interface ExhibitListRow {
  exhibit: string;
  description: string;
  date: string | null;
  batesFirst: string;
  batesLast: string;
  pages: number;
}

export type ExhibitListInput = Pick<PacketInput, 'case' | 'bates' | 'labelStyle' | 'exhibits' | 'fonts' | 'layout'>;

const csvField = (v: string | number | null) => {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function exhibitListRows(input: ExhibitListInput): Promise<ExhibitListRow[]> {
  const counts: number[] = [];
  for (const e of input.exhibits) counts.push((await PDFDocument.load(e.pdfBytes, { ignoreEncryption: true, updateMetadata: false })).getPageCount());
  const plans: ExhibitPlan[] = planExhibits(input.exhibits, counts, input.labelStyle, input.bates, input.layout?.numbering);
  const resolver = new CiteResolver(plans, input.bates);
  return plans.map((p) => ({
    exhibit: p.label,
    description: p.exhibit.description,
    date: p.exhibit.date ?? null,
    batesFirst: resolver.format(p.bates[0]),
    batesLast: resolver.format(p.bates[p.bates.length - 1]),
    pages: p.pages.length,
  }));
}

export function exhibitListCsv(rows: ExhibitListRow[]): string {
  const header = ['Exhibit', 'Description', 'Date', 'Bates first', 'Bates last', 'Pages'];
  const lines = [header, ...rows.map((r) => [r.exhibit, r.description, r.date, r.batesFirst, r.batesLast, r.pages])];
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export async function exportExhibitList(input: ExhibitListInput): Promise<{ pdf: Uint8Array; csv: string; rows: ExhibitListRow[] }> {
  const rows = await exhibitListRows(input);
  const w = new FrontMatterWriter(input.fonts ?? defaultFonts(), `${input.case.title}: Exhibit List`, undefined, input.layout?.page);
  const CONTENT_WIDTH = w.contentWidth;
  w.newPage();
  w.heading(`${input.case.title}`, 16);
  w.paragraph('Exhibit List', { bold: true, size: 13 });
  w.paragraph(`Student: ${input.case.studentName}. Prepared by ${input.case.preparedBy}, ${displayDate(input.case.date)}.`);
  w.paragraph('Disclosed at least five business days before the hearing under 34 CFR 300.512(a)(3).', { size: 9, color: '#444444' });
  w.doc.moveDown(0.5);
  w.table(
    [{ header: 'Exhibit', width: 50 }, { header: 'Description', width: CONTENT_WIDTH - 50 - 72 - 160 - 40 }, { header: 'Date', width: 72 }, { header: 'Bates range', width: 160 }, { header: 'Pages', width: 40, align: 'right' }],
    rows.map((r) => [r.exhibit, r.description, r.date ? displayDate(r.date) : '—', r.batesFirst === r.batesLast ? r.batesFirst : `${r.batesFirst} - ${r.batesLast}`, String(r.pages)]),
    { size: 9 },
  );
  const total = w.pageCount;
  const pdf = await w.finish((n) => `Exhibit list - page ${n} of ${total}`);
  return { pdf, csv: exhibitListCsv(rows), rows };
}
