/**
 * A deliberately naive second baseline for the fill bench.
 */
import { HOLE_THRESHOLD, type RgbaImage } from '../../shared/engine';

/**
 * Mean-colour fill: every hole pixel becomes the mean RGBA of the known pixels that touch the
 * hole (4-neighbours). What a "just paint it over" tool does; no texture, a visible seam.
 */
export function meanColourFill(image: RgbaImage, mask: Uint8Array): RgbaImage {
  const { width: w, height: h } = image;
  const out: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(image.data) };
  const sum = [0, 0, 0, 0];
  let n = 0;
  const isHole = (i: number) => mask[i] > HOLE_THRESHOLD;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (isHole(i)) continue;
      const touches = (x > 0 && isHole(i - 1)) || (x < w - 1 && isHole(i + 1)) || (y > 0 && isHole(i - w)) || (y < h - 1 && isHole(i + w));
      if (!touches) continue;
      for (let c = 0; c < 4; c++) sum[c] += image.data[i * 4 + c];
      n++;
    }
  }
  const fill = n === 0 ? [128, 128, 128, 255] : sum.map((s) => Math.round(s / n));
  for (let i = 0; i < mask.length; i++) {
    if (!isHole(i)) continue;
    for (let c = 0; c < 4; c++) out.data[i * 4 + c] = fill[c];
  }
  return out;
}

/** Counts the hole pixels of a mask. */
export function holeArea(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] > HOLE_THRESHOLD) n++;
  return n;
}
