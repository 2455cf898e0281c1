import { describe, expect, it } from 'vitest';
import { buildPacketInWorker } from '../../../main/core/packet/run-in-worker';
import type { PacketInput, PacketProgress } from '../../../main/core/packet/types';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { textPdf } from './generate';

// The app points at its built worker.js; here a bootstrap registers tsx inside the worker first.
const workerUrl = new URL('./worker-bootstrap.mjs', import.meta.url);
const workerOptions = {};

async function input(pages: number): Promise<PacketInput> {
  return {
    case: { title: 'Worker test', studentName: 'S', preparedBy: 'P', date: '2025-01-01' },
    bates: { prefix: 'W-', start: 1, digits: 4, position: 'bottom-right' },
    labelStyle: 'P-1', sections: ['cover', 'toc', 'index', 'exhibits'],
    exhibits: [{ description: 'Doc', documentId: 'd', pdfBytes: await textPdf('Kilo', pages) }],
    findings: [], chronology: [], goalCharts: [], scoreTrends: [], compEd: null,
  };
}

describe('packet builder in a worker thread', () => {
  it('builds off the main thread, reporting progress, with transferred buffers', async () => {
    const seen: PacketProgress[] = [];
    const src = await input(4);
    const { pdf, manifest } = await buildPacketInWorker(workerUrl, src, { workerOptions, transferExhibits: true, onProgress: (p) => seen.push(p) });
    expect(src.exhibits[0].pdfBytes.byteLength).toBe(0); // transferred, not copied
    const pages = (await readPdfText(pdf)).pages;
    expect(pages.length).toBe(manifest.pageCount);
    expect(pages.at(-1)!.text).toContain('W-0004');
    expect(seen.at(-1)?.phase).toBe('done');
  });

  it('cancels through the AbortSignal', async () => {
    const controller = new AbortController();
    const run = buildPacketInWorker(workerUrl, await input(60), {
      workerOptions, signal: controller.signal,
      onProgress: (p) => { if (p.phase === 'exhibits') controller.abort(); },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
