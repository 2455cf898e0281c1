// Checkboxes and radio marks drawn the ways form systems draw them besides a stroked square: a box
// drawn as four separate strokes or four thin bars, a radio ring filled as one shape (two circles)
// with a dot inside, a radio filled solid, and a stroked ring with a dot. Each is read from the PDF's
// operators with its state and label, and from the pixels of a rasterised, degraded scan of the page.
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphicBox } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { layoutDocument } from '../../../main/core/layout';
import { pixelCheckboxes } from '../../../main/core/layout/pixel-boxes';
import { createOcrDriver, type TesseractOcrDriver } from '../../../main/core/ocr/tesseract';
import { pdfkitPdf } from '../../support/form-pages';
import { scanPdf } from '../../support/synthetic-scan';

type Style = 'segments' | 'bars' | 'ring' | 'filled' | 'dot';
interface Truth { group: string; label: string; style: Style; checked: boolean; bbox: [number, number, number, number] }

const LINES: Array<{ group: string; style: Style; options: string[]; checked: number; size: number }> = [
  { group: 'Meeting Type:', style: 'segments', options: ['Initial', 'Annual', 'Triennial'], checked: 1, size: 9 },
  { group: 'Parent Present:', style: 'bars', options: ['Yes', 'No'], checked: 0, size: 10 },
  { group: 'Setting:', style: 'ring', options: ['General Ed', 'Resource', 'Separate'], checked: 2, size: 11 },
  { group: 'ESY Needed:', style: 'filled', options: ['Yes', 'No'], checked: 1, size: 9 },
  { group: 'Transport:', style: 'dot', options: ['Regular', 'Special'], checked: 0, size: 10 },
  { group: 'Interpreter:', style: 'segments', options: ['Yes', 'No'], checked: -1, size: 12 },
  { group: 'Assistive Tech:', style: 'ring', options: ['Yes', 'No'], checked: -1, size: 9 },
];

/** One form page (and its truth) with every style, in varied sizes, some lines with nothing ticked. */
async function markedPage(): Promise<{ pdf: Buffer; truth: Truth[] }> {
  const truth: Truth[] = [];
  const pdf = await pdfkitPdf((doc) => {
    let y = 80;
    for (const line of LINES) {
      doc.fillColor('black').font('Helvetica').fontSize(10).text(line.group, 60, y, { lineBreak: false });
      let x = 170;
      const s = line.size;
      const by = y + 5 - s / 2 + 0.5;
      line.options.forEach((label, i) => {
        const on = i === line.checked;
        const [cx, cy, r] = [x + s / 2, by + s / 2, s / 2];
        doc.lineWidth(0.8).strokeColor('black').fillColor('black');
        if (line.style === 'segments') {
          doc.moveTo(x, by).lineTo(x + s, by).stroke();
          doc.moveTo(x + s, by).lineTo(x + s, by + s).stroke();
          doc.moveTo(x + s, by + s).lineTo(x, by + s).stroke();
          doc.moveTo(x, by + s).lineTo(x, by).stroke();
          if (on) doc.moveTo(x + 2, by + 2).lineTo(x + s - 2, by + s - 2).moveTo(x + s - 2, by + 2).lineTo(x + 2, by + s - 2).stroke();
        } else if (line.style === 'bars') {
          for (const [bx, bw, bh, byy] of [[x, s, 0.8, by], [x, s, 0.8, by + s - 0.8], [x, 0.8, s, by], [x + s - 0.8, 0.8, s, by]]) doc.rect(bx, byy, bw, bh).fill();
          if (on) doc.rect(x + 2.5, by + 2.5, s - 5, s - 5).fill();
        } else if (line.style === 'ring') {
          doc.circle(cx, cy, r).circle(cx, cy, r - 1).fill('even-odd');
          if (on) doc.circle(cx, cy, r / 2).fill();
        } else if (line.style === 'filled') {
          if (on) doc.circle(cx, cy, r).fillAndStroke('black', 'black');
          else doc.circle(cx, cy, r).stroke();
        } else {
          doc.circle(cx, cy, r).stroke();
          if (on) doc.circle(cx, cy, r / 2).fill();
        }
        truth.push({ group: line.group, label, style: line.style, checked: on, bbox: [x, by, x + s, by + s] });
        doc.fillColor('black').font('Helvetica').fontSize(10).text(label, x + s + 5, y, { lineBreak: false });
        x += s + 5 + doc.widthOfString(label) + 24;
      });
      y += 30;
    }
    // Round letters inside words are not radio marks.
    doc.font('Helvetica').fontSize(14).text('Observation of Oral Otology: Good OOO Oo', 60, y + 10, { lineBreak: false });
  });
  return { pdf, truth };
}

const centreNear = (b: { bbox: number[] }, t: Truth, slack: number) =>
  Math.abs((b.bbox[0] + b.bbox[2]) / 2 - (t.bbox[0] + t.bbox[2]) / 2) < slack && Math.abs((b.bbox[1] + b.bbox[3]) / 2 - (t.bbox[1] + t.bbox[3]) / 2) < slack;

describe('boxes and radio marks however they are drawn', () => {
  it('reads each from the PDF operators, with its shape, state, label and group, and no rules from box sides', async () => {
    const { pdf, truth } = await markedPage();
    const { pages } = await readPdfText(new Uint8Array(pdf));
    const boxes = pages[0].graphics!.boxes;
    expect(boxes).toHaveLength(truth.length);
    for (const t of truth) {
      const got = boxes.filter((b) => centreNear(b, t, 1.5));
      expect(got.map((b) => [b.shape, b.checked]), `${t.group} ${t.label}`).toEqual([[['segments', 'bars'].includes(t.style) ? 'square' : 'circle', t.checked]]);
    }
    expect(pages[0].graphics!.rules).toEqual([]);
    const [layout] = layoutDocument(pages).pages;
    expect(layout.checkboxes.map((c) => [c.group, c.label, c.checked])).toEqual(truth.map((t) => [t.group, t.label, t.checked]));
  });

  it('reads each from the pixels of the page scanned at 150 and 200 dpi (noise, blur, uneven light), and no letter as a square', async () => {
    const { pdf, truth } = await markedPage();
    for (const dpi of [150, 200]) {
      const [scan] = await scanPdf(new Uint8Array(pdf), dpi, () => ({ noise: 6, blur: 0.4, lightFalloff: 0.25, seed: dpi }));
      const { data, info } = await sharp(scan.png).greyscale().raw().toBuffer({ resolveWithObject: true });
      const found: GraphicBox[] = pixelCheckboxes({ pixels: new Uint8Array(data), width: info.width, height: info.height }, dpi).map((b) => ({ ...b, bbox: b.bbox.map((v) => (v * 72) / dpi) as GraphicBox['bbox'] }));
      const misses = truth.filter((t) => found.filter((b) => centreNear(b, t, 3)).map((b) => b.checked).join() !== String(t.checked)).map((t) => `${dpi} dpi ${t.style} ${t.group} ${t.label}`);
      expect(misses).toEqual([]);
      // Beside the marks, only round letters standing apart on one side (the first or last of a
      // word), read as rings not ticked: the layout model tells them from marks by the words OCR reads
      // around them (the test below, and letter-o.test.ts).
      const others = found.filter((b) => !truth.some((t) => centreNear(b, t, 3)));
      expect(others.filter((b) => b.shape !== 'circle' || b.checked === true).map((b) => b.bbox), `${dpi} dpi: only the marks and round letters`).toEqual([]);
    }
  });
});

describe('the marked page scanned, through OCR', () => {
  let driver: TesseractOcrDriver | null = null;
  afterAll(() => driver?.dispose());

  it('gives every box and radio mark of a skewed, noisy scan its state and its label', async () => {
    const { pdf, truth } = await markedPage();
    const [scan] = await scanPdf(new Uint8Array(pdf), 200, () => ({ angle: 1, noise: 6, lightFalloff: 0.2, seed: 3 }));
    driver = createOcrDriver({ workers: 1 });
    const page = await driver.recognize({ pageNumber: 1, image: scan.png, dpi: scan.dpi });
    const [layout] = layoutDocument([page]).pages;
    const read = layout.checkboxes.filter((c) => c.source === 'pixels').map((c) => [c.group, c.label, c.checked]);
    expect(read).toEqual(truth.map((t) => [t.group, t.label, t.checked]));
  });
});
