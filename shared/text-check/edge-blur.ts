/**
 * How blurred a glyph's edges are, relative to its height. A sharp rendering goes from ground to
 * ink within about a pixel (its anti-aliased rim); a blurred one spreads that step over several,
 * and features a tenth of the glyph's height across — the square corner of a monospaced l's bar
 * against the sloped top of a 1's flag — melt into the same rounded blob.
 *
 * The measure: around the glyph's box, the pixels halfway between ground and ink (25–75 % of the
 * contrast) per pixel of outline (ink pixels with a ground neighbour at the 50 % cut) is the width
 * of the step in pixels; divided by the glyph's height in the same pixels.
 */
import type { Box, GreyImage } from './glyph-check';

export function edgeBlur(img: GreyImage, box: Box, glyphHeight: number): number {
  const m = Math.max(2, Math.round((box.y1 - box.y0) * 0.15));
  const x0 = Math.max(0, box.x0 - m);
  const y0 = Math.max(0, box.y0 - m);
  const x1 = Math.min(img.width, box.x1 + m);
  const y1 = Math.min(img.height, box.y1 + m);
  if (x1 - x0 < 3 || y1 - y0 < 3 || glyphHeight <= 0) return 0;
  const hist = new Uint32Array(256);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) hist[img.data[y * img.width + x]]++;
  const total = (x1 - x0) * (y1 - y0);
  const at = (q: number) => {
    let n = 0;
    for (let v = 0; v < 256; v++) {
      n += hist[v];
      if (n >= q * total) return v;
    }
    return 255;
  };
  const lo = at(0.02);
  const hi = at(0.98);
  const c = hi - lo;
  if (c < 32) return 0;
  const cut = lo + c / 2;
  let mid = 0;
  let outline = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const v = img.data[y * img.width + x];
      if (v > lo + c * 0.25 && v < lo + c * 0.75) mid++;
      // One side of the 50 % cut (the darker), pixels with a neighbour on the other side.
      if (v >= cut || x === x0 || y === y0 || x === x1 - 1 || y === y1 - 1) continue;
      const i = y * img.width + x;
      if (img.data[i - 1] >= cut || img.data[i + 1] >= cut || img.data[i - img.width] >= cut || img.data[i + img.width] >= cut) outline++;
    }
  return outline ? mid / outline / glyphHeight : 0;
}
