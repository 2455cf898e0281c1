// An exhibit longer than a volume (a forum's per-file page limit) is not refused: it runs on into the
// next volumes, where it opens again as "Exhibit P-2 (continued)" (its own slip sheet when the packet
// has them, its bookmark, its row in the combined index), the Bates numbers running on unbroken. A
// 60-page exhibit generated here between two short ones, split under a 30-page limit, every volume
// read back by the pagination check and with pdf.js.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import { applyForum } from '../../../main/core/packet/forums';
import { checkPagination } from '../../../main/core/packet/pagination-check';
import type { PacketInput } from '../../../main/core/packet/types';
import { splitIntoVolumes, VolumeLimitError } from '../../../main/core/packet/volumes';
import { forumProfile } from '../../../shared/forums/profiles';
import { textPdf } from './generate';
import { openPdf, readOutline } from './inspect';

const LIMIT = 30;
const SIZES = [5, 60, 4];

async function input(): Promise<PacketInput> {
  const docs = await Promise.all(SIZES.map((n, i) => textPdf(`Doc${i + 1}`, n)));
  return {
    case: { title: 'Doe v. Example District', studentName: 'Jamie Doe', preparedBy: 'A. Advocate', date: '2025-03-03' },
    bates: { prefix: 'DOE-', start: 1, digits: 6, position: 'bottom-right' },
    labelStyle: 'P-1',
    sections: ['cover', 'toc', 'index', 'exhibits'],
    exhibits: SIZES.map((_, i) => ({ description: ['Annual IEP', 'Service logs 2023-24', 'Progress report'][i], date: `2024-0${i + 1}-15`, documentId: `doc-${i}`, pdfBytes: docs[i] })),
    findings: [], chronology: [], goalCharts: [], scoreTrends: [], compEd: null,
  };
}

async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await openPdf(pdf);
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    out.push(content.items.flatMap((it) => ('str' in it && it.str.trim() ? [it.str.trim()] : [])).join(' '));
  }
  await doc.destroy();
  return out;
}

describe('an exhibit longer than a volume', () => {
  for (const slipSheets of [true, false]) {
    it(`runs on into the next volumes as "continued", numbers unbroken, every volume checked (${slipSheets ? 'with' : 'without'} slip sheets)`, { timeout: 300_000 }, async () => {
      const profile = forumProfile('custom', { slipSheets, efiling: { maxPages: LIMIT } });
      const packet = applyForum(await input(), profile);
      const result = await buildPacketDetailed(packet);
      const big = result.manifest.exhibits[1];
      expect(big.lastPage - big.firstPage + 1).toBe(60);

      const volumes = await splitIntoVolumes(result, packet.case.title, packet.bates, profile.efiling);
      expect(volumes.length).toBeGreaterThanOrEqual(3);
      let next = 1;
      const parts: Array<{ volume: number; label: string; first: number; last: number }> = [];
      for (const v of volumes) {
        expect(v.pageCount).toBeLessThanOrEqual(LIMIT);
        expect((await PDFDocument.load(v.pdf)).getPageCount()).toBe(v.pageCount);
        const report = await checkPagination(v.pdf, { ...packet.bates, start: next, indexMayListOthers: true });
        expect(report.defects, `volume ${v.number}`).toEqual([]);
        expect(report.exhibits.map((e) => e.label)).toEqual(v.exhibits);
        // The stamps run on from the volume before, without a gap.
        expect(report.exhibits[0].batesFirst).toBe(next);
        for (const e of report.exhibits) {
          expect(e.batesFirst).toBe(next);
          next = e.batesLast + 1;
          parts.push({ volume: v.number, label: e.label, first: e.batesFirst, last: e.batesLast });
        }
      }
      expect(next).toBe(SIZES.reduce((a, b) => a + b) + 1);

      // The long exhibit is in several volumes; every part after the first is "continued".
      const bigParts = parts.filter((p) => p.label === big.label);
      expect(bigParts.length).toBeGreaterThanOrEqual(3);
      expect(bigParts.reduce((n, p) => n + p.last - p.first + 1, 0)).toBe(60);
      for (const [k, part] of bigParts.entries()) {
        const v = volumes[part.volume - 1];
        const texts = await pageTexts(v.pdf);
        const titles = (await readOutline(await openPdf(v.pdf))).find((o) => o.title === 'Exhibits')!.children.map((c) => c.title);
        const range = `DOE-${String(part.first).padStart(6, '0')} - DOE-${String(part.last).padStart(6, '0')}`;
        const bookmark = titles.find((t) => t.startsWith(`Exhibit ${big.label}`))!;
        expect(bookmark).toBe(`Exhibit ${big.label}${k ? ' (continued)' : ''}: Service logs 2023-24 (${range})`);
        // The combined index (the page its bookmark names) lists the part as continued, with its range and volume.
        const indexText = texts.join('\n');
        if (k) expect(indexText).toMatch(new RegExp(`${big.label} \\(continued\\) Service logs 2023-24 .*${range} ${part.last - part.first + 1} ${part.volume}`));
        // With slip sheets, a continued part opens on a slip sheet of its own.
        if (slipSheets && k) expect(texts.some((t) => t.startsWith(`EXHIBIT ${big.label} (continued) Service logs 2023-24`) && t.includes(range))).toBe(true);
      }
      // Short exhibits are never split.
      for (const e of result.manifest.exhibits.filter((x) => x.label !== big.label)) expect(parts.filter((p) => p.label === e.label)).toHaveLength(1);
    });
  }

  it('still refuses a limit that leaves no room past the combined index', { timeout: 120_000 }, async () => {
    const profile = forumProfile('custom', { efiling: { maxPages: 10 } });
    const packet = applyForum(await input(), profile);
    const result = await buildPacketDetailed(packet);
    await expect(splitIntoVolumes(result, packet.case.title, packet.bates, { maxBytes: null, maxPages: 2 })).rejects.toThrow(VolumeLimitError);
  });
});
