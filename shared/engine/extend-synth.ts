/**
 * Texture synthesis for large extensions, at a reduced scale (see extend.ts).
 *
 * Onion-peel, pixel-by-pixel synthesis from known pixels only (Efros & Leung 1999; candidate sets
 * after Ashikhmin 2001): hole pixels are visited in order of their distance from the known area;
 * each one takes the source pixel whose known neighbourhood best matches its already-known /
 * already-synthesised neighbourhood. Candidates are
 * - coherent continuations of the neighbours' sources (keeps whole regions of the photo intact),
 * - random sources near the pixel's mirror image across the band (a spatial prior: what lies just
 *   beyond the edge resembles what lies just inside it, not the busy middle of the photo),
 * - random sources anywhere (more when the neighbourhood offers nothing).
 * An occurrence penalty (a per-source use count) keeps the synthesis from stamping the same source
 * region over and over on long extensions, and a rarity penalty (how uncommon a source's colour is
 * among the known pixels) and a distinctness penalty (how unlike any other part of the photo a
 * source's patch is: extend-distinct.ts) favour the photo's background over its subject. Sources in and next to
 * sharp structure that the band does not have (lettering, a logo) are not used at all
 * ({@link excludeStructure}).
 *
 * The result is a source index per hole pixel (the field), so the caller can copy full-resolution
 * detail from it.
 */
import { multiScaleDistinctness } from './extend-distinct';
import type { Layer } from './region';
import type { Rng } from './random';

/** Random candidates drawn around the mirror point, per pixel. */
const LOCAL_SAMPLES = 10;
/** How far inside the known area (coarse px) the spatial prior looks at most. */
const MIRROR_DEPTH = 16;
/** Random candidates drawn anywhere, per pixel, when fewer than two others are valid. */
const GLOBAL_SAMPLES = 4;
/**
 * Occurrence penalty per earlier use of a source pixel, as a fraction of the typical match cost
 * (a running mean of the chosen candidates' costs, at least {@link MIN_COST_REF}): relative, so it
 * bites on busy textures (which match themselves at a high cost) as much as on plain ones.
 */
export const OCCURRENCE_PENALTY = 1;
/** Random candidates drawn anywhere for every pixel (the background's colours come up most often). */
const ANYWHERE_SAMPLES = 6;
/**
 * Figure/ground prior: penalty per unit of a source's colour rarity ({@link colourRarity}), as a
 * fraction of the typical match cost. What lies beyond the band is more often the photo's
 * background (its most common colours) than a continuation of the subject that crosses the band:
 * without it, the wizard, the cat's eye or the dandelion's seed head were stamped across the whole
 * extension (texture 2–6× the truth's).
 */
export const RARITY_WEIGHT = 1;
/**
 * {@link excludeStructure}: a known cell is dropped (with its surroundings) when its sub-cell detail
 * exceeds {@link STRUCTURE_RATIO} × the {@link STRUCTURE_BAND_QUANTILE} quantile of the detail of the
 * known cells within {@link MIRROR_DEPTH} cells of the hole (the strongest structure the band itself
 * has) and {@link STRUCTURE_FLOOR} (RGB standard deviation, grey levels). Tuned on the dev set's
 * centre-half outpaints (9/15 in range before and after; floors 40, 60, 80 tried: 60 and 80 left dark
 * specks next to gimp-splash's title) and the 21:9 extension of gimp-splash (extend-photos.test.ts).
 */
const STRUCTURE_RATIO = 1.5;
const STRUCTURE_BAND_QUANTILE = 0.99;
const STRUCTURE_FLOOR = 40;
/**
 * Radius (coarse px) around a dropped cell whose sources go too: the low-frequency offset of the copy
 * (extend-offsets.ts, σ = 1.5 coarse px) blurs over about this far, so a source next to a bright stroke
 * would carry a dark speck into the extension.
 */
const STRUCTURE_REACH = 4;
/**
 * Figure/ground prior by shape: penalty per unit of a source's patch distinctness (extend-distinct.ts,
 * in the unit of the match cost), in full from the band (not faded in with the rarity penalty: near the
 * band the mirror-point candidates sample the object the band cuts, and chelsea's right eye went on
 * with a second pupil beside it). Keeps distinct objects (a rocket's nose, lamps, eyes) out of the extension.
 */
export const DISTINCT_WEIGHT = 1;
/** Floor of the typical match cost (mean squared RGB difference per pixel). */
const MIN_COST_REF = 25;
/** Pixels synthesised between progress ticks. */
export const SYNTH_TICK = 256;

/** Source centres whose `(2r+1)²` patch is inside the layer and fully known. */
export function sourceMask(layer: Layer, r: number): Uint8Array {
  const { width: w, height: h, hole } = layer;
  // Per-row running count of holes, then a vertical window: O(w·h).
  const rowHoles = new Int32Array(w * h);
  for (let y = 0; y < h; y++) {
    let run = 0;
    for (let x = 0; x < w; x++) {
      run += hole[y * w + x];
      if (x - 2 * r - 1 >= 0) run -= hole[y * w + x - 2 * r - 1];
      if (x >= 2 * r) rowHoles[y * w + x - r] = run;
    }
  }
  const ok = new Uint8Array(w * h);
  for (let y = r; y < h - r; y++) {
    for (let x = r; x < w - r; x++) {
      let s = 0;
      for (let dy = -r; dy <= r && s === 0; dy++) s += rowHoles[(y + dy) * w + x];
      if (s === 0) ok[y * w + x] = 1;
    }
  }
  return ok;
}

/**
 * Breadth-first (4-connected) order of the hole pixels from the known area, each with the known
 * pixel it was reached from and its step distance. Hole pixels not connected to any known pixel
 * are appended last with `near = -1`.
 */
export function onionOrder(hole: Uint8Array, w: number, h: number): { order: Int32Array; near: Int32Array; dist: Int32Array } {
  const n = w * h;
  const near = new Int32Array(n).fill(-1);
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0,
    tail = 0;
  for (let i = 0; i < n; i++) {
    if (hole[i]) continue;
    near[i] = i;
    const x = i % w;
    if ((x > 0 && hole[i - 1]) || (x < w - 1 && hole[i + 1]) || (i >= w && hole[i - w]) || (i + w < n && hole[i + w])) queue[tail++] = i;
  }
  const order: number[] = [];
  while (head < tail) {
    const i = queue[head++];
    const x = i % w;
    const visit = (j: number) => {
      if (!hole[j] || near[j] >= 0) return;
      near[j] = near[i];
      dist[j] = dist[i] + 1;
      queue[tail++] = j;
      order.push(j);
    };
    if (x > 0) visit(i - 1);
    if (x < w - 1) visit(i + 1);
    if (i >= w) visit(i - w);
    if (i + w < n) visit(i + w);
  }
  for (let i = 0; i < n; i++) if (hole[i] && near[i] < 0) order.push(i);
  return { order: Int32Array.from(order), near, dist };
}

/**
 * Synthesises the hole of `layer` in place (its `pix` gets the chosen source colours) and returns
 * the field: `src[p]` = source pixel index for every hole pixel p (−1 elsewhere), or null (layer
 * untouched) when no fully known patch exists.
 * @param r - patch radius of the neighbourhood comparison
 * @param tick - called every {@link SYNTH_TICK} pixels (progress and cancellation)
 * @param opts.occurrencePenalty - see {@link OCCURRENCE_PENALTY} (0 turns it off)
 * @param opts.rarityWeight - see {@link RARITY_WEIGHT} (0 turns it off)
 * @param opts.rarityRamp - onion depth (px of this layer) over which the rarity penalty fades in (0: at once)
 * @param opts.onSetup - called after each of the three set-up passes (progress on large layers)
 */
export function synthesizeField(
  layer: Layer,
  r: number,
  rng: Rng,
  tick: () => void,
  opts: {
    occurrencePenalty?: number;
    rarityWeight?: number;
    rarityRamp?: number;
    distinctWeight?: number;
    onSetup?: () => void;
    detail?: Float32Array;
    reachDetail?: Float32Array;
  } = {},
): Int32Array | null {
  const {
    occurrencePenalty = OCCURRENCE_PENALTY,
    rarityWeight = RARITY_WEIGHT,
    rarityRamp = 0,
    distinctWeight = DISTINCT_WEIGHT,
    onSetup,
  } = opts;
  const { width: w, height: h, pix, hole } = layer;
  const n = w * h;
  const ok = sourceMask(layer, r);
  if (opts.detail) excludeStructure(ok, opts.detail, w, h, hole, opts.reachDetail);
  const sources: number[] = [];
  for (let i = 0; i < n; i++) if (ok[i]) sources.push(i);
  if (sources.length === 0) return null;
  onSetup?.();
  const src = new Int32Array(n).fill(-1);
  const { order, near, dist } = onionOrder(hole, w, h);
  onSetup?.();
  const avail = new Uint8Array(n);
  for (let i = 0; i < n; i++) avail[i] = hole[i] ? 0 : 1;
  const uses = new Uint16Array(n);
  const rarity = colourRarity(pix, ok, n);
  const distinct = distinctWeight > 0 ? multiScaleDistinctness(layer, ok, r, MIRROR_DEPTH) : null;
  onSetup?.();
  const cands = new Int32Array(8 * 2 + LOCAL_SAMPLES + GLOBAL_SAMPLES + ANYWHERE_SAMPLES);
  let costRef = 4 * MIN_COST_REF;

  for (let j = 0; j < order.length; j++) {
    if (j > 0 && j % SYNTH_TICK === 0) tick();
    const p = order[j];
    const px = p % w,
      py = (p - px) / w;
    let nc = 0;
    // Coherent continuations of synthesised neighbours within distance 2.
    for (let dy = -2; dy <= 2; dy++) {
      const qy = py + dy;
      if (qy < 0 || qy >= h) continue;
      for (let dx = -2; dx <= 2; dx++) {
        const qx = px + dx;
        if ((dx === 0 && dy === 0) || qx < 0 || qx >= w) continue;
        if (Math.abs(dx) + Math.abs(dy) > 2) continue;
        const s = src[qy * w + qx];
        if (s < 0) continue;
        const sx = (s % w) - dx,
          sy = (s - (s % w)) / w - dy;
        if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
        const c = sy * w + sx;
        if (ok[c]) cands[nc++] = c;
      }
    }
    // Spatial prior: samples around the mirror image of p across its nearest known pixel.
    const k = near[p];
    if (k >= 0) {
      const kx = k % w,
        ky = (k - kx) / w;
      // Mirror point, at most MIRROR_DEPTH inside the known area.
      const dd = Math.max(1, dist[p]);
      const sc = Math.min(dd, MIRROR_DEPTH) / dd;
      const mx = Math.min(w - 1, Math.max(0, Math.round(kx + (kx - px) * sc))),
        my = Math.min(h - 1, Math.max(0, Math.round(ky + (ky - py) * sc)));
      const rad = Math.max(4 * r + 2, Math.min(dist[p], MIRROR_DEPTH));
      for (let t = 0; t < LOCAL_SAMPLES; t++) {
        const sx = mx + Math.floor((2 * rng.next() - 1) * rad + 0.5),
          sy = my + Math.floor((2 * rng.next() - 1) * rad + 0.5);
        if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
        const c = sy * w + sx;
        if (ok[c]) cands[nc++] = c;
      }
    }
    // Anywhere, only when the neighbourhood offers (almost) nothing.
    if (nc < 2) for (let t = 0; t < GLOBAL_SAMPLES; t++) cands[nc++] = sources[rng.int(sources.length)];
    // Background candidates: uniform over the sources, i.e. in proportion to how common they are.
    for (let t = 0; t < ANYWHERE_SAMPLES; t++) cands[nc++] = sources[rng.int(sources.length)];

    let best = -1,
      bestCost = Infinity,
      bestMatch = 0;
    const penalty = occurrencePenalty * Math.max(MIN_COST_REF, costRef);
    const ramp = rarityRamp > 0 ? Math.min(1, dist[p] / rarityRamp) : 1;
    const rarityPenalty = rarityWeight * ramp * Math.max(MIN_COST_REF, costRef);
    for (let ci = 0; ci < nc; ci++) {
      const c = cands[ci];
      if (c === best) continue;
      const match = neighbourhoodCost(pix, avail, w, h, r, p, c);
      let cost = match + penalty * uses[c] + rarityPenalty * rarity[c];
      if (distinct) cost += distinctWeight * distinct[c];
      if (cost < bestCost) {
        bestCost = cost;
        bestMatch = match;
        best = c;
      }
    }
    if (best < 0) best = sources[0];
    else costRef += (bestMatch - costRef) / 256;
    src[p] = best;
    if (uses[best] < 65535) uses[best]++;
    const p4 = p * 4,
      b4 = best * 4;
    pix[p4] = pix[b4];
    pix[p4 + 1] = pix[b4 + 1];
    pix[p4 + 2] = pix[b4 + 2];
    pix[p4 + 3] = pix[b4 + 3];
    avail[p] = 1;
  }
  return src;
}

/**
 * Mean squared RGB difference between the available pixels of the neighbourhood of `p` and the
 * same offsets around source `c` (whose patch is fully known). Infinity when nothing is available.
 */
function neighbourhoodCost(pix: Float32Array, avail: Uint8Array, w: number, h: number, r: number, p: number, c: number): number {
  const px = p % w,
    py = (p - px) / w;
  let sum = 0,
    cnt = 0;
  for (let dy = -r; dy <= r; dy++) {
    const y = py + dy;
    if (y < 0 || y >= h) continue;
    for (let dx = -r; dx <= r; dx++) {
      const x = px + dx;
      if (x < 0 || x >= w) continue;
      const q = y * w + x;
      if (!avail[q]) continue;
      const q4 = q * 4,
        s4 = (c + dy * w + dx) * 4;
      const a = pix[q4] - pix[s4],
        b = pix[q4 + 1] - pix[s4 + 1],
        d = pix[q4 + 2] - pix[s4 + 2];
      sum += a * a + b * b + d * d;
      cnt++;
    }
  }
  return cnt === 0 ? Infinity : sum / cnt;
}

/**
 * Per source pixel, how rare its colour is among the known pixels: −log of its 8×8×8 RGB bin's
 * share, minus the mean of that over the known pixels (so the typical colour scores ≈ 0, the
 * colours of small objects score high).
 */
export function colourRarity(pix: Float32Array, ok: Uint8Array, n: number): Float32Array {
  const bin = (i: number) => ((pix[i * 4] >> 5) << 6) | ((pix[i * 4 + 1] >> 5) << 3) | (pix[i * 4 + 2] >> 5);
  const hist = new Float64Array(512);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!ok[i]) continue;
    hist[bin(i)]++;
    total++;
  }
  const out = new Float32Array(n);
  if (total === 0) return out;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    if (!ok[i]) continue;
    out[i] = -Math.log(hist[bin(i)] / total);
    mean += out[i];
  }
  mean /= total;
  for (let i = 0; i < n; i++) out[i] = ok[i] ? Math.max(0, out[i] - mean) : 0;
  return out;
}

/**
 * Drops from the sources (`ok`) the known cells whose sub-cell detail (`detail`: the full-resolution
 * RGB standard deviation inside the cell, 0 at f = 1) is well above what the band offers — more than
 * {@link STRUCTURE_RATIO} × the 99th percentile of the detail of the known cells within
 * {@link MIRROR_DEPTH} cells of the hole, and at least {@link STRUCTURE_FLOOR} — and every source
 * within {@link STRUCTURE_REACH} cells of them. That is sharp structure the band does not continue
 * — lettering or a logo before a soft background — which the reduced region averages away, so the
 * match cannot see it, but the full-resolution copy (and the low-frequency offset, blurred over the
 * source's surroundings) would bring it back into the extension as stray strokes and dark specks.
 * Nothing is dropped if fewer than half of the sources would remain.
 */
export function excludeStructure(
  ok: Uint8Array,
  detail: Float32Array,
  w: number,
  h: number,
  hole: Uint8Array,
  reachDetail: Float32Array = detail,
): void {
  const near = dilate(hole, w, h, MIRROR_DEPTH);
  let nv = 0;
  for (let i = 0; i < w * h; i++) if (!hole[i] && near[i]) nv++;
  if (nv === 0) return;
  const vals = new Float32Array(nv);
  for (let i = 0, k = 0; i < w * h; i++) if (!hole[i] && near[i]) vals[k++] = detail[i];
  vals.sort();
  const limit = Math.max(STRUCTURE_FLOOR, STRUCTURE_RATIO * vals[Math.floor(STRUCTURE_BAND_QUANTILE * (vals.length - 1))]);
  const seeds = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) if (!hole[i] && reachDetail[i] >= limit) seeds[i] = 1;
  const drop = dilate(seeds, w, h, STRUCTURE_REACH);
  let before = 0,
    after = 0;
  for (let i = 0; i < w * h; i++) {
    before += ok[i];
    if (ok[i] && !drop[i]) after++;
  }
  if (after * 2 < before) return;
  for (let i = 0; i < w * h; i++) if (drop[i]) ok[i] = 0;
}

/** 1 where a non-zero pixel of `m` lies within Chebyshev distance `r` (separable running counts). */
function dilate(m: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const tmp = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let run = 0;
    for (let x = 0; x < w + r; x++) {
      if (x < w && m[y * w + x]) run++;
      if (x - 2 * r - 1 >= 0 && m[y * w + x - 2 * r - 1]) run--;
      if (x - r >= 0 && x - r < w && run > 0) tmp[y * w + x - r] = 1;
    }
  }
  const out = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) {
    let run = 0;
    for (let y = 0; y < h + r; y++) {
      if (y < h && tmp[y * w + x]) run++;
      if (y - 2 * r - 1 >= 0 && tmp[(y - 2 * r - 1) * w + x]) run--;
      if (y - r >= 0 && y - r < h && run > 0) out[(y - r) * w + x] = 1;
    }
  }
  return out;
}
