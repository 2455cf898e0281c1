// A box's state from the ink inside its frame: ticked, empty, or unreadable (null), never a guess.
import { describe, expect, it } from 'vitest';
import { inkState, interiorInk } from '../../../main/core/layout/ink';

/** A 20 x 20 box: a 2-pixel frame, and `inside` dark pixels in its interior. */
function box(inside: number, frame = true): (x: number, y: number) => boolean {
  let n = 0;
  const marks = new Set<number>();
  for (let y = 4; y < 16 && n < inside; y++) for (let x = 4; x < 16 && n < inside; x++, n++) marks.add(y * 20 + x);
  return (x, y) => (frame && (x < 2 || y < 2 || x > 17 || y > 17)) || marks.has(y * 20 + x);
}

describe('interiorInk and inkState', () => {
  it('reads an empty box as false, a ticked one as true, and a smudge between as null', () => {
    expect(inkState(interiorInk(box(0), 20, 20))).toBe(false);
    expect(inkState(interiorInk(box(60), 20, 20))).toBe(true);
    expect(inkState(interiorInk(box(12), 20, 20))).toBeNull();
  });

  it('is not a box without a frame', () => {
    expect(interiorInk(box(60, false), 20, 20)).toBeNull();
    expect(inkState(null)).toBeNull();
  });
});
