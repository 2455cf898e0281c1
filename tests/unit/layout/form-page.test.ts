// One real-looking IEP form, built here: a running header, a meeting type ticked in a drawn box and
// another drawn as a picture (as some systems print it), Yes/No glyphs, fields in four styles, a
// baseline beside its goal, and a ruled goal table with a two-line header, wrapped cells and a note
// row that runs over a page break with its bold header repeated. Asserts exact text, order and states.
import sharp from 'sharp';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { answerOf, layoutDocument, type DocumentLayout } from '../../../main/core/layout';
import { boxesOnLine } from '../../../main/core/layout/checkboxes';
import { DEJAVU, pdfkitPdf } from '../../support/form-pages';

/** A 17 x 13 picture of a checkbox, ticked or not (the way SEIS prints its boxes). */
async function boxPicture(ticked: boolean): Promise<Buffer> {
  const px = Buffer.alloc(17 * 13, 255);
  for (let y = 0; y < 13; y++) for (let x = 0; x < 17; x++) if (y === 0 || y === 12 || x < 3 || x > 13) px[y * 17 + x] = 0;
  if (ticked) for (const [x, y] of [[5, 6], [6, 7], [7, 8], [8, 7], [9, 6], [10, 5], [11, 4], [12, 3], [6, 6], [7, 7], [9, 5], [10, 4]]) px[y * 17 + x] = 0;
  return sharp(px, { raw: { width: 17, height: 13, channels: 1 } }).png().toBuffer();
}

const GOALS = [
  ['Reading', 'Given a grade level passage, Sam will read 90 words per minute with 95% accuracy.', '62 wpm', '5/30/2025'],
  ['Writing', 'Sam will write a five sentence paragraph with a topic sentence.', '2 sentences', '5/30/2025'],
  ['Math', 'Sam will solve two step word problems with 80% accuracy in 4 of 5 trials.', '40%', '5/30/2025'],
  ['Behavior', 'Sam will start tasks within 2 minutes of the direction.', '10 minutes', '5/30/2025'],
];

async function buildForm(): Promise<Buffer> {
  const [on, off] = [await boxPicture(true), await boxPicture(false)];
  return pdfkitPdf((doc) => {
    let face = 'Helvetica';
    const t = (s: string, x: number, y: number, opts: PDFKit.Mixins.TextOptions = { lineBreak: false }) => doc.font(face).fontSize(10).text(s, x, y, opts);
    const head = (n: number) => {
      doc.font('Helvetica').fontSize(8).text('Student: Sam Park    ID 4471    Individualized Education Program', 50, 30, { lineBreak: false });
      doc.text(`Page ${n} of 2`, 500, 760, { lineBreak: false });
    };
    head(1);
    t('Student Name: Sam Park', 50, 110);
    t('Meeting Date:', 320, 110);
    t('10/12/2024', 400, 110);
    t('Meeting Type:', 50, 135);
    const types: Array<[string, boolean]> = [['Initial', false], ['Annual', true], ['Triennial', false]];
    let x = 125;
    for (const [label, ticked] of types) {
      doc.lineWidth(0.8).rect(x, 136, 8, 8).stroke();
      if (ticked) doc.moveTo(x + 1.5, 137.5).lineTo(x + 6.5, 142.5).moveTo(x + 6.5, 137.5).lineTo(x + 1.5, 142.5).stroke();
      t(label, x + 12, 135);
      x += 70;
    }
    t('Transition Plan:', 50, 155);
    doc.image(on, 130, 156, { width: 12, height: 9 });
    t('Yes', 145, 155);
    doc.image(off, 175, 156, { width: 12, height: 9 });
    t('No', 190, 155);
    doc.font('DejaVu').fontSize(10).text('Interpreter used:  ☐ Yes  ☒ No', 320, 155, { lineBreak: false });
    t('Case Manager:', 50, 180);
    t('Dana Ortiz', 50, 194);
    t('Projected Date of', 320, 180);
    t('Annual Review:', 320, 192);
    t('10/11/2025', 430, 180);
    // Baseline beside goal.
    t('Baseline: Sam reads 62 words per minute on grade level passages and skips unknown words.', 50, 230, { width: 220 });
    t('Goal: By May 2025 Sam will read 90 words per minute with 95% accuracy on grade level passages.', 320, 230, { width: 240 });
    // Ruled goal table with a two-line header, over the page break.
    const cols = [50, 130, 330, 430, 560];
    const row = (cells: string[], y: number, h: number) => {
      cells.forEach((c, i) => t(c, cols[i] + 3, y + 3, { width: cols[i + 1] - cols[i] - 6 }));
      doc.moveTo(cols[0], y + h).lineTo(cols[4], y + h).stroke();
      cols.forEach((cx) => doc.moveTo(cx, y).lineTo(cx, y + h).stroke());
    };
    const header = (y: number) => {
      doc.moveTo(cols[0], y).lineTo(cols[4], y).stroke();
      // A bold header with figures in it: bold tells it from the rows.
      face = 'Helvetica-Bold';
      row(['Area', 'Annual Goal', 'Baseline Level', 'Target Date (2025)'], y, 28);
      face = 'Helvetica';
      return y + 28;
    };
    let y = header(620);
    for (const g of GOALS.slice(0, 2)) { row(g, y, 40); y += 40; }
    doc.addPage();
    head(2);
    y = header(80);
    for (const g of GOALS.slice(2)) { row(g, y, 40); y += 40; }
    doc.moveTo(cols[0], y).lineTo(cols[0], y + 20).moveTo(cols[4], y).lineTo(cols[4], y + 20).stroke();
    t('Note: goals are reviewed each trimester.', cols[0] + 3, y + 5);
    doc.moveTo(cols[0], y + 20).lineTo(cols[4], y + 20).stroke();
  });
}

describe.skipIf(!existsSync(DEJAVU))('a real-looking form page', () => {
  let model: DocumentLayout;
  beforeAll(async () => {
    model = layoutDocument((await readPdfText(new Uint8Array(await buildForm()))).pages);
  });

  it('reads each checkbox with its label, group and state, whatever draws it', () => {
    const boxes = model.pages[0].checkboxes.map((c) => [c.group, c.label, c.checked, c.source]);
    expect(boxes).toEqual([
      ['Meeting Type:', 'Initial', false, 'vector'],
      ['Meeting Type:', 'Annual', true, 'vector'],
      ['Meeting Type:', 'Triennial', false, 'vector'],
      ['Transition Plan:', 'Yes', true, 'image'],
      ['Transition Plan:', 'No', false, 'image'],
      ['Interpreter used:', 'Yes', false, 'glyph'],
      ['Interpreter used:', 'No', true, 'glyph'],
    ]);
  });

  it('answers the meeting type from its ticked box, and says when an answer cannot be read', () => {
    const answer = answerOf(model.pages[0].checkboxes, [/meeting\s+type/i]);
    expect(answer?.ticked.map((b) => b.label)).toEqual(['Annual']);
    expect(answer?.readable).toBe(true);
    const unreadable = model.pages[0].checkboxes.map((b) => (b.label === 'Initial' ? { ...b, checked: null } : b));
    expect(answerOf(unreadable, [/meeting\s+type/i])?.readable).toBe(false);
    expect(answerOf(model.pages[0].checkboxes, [/disability/i])).toBeNull();
  });

  it('reads fields inline, beside, above and with a label wrapped over two lines', () => {
    const fields = Object.fromEntries(model.pages[0].fields.map((f) => [f.label, [f.value, f.style]]));
    expect(fields['Student Name']).toEqual(['Sam Park', 'inline']);
    expect(fields['Meeting Date']).toEqual(['10/12/2024', 'beside']);
    expect(fields['Case Manager']).toEqual(['Dana Ortiz', 'above']);
    expect(fields['Projected Date of Annual Review']).toEqual(['10/11/2025', 'beside']);
  });

  it('reads the baseline, then the goal beside it, each as one block', () => {
    const texts = model.pages[0].blocks.map((b) => b.text.replace(/\n/g, ' '));
    const baseline = texts.indexOf('Baseline: Sam reads 62 words per minute on grade level passages and skips unknown words.');
    const goal = texts.indexOf('Goal: By May 2025 Sam will read 90 words per minute with 95% accuracy on grade level passages.');
    expect(baseline).toBeGreaterThanOrEqual(0);
    expect(goal).toBe(baseline + 1);
  });

  it('reads the goal table as one table over the page break: header, wrapped cells, note row', () => {
    expect(model.tables).toHaveLength(1);
    const [table] = model.tables;
    expect(table.pages).toEqual([1, 2]);
    expect(table.ruled).toBe(true);
    expect(table.columns.map((c) => c.label)).toEqual(['Area', 'Annual Goal', 'Baseline Level', 'Target Date (2025)']);
    expect(table.rows.filter((r) => r.kind === 'body').map((r) => r.cells.map((c) => c.text))).toEqual(GOALS);
    expect(table.rows.filter((r) => r.kind === 'body').map((r) => r.page)).toEqual([1, 1, 2, 2]);
    expect(table.rows.filter((r) => r.kind === 'note').map((r) => r.cells[0].text)).toEqual(['Note: goals are reviewed each trimester.']);
  });

  it('reads the whole first page in printed order: fields, the ticked meeting type, the side-by-side baseline and goal, then the goal table', () => {
    const [first] = model.pages;
    expect(first.blocks.map((b) => b.text.replace(/\n/g, ' '))).toEqual([
      'Student Name: Sam Park', 'Meeting Date:', '10/12/2024',
      'Meeting Type:', 'Initial', 'Annual', 'Triennial',
      'Transition Plan:', 'Yes', 'No', 'Interpreter used: ☐ Yes ☒ No',
      'Case Manager:', 'Dana Ortiz', 'Projected Date of Annual Review:', '10/11/2025',
      'Baseline: Sam reads 62 words per minute on grade level passages and skips unknown words.',
      'Goal: By May 2025 Sam will read 90 words per minute with 95% accuracy on grade level passages.',
      'Area', 'Annual Goal', 'Baseline Level', 'Target Date (2025)',
      ...GOALS.slice(0, 2).flat(),
    ]);
    expect(first.blocks.filter((b) => b.kind === 'table')).toHaveLength(4 + 2 * 4);
    // The meeting type's box is read with the page: the ticked option, and it is the one printed ticked.
    const ticked = first.checkboxes.filter((b) => b.group === 'Meeting Type:' && b.checked);
    expect(ticked.map((b) => b.label)).toEqual(['Annual']);
    const annual = first.blocks.find((b) => b.text === 'Annual')!;
    expect(ticked[0].bbox[2]).toBeLessThan(annual.bbox[0]);
    expect(Math.abs(ticked[0].bbox[1] - annual.bbox[1])).toBeLessThan(4);
  });

  it('finds the boxes printed along a line, and none along a line without boxes', () => {
    const [first] = model.pages;
    const line = (text: string) => first.blocks.find((b) => b.text === text)!.lines[0];
    expect(boxesOnLine(first.checkboxes, line('Meeting Type:')).map((b) => [b.label, b.checked])).toEqual([['Initial', false], ['Annual', true], ['Triennial', false]]);
    expect(boxesOnLine(first.checkboxes, line('Transition Plan:')).map((b) => b.label)).toEqual(['Yes', 'No', 'Yes', 'No']);
    expect(boxesOnLine(first.checkboxes, line('Dana Ortiz'))).toEqual([]);
    expect(boxesOnLine(first.checkboxes, { page: 2, words: line('Meeting Type:').words.map((w) => ({ ...w, page: 2 })) })).toEqual([]);
  });

  it('keeps the running header and page numbers out of the body, once per page', () => {
    for (const page of model.pages) {
      expect(page.furniture.map((f) => f.kind).sort()).toEqual(['header', 'page-number']);
      expect(page.blocks.some((b) => /Individualized Education Program|Page \d of 2/.test(b.text))).toBe(false);
    }
  });
});
