// OCR word boxes of one printed line may touch by a sliver (a dash run into the date before it) and
// must stay one line; a speck or a rule's trace set lower, touching a word of the line by the same
// sliver, must not join it (it pushed a code grid's row label off the start of its line).
import { describe, expect, it } from 'vitest';
import type { Word } from '../../../shared/domain';
import { groupLines } from '../../../main/core/layout/lines';

const word = (text: string, x0: number, y0: number, x1: number, y1: number): Word => ({ text, bbox: [x0, y0, x1, y1], conf: 90 });
const texts = (lines: Word[][]) => lines.map((l) => l.map((w) => w.text).join(' '));

describe('OCR lines whose word boxes touch', () => {
  it('keeps a dash whose box runs into the date before it on the date\'s line', () => {
    const lines = groupLines([
      word('02/14/2023', 100, 200, 140, 207),
      word('-', 138.5, 201, 143, 206),
      word('55', 146, 200, 154, 207),
      word('WCPM', 157, 200, 180, 207),
    ]);
    expect(texts(lines)).toEqual(['02/14/2023 - 55 WCPM']);
  });

  it('keeps a lower speck that touches the row label by a sliver off the row', () => {
    const lines = groupLines([
      word('Progress', 94.3, 433.8, 119.5, 440.6),
      word('Code', 121.5, 433.8, 135, 440.6),
      word('2', 191.9, 434, 196.3, 440.5),
      word('2', 280.5, 434.2, 284.9, 440.7),
      word('2', 371.3, 434.2, 376, 440.9),
      word('Ee', 88.7, 436.2, 97.3, 446.2),
    ]);
    expect(texts(lines)).toContain('Progress Code 2 2 2');
    expect(texts(lines)).toContain('Ee');
  });

  it('still parts a tight column\'s next line from the line above', () => {
    const lines = groupLines([word('Annual', 100, 100, 130, 107), word('goal', 100, 104.5, 120, 111.5)]);
    expect(lines).toHaveLength(2);
  });
});
