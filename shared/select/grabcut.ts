/**
 * GrabCut-style segmentation (Rother et al. 2004): two colour mixtures (object, background), an
 * 8-connected contrast-sensitive smoothness term, and iterated minimum cuts — each cut relabels the
 * uncertain pixels, the mixtures are re-learnt from the new labels, until nothing changes.
 * Runs on a reduced image (a few hundred px a side); `object-select.ts` brings it to full size.
 */
import { Gmm, GMM_COMPONENTS, kmeansComponents } from './gmm';
import { MaxFlowGraph } from './maxflow';
import type { RgbaImage } from './rgba';

/** Trimap values: what the user (or the prior) says about each pixel. */
export const BG = 0;
export const PROBABLY_BG = 1;
export const PROBABLY_FG = 2;
export const FG = 3;

export interface GrabCutOptions {
  /** 0 = background, 1 = probably background, 2 = probably object, 3 = object (one a pixel). */
  trimap: Uint8Array;
  /** Optional prior P(object) per pixel (0..1), added to the colour term with `priorWeight`. */
  prior?: Float32Array;
  priorWeight?: number;
  /** Cuts to run at most (it stops earlier when the labels settle). */
  iterations?: number;
  /** Smoothness weight (GrabCut's γ). */
  gamma?: number;
  /** Polled during the work; returning true throws `cancelled`. */
  shouldStop?: () => boolean;
}

export interface GrabCutResult {
  /** 1 = object, 0 = background, per pixel. */
  labels: Uint8Array;
  iterations: number;
}

/** Neighbour offsets used for the smoothness term: right, down, down-right, down-left. */
const DIRS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 0, 1],
  [0, 1, 1],
  [1, 1, Math.SQRT1_2],
  [-1, 1, Math.SQRT1_2],
];

/** Edge weights of the 8-connected grid, `w[dir * n + p]` for the edge from p in direction dir. */
function smoothnessWeights(rgb: Float32Array, width: number, height: number, gamma: number): Float32Array {
  const n = width * height;
  const w = new Float32Array(4 * n);
  let sum = 0;
  let count = 0;
  for (let d = 0; d < 4; d++) {
    const [dx, dy] = DIRS[d];
    for (let y = 0; y < height - dy; y++) {
      for (let x = Math.max(0, -dx); x < width - Math.max(0, dx); x++) {
        const p = y * width + x;
        const q = p + dy * width + dx;
        const dr = rgb[p * 3] - rgb[q * 3];
        const dg = rgb[p * 3 + 1] - rgb[q * 3 + 1];
        const db = rgb[p * 3 + 2] - rgb[q * 3 + 2];
        const d2 = dr * dr + dg * dg + db * db;
        w[d * n + p] = d2;
        sum += d2;
        count++;
      }
    }
  }
  const beta = sum > 0 ? count / (2 * sum) : 0;
  for (let d = 0; d < 4; d++) {
    const [dx, dy, k] = DIRS[d];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        const inside = y + dy < height && x + dx >= 0 && x + dx < width;
        w[d * n + p] = inside ? gamma * k * Math.exp(-beta * w[d * n + p]) : 0;
      }
    }
  }
  return w;
}

export function toRgbFloat(img: RgbaImage): Float32Array {
  const n = img.width * img.height;
  const rgb = new Float32Array(n * 3);
  for (let p = 0; p < n; p++) {
    rgb[p * 3] = img.data[p * 4];
    rgb[p * 3 + 1] = img.data[p * 4 + 1];
    rgb[p * 3 + 2] = img.data[p * 4 + 2];
  }
  return rgb;
}

export function grabCut(img: RgbaImage, opts: GrabCutOptions): GrabCutResult {
  const { width, height } = img;
  const n = width * height;
  const { trimap, prior } = opts;
  if (trimap.length !== n) throw new RangeError('trimap size does not match the image');
  const gamma = opts.gamma ?? 50;
  const priorWeight = opts.priorWeight ?? 0;
  const maxIter = opts.iterations ?? 5;
  const rgb = toRgbFloat(img);
  const nw = smoothnessWeights(rgb, width, height, gamma);
  // The hard constraint: more than any cut through a pixel's neighbours can cost.
  const lambda = 8 * gamma + 1;

  const labels = new Uint8Array(n);
  for (let p = 0; p < n; p++) labels[p] = trimap[p] >= PROBABLY_FG ? 1 : 0;
  const fg = new Gmm(GMM_COMPONENTS);
  const bg = new Gmm(GMM_COMPONENTS);
  const comp = new Uint8Array(n);
  const fgIdx = new Int32Array(n);
  const bgIdx = new Int32Array(n);
  const collect = (): [number, number] => {
    let nf = 0;
    let nb = 0;
    for (let p = 0; p < n; p++) {
      if (labels[p]) fgIdx[nf++] = p;
      else bgIdx[nb++] = p;
    }
    return [nf, nb];
  };
  let [nf, nb] = collect();
  if (nf === 0 || nb === 0) return { labels, iterations: 0 };
  kmeansComponents(rgb, fgIdx, nf, GMM_COMPONENTS, comp);
  kmeansComponents(rgb, bgIdx, nb, GMM_COMPONENTS, comp);

  // One graph, rebuilt in place each iteration (a new one would allocate ~130 bytes a pixel each time).
  const g = new MaxFlowGraph(n, 4 * n);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    if (opts.shouldStop?.()) throw new Error('cancelled');
    if (iter > 0) {
      for (let t = 0; t < nf; t++) {
        const p = fgIdx[t];
        comp[p] = fg.component(rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2]);
      }
      for (let t = 0; t < nb; t++) {
        const p = bgIdx[t];
        comp[p] = bg.component(rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2]);
      }
    }
    fg.learn(rgb, fgIdx, nf, comp);
    bg.learn(rgb, bgIdx, nb, comp);

    g.reset();
    for (let p = 0; p < n; p++) {
      const t = trimap[p];
      if (t === FG) g.addTerminal(p, lambda, 0);
      else if (t === BG) g.addTerminal(p, 0, lambda);
      else {
        const r = rgb[p * 3];
        const gg = rgb[p * 3 + 1];
        const b = rgb[p * 3 + 2];
        let costFg = fg.negLogLikelihood(r, gg, b);
        let costBg = bg.negLogLikelihood(r, gg, b);
        if (prior && priorWeight > 0) {
          const pr = Math.min(0.98, Math.max(0.02, prior[p]));
          costFg -= priorWeight * Math.log(pr);
          costBg -= priorWeight * Math.log(1 - pr);
        }
        // Source = object: the capacity from the source is what labelling p background costs.
        g.addTerminal(p, costBg, costFg);
      }
    }
    for (let d = 0; d < 4; d++) {
      const [dx, dy] = DIRS[d];
      const off = dy * width + dx;
      const base = d * n;
      for (let p = 0; p < n; p++) {
        const w = nw[base + p];
        if (w > 0) g.addEdge(p, p + off, w, w);
      }
    }
    g.maxflow(opts.shouldStop);
    let changed = 0;
    for (let p = 0; p < n; p++) {
      const t = trimap[p];
      const l = t === FG ? 1 : t === BG ? 0 : g.isSource(p) ? 1 : 0;
      if (l !== labels[p]) {
        labels[p] = l;
        changed++;
      }
    }
    [nf, nb] = collect();
    if (nf === 0 || nb === 0) {
      iter++;
      break;
    }
    if (iter > 0 && changed <= n * 0.0005) {
      iter++;
      break;
    }
  }
  return { labels, iterations: iter };
}
