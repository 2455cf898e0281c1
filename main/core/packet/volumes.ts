// E-filing limits: a packet over a forum's page or file-size limit is split into volumes at exhibit
// boundaries. Every volume keeps the packet's own pages and stamps (the numbers run on across volumes),
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
const range = (e: ExhibitPlacement) => (e.batesFirst === e.batesLast ? e.batesFirst : `${e.batesFirst} - ${e.batesLast}`);
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** The combined index: every exhibit with its range and the volume that holds it. */
async function combinedIndex(title: string, exhibits: ExhibitPlacement[], volumeOf: Map<string, number>, volume: number, volumes: number, fonts: { regular: string; bold: string }, page: PageGeometry | null, numbered: boolean): Promise<Uint8Array> {
  const w = new FrontMatterWriter(fonts, `${title}: ${COMBINED_INDEX}`, undefined, page);
  const CONTENT_WIDTH = w.contentWidth;
  w.newPage();
  w.heading(COMBINED_INDEX);
  w.paragraph(`Volume ${volume} of ${volumes}. The page numbers run on from one volume to the next.`, { size: 10 });
  w.table(
    [{ header: 'Exhibit', width: 50 }, { header: 'Description', width: CONTENT_WIDTH - 50 - 72 - 150 - 36 - 36 }, { header: 'Date', width: 72 }, { header: 'Bates range', width: 150 }, { header: 'Pages', width: 36, align: 'right' }, { header: 'Vol.', width: 36, align: 'right' }],
    exhibits.map((e) => [e.label, e.description, e.date ? displayDate(e.date) : '—', range(e), String(e.lastPage - e.firstPage + 1), volumeOf.has(e.label) ? String(volumeOf.get(e.label)) : '?']),
    { size: 9 },
  );
  const pages = w.pageCount;
  return w.finish((n) => (numbered ? `${COMBINED_INDEX} - volume ${volume} of ${volumes}, page ${n} of ${pages}` : ''));
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

interface Plan { front: number; exhibits: ExhibitPlacement[] }

/** Greedy at exhibit boundaries: as many exhibits as fit under the page limit, counting the index pages. */
function planVolumes(result: PacketResult, maxPages: number | null, indexPages: number): Plan[] {
  const plans: Plan[] = [{ front: result.manifest.frontMatterPages, exhibits: [] }];
  const openingOf = (e: ExhibitPlacement) => e.slipPage ?? e.firstPage;
  const sizeOf = (e: ExhibitPlacement) => e.lastPage - openingOf(e) + 1;
  let used = result.manifest.frontMatterPages + indexPages;
  if (maxPages != null && used > maxPages) throw new VolumeLimitError(`The front matter and the combined index alone have ${used} pages, more than the forum's ${maxPages}-page limit per file.`);
  for (const e of result.manifest.exhibits) {
    const size = sizeOf(e);
    if (maxPages != null && indexPages + size > maxPages) throw new VolumeLimitError(`Exhibit ${e.label} alone has ${size} pages, more than the forum's ${maxPages}-page limit per file with its index: split the document into two exhibits.`);
    const current = plans[plans.length - 1];
    if (maxPages != null && (current.front > 0 || current.exhibits.length > 0) && used + size > maxPages) {
      plans.push({ front: 0, exhibits: [e] });
      used = indexPages + size;
    } else {
      current.exhibits.push(e);
      used += size;
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

  const indexPages = (await PDFDocument.load(await combinedIndex(title, manifest.exhibits, new Map(), 1, 1, fonts, page, numbered))).getPageCount();
  let maxPages = limits.maxPages ?? manifest.pageCount;
  for (;;) {
    const plans = planVolumes(result, maxPages, indexPages);
    const volumes = await writeVolumes(result, title, bates, plans, indexPages, fonts, page, numbered);
    const over = volumes.find((v) => limits.maxBytes != null && v.pdf.length > limits.maxBytes);
    if (!over) return volumes;
    // Over the size limit: plan again with fewer pages per volume, in proportion to the overshoot.
    const next = Math.floor(over.pageCount * (limits.maxBytes! / over.pdf.length) * 0.95);
    if (next >= maxPages) maxPages -= 1;
    else maxPages = next;
    if (maxPages < indexPages + 1) throw new VolumeLimitError(`The packet cannot be split under the forum's ${mb(limits.maxBytes!)} file limit: one exhibit alone is larger.`);
  }
}

async function writeVolumes(result: PacketResult, title: string, bates: BatesOptions, plans: Plan[], indexPages: number, fonts: { regular: string; bold: string }, page: PageGeometry | null, numbered: boolean): Promise<PacketVolume[]> {
  const { manifest } = result;
  const source = await PDFDocument.load(result.pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const sourcePages = source.getPages();
  const links = takeLinks(sourcePages);
  const volumeOf = new Map<string, number>();
  plans.forEach((p, i) => p.exhibits.forEach((e) => volumeOf.set(e.label, i + 1)));
  const out: PacketVolume[] = [];
  for (const [i, plan] of plans.entries()) {
    const number = i + 1;
    const doc = await PDFDocument.create();
    doc.setTitle(`${title}: Evidence Packet, volume ${number} of ${plans.length}`);
    doc.setCreator('IEP Casefile');
    // Source pages (0-based) in this volume, in order: front matter, then each exhibit's slip and pages.
    const frontIdx = Array.from({ length: plan.front }, (_, k) => k);
    const exhibitIdx = plan.exhibits.flatMap((e) => {
      const from = (e.slipPage ?? e.firstPage) - 1;
      return Array.from({ length: e.lastPage - from }, (_, k) => from + k);
    });
    // Volume 1 numbers its front matter by its own length (the packet's front matter counts the whole packet).
    const ownNumbers = number === 1 && plan.front > 0 && !!result.frontMatterUnnumbered && plans.length > 1;
    const frontSource = ownNumbers ? await PDFDocument.load(result.frontMatterUnnumbered!, { parseSpeed: ParseSpeeds.Fastest }) : source;
    const frontCopies = await doc.copyPages(frontSource, frontIdx);
    for (const p of frontCopies) doc.addPage(p);
    const indexDoc = await PDFDocument.load(await combinedIndex(title, manifest.exhibits, volumeOf, number, plans.length, fonts, page, numbered));
    for (const p of await doc.copyPages(indexDoc, indexDoc.getPageIndices())) doc.addPage(p);
    const exhibitCopies = await doc.copyPages(source, exhibitIdx);
    for (const p of exhibitCopies) doc.addPage(p);
    const refs = doc.getPages().map((p) => p.ref);
    // Where each source page landed in this volume (0-based).
    const landed = new Map<number, number>();
    frontIdx.forEach((s, k) => landed.set(s, k));
    exhibitIdx.forEach((s, k) => landed.set(s, plan.front + indexPages + k));
    for (const l of links) {
      const at = landed.get(l.pageIndex);
      const to = landed.get(l.target);
      if (at == null || to == null) continue;
      const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: l.rect, Border: [0, 0, 0], Dest: [refs[to], PDFName.of('XYZ'), null, null, null] });
      doc.getPages()[at].node.addAnnot(doc.context.register(annot));
    }
    const outline: OutlineItem[] = [];
    if (plan.front) for (const s of manifest.sections) if (s.id !== 'exhibits' && s.page <= plan.front) outline.push({ title: s.title, pageIndex: s.page - 1 });
    outline.push({ title: COMBINED_INDEX, pageIndex: plan.front });
    if (plan.exhibits.length) {
      outline.push({
        title: 'Exhibits',
        pageIndex: plan.front + indexPages,
        children: plan.exhibits.map((e) => ({ title: `Exhibit ${e.label}: ${e.description} (${range(e)})`, pageIndex: landed.get((e.slipPage ?? e.firstPage) - 1)! })),
      });
    }
    addOutline(doc, outline, refs);
    if (ownNumbers) await numberFrontMatter(doc, frontCopies, title, refs.length);
    const pdf = await doc.save({ useObjectStreams: false });
    const first = plan.exhibits[0];
    const last = plan.exhibits.at(-1);
    out.push({ number, pdf, pageCount: refs.length, exhibits: plan.exhibits.map((e) => e.label), batesFirst: first?.batesFirst ?? null, batesLast: last?.batesLast ?? null });
  }
  // Every volume is read back: its stamps run on from the volume before, its index and bookmarks agree.
  let start = bates.start;
  for (const v of out) {
    const report = await assertPagination(v.pdf, { ...bates, start, indexMayListOthers: true });
    start = (report.exhibits.at(-1)?.batesLast ?? start - 1) + 1;
  }
  return out;
}
