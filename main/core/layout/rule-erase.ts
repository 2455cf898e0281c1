// Ruling lines taken out of a scanned page before OCR. A table's borders and row lines touch the
// letters in its cells, and tesseract then reads them as letters ('|', '[', 'l', '1') or fuses a cell
// into its neighbour ('[1062023 [e3 |' for '10/16/2023 93'). The rules themselves are still read,
// from the page as scanned (pixel-boxes.ts pixelRules), for the layout model's tables.
import type { GreyImage } from './pixel-boxes';

/**
 * A copy of `img` with its ruling lines whitened: dark runs at least 0.4 in long (gaps of two pixels
 * allowed) whose thickness across the run is at most 0.03 in. A letter's stroke crossing a rule is
 * thicker across it than the rule, so it stays; so do filled bands (shaded header rows) and text,
 * whose runs along a pixel row are never that long. A page is left as it is without a ruled table
 * (three vertical rules) or without three level rules 2 in long (a photo taken at a slant).
 */
export function withoutRules(img: GreyImage, dpi: number, threshold = 200): Uint8Array {
  const { pixels, width, height } = img;
  const out = Uint8Array.from(pixels);
  const minLength = Math.round(dpi * 0.4);
  const maxThick = Math.max(2, Math.round(dpi * 0.03));
  const dark = (x: number, y: number) => pixels[y * width + x] < threshold;
  // Along one line of pixels (a row, or a column), every run of dark long enough to be a rule.
  const eachRun = (lines: number, length: number, at: (line: number, t: number) => boolean, erase: (line: number, t: number) => void) => {
    for (let line = 0; line < lines; line++) {
      let start = -1;
      let last = -1;
      for (let t = 0; t <= length; t++) {
        if (t < length && at(line, t)) {
          if (start < 0) start = t;
          last = t;
        } else if (start >= 0 && (t - last > 2 || t === length)) {
          if (last - start + 1 >= minLength) for (let u = start; u <= last; u++) if (at(line, u)) erase(line, u);
          start = -1;
        }
      }
    }
  };
  // Whitens the dark pixels across the rule at one point, and the grey fringe the scan's blur left
  // beside them, unless the dark there is thicker than a rule (a letter or a filled area).
  const across = (get: (s: number) => boolean, inRange: (s: number) => boolean, set: (s: number) => void, fringe: (s: number) => void, at: number) => {
    let a = at;
    let b = at;
    while (inRange(a - 1) && get(a - 1) && at - a < maxThick) a--;
    while (inRange(b + 1) && get(b + 1) && b - at < maxThick) b++;
    if (b - a + 1 > maxThick) return;
    for (let s = a; s <= b; s++) set(s);
    for (const s of [a - 1, a - 2, b + 1, b + 2]) if (inRange(s)) fringe(s);
  };
  const light = (i: number) => {
    if (pixels[i] >= threshold) out[i] = 255;
  };
  // Only a page with a ruled table is touched: three vertical rules or more (a box around a form is two)
  const columns: number[] = [];
  eachRun(width, height, (x, y) => dark(x, y), (x) => {
    if (columns.at(-1) !== x) columns.push(x);
  });
  if (columns.filter((x, i) => i === 0 || x - columns[i - 1] > dpi * 0.2).length < 3) return out;
  // And only level rules: on a photo taken at a slant (perspective) a rule crosses rows of pixels
  // every few tenths of an inch, its pieces erased would leave stubs that read as marks.
  let level = 0;
  let lastLevel = -Infinity;
  const k = maxThick + 1;
  for (let y = k; y < height - k && level < 3; y++) {
    let run = 0;
    // Thin dark: a shaded band is dark along a row too, but not a rule.
    for (let x = 0, gap = 0; x < width && run < dpi * 2; x++) {
      if (dark(x, y) && !dark(x, y - k) && !dark(x, y + k)) [run, gap] = [run + 1 + gap, 0];
      else if (++gap > 2) [run, gap] = [0, 0];
    }
    // Rows of one rule count once.
    if (run >= dpi * 2 && y - lastLevel > k) level++;
    if (run >= dpi * 2) lastLevel = y;
  }
  if (level < 3) return out;
  eachRun(height, width, (y, x) => dark(x, y), (y, x) =>
    across((s) => dark(x, s), (s) => s >= 0 && s < height, (s) => (out[s * width + x] = 255), (s) => light(s * width + x), y),
  );
  eachRun(width, height, (x, y) => dark(x, y), (x, y) =>
    // Across a vertical rule, the dark left by the first pass: where a row line crossed it is gone.
    across((s) => out[y * width + s] < threshold, (s) => s >= 0 && s < width, (s) => (out[y * width + s] = 255), (s) => light(y * width + s), x),
  );
  return out;
}
