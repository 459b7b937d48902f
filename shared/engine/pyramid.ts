/**
 * The exemplar fill's image pyramid and the per-level maps it needs: which patch centres may be
 * copied from (sources), which patches overlap the hole (targets) and how deep each pixel sits
 * inside the hole.
 */
import { countHoles, type Layer } from './region';

/** One pyramid level with its search maps. Indices are `y * width + x`. */
export interface Level extends Layer {
  /** 1 where a patch centred here lies fully inside the level and touches no hole pixel. */
  srcOk: Uint8Array;
  /** Number of valid source centres. */
  sourceCount: number;
  /** Pixel indices whose patch overlaps the hole, in raster order (hole ⊂ targets). */
  targets: Int32Array;
  /** For every pixel, its position in `targets`, or -1. */
  targetId: Int32Array;
  /**
   * Row and column stride of patch comparisons: 1 compares every patch pixel, 2 every other row and
   * column (16 of 49 pixels of a 7×7 patch; used on the two finest levels, see inpaint.ts).
   */
  rowStep: number;
  /** Chamfer distance (pixels) from each pixel to the nearest known pixel; 0 when known. */
  depth: Float32Array;
  /** Whether the patch distance compares the texture feature in the alpha slot (texture-channel.ts). */
  texture: boolean;
}

/**
 * Halves a layer. A coarse pixel is a hole if ANY child is a hole, so coarse known pixels are
 * built purely from known data; colours average the known children.
 */
export function downsampleConservative(layer: Layer): Layer {
  const { width: w, height: h, pix, hole } = layer;
  const cw = Math.max(1, w >> 1);
  const ch = Math.max(1, h >> 1);
  const cpix = new Float32Array(cw * ch * 4);
  const chole = new Uint8Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    const ys = 2 * cy,
      ye = cy === ch - 1 ? h : ys + 2;
    for (let cx = 0; cx < cw; cx++) {
      const xs = 2 * cx,
        xe = cx === cw - 1 ? w : xs + 2;
      let n = 0,
        any = 0;
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let y = ys; y < ye; y++) {
        for (let x = xs; x < xe; x++) {
          const i = y * w + x;
          if (hole[i]) {
            any = 1;
            continue;
          }
          const i4 = i * 4;
          r += pix[i4];
          g += pix[i4 + 1];
          b += pix[i4 + 2];
          a += pix[i4 + 3];
          n++;
        }
      }
      const ci = cy * cw + cx;
      chole[ci] = any;
      if (n > 0) {
        const c4 = ci * 4;
        cpix[c4] = r / n;
        cpix[c4 + 1] = g / n;
        cpix[c4 + 2] = b / n;
        cpix[c4 + 3] = a / n;
      }
    }
  }
  return { width: cw, height: ch, pix: cpix, hole: chole };
}

/** Two-pass chamfer (1, √2) distance from every pixel to the nearest non-hole pixel. */
export function depthMap(hole: Uint8Array, w: number, h: number): Float32Array {
  const d = new Float32Array(w * h);
  for (let i = 0; i < d.length; i++) d[i] = hole[i] ? 1e9 : 0;
  // One function per pass: V8 optimises each loop once instead of re-optimising one function per loop.
  chamferForward(d, w, h);
  chamferBackward(d, w, h);
  return d;
}

function chamferForward(d: Float32Array, w: number, h: number): void {
  const diag = Math.SQRT2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let v = d[i];
      if (v === 0) continue;
      if (x > 0) v = Math.min(v, d[i - 1] + 1);
      if (y > 0) {
        v = Math.min(v, d[i - w] + 1);
        if (x > 0) v = Math.min(v, d[i - w - 1] + diag);
        if (x < w - 1) v = Math.min(v, d[i - w + 1] + diag);
      }
      d[i] = v;
    }
  }
}

function chamferBackward(d: Float32Array, w: number, h: number): void {
  const diag = Math.SQRT2;
  for (let y = h - 1; y >= 0; y--) {
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      let v = d[i];
      if (v === 0) continue;
      if (x < w - 1) v = Math.min(v, d[i + 1] + 1);
      if (y < h - 1) {
        v = Math.min(v, d[i + w] + 1);
        if (x < w - 1) v = Math.min(v, d[i + w + 1] + diag);
        if (x > 0) v = Math.min(v, d[i + w - 1] + diag);
      }
      d[i] = v;
    }
  }
}

/**
 * The one place a {@link Level} object is made (makeLevel here, lanes.ts for a chunk's view), so
 * every level has the same hidden class and the hot loops taking one stay monomorphic.
 */
export function levelRecord(
  layer: Layer,
  srcOk: Uint8Array,
  sourceCount: number,
  targets: Int32Array,
  targetId: Int32Array,
  rowStep: number,
  depth: Float32Array,
  texture = false,
): Level {
  return {
    width: layer.width,
    height: layer.height,
    pix: layer.pix,
    hole: layer.hole,
    srcOk,
    sourceCount,
    targets,
    targetId,
    rowStep,
    depth,
    texture,
  };
}

/** Summed-area table of the hole map, (w + 1) × (h + 1). */
function holeSat(hole: Uint8Array, w: number, h: number): Int32Array {
  const W = w + 1;
  const sat = new Int32Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let rowSum = 0;
    for (let x = 0; x < w; x++) {
      rowSum += hole[y * w + x];
      sat[(y + 1) * W + x + 1] = sat[y * W + x + 1] + rowSum;
    }
  }
  return sat;
}

/**
 * Marks sources (`srcOk`) and numbers targets (`targetId`, raster order) for radius `r`; returns
 * [sources, targets].
 */
function classify(sat: Int32Array, w: number, h: number, r: number, srcOk: Uint8Array, targetId: Int32Array): [number, number] {
  const W = w + 1;
  let sourceCount = 0;
  let targetCount = 0;
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r),
      y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r),
        x1 = Math.min(w, x + r + 1);
      const holes = sat[y1 * W + x1] - sat[y0 * W + x1] - sat[y1 * W + x0] + sat[y0 * W + x0];
      const i = y * w + x;
      if (holes > 0) {
        targetId[i] = targetCount++;
      } else {
        targetId[i] = -1;
        if (x >= r && y >= r && x < w - r && y < h - r) {
          srcOk[i] = 1;
          sourceCount++;
        }
      }
    }
  }
  return [sourceCount, targetCount];
}

function targetList(targetId: Int32Array, count: number): Int32Array {
  const targets = new Int32Array(count);
  for (let i = 0; i < targetId.length; i++) if (targetId[i] >= 0) targets[targetId[i]] = i;
  return targets;
}

/**
 * Adds the search maps to a layer for patches of radius `r` (side `2r + 1`).
 * Uses an integral image of the hole so each box query is O(1).
 */
export function makeLevel(layer: Layer, r: number): Level {
  const { width: w, height: h, hole } = layer;
  const srcOk = new Uint8Array(w * h);
  const targetId = new Int32Array(w * h);
  const [sourceCount, targetCount] = classify(holeSat(hole, w, h), w, h, r, srcOk, targetId);
  return levelRecord(layer, srcOk, sourceCount, targetList(targetId, targetCount), targetId, 1, depthMap(hole, w, h));
}

/** Largest value of a depth map (how far the deepest hole pixel is from known data). */
function maxDepth(depth: Float32Array): number {
  let m = 0;
  for (let i = 0; i < depth.length; i++) if (depth[i] > m) m = depth[i];
  return m;
}

/**
 * Builds levels finest-first. Halving stops once the deepest hole pixel is within one patch of
 * known data (so coarsest-level patches always see context), or when another halving would
 * leave the level too small or too short of source patches to search.
 * @param finest - the working region at full resolution, or its level for radius `r` (made by {@link makeLevel})
 * @param r - patch radius
 * @returns levels, index 0 = full resolution
 */
export function buildPyramid(finest: Layer | Level, r: number): Level[] {
  const levels: Level[] = ['targetId' in finest ? finest : makeLevel(finest, r)];
  const side = 2 * r + 1;
  for (;;) {
    const cur = levels[levels.length - 1];
    if (maxDepth(cur.depth) <= side) break;
    if (Math.min(cur.width, cur.height) < 4 * side) break;
    const next = makeLevel(downsampleConservative(cur), r);
    const holes = countHoles(next.hole);
    if (next.sourceCount < Math.max(32, holes / 4)) break;
    levels.push(next);
  }
  return levels;
}
