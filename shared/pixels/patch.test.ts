import { describe, expect, it } from 'vitest';
import { applyPatchPlan, buildPatch, compositeOver, compositeOverInto, featherBand, generatedWindow, planPatch } from './patch';
import { maskWindow, type Window } from './box-filter';

function solid(w: number, h: number, rgb: [number, number, number]): Uint8Array {
  const b = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) b.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
  return b;
}

function noisy(w: number, h: number, seed = 1): Uint8Array {
  const b = new Uint8Array(w * h * 4);
  let s = seed;
  for (let i = 0; i < b.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    b[i] = i % 4 === 3 ? 255 : s >>> 24;
  }
  return b;
}

describe('buildPatch', () => {
  const w = 120;
  const h = 90;
  const mask = new Uint8Array(w * h);
  for (let y = 30; y < 60; y++) for (let x = 40; x < 80; x++) mask[y * w + x] = 255;

  it('leaves alpha 0 everywhere beyond the feather band, so the original shows unchanged there', () => {
    const original = noisy(w, h);
    const generated = solid(w, h, [250, 10, 10]);
    for (const feather of [0, 3, 8]) {
      const patch = buildPatch({ width: w, height: h, generated, original, mask, featherPx: feather, colourMatch: false });
      const band = featherBand(feather);
      const composite = compositeOver(original, patch);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const dx = Math.max(40 - x, 0, x - 79);
          const dy = Math.max(30 - y, 0, y - 59);
          if (Math.hypot(dx, dy) > band) {
            const q = (y * w + x) * 4;
            expect(patch[q + 3]).toBe(0);
            expect(composite.subarray(q, q + 4)).toEqual(original.subarray(q, q + 4));
          }
        }
      }
      // Deep inside the mask the generated pixels win completely.
      const c = (45 * w + 60) * 4;
      expect([...patch.subarray(c, c + 4)]).toEqual([250, 10, 10, 255]);
    }
  });

  it('feathers monotonically across the mask edge', () => {
    const patch = buildPatch({
      width: w,
      height: h,
      generated: solid(w, h, [0, 0, 0]),
      original: solid(w, h, [0, 0, 0]),
      mask,
      featherPx: 6,
      colourMatch: false,
    });
    const row = 45;
    const alphas = [30, 34, 38, 40, 42, 46, 50].map((x) => patch[(row * w + x) * 4 + 3]);
    for (let i = 1; i < alphas.length; i++) expect(alphas[i]).toBeGreaterThanOrEqual(alphas[i - 1]);
    expect(alphas[0]).toBeLessThan(40);
    expect(alphas[alphas.length - 1]).toBeGreaterThan(240);
  });

  it('colour match pulls a shifted generation back to the surroundings', () => {
    const original = solid(w, h, [120, 130, 140]);
    const generated = solid(w, h, [150, 160, 170]); // provider brightened everything by +30
    const patch = buildPatch({ width: w, height: h, generated, original, mask, featherPx: 4, colourMatch: true });
    const c = (45 * w + 60) * 4;
    expect(Math.abs(patch[c] - 120)).toBeLessThanOrEqual(1);
    expect(Math.abs(patch[c + 2] - 140)).toBeLessThanOrEqual(1);
    const off = buildPatch({ width: w, height: h, generated, original, mask, featherPx: 4, colourMatch: false });
    expect(off[c]).toBe(150);
  });

  it('rejects mismatched buffers', () => {
    expect(() =>
      buildPatch({
        width: 2,
        height: 2,
        generated: new Uint8Array(4),
        original: new Uint8Array(16),
        mask: new Uint8Array(4),
        featherPx: 0,
        colourMatch: false,
      }),
    ).toThrow(RangeError);
  });
});

describe('generatedWindow', () => {
  const w = 320;
  const h = 280;
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const d = ((x - 160) / 40) ** 2 + ((y - 140) / 30) ** 2;
      mask[y * w + x] = d <= 1 ? 255 : d < 1.2 ? 100 : 0;
    }
  const original = noisy(w, h, 7);
  const generated = noisy(w, h, 3);
  const only = (win: Window) => {
    const out = new Uint8Array(generated.length);
    for (let y = win.y0; y < win.y1; y++) out.set(generated.subarray((y * w + win.x0) * 4, (y * w + win.x1) * 4), (y * w + win.x0) * 4);
    return out;
  };

  it('covers every generated pixel buildPatch reads: the rest may be anything', () => {
    for (const featherPx of [0, 3, 8, 40])
      for (const colourMatch of [false, true]) {
        const win = generatedWindow(mask, w, h, featherPx)!;
        expect(win.x0).toBeGreaterThan(0); // not clamped by the borders: the window itself is tested
        expect(win.y1).toBeLessThan(h);
        const full = buildPatch({ width: w, height: h, generated, original, mask, featherPx, colourMatch });
        const part = buildPatch({ width: w, height: h, generated: only(win), original, mask, featherPx, colourMatch });
        expect(Buffer.from(part).equals(Buffer.from(full)), `feather ${featherPx}, colour match ${colourMatch}`).toBe(true);
      }
  });

  it('is needed: the mask window alone changes the colour-matched patch', () => {
    const tight = maskWindow(mask, w, h, 0)!;
    const full = buildPatch({ width: w, height: h, generated, original, mask, featherPx: 8, colourMatch: true });
    const part = buildPatch({ width: w, height: h, generated: only(tight), original, mask, featherPx: 8, colourMatch: true });
    expect(Buffer.from(part).equals(Buffer.from(full))).toBe(false);
  });

  it('is null for an empty mask', () => {
    expect(generatedWindow(new Uint8Array(16), 4, 4, 8)).toBeNull();
  });
});

describe('compositeOverInto', () => {
  it('gives what compositeOver gives with the patch placed in a buffer of the base size, touching only its block', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 255;
    };
    const W = 40;
    const H = 30;
    const base = Uint8Array.from({ length: W * H * 4 }, rnd);
    const pw = 17;
    const ph = 11;
    // Alpha 0, 255 and in between, as a feathered patch has.
    const patch = Uint8Array.from({ length: pw * ph * 4 }, (_, i) => (i % 4 === 3 ? [0, 255, rnd()][i % 3] : rnd()));
    const block = { sx: 2, sy: 1, dx: 20, dy: 15, width: 14, height: 9 };
    const placed = new Uint8Array(W * H * 4);
    for (let y = 0; y < block.height; y++)
      for (let x = 0; x < block.width; x++)
        for (let c = 0; c < 4; c++)
          placed[((block.dy + y) * W + block.dx + x) * 4 + c] = patch[((block.sy + y) * pw + block.sx + x) * 4 + c];
    const want = compositeOver(base, placed);
    const got = new Uint8Array(base);
    compositeOverInto(got, W, patch, pw, block);
    expect(got).toEqual(want);
  });
});

describe('planPatch + applyPatchPlan (the mask part worked out while the model works)', () => {
  it('one plan serves several generated images, each equal to buildPatch of it; sizes are checked', () => {
    const W = 64;
    const H = 48;
    const mask = new Uint8Array(W * H);
    for (let y = 14; y < 34; y++) mask.fill(255, y * W + 20, y * W + 44);
    const original = new Uint8Array(W * H * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37) & 255));
    const plan = planPatch(mask, W, H, 6, true);
    for (const k of [3, 11]) {
      const generated = new Uint8Array(W * H * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * k + 40) & 255));
      const want = buildPatch({ width: W, height: H, generated, original, mask, featherPx: 6, colourMatch: true });
      expect(Buffer.from(applyPatchPlan(plan, generated, original)).equals(Buffer.from(want))).toBe(true);
      expect(want.some((v, i) => i % 4 === 3 && v > 0 && v < 255)).toBe(true); // a feathered edge is there
    }
    expect(() => applyPatchPlan(plan, new Uint8Array(10), original)).toThrow(RangeError);
    // In place: the same patch, written over the generated buffer (which held other values everywhere).
    for (const k of [3, 11]) {
      const generated = new Uint8Array(W * H * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * k + 40) & 255));
      const want = applyPatchPlan(plan, generated, original);
      const got = applyPatchPlan(plan, generated, original, true);
      expect(got).toBe(generated);
      expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
    }
    // A view at an offset that is not a whole pixel: a new buffer, the same patch, the view untouched.
    const backing = new Uint8Array(W * H * 4 + 1);
    const view = backing.subarray(1);
    view.set(new Uint8Array(W * H * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 5) & 255)));
    const before = Buffer.from(view);
    const fromView = applyPatchPlan(plan, view, original, true);
    expect(fromView).not.toBe(view);
    expect(Buffer.from(fromView).equals(Buffer.from(applyPatchPlan(plan, new Uint8Array(view), original)))).toBe(true);
    expect(Buffer.from(view).equals(before)).toBe(true);
    expect(() => planPatch(new Uint8Array(5), W, H, 6, true)).toThrow(RangeError);
    const empty = planPatch(new Uint8Array(W * H), W, H, 6, true);
    expect(applyPatchPlan(empty, original, original).every((v) => v === 0)).toBe(true);
    expect(applyPatchPlan(empty, new Uint8Array(original), original, true).every((v) => v === 0)).toBe(true);
  });
});

describe('planPatch with solidMask (the offline engine, which fills the mask alone)', () => {
  it('is opaque on every mask pixel (≥ 128, soft edge included) and the feathered ramp outside the mask, as without', () => {
    const W = 80;
    const H = 60;
    const mask = new Uint8Array(W * H);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const d = Math.hypot(x - 40, y - 30) - 12;
        mask[y * W + x] = d <= 0 ? 255 : d >= 1 ? 0 : Math.round((1 - d) * 255);
      }
    for (const feather of [0, 4, 12]) {
      const soft = planPatch(mask, W, H, feather, false);
      const solid = planPatch(mask, W, H, feather, false, true);
      expect(solid.win).toEqual(soft.win);
      let opaque = 0;
      for (let i = 0; i < W * H; i++) {
        if (mask[i] >= 128) {
          expect(solid.alpha![i]).toBe(255);
          opaque++;
        } else expect(solid.alpha![i]).toBe(soft.alpha![i]);
      }
      expect(opaque).toBeGreaterThan(400);
      // Without it the ramp reaches into the mask: what was there shows through its edge.
      if (feather > 0) expect(soft.alpha!.some((a, i) => mask[i] >= 128 && a < 200)).toBe(true);
    }
  });
});
