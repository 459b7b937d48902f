/** Cropping a coverage to the pixels it sets: zeros add and subtract nothing, so they need not be carried or applied. */
import type { Coverage } from './tiled-mask';

/**
 * The same coverage cut down to the bounding box of its non-zero values (an empty 0×0 rect at its
 * origin when it has none). Applying it with 'add' or 'subtract' gives the same mask as the whole.
 */
export function trimCoverage(cov: Coverage): Coverage {
  const { rect, data } = cov;
  const W = rect.width;
  let y0 = -1;
  let y1 = -1;
  let x0 = W;
  let x1 = -1;
  for (let y = 0; y < rect.height; y++) {
    const row = y * W;
    let a = 0;
    while (a < W && data[row + a] === 0) a++;
    if (a === W) continue;
    let b = W - 1;
    while (data[row + b] === 0) b--;
    if (y0 < 0) y0 = y;
    y1 = y;
    if (a < x0) x0 = a;
    if (b > x1) x1 = b;
  }
  if (y0 < 0) return { rect: { x: rect.x, y: rect.y, width: 0, height: 0 }, data: new Uint8Array(0) };
  if (x0 === 0 && y0 === 0 && x1 === W - 1 && y1 === rect.height - 1) return cov;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) out.set(data.subarray((y0 + y) * W + x0, (y0 + y) * W + x1 + 1), y * w);
  return { rect: { x: rect.x + x0, y: rect.y + y0, width: w, height: h }, data: out };
}
