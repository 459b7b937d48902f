/**
 * Classical-inpainting baselines for the fill bench, the two of OpenCV's `cv.inpaint`. OpenCV is not
 * available here, so both are written from their papers and from how OpenCV's `inpaint.cpp` weights
 * its neighbours (read for the formulas; no code taken). Both fill the hole from its outline inwards
 * in order of distance T (an eikonal solution marched with a heap), each new pixel a weighted mean of
 * known pixels q within `radius`:
 * - **Telea** (A. Telea, "An Image Inpainting Technique Based on the Fast Marching Method", J.
 *   Graphics Tools 9(1), 2004; INPAINT_TELEA): first-order extrapolations `I(q) + ∇I(q)·(p − q)`,
 *   weighted by direction (along the normal ∇T), distance (1/|r|³ as in OpenCV) and level-set closeness.
 * - **Navier–Stokes** (INPAINT_NS; M. Bertalmío, A. Bertozzi, G. Sapiro, "Navier–Stokes, Fluid
 *   Dynamics, and Image and Video Inpainting", CVPR 2001): OpenCV marches the same front but weights
 *   each q by how well p − q lies along the isophote at q (the direction across q's intensity
 *   variation, |cos| of the angle) and by 1/(|r|⁴ + 1), per colour channel — continuing level lines
 *   into the hole rather than solving the paper's vorticity transport.
 * Both continue isophotes smoothly and add no texture, which is what the bench compares against.
 */
import { HOLE_THRESHOLD, type RgbaImage } from '../../shared/engine';

const KNOWN = 0;
const BAND = 1;
const INSIDE = 2;

/** Min-heap of pixel indices keyed by T. */
class Heap {
  private idx: number[] = [];
  private key: number[] = [];
  get size(): number {
    return this.idx.length;
  }
  push(i: number, k: number): void {
    const a = this.idx,
      b = this.key;
    let n = a.length;
    a.push(i);
    b.push(k);
    while (n > 0) {
      const p = (n - 1) >> 1;
      if (b[p] <= k) break;
      a[n] = a[p];
      b[n] = b[p];
      n = p;
    }
    a[n] = i;
    b[n] = k;
  }
  pop(): number {
    const a = this.idx,
      b = this.key;
    const top = a[0];
    const li = a.pop()!,
      lk = b.pop()!;
    const n = a.length;
    if (n > 0) {
      let j = 0;
      for (;;) {
        let c = 2 * j + 1;
        if (c >= n) break;
        if (c + 1 < n && b[c + 1] < b[c]) c++;
        if (b[c] >= lk) break;
        a[j] = a[c];
        b[j] = b[c];
        j = c;
      }
      a[j] = li;
      b[j] = lk;
    }
    return top;
  }
}

/**
 * Telea fast-marching inpainting. Pixels outside the hole are copied unchanged.
 * @param radius - neighbourhood radius ε in pixels (OpenCV users typically pass 3–5)
 */
export function teleaFill(image: RgbaImage, mask: Uint8Array, radius = 5): RgbaImage {
  return marchFill(image, mask, radius, 'telea');
}

/** OpenCV's Navier–Stokes inpainting (INPAINT_NS): the same march, isophote-weighted means. */
export function nsFill(image: RgbaImage, mask: Uint8Array, radius = 5): RgbaImage {
  return marchFill(image, mask, radius, 'ns');
}

function marchFill(image: RgbaImage, mask: Uint8Array, radius: number, scheme: 'telea' | 'ns'): RgbaImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const out: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(image.data) };
  const pix = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) pix[i * 3 + c] = image.data[i * 4 + c];
  const flag = new Uint8Array(n);
  const T = new Float32Array(n);
  const heap = new Heap();
  for (let i = 0; i < n; i++) {
    if (mask[i] > HOLE_THRESHOLD) {
      flag[i] = INSIDE;
      T[i] = 1e6;
    }
  }
  // Initial band: known pixels 4-adjacent to the hole, T = 0.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (flag[i] !== KNOWN) continue;
      const touches =
        (x > 0 && flag[i - 1] === INSIDE) ||
        (x < w - 1 && flag[i + 1] === INSIDE) ||
        (y > 0 && flag[i - w] === INSIDE) ||
        (y < h - 1 && flag[i + w] === INSIDE);
      if (touches) {
        flag[i] = BAND;
        heap.push(i, 0);
      }
    }
  }
  let any = false;
  for (let i = 0; i < n && !any; i++) any = flag[i] !== INSIDE;
  if (!any) {
    for (let i = 0; i < n; i++) out.data.set([128, 128, 128, 255], i * 4);
    return out;
  }

  const tOf = (x: number, y: number) => (x < 0 || y < 0 || x >= w || y >= h ? 1e6 : flag[y * w + x] === INSIDE ? 1e6 : T[y * w + x]);
  /** Eikonal update from two perpendicular neighbours (Sethian's first-order scheme). */
  const solve = (t1: number, t2: number): number => {
    if (t1 >= 1e6 && t2 >= 1e6) return 1e6;
    if (t1 >= 1e6) return 1 + t2;
    if (t2 >= 1e6) return 1 + t1;
    const d = t1 - t2;
    if (Math.abs(d) >= 1) return 1 + Math.min(t1, t2);
    return (t1 + t2 + Math.sqrt(2 - d * d)) / 2;
  };
  const known = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && flag[y * w + x] !== INSIDE;
  const rr = radius * radius;
  /**
   * Calls `visit` for every known pixel q within `radius` of p (p itself excluded), with r = p − q,
   * |r|² and which of q's 4-neighbours are known (left, right, up, down).
   */
  const eachKnownNear = (
    px: number,
    py: number,
    visit: (q: number, rx: number, ry: number, d2: number, l: boolean, r: boolean, u: boolean, dn: boolean) => void,
  ) => {
    for (let qy = Math.max(0, py - radius); qy <= Math.min(h - 1, py + radius); qy++) {
      for (let qx = Math.max(0, px - radius); qx <= Math.min(w - 1, px + radius); qx++) {
        const q = qy * w + qx;
        if (flag[q] === INSIDE) continue;
        const rx = px - qx,
          ry = py - qy;
        const d2 = rx * rx + ry * ry;
        if (d2 > rr || d2 === 0) continue;
        visit(q, rx, ry, d2, known(qx - 1, qy), known(qx + 1, qy), known(qx, qy - 1), known(qx, qy + 1));
      }
    }
  };
  const acc = [0, 0, 0],
    jx = [0, 0, 0],
    jy = [0, 0, 0];

  const inpaintPixel = (px: number, py: number) => {
    const p = py * w + px;
    // Normal: gradient of T by central (or one-sided) differences over non-INSIDE neighbours.
    const gT = (a: number, b: number, c: number) => (a < 1e6 && c < 1e6 ? (c - a) / 2 : c < 1e6 ? c - b : a < 1e6 ? b - a : 0);
    const tp = T[p];
    const nx = gT(tOf(px - 1, py), tp, tOf(px + 1, py));
    const ny = gT(tOf(px, py - 1), tp, tOf(px, py + 1));
    acc[0] = acc[1] = acc[2] = 0;
    jx[0] = jx[1] = jx[2] = jy[0] = jy[1] = jy[2] = 0;
    let wsum = 0;
    eachKnownNear(px, py, (q, rx, ry, d2, l, r, u, dn) => {
      let dir = rx * nx + ry * ny;
      if (Math.abs(dir) <= 0.01) dir = 1e-6;
      const dst = 1 / (d2 * Math.sqrt(d2));
      const lev = 1 / (1 + Math.abs(T[q] - tp));
      const wt = Math.abs(dir * dst * lev);
      for (let c = 0; c < 3; c++) {
        // ∇I(q) from known neighbours of q.
        const v = pix[q * 3 + c];
        const gx =
          l && r ? (pix[(q + 1) * 3 + c] - pix[(q - 1) * 3 + c]) / 2 : r ? pix[(q + 1) * 3 + c] - v : l ? v - pix[(q - 1) * 3 + c] : 0;
        const gy =
          u && dn ? (pix[(q + w) * 3 + c] - pix[(q - w) * 3 + c]) / 2 : dn ? pix[(q + w) * 3 + c] - v : u ? v - pix[(q - w) * 3 + c] : 0;
        acc[c] += wt * v;
        jx[c] -= wt * gx * rx;
        jy[c] -= wt * gy * ry;
      }
      wsum += wt;
    });
    // As in OpenCV's implementation, the first-order term enters normalised (|term| ≤ √2): the raw
    // extrapolation of the paper compounds over filled pixels and diverges on textured photos.
    for (let c = 0; c < 3; c++) {
      const v = wsum > 0 ? acc[c] / wsum + (jx[c] + jy[c]) / (Math.hypot(jx[c], jy[c]) + 1e-20) : 128;
      pix[p * 3 + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  };

  const nsAcc = [0, 0, 0],
    nsSum = [0, 0, 0];
  /**
   * Navier–Stokes as OpenCV weights it: per channel, a known q counts by |cos| of the angle between
   * p − q and the isophote at q — (−v, h) from q's vertical and horizontal variation, each the
   * sum of absolute differences to its known neighbours on that axis (twice the one there is) — and
   * by 1/(|r|⁴ + 1); a q whose r is (nearly) across the isophote counts a millionth.
   */
  const inpaintNs = (px: number, py: number) => {
    const p = py * w + px;
    nsAcc[0] = nsAcc[1] = nsAcc[2] = 0;
    nsSum[0] = nsSum[1] = nsSum[2] = 1e-20;
    // r = p − q here: the sign of the dot product below flips, its absolute value does not.
    eachKnownNear(px, py, (q, rx, ry, d2, l, r, u, dn) => {
      const dst = 1 / (d2 * d2 + 1);
      for (let c = 0; c < 3; c++) {
        const v = pix[q * 3 + c];
        const down = dn ? Math.abs(pix[(q + w) * 3 + c] - v) : 0;
        const up = u ? Math.abs(v - pix[(q - w) * 3 + c]) : 0;
        const right = r ? Math.abs(pix[(q + 1) * 3 + c] - v) : 0;
        const left = l ? Math.abs(v - pix[(q - 1) * 3 + c]) : 0;
        const vert = u && dn ? down + up : 2 * (down + up);
        const horiz = l && r ? right + left : 2 * (right + left);
        const dot = -vert * rx + horiz * ry;
        const dir = Math.abs(dot) <= 0.01 ? 1e-6 : Math.abs(dot) / Math.sqrt(d2 * (vert * vert + horiz * horiz));
        const wt = dst * dir;
        nsAcc[c] += wt * v;
        nsSum[c] += wt;
      }
    });
    for (let c = 0; c < 3; c++) {
      const v = nsAcc[c] / nsSum[c];
      pix[p * 3 + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  };
  const fillPixel = scheme === 'ns' ? inpaintNs : inpaintPixel;

  while (heap.size > 0) {
    const i = heap.pop();
    if (flag[i] === KNOWN && T[i] > 0) continue;
    flag[i] = KNOWN;
    const x = i % w,
      y = (i - x) / w;
    const nbs = [
      [x - 1, y],
      [x + 1, y],
      [x, y - 1],
      [x, y + 1],
    ];
    for (const [nx, ny] of nbs) {
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      const j = ny * w + nx;
      if (flag[j] !== INSIDE) continue;
      const tx = Math.min(tOf(nx - 1, ny), tOf(nx + 1, ny));
      const ty = Math.min(tOf(nx, ny - 1), tOf(nx, ny + 1));
      T[j] = solve(tx, ty);
      fillPixel(nx, ny);
      flag[j] = BAND;
      heap.push(j, T[j]);
    }
  }
  for (let i = 0; i < n; i++) {
    if (mask[i] <= HOLE_THRESHOLD) continue;
    for (let c = 0; c < 3; c++) out.data[i * 4 + c] = pix[i * 3 + c];
    out.data[i * 4 + 3] = 255;
  }
  return out;
}
