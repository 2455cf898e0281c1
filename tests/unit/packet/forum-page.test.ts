// A forum profile's paper size and margins are applied to the packet's front matter (cover, contents, index,
// slip sheets) and to each volume's combined index; the exhibit pages keep their own size. Read back with
// pdf-lib (page sizes) and pdf.js (where the text starts: the left margin).
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import { applyForum } from '../../../main/core/packet/forums';
import { checkPagination } from '../../../main/core/packet/pagination-check';
import type { PacketInput } from '../../../main/core/packet/types';
import { splitIntoVolumes } from '../../../main/core/packet/volumes';
import { FORUM_IDS, FORUM_PROFILES, forumPagePoints, forumProfile, PAPER_POINTS, type ForumProfile } from '../../../shared/forums/profiles';
import { textPdf } from './generate';
import { openPdf } from './inspect';

const EXHIBITS = 8;
const PAGES_EACH = 3;

async function input(): Promise<PacketInput> {
  const docs = await Promise.all([textPdf('Alpha', PAGES_EACH), textPdf('Bravo', PAGES_EACH, { size: [792, 612] })]);
  return {
    case: { title: 'Doe v. Example District', studentName: 'Jamie Doe', preparedBy: 'A. Advocate', date: '2025-03-03' },
    bates: { prefix: 'DOE-', start: 1, digits: 6, position: 'bottom-right' },
    labelStyle: 'P-1',
    sections: ['cover', 'toc', 'index', 'exhibits'],
    exhibits: Array.from({ length: EXHIBITS }, (_, i) => ({ description: `Record ${i + 1} with a description long enough to wrap in the index`, date: `2024-0${(i % 9) + 1}-15`, documentId: `doc-${i}`, pdfBytes: docs[i % 2] })),
    findings: [], chronology: [], goalCharts: [], scoreTrends: [], compEd: null,
  };
}

/** The leftmost start of a text run on each of the given pages (1-based). */
async function leftEdges(pdf: Uint8Array, pages: number[]): Promise<number[]> {
  const doc = await openPdf(pdf);
  const out: number[] = [];
  for (const n of pages) {
    const content = await (await doc.getPage(n)).getTextContent();
    const xs = content.items.flatMap((it) => ('str' in it && it.str.trim() ? [it.transform[4] as number] : []));
    out.push(Math.min(...xs));
  }
  await doc.destroy();
  return out;
}

/** The text runs of one page. */
async function textOf(pdf: Uint8Array, page: number): Promise<string[]> {
  const doc = await openPdf(pdf);
  const content = await (await doc.getPage(page)).getTextContent();
  await doc.destroy();
  return content.items.flatMap((it) => ('str' in it && it.str.trim() ? [it.str.trim()] : []));
}

const PROFILES: Array<[string, ForumProfile]> = [
  ...FORUM_IDS.map((id) => [id, FORUM_PROFILES[id]] as [string, ForumProfile]),
  ['custom A4, half-inch margins', forumProfile('custom', { page: { size: 'a4', marginInches: 0.5 } })],
  ['custom legal, 1.25-inch margins, no slip sheets', forumProfile('custom', { page: { size: 'legal', marginInches: 1.25 }, slipSheets: false })],
];

describe("a forum's page size and margins", () => {
  let base: PacketInput;
  beforeAll(async () => {
    base = await input();
  });

  for (const [name, profile] of PROFILES) {
    it(`${name}: the front matter and slip sheets on the profile's paper and margins, exhibits on their own`, async () => {
      const paper = PAPER_POINTS[profile.page.size];
      const margin = forumPagePoints(profile.page).margin;
      const packet = applyForum(base, profile);
      const { pdf, manifest } = await buildPacketDetailed(packet);
      expect((await checkPagination(pdf, packet.bates)).defects).toEqual([]);
      const doc = await PDFDocument.load(pdf);
      const sizes = doc.getPages().map((p) => p.getSize());
      const front = Array.from({ length: manifest.frontMatterPages }, (_, i) => i + 1);
      const slips = manifest.exhibits.flatMap((e) => (e.slipPage != null ? [e.slipPage] : []));
      expect(slips.length).toBe(profile.slipSheets ? EXHIBITS : 0);
      for (const n of [...front, ...slips]) {
        expect(sizes[n - 1].width, `page ${n}`).toBeCloseTo(paper.width, 1);
        expect(sizes[n - 1].height, `page ${n}`).toBeCloseTo(paper.height, 1);
      }
      // Exhibit pages are the documents' own: portrait Letter and landscape Letter, in turn.
      manifest.exhibits.forEach((e, i) => expect([sizes[e.firstPage - 1].width, sizes[e.firstPage - 1].height]).toEqual(i % 2 ? [792, 612] : [612, 792]));
      // Text starts at the left margin on the front matter (headings and tables start there).
      const edges = await leftEdges(pdf, front);
      for (const x of edges) expect(x).toBeGreaterThanOrEqual(margin - 0.5);
      expect(Math.min(...edges)).toBeCloseTo(margin, 0);
    });
  }

  it("each volume's combined index is on the profile's paper; volume 1 numbers its front matter by its own pages", async () => {
    const profile = forumProfile('custom', { page: { size: 'a4', marginInches: 0.5 }, efiling: { maxPages: 12 } });
    const packet = applyForum(base, profile);
    const result = await buildPacketDetailed(packet);
    const volumes = await splitIntoVolumes(result, packet.case.title, packet.bates, profile.efiling, undefined, packet.layout?.page ?? null);
    expect(volumes.length).toBeGreaterThan(1);
    // The whole packet's front matter counts the whole packet; volume 1's counts volume 1.
    const wholeFooter = (await textOf(result.pdf, 1)).find((t) => / - page 1 of \d+$/.test(t));
    expect(wholeFooter).toBe(`${packet.case.title} - page 1 of ${result.manifest.pageCount}`);
    const [first] = volumes;
    for (let n = 1; n <= result.manifest.frontMatterPages; n++) {
      const footers = (await textOf(first.pdf, n)).filter((t) => / - (volume 1, )?page \d+ of \d+$/.test(t));
      expect(footers, `volume 1, page ${n}`).toEqual([`${packet.case.title} - volume 1, page ${n} of ${first.pageCount}`]);
    }
    let next = 1;
    for (const v of volumes) {
      const report = await checkPagination(v.pdf, { ...packet.bates, start: next, indexMayListOthers: true });
      expect(report.defects).toEqual([]);
      next = report.exhibits.at(-1)!.batesLast + 1;
    }
    expect(next).toBe(EXHIBITS * PAGES_EACH + 1);
    for (const v of volumes.slice(1)) {
      const page = (await PDFDocument.load(v.pdf)).getPage(0).getSize();
      expect([page.width, page.height]).toEqual([PAPER_POINTS.a4.width, PAPER_POINTS.a4.height].map((x) => expect.closeTo(x, 1)));
      const [edge] = await leftEdges(v.pdf, [1]);
      expect(edge).toBeCloseTo(36, 0);
      expect((await textOf(v.pdf, 1)).some((t) => t.startsWith(`Combined Exhibit Index - volume ${v.number} of ${volumes.length}, page 1 of`))).toBe(true);
    }
  });

  it("a profile that leaves the front matter unnumbered leaves every volume's front matter and index unnumbered", async () => {
    const profile = forumProfile('custom', { frontMatterPaginated: false, efiling: { maxPages: 12 } });
    const packet = applyForum(base, profile);
    const result = await buildPacketDetailed(packet);
    expect(result.frontMatterUnnumbered).toBeUndefined();
    const volumes = await splitIntoVolumes(result, packet.case.title, packet.bates, profile.efiling, undefined, packet.layout?.page ?? null, false);
    expect(volumes.length).toBeGreaterThan(1);
    for (const v of volumes) {
      const fronts = v.number === 1 ? result.manifest.frontMatterPages + 1 : 1; // its front matter and the index's first page
      for (let n = 1; n <= fronts; n++) expect((await textOf(v.pdf, n)).filter((t) => / page \d+ of \d+$/.test(t)), `volume ${v.number}, page ${n}`).toEqual([]);
    }
  });
});
