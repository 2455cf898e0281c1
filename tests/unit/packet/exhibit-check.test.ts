// The packet builder refuses, naming the exhibit, its file and the page, any exhibit page it could
// only copy blank: an encrypted file's pages (ciphertext), or a page whose content cannot be decoded.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import type { PacketExhibit, PacketInput } from '../../../main/core/packet/types';
import { tempDir } from '../../support/core';
import { textPdf } from './generate';

function input(exhibits: PacketExhibit[]): PacketInput {
  return {
    case: { title: 'Check v. District', studentName: 'Ana Check', preparedBy: 'Advocate', date: '2025-07-01' },
    bates: { prefix: 'CHK-', start: 1, digits: 4, position: 'bottom-right' },
    labelStyle: 'P-1',
    sections: ['cover', 'exhibits'],
    exhibits,
    findings: [],
    chronology: [],
    goalCharts: [],
    scoreTrends: [],
    compEd: null,
  };
}

/** The PDF with only an owner password (it opens without one), as qpdf writes it: its content is still encrypted. */
function ownerPasswordOnly(pdf: Uint8Array): Uint8Array {
  const dir = tempDir('packet-sealed-');
  writeFileSync(path.join(dir, 'in.pdf'), pdf);
  execFileSync('qpdf', ['--encrypt', '', 'owner-only', '256', '--', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
  return readFileSync(path.join(dir, 'out.pdf'));
}

/** The PDF with page `n`'s content replaced by bytes that claim to be Flate and are not. */
async function withDamagedPage(pdf: Uint8Array, n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const context = doc.context;
  const garbage = PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), new TextEncoder().encode('this was never deflated'));
  doc.getPage(n - 1).node.set(PDFName.of('Contents'), context.register(garbage));
  return doc.save();
}

describe('exhibit pages the packet cannot copy', () => {
  it('refuses an encrypted exhibit by label and file name instead of writing blank stamped pages', async () => {
    const exhibits: PacketExhibit[] = [
      { description: 'Annual IEP', documentId: 'a', fileName: 'iep.pdf', pdfBytes: await textPdf('Alpha', 2) },
      { description: 'Portal export', documentId: 'b', fileName: 'portal-export.pdf', pdfBytes: ownerPasswordOnly(await textPdf('Bravo', 2)) },
    ];
    await expect(buildPacketDetailed(input(exhibits))).rejects.toThrow(/Exhibit P-2 \("portal-export\.pdf"\) is an encrypted PDF.*not built/);
  });

  it('refuses an exhibit page whose content cannot be decoded, naming the page, and builds when that page is left out', async () => {
    const damaged = await withDamagedPage(await textPdf('Charlie', 3), 2);
    const exhibit: PacketExhibit = { description: 'Progress report', documentId: 'c', fileName: 'progress.pdf', pdfBytes: damaged };
    await expect(buildPacketDetailed(input([exhibit]))).rejects.toThrow(/Exhibit P-1 \("progress\.pdf"\), page 2: its content cannot be decoded/);
    const { manifest } = await buildPacketDetailed(input([{ ...exhibit, pdfBytes: damaged, pageRange: [3, 3] }]));
    expect(manifest.exhibits[0].originalPages).toEqual([3]);
  });
});
