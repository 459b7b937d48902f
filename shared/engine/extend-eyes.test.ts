import { describe, expect, it } from 'vitest';
import { inpaint } from './inpaint';
import { boxMask, makeImage } from './test-helpers';
import type { RgbaImage } from './types';

/**
 * Fur: short slanted light and dark strands over a tan ground (a busy, fine texture whose patches all
 * have look-alikes), with two cat's eyes in the middle — a green iris, a black pupil and a dark rim,
 * each ≈ 34 px across — well inside the centre half, so the extension should be fur only.
 */
function furWithEyes(w: number, h: number): RgbaImage {
  let s = 4242;
  const rand = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  // Strands: per 6 × 6 cell one stroke along the fur's direction, light or dark.
  const strand = new Float32Array(w * h);
  for (let cy = 0; cy < h; cy += 6)
    for (let cx = 0; cx < w; cx += 6) {
      const x0 = cx + rand() * 6,
        y0 = cy + rand() * 6,
        v = (rand() - 0.5) * 90,
        len = 6 + rand() * 8;
      for (let t = 0; t < len; t++) {
        const x = Math.round(x0 + t * 0.8),
          y = Math.round(y0 + t * 0.45);
        if (x < w && y < h) strand[y * w + x] += v;
      }
    }
  const eyes = [
    [0.4 * w, 0.42 * h],
    [0.6 * w, 0.42 * h],
  ];
  return makeImage(w, h, (x, y) => {
    for (const [ex, ey] of eyes) {
      const d = Math.hypot((x - ex) / 1.25, y - ey);
      if (d < 4.5) return [8, 8, 8];
      if (d < 11) return [150 - 4 * d, 170 - 3 * d, 60];
      if (d < 14) return [25, 20, 15];
    }
    const v = strand[y * w + x] + (rand() - 0.5) * 12;
    return [165 + v, 130 + v, 95 + v * 0.8];
  });
}

const luma = (d: ArrayLike<number>, i: number) => 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];

describe('outpaint: a pair of small, high-contrast eyes is not copied into the fur', () => {
  it('extends the fur around two eyes without green iris or dark rim pieces', () => {
    // Before the distinctness was measured at twice the scale too, a 5 × 5 patch of an eye's rim
    // had a look-alike a few px further along the rim (and each eye in the other), so it counted as
    // common as fur, and pieces of the eyes — green iris, dark rim and pupil — were pasted into the
    // extension (chelsea's outpaint: cat eyes in the fur at both sides).
    const w = 400,
      h = 240;
    const img = furWithEyes(w, h);
    const right = boxMask(w, h, (3 * w) / 4, 0, w, h);
    const mask = boxMask(w, h, 0, 0, w / 4, h).map((v, i) => v | right[i]);
    for (const seed of [1, 2]) {
      const out = inpaint(img, mask, { seed });
      let green = 0,
        dark = 0;
      for (let i = 0; i < mask.length; i++) {
        if (!mask[i]) continue;
        const x = i % w;
        // Beyond 4 px from the band (the mirrored fade there is the band's own fur).
        if (x >= w / 4 - 4 && x < (3 * w) / 4 + 4) continue;
        const d = out.data;
        if (d[i * 4 + 1] > d[i * 4] + 8) green++;
        if (luma(d, i * 4) < 35) dark++;
      }
      expect({ seed, green, dark }).toEqual({ seed, green: 0, dark: 0 });
    }
  }, 60_000);
});
