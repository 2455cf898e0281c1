// Whether a small box image (a checkbox as a PDF draws it with a picture, or as a scan shows it) is
// marked: the share of dark pixels inside its frame, once the frame itself is trimmed away.

/** Dark-pixel share inside a box at or above which it is ticked, and at or below which it is empty. */
export const TICKED_INK = 0.08;
export const EMPTY_INK = 0.025;

/**
 * Reads a box whose pixels `dark(x, y)` reports over `width` x `height`: the frame is the run of
 * mostly-dark rows and columns at each edge; the interior starts one pixel further in. Returns the
 * interior's dark share, or null when no frame closes it (then it is not a box).
 */
export function interiorInk(dark: (x: number, y: number) => boolean, width: number, height: number): number | null {
  const rowDark = (y: number, x0: number, x1: number) => {
    let n = 0;
    for (let x = x0; x < x1; x++) if (dark(x, y)) n++;
    return n / Math.max(1, x1 - x0);
  };
  const colDark = (x: number, y0: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) if (dark(x, y)) n++;
    return n / Math.max(1, y1 - y0);
  };
  const edge = 0.7;
  const limit = (n: number) => Math.max(1, Math.floor(n / 3));
  let top = 0;
  while (top < limit(height) && rowDark(top, 0, width) < edge) top++;
  if (top >= limit(height)) return null;
  while (top < limit(height) && rowDark(top, 0, width) >= edge) top++;
  let bottom = height - 1;
  while (bottom > height - 1 - limit(height) && rowDark(bottom, 0, width) < edge) bottom--;
  if (bottom <= height - 1 - limit(height)) return null;
  while (bottom > height - 1 - limit(height) && rowDark(bottom, 0, width) >= edge) bottom--;
  let left = 0;
  while (left < limit(width) && colDark(left, top, bottom + 1) < edge) left++;
  if (left >= limit(width)) return null;
  while (left < limit(width) && colDark(left, top, bottom + 1) >= edge) left++;
  let right = width - 1;
  while (right > width - 1 - limit(width) && colDark(right, top, bottom + 1) < edge) right--;
  if (right <= width - 1 - limit(width)) return null;
  while (right > width - 1 - limit(width) && colDark(right, top, bottom + 1) >= edge) right--;
  // One pixel in from the frame: anti-aliased frame edges are not a mark.
  const x0 = left + 1;
  const x1 = right - 1;
  const y0 = top + 1;
  const y1 = bottom - 1;
  if (x1 < x0 || y1 < y0) return null;
  let n = 0;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (dark(x, y)) n++;
  return n / ((x1 - x0 + 1) * (y1 - y0 + 1));
}

/** true, false or null (unreadable) from an interior dark share. */
export function inkState(ink: number | null): boolean | null {
  if (ink === null) return null;
  if (ink >= TICKED_INK) return true;
  if (ink <= EMPTY_INK) return false;
  return null;
}

/** pdf.js image data kinds: 1 = 1 bit grey (rows padded to bytes), 2 = RGB, 3 = RGBA. */
export function pdfImageDark(img: { width: number; height: number; kind: number; data: Uint8Array | Uint8ClampedArray }): (x: number, y: number) => boolean {
  const { width, kind, data } = img;
  if (kind === 1) {
    const stride = Math.ceil(width / 8);
    return (x, y) => ((data[y * stride + (x >> 3)] >> (7 - (x & 7))) & 1) === 0;
  }
  const bpp = kind === 2 ? 3 : 4;
  return (x, y) => {
    const i = (y * width + x) * bpp;
    if (bpp === 4 && data[i + 3] < 128) return false;
    return data[i] * 0.299 + data[i + 1] * 0.587 + data[i + 2] * 0.114 < 128;
  };
}
