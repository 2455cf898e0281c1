// Opens a produced packet back: text per page (pdf.js), outline and link targets, operator lists, and
// page renders from poppler's pdftoppm as greyscale pixels.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { loadPdfJs, pdfDocumentOptions } from '../../../main/core/documents/pdf-text';

export const BATES_RE = /RIVERA-\d{6}/g;

export async function openPdf(bytes: Uint8Array) {
  const pdfjs = await loadPdfJs();
  return pdfjs.getDocument(pdfDocumentOptions(new Uint8Array(bytes))).promise;
}
export type PdfJsDoc = Awaited<ReturnType<typeof openPdf>>;

export interface OutlineNode { title: string; pageIndex: number; children: OutlineNode[] }

export async function readOutline(doc: PdfJsDoc): Promise<OutlineNode[]> {
  type Raw = { title: string; dest: unknown; items: Raw[] };
  const walk = async (items: Raw[]): Promise<OutlineNode[]> => Promise.all(items.map(async (it) => {
    const dest = (typeof it.dest === 'string' ? await doc.getDestination(it.dest) : it.dest) as Array<{ num: number; gen: number }>;
    return { title: it.title, pageIndex: await doc.getPageIndex(dest[0]), children: await walk(it.items ?? []) };
  }));
  return walk(((await doc.getOutline()) ?? []) as Raw[]);
}

/** Link annotations on a page (1-based): their rectangles and the 0-based page they go to. */
export async function readLinks(doc: PdfJsDoc, pageNumber: number): Promise<Array<{ rect: number[]; target: number }>> {
  const page = await doc.getPage(pageNumber);
  const annots = (await page.getAnnotations()) as Array<{ subtype: string; rect: number[]; dest: unknown }>;
  const out: Array<{ rect: number[]; target: number }> = [];
  for (const a of annots.filter((x) => x.subtype === 'Link')) {
    const dest = a.dest as Array<{ num: number; gen: number }>;
    out.push({ rect: a.rect, target: await doc.getPageIndex(dest[0]) });
  }
  return out;
}

/** Operator names used on a page, by pdf.js's OPS table. */
export async function operatorNames(doc: PdfJsDoc, pageNumber: number): Promise<Set<string>> {
  const pdfjs = await loadPdfJs();
  const byCode = new Map(Object.entries(pdfjs.OPS).map(([name, code]) => [code as number, name]));
  const list = await (await doc.getPage(pageNumber)).getOperatorList();
  return new Set(list.fnArray.map((fn) => byCode.get(fn) ?? String(fn)));
}

export interface Gray { width: number; height: number; data: Uint8Array; at(x: number, y: number): number }

/** Renders one page (1-based) at `dpi` with pdftoppm and returns its greyscale pixels. */
export async function renderPage(pdf: Uint8Array, pageNumber: number, dpi = 50): Promise<Gray> {
  const dir = mkdtempSync(path.join(tmpdir(), 'packet-render-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(pageNumber), '-l', String(pageNumber), '-png', '-singlefile', file, path.join(dir, 'out')]);
    const { data, info } = await sharp(readFileSync(path.join(dir, 'out.png'))).greyscale().raw().toBuffer({ resolveWithObject: true });
    const px = new Uint8Array(data);
    return { width: info.width, height: info.height, data: px, at: (x, y) => px[y * info.width + x] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resizes a rendered region to a new size (for comparing a shrunk page with its original). */
export async function resizeRegion(g: Gray, left: number, top: number, width: number, height: number, toW: number, toH: number): Promise<Gray> {
  const buf = await sharp(Buffer.from(g.data), { raw: { width: g.width, height: g.height, channels: 1 } })
    .extract({ left, top, width, height }).resize(toW, toH, { fit: 'fill' }).greyscale().extractChannel(0).raw().toBuffer();
  const px = new Uint8Array(buf);
  return { width: toW, height: toH, data: px, at: (x, y) => px[y * toW + x] };
}
