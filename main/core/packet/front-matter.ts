// Sections 1-8 of the packet (cover, contents, findings, chronology, goal charts, score trends, missed
// services, exhibit index), laid out with pdfkit in one pass. Bates cites come from the caller; packet
// page numbers (contents, links, footers) are late: the page map is settled once the layout is done,
// and the numbers are written then, into cells whose size does not depend on them.
import { replaceCiteTokens } from '../../../shared/compensatory/cites';
import { formatMinutes } from '../../../shared/compensatory/calculate';
import type { PageCite } from '../../../shared/compensatory/types';
import type { PacketPages } from './page-map';
import type { CiteResolver, ExhibitPlan } from './plan';
import { writeSlipSheets } from './slips';
import type { PacketChart, PacketInput, PacketSection } from './types';
import { displayDate, FrontMatterWriter, PAGE, type Cell, type Column, type LinkSpot } from './writer';

export const SECTION_TITLES: Record<PacketSection, string> = {
  cover: 'Cover',
  toc: 'Contents',
  findings: 'Summary of Findings',
  chronology: 'Chronology',
  goals: 'Goal Progress',
  scores: 'Test Score Trends',
  services: 'Missed Services and Compensatory Education',
  index: 'Exhibit Index',
  exhibits: 'Exhibits',
};

export interface FrontMatterLayout {
  /** The front matter's pages, then (when the packet has exhibits) one slip sheet per exhibit. */
  pdf: Uint8Array;
  /** Front-matter pages only, without the slip sheets. */
  pageCount: number;
  /** 0-based front-matter page where each included section starts. */
  sectionStarts: Map<PacketSection, number>;
  links: LinkSpot[];
}

const fmtMin = (n: number | null) => (n == null ? '—' : formatMinutes(n));
/** The narrowest the services table's log-page column gets (a Bates range and a page or two). */
const MIN_CITE_COLUMN = 90;

/**
 * Lays out the front matter, settles `pages` with its length and section starts, and appends the slip
 * sheets when the packet has exhibits.
 */
export async function renderFrontMatter(
  input: PacketInput,
  plans: ExhibitPlan[],
  resolver: CiteResolver,
  pages: PacketPages,
  fonts: { regular: string; bold: string },
  /** false: no footers on the front matter's own pages (volume 1 of a split packet numbers its own). */
  footers = true,
): Promise<FrontMatterLayout> {
  const w = new FrontMatterWriter(fonts, `${input.case.title}: Evidence Packet`, undefined, input.layout?.page);
  const CONTENT_WIDTH = w.contentWidth;
  const sectionStarts = new Map<PacketSection, number>();
  const included = (id: PacketSection) => input.sections.includes(id);
  const start = (id: PacketSection) => {
    w.newPage();
    sectionStarts.set(id, w.pageIndex);
    if (id !== 'cover') w.heading(SECTION_TITLES[id]);
  };
  const batesText = (n: number) => resolver.format(n);
  const citeCell = (cites: PageCite[]): Cell => {
    const first = cites.map((c) => resolver.resolve(c)).find((hit) => hit);
    return { text: cites.length ? resolver.describe(cites) : '—', targetPage: first ? pages.lateBatesPage(first.bates) : null };
  };
  const range = (p: ExhibitPlan) => (p.bates.length === 1 ? batesText(p.bates[0]) : `${batesText(p.bates[0])} - ${batesText(p.bates[p.bates.length - 1])}`);

  if (included('cover')) {
    start('cover');
    const c = input.case;
    w.doc.moveDown(6);
    w.paragraph(c.title, { size: 24, bold: true });
    w.paragraph('Evidence Packet', { size: 16, color: '#333333' });
    w.doc.moveDown(2);
    const facts: Array<[string, string | null | undefined]> = [
      ['Student', c.studentName], ['Date of birth', c.dob ? displayDate(c.dob) : null], ['School', c.school],
      ['District', c.district], ['Prepared by', c.preparedBy], ['Date', displayDate(c.date)],
    ];
    for (const [k, v] of facts) if (v) w.paragraph(`${k}: ${v}`, { size: 12 });
    if (plans.length) {
      w.doc.moveDown(1);
      const first = plans[0].bates[0];
      const last = plans[plans.length - 1].bates.at(-1)!;
      w.paragraph(`${plans.length} exhibits, Bates ${batesText(first)} through ${batesText(last)}.`, { size: 11 });
    }
  }

  if (included('toc')) {
    start('toc');
    const cols: Column[] = [{ header: 'Section', width: CONTENT_WIDTH - 60 }, { header: 'Page', width: 60, align: 'right' }];
    const rows: Cell[][] = [];
    for (const id of input.sections) {
      if (id === 'cover' || id === 'toc') continue;
      const page = pages.lateSection(id);
      rows.push([{ text: SECTION_TITLES[id], targetPage: page }, { text: () => String(page?.() ?? ''), targetPage: page }]);
      if (id === 'exhibits') {
        for (const p of plans) {
          const slip = pages.lateOpeningPage(p.index);
          rows.push([{ text: `    Exhibit ${p.label}: ${p.exhibit.description} (${range(p)})`, targetPage: slip }, { text: () => String(slip?.() ?? ''), targetPage: slip }]);
        }
      }
    }
    w.table(cols, rows, { size: 10 });
  }

  if (included('findings')) {
    start('findings');
    if (!input.findings.length) w.paragraph('No findings were selected for this packet.');
    input.findings.forEach((f, i) => {
      w.paragraph(`${i + 1}. ${f.title}`, { bold: true, size: 11 });
      w.paragraph(f.description, { indent: 14 });
      for (const c of f.evidence) {
        const hit = resolver.resolve(c);
        w.paragraph(hit ? `Evidence: Exhibit ${hit.label}, ${batesText(hit.bates)}` : `Evidence: ${c.documentId} p. ${c.page} (not in this packet)`,
          { indent: 14, size: 9, targetPage: hit ? pages.lateBatesPage(hit.bates) : null });
      }
      w.doc.moveDown(0.5);
    });
  }

  if (included('chronology')) {
    start('chronology');
    const cols: Column[] = [{ header: 'Date', width: 70 }, { header: 'Event', width: CONTENT_WIDTH - 70 - 50 - 100 }, { header: 'Exhibit', width: 50 }, { header: 'Bates', width: 100 }];
    const rows = [...input.chronology].sort((a, b) => a.date.localeCompare(b.date)).map((e): Cell[] => {
      const hit = resolver.resolve({ documentId: e.documentId, page: e.page ?? null });
      const target = hit ? pages.lateBatesPage(hit.bates) : null;
      return [displayDate(e.date), e.event, hit?.label ?? '—', { text: hit ? batesText(hit.bates) : 'not in packet', targetPage: target }];
    });
    w.table(cols, rows);
  }

  const charts = (list: PacketChart[], empty: string) => {
    if (!list.length) w.paragraph(empty);
    for (const chart of list) {
      w.ensureSpace(300);
      w.paragraph(chart.title, { bold: true, size: 11 });
      const { width, height } = svgSize(chart.svg);
      w.svg(chart.svg, width, height);
      if (chart.note) w.paragraph(chart.note, { size: 9 });
      if (chart.table.rows.length) {
        const colWidth = CONTENT_WIDTH / chart.table.columns.length;
        w.table(chart.table.columns.map((c) => ({ header: c, width: colWidth })), chart.table.rows.map((r) => r.map((v) => (v == null ? '—' : String(v)))));
      }
      if (chart.cites?.length) w.paragraph(`Sources: ${resolver.describe(chart.cites)}`, { size: 8.5 });
    }
  };
  if (included('goals')) { start('goals'); charts(input.goalCharts, 'No goal data was selected for this packet.'); }
  if (included('scores')) { start('scores'); charts(input.scoreTrends, 'No test scores were selected for this packet.'); }

  if (included('services')) {
    start('services');
    const ce = input.compEd;
    if (!ce) w.paragraph('No service logs were reconciled for this packet.');
    else {
      w.paragraph(`Method: ${ce.methodLabel}`, { bold: true });
      // The figures' columns take 380 pt on a default page; a narrower one (A4 or wide margins) shrinks
      // them alike, so that the log pages keep room and nothing runs past the right margin.
      const scale = Math.min(1, (CONTENT_WIDTH - MIN_CITE_COLUMN) / 380);
      const fixed = (width: number) => Math.floor(width * scale);
      const figures: Column[] = [
        { header: 'Service', width: fixed(118) }, { header: 'Required', width: fixed(46), align: 'right' }, { header: 'Delivered', width: fixed(46), align: 'right' },
        { header: 'Missed', width: fixed(42), align: 'right' }, { header: 'District', width: fixed(42), align: 'right' }, { header: 'Student absence', width: fixed(44), align: 'right' },
        { header: 'Award', width: fixed(42), align: 'right' },
      ];
      const cols: Column[] = [...figures, { header: 'Log pages', width: CONTENT_WIDTH - figures.reduce((a, c) => a + c.width, 0) }];
      const rows: Cell[][] = ce.rows.map((r) => [
        `${r.service}\n${r.period}${r.status ? `\n${r.status}` : ''}`, fmtMin(r.required), fmtMin(r.delivered), fmtMin(r.missed),
        fmtMin(r.districtResponsible), fmtMin(r.studentAbsence), fmtMin(r.award), citeCell(r.cites),
      ]);
      const t = ce.totals;
      rows.push(['Total (minutes)', fmtMin(t.required), fmtMin(t.delivered), fmtMin(t.missed), fmtMin(t.districtResponsible), fmtMin(t.studentAbsence), fmtMin(t.award), citeCell(ce.cites)]);
      w.table(cols, rows, { boldLastRow: true });
      if (ce.progressEvidence?.length) {
        w.paragraph('Evidence of lost progress', { bold: true, size: 11 });
        for (const e of ce.progressEvidence) w.paragraph(`${e.text}${e.cites.length ? ` (${resolver.describe(e.cites)})` : ''}`, { indent: 10, size: 9.5 });
      }
      w.paragraph('How each figure was computed', { bold: true, size: 11 });
      for (const para of replaceCiteTokens(ce.computationText, (c) => resolver.describe(c)).split('\n')) {
        if (para.trim()) w.paragraph(para, { size: 9.5 });
      }
    }
  }

  if (included('index')) {
    start('index');
    const cols: Column[] = [{ header: 'Exhibit', width: 50 }, { header: 'Description', width: CONTENT_WIDTH - 50 - 72 - 150 - 40 }, { header: 'Date', width: 72 }, { header: 'Bates range', width: 150 }, { header: 'Pages', width: 40, align: 'right' }];
    w.table(cols, plans.map((p) => [p.label, p.exhibit.description, p.exhibit.date ? displayDate(p.exhibit.date) : '—',
      { text: range(p), targetPage: pages.lateBatesPage(p.bates[0]) }, String(p.pages.length)]));
  }

  const pageCount = w.pageCount; // pdfkit forgets its buffered pages once the document ends
  pages.settle(pageCount, sectionStarts);
  if (pages.withExhibits && pages.slips) writeSlipSheets(w, plans, batesText);
  const numbered = input.layout?.frontMatterPaginated ?? true;
  // Unnumbered front matter (a forum's choice) keeps the slip sheets' packet page numbers: they sit among the exhibits.
  const pdf = await w.finish((n) => (n <= pageCount
    ? (numbered && footers ? `${input.case.title} - page ${n} of ${pages.totalPages}` : '')
    : `${input.case.title} - page ${pages.slipPage(n - pageCount - 1)} of ${pages.totalPages}`));
  return { pdf, pageCount, sectionStarts, links: w.links };
}

/** The SVG's own size in px, from width/height or the viewBox; echarts SSR writes both. */
export function svgSize(svg: string): { width: number; height: number } {
  const head = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const num = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)`).exec(head)?.[1] ?? NaN);
  const box = /viewBox="[\d.\s-]+?\s([\d.]+)\s([\d.]+)"/.exec(head);
  const width = num('width') || Number(box?.[1]) || PAGE.width;
  const height = num('height') || Number(box?.[2]) || 300;
  return { width, height };
}
