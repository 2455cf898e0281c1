// A packet laid out the way the builder lays one out (cover, exhibit index, slip sheets, stamped exhibit
// pages, bookmarks), written directly with pdf-lib so that a test can get any part of it wrong on purpose:
// a skipped or repeated stamp, an index range off by one, a bookmark to the wrong page.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { addOutline, type OutlineItem } from '../../../main/core/packet/navigation';

export interface FakeExhibit { label: string; description: string; pages: number }

export interface FakePacketOptions {
  prefix?: string;
  digits?: number;
  start?: number;
  slips?: boolean;
  exhibits: FakeExhibit[];
  /** Replace the stamp printed on packet page N (1-based); null prints none. */
  stampOverride?: Map<number, number | null>;
  /** Replace an exhibit's range in the index: label -> [first, last]. */
  indexOverride?: Map<string, [number, number]>;
  /** Send an exhibit's bookmark to another packet page (1-based): label -> page. */
  bookmarkOverride?: Map<string, number>;
}

export async function fakePacket(o: FakePacketOptions): Promise<{ pdf: Uint8Array; pageOf: (bates: number) => number }> {
  const prefix = o.prefix ?? 'DOE-';
  const digits = o.digits ?? 5;
  const slips = o.slips ?? true;
  const fmt = (n: number) => `${prefix}${String(n).padStart(digits, '0')}`;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);

  // Plan: cover (1), index (2), then each exhibit's slip and pages.
  let page = 3;
  let bates = o.start ?? 1;
  const plan = o.exhibits.map((e) => {
    const opening = page;
    const first = slips ? page + 1 : page;
    const nums = Array.from({ length: e.pages }, (_, k) => bates + k);
    bates += e.pages;
    page = first + e.pages;
    return { ...e, opening, first, nums };
  });
  const pageOfBates = new Map<number, number>();
  plan.forEach((p) => p.nums.forEach((n, k) => pageOfBates.set(n, p.first + k)));

  const cover = doc.addPage([612, 792]);
  cover.drawText('Doe v. Example District', { x: 72, y: 600, size: 24, font: bold });
  const index = doc.addPage([612, 792]);
  index.drawText('Exhibit Index', { x: 54, y: 720, size: 16, font: bold });
  index.drawText('Exhibit', { x: 58, y: 690, size: 9, font: bold });
  index.drawText('Description', { x: 108, y: 690, size: 9, font: bold });
  index.drawText('Bates range', { x: 330, y: 690, size: 9, font: bold });
  plan.forEach((p, i) => {
    const y = 670 - i * 16;
    const [a, b] = o.indexOverride?.get(p.label) ?? [p.nums[0], p.nums.at(-1)!];
    index.drawText(p.label, { x: 58, y, size: 9, font });
    index.drawText(p.description, { x: 108, y, size: 9, font });
    index.drawText(a === b ? fmt(a) : `${fmt(a)} - ${fmt(b)}`, { x: 330, y, size: 9, font });
  });
  for (const p of plan) {
    if (slips) {
      const slip = doc.addPage([612, 792]);
      slip.drawText(`EXHIBIT ${p.label}`, { x: 200, y: 500, size: 40, font: bold });
      slip.drawText(p.description, { x: 200, y: 450, size: 14, font });
    }
    p.nums.forEach((n, k) => {
      const at = p.first + k;
      const pg = doc.addPage([612, 792]);
      pg.drawText(`${p.description}, page ${k + 1}`, { x: 72, y: 700, size: 14, font });
      const stamp = o.stampOverride?.has(at) ? o.stampOverride.get(at)! : n;
      if (stamp != null) pg.drawText(fmt(stamp), { x: 520, y: 9.5, size: 9, font });
    });
  }
  // A stamp put on a front-matter page (a builder that numbered the wrong pages).
  for (const [at, n] of o.stampOverride ?? []) if (at < 3 && n != null) doc.getPage(at - 1).drawText(fmt(n), { x: 520, y: 9.5, size: 9, font });
  const outline: OutlineItem[] = [
    { title: 'Cover', pageIndex: 0 },
    { title: 'Exhibit Index', pageIndex: 1 },
    {
      title: 'Exhibits',
      pageIndex: plan[0].opening - 1,
      children: plan.map((p) => ({
        title: `Exhibit ${p.label}: ${p.description} (${fmt(p.nums[0])}${p.nums.length > 1 ? ` - ${fmt(p.nums.at(-1)!)}` : ''})`,
        pageIndex: (o.bookmarkOverride?.get(p.label) ?? p.opening) - 1,
      })),
    },
  ];
  addOutline(doc, outline, doc.getPages().map((p) => p.ref));
  return { pdf: await doc.save(), pageOf: (n) => pageOfBates.get(n)! };
}
