/**
 * New coefficient blocks for the MCUs an edit changed: RGB → YCbCr (JFIF), each component sampled
 * at its own resolution (box average; pixels past the picture's edge repeat the edge, as libjpeg
 * pads), forward DCT and quantisation with the file's own tables. The other MCUs keep the blocks
 * the file has.
 */
import type { JpegCoefficients } from './jpeg-read';

/** Zigzag index → natural (row-major) index of an 8×8 block. */
const ZIGZAG = Uint8Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57,
  50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
]);

/** cos table: COS[u * 8 + x] = c(u)/2 · cos((2x + 1)uπ/16) (the reference DCT's). */
const COS = new Float64Array(64);
for (let u = 0; u < 8; u++)
  for (let x = 0; x < 8; x++) COS[u * 8 + x] = ((u === 0 ? Math.SQRT1_2 : 1) / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16);

/** The forward DCT by its definition (row-major in and out): the reference the fast one is tested against. */
export function fdctReference(s: ArrayLike<number>): Float64Array {
  const tmp = new Float64Array(64);
  const out = new Float64Array(64);
  for (let y = 0; y < 8; y++)
    for (let u = 0; u < 8; u++) {
      let a = 0;
      for (let x = 0; x < 8; x++) a += COS[u * 8 + x] * s[y * 8 + x];
      tmp[y * 8 + u] = a;
    }
  for (let u = 0; u < 8; u++)
    for (let v = 0; v < 8; v++) {
      let a = 0;
      for (let y = 0; y < 8; y++) a += COS[v * 8 + y] * tmp[y * 8 + u];
      out[v * 8 + u] = a;
    }
  return out;
}

/** AAN scale factors: the fast DCT's output (u, v) is the true one × 8 · AAN[u] · AAN[v]. */
const AAN = Float64Array.from({ length: 8 }, (_, k) => (k === 0 ? 1 : Math.SQRT2 * Math.cos((k * Math.PI) / 16)));
/** The rotation constants of the AAN flow graph. */
const C4 = Math.SQRT1_2;
const S8 = Math.sin(Math.PI / 8);
const R6 = Math.SQRT2 * Math.cos((3 * Math.PI) / 8);
const R2 = Math.SQRT2 * Math.cos(Math.PI / 8);

/** One 8-point pass of the Arai–Agui–Nakajima DCT over d[o], d[o + step], … (in place, scaled outputs). */
function aan8(d: Float64Array, o: number, step: number): void {
  const d0 = d[o];
  const d1 = d[o + step];
  const d2 = d[o + 2 * step];
  const d3 = d[o + 3 * step];
  const d4 = d[o + 4 * step];
  const d5 = d[o + 5 * step];
  const d6 = d[o + 6 * step];
  const d7 = d[o + 7 * step];
  const t0 = d0 + d7;
  const t7 = d0 - d7;
  const t1 = d1 + d6;
  const t6 = d1 - d6;
  const t2 = d2 + d5;
  const t5 = d2 - d5;
  const t3 = d3 + d4;
  const t4 = d3 - d4;
  let t10 = t0 + t3;
  const t13 = t0 - t3;
  let t11 = t1 + t2;
  let t12 = t1 - t2;
  d[o] = t10 + t11;
  d[o + 4 * step] = t10 - t11;
  const z1 = (t12 + t13) * C4;
  d[o + 2 * step] = t13 + z1;
  d[o + 6 * step] = t13 - z1;
  t10 = t4 + t5;
  t11 = t5 + t6;
  t12 = t6 + t7;
  const z5 = (t10 - t12) * S8;
  const z2 = R6 * t10 + z5;
  const z4 = R2 * t12 + z5;
  const z3 = t11 * C4;
  const z11 = t7 + z3;
  const z13 = t7 - z3;
  d[o + 5 * step] = z13 + z2;
  d[o + 3 * step] = z13 - z2;
  d[o + step] = z11 + z4;
  d[o + 7 * step] = z11 - z4;
}

/** The forward DCT of 64 samples (row-major), in place, scaled as {@link AAN} says. */
export function fdctScaled(d: Float64Array): void {
  for (let y = 0; y < 8; y++) aan8(d, y * 8, 1);
  for (let x = 0; x < 8; x++) aan8(d, x, 8);
}

/** Divisors for a quantisation table (zigzag order) applied to {@link fdctScaled}'s output (row-major). */
function divisors(q: Uint16Array): Float64Array {
  const out = new Float64Array(64);
  for (let z = 0; z < 64; z++) {
    const n = ZIGZAG[z];
    out[n] = q[z] * AAN[n >> 3] * AAN[n & 7] * 8;
  }
  return out;
}

/**
 * The MCUs any of `patches` reaches with a non-zero alpha (straight RGBA at x, y in picture
 * pixels): one flag per MCU, row by row. Everywhere else the export's composite is the original's
 * pixels (a patch with alpha 0 leaves them as they are).
 */
export function coveredMcus(
  frame: JpegCoefficients,
  patches: readonly { x: number; y: number; width: number; height: number; rgba: Uint8Array }[],
): Uint8Array {
  const { width, height, mcusX, mcusY } = frame;
  const mw = 8 * frame.hMax;
  const mh = 8 * frame.vMax;
  const out = new Uint8Array(mcusX * mcusY);
  for (const p of patches) {
    const x0 = Math.max(0, p.x);
    const y0 = Math.max(0, p.y);
    const x1 = Math.min(width, p.x + p.width);
    const y1 = Math.min(height, p.y + p.height);
    const a = p.rgba;
    for (let y = y0; y < y1; y++) {
      const row = ((y - p.y) * p.width - p.x) * 4 + 3;
      const my = Math.floor(y / mh) * mcusX;
      for (let x = x0; x < x1; x++) {
        if (!a[row + x * 4]) continue;
        // The rest of this MCU's row is decided: on to the next MCU.
        out[my + Math.floor(x / mw)] = 1;
        x = (Math.floor(x / mw) + 1) * mw - 1;
      }
    }
  }
  return out;
}

/** Re-encodes the blocks of every flagged MCU from `rgb` (RGB rows of the picture), in place. */
export function encodeMcus(frame: JpegCoefficients, rgb: Uint8Array, flags: Uint8Array): void {
  const { width, height, hMax, vMax, mcusX } = frame;
  const mw = 8 * hMax;
  const mh = 8 * vMax;
  // The MCU's pixels as Y, Cb, Cr (JFIF), past the picture's edge repeating it.
  const planes = [new Float64Array(mw * mh), new Float64Array(mw * mh), new Float64Array(mw * mh)];
  const block = new Float64Array(64);
  const div = frame.components.map((c) => divisors(frame.qt[c.tq]!));
  for (let m = 0; m < flags.length; m++) {
    if (!flags[m]) continue;
    const mx = m % mcusX;
    const my = (m - mx) / mcusX;
    for (let y = 0; y < mh; y++) {
      const row = Math.min(height - 1, my * mh + y) * width;
      for (let x = 0; x < mw; x++) {
        const i = (row + Math.min(width - 1, mx * mw + x)) * 3;
        const r = rgb[i];
        const g = rgb[i + 1];
        const b = rgb[i + 2];
        const o = y * mw + x;
        planes[0][o] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
        planes[1][o] = -0.168735892 * r - 0.331264108 * g + 0.5 * b;
        planes[2][o] = 0.5 * r - 0.418687589 * g - 0.081312411 * b;
      }
    }
    for (const [k, c] of frame.components.entries()) {
      const fx = hMax / c.h;
      const fy = vMax / c.v;
      const plane = planes[k];
      const d = div[k];
      const scale = 1 / (fx * fy);
      for (let by = 0; by < c.v; by++)
        for (let bx = 0; bx < c.h; bx++) {
          // Each sample averages its fx × fy pixels of the MCU.
          for (let y = 0; y < 8; y++)
            for (let x = 0; x < 8; x++) {
              let a = 0;
              const px = (bx * 8 + x) * fx;
              const py = (by * 8 + y) * fy;
              for (let dy = 0; dy < fy; dy++) for (let dx = 0; dx < fx; dx++) a += plane[(py + dy) * mw + px + dx];
              block[y * 8 + x] = a * scale;
            }
          fdctScaled(block);
          const o = ((my * c.v + by) * c.blocksW + mx * c.h + bx) * 64;
          for (let z = 0; z < 64; z++) c.coefs[o + z] = Math.round(block[ZIGZAG[z]] / d[ZIGZAG[z]]);
        }
    }
  }
}

/**
 * The file's blocks placed on a larger canvas with the original at (`left`, `top`), both multiples of
 * the MCU size: the grid grows, every block keeps its coefficients. `outside` flags the MCUs that are
 * not wholly inside the original's pixels (the extension, and the original's partial last MCUs that
 * now show what lay in their padding): those are encoded from the composite.
 */
export function placeFrame(
  f: JpegCoefficients,
  width: number,
  height: number,
  left: number,
  top: number,
): { frame: JpegCoefficients; outside: Uint8Array } {
  const mw = 8 * f.hMax;
  const mh = 8 * f.vMax;
  const mcusX = Math.ceil(width / mw);
  const mcusY = Math.ceil(height / mh);
  const ox = left / mw;
  const oy = top / mh;
  const components = f.components.map((c) => {
    const blocksW = mcusX * c.h;
    const blocksH = mcusY * c.v;
    const coefs = new Int16Array(blocksW * blocksH * 64);
    const cols = Math.min(c.blocksW, blocksW - ox * c.h);
    for (let by = 0; by < c.blocksH && by + oy * c.v < blocksH; by++) {
      const from = by * c.blocksW * 64;
      coefs.set(c.coefs.subarray(from, from + cols * 64), ((by + oy * c.v) * blocksW + ox * c.h) * 64);
    }
    return {
      ...c,
      blocksW,
      blocksH,
      usedW: Math.ceil(Math.ceil((width * c.h) / f.hMax) / 8),
      usedH: Math.ceil(Math.ceil((height * c.v) / f.vMax) / 8),
      coefs,
    };
  });
  const outside = new Uint8Array(mcusX * mcusY);
  for (let my = 0; my < mcusY; my++)
    for (let mx = 0; mx < mcusX; mx++) {
      const x0 = mx * mw;
      const y0 = my * mh;
      const inside = x0 >= left && y0 >= top && x0 + mw <= left + f.width && y0 + mh <= top + f.height;
      if (!inside) outside[my * mcusX + mx] = 1;
    }
  return { frame: { ...f, width, height, mcusX, mcusY, components }, outside };
}
