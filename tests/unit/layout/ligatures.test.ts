// Ligature glyphs that a PDF's fonts map to a stray character, a control character, nothing, or a
// space: repaired where text-layer words are made, so search, extraction and review read real words.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Word } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { englishWordList, repairLigatures, sortedWordList, type GlyphHints } from '../../../main/core/layout/ligatures';
import { DEJAVU } from '../../support/form-pages';
import { breakLigatureMaps, typesetWithLigatures } from '../../support/ligature-pdf';

const words = (...texts: string[]): Word[] => texts.map((text, i) => ({ text, bbox: [i * 60, 10, i * 60 + 50, 22], conf: 100 }));
const repaired = (texts: string[], font: string | null = null, hints?: GlyphHints) => {
  const ws = words(...texts);
  repairLigatures(ws.map((word) => ({ word, font })), { hints });
  return ws.map((w) => w.text).filter(Boolean);
};

describe('repairLigatures', () => {
  it('restores ti, tt, fi, ff and ffi from stray characters and control characters', () => {
    expect(repaired(['hyperac=vity,', 'Instruc\u001fon', 'educa!onal', 'Mathema9cs', 'ina>en=on', 'a\u0002end', 'diﬃculties'])).toEqual(
      ['hyperactivity,', 'Instruction', 'educational', 'Mathematics', 'inattention', 'attend', 'difficulties'],
    );
  });

  it('joins a word cut where the ligature became a space, but not two real words, where the document shows the loss', () => {
    expect(repaired(['educa', 'on', 'plan', 'func\u001fon'])).toEqual(['education', 'plan', 'function']);
    expect(repaired(['a', 'end', 'the', 'meeting', 'func\u001fon'])).toEqual(['a', 'end', 'the', 'meeting', 'function']);
    // A document with no sign of lost ligatures is left as printed (and the word list is not loaded for it).
    expect(repaired(['educa', 'on', 'plan'])).toEqual(['educa', 'on', 'plan']);
  });

  it('searches the shipped word list in place', () => {
    const list = sortedWordList('["able","baker","cat","dog"]');
    expect(['able', 'baker', 'cat', 'dog', 'ab', 'cats', 'zebra', ''].map((w) => list.has(w))).toEqual([true, true, true, true, false, false, false, false]);
    expect(englishWordList().has('hyperactivity')).toBe(true);
    expect(englishWordList().has('hyperac')).toBe(false);
  });

  it('learns what a character stands for in a font and mends words no word list has', () => {
    const out = repaired(['ac=vity', 'hyperac=vity', 'func=on', 'hiperac=vidad'], 'F1');
    expect(out).toEqual(['activity', 'hyperactivity', 'function', 'hiperactividad']);
    // In another font the same character is not assumed to be a ligature.
    const ws = words('hyperac=vity', 'func=on', 'hiperac=vidad');
    repairLigatures([{ word: ws[0], font: 'F1' }, { word: ws[1], font: 'F1' }, { word: ws[2], font: 'F2' }]);
    expect(ws[2].text).toBe('hiperac=vidad');
  });

  it('uses the font: a glyph with no Unicode mapping whose width fits one ligature', () => {
    const hints: GlyphHints = new Map([['F', new Map([['\u0011', { unmapped: true as const, ranked: ['fi'] }]])]]);
    expect(repaired(['Zy\u0011xq'], 'F', hints)).toEqual(['Zyfixq']);
    expect(repaired(['Zy\u0011xq'], 'F')).toEqual(['Zy\u0011xq']);
  });

  it('leaves codes, formulas, symbols and punctuation alone', () => {
    const kept = ['-', '/', '–', 'R&D', 'x=5', 'and/or', "don't", 'A1C', 'Grade:', 'e.g.', '3rd', '2nd', '1st', '4th', '10/12/2022', 'Great!', 'well-being', 'AT&T', 'K-12'];
    expect(repaired(kept)).toEqual(kept);
    // A question mark after a word is punctuation even where the word with a ligature after it is a
    // word too ("howff"), in a document that shows lost ligatures; a stem that is no word is mended.
    expect(repaired(['How?', 'Who?', 'educa!onal', 'sta!'])).toEqual(['How?', 'Who?', 'educational', 'staff']);
  });
});

describe.skipIf(!existsSync(DEJAVU))('ligatures in a PDF text layer', () => {
  const lines = ['The office found it difficult to affect the final effective fluency of specific staff.', 'Officials reflect on sufficient offers.'];
  for (const loss of ['\u001f', '=', 'drop'] as const) {
    it(`reads the words whose ligature glyphs map to ${loss === 'drop' ? 'nothing' : JSON.stringify(loss)}, boxes where the glyphs are`, async () => {
      const clean = await readPdfText(await typesetWithLigatures(lines));
      const broken = await breakLigatureMaps(await typesetWithLigatures(lines), loss);
      const { pages } = await readPdfText(broken);
      expect(pages[0].text).toBe(lines.join('\n'));
      // Each word keeps the box of its glyphs: over the same word as the intact font prints it.
      expect(pages[0].words).toHaveLength(clean.pages[0].words.length);
      pages[0].words.forEach((w, i) => {
        const c = clean.pages[0].words[i].bbox;
        expect(Math.min(w.bbox[2], c[2]) - Math.max(w.bbox[0], c[0])).toBeGreaterThan(0);
      });
    });
  }
});
