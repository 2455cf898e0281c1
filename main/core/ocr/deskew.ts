// Skew estimation by projection profiles: rotate the dark pixels of a small binarised copy by
// candidate angles and keep the angle whose row histogram is sharpest (text lines then fall into
// few rows with white gaps between them, which maximises the sum of squared row counts).

export interface GrayImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** Otsu's threshold of an 8-bit grey image. */
export function otsuThreshold(pixels: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < pixels.length; i++) hist[pixels[i]]++;
  const total = pixels.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * hist[t];
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let bestT = 127;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t];
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * hist[t];
    const meanB = sumB / weightB;
    const meanF = (sumAll - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > best) {
      best = between;
      bestT = t;
    }
  }
  return bestT;
}

/**
 * Estimated skew in degrees (positive = text runs downhill to the right, i.e. the page is
 * rotated clockwise); rotate the image by the negative to straighten it. Expects a downscaled
 * page (about 600-1000 px wide) for speed. Returns 0 when the page shows no clear lines.
 */
export function estimateSkewDegrees(img: GrayImage, maxDegrees = 6): number {
  const { pixels, width, height } = img;
  const threshold = otsuThreshold(pixels);
  // Ignore a margin: scanner lids and desk edges make long dark borders that are not text.
  const mx = Math.round(width * 0.04);
  const my = Math.round(height * 0.03);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = my; y < height - my; y++) {
    for (let x = mx; x < width - mx; x++) {
      if (pixels[y * width + x] < threshold) {
        xs.push(x - width / 2);
        ys.push(y);
      }
    }
  }
  if (xs.length < 200 || xs.length > width * height * 0.5) return 0;
  const score = (deg: number) => profileSharpness(xs, ys, deg, height);
  let best = 0;
  let bestScore = score(0);
  for (let deg = -maxDegrees; deg <= maxDegrees + 1e-9; deg += 0.5) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  const coarse = best;
  for (let deg = coarse - 0.5; deg <= coarse + 0.5 + 1e-9; deg += 0.05) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  // A flat profile (pictures, blank pages) gives no reliable angle.
  const flat = score(maxDegrees + 20);
  if (bestScore < flat * 1.05) return 0;
  return Math.round(best * 100) / 100;
}

function profileSharpness(xs: number[], ys: number[], deg: number, height: number): number {
  const t = Math.tan((deg * Math.PI) / 180);
  const pad = Math.ceil(Math.abs(t) * 2000) + 2;
  const bins = new Float64Array(height + 2 * pad);
  for (let i = 0; i < xs.length; i++) {
    const row = Math.round(ys[i] - xs[i] * t) + pad;
    if (row >= 0 && row < bins.length) bins[row]++;
  }
  let sum = 0;
  for (let i = 0; i < bins.length; i++) sum += bins[i] * bins[i];
  return sum;
}
