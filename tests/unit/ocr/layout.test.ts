// Reading order from tesseract's TSV, skew estimation, and the geometry of preprocessing.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSkewDegrees, otsuThreshold } from '../../../main/core/ocr/deskew';
import { groupRows, parseTsv, rowsToText } from '../../../main/core/ocr/layout';
import { preprocessImage } from '../../../main/core/ocr/preprocess';
import { sidewaysTurn } from '../../../main/core/ocr/tesseract';
import { degradeImage, scanPdf, typesetPages } from '../../support/synthetic-scan';

/** TSV rows for words: [block, line, text, left, top, width, height]. */
function tsv(words: [number, number, string, number, number, number, number][]): string {
  const head = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
  const rows = words.map(([b, l, t, x, y, w, h], i) => `5\t1\t${b}\t1\t${l}\t${i + 1}\t${x}\t${y}\t${w}\t${h}\t91.5\t${t}`);
  return [head, `1\t1\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t`, ...rows].join('\n');
}

describe('layout', () => {
  it('reads a two-column form row by row, though tesseract gave it column by column', () => {
    const lines = parseTsv(
      tsv([
        [1, 1, 'Student', 100, 100, 80, 20],
        [1, 2, 'Meeting', 100, 140, 80, 20],
        [2, 1, 'Mateo', 400, 102, 70, 20],
        [2, 2, '10/10/2023', 400, 141, 110, 21],
      ]),
    );
    expect(lines).toHaveLength(4);
    expect(lines[0].words[0]).toEqual({ text: 'Student', box: [100, 100, 180, 120], conf: 91.5 });
    expect(rowsToText(groupRows(lines))).toBe('Student Mateo\nMeeting 10/10/2023');
  });

  it('keeps stacked lines of one column apart, and a tall heading from swallowing two lines', () => {
    const lines = parseTsv(
      tsv([
        [1, 1, 'HEADING', 100, 100, 300, 60],
        [2, 1, 'small', 500, 100, 50, 20],
        [2, 2, 'below', 500, 135, 50, 20],
        [3, 1, 'first', 100, 200, 50, 20],
        [3, 2, 'second', 100, 212, 60, 20],
      ]),
    );
    const text = rowsToText(groupRows(lines));
    expect(text.split('\n')).toContain('first');
    expect(text.split('\n')).toContain('second');
    expect(text).not.toContain('small below');
  });

  it('skips tesseract rows that are not words or have no text', () => {
    expect(parseTsv('level\tpage_num\n4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t\n5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t95\t ')).toEqual([]);
  });

  it('detects a sideways page from lines that run down it', () => {
    const down = parseTsv(tsv([[1, 1, 'a', 100, 100, 20, 60], [1, 1, 'b', 100, 170, 20, 60], [1, 1, 'c', 100, 240, 20, 60], [1, 1, 'd', 100, 310, 20, 60]]));
    expect(sidewaysTurn(down)).toBe(3);
    const up = parseTsv(tsv([[1, 1, 'a', 100, 310, 20, 60], [1, 1, 'b', 100, 240, 20, 60], [1, 1, 'c', 100, 170, 20, 60], [1, 1, 'd', 100, 100, 20, 60]]));
    expect(sidewaysTurn(up)).toBe(1);
    const flat = parseTsv(tsv([[1, 1, 'a', 100, 100, 60, 20], [1, 1, 'b', 170, 100, 60, 20], [1, 1, 'c', 240, 100, 60, 20], [1, 1, 'd', 310, 100, 60, 20]]));
    expect(sidewaysTurn(flat)).toBe(0);
  });
});

describe('deskew and preprocessing', () => {
  it('finds Otsu threshold between two grey levels', () => {
    const px = new Uint8Array(1000).map((_, i) => (i % 4 === 0 ? 30 : 220));
    const t = otsuThreshold(px);
    expect(t).toBeGreaterThanOrEqual(30);
    expect(t).toBeLessThan(220);
  });

  it.each([2.5, -1.2, 0])('estimates a %s degree skew', async (angle) => {
    const pdf = await typesetPages([{ lines: Array.from({ length: 25 }, (_, i) => `Line ${i + 1} of a paragraph of ordinary typed report text`) }]);
    const [scan] = await scanPdf(pdf, 100, () => ({ angle, noise: 4, seed: 3 }));
    const { data, info } = await sharp(scan.png).greyscale().raw().toBuffer({ resolveWithObject: true });
    const estimate = estimateSkewDegrees({ pixels: data, width: info.width, height: info.height });
    expect(Math.abs(estimate - angle)).toBeLessThan(0.25);
  });

  it('says 0 for a blank page', () => {
    expect(estimateSkewDegrees({ pixels: new Uint8Array(300 * 400).fill(250), width: 300, height: 400 })).toBe(0);
  });

  it('straightens a page, evens its light, and maps prepared points back to the original', async () => {
    const pdf = await typesetPages([{ lines: Array.from({ length: 20 }, (_, i) => `Row ${i} with enough words to form a line`) }]);
    const [plain] = await scanPdf(pdf, 150, () => ({}));
    const skewed = await degradeImage(plain.png, 150, { angle: 2, lightFalloff: 0.6 });
    const prepared = await preprocessImage(skewed.png, { dpi: 150 });
    expect(prepared.skewDegrees).toBeGreaterThan(1.7);
    expect(prepared.skewDegrees).toBeLessThan(2.3);
    expect([prepared.sourceWidth, prepared.sourceHeight]).toEqual([skewed.widthPx, skewed.heightPx]);
    // Rotation is about the centre: the prepared centre maps to the original centre.
    const [cx, cy] = prepared.toSource(prepared.width / 2, prepared.height / 2);
    expect(Math.abs(cx - skewed.widthPx / 2)).toBeLessThan(1);
    expect(Math.abs(cy - skewed.heightPx / 2)).toBeLessThan(1);
    // Uneven light is flattened: the paper in the dim bottom-right corner is near white again.
    const corner = prepared.pixels[(prepared.height - 80) * prepared.width + (prepared.width - 80)];
    expect(corner).toBeGreaterThan(235);
  });
});
