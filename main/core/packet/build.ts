// Builds the evidence packet: exhibits are planned first (their Bates numbers fix every cite), the
// front matter is laid out twice (the second time with the real page numbers), then everything is
// merged with pdf-lib, exhibit pages stamped, and the bookmarks and links added.
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { renderFrontMatter, SECTION_TITLES, type FrontMatterLayout, type PageMap } from './front-matter';
import { addLinks, addOutline, type OutlineItem } from './navigation';
import { CiteResolver, planExhibits, type ExhibitPlan } from './plan';
import { renderSlipSheets } from './slips';
import { appendStampedPage, embedSourcePages, stampContext } from './stamp';
import type { BuildOptions, ExhibitPlacement, PacketInput, PacketManifest, PacketResult, PacketSection } from './types';
import { defaultFonts } from './writer';

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('Packet build cancelled', 'AbortError');
}

/** Loads each exhibit once; pdf-lib parses lazily enough that this stays cheap in memory. */
async function loadExhibits(input: PacketInput, options: BuildOptions): Promise<PDFDocument[]> {
  const docs: PDFDocument[] = [];
  for (const [i, exhibit] of input.exhibits.entries()) {
    checkAbort(options.signal);
    // ignoreEncryption: owner-password PDFs (common from district portals) still copy; content is not decrypted by us.
    docs.push(await PDFDocument.load(exhibit.pdfBytes, { ignoreEncryption: true, updateMetadata: false }));
    options.onProgress?.({ phase: 'reading', done: i + 1, total: input.exhibits.length });
  }
  return docs;
}

/** Packet page numbers implied by a front matter of `frontPages` pages. */
function pageMapFor(input: PacketInput, plans: ExhibitPlan[], frontPages: number, starts: Map<PacketSection, number>): PageMap {
  const withExhibits = input.sections.includes('exhibits') && plans.length > 0;
  const slip: number[] = [];
  const batesToPage = new Map<number, number>();
  let page = frontPages + 1;
  for (const plan of plans) {
    slip.push(page);
    plan.bates.forEach((b, k) => batesToPage.set(b, page + 1 + k));
    page += 1 + plan.pages.length;
  }
  return {
    section: (id) => (id === 'exhibits' ? (withExhibits ? frontPages + 1 : null) : starts.has(id) ? starts.get(id)! + 1 : null),
    slipPage: (i) => (withExhibits ? slip[i] : null),
    batesPage: (b) => (withExhibits ? batesToPage.get(b) ?? null : null),
    totalPages: withExhibits ? page - 1 : frontPages,
  };
}

const sameStarts = (a: Map<PacketSection, number>, b: Map<PacketSection, number>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

export async function buildPacketDetailed(input: PacketInput, options: BuildOptions = {}): Promise<PacketResult> {
  const { onProgress, signal } = options;
  const fonts = input.fonts ?? defaultFonts();
  const sources = await loadExhibits(input, options);
  const plans = planExhibits(input.exhibits, sources.map((d) => d.getPageCount()), input.labelStyle, input.bates);
  const withExhibits = input.sections.includes('exhibits') && plans.length > 0;

  // Pass 1 learns how long each section is; later passes use the page numbers that implies. Numbers
  // only change digits in fixed-width cells, so the second pass almost always settles it.
  let layout: FrontMatterLayout | null = null;
  let resolver = new CiteResolver(plans, input.bates);
  let guess = { pages: 1, starts: new Map<PacketSection, number>() };
  const measureCache = new Map<string, number>();
  for (let pass = 1; pass <= 4; pass++) {
    checkAbort(signal);
    resolver = new CiteResolver(plans, input.bates);
    layout = await renderFrontMatter(input, plans, resolver, pageMapFor(input, plans, guess.pages, guess.starts), fonts, measureCache);
    onProgress?.({ phase: 'layout', done: pass, total: 2 });
    if (pass > 1 && layout.pageCount === guess.pages && sameStarts(layout.sectionStarts, guess.starts)) break;
    guess = { pages: layout.pageCount, starts: layout.sectionStarts };
  }
  const front = layout!;
  const pages = pageMapFor(input, plans, front.pageCount, front.sectionStarts);

  const out = await PDFDocument.create();
  out.setTitle(`${input.case.title}: Evidence Packet`);
  out.setCreator('IEP Casefile');
  out.setProducer('IEP Casefile (pdf-lib, pdfkit)');
  const frontDoc = await PDFDocument.load(front.pdf);
  for (const page of await out.copyPages(frontDoc, frontDoc.getPageIndices())) out.addPage(page);

  const placements: ExhibitPlacement[] = [];
  if (withExhibits) {
    const slips = await PDFDocument.load(await renderSlipSheets(plans, (n) => resolver.format(n), (i) => pages.slipPage(i)!, pages.totalPages, input.case.title, fonts));
    const slipPages = await out.copyPages(slips, slips.getPageIndices());
    const ctx = await stampContext(out, input.bates.position);
    const total = plans.reduce((a, p) => a + p.pages.length, 0);
    let done = 0;
    for (const plan of plans) {
      out.addPage(slipPages[plan.index]);
      const all: PDFPage[] = sources[plan.index].getPages();
      const included = plan.pages.map((n) => all[n - 1]);
      const embedded = embedSourcePages(ctx, included);
      for (const [k, original] of plan.pages.entries()) {
        checkAbort(signal);
        appendStampedPage(ctx, embedded[k], resolver.format(plan.bates[k]), plan.exhibit.ocrWords?.[original - 1] ?? null);
        onProgress?.({ phase: 'exhibits', done: ++done, total });
        // Yield now and then so an abort from the same thread (or a worker message) gets through.
        if (done % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      placements.push({
        label: plan.label,
        description: plan.exhibit.description,
        date: plan.exhibit.date ?? null,
        documentId: plan.exhibit.documentId,
        originalPages: plan.pages,
        batesFirst: resolver.format(plan.bates[0]),
        batesLast: resolver.format(plan.bates[plan.bates.length - 1]),
        slipPage: pages.slipPage(plan.index)!,
        firstPage: pages.slipPage(plan.index)! + 1,
        lastPage: pages.slipPage(plan.index)! + plan.pages.length,
      });
    }
  }

  addLinks(out, front.links);
  const outline: OutlineItem[] = [];
  for (const id of input.sections) {
    const page = pages.section(id);
    if (page == null) continue;
    outline.push({
      title: SECTION_TITLES[id],
      pageIndex: page - 1,
      children: id === 'exhibits'
        ? placements.map((p) => ({ title: `Exhibit ${p.label}: ${p.description} (${p.batesFirst}${p.batesLast !== p.batesFirst ? ` - ${p.batesLast}` : ''})`, pageIndex: p.slipPage - 1 }))
        : undefined,
    });
  }
  addOutline(out, outline);

  checkAbort(signal);
  onProgress?.({ phase: 'saving', done: 0, total: 1 });
  // Object streams off: saving is several times faster on large packets and the size barely differs,
  // since exhibit images dominate.
  const pdf = await out.save({ useObjectStreams: false });
  onProgress?.({ phase: 'done', done: 1, total: 1 });

  const manifest: PacketManifest = {
    pageCount: out.getPageCount(),
    frontMatterPages: front.pageCount,
    sections: input.sections.flatMap((id) => {
      const page = pages.section(id);
      return page == null ? [] : [{ id, title: SECTION_TITLES[id], page }];
    }),
    exhibits: placements,
    unresolvedCites: resolver.unresolved,
  };
  return { pdf, manifest };
}

/** The packet PDF. Use buildPacketDetailed for the page map and any cites that did not resolve. */
export async function buildPacket(input: PacketInput, options: BuildOptions = {}): Promise<Uint8Array> {
  return (await buildPacketDetailed(input, options)).pdf;
}
