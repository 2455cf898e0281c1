// The recognised words of a scan gathered into printed lines for the viewer's text layer.
import { describe, expect, it } from 'vitest';
import type { BBox, Word } from '../../../shared/domain';
import { textLines } from '../../../renderer/src/components/viewer/text-layer';

const word = (text: string, bbox: BBox): Word => ({ text, bbox, conf: 90 });

describe('textLines', () => {
  it('puts words a pixel or two apart in height on one line, in reading order, at the line’s median height', () => {
    const lines = textLines([
      word('minute', [200, 101, 240, 113]),
      word('Baseline:', [50, 100, 110, 112]),
      word('48', [115, 99, 130, 112]),
      word('words', [135, 102, 170, 114]),
      word('correct', [172, 100, 198, 112]),
      word('Target:', [50, 130, 100, 142]),
      word('90', [105, 131, 120, 143]),
    ]);
    expect(lines.map((l) => l.runs.map((r) => r.text))).toEqual([['Baseline: 48 words correct minute'], ['Target: 90']]);
    expect(lines[0].height).toBe(12);
    expect(lines[0].runs[0].bbox[0]).toBe(50);
    expect(lines[0].runs[0].bbox[2]).toBe(240);
  });

  it('splits a line at a column gutter so table cells stay in their columns, and leaves out empty words', () => {
    const lines = textLines([word('Goal', [50, 200, 80, 212]), word('1', [84, 200, 90, 212]), word(' ', [95, 200, 99, 212]), word('SP', [300, 200, 320, 212])]);
    expect(lines).toHaveLength(1);
    expect(lines[0].runs.map((r) => r.text)).toEqual(['Goal 1', 'SP']);
  });
});
