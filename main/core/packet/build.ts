// Builds the evidence packet: exhibits are planned first (their Bates numbers fix every cite), the
// front matter is laid out once (its page numbers are written when its length is known), then
// everything is merged with pdf-lib, exhibit pages stamped, and the bookmarks and links added.
import { ParseSpeeds, PDFDocument, type PDFPage } from 'pdf-lib';
import { renderFrontMatter, SECTION_TITLES } from './front-matter';
import { addLinks, addOutline, type OutlineItem } from './navigation';
import { PacketPages } from './page-map';
import { PageSequence } from './page-sequence';
import { assertPagination } from './pagination-check';
import { CiteResolver, exhibitLabel, planExhibits } from './plan';
import { checkExhibitPages, loadExhibitPdf } from './exhibit-check';
import { appendStampedPage, embedSourcePages, stampContext } from './stamp';
import type { BuildOptions, ExhibitPlacement, PacketInput, PacketManifest, PacketResult } from './types';
import { defaultFonts } from './writer';

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('Packet build cancelled', 'AbortError');
}

/**
 * Loads each exhibit once; pdf-lib parses lazily enough that this stays cheap in memory. Parsing runs
 * without pdf-lib's default pause every 100 objects (a timer turn each): the build yields between
 * exhibits, and those pauses added wall time on every page.
 */
async function loadExhibits(input: PacketInput, options: BuildOptions): Promise<PDFDocument[]> {
  const docs: PDFDocument[] = [];
  for (const [i, exhibit] of input.exhibits.entries()) {
    checkAbort(options.signal);
    // An encrypted file is refused by name (imports give the packet an encrypted PDF's decrypted copy).
    const label = exhibit.label?.trim() || exhibitLabel(input.labelStyle, i, input.layout?.numbering);
    docs.push(await loadExhibitPdf(exhibit, label, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
    options.onProgress?.({ phase: 'reading', done: i + 1, total: input.exhibits.length });
  }
  return docs;
}

export async function buildPacketDetailed(input: PacketInput, options: BuildOptions = {}): Promise<PacketResult> {
  const { onProgress, signal } = options;
  const fonts = input.fonts ?? defaultFonts();
  const sources = await loadExhibits(input, options);
  const plans = planExhibits(input.exhibits, sources.map((d) => d.getPageCount()), input.labelStyle, input.bates, input.layout?.numbering);
  for (const plan of plans) checkExhibitPages(sources[plan.index], plan.exhibit, plan.label, plan.pages);
  const pages = new PacketPages(input.sections, plans, input.layout?.slipSheets ?? true);
  const withExhibits = pages.withExhibits;

  checkAbort(signal);
  const resolver = new CiteResolver(plans, input.bates);
  const front = await renderFrontMatter(input, plans, resolver, pages, fonts);
  // Volume 1 of a split packet numbers its front matter by its own length: the same pages laid out again without footers.
  const unnumbered = input.layout?.splitsIntoVolumes && (input.layout.frontMatterPaginated ?? true) ? (await renderFrontMatter(input, plans, resolver, pages, fonts, false)).pdf : undefined;
  onProgress?.({ phase: 'layout', done: 1, total: 1 });

  const out = await PDFDocument.create();
  out.setTitle(`${input.case.title}: Evidence Packet`);
  out.setCreator('IEP Casefile');
  out.setProducer('IEP Casefile (pdf-lib, pdfkit)');
  const sequence = new PageSequence(out);
  // The front matter's document holds the slip sheets after its own pages.
  const frontDoc = await PDFDocument.load(front.pdf, { parseSpeed: ParseSpeeds.Fastest });
  const copied = await out.copyPages(frontDoc, frontDoc.getPageIndices());
  const frontPages = copied.slice(0, front.pageCount);
  for (const page of frontPages) sequence.append(page.ref, page.node);

  const placements: ExhibitPlacement[] = [];
  if (withExhibits) {
    const slipPages = copied.slice(front.pageCount);
    const ctx = await stampContext(out, sequence, input.bates.position);
    const total = plans.reduce((a, p) => a + p.pages.length, 0);
    let done = 0;
    for (const plan of plans) {
      if (pages.slips) sequence.append(slipPages[plan.index].ref, slipPages[plan.index].node);
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
        slipPage: pages.slipPage(plan.index),
        firstPage: pages.batesPage(plan.bates[0])!,
        lastPage: pages.batesPage(plan.bates[plan.bates.length - 1])!,
      });
    }
  }

  addLinks(out, front.links, frontPages, sequence.refs);
  const outline: OutlineItem[] = [];
  for (const id of input.sections) {
    const page = pages.section(id);
    if (page == null) continue;
    outline.push({
      title: SECTION_TITLES[id],
      pageIndex: page - 1,
      children: id === 'exhibits'
        ? placements.map((p) => ({ title: `Exhibit ${p.label}: ${p.description} (${p.batesFirst}${p.batesLast !== p.batesFirst ? ` - ${p.batesLast}` : ''})`, pageIndex: (p.slipPage ?? p.firstPage) - 1 }))
        : undefined,
    });
  }
  addOutline(out, outline, sequence.refs);

  checkAbort(signal);
  onProgress?.({ phase: 'saving', done: 0, total: 1 });
  // Object streams off: saving is several times faster on large packets and the size barely differs,
  // since exhibit images dominate. No pause every 50 objects: nothing can be cancelled mid-save.
  const pdf = await out.save({ useObjectStreams: false, objectsPerTick: Infinity });
  if (out.getPageCount() !== Math.max(sequence.length, 1)) throw new Error('Packet page tree out of step with its page sequence');
  if (withExhibits && options.checkPagination !== false) {
    onProgress?.({ phase: 'checking', done: 0, total: 1 });
    await assertPagination(pdf, input.bates);
  }
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
  return { pdf, manifest, ...(unnumbered ? { frontMatterUnnumbered: unnumbered } : {}) };
}

/** The packet PDF. Use buildPacketDetailed for the page map and any cites that did not resolve. */
export async function buildPacket(input: PacketInput, options: BuildOptions = {}): Promise<Uint8Array> {
  return (await buildPacketDetailed(input, options)).pdf;
}
