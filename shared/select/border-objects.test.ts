import { describe, expect, it } from 'vitest';
import { memorySource, selectObject } from '.';
import { withoutCutObjects } from './border-objects';
import { Gmm, GMM_COMPONENTS, kmeansComponents } from './gmm';
import { toRgbFloat } from './grabcut';
import type { RgbaImage } from './rgba';
import { rng } from './test-scenes';

/** Sweets on white paper: discs of three colours, two of them cut by the frame, with a little noise. */
function sweets(): { img: RgbaImage; truth: Uint8Array } {
  const w = 240;
  const h = 200;
  const data = new Uint8Array(w * h * 4);
  const truth = new Uint8Array(w * h);
  const r = rng(7);
  const discs: [number, number, number, [number, number, number]][] = [
    [60, 60, 18, [220, 20, 10]],
    [150, 90, 18, [20, 200, 70]],
    [110, 150, 18, [60, 25, 30]],
    [2, 120, 22, [220, 20, 10]], // cut by the left edge
    [170, 198, 22, [20, 200, 70]], // cut by the bottom edge
    [200, 2, 22, [60, 25, 30]], // cut by the top edge
  ];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      let c: [number, number, number] = [250, 250, 250];
      for (const [cx, cy, rad, col] of discs) {
        if ((x - cx) ** 2 + (y - cy) ** 2 <= rad * rad) {
          c = col;
          truth[p] = 1;
        }
      }
      for (let k = 0; k < 3; k++) data[p * 4 + k] = Math.max(0, Math.min(255, c[k] + Math.round((r() - 0.5) * 8)));
      data[p * 4 + 3] = 255;
    }
  }
  return { img: { width: w, height: h, data }, truth };
}

describe('select subject and objects cut by the frame', () => {
  it('selects every sweet, also those whose colour the frame cuts through', () => {
    const { img, truth } = sweets();
    const res = selectObject(memorySource(img), {});
    const { rect, data } = res.coverage;
    // Each of the three inner discs is covered (without the change the red and green ones were background).
    for (const [cx, cy] of [
      [60, 60],
      [150, 90],
      [110, 150],
    ]) {
      let hit = 0;
      let all = 0;
      for (let y = cy - 12; y <= cy + 12; y++) {
        for (let x = cx - 12; x <= cx + 12; x++) {
          all++;
          if (data[(y - rect.y) * rect.width + (x - rect.x)] >= 128) hit++;
        }
      }
      expect(hit / all, `disc at ${cx},${cy}`).toBeGreaterThan(0.9);
    }
    let inter = 0;
    let union = 0;
    for (let p = 0; p < truth.length; p++) {
      const s = data[p] >= 128 ? 1 : 0;
      inter += s & truth[p];
      union += s | truth[p];
    }
    expect(inter / union).toBeGreaterThan(0.85);
  });

  it('keeps the border model whole on a busy frame (no light, plain backdrop)', () => {
    const w = 120;
    const h = 80;
    const data = new Uint8Array(w * h * 4);
    // Dark green foliage along the frame with a sky-blue patch on one short stretch of the top.
    for (let p = 0; p < w * h; p++) {
      const x = p % w;
      const y = (p - x) / w;
      const sky = y < 6 && x > 50 && x < 62;
      data.set(sky ? [120, 170, 230, 255] : [40, 90 + ((x * 7 + y * 3) % 20), 35, 255], p * 4);
    }
    const rgb = toRgbFloat({ width: w, height: h, data });
    const idx = new Int32Array(w * h);
    let nb = 0;
    for (let p = 0; p < w * h; p++) {
      const x = p % w;
      const y = (p - x) / w;
      if (x < 4 || y < 4 || x >= w - 4 || y >= h - 4) idx[nb++] = p;
    }
    const comp = new Uint8Array(w * h);
    kmeansComponents(rgb, idx, nb, GMM_COMPONENTS, comp);
    const gmm = new Gmm();
    gmm.learn(rgb, idx, nb, comp);
    expect(withoutCutObjects(gmm, idx, nb, comp, w, h)).toBe(nb);
  });
});
