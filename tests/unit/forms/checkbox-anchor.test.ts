// Issue 18: "this box is the reporting period". A made-up form answers its period with drawn boxes
// (a cross in one of Fall / Winter / Spring) and whether the parent met the team with one box; one
// correction teaches which boxes carry the field and the other copies are read from their boxes.
// Real PDFs through the real import, extraction and review on a real store.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/context';
import { createCase } from '../../../main/core/cases';
import { applyAnchor, previewApply } from '../../../main/core/forms/service';
import { learnCheckbox, readCheckbox } from '../../../main/core/forms/checkbox';
import { layoutOf } from '../../../main/core/forms/fingerprint';
import { documentQueries, rowToPageContent } from '../../../main/core/db/queries/documents';
import { correct, getReview } from '../../../main/core/review/service';
import type { BBox } from '../../../shared/domain';
import { tempDir, testCore } from '../../support/core';
import { importAndExtract } from '../../support/import-doc';
import { pdfkitPdf } from '../../support/form-pages';

const PERIODS = ['Fall', 'Winter', 'Spring'];
const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

/** A copy of the form: `ticked` is the index of the period crossed (-1: none), `met` whether the parent box is crossed. */
async function importDoc(core: Core, caseId: string, name: string, ticked: number, met: boolean, style: 'cross' | 'tick' = 'cross'): Promise<string> {
  const boxes: Array<{ bbox: BBox }> = [];
  const pdf = await pdfkitPdf((doc) => {
    const t = (s: string, x: number, y: number, font = 'Helvetica', size = 10) => doc.font(font).fontSize(size).text(s, x, y, { lineBreak: false });
    const drawBox = (x: number, y: number, on: boolean) => {
      const side = 9;
      doc.lineWidth(0.7).rect(x, y, side, side).stroke();
      if (on && style === 'cross') doc.moveTo(x + 2, y + 2).lineTo(x + side - 2, y + side - 2).moveTo(x + side - 2, y + 2).lineTo(x + 2, y + side - 2).stroke();
      if (on && style === 'tick') doc.moveTo(x + 2, y + side / 2).lineTo(x + side / 2.5, y + side - 2).lineTo(x + side - 1.5, y + 2).stroke();
      boxes.push({ bbox: [x, y, x + side, y + side] });
    };
    t('CEDAR GROVE PUBLIC SCHOOLS', 50, 40, 'Helvetica-Bold', 13);
    t('Learner Outcomes Update - Progress Report', 50, 58, 'Helvetica', 11);
    t('Form CG-5', 480, 40, 'Helvetica', 8);
    t('Learner', 50, 96, 'Helvetica-Bold');
    t('Sky Bennett', 150, 96);
    t('Reporting period:', 50, 130, 'Helvetica-Bold');
    let x = 160;
    PERIODS.forEach((p, i) => {
      drawBox(x, 130, i === ticked);
      t(p, x + 13, 130);
      x += 13 + doc.font('Helvetica').fontSize(10).widthOfString(p) + 24;
    });
    t('Parent conference:', 50, 160, 'Helvetica-Bold');
    drawBox(160, 160, met);
    t('Held with the team', 173, 160);
    t('Cedar Grove Public Schools - Student Services', 50, 750, 'Helvetica', 8);
  });
  const dir = tempDir('forms-boxes-');
  writeFileSync(path.join(dir, name), pdf);
  return importAndExtract(core, caseId, dir, name);
}

const layoutOfDoc = (core: Core, id: string) => layoutOf(documentQueries(core.db).pages(id).map(rowToPageContent));

describe('a checkbox anchor', () => {
  it('learns which boxes carry the period from one correction and reads the ticked one on the other copies', async () => {
    const core = testCore();
    cores.push(core);
    const c = createCase(core, { name: 'Boxes' });
    const first = await importDoc(core, c.id, 'cg-1.pdf', 1, true);
    const others = [
      { id: await importDoc(core, c.id, 'cg-2.pdf', 0, false), want: 'Fall' },
      { id: await importDoc(core, c.id, 'cg-3.pdf', 2, true, 'tick'), want: 'Spring' },
      { id: await importDoc(core, c.id, 'cg-4.pdf', 1, false), want: 'Winter' },
    ];
    const none = await importDoc(core, c.id, 'cg-5.pdf', -1, false);

    const review = correct(core, { documentId: first, entity: 'progress_report', entityKey: 'report', field: 'periodLabel', value: 'Winter', status: 'edited' });
    const preview = previewApply(core, { correctionId: review.corrections.at(-1)!.id });
    expect(preview.anchor?.description).toMatch(/ticked box of "Reporting period"/);
    for (const o of others) {
      const item = preview.items.find((i) => i.documentId === o.id && i.field === 'periodLabel');
      expect(item?.value).toBe(o.want);
      // Its box holds the ticked box and its label, on the period's line.
      expect(item!.bbox![1]).toBeGreaterThan(125);
      expect(item!.bbox![3]).toBeLessThan(145);
    }
    // A copy with no box ticked is given nothing.
    expect(preview.items.filter((i) => i.documentId === none)).toEqual([]);

    applyAnchor(core, preview.anchor!.id);
    for (const o of others) {
      const r = getReview(core, o.id);
      expect(r.learned?.find((l) => l.field === 'periodLabel')?.value).toBe(o.want);
      expect(r.corrected?.progressReport?.periodLabel).toBe(o.want);
    }
  });

  it('learns the state of a marked box and reads it on another copy', async () => {
    const core = testCore();
    cores.push(core);
    const c = createCase(core, { name: 'Boxes' });
    const a = layoutOfDoc(core, await importDoc(core, c.id, 'cg-a.pdf', 0, true));
    const b = layoutOfDoc(core, await importDoc(core, c.id, 'cg-b.pdf', 2, false));
    const learned = learnCheckbox({ layout: a, entityKey: 'report', value: true, page: 1, bbox: [155, 155, 300, 172] });
    expect(learned?.spec.mode).toBe('state');
    expect(readCheckbox(a, learned!.spec)?.value).toBe(true);
    expect(readCheckbox(b, learned!.spec)?.value).toBe(false);
    // Without a marked box a true/false value names no box.
    expect(learnCheckbox({ layout: a, entityKey: 'report', value: true, page: null, bbox: null })).toBeNull();
  });
});
