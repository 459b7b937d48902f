/**
 * The fill's first layers leaned towards their known neighbours (issue 13): a hole pixel that touches
 * the photo takes `SOFTEN[0]` of the mean of its known 8-neighbours, the next layer `SOFTEN[1]` of the
 * mean of its known and first-layer neighbours. The exemplar's or the copy's own first pixels can step
 * from the photo beside them (a source patch of another shade, a copied block's edge); this blends that
 * step over two pixels, as a retoucher's healing brush does at its rim, while the texture further in is
 * left as it was.
 */
import type { Layer } from './region';

/** How far the first and second hole layers move towards their neighbours' mean. */
export const SOFTEN = [0.5, 0.25] as const;

export function softenSeam(layer: Layer): void {
  const { width: w, height: h, pix, hole } = layer;
  // 0 known, 1 hole, 2 first layer (touches a known pixel), 3 second layer.
  const ring = new Uint8Array(w * h);
  const first: number[] = [];
  for (let y = 0; y < h; y++)
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (!hole[i]) continue;
      ring[i] = 1;
      if ((x > 0 && !hole[i - 1]) || (x < w - 1 && !hole[i + 1]) || (y > 0 && !hole[i - w]) || (y < h - 1 && !hole[i + w])) {
        ring[i] = 2;
        first.push(i);
      }
    }
  const second: number[] = [];
  for (const i of first) {
    const x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w])
      if (j >= 0 && j < w * h && ring[j] === 1) {
        ring[j] = 3;
        second.push(j);
      }
  }
  const lean = (list: number[], a: number, counts: (k: number) => boolean) => {
    const next = new Float32Array(list.length * 3);
    for (let n = 0; n < list.length; n++) {
      const i = list[n];
      const x = i % w;
      const y = (i - x) / w;
      let r = 0;
      let g = 0;
      let b = 0;
      let k = 0;
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1]) {
        if (j < 0 || !counts(ring[j])) continue;
        r += pix[j * 4];
        g += pix[j * 4 + 1];
        b += pix[j * 4 + 2];
        k++;
      }
      const p = i * 4;
      next[n * 3] = k ? pix[p] + a * (r / k - pix[p]) : pix[p];
      next[n * 3 + 1] = k ? pix[p + 1] + a * (g / k - pix[p + 1]) : pix[p + 1];
      next[n * 3 + 2] = k ? pix[p + 2] + a * (b / k - pix[p + 2]) : pix[p + 2];
    }
    for (let n = 0; n < list.length; n++) for (let c = 0; c < 3; c++) pix[list[n] * 4 + c] = next[n * 3 + c];
  };
  lean(first, SOFTEN[0], (v) => v === 0);
  lean(second, SOFTEN[1], (v) => v === 0 || v === 2);
}
