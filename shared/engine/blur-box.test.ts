import { describe, expect, it } from 'vitest';
import { blurOwnSide } from './blur-box';
import { blurOwnSideBoxes, blurSideBoxes, boxWidthsFor } from './box-cascade-blur';

/** A busy image with an irregular hole, so the two sides differ everywhere. */
function scene(w: number, h: number) {
  const pix = new Float32Array(w * h * 4);
  const hole = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const x = i % w,
      y = (i - x) / w;
    hole[i] = (x - w / 2) ** 2 + 2 * (y - h / 2) ** 2 < (w * h) / 8 || (x > w - 9 && y < 6) ? 1 : 0;
    pix.set([(x * 37 + y * 11) % 251, 128 + 90 * Math.sin(x / 3) * Math.cos(y / 5), hole[i] ? 220 : 30, 255], i * 4);
  }
  return { pix, hole };
}

/** The cascade's 1-D kernel: three box kernels convolved. */
function cascadeKernel(widths: number[]): number[] {
  let k = [1];
  for (const wd of widths) {
    const out = new Array(k.length + wd - 1).fill(0);
    for (let i = 0; i < k.length; i++) for (let j = 0; j < wd; j++) out[i + j] += k[i];
    k = out;
  }
  return k;
}

describe('blurOwnSideBoxes (the detail blur for σ ≥ 4)', () => {
  it('chooses box widths whose cascade variance is close to σ²', () => {
    for (const sigma of [2, 4, 5.5, 8, 13]) {
      const ws = boxWidthsFor(sigma);
      for (const wd of ws) expect(wd % 2).toBe(1);
      const variance = ws.reduce((a, wd) => a + (wd * wd - 1) / 12, 0);
      expect(Math.abs(variance - sigma * sigma) / (sigma * sigma)).toBeLessThan(0.2);
    }
  });

  it('equals the normalised convolution with the cascade kernel, per side, summed directly', () => {
    const w = 41,
      h = 33;
    const { pix, hole } = scene(w, h);
    const box = { x0: 4, y0: 3, x1: 36, y1: 28 };
    const sigma = 4.5;
    const k = cascadeKernel(boxWidthsFor(sigma));
    const R = (k.length - 1) / 2;
    const got = blurOwnSideBoxes(pix, w, h, box, sigma, hole);
    const bw = box.x1 - box.x0 + 1;
    for (let y = box.y0; y <= box.y1; y++) {
      for (let x = box.x0; x <= box.x1; x++) {
        const side = hole[y * w + x];
        const acc = [0, 0, 0];
        let sw = 0;
        for (let dy = -R; dy <= R; dy++) {
          for (let dx = -R; dx <= R; dx++) {
            const xx = x + dx,
              yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= w || yy >= h || hole[yy * w + xx] !== side) continue;
            const wt = k[dx + R] * k[dy + R];
            for (let c = 0; c < 3; c++) acc[c] += wt * pix[(yy * w + xx) * 4 + c];
            sw += wt;
          }
        }
        const j = ((y - box.y0) * bw + (x - box.x0)) * 3;
        for (let c = 0; c < 3; c++) expect(got[j + c]).toBeCloseTo(acc[c] / sw, 3);
      }
    }
  });

  it('blurs the hole side again over an earlier blur to the same floats as a fresh blur, after hole pixels changed (the finish after relax)', () => {
    const w = 47,
      h = 39;
    const { pix, hole } = scene(w, h);
    const box = { x0: 2, y0: 1, x1: 44, y1: 36 };
    for (const sigma of [4, 6.5, 8]) {
      const low = blurOwnSideBoxes(pix, w, h, box, sigma, hole);
      const changed = pix.slice();
      for (let i = 0; i < w * h; i++) if (hole[i]) for (let c = 0; c < 3; c++) changed[i * 4 + c] = (i * 13 + c * 71) % 256;
      blurSideBoxes(changed, w, h, box, sigma, hole, 0, low);
      const fresh = blurOwnSideBoxes(changed, w, h, box, sigma, hole);
      expect(Buffer.from(low.buffer).equals(Buffer.from(fresh.buffer))).toBe(true);
    }
  });

  it('stays close to the Gaussian blurOwnSide and keeps a constant side constant', () => {
    const w = 90,
      h = 70;
    const { pix, hole } = scene(w, h);
    const box = { x0: 10, y0: 8, x1: 79, y1: 61 };
    for (const sigma of [4, 8]) {
      const boxes = blurOwnSideBoxes(pix, w, h, box, sigma, hole);
      const gauss = blurOwnSide(pix, w, h, box, sigma, hole);
      let sum = 0;
      for (let i = 0; i < boxes.length; i++) sum += Math.abs(boxes[i] - gauss[i]);
      expect(sum / boxes.length).toBeLessThan(0.6); // grey levels, on a 0–255 busy image
    }
    // Blue is 220 in the hole and 30 outside: each side's blur keeps its own constant.
    const out = blurOwnSideBoxes(pix, w, h, box, 6, hole);
    const bw = box.x1 - box.x0 + 1;
    for (let y = box.y0; y <= box.y1; y++)
      for (let x = box.x0; x <= box.x1; x++)
        expect(out[((y - box.y0) * bw + x - box.x0) * 3 + 2]).toBeCloseTo(hole[y * w + x] ? 220 : 30, 3);
  });
});
