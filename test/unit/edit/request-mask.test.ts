/**
 * scaleRequestMask scales only the part of the request within reach of the mask: the result equals
 * the whole mask scaled by libvips and thresholded, for enlargements, reductions (small and large)
 * and the identity, with the mask in the middle or touching an edge.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { scaleRequestMask } from '../../../electron/main/edit/request-pixels';
import { MASK_ON } from '../../../shared/mask/threshold';

/** The whole mask scaled (linear) and thresholded: what scaleRequestMask did before it was windowed. */
async function wholeScale(mask: Uint8Array, w: number, h: number, rw: number, rh: number): Promise<Uint8Array> {
  let m = sharp(mask, { raw: { width: w, height: h, channels: 1 } });
  if (rw !== w || rh !== h) m = m.resize(rw, rh, { fit: 'fill', kernel: 'linear' });
  const scaled = await m.extractChannel(0).raw().toBuffer();
  return Uint8Array.from(scaled, (v) => (v >= MASK_ON ? 255 : 0));
}

/** A blob (ellipse plus a one-pixel spur) at (cx, cy), radii rx × ry. */
function blob(w: number, h: number, cx: number, cy: number, rx: number, ry: number): Uint8Array {
  const m = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) m[y * w + x] = 255;
  const sx = Math.min(w - 1, Math.round(cx + rx + 3));
  m[Math.round(cy) * w + sx] = 255;
  return m;
}

describe('scaleRequestMask', () => {
  const cases: [string, number, number, number, number, [number, number, number, number]][] = [
    ['slight enlargement', 1400, 1200, 1456, 1248, [700, 600, 350, 250]],
    ['5× enlargement', 200, 150, 1000, 750, [100, 70, 30, 20]],
    ['2× reduction', 2048, 1536, 1024, 768, [900, 800, 200, 150]],
    ['3.7× reduction', 3000, 2000, 811, 541, [1500, 1000, 400, 300]],
    ['identity', 640, 480, 640, 480, [320, 240, 100, 80]],
    ['mask at the edge', 1200, 900, 1024, 768, [5, 890, 60, 40]],
  ];
  for (const [name, w, h, rw, rh, [cx, cy, rx, ry]] of cases) {
    it(`${name}: the same as the whole mask scaled`, async () => {
      const mask = blob(w, h, cx, cy, rx, ry);
      const region = { x: 0, y: 0, width: w, height: h };
      const got = await scaleRequestMask(mask, region, { width: rw, height: rh });
      const want = await wholeScale(mask, w, h, rw, rh);
      expect(got.length).toBe(want.length);
      let diff = 0;
      let on = 0;
      for (let i = 0; i < want.length; i++) {
        if (got[i] !== want[i]) diff++;
        if (want[i]) on++;
      }
      expect(on).toBeGreaterThan(0);
      expect(diff).toBe(0);
    });
  }

  it('an empty mask scales to an empty one', async () => {
    const got = await scaleRequestMask(new Uint8Array(100 * 80), { x: 0, y: 0, width: 100, height: 80 }, { width: 64, height: 48 });
    expect(got.every((v) => v === 0)).toBe(true);
  });
});
