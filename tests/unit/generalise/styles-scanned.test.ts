// Generated form styles on paper: a document of a style's case is rendered, degraded like a copier
// scan (a degree of tilt, uneven light, blur, noise, JPEG; tests/fixtures/styles/scan.ts), kept as an
// image-only PDF, and imported with the rest of the case through the real pipeline (real OCR). The
// scores hold what the OCR path reads of ruled tables: before ruling lines were taken out of the page
// before OCR (main/core/layout/rule-erase.ts), the vendor style's scanned IEPs gave no goal at all
// (goals 0 with both on paper, scripts/score-styles-scanned.ts) and the ARD style's scanned score
// table no score (test scores 0).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutRules } from '../../../main/core/layout/rule-erase';
import { generateStyleCase, STYLES } from '../../fixtures/styles/generate';
import { paperCase } from '../../fixtures/styles/scan';
import { tempDir } from '../../support/core';
import { hasScorer, importAndScore } from '../../support/score-case';

const styleNamed = (name: string) => {
  const i = STYLES.findIndex((s) => s.name === name);
  return { style: STYLES[i]!, index: i };
};

async function scannedCase(name: string, seed: number, pick: RegExp) {
  const { style, index } = styleNamed(name);
  const dir = tempDir(`scanned-${name}-`);
  const c = await generateStyleCase(path.join(dir, 'text'), style, seed + index);
  // Only the first document the pattern names goes on paper: one or two pages of OCR per case.
  let taken = false;
  const first = (f: string) => {
    if (taken || !pick.test(f)) return false;
    return (taken = true);
  };
  const onPaper = await paperCase(path.join(dir, 'text'), path.join(dir, 'copier'), { kind: 'copier', seed, pick: first });
  expect(onPaper).toHaveLength(1);
  return importAndScore(path.join(dir, 'copier'), { name: `${c.student.first} ${c.student.last}` });
}

describe.skipIf(!hasScorer)('generated form styles through OCR (a copier scan)', () => {
  it("vendor: a scanned IEP's ruled goal table gives its goals, baselines, targets and dates", async () => {
    const s = await scannedCase('vendor', 11, /_IEP_/);
    expect(s.goals.f1).toBe(1);
    expect(s.headline.goal_fields).toBeGreaterThanOrEqual(0.95);
    expect(s.goal_text_exact.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(s.iep_dates.accuracy).toBe(1);
  }, 240_000);

  // Its percentile column (one- and two-digit numbers at the table's right edge) is still lost: tesseract
  // drops the column whole, so the values (standard score and percentile together) are not held yet.
  it("ARD: a scanned score report's ruled table gives every subtest with its date", async () => {
    const s = await scannedCase('ard', 11, /_Achievement_Testing_/);
    expect(s.test_scores.f1).toBe(1);
    expect(s.document_type.accuracy).toBe(1);
  }, 240_000);
});

describe('ruling lines taken out of a page before OCR', () => {
  const dpi = 200;
  const W = 1600;
  const H = 1000;
  /** A white page with grey (170) one-to-three-pixel rules: `rows` horizontal at those y, `cols` vertical at those x, and a 'letter' stroke and a shaded band. */
  function page(rows: number[], cols: number[], slope = 0) {
    const px = new Uint8Array(W * H).fill(250);
    const set = (x: number, y: number, v: number) => {
      if (x >= 0 && y >= 0 && x < W && y < H) px[y * W + x] = v;
    };
    for (const y0 of rows) for (let x = 100; x <= 1500; x++) for (let t = 0; t < 2; t++) set(x, Math.round(y0 + slope * x) + t, 170);
    for (const x of cols) for (let y = rows[0]; y <= rows.at(-1)!; y++) for (let t = 0; t < 2; t++) set(x + t, y, 170);
    // A letter's stem crossing the second rule, 30 px tall and 4 wide, and a shaded band 40 px tall.
    for (let y = rows[1] - 20; y < rows[1] + 10; y++) for (let x = 300; x < 304; x++) set(x, y, 20);
    for (let y = 850; y < 890; y++) for (let x = 100; x < 1500; x++) set(x, y, 180);
    return { pixels: px, width: W, height: H };
  }
  const at = (img: { pixels: Uint8Array }, x: number, y: number) => img.pixels[y * W + x];

  it('whitens the rules of a ruled table and keeps a letter crossing them and a shaded band', () => {
    const img = page([100, 200, 300, 400], [100, 600, 1000, 1500]);
    const out = withoutRules(img, dpi);
    expect([out[200 * W + 800], out[201 * W + 800], out[300 * W + 600], out[250 * W + 1000], out[250 * W + 1001]]).toEqual([255, 255, 255, 255, 255]);
    // Where a row line crossed a column line is gone too.
    expect(out[200 * W + 600]).toBe(255);
    expect(at({ pixels: out }, 301, 190)).toBe(20);
    expect(at({ pixels: out }, 301, 200)).toBe(20);
    expect(at({ pixels: out }, 800, 870)).toBe(180);
  });

  it('leaves a page alone without a ruled table (a box around a form) or with its rules at a slant', () => {
    const box = page([100, 200, 300, 400], [100, 1500]);
    expect(Buffer.from(withoutRules(box, dpi)).equals(box.pixels)).toBe(true);
    const slanted = page([100, 200, 300, 400], [100, 600, 1000, 1500], 0.02);
    expect(Buffer.from(withoutRules(slanted, dpi)).equals(slanted.pixels)).toBe(true);
  });
});
