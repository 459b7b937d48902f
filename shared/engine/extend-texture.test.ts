import { describe, expect, it } from 'vitest';
import { inpaint } from './inpaint';
import { boxMask, makeImage } from './test-helpers';
import type { RgbaImage } from './types';

/**
 * A plain wall above a grainy cork floor (drum-table's wall and floor), large enough that the
 * extension works at a reduced scale (f = 2) and copies its full-resolution grain through the field.
 */
const W = 480,
  H = 400;
function wallAndFloor(): RgbaImage {
  let s = 7;
  const grain = new Float32Array(W * H).map(() => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff - 0.5;
  });
  return makeImage(W, H, (x, y) => {
    const i = y * W + x;
    if (y < H / 2) {
      const v = 4 * grain[i];
      return [200 + v, 170 + v, 150 + v];
    }
    const v = 60 * (grain[i] + grain[Math.min(W * H - 1, i + 1)]);
    return [185 + v, 150 + 0.8 * v, 120 + 0.6 * v];
  });
}

/**
 * Mean luma gradient magnitude over rows [y0, y1) of the hole (`inHole`) or of the known pixels, and
 * the ratio of its horizontal to its vertical part (smears along the rows lower it).
 */
function meanGradient(img: RgbaImage, mask: Uint8Array, y0: number, y1: number, inHole: boolean): [number, number] {
  const d = img.data;
  const luma = (i: number) => 0.299 * d[i * 4] + 0.587 * d[i * 4 + 1] + 0.114 * d[i * 4 + 2];
  let sum = 0,
    n = 0,
    gh = 0,
    gv = 0;
  for (let y = y0; y < y1 - 1; y++)
    for (let x = 0; x < W - 1; x++) {
      const i = y * W + x;
      if (mask[i] > 127 !== inHole || mask[i + 1] > 127 !== inHole || mask[i + W] > 127 !== inHole) continue;
      const gx = luma(i + 1) - luma(i),
        gy = luma(i + W) - luma(i);
      sum += Math.hypot(gx, gy);
      gh += Math.abs(gx);
      gv += Math.abs(gy);
      n++;
    }
  return [sum / n, gh / gv];
}

describe('extension texture (issue 13: the cork floor continued with its grain)', () => {
  const img = wallAndFloor();
  const left = boxMask(W, H, 0, 0, W / 4, H),
    right = boxMask(W, H, (3 * W) / 4, 0, W, H);
  const mask = left.map((v, i) => v | right[i]);

  it.each([1, 2])('continues the cork floor with its full grain and the wall as a plain wall (seed %i)', (seed) => {
    const out = inpaint(img, mask, { seed });
    const [floorKnown, floorKnownHv] = meanGradient(img, mask, H / 2 + 8, H, false);
    const [floorNew, floorNewHv] = meanGradient(out, mask, H / 2 + 8, H, true);
    const [wallNew] = meanGradient(out, mask, 0, H / 2 - 8, true);
    // The copy blends the sources of neighbouring cells of the field bilinearly; averaging unrelated
    // grain lost a quarter of its contrast where they differ (0.87 of the floor's gradient energy).
    expect(floorNew / floorKnown).toBeGreaterThan(0.93);
    expect(floorNew / floorKnown).toBeLessThan(1.1);
    // No smear along the rows: the grain keeps its own balance of horizontal and vertical gradient.
    expect(floorNewHv / floorKnownHv).toBeGreaterThan(0.9);
    expect(floorNewHv / floorKnownHv).toBeLessThan(1.1);
    // The wall stays a plain wall.
    expect(wallNew).toBeLessThan(0.1 * floorKnown);
  });
});
