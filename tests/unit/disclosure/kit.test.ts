// The disclosure kit on a real store: three documents typeset here and imported, a witness list saved,
// the kit built; both files read back (DOCX with mammoth, PDF with pdf.js); the exhibit list's ranges
// equal those read back from the packet built from the same options; a later change to the packet is
// named against the disclosure; the witness list is stored per case and goes with it.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createCase, getCase } from '../../../main/core/cases';
import { buildDisclosureKit, disclosureChanges, listWitnesses, saveWitnesses } from '../../../main/core/disclosure/service';
import { importOne } from '../../../main/core/documents/import';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import { checkPagination } from '../../../main/core/packet/pagination-check';
import { packetInput, packetJob } from '../../../main/core/packet/service';
import type { PacketOptionsArgs } from '../../../shared/api/packet';
import { testCore } from '../../support/core';
import { pdfkitPdf } from '../../support/form-pages';

const letter = (title: string, pages: number) =>
  pdfkitPdf((doc) => {
    for (let p = 1; p <= pages; p++) {
      if (p > 1) doc.addPage();
      doc.font('Helvetica-Bold').fontSize(14).text(`${title}`, 72, 72);
      doc.font('Helvetica').fontSize(11).text(`Page ${p} of ${pages}. The team met and reviewed the reading data for the year; the notes follow on this page.`, 72, 110, { width: 468 });
    }
  });

describe('disclosure kit', () => {
  it('lists the packet exhibits with the ranges the packet stamps, the witnesses and the deadline, in DOCX and PDF', async () => {
    const core = testCore({ now: '2025-03-01T12:00:00Z' });
    const c = createCase(core, { name: 'Jamie Doe', childName: 'Jamie Doe' });
    const ids: string[] = [];
    for (const [file, title, pages] of [['IEP_2024-10-01.pdf', 'Individualized Education Program', 3], ['Progress_2025-01-20.pdf', 'Progress Report', 4], ['Letter_2025-02-02.pdf', 'Letter to the district', 2]] as const) {
      const bytes = await letter(title, pages);
      const [r] = await importOne(core, c.id, { fileName: file, source: file, read: () => new Uint8Array(bytes) });
      ids.push(r.documentId!);
    }
    saveWitnesses(core, c.id, [
      { name: 'Dana Ortiz', role: 'Reading specialist', subject: 'Reading progress data', contact: 'dana@example.org' },
      { name: 'Sam Lee', role: 'Parent', subject: 'Home reading and the records requests', contact: '' },
    ]);
    expect(listWitnesses(core, c.id).map((w) => w.name)).toEqual(['Dana Ortiz', 'Sam Lee']);

    const options: PacketOptionsArgs = {
      caseId: c.id,
      bates: { prefix: 'DOE-', start: 1, digits: 5, position: 'bottom-right' },
      labelStyle: 'P-1',
      sections: ['cover', 'index', 'exhibits'],
      exhibits: [{ documentId: ids[0] }, { documentId: ids[1], pageRange: [2, 4] }, { documentId: ids[2] }],
      forum: { id: 'ma-bsea' },
    };
    const kit = await buildDisclosureKit(core, { ...options, hearingDate: '2025-03-17' });
    expect(kit.deadline.deadline).toBe('2025-03-10');
    expect(kit.changes).toEqual([]);

    // The ranges the packet actually stamps, read back from the built PDF.
    const built = await buildPacketDetailed(await packetInput(core, options));
    const stamped = await checkPagination(built.pdf, { ...options.bates, start: 1 });
    expect(stamped.ok).toBe(true);
    const fmt = (n: number) => `DOE-${String(n).padStart(5, '0')}`;
    expect(kit.exhibits.map((e) => [e.label, e.batesFirst, e.batesLast, e.pages])).toEqual(stamped.exhibits.map((e) => [e.label, fmt(e.batesFirst), fmt(e.batesLast), e.batesLast - e.batesFirst + 1]));
    expect(kit.exhibits.map((e) => e.label)).toEqual(['P-1', 'P-2', 'P-3']);

    // Both files, read back.
    const pdf = core.blobs.readFile(packetJob(core, kit.pdfJobId).file!);
    const pdfText = (await readPdfText(new Uint8Array(pdf))).pages.map((p) => p.text).join('\n').replace(/\s+/g, ' ');
    const docx = core.blobs.readFile(packetJob(core, kit.docxJobId).file!);
    const docxText = (await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value.replace(/\s+/g, ' ');
    for (const text of [pdfText, docxText]) {
      expect(text).toContain('Mar 10, 2025');
      expect(text).toContain('34 CFR 300.512(a)(3), (b)');
      expect(text).toContain('BSEA Hearing Rules, Rule IX');
      for (const e of kit.exhibits) expect(text).toContain(e.batesFirst === e.batesLast ? e.batesFirst : `${e.batesFirst} - ${e.batesLast}`);
      expect(text).toContain('Dana Ortiz');
      expect(text).toContain('Reading progress data');
    }

    // A later change: exhibit P-2 takes one more page; P-3 moves with it.
    const changed = { ...options, exhibits: [{ documentId: ids[0] }, { documentId: ids[1], pageRange: [1, 4] as [number, number] }, { documentId: ids[2] }] };
    const changes = await disclosureChanges(core, changed);
    expect(changes.map((x) => [x.label, x.kind])).toEqual([['P-2', 'changed'], ['P-3', 'changed']]);
    expect(changes[0].message).toBe('Exhibit P-2 changed since the disclosure of Mar 1, 2025: its document, pages or description changed; its pages are now DOE-00004 - DOE-00007 (were DOE-00004 - DOE-00006).');
    expect(await disclosureChanges(core, options)).toEqual([]);
    const dropped = await disclosureChanges(core, { ...options, exhibits: options.exhibits.slice(0, 2) });
    expect(dropped.map((x) => x.message)).toEqual(['Exhibit P-3 was removed since the disclosure of Mar 1, 2025.']);
  });

  it('keeps the witness list per case, in order, replaced whole, and drops it with the case', () => {
    const core = testCore();
    const a = createCase(core, { name: 'A' });
    const b = createCase(core, { name: 'B' });
    saveWitnesses(core, a.id, [{ name: 'One', role: '', subject: '', contact: '' }, { name: 'Two', role: 'Teacher', subject: 'Math', contact: '555' }]);
    saveWitnesses(core, b.id, [{ name: 'Other', role: '', subject: '', contact: '' }]);
    saveWitnesses(core, a.id, [{ name: 'Two', role: 'Teacher', subject: 'Math', contact: '555' }]);
    expect(listWitnesses(core, a.id)).toEqual([{ name: 'Two', role: 'Teacher', subject: 'Math', contact: '555' }]);
    expect(listWitnesses(core, b.id).map((w) => w.name)).toEqual(['Other']);
    core.db.prepare('DELETE FROM cases WHERE id = ?').run(b.id);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM witnesses WHERE case_id = ?').get(b.id)).toEqual({ n: 0 });
    expect(getCase(core, a.id).name).toBe('A');
  });
});
