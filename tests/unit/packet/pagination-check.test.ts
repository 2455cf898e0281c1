// The pagination check on packets built wrong on purpose: each defect fails with a message naming it,
// and a well-made packet (written here, and one the builder made) passes.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import { assertPagination, checkPagination, PaginationError, type PaginationSpec } from '../../../main/core/packet/pagination-check';
import type { PacketInput, PacketResult } from '../../../main/core/packet/types';
import { textPdf } from './generate';
import { fakePacket, type FakeExhibit } from './paginated';

const spec: PaginationSpec = { prefix: 'DOE-', digits: 5, start: 1, position: 'bottom-right' };
const exhibits: FakeExhibit[] = [
  { label: 'P-1', description: 'IEP of Oct 2023', pages: 3 },
  { label: 'P-2', description: 'Progress report', pages: 4 },
  { label: 'P-3', description: 'Evaluation', pages: 2 },
];

describe('pagination check on packets written wrong on purpose', () => {
  it('passes a packet whose stamps, index and bookmarks agree, with or without slip sheets', async () => {
    for (const slips of [true, false]) {
      const { pdf } = await fakePacket({ exhibits, slips });
      const report = await checkPagination(pdf, spec);
      expect(report.defects).toEqual([]);
      expect(report.exhibits.map((e) => [e.label, e.batesFirst, e.batesLast])).toEqual([['P-1', 1, 3], ['P-2', 4, 7], ['P-3', 8, 9]]);
      expect(report.index.map((r) => [r.label, r.first, r.last])).toEqual([['P-1', 1, 3], ['P-2', 4, 7], ['P-3', 8, 9]]);
    }
  });

  it('fails on a skipped number', async () => {
    const probe = await fakePacket({ exhibits });
    // Every page from DOE-00005 on is stamped one higher: DOE-00005 never appears.
    const shift = new Map<number, number | null>();
    for (let n = 5; n <= 9; n++) shift.set(probe.pageOf(n), n + 1);
    const { pdf } = await fakePacket({ exhibits, stampOverride: shift });
    const report = await checkPagination(pdf, spec);
    expect(report.ok).toBe(false);
    expect(report.defects).toContain(`Page ${probe.pageOf(5)} is stamped DOE-00006 where DOE-00005 was next: DOE-00005 skipped.`);
  });

  it('fails on a repeated number', async () => {
    const probe = await fakePacket({ exhibits });
    const { pdf } = await fakePacket({ exhibits, stampOverride: new Map([[probe.pageOf(3), 2]]) });
    const report = await checkPagination(pdf, spec);
    expect(report.defects).toContain(`DOE-00002 is stamped twice: on page ${probe.pageOf(2)} and page ${probe.pageOf(3)}.`);
  });

  it('fails on an index range off by one, naming the exhibit and both ranges', async () => {
    const { pdf } = await fakePacket({ exhibits, indexOverride: new Map([['P-2', [4, 8]]]) });
    const report = await checkPagination(pdf, spec);
    expect(report.defects).toEqual(['The exhibit index gives Exhibit P-2 as DOE-00004 - DOE-00008; its pages are stamped DOE-00004 - DOE-00007.']);
    await expect(assertPagination(pdf, spec)).rejects.toThrow(PaginationError);
    await expect(assertPagination(pdf, spec)).rejects.toThrow(/exhibit index gives Exhibit P-2 as DOE-00004 - DOE-00008/);
  });

  it('fails on a bookmark to the wrong page', async () => {
    const probe = await fakePacket({ exhibits });
    const wrong = probe.pageOf(7);
    const { pdf } = await fakePacket({ exhibits, bookmarkOverride: new Map([['P-3', wrong]]) });
    const report = await checkPagination(pdf, spec);
    expect(report.defects).toEqual([`The bookmark "Exhibit P-3" goes to page ${wrong} (stamped DOE-00007); the exhibit opens on page ${probe.pageOf(8) - 1}.`]);
  });

  it('fails on a bookmark to the wrong page when there are no slip sheets to go by', async () => {
    const probe = await fakePacket({ exhibits, slips: false });
    const { pdf } = await fakePacket({ exhibits, slips: false, bookmarkOverride: new Map([['P-2', probe.pageOf(5)]]) });
    const report = await checkPagination(pdf, spec);
    expect(report.ok).toBe(false);
    expect(report.defects.join('\n')).toMatch(/Exhibit P-2/);
  });

  it('fails on an exhibit page with no number and on a front-matter page that carries one', async () => {
    const probe = await fakePacket({ exhibits });
    const { pdf } = await fakePacket({ exhibits, stampOverride: new Map([[probe.pageOf(9), null]]) });
    const report = await checkPagination(pdf, spec);
    expect(report.defects).toContain(`Page ${probe.pageOf(9)} is among the exhibits but carries no page number.`);

    const front = await fakePacket({ exhibits, stampOverride: new Map([[2, 1]]) });
    expect((await checkPagination(front.pdf, spec)).defects).toContain('Page 2, before the exhibits, carries the exhibit page number DOE-00001.');
  });
});

// The same defects put into a packet the builder made: the check reads what is in the file.
async function restamp(pdf: Uint8Array, page: number, from: string, to: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const node = doc.getPages()[page - 1].node;
  const contents = node.lookup(PDFName.of('Contents'), PDFArray);
  const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();
  for (let i = 0; i < contents.size(); i++) {
    const ref = contents.get(i) as PDFRef;
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const text = Buffer.from(stream.contents).toString('latin1');
    if (!text.includes(hex(from))) continue;
    doc.context.assign(ref, PDFRawStream.of(stream.dict, Buffer.from(text.replace(hex(from), hex(to)), 'latin1')));
    return doc.save();
  }
  throw new Error(`No stamp ${from} on page ${page}`);
}

async function rebookmark(pdf: Uint8Array, titleStart: string, page: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const target = doc.getPages()[page - 1].ref;
  const visit = (ref: unknown): boolean => {
    while (ref instanceof PDFRef) {
      const dict = doc.context.lookup(ref, PDFDict);
      const title = dict.lookup(PDFName.of('Title'));
      if ((title instanceof PDFHexString || title instanceof PDFString) && title.decodeText().startsWith(titleStart)) {
        dict.set(PDFName.of('Dest'), doc.context.obj([target, PDFName.of('XYZ'), null, null, null]));
        return true;
      }
      if (visit(dict.get(PDFName.of('First')))) return true;
      ref = dict.get(PDFName.of('Next'));
    }
    return false;
  };
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  if (!visit(outlines.get(PDFName.of('First')))) throw new Error(`No bookmark ${titleStart}`);
  return doc.save();
}

describe('pagination check on a packet the builder made', () => {
  let input: PacketInput;
  let built: PacketResult;
  const realSpec = { prefix: 'RIVERA-', digits: 6, start: 41, position: 'bottom-right' as const };

  beforeAll(async () => {
    input = {
      case: { title: 'Rivera v. Alder Creek USD', studentName: 'Mateo Rivera', preparedBy: 'J. Advocate', date: '2025-07-01' },
      bates: realSpec,
      labelStyle: 'P-1',
      sections: ['cover', 'toc', 'index', 'exhibits'],
      exhibits: [
        { description: 'Annual IEP', date: '2023-10-10', documentId: 'iep', pdfBytes: await textPdf('Alpha', 3) },
        { description: 'Progress reports', date: '2024-03-15', documentId: 'pr', pdfBytes: await textPdf('Bravo', 4) },
        { description: 'Service log', date: '2024-06-07', documentId: 'log', pdfBytes: await textPdf('Charlie', 2) },
      ],
      findings: [], chronology: [], goalCharts: [], scoreTrends: [], compEd: null,
    };
    built = await buildPacketDetailed(input);
  });

  it('passes the packet as built, its exhibits where the manifest put them', async () => {
    const report = await checkPagination(built.pdf, realSpec);
    expect(report.defects).toEqual([]);
    expect(report.exhibits.map((e) => [e.label, e.openingPage, e.firstPage, e.lastPage])).toEqual(built.manifest.exhibits.map((e) => [e.label, e.slipPage, e.firstPage, e.lastPage]));
  });

  it('fails on a repeated stamp and on a bookmark moved to another exhibit', async () => {
    const p2 = built.manifest.exhibits[1];
    const repeated = await restamp(built.pdf, p2.firstPage + 1, 'RIVERA-000045', 'RIVERA-000044');
    expect((await checkPagination(repeated, realSpec)).defects).toContain(`RIVERA-000044 is stamped twice: on page ${p2.firstPage} and page ${p2.firstPage + 1}.`);

    const moved = await rebookmark(built.pdf, 'Exhibit P-3', p2.lastPage);
    expect((await checkPagination(moved, realSpec)).defects).toContain(`The bookmark "Exhibit P-3" goes to page ${p2.lastPage} (stamped RIVERA-000047); the exhibit opens on page ${built.manifest.exhibits[2].slipPage}.`);
  });
});

// Exhibit pages are read from their own content when the original, drawn as a clipped form, provably
// stays out of the stamp band; a page whose form reaches into the band is read whole (by pdf.js).
describe('pagination check where an exhibit itself prints a number at its foot', () => {
  const realSpec = { prefix: 'RIVERA-', digits: 6, start: 1, position: 'bottom-right' as const };

  async function footedExhibit(): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let p = 1; p <= 2; p++) {
      const page = doc.addPage([612, 792]);
      page.drawText(`Earlier production, page ${p}`, { x: 72, y: 700, size: 12, font });
      // An old Bates number at the very foot of the original, where the packet's own band would be.
      page.drawText('RIVERA-000002', { x: 520, y: 4, size: 9, font });
    }
    return doc.save();
  }

  async function built(): Promise<PacketResult> {
    return buildPacketDetailed({
      case: { title: 'Rivera v. Alder Creek USD', studentName: 'Mateo Rivera', preparedBy: 'J. Advocate', date: '2025-07-01' },
      bates: realSpec,
      labelStyle: 'P-1',
      sections: ['cover', 'index', 'exhibits'],
      exhibits: [{ description: 'Earlier production', date: '2024-01-10', documentId: 'old', pdfBytes: await footedExhibit() }],
      findings: [], chronology: [], goalCharts: [], scoreTrends: [], compEd: null,
    });
  }

  it('passes when the original is shrunk above the band, and names the second number when it is drawn into the band', async () => {
    const packet = await built();
    expect((await checkPagination(packet.pdf, realSpec)).defects).toEqual([]);

    // The same packet with the first exhibit page's original moved down onto the paper's edge: its old number now prints in the band.
    const doc = await PDFDocument.load(packet.pdf);
    const first = packet.manifest.exhibits[0].firstPage;
    const contents = doc.getPages()[first - 1].node.lookup(PDFName.of('Contents'), PDFArray);
    const ref = contents.get(0) as PDFRef;
    const stream = doc.context.lookup(ref) as PDFRawStream;
    const ops = Buffer.from(stream.contents).toString('latin1');
    const moved = ops.replace(/^(1 0 0 1 [\d.]+) 24 cm$/m, '$1 0 cm');
    expect(moved).not.toBe(ops);
    doc.context.assign(ref, PDFRawStream.of(stream.dict, Buffer.from(moved, 'latin1')));
    const report = await checkPagination(await doc.save(), realSpec);
    expect(report.defects).toContain(`Page ${first} carries 2 page numbers (RIVERA-000002, RIVERA-000001).`);
    expect(report.defects).toContain(`RIVERA-000002 is stamped twice: on page ${first} and page ${first + 1}.`);
  });
});
