import { describe, expect, it } from 'vitest';
import { diffusionFill } from './diffusion';
import { correctBand, extensionPlan, featherBand, FEATHER_DEPTH } from './extend';
import { blurRgb } from './extend-offsets';
import { colourRarity, synthesizeField } from './extend-synth';
import { inpaint } from './inpaint';
import { seamScore, textureScore } from './metrics';
import { mulberry32 } from './random';
import { cropToLayer } from './region';
import { boxMask, changedOutside, makeImage, sameBytes } from './test-helpers';
import { FillCancelledError } from './types';

/** Photo-like texture: a smooth vertical gradient (sky → ground) with blobs and noise. */
function textured(w: number, h: number) {
  let s = 12345;
  const noise = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return (s / 0x7fffffff - 0.5) * 30;
  };
  return makeImage(w, h, (x, y) => {
    const blob = 40 * Math.sin(x * 0.21) * Math.cos(y * 0.17);
    return [60 + (y * 120) / h + blob + noise(), 90 + blob / 2 + noise(), 160 - (y * 80) / h + noise()];
  });
}

/** Left and right bands `band` px wide are the hole (a centre → full-width extension). */
function sidesMask(w: number, h: number, band: number): Uint8Array {
  const a = boxMask(w, h, 0, 0, band, h);
  const b = boxMask(w, h, w - band, 0, w, h);
  return a.map((v, i) => v | b[i]);
}

describe('extensionPlan (when the extension path runs)', () => {
  it('takes a deep hole at the edge of the region', () => {
    const img = textured(200, 120);
    expect(extensionPlan(cropToLayer(img, boxMask(200, 120, 0, 0, 70, 120), { x: 0, y: 0, width: 200, height: 120 }))).not.toBeNull();
  });

  it('leaves interior holes and shallow edge holes to the general fill', () => {
    const img = textured(200, 120);
    const rect = { x: 0, y: 0, width: 200, height: 120 };
    expect(extensionPlan(cropToLayer(img, boxMask(200, 120, 40, 10, 160, 110), rect))).toBeNull();
    expect(extensionPlan(cropToLayer(img, boxMask(200, 120, 0, 0, 30, 120), rect))).toBeNull();
  });

  it('leaves a deep brush hole that only touches the edge to the general fill', () => {
    // A 110-px-wide stroke down to the bottom edge (a lighter brushed out at the photo's edge): 54 px
    // deep, but bounded by the photo on 110 of ~540 px of its outline. It used to take the extension
    // path, whose synthesis stamped objects of the photo into it (a half coin in desk-stuff).
    const img = textured(300, 240);
    const rect = { x: 0, y: 0, width: 300, height: 240 };
    const mask = new Uint8Array(300 * 240);
    for (let y = 0; y < 240; y++)
      for (let x = 0; x < 300; x++) if ((x - 150) ** 2 + (Math.min(240, Math.max(100, y)) - y) ** 2 <= 55 * 55) mask[y * 300 + x] = 255;
    expect(extensionPlan(cropToLayer(img, mask, rect))).toBeNull();
    // A strip along the same edge, as deep: the photo bounds it along its whole length.
    expect(extensionPlan(cropToLayer(img, boxMask(300, 240, 0, 130, 300, 240), rect))).not.toBeNull();
  });
});

describe('inpaint on a large extension', () => {
  const w = 256,
    h = 128;
  const img = textured(w, h);
  const mask = sidesMask(w, h, 64);

  it('keeps the texture in the new area (where diffusion goes flat) and changes nothing outside the mask', () => {
    const out = inpaint(img, mask, { seed: 1 });
    const tex = textureScore(out, img, mask);
    expect(tex).toBeGreaterThan(0.7);
    expect(tex).toBeLessThan(1.3);
    expect(textureScore(diffusionFill(img, mask), img, mask)).toBeLessThan(0.3);
    expect(changedOutside(out, img, mask)).toBe(0);
    // The band is not a visible step: no worse than 1.15 × the photo's own gradient there.
    expect(seamScore(out, img, mask)).toBeLessThan(1.15 * seamScore(img, img, mask));
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(sameBytes(inpaint(img, mask, { seed: 4 }), inpaint(img, mask, { seed: 4 }))).toBe(true);
    expect(sameBytes(inpaint(img, mask, { seed: 4 }), inpaint(img, mask, { seed: 5 }))).toBe(false);
  });

  it('reports progress often, non-decreasing, ending at 1, and can be cancelled', () => {
    const seen: number[] = [];
    inpaint(img, mask, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(10);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen.at(-1)).toBe(1);
    let calls = 0;
    expect(() => inpaint(img, mask, { shouldCancel: () => ++calls > 5 })).toThrow(FillCancelledError);
  });
});

describe('synthesizeField', () => {
  it('maps every hole pixel to a known source, and the occurrence penalty spreads the sources', () => {
    const img = textured(120, 60);
    const mask = boxMask(120, 60, 0, 0, 80, 60); // 2:1 more hole than source
    const layer = () => cropToLayer(img, mask, { x: 0, y: 0, width: 120, height: 60 });
    const uses = (penalty: number) => {
      const l = layer();
      const src = synthesizeField(l, 2, mulberry32(1), () => {}, { occurrencePenalty: penalty })!;
      const count = new Map<number, number>();
      for (let i = 0; i < src.length; i++) {
        if (!l.hole[i]) continue;
        expect(src[i]).toBeGreaterThanOrEqual(0);
        expect(l.hole[src[i]]).toBe(0);
        count.set(src[i], (count.get(src[i]) ?? 0) + 1);
      }
      return { distinct: count.size, most: Math.max(...count.values()) };
    };
    const off = uses(0),
      on = uses(1);
    expect(on.distinct).toBeGreaterThan(off.distinct);
    expect(on.most).toBeLessThan(off.most);
  });

  it('continues the background rather than a subject that crosses the band (rarity prior)', () => {
    // Grey noisy background; a dull red bar (rows 24–35, a subject of moderate contrast, like most
    // photos' subjects against their background) crosses the band at x = 60 and ends at x = 72.
    let s = 7;
    const noise = () => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return (s / 0x7fffffff - 0.5) * 20;
    };
    const img = makeImage(120, 60, (x, y) => (y >= 24 && y < 36 && x < 72 ? [140, 60, 60] : [100 + noise(), 100 + noise(), 100 + noise()]));
    const mask = boxMask(120, 60, 0, 0, 60, 60);
    const redShare = (weight: number, ramp = 0, x0 = 0, x1 = 40) => {
      const l = cropToLayer(img, mask, { x: 0, y: 0, width: 120, height: 60 });
      synthesizeField(l, 2, mulberry32(3), () => {}, { rarityWeight: weight, rarityRamp: ramp, distinctWeight: 0 });
      let red = 0;
      for (let y = 24; y < 36; y++) for (let x = x0; x < x1; x++) red += l.pix[(y * 120 + x) * 4] > 120 ? 1 : 0;
      return red / (12 * (x1 - x0));
    };
    const off = redShare(0),
      on = redShare(1);
    expect(off).toBeGreaterThan(0.9); // without the prior the bar runs on across the extension
    expect(on).toBeLessThan(0.7);
    // Faded in over the hole's 60 px, the bar runs on further than with the full weight at once.
    expect(redShare(1, 60, 0, 60)).toBeGreaterThan(redShare(1, 0, 0, 60) + 0.1);
  });

  it("rates the common colour ≈ 0 and a small object's colour as rare", () => {
    const img = makeImage(40, 40, (x, y) => (x < 8 && y < 8 ? [250, 0, 0] : [90, 90, 90]));
    const l = cropToLayer(img, new Uint8Array(1600), { x: 0, y: 0, width: 40, height: 40 });
    const ok = new Uint8Array(1600).fill(1);
    const r = colourRarity(l.pix, ok, 1600);
    expect(r[20 * 40 + 20]).toBe(0);
    expect(r[2 * 40 + 2]).toBeGreaterThan(2);
  });

  it('returns null (layer untouched) when no fully known patch exists', () => {
    const img = textured(20, 20);
    const l = cropToLayer(img, boxMask(20, 20, 0, 0, 18, 20), { x: 0, y: 0, width: 20, height: 20 });
    const before = Float32Array.from(l.pix);
    expect(synthesizeField(l, 2, mulberry32(1), () => {})).toBeNull();
    expect(l.pix).toEqual(before);
  });
});

describe('blurRgb', () => {
  it('reports the rows of both passes and gives the same result with or without reports', () => {
    const img = textured(50, 100);
    const pix = cropToLayer(img, new Uint8Array(5000), { x: 0, y: 0, width: 50, height: 100 }).pix;
    let rows = 0;
    const taps: number[] = [];
    const a = blurRgb(pix, 50, 100, 2, (r, t) => {
      rows += r;
      taps.push(t);
    });
    expect(rows).toBe(2 * 6 * 16); // rows 16, 32, … 96 of each pass
    expect(new Set(taps)).toEqual(new Set([13]));
    expect(a).toEqual(blurRgb(pix, 50, 100, 2));
    // A blur: the mean is kept, the variation shrinks.
    const mean = (v: Float32Array) => v.reduce((s, x) => s + x, 0) / v.length;
    expect(Math.abs(mean(a) - (mean(pix) * 4 - 255) / 3)).toBeLessThan(1);
  });
});

describe('band finish', () => {
  const w = 160,
    h = 100;
  const rect = { x: 0, y: 0, width: w, height: h };
  const mask = boxMask(w, h, 0, 0, 80, h);

  it('removes a constant colour step at the band and fades the correction out with depth', () => {
    const img = makeImage(w, h, () => [100, 100, 100]);
    const layer = cropToLayer(img, mask, rect);
    for (let i = 0; i < w * h; i++) if (layer.hole[i]) layer.pix[i * 4] = 140; // copy 40 too bright
    const plan = extensionPlan(layer)!;
    correctBand(layer, plan, 8);
    const red = (x: number) => layer.pix[(50 * w + x) * 4];
    expect(Math.abs(red(79) - 100)).toBeLessThan(3); // next to the band: matches the photo
    expect(red(79 - 40)).toBeGreaterThan(139); // deep inside: untouched
  });

  it('continues the photo mirrored into the first layers, fading into the copy', () => {
    const img = makeImage(w, h, (x) => [x * 1.5, 50, 50]);
    const layer = cropToLayer(img, mask, rect);
    for (let i = 0; i < w * h; i++) if (layer.hole[i]) layer.pix[i * 4] = 0;
    featherBand(layer, extensionPlan(layer)!, FEATHER_DEPTH);
    const red = (x: number) => layer.pix[(50 * w + x) * 4];
    expect(red(79)).toBe(img.data[(50 * w + 81) * 4]); // mirror of x = 79 across the ring pixel 80
    expect(red(79 - FEATHER_DEPTH)).toBe(0); // beyond the feather: the copy
    expect(red(77)).toBeGreaterThan(0);
    expect(red(77)).toBeLessThan(img.data[(50 * w + 83) * 4]);
  });

  it('continues oblique lines straight across the edge, not mirrored into a chevron', () => {
    // Diagonal stripes (period 12 px, at 45°); the copy in the hole is their exact continuation,
    // so the feather should leave it (nearly) as it is. A mirror across the edge turns the stripes
    // the other way in the first layers: a V at the edge (coffee's wood grain, 2026-12-06).
    const stripe = (x: number, y: number) => 128 + 100 * Math.sin((2 * Math.PI * (x + y)) / 12);
    const img = makeImage(w, h, (x, y) => [stripe(x, y), stripe(x, y), stripe(x, y)]);
    const layer = cropToLayer(img, mask, rect);
    for (let i = 0; i < w * h; i++) if (layer.hole[i]) layer.pix[i * 4] = img.data[i * 4];
    featherBand(layer, extensionPlan(layer)!, FEATHER_DEPTH);
    let err = 0,
      n = 0;
    for (let y = 20; y < 80; y++)
      for (let x = 80 - FEATHER_DEPTH; x < 80; x++, n++) err += Math.abs(layer.pix[(y * w + x) * 4] - stripe(x, y));
    expect(err / n).toBeLessThan(5); // mirrored: ≈ 52 grey levels off the stripes' continuation
  });
});
