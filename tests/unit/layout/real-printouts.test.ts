// The layout model on real district printouts in ../shared/fixtures/real (read there, never copied:
// see its README). No word may keep a lost-ligature break, and ticked boxes must be read: the SEIS
// meeting type (a picture of a box) and the Texas form's box glyphs; each SEIS service block read as a
// service with its dose, dates, place and provider, each accommodations table row as one item, the Texas schedule's courses as services. Skipped when ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IEP_SUBTYPES } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { layoutDocument } from '../../../main/core/layout';
import { extractDocument } from '../../../main/core/extract';
import { buildLayout } from '../../../main/core/extract/layout';
import { SHARED_DIR } from '../../support/fixtures';

const REAL = path.join(SHARED_DIR, 'fixtures/real');
const PDFS = [
  ['ca-eldorado-1', 'Redacted_IEP_1_CA.pdf'],
  ['ca-eldorado-2', 'Redacted_IEP_2_CA.pdf'],
  ['ca-eldorado-3', 'Redacted_IEP_3_CA.pdf'],
  ['tx-sample-isd-4', 'Redacted_IEP_4_TX.pdf'],
].map(([dir, file]) => path.join(REAL, dir, file));
const present = PDFS.every((f) => existsSync(f));
if (!present) console.warn(`[fixtures] ${REAL} not found: the real-printout layout tests are skipped.`);

/** A lower-case letter, a character no word holds there, a lower-case letter: what a lost ligature leaves. */
const BROKEN = /\p{Ll}[\p{Cc}=!&>#$%*+<^~|?\d\ufffd"]\p{Ll}/u;
const MEETING_TYPES = new RegExp(`^(?:${IEP_SUBTYPES.join('|')}|triennial)\\b`, 'i');

describe.skipIf(!present)('real printouts', () => {
  for (const file of PDFS) {
    it(`${path.basename(path.dirname(file))}: no word keeps a lost-ligature break`, async () => {
      const { pages } = await readPdfText(new Uint8Array(readFileSync(file)));
      const broken = pages.flatMap((p) => p.words.filter((w) => BROKEN.test(w.text) && !/@.*\./.test(w.text)).map((w) => `p${p.pageNumber}: ${JSON.stringify(w.text)}`));
      expect(broken).toEqual([]);
    });
  }

  it('reads the meeting type box ticked on each SEIS IEP (a picture of a box, not text)', async () => {
    for (const file of PDFS.slice(0, 3)) {
      const { pages } = await readPdfText(new Uint8Array(readFileSync(file)));
      const boxes = layoutDocument(pages).pages.flatMap((p) => p.checkboxes).filter((c) => /meeting\s+type/i.test(c.group ?? ''));
      expect(boxes.length, path.basename(file)).toBeGreaterThanOrEqual(3);
      expect(boxes.every((b) => MEETING_TYPES.test(b.label) && b.source === 'image')).toBe(true);
      expect(boxes.filter((b) => b.checked === true).length, path.basename(file)).toBeGreaterThanOrEqual(1);
      expect(boxes.some((b) => b.checked === false)).toBe(true);
    }
  });

  it('reads the box glyphs of the Texas form with their labels', async () => {
    const { pages } = await readPdfText(new Uint8Array(readFileSync(PDFS[3])));
    const boxes = layoutDocument(pages).pages.flatMap((p) => p.checkboxes).filter((c) => c.source === 'glyph');
    expect(boxes.length).toBeGreaterThan(30);
    expect(boxes.every((b) => b.label.length > 0 && b.checked !== null)).toBe(true);
    expect(boxes.some((b) => b.checked) && boxes.some((b) => !b.checked)).toBe(true);
  });

  it('reads every service block of each SEIS IEP: a name in words, a dose with its period, both dates, on its own page', async () => {
    for (const file of PDFS.slice(0, 3)) {
      const { pages } = await readPdfText(new Uint8Array(readFileSync(file)));
      // As many services as lines opening on a "Service:" label.
      const blocks = buildLayout(pages).lines.filter((l) => /^Service:\s+\p{L}/u.test(l.text)).length;
      const iep = extractDocument({ documentId: 'd', type: 'iep', pages }).iep!;
      const services = iep.services;
      // The heading of one dated report printed with a goal is no reporting schedule.
      expect(iep.reportingSchedule ?? '', path.basename(file)).not.toMatch(/^progress\s+report\s*\d+\s*:/i);
      expect(blocks, path.basename(file)).toBeGreaterThanOrEqual(1);
      expect(services.length, path.basename(file)).toBe(blocks);
      for (const s of services) {
        expect(s.service, path.basename(file)).toMatch(/^\p{Lu}[\p{L} ]+$/u);
        expect(s.period === 'week' ? s.minutesPerWeek : s.minutesPerMonth, `${path.basename(file)} ${s.key}`).toBeGreaterThan(0);
        expect(s.startDate! < s.endDate!, `${path.basename(file)} ${s.key}`).toBe(true);
        expect(s.location && s.provider && !/:/.test(s.location + s.provider), `${path.basename(file)} ${s.key}`).toBeTruthy();
        const page = pages.find((p) => p.pageNumber === s.source?.page);
        expect(page?.words.map((w) => w.text).join(' ') ?? '', `${path.basename(file)} ${s.key}`).toContain(s.service.split(' ')[0]);
      }
    }
  });

  it('lists the accommodations, modifications and supports of each SEIS IEP, one item per dated row, each as printed', async () => {
    for (const file of PDFS.slice(0, 3)) {
      const { pages } = await readPdfText(new Uint8Array(readFileSync(file)));
      const accommodations = extractDocument({ documentId: 'd', type: 'iep', pages }).iep!.accommodations;
      const text = pages.map((p) => p.words.map((w) => w.text).join(' ')).join(' ');
      expect(accommodations.length, path.basename(file)).toBeGreaterThanOrEqual(5);
      for (const a of accommodations) {
        expect(a, path.basename(file)).toMatch(/^\p{Lu}/u);
        expect(a, path.basename(file)).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}|\b(?:Start|End) Date\b/);
        expect(text, path.basename(file)).toContain(a.split(' ').slice(0, 3).join(' '));
      }
    }
  });

  it('reads the Texas schedule of services: one service per course with special-education minutes, its setting and dates', async () => {
    const { pages } = await readPdfText(new Uint8Array(readFileSync(PDFS[3])));
    const services = extractDocument({ documentId: 'd', type: 'iep', pages }).iep!.services;
    expect(services.length).toBeGreaterThanOrEqual(2);
    for (const s of services) {
      expect(s.service).toMatch(/^\p{Lu}[\p{L} .-]+$/u);
      expect(s.period).toBe('week');
      expect(s.minutesPerWeek).toBeGreaterThan(0);
      expect(s.minutesPerWeek).toBeLessThan(600);
      expect(s.location).toMatch(/^\p{Lu}/u);
      expect(s.startDate! < s.endDate!).toBe(true);
      const page = pages.find((p) => p.pageNumber === s.source?.page);
      expect(page?.words.map((w) => w.text).join(' ')).toContain(s.service);
    }
  });

  it('keeps page numbers and running headers out of the body, once per page', async () => {
    const { pages } = await readPdfText(new Uint8Array(readFileSync(PDFS[0])));
    const model = layoutDocument(pages);
    const numbered = model.pages.filter((p) => p.furniture.some((f) => f.kind === 'page-number'));
    expect(numbered.length).toBe(pages.length);
    expect(model.pages.some((p) => p.blocks.some((b) => /^page \d+ of \d+$/i.test(b.text)))).toBe(false);
  });
});
