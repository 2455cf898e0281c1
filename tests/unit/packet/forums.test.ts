// Every forum profile on a 500-page packet: built by the real builder (which runs the pagination check
// on its output), read back here for the profile's numbering, stamp position, slip sheets and front
// matter; and split into volumes under a page limit and a size limit, each volume checked again.
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import { applyForum } from '../../../main/core/packet/forums';
import { checkPagination } from '../../../main/core/packet/pagination-check';
import type { PacketInput } from '../../../main/core/packet/types';
import { splitIntoVolumes, VolumeLimitError } from '../../../main/core/packet/volumes';
import { FORUM_IDS, FORUM_PROFILES, forumProfile } from '../../../shared/forums/profiles';
import { textPdf } from './generate';
import { openPdf } from './inspect';

const EXHIBITS = 25;
const PAGES_EACH = 20; // 500 exhibit pages

async function bigInput(): Promise<PacketInput> {
  // Four distinct documents reused: the packet still copies every page.
  const docs = await Promise.all([textPdf('Alpha', PAGES_EACH), textPdf('Bravo', PAGES_EACH), textPdf('Charlie', PAGES_EACH, { size: [792, 612] }), textPdf('Delta', PAGES_EACH)]);
  return {
    case: { title: 'Doe v. Example District', studentName: 'Jamie Doe', preparedBy: 'A. Advocate', date: '2025-03-03' },
    bates: { prefix: 'DOE-', start: 1, digits: 6, position: 'bottom-right' },
    labelStyle: 'P-1',
    sections: ['cover', 'toc', 'index', 'exhibits'],
    exhibits: Array.from({ length: EXHIBITS }, (_, i) => ({ description: `Record ${i + 1}`, date: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`, documentId: `doc-${i}`, pdfBytes: docs[i % docs.length] })),
    findings: [], chronology: [], goalCharts: [], scoreTrends: [], compEd: null,
  };
}

/** Text runs of one page with their baseline heights, from pdf.js. */
async function runsOf(pdf: Uint8Array, page: number) {
  const doc = await openPdf(pdf);
  const content = await (await doc.getPage(page)).getTextContent();
  const runs = content.items.flatMap((it) => ('str' in it && it.str.trim() ? [{ text: it.str.trim(), y: it.transform[5] }] : []));
  await doc.destroy();
  return runs;
}

describe('forum profiles on a 500-page packet', () => {
  let base: PacketInput;
  beforeAll(async () => {
    base = await bigInput();
  });

  it('states a source and a confidence tag for every profile, and no URL-less primary claim other than the federal rule', () => {
    for (const id of FORUM_IDS) {
      const p = FORUM_PROFILES[id];
      expect(p.sources.length).toBeGreaterThan(0);
      for (const s of p.sources) expect(['P', 'S', 'K', 'X']).toContain(s.tag);
      // The profile's tag is its weakest source's.
      const order = ['P', 'S', 'K', 'X'];
      expect(order.indexOf(p.confidence)).toBe(Math.max(...p.sources.map((s) => order.indexOf(s.tag))));
    }
  });

  for (const id of FORUM_IDS) {
    it(`builds ${id} with the check passing and the profile's binder choices in the file`, async () => {
      const profile = id === 'custom'
        ? forumProfile('custom', { numbering: { scheme: 'letters', partyPrefix: '' }, stampPosition: 'top-right', slipSheets: false, frontMatterPaginated: false })
        : FORUM_PROFILES[id];
      const input = applyForum(base, profile);
      const { pdf, manifest } = await buildPacketDetailed(input); // throws on any pagination defect
      const stampedPages = manifest.exhibits.reduce((a, e) => a + e.lastPage - e.firstPage + 1, 0);
      expect(stampedPages).toBe(EXHIBITS * PAGES_EACH);
      const report = await checkPagination(pdf, input.bates);
      expect(report.defects).toEqual([]);
      expect(report.exhibits).toHaveLength(EXHIBITS);
      expect(report.exhibits.at(-1)!.batesLast).toBe(500);

      const labels = manifest.exhibits.map((e) => e.label);
      if (id === 'custom') expect(labels.slice(0, 3).concat(labels.at(-1)!)).toEqual(['A', 'B', 'C', 'Y']);
      else expect(labels.slice(0, 2).concat(labels.at(-1)!)).toEqual(['P-1', 'P-2', 'P-25']);
      expect(manifest.exhibits.every((e) => (e.slipPage != null) === profile.slipSheets)).toBe(true);
      expect(manifest.pageCount).toBe(manifest.frontMatterPages + stampedPages + (profile.slipSheets ? EXHIBITS : 0));

      // Stamp where the profile puts it; front matter numbered or not as it says.
      const first = manifest.exhibits[0];
      const stamp = (await runsOf(pdf, first.firstPage)).find((r) => r.text === 'DOE-000001')!;
      const height = id === 'custom' ? 612 : 792; // Alpha is portrait; the custom packet's first page too
      if (profile.stampPosition === 'top-right') expect(stamp.y).toBeGreaterThan(height - 24);
      else expect(stamp.y).toBeLessThan(24);
      const coverText = (await runsOf(pdf, 1)).map((r) => r.text).join(' ');
      expect(/page 1 of \d+/.test(coverText)).toBe(profile.frontMatterPaginated);
    });
  }

  it('splits a packet over a page limit into volumes at exhibit boundaries, each checked, numbers running on', async () => {
    const profile = forumProfile('pa-odr', { efiling: { maxPages: 150 } });
    const input = applyForum(base, profile);
    const result = await buildPacketDetailed(input);
    const volumes = await splitIntoVolumes(result, input.case.title, input.bates, profile.efiling);
    expect(volumes.length).toBeGreaterThanOrEqual(4);
    let next = 1;
    const seen: string[] = [];
    for (const v of volumes) {
      expect(v.pageCount).toBeLessThanOrEqual(150);
      expect((await PDFDocument.load(v.pdf)).getPageCount()).toBe(v.pageCount);
      const report = await checkPagination(v.pdf, { ...input.bates, start: next, indexMayListOthers: true });
      expect(report.defects).toEqual([]);
      expect(report.exhibits.map((e) => e.label)).toEqual(v.exhibits);
      expect(report.exhibits[0].batesFirst).toBe(next);
      next = report.exhibits.at(-1)!.batesLast + 1;
      seen.push(...v.exhibits);
      // The combined index in every volume names each exhibit's volume.
      const indexText = (await runsOf(v.pdf, v.number === 1 ? result.manifest.frontMatterPages + 1 : 1)).map((r) => r.text).join(' ');
      expect(indexText).toContain(`Volume ${v.number} of ${volumes.length}`);
    }
    expect(next).toBe(501);
    expect(seen).toEqual(result.manifest.exhibits.map((e) => e.label));
  });

  it('splits under a file-size limit, and refuses a limit that leaves no room for an exhibit', async () => {
    const input = applyForum(base, FORUM_PROFILES['ma-bsea']);
    const result = await buildPacketDetailed(input);
    const maxBytes = Math.ceil(result.pdf.length / 2.5);
    const volumes = await splitIntoVolumes(result, input.case.title, input.bates, { maxBytes, maxPages: null });
    expect(volumes.length).toBeGreaterThanOrEqual(3);
    for (const v of volumes) expect(v.pdf.length).toBeLessThanOrEqual(maxBytes);
    expect(volumes.flatMap((v) => v.exhibits)).toHaveLength(EXHIBITS);
    // A 20-page exhibit under a 15-page limit runs on into the next volume (split-exhibit.test.ts); a
    // limit that leaves no room past the front matter and the index is refused.
    await expect(splitIntoVolumes(result, input.case.title, input.bates, { maxBytes: null, maxPages: 2 })).rejects.toThrow(VolumeLimitError);
  });
});
