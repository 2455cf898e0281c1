// E-filing limits: a packet over a forum's page or file-size limit is split into volumes at exhibit
// boundaries; an exhibit too long for one volume runs on into the next, where it opens again as
// "Exhibit 7 (continued)" (its own slip sheet when the packet has them, bookmark and index row). Every volume keeps the packet's own pages and stamps (the numbers run on across volumes),
// has its own bookmarks, and carries the combined index (every exhibit, its range and its volume) in
// front of its exhibits. Front-matter links into a later volume are dropped; those within volume 1 stay.
// Volume 1's front matter is numbered by that volume's own pages when the profile numbers it; the combined
// index is numbered only then too.
// Each volume is read back by the pagination check.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, ParseSpeeds, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import type { EFilingLimits } from '../../../shared/forums/profiles';
import { addOutline, type OutlineItem } from './navigation';
import { assertPagination } from './pagination-check';
import type { BatesOptions, ExhibitPlacement, PacketResult } from './types';
import { FrontMatterWriter, defaultFonts, displayDate, type PageGeometry } from './writer';

export interface PacketVolume {
  number: number;
  pdf: Uint8Array;
  pageCount: number;
  exhibits: string[];
  batesFirst: string | null;
  batesLast: string | null;
}

export class VolumeLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VolumeLimitError';
  }
}

const COMBINED_INDEX = 'Combined Exhibit Index';
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** One row of the combined index: an exhibit, or the part of one that a volume holds. */
interface IndexRow {
  label: string;
  continued: boolean;
  description: string;
  date: string | null;
  first: string;
  last: string;
  pages: number;
  volume: number | null;
}

/** The combined index: every exhibit (each part of a split one) with its range and the volume that holds it. */
async function combinedIndex(title: string, rows: IndexRow[], volume: number, volumes: number, fonts: { regular: string; bold: string }, page: PageGeometry | null, numbered: boolean): Promise<Uint8Array> {
  const w = new FrontMatterWriter(fonts, `${title}: ${COMBINED_INDEX}`, undefined, page);
  const CONTENT_WIDTH = w.contentWidth;
  // "7 (continued)" needs a wider label column than "7".
  const labelWidth = rows.some((r) => r.continued) ? 84 : 50;
  w.newPage();
  w.heading(COMBINED_INDEX);
  w.paragraph(`Volume ${volume} of ${volumes}. The page numbers run on from one volume to the next.`, { size: 10 });
  w.table(
    [{ header: 'Exhibit', width: labelWidth }, { header: 'Description', width: CONTENT_WIDTH - labelWidth - 72 - 150 - 36 - 36 }, { header: 'Date', width: 72 }, { header: 'Bates range', width: 150 }, { header: 'Pages', width: 36, align: 'right' }, { header: 'Vol.', width: 36, align: 'right' }],
    rows.map((r) => [`${r.label}${r.continued ? ' (continued)' : ''}`, r.description, r.date ? displayDate(r.date) : '—', r.first === r.last ? r.first : `${r.first} - ${r.last}`, String(r.pages), r.volume == null ? '?' : String(r.volume)]),
    { size: 9 },
  );
  const pages = w.pageCount;
  return w.finish((n) => (numbered ? `${COMBINED_INDEX} - volume ${volume} of ${volumes}, page ${n} of ${pages}` : ''));
}

/** Slip sheets for the parts a volume continues, in order: as the builder's, saying "(continued)" and the part's range. */
async function continuationSlips(parts: Part[], fonts: { regular: string; bold: string }, page: PageGeometry | null): Promise<PDFDocument | null> {
  if (!parts.length) return null;
  const w = new FrontMatterWriter(fonts, 'Exhibit slip sheets', undefined, page);
  for (const part of parts) {
    w.newPage();
    w.doc.moveDown(12);
    w.doc.font('Bold').fontSize(40).text(`EXHIBIT ${part.exhibit.label}`, { align: 'center' });
    w.doc.font('Bold').fontSize(16).text('(continued)', { align: 'center' });
    w.doc.moveDown(1);
    w.doc.font('Body').fontSize(14).text(part.exhibit.description, { align: 'center' });
    if (part.exhibit.date) w.doc.fontSize(12).text(displayDate(part.exhibit.date), { align: 'center' });
    w.doc.moveDown(1);
    w.doc.fontSize(11).text(part.first === part.last ? `Bates ${part.first}` : `Bates ${part.first} - ${part.last}`, { align: 'center' });
    w.doc.text(`${part.to - part.from + 1} page${part.to === part.from ? '' : 's'}`, { align: 'center' });
  }
  return PDFDocument.load(await w.finish(() => ''));
}

/** The front matter's footer, as the builder writes it, counting this volume's pages. */
async function numberFrontMatter(doc: PDFDocument, pages: PDFPage[], title: string, total: number): Promise<void> {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = 8;
  pages.forEach((page, k) => {
    const text = `${title} - volume 1, page ${k + 1} of ${total}`;
    const width = font.widthOfTextAtSize(text, size);
    page.drawText(text, { x: (page.getWidth() - width) / 2, y: 26, size, font, color: rgb(0x55 / 255, 0x55 / 255, 0x55 / 255) });
  });
}

interface LinkRecord { pageIndex: number; rect: PDFArray; target: number }

/** Records every link annotation's rectangle and target page, and removes them so pages copy alone. */
function takeLinks(pages: PDFPage[]): LinkRecord[] {
  const indexOf = new Map(pages.map((p, i) => [p.ref.toString(), i]));
  const links: LinkRecord[] = [];
  pages.forEach((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) return;
    for (let k = 0; k < annots.size(); k++) {
      const a = annots.lookup(k, PDFDict);
      const dest = a.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const target = dest?.get(0);
      const rect = a.lookupMaybe(PDFName.of('Rect'), PDFArray);
      if (target instanceof PDFRef && rect && indexOf.has(target.toString())) links.push({ pageIndex: i, rect, target: indexOf.get(target.toString())! });
    }
    page.node.delete(PDFName.of('Annots'));
  });
  return links;
}

/**
 * An exhibit, or the part of one, in a volume: packet pages `from` to `to` (1-based; the slip sheet
 * included when the exhibit opens here), its Bates range, and whether it continues one begun in an
 * earlier volume (then it gets a slip sheet of its own when the packet has them).
 */
interface Part {
  exhibit: ExhibitPlacement;
  from: number;
  to: number;
  continued: boolean;
  first: string;
  last: string;
}
interface Plan { front: number; parts: Part[] }

/**
 * Greedy at exhibit boundaries: as many exhibits as fit under the page limit, counting the index
 * pages. An exhibit longer than a whole volume starts where there is room and runs on into the next
 * volumes, the stamps unchanged: it is split only where it must be.
 */
function planVolumes(result: PacketResult, maxPages: number | null, indexPages: number, bates: BatesOptions): Plan[] {
  const front = result.manifest.frontMatterPages;
  const plans: Plan[] = [{ front, parts: [] }];
  let used = front + indexPages;
  if (maxPages != null && used > maxPages) throw new VolumeLimitError(`The front matter and the combined index alone have ${used} pages, more than the forum's ${maxPages}-page limit per file.`);
  const limit = maxPages ?? Infinity;
  // A volume must hold its index, a slip sheet and at least one page of an exhibit.
  if (limit - indexPages < 2) throw new VolumeLimitError(`The combined index alone has ${indexPages} pages, leaving no room for an exhibit under the forum's ${maxPages}-page limit per file.`);
  const fmt = (n: number) => `${bates.prefix}${String(n).padStart(bates.digits, '0')}`;
  const numberOf = (b: string) => Number(b.slice(bates.prefix.length));
  const part = (e: ExhibitPlacement, from: number, to: number, continued: boolean): Part => {
    const firstNumber = numberOf(e.batesFirst) + Math.max(0, from - e.firstPage);
    return { exhibit: e, from, to, continued, first: fmt(firstNumber), last: fmt(numberOf(e.batesFirst) + (to - e.firstPage)) };
  };
  const newVolume = () => {
    plans.push({ front: 0, parts: [] });
    used = indexPages;
  };
  for (const e of result.manifest.exhibits) {
    const opening = e.slipPage ?? e.firstPage;
    const size = e.lastPage - opening + 1;
    const current = plans[plans.length - 1];
    const started = current.front > 0 || current.parts.length > 0;
    if (used + size <= limit) {
      current.parts.push(part(e, opening, e.lastPage, false));
      used += size;
      continue;
    }
    if (size <= limit - indexPages) {
      // Fits a volume of its own: it starts the next one whole.
      if (started) newVolume();
      plans[plans.length - 1].parts.push(part(e, opening, e.lastPage, false));
      used += size;
      continue;
    }
    // Longer than a volume: it opens where there is room for its slip sheet and a page, and runs on.
    if (limit - used < (opening === e.firstPage ? 1 : 2)) newVolume();
    let from = opening;
    let continued = false;
    for (;;) {
      const slip = continued && e.slipPage != null ? 1 : 0;
      const take = Math.min(e.lastPage - from + 1, limit - used - slip);
      plans[plans.length - 1].parts.push(part(e, from, from + take - 1, continued));
      used += take + slip;
      from += take;
      if (from > e.lastPage) break;
      continued = true;
      newVolume();
    }
  }
  return plans;
}

/**
 * Splits the built packet into volumes under `limits`; a packet within them is one volume, unchanged.
 * Refuses (VolumeLimitError) when one exhibit alone cannot fit a volume.
 */
export async function splitIntoVolumes(result: PacketResult, title: string, bates: BatesOptions, limits: EFilingLimits, fonts = defaultFonts(), page: PageGeometry | null = null, numbered = true): Promise<PacketVolume[]> {
  const { manifest } = result;
  const whole = (): PacketVolume[] => [{ number: 1, pdf: result.pdf, pageCount: manifest.pageCount, exhibits: manifest.exhibits.map((e) => e.label), batesFirst: manifest.exhibits[0]?.batesFirst ?? null, batesLast: manifest.exhibits.at(-1)?.batesLast ?? null }];
  const fitsPages = limits.maxPages == null || manifest.pageCount <= limits.maxPages;
  const fitsBytes = limits.maxBytes == null || result.pdf.length <= limits.maxBytes;
  if ((fitsPages && fitsBytes) || !manifest.exhibits.length) return whole();

  const wholeRows = manifest.exhibits.map((e): IndexRow => ({ label: e.label, continued: false, description: e.description, date: e.date, first: e.batesFirst, last: e.batesLast, pages: e.lastPage - e.firstPage + 1, volume: null }));
  let indexPages = await pageCount(await combinedIndex(title, wholeRows, 1, 1, fonts, page, numbered));
  let maxPages = limits.maxPages ?? manifest.pageCount;
  for (;;) {
    const plans = planVolumes(result, maxPages, indexPages, bates);
    // A split exhibit adds rows to the index: planned again if that made the index longer.
    const rows = indexRows(plans);
    const pagesNeeded = await pageCount(await combinedIndex(title, rows, 1, plans.length, fonts, page, numbered));
    if (pagesNeeded > indexPages) {
      indexPages = pagesNeeded;
      continue;
    }
    const volumes = await writeVolumes(result, title, bates, plans, rows, indexPages, fonts, page, numbered);
    const over = volumes.find((v) => limits.maxBytes != null && v.pdf.length > limits.maxBytes);
    if (!over) return volumes;
    // Over the size limit: plan again with fewer pages per volume, in proportion to the overshoot.
    const next = Math.floor(over.pageCount * (limits.maxBytes! / over.pdf.length) * 0.95);
    if (next >= maxPages) maxPages -= 1;
    else maxPages = next;
    if (maxPages < indexPages + 2) throw new VolumeLimitError(`The packet cannot be split under the forum's ${mb(limits.maxBytes!)} file limit: a single page with its slip sheet and the index is larger.`);
  }
}

const pageCount = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();

/** The combined index's rows: every part of every volume, in order, with its volume. */
function indexRows(plans: Plan[]): IndexRow[] {
  return plans.flatMap((plan, i) =>
    plan.parts.map((p) => ({ label: p.exhibit.label, continued: p.continued, description: p.exhibit.description, date: p.exhibit.date, first: p.first, last: p.last, pages: p.to - Math.max(p.from, p.exhibit.firstPage) + 1, volume: i + 1 })),
  );
}

async function writeVolumes(result: PacketResult, title: string, bates: BatesOptions, plans: Plan[], rows: IndexRow[], indexPages: number, fonts: { regular: string; bold: string }, page: PageGeometry | null, numbered: boolean): Promise<PacketVolume[]> {
  const { manifest } = result;
  const source = await PDFDocument.load(result.pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const sourcePages = source.getPages();
  const links = takeLinks(sourcePages);
  const out: PacketVolume[] = [];
  for (const [i, plan] of plans.entries()) {
    const number = i + 1;
    const doc = await PDFDocument.create();
    doc.setTitle(`${title}: Evidence Packet, volume ${number} of ${plans.length}`);
    doc.setCreator('IEP Casefile');
    // The exhibits' pages in order: a continued part's own slip sheet (when the packet has slip
    // sheets), then its source pages (0-based).
    const slipped = plan.parts.filter((p) => p.continued && p.exhibit.slipPage != null);
    const slips = await continuationSlips(slipped, fonts, page);
    const order: Array<{ slip: number } | { source: number }> = plan.parts.flatMap((p) => [
      ...(slipped.includes(p) ? [{ slip: slipped.indexOf(p) }] : []),
      ...Array.from({ length: p.to - p.from + 1 }, (_, k) => ({ source: p.from - 1 + k })),
    ]);
    const frontIdx = Array.from({ length: plan.front }, (_, k) => k);
    // Volume 1 numbers its front matter by its own length (the packet's front matter counts the whole packet).
    const ownNumbers = number === 1 && plan.front > 0 && !!result.frontMatterUnnumbered && plans.length > 1;
    const frontSource = ownNumbers ? await PDFDocument.load(result.frontMatterUnnumbered!, { parseSpeed: ParseSpeeds.Fastest }) : source;
    const frontCopies = await doc.copyPages(frontSource, frontIdx);
    for (const p of frontCopies) doc.addPage(p);
    const indexDoc = await PDFDocument.load(await combinedIndex(title, rows, number, plans.length, fonts, page, numbered));
    for (const p of await doc.copyPages(indexDoc, indexDoc.getPageIndices())) doc.addPage(p);
    const sourceCopies = await doc.copyPages(source, order.flatMap((o) => ('source' in o ? [o.source] : [])));
    const slipCopies = slips ? await doc.copyPages(slips, slips.getPageIndices()) : [];
    let nextSource = 0;
    for (const o of order) doc.addPage('source' in o ? sourceCopies[nextSource++] : slipCopies[o.slip]);
    const refs = doc.getPages().map((p) => p.ref);
    // Where each source page landed in this volume (0-based), and where each part opens.
    const landed = new Map<number, number>();
    frontIdx.forEach((s, k) => landed.set(s, k));
    const opensAt = new Map<Part, number>();
    order.forEach((o, k) => {
      const at = plan.front + indexPages + k;
      if ('source' in o) landed.set(o.source, at);
    });
    let at = plan.front + indexPages;
    for (const p of plan.parts) {
      opensAt.set(p, at);
      at += p.to - p.from + 1 + (slipped.includes(p) ? 1 : 0);
    }
    for (const l of links) {
      const from = landed.get(l.pageIndex);
      const to = landed.get(l.target);
      if (from == null || to == null) continue;
      const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: l.rect, Border: [0, 0, 0], Dest: [refs[to], PDFName.of('XYZ'), null, null, null] });
      doc.getPages()[from].node.addAnnot(doc.context.register(annot));
    }
    const outline: OutlineItem[] = [];
    if (plan.front) for (const s of manifest.sections) if (s.id !== 'exhibits' && s.page <= plan.front) outline.push({ title: s.title, pageIndex: s.page - 1 });
    outline.push({ title: COMBINED_INDEX, pageIndex: plan.front });
    if (plan.parts.length) {
      outline.push({
        title: 'Exhibits',
        pageIndex: plan.front + indexPages,
        children: plan.parts.map((p) => ({ title: `Exhibit ${p.exhibit.label}${p.continued ? ' (continued)' : ''}: ${p.exhibit.description} (${p.first === p.last ? p.first : `${p.first} - ${p.last}`})`, pageIndex: opensAt.get(p)! })),
      });
    }
    addOutline(doc, outline, refs);
    if (ownNumbers) await numberFrontMatter(doc, frontCopies, title, refs.length);
    const pdf = await doc.save({ useObjectStreams: false });
    out.push({ number, pdf, pageCount: refs.length, exhibits: plan.parts.map((p) => p.exhibit.label), batesFirst: plan.parts[0]?.first ?? null, batesLast: plan.parts.at(-1)?.last ?? null });
  }
  // Every volume is read back: its stamps run on from the volume before, its index and bookmarks agree.
  let start = bates.start;
  for (const v of out) {
    const report = await assertPagination(v.pdf, { ...bates, start, indexMayListOthers: true });
    start = (report.exhibits.at(-1)?.batesLast ?? start - 1) + 1;
  }
  return out;
}
