import { describe, expect, it } from 'vitest';
import {
  blendTile,
  cropTile,
  markKnown,
  outpaintAlpha,
  outpaintHole,
  patchInPlace,
  tileAskMask,
  tileBlendWeight,
  tileReach,
  tileView,
  unknownCanvas,
} from './outpaint-masks';
import { activeWindows } from './active-windows';

describe('outpaint tile pixels', () => {
  const W = 6;
  const H = 4;
  /** Working image: pixel i has RGB (i, 2i, 3i) and alpha 255 where known. */
  function canvas() {
    const working = new Uint8Array(W * H * 4);
    for (let i = 0; i < W * H; i++) working.set([i, 2 * i, 3 * i, 0], i * 4);
    const known = new Uint8Array(W * H);
    markKnown(known, W, { x: 1, y: 1, width: 3, height: 2 });
    return { working, known };
  }

  it('markKnown marks exactly the rect', () => {
    const { known } = canvas();
    const on = [...known.keys()].filter((i) => known[i]);
    expect(on).toEqual([7, 8, 9, 13, 14, 15]);
  });

  it('cropTile copies the tile rows and flags unknown pixels', () => {
    const { working, known } = canvas();
    const { rgba, unknown } = cropTile(working, known, W, { x: 2, y: 0, width: 3, height: 2 });
    expect([...unknown]).toEqual([1, 1, 1, 0, 0, 1]);
    expect([...rgba.subarray(0, 4)]).toEqual([2, 4, 6, 0]); // canvas pixel (2, 0)
    expect([...rgba.subarray(3 * 4, 3 * 4 + 4)]).toEqual([8, 16, 24, 0]); // canvas pixel (2, 1)
  });

  it('blendTile mixes by weight, makes touched pixels opaque and known, leaves weight-0 pixels alone', () => {
    const { working, known } = canvas();
    const before = working.slice();
    const r = { x: 4, y: 2, width: 2, height: 2 };
    const generated = new Uint8Array(4 * 4).fill(200);
    const weight = new Uint8Array([255, 0, 51, 0]);
    blendTile(working, known, W, r, generated, weight);
    const px = (x: number, y: number) => [...working.subarray((y * W + x) * 4, (y * W + x) * 4 + 4)];
    expect(px(4, 2)).toEqual([200, 200, 200, 255]);
    expect(px(5, 2)).toEqual([...before.subarray((2 * W + 5) * 4, (2 * W + 5) * 4 + 4)]);
    const i = 3 * W + 4;
    expect(px(4, 3)).toEqual([Math.round(i * 0.8 + 40), Math.round(2 * i * 0.8 + 40), Math.round(3 * i * 0.8 + 40), 255]);
    expect([known[2 * W + 4], known[2 * W + 5], known[3 * W + 4], known[3 * W + 5]]).toEqual([1, 0, 1, 0]);
  });

  it('patchInPlace keeps colour where alpha > 0 and is transparent black elsewhere, in the working canvas itself', () => {
    const { working } = canvas();
    const alpha = new Uint8Array(W * H);
    alpha[0] = 255;
    alpha[5] = 10;
    const patch = patchInPlace(working, alpha, W, null);
    expect(patch).toBe(working);
    expect([...patch.subarray(0, 4)]).toEqual([0, 0, 0, 255]);
    expect([...patch.subarray(20, 24)]).toEqual([5, 10, 15, 10]);
    expect([...patch.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
  });

  it('outpaintHole is exactly where the final alpha is 0; patchInPlace with it equals reading every pixel', () => {
    const cases = [
      { canvas: { width: 40, height: 12 }, original: { x: 10, y: 0, width: 18, height: 12 }, band: 3 },
      { canvas: { width: 20, height: 30 }, original: { x: 0, y: 7, width: 20, height: 11 }, band: 4 },
      { canvas: { width: 25, height: 25 }, original: { x: 5, y: 6, width: 12, height: 10 }, band: 2 },
      { canvas: { width: 25, height: 9 }, original: { x: 0, y: 0, width: 15, height: 9 }, band: 0 },
      { canvas: { width: 16, height: 9 }, original: { x: 4, y: 0, width: 8, height: 9 }, band: 5 },
    ];
    for (const { canvas: size, original, band } of cases) {
      const alpha = outpaintAlpha(size, original, band);
      const hole = outpaintHole(size, original, band);
      for (let y = 0; y < size.height; y++)
        for (let x = 0; x < size.width; x++) {
          const inHole = !!hole && x >= hole.x && x < hole.x + hole.width && y >= hole.y && y < hole.y + hole.height;
          expect(alpha[y * size.width + x] === 0, `${JSON.stringify(original)} band ${band} at ${x},${y}`).toBe(inHole);
        }
      const pixels = size.width * size.height;
      const working = new Uint8Array(pixels * 4).map((_, i) => (i * 7 + 3) % 251);
      const a = patchInPlace(working.slice(), alpha, size.width, hole);
      const b = patchInPlace(working.slice(), alpha, size.width, null);
      expect(a).toEqual(b);
    }
  });

  it('the final alpha is 255 on the new area and ramps into the original only on extended sides', () => {
    const a = outpaintAlpha({ width: 10, height: 4 }, { x: 0, y: 0, width: 6, height: 4 }, 2);
    expect([...a.subarray(0, 10)]).toEqual([0, 0, 0, 0, 85, 170, 255, 255, 255, 255]);
  });
});

describe("a tile's active windows worked out once (ask mask, blend weight, blend)", () => {
  it('give the same ask mask, weight and blended canvas as working them out in each step', () => {
    const W = 300;
    const H = 90;
    // Unknown: strips on both sides and a notch at the top right, as a later tile sees them.
    const unknown = new Uint8Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (x < 40 || x >= 262 || (y < 12 && x >= 200)) unknown[y * W + x] = 1;
    for (const band of [0, 5, 12]) {
      const windows = activeWindows(unknown, W, H, tileReach(band));
      expect(windows.length).toBeGreaterThan(1); // the original between the strips is left out
      expect(Buffer.from(tileAskMask(unknown, W, H, band, windows)).equals(Buffer.from(tileAskMask(unknown, W, H, band)))).toBe(true);
      const weight = tileBlendWeight(unknown, W, H, band);
      expect(Buffer.from(tileBlendWeight(unknown, W, H, band, windows)).equals(Buffer.from(weight))).toBe(true);
      const generated = new Uint8Array(W * H * 4).map((_, i) => (i * 29) & 255);
      const base = new Uint8Array(W * H * 4).map((_, i) => (i * 7 + 3) & 255);
      const [a, b] = [new Uint8Array(base), new Uint8Array(base)];
      const [ka, kb] = [new Uint8Array(W * H), new Uint8Array(W * H)];
      const r = { x: 0, y: 0, width: W, height: H };
      blendTile(a, ka, W, r, generated, weight);
      blendTile(b, kb, W, r, generated, weight, windows);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      expect(Buffer.from(kb).equals(Buffer.from(ka))).toBe(true);
      expect(Buffer.from(a).equals(Buffer.from(base))).toBe(false);
    }
  });
});

describe('tile views of the canvas buffers (no fresh tile-sized copies)', () => {
  const W = 7;
  const H = 5;
  const working = new Uint8Array(W * H * 4).map((_, i) => (i * 13) & 255);
  const original = { x: 2, y: 1, width: 3, height: 3 };

  it('unknownCanvas is 255 outside the original and 0 inside', () => {
    const u = unknownCanvas({ width: W, height: H }, original);
    const known = new Uint8Array(W * H);
    markKnown(known, W, original);
    expect([...u]).toEqual([...known].map((k) => (k ? 0 : 255)));
  });

  it('a tile spanning whole rows is a view of both buffers; any other tile is a copy with the same bytes', () => {
    const u = unknownCanvas({ width: W, height: H }, original);
    const known = new Uint8Array(W * H);
    markKnown(known, W, original);
    for (const r of [
      { x: 0, y: 1, width: W, height: 3 },
      { x: 1, y: 0, width: 4, height: 5 },
    ]) {
      const v = tileView(working, u, W, r);
      const c = cropTile(working, known, W, r);
      expect([...v.rgba]).toEqual([...c.rgba]);
      expect([...v.unknown]).toEqual([...c.unknown].map((x) => x * 255));
      const full = r.width === W;
      expect(v.rgba.buffer === working.buffer).toBe(full);
      expect(v.unknown.buffer === u.buffer).toBe(full);
    }
  });

  it('blending windowed results gives the same canvas and marks as the whole tile; marks 0 in an unknown map', () => {
    const Wt = 120;
    const Ht = 40;
    const unknown = new Uint8Array(Wt * Ht);
    for (let y = 0; y < Ht; y++) for (let x = 0; x < Wt; x++) if (x < 15 || x >= 100) unknown[y * Wt + x] = 255;
    const windows = activeWindows(unknown, Wt, Ht, tileReach(8));
    expect(windows.length).toBe(2);
    const weight = tileBlendWeight(unknown, Wt, Ht, 8, windows);
    const generated = new Uint8Array(Wt * Ht * 4).map((_, i) => (i * 31 + 7) & 255);
    const parts = windows.map((w) => {
      const out = new Uint8Array((w.x1 - w.x0) * (w.y1 - w.y0) * 4);
      for (let y = w.y0; y < w.y1; y++)
        out.set(generated.subarray((y * Wt + w.x0) * 4, (y * Wt + w.x1) * 4), (y - w.y0) * (w.x1 - w.x0) * 4);
      return out;
    });
    const base = new Uint8Array(Wt * Ht * 4).map((_, i) => (i * 5 + 1) & 255);
    const [a, b] = [base.slice(), base.slice()];
    const known = new Uint8Array(Wt * Ht);
    const marks = unknown.slice();
    const r = { x: 0, y: 0, width: Wt, height: Ht };
    blendTile(a, known, Wt, r, generated, weight, windows);
    blendTile(b, marks, Wt, r, { windows, parts }, weight, windows, 0);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(base))).toBe(false);
    expect([...marks].every((m, i) => (m === 0) === (known[i] === 1 || unknown[i] === 0))).toBe(true);
    expect(() => blendTile(b, marks, Wt, r, { windows: [windows[0]], parts: [parts[0]] }, weight, windows, 0)).toThrow(RangeError);
  });
});

describe('outpaintAlpha row by row', () => {
  /** The pixel-by-pixel definition it replaced (reference). */
  function alphaRef(width: number, height: number, o: { x: number; y: number; width: number; height: number }, band: number) {
    const a = new Uint8Array(width * height);
    const ext = { left: o.x > 0, top: o.y > 0, right: o.x + o.width < width, bottom: o.y + o.height < height };
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const inside = x >= o.x && x < o.x + o.width && y >= o.y && y < o.y + o.height;
        if (!inside) {
          a[y * width + x] = 255;
          continue;
        }
        if (band <= 0) continue;
        let d = Infinity;
        if (ext.left) d = Math.min(d, x - o.x);
        if (ext.right) d = Math.min(d, o.x + o.width - 1 - x);
        if (ext.top) d = Math.min(d, y - o.y);
        if (ext.bottom) d = Math.min(d, o.y + o.height - 1 - y);
        if (d < band) a[y * width + x] = Math.round(255 * (1 - (d + 1) / (band + 1)));
      }
    return a;
  }

  it('is the same as the pixel-by-pixel definition on every kind of extension', () => {
    const originals = [
      { x: 30, y: 0, width: 60, height: 50 }, // left and right
      { x: 0, y: 12, width: 120, height: 20 }, // top and bottom
      { x: 0, y: 0, width: 70, height: 40 }, // right and bottom
      { x: 50, y: 10, width: 70, height: 40 }, // left and top
      { x: 10, y: 5, width: 100, height: 30 }, // all four
      { x: 40, y: 3, width: 8, height: 6 }, // smaller than two bands
      { x: 0, y: 0, width: 120, height: 50 }, // nothing extended
    ];
    for (const o of originals)
      for (const band of [0, 1, 7, 24]) {
        const got = outpaintAlpha({ width: 120, height: 50 }, o, band);
        expect(Buffer.from(got).equals(Buffer.from(alphaRef(120, 50, o, band)))).toBe(true);
      }
  });
});

describe('blendTile copies runs of full weight whole', () => {
  // The rule pixel by pixel, as the blend was first written: the copy of runs must give the same bytes.
  function blendPixelwise(
    working: Uint8Array,
    marks: Uint8Array,
    cw: number,
    r: { x: number; y: number; width: number; height: number },
    g: Uint8Array,
    weight: Uint8Array,
    mark: number,
  ) {
    for (let y = 0; y < r.height; y++)
      for (let x = 0; x < r.width; x++) {
        const a = weight[y * r.width + x];
        if (!a) continue;
        const c = (r.y + y) * cw + r.x + x;
        const s = (y * r.width + x) * 4;
        marks[c] = mark;
        for (let k = 0; k < 3; k++)
          working[c * 4 + k] = a === 255 ? g[s + k] : Math.round(working[c * 4 + k] * (1 - a / 255) + g[s + k] * (a / 255));
        working[c * 4 + 3] = 255;
      }
  }

  it('gives the bytes of the pixel-by-pixel blend: runs of 255 at row ends, single pixels, translucent generated alpha, a tile inside the canvas', () => {
    const cw = 97;
    const ch = 41;
    const r = { x: 13, y: 5, width: 70, height: 30 };
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) / 2 ** 24;
    };
    const weight = new Uint8Array(r.width * r.height);
    for (let i = 0; i < weight.length; ) {
      // Runs of every kind: zero, full, ramps, single pixels.
      const len = 1 + Math.floor(rnd() * 12);
      const kind = rnd();
      for (let j = 0; j < len && i < weight.length; j++, i++) weight[i] = kind < 0.3 ? 0 : kind < 0.7 ? 255 : Math.floor(rnd() * 256);
    }
    const generated = new Uint8Array(r.width * r.height * 4).map(() => Math.floor(rnd() * 256)); // alpha not 255 either
    const base = new Uint8Array(cw * ch * 4).map(() => Math.floor(rnd() * 256));
    const [a, b] = [new Uint8Array(base), new Uint8Array(base)];
    const [ka, kb] = [new Uint8Array(cw * ch).fill(1), new Uint8Array(cw * ch).fill(1)];
    blendPixelwise(a, ka, cw, r, generated, weight, 0);
    blendTile(b, kb, cw, r, generated, weight, [{ x0: 0, y0: 0, x1: r.width, y1: r.height }], 0);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(kb).equals(Buffer.from(ka))).toBe(true);
    expect(weight.filter((w) => w === 255).length).toBeGreaterThan(weight.length / 4);
  });

  it('rounds every partial weight as the float rule does, for every colour pair (its integer rounding checked exhaustively)', () => {
    // A 256×256 tile: the working colour is the column, the generated one the row; one weight at a time.
    const n = 256;
    const r = { x: 0, y: 0, width: n, height: n };
    const generated = new Uint8Array(n * n * 4);
    const base = new Uint8Array(n * n * 4);
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++) {
        generated.set([y, 255 - y, y, 255], (y * n + x) * 4);
        base.set([x, x, 255 - x, 255], (y * n + x) * 4);
      }
    const weight = new Uint8Array(n * n);
    let differing = 0;
    for (let w = 1; w < 255; w++) {
      weight.set(new Uint8Array(n * n).map(() => w));
      const [a, b] = [new Uint8Array(base), new Uint8Array(base)];
      blendPixelwise(a, new Uint8Array(n * n), n, r, generated, weight, 0);
      blendTile(b, new Uint8Array(n * n), n, r, generated, weight, [{ x0: 0, y0: 0, x1: n, y1: n }], 0);
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
    }
    expect(differing).toBe(0);
  });
});
