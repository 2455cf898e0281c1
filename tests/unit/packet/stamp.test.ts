// Renders stamped exhibit pages with poppler and checks the Bates stamp sits in the margin band while
// the original content, shrunk into the rest of the page, is all still there.
import { describe, expect, it } from 'vitest';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import { STAMP_BAND } from '../../../main/core/packet/stamp';
import type { BatesPosition, PacketInput } from '../../../main/core/packet/types';
import { textPdf } from './generate';
import { renderPage, resizeRegion, type Gray } from './inspect';

const DPI = 50;
const px = (pt: number) => (pt * DPI) / 72;

function input(position: BatesPosition, pdfBytes: Uint8Array): PacketInput {
  return {
    case: { title: 'Stamp test', studentName: 'S', preparedBy: 'P', date: '2025-01-01' },
    bates: { prefix: 'RIVERA-', start: 7, digits: 6, position },
    labelStyle: 'A', sections: ['exhibits'], exhibits: [{ description: 'One page', documentId: 'd', pdfBytes }],
    findings: [], chronology: [], goalCharts: [], scoreTrends: [], compEd: null,
  };
}

function meanAbsDiff(a: Gray, b: Gray): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / a.data.length;
}

const cases: Array<{ name: string; position: BatesPosition; page: () => Promise<Uint8Array> }> = [
  { name: 'portrait, bottom-right', position: 'bottom-right', page: () => textPdf('Delta', 1) },
  { name: 'portrait, bottom-left', position: 'bottom-left', page: () => textPdf('Delta', 1) },
  { name: 'landscape, bottom-center', position: 'bottom-center', page: () => textPdf('Echo', 1, { size: [792, 612] }) },
  { name: 'rotated 90, top-right', position: 'top-right', page: () => textPdf('Foxtrot', 1, { rotate: 90 }) },
  { name: 'legal size rotated 270, bottom-right', position: 'bottom-right', page: () => textPdf('Golf', 1, { size: [612, 1008], rotate: 270 }) },
];

describe('Bates stamp placement (pdftoppm renders)', () => {
  for (const c of cases) {
    it(`${c.name}: stamp inside the band, content intact`, async () => {
      const original = await c.page();
      const { pdf } = await buildPacketDetailed(input(c.position, original));
      const before = await renderPage(original, 1, DPI);
      const after = await renderPage(pdf, 2, DPI); // page 1 is the slip sheet
      expect([after.width, after.height]).toEqual([before.width, before.height]);

      const band = px(STAMP_BAND);
      const top = c.position === 'top-right';
      const inBand = (y: number) => (top ? y < band : y >= after.height - band);
      const scale = (after.height - band) / after.height;
      const contentLeft = (after.width - after.width * scale) / 2;
      // Pixels the shrunk page touches at all, edge pixels included (they are partly page, partly margin).
      const content = { left: Math.floor(contentLeft), right: Math.ceil(after.width - contentLeft), top: Math.floor(top ? band : 0), bottom: Math.ceil(top ? after.height : after.height - band) };

      // Outside the shrunk page everything is white except the stamp, and the stamp is inside the band.
      const stampXs: number[] = [];
      for (let y = 0; y < after.height; y++) {
        for (let x = 0; x < after.width; x++) {
          const insideContent = x >= content.left && x <= content.right && y >= content.top && y <= content.bottom;
          if (insideContent || after.at(x, y) > 200) continue;
          expect(inBand(y), `ink at ${x},${y} outside both the page and the band`).toBe(true);
          if (after.at(x, y) < 160) stampXs.push(x);
        }
      }
      expect(stampXs.length).toBeGreaterThan(30);
      const mid = (Math.min(...stampXs) + Math.max(...stampXs)) / 2 / after.width;
      if (c.position === 'bottom-left') expect(mid).toBeLessThan(0.3);
      else if (c.position === 'bottom-center') expect(Math.abs(mid - 0.5)).toBeLessThan(0.05);
      else expect(mid).toBeGreaterThan(0.7);

      // The shrunk page, scaled back up, matches the original render: nothing covered, nothing lost.
      const y0 = top ? band : 0;
      const restored = await resizeRegion(after, Math.round(contentLeft), Math.round(y0), Math.round(after.width * scale), Math.round(after.height * scale), before.width, before.height);
      expect(meanAbsDiff(restored, before)).toBeLessThan(6);
      // The original's grey strip runs to its own bottom edge: on unturned pages it sits right beside the band.
      if (c.name.includes('rotated')) return;
      const edgeRow = top ? after.height - 3 : Math.floor(after.height - band) - 3;
      const grey = after.at(Math.floor(after.width / 2), edgeRow);
      expect(grey).toBeGreaterThan(120);
      expect(grey).toBeLessThan(185);
    });
  }
});
