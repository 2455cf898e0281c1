import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { buildPacket, buildPacketDetailed } from '../../../main/core/packet/build';
import { formatBates } from '../../../main/core/packet/plan';
import { PACKET_SECTIONS, type PacketInput, type PacketProgress, type PacketResult } from '../../../main/core/packet/types';
import type { PageContent } from '../../../shared/domain';
import { lineChartSvg, scannedPdf, textPdf } from './generate';
import { BATES_RE, openPdf, operatorNames, readLinks, readOutline } from './inspect';

async function composedInput(): Promise<PacketInput> {
  const scan = await scannedPdf(['Trimester', 'Progress', 'Fluency']);
  return {
    case: { title: 'Rivera v. Alder Creek USD', studentName: 'Mateo Rivera', dob: '2014-03-14', school: 'Manzanita Elementary', district: 'Alder Creek USD', preparedBy: 'J. Advocate', date: '2025-07-01' },
    bates: { prefix: 'RIVERA-', start: 41, digits: 6, position: 'bottom-right' },
    labelStyle: 'P-1',
    sections: [...PACKET_SECTIONS],
    exhibits: [
      { description: 'Annual IEP', date: '2023-10-10', documentId: 'iep', pdfBytes: await textPdf('Alpha', 3) },
      { description: 'Progress reports, pages 2-4', date: '2024-03-15', documentId: 'pr', pdfBytes: await textPdf('Bravo', 6), pageRange: [2, 4] },
      { description: 'Landscape log', date: '2024-06-07', documentId: 'log', pdfBytes: await textPdf('Charlie', 2, { size: [792, 612] }) },
      { description: 'Scanned report', date: '2024-03-11', documentId: 'scan', pdfBytes: scan.pdf, ocrWords: scan.ocrWords },
    ],
    findings: [
      { title: 'Goal carried forward unmet', description: 'The same fluency goal appears in three IEPs.', evidence: [{ documentId: 'iep', page: 2 }, { documentId: 'pr', page: 3 }] },
      { title: 'Cite outside the packet', description: 'Points to a page the packet leaves out.', evidence: [{ documentId: 'pr', page: 6 }] },
    ],
    chronology: [
      { date: '2024-06-07', event: 'Service log printed', documentId: 'log', page: 2 },
      { date: '2023-10-10', event: 'Annual IEP meeting', documentId: 'iep', page: 1 },
      { date: '2024-03-15', event: 'Progress report without data', documentId: 'pr', page: 4 },
    ],
    goalCharts: [{ title: 'Reading fluency (WCPM)', svg: lineChartSvg('WCPM', [48, 52, 61, 69]), table: { columns: ['Date', 'WCPM'], rows: [['2023-01-10', 48], ['2025-05-21', 69]] } }],
    scoreTrends: [{ title: 'CAASPP ELA percentile', svg: lineChartSvg('Percentile', [18, 12, 7]), table: { columns: ['Year', 'Percentile'], rows: [['2023', 18], ['2024', 12], ['2025', 7]] } }],
    compEd: null,
  };
}

/** Bates number printed on each packet page (1-based index into the array is page - 1). */
const batesOnPage = (p: PageContent) => p.text.match(BATES_RE) ?? [];

describe('evidence packet from composed exhibits', () => {
  let input: PacketInput;
  let result: PacketResult;
  let pages: PageContent[];
  const progress: PacketProgress[] = [];

  beforeAll(async () => {
    input = await composedInput();
    result = await buildPacketDetailed(input, { onProgress: (p) => progress.push(p) });
    pages = (await readPdfText(result.pdf)).pages;
  });

  it('has the front matter plus a slip sheet and every included page per exhibit', () => {
    const exhibitPages = 3 + 3 + 2 + 1;
    expect(pages.length).toBe(result.manifest.frontMatterPages + input.exhibits.length + exhibitPages);
    expect(result.manifest.pageCount).toBe(pages.length);
    expect(result.manifest.frontMatterPages).toBeGreaterThanOrEqual(8);
  });

  it('stamps each exhibit page with the next Bates number, and nothing else carries one', () => {
    let expected = input.bates.start;
    for (const ex of result.manifest.exhibits) {
      for (let page = ex.firstPage; page <= ex.lastPage; page++) {
        expect(batesOnPage(pages[page - 1])).toEqual([formatBates(input.bates, expected++)]);
      }
    }
    expect(expected - input.bates.start).toBe(9);
  });

  it('holds exactly the pages of a page-range exhibit', () => {
    const pr = result.manifest.exhibits[1];
    const texts = pages.slice(pr.firstPage - 1, pr.lastPage).map((p) => /Bravo page (\d+)/.exec(p.text)?.[1]);
    expect(texts).toEqual(['2', '3', '4']);
    expect(pages.some((p) => /Bravo page [156]\b/.test(p.text))).toBe(false);
  });

  it('has bookmarks for every section and exhibit that land where the index says', async () => {
    const doc = await openPdf(result.pdf);
    const outline = await readOutline(doc);
    expect(outline.map((o) => o.title)).toEqual(['Cover', 'Contents', 'Summary of Findings', 'Chronology', 'Goal Progress', 'Test Score Trends', 'Missed Services and Compensatory Education', 'Exhibit Index', 'Exhibits']);
    for (const o of outline) expect(o.pageIndex + 1).toBe(result.manifest.sections.find((s) => s.title === o.title)!.page);
    const exhibits = outline.at(-1)!.children;
    const indexPage = pages[result.manifest.sections.find((s) => s.id === 'index')!.page - 1].text;
    exhibits.forEach((node, i) => {
      const ex = result.manifest.exhibits[i];
      expect(node.pageIndex + 1).toBe(ex.slipPage);
      // The page after the slip sheet carries the first Bates number the bookmark and the index name.
      const first = batesOnPage(pages[node.pageIndex + 1])[0];
      const last = batesOnPage(pages[node.pageIndex + ex.originalPages.length])[0];
      expect(node.title).toContain(first);
      expect(node.title).toContain(`Exhibit ${ex.label}`);
      expect(indexPage).toContain(first === last ? first : `${first} - ${last}`);
    });
    await doc.destroy();
  });

  it('prints contents page numbers that match where sections start, and links them', async () => {
    const toc = result.manifest.sections.find((s) => s.id === 'toc')!;
    const text = pages[toc.page - 1].text;
    for (const s of result.manifest.sections.filter((x) => x.id !== 'cover' && x.id !== 'toc')) {
      expect(text).toMatch(new RegExp(`^${s.title} ${s.page}$`, 'm'));
      // The exhibits section opens on the first exhibit's slip sheet.
      expect(pages[s.page - 1].text.startsWith(s.id === 'exhibits' ? 'EXHIBIT P-1' : s.title)).toBe(true);
    }
    const doc = await openPdf(result.pdf);
    const targets = new Set((await readLinks(doc, toc.page)).map((l) => l.target + 1));
    for (const s of result.manifest.sections.filter((x) => x.id !== 'cover' && x.id !== 'toc')) expect(targets.has(s.page)).toBe(true);
    for (const ex of result.manifest.exhibits) expect(targets.has(ex.slipPage!)).toBe(true);
    await doc.destroy();
  });

  it('cites the Bates number actually stamped on the cited page, with links to it', async () => {
    const stampOf = (tag: string, n: number) => batesOnPage(pages.find((p) => new RegExp(`${tag} page ${n}\\b`).test(p.text))!)[0];
    const findings = result.manifest.sections.find((s) => s.id === 'findings')!.page;
    const text = pages[findings - 1].text;
    expect(text).toContain(`Exhibit P-1, ${stampOf('Alpha', 2)}`);
    expect(text).toContain(`Exhibit P-2, ${stampOf('Bravo', 3)}`);
    expect(text).toContain('pr p. 6 (not in this packet)');
    expect(result.manifest.unresolvedCites).toEqual([{ documentId: 'pr', page: 6 }]);
    const chron = pages[result.manifest.sections.find((s) => s.id === 'chronology')!.page - 1].text;
    expect(chron).toMatch(new RegExp(`Annual IEP meeting P-1 ${stampOf('Alpha', 1)}[\\s\\S]*Progress report without data P-2 ${stampOf('Bravo', 4)}[\\s\\S]*Service log printed P-3 ${stampOf('Charlie', 2)}`));
    const doc = await openPdf(result.pdf);
    const linked = (await readLinks(doc, findings)).map((l) => batesOnPage(pages[l.target])[0]);
    expect(linked).toEqual([stampOf('Alpha', 2), stampOf('Bravo', 3)]);
    await doc.destroy();
  });

  it('draws charts as vector paths and text, with no image on the chart pages', async () => {
    const doc = await openPdf(result.pdf);
    const saved = await PDFDocument.load(result.pdf);
    for (const id of ['goals', 'scores'] as const) {
      const pageNo = result.manifest.sections.find((s) => s.id === id)!.page;
      const ops = await operatorNames(doc, pageNo);
      expect(ops.has('constructPath')).toBe(true);
      expect([...ops].some((o) => /image/i.test(o))).toBe(false);
      const xobjects = saved.getPage(pageNo - 1).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      const subtypes = (xobjects?.keys() ?? []).map((k) => xobjects!.lookup(k, PDFStream).dict.get(PDFName.of('Subtype'))?.toString());
      expect(subtypes).not.toContain('/Image');
      expect(pages[pageNo - 1].text).toMatch(/P1 P2 P3/); // axis labels are real text
    }
    await doc.destroy();
  });

  it('gives the image-only exhibit an invisible, searchable text layer', async () => {
    const scan = result.manifest.exhibits[3];
    const page = pages[scan.firstPage - 1];
    expect(page.text).toMatch(/Trimester Progress Fluency/);
    const saved = await PDFDocument.load(result.pdf);
    const raw = saved.getPage(scan.firstPage - 1).node.normalizedEntries().Contents;
    expect(raw).toBeDefined();
    const doc = await openPdf(result.pdf);
    expect([...(await operatorNames(doc, scan.firstPage))]).toContain('setTextRenderingMode');
    await doc.destroy();
  });

  it('reports progress through every phase', () => {
    expect(progress.map((p) => p.phase).filter((p, i, a) => a[i - 1] !== p)).toEqual(['reading', 'layout', 'exhibits', 'saving', 'checking', 'done']);
    expect(progress.filter((p) => p.phase === 'exhibits').at(-1)).toEqual({ phase: 'exhibits', done: 9, total: 9 });
  });

  it('leaves the original exhibit bytes untouched', async () => {
    const fresh = await composedInput();
    const before = fresh.exhibits.map((e) => Buffer.from(e.pdfBytes).toString('base64'));
    await buildPacket(fresh);
    expect(fresh.exhibits.map((e) => Buffer.from(e.pdfBytes).toString('base64'))).toEqual(before);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = buildPacket(await composedInput(), {
      signal: controller.signal,
      onProgress: (p) => { if (p.phase === 'exhibits' && p.done === 2) controller.abort(); },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('labels exhibits A, B, C and builds a front-matter-only packet', async () => {
    const base = await composedInput();
    const r = await buildPacketDetailed({ ...base, labelStyle: 'A', sections: ['cover', 'toc', 'index'] });
    const text = (await readPdfText(r.pdf)).pages.map((p) => p.text).join('\n');
    expect(r.manifest.pageCount).toBe(r.manifest.frontMatterPages);
    expect(text).toMatch(/^A Annual IEP/m);
    expect(text).toMatch(/^D Scanned report/m);
    expect(text).not.toContain('Summary of Findings');
  });
});
