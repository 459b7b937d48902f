/**
 * Moving the current fill from one pyramid level to the next finer one.
 */
import type { Level } from './pyramid';

/**
 * Initialises the hole pixels of `fine` by bilinear interpolation of the (already filled)
 * `coarse` level, which has half the size. Known pixels of `fine` are left untouched.
 * The result only seeds the first patch search on the finer level; the vote replaces it.
 */
export function upsampleLevelImage(fine: Level, coarse: Level): void {
  const { width: w, height: h, pix, hole } = fine;
  const { width: cw, height: ch, pix: cpix } = coarse;
  const sx = cw / w,
    sy = ch / h;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), ch - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, ch - 1);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!hole[i]) continue;
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), cw - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, cw - 1);
      const tx = fx - x0;
      const a = (y0 * cw + x0) * 4,
        b = (y0 * cw + x1) * 4;
      const c = (y1 * cw + x0) * 4,
        d = (y1 * cw + x1) * 4;
      for (let k = 0; k < 4; k++) {
        const top = cpix[a + k] + (cpix[b + k] - cpix[a + k]) * tx;
        const bot = cpix[c + k] + (cpix[d + k] - cpix[c + k]) * tx;
        pix[i * 4 + k] = top + (bot - top) * ty;
      }
    }
  }
}
