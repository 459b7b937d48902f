/**
 * Ink masks of text. Otsu's threshold on the grey values (it sits halfway between the ink's and the
 * background's mean grey — the "midpoint" threshold is Otsu's own fixed point, so it changes
 * nothing); the ink is the minority class.
 *
 * Light text on a dark ground binarises bolder than dark text on light: renderers and cameras mix a
 * glyph's anti-aliased rim with the ground in linear light, so a half-covered pixel is much nearer
 * the light colour in sRGB grey (Debian's DejaVu Sans "rn" at 20 px carries 37 % more ink light on
 * dark than dark on light, measured as grey distance from the ground). `balanced` turns light ink
 * into its linear-light negative first — dark ink on a light ground with the same coverage — so
 * both polarities binarise alike. It is used only where gaps between letters are measured (the rn/m
 * rule's evidence); the glyph shapes keep the plain threshold their checks were tuned on.
 */
import type { Box, GreyImage } from './glyph-check';

const linear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const encode = (l: number) => Math.round(255 * (l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055));
const IDENTITY = Uint8Array.from({ length: 256 }, (_, v) => v);
/** Grey value of the linear-light negative. */
const NEGATIVE = Uint8Array.from({ length: 256 }, (_, v) => encode(1 - linear(v)));

/** Ink mask of a box: Otsu threshold inside the box grown by `pad`, ink = the minority class. */
export function inkOf(img: GreyImage, box: Box, pad: number, balanced = false): { ink: Uint8Array; w: number; h: number } {
  const w = Math.max(1, box.x1 - box.x0);
  const h = Math.max(1, box.y1 - box.y0);
  const gx0 = Math.max(0, box.x0 - pad);
  const gx1 = Math.min(img.width, box.x1 + pad);
  const gy0 = Math.max(0, box.y0 - pad);
  const gy1 = Math.min(img.height, box.y1 + pad);
  const histOf = (map: Uint8Array) => {
    const hist = new Uint32Array(256);
    for (let y = gy0; y < gy1; y++) for (let x = gx0; x < gx1; x++) hist[map[img.data[y * img.width + x]]]++;
    return hist;
  };
  let map = IDENTITY;
  let hist = histOf(map);
  let t = otsu(hist);
  let below = 0;
  let total = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v];
    if (v <= t) below += hist[v];
  }
  let darkInk = below <= total - below;
  if (!darkInk && balanced) {
    map = NEGATIVE;
    hist = histOf(map);
    t = otsu(hist);
    darkInk = true;
  }
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const px = box.x0 + x;
      const py = box.y0 + y;
      if (px < 0 || py < 0 || px >= img.width || py >= img.height) continue;
      const v = map[img.data[py * img.width + px]];
      ink[y * w + x] = (darkInk ? v <= t : v > t) ? 1 : 0;
    }
  return { ink, w, h };
}

export function otsu(hist: Uint32Array): number {
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v];
    sum += v * hist[v];
  }
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let t = 127;
  for (let v = 0; v < 256; v++) {
    wB += hist[v];
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += v * hist[v];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      t = v;
    }
  }
  return t;
}
