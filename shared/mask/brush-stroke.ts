/**
 * Brush stroke rasterisation.
 *
 * A stroke's coverage is `falloff(distance from the pixel centre to the polyline)`, which is
 * exactly the MAX over round stamps placed continuously along the polyline (stamp spacing → 0,
 * well below the 25 % of the diameter a stamping brush would need). Self-overlap inside one
 * stroke therefore never builds up. Coordinates are document pixels; pixel `(x, y)` has its
 * centre at `(x + 0.5, y + 0.5)`.
 *
 * The minimum distance is computed exactly but cheaply: a pixel's nearest polyline point is
 * either inside a segment (the pixel lies in that segment's perpendicular band) or a vertex
 * (the pixel lies in the vertex's outer wedge, or near a polyline end). Each band / wedge / end
 * disc only evaluates its own pixels, so the work is ≈ diameter × length plus the turns, instead
 * of one full disc per input point. Rows are processed one at a time (memory O(width)).
 */
import { brushProfile, type BrushOptions, type StrokePoint } from './brush-profile';
import type { Coverage } from './tiled-mask';

/** Slack (px) added to every region boundary so float rounding never leaves a gap between them. */
const EPS = 1e-6;

const BAND = 0;
const WEDGE = 1;
const DISC = 2;

/** A region whose pixels measure their distance to one segment (band) or one point (wedge/disc). */
interface Prim {
  kind: number;
  /** Band: segment start; wedge/disc: the vertex. */
  ax: number;
  ay: number;
  /** Band: unit direction and length; wedge: direction of the incoming segment. */
  ux: number;
  uy: number;
  len: number;
  /** Wedge: direction of the outgoing segment. */
  vx: number;
  vy: number;
  /** First and last pixel row touched. */
  row0: number;
  row1: number;
}

/** Intersects `acc` with the x-range where `lo ≤ k*x + c ≤ hi`. Returns false if empty. */
function clampLinear(k: number, c: number, lo: number, hi: number, acc: Float64Array): boolean {
  if (Math.abs(k) < 1e-12) return c >= lo && c <= hi;
  let a = (lo - c) / k;
  let b = (hi - c) / k;
  if (a > b) {
    const t = a;
    a = b;
    b = t;
  }
  if (a > acc[0]) acc[0] = a;
  if (b < acc[1]) acc[1] = b;
  return acc[0] <= acc[1];
}

function rowsFor(y0: number, y1: number, R: number): [number, number] {
  return [Math.ceil(Math.min(y0, y1) - R - 0.5), Math.floor(Math.max(y0, y1) + R - 0.5)];
}

function buildPrims(pts: readonly StrokePoint[], R: number): Prim[] {
  const prims: Prim[] = [];
  const point = (kind: number, x: number, y: number, ux = 0, uy = 0, vx = 0, vy = 0): void => {
    const [row0, row1] = rowsFor(y, y, R);
    prims.push({ kind, ax: x, ay: y, ux, uy, len: 0, vx, vy, row0, row1 });
  };
  const n = pts.length;
  point(DISC, pts[0].x, pts[0].y);
  if (n === 1) return prims;
  point(DISC, pts[n - 1].x, pts[n - 1].y);
  let pux = 0;
  let puy = 0;
  for (let i = 0; i + 1 < n; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    // Band rows: extremes of the rectangle corners a ± nR, b ± nR with n = (-uy, ux).
    const ny = ux * R;
    const [row0, row1] = rowsFor(Math.min(a.y, b.y) - Math.abs(ny), Math.max(a.y, b.y) + Math.abs(ny), 0);
    prims.push({ kind: BAND, ax: a.x, ay: a.y, ux, uy, len, vx: 0, vy: 0, row0, row1 });
    if (i > 0) point(WEDGE, a.x, a.y, pux, puy, ux, uy);
    pux = ux;
    puy = uy;
  }
  return prims;
}

/**
 * Rasterises a brush stroke along `points` (document pixels) into a coverage patch (values
 * 0..255). A single point stamps one disc. The coverage rect is the integer bounding box of the
 * points grown by `radius + 1` (it may extend outside the document; `applyCoverage` clips).
 * Returns an empty patch for no points or a non-positive size.
 */
export function rasterizeStroke(points: readonly StrokePoint[], brush: BrushOptions): Coverage {
  // Drop non-finite points and consecutive duplicates (zero-length segments).
  const pts: StrokePoint[] = [];
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const last = pts[pts.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    pts.push(p);
  }
  if (pts.length === 0 || !(brush.size > 0)) {
    return { rect: { x: 0, y: 0, width: 0, height: 0 }, data: new Uint8Array(0) };
  }
  const profile = brushProfile(brush);
  const r = brush.size / 2;
  const R = profile.outer;
  const R2 = R * R;
  const inner2 = profile.inner > 0 ? profile.inner * profile.inner : -1;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of pts) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  const rx = Math.floor(minX - r - 1);
  const ry = Math.floor(minY - r - 1);
  const rw = Math.ceil(maxX + r + 1) - rx;
  const rh = Math.ceil(maxY + r + 1) - ry;
  const data = new Uint8Array(rw * rh);

  // Falloff (0..255) sampled every 1/16 px, linearly interpolated.
  const lutScale = 16;
  const lut = new Float32Array(Math.ceil(R * lutScale) + 2);
  for (let i = 0; i < lut.length; i++) lut[i] = profile.at(i / lutScale) * 255;

  const prims = buildPrims(pts, R).sort((p, q) => p.row0 - q.row0);
  let next = 0;
  let active: Prim[] = [];
  const rowD2 = new Float64Array(rw).fill(Infinity);
  const acc = new Float64Array(2);
  for (let row = 0; row < rh; row++) {
    const py = ry + row;
    const cy = py + 0.5;
    while (next < prims.length && prims[next].row0 <= py) active.push(prims[next++]);
    if (active.length === 0) continue;
    active = active.filter((p) => p.row1 >= py);
    let touched0 = rw;
    let touched1 = -1;
    for (const p of active) {
      const ey = cy - p.ay;
      acc[0] = -Infinity;
      acc[1] = Infinity;
      if (p.kind === BAND) {
        // along = (x - ax)·u ∈ [0, len]; across = (x - ax)·n ∈ [-R, R], n = (-uy, ux).
        if (!clampLinear(p.ux, ey * p.uy - p.ax * p.ux, -EPS, p.len + EPS, acc)) continue;
        if (!clampLinear(-p.uy, ey * p.ux + p.ax * p.uy, -R - EPS, R + EPS, acc)) continue;
      } else {
        const e = R2 - ey * ey;
        if (e < 0) continue;
        const s = Math.sqrt(e) + EPS;
        acc[0] = p.ax - s;
        acc[1] = p.ax + s;
        if (p.kind === WEDGE) {
          // Beyond the end of the incoming segment and before the start of the outgoing one.
          if (!clampLinear(p.ux, ey * p.uy - p.ax * p.ux, -EPS, Infinity, acc)) continue;
          if (!clampLinear(p.vx, ey * p.vy - p.ax * p.vx, -Infinity, EPS, acc)) continue;
        }
      }
      const x0 = Math.max(rx, Math.ceil(acc[0] - 0.5)) - rx;
      const x1 = Math.min(rx + rw - 1, Math.floor(acc[1] - 0.5)) - rx;
      if (x1 < x0) continue;
      if (x0 < touched0) touched0 = x0;
      if (x1 > touched1) touched1 = x1;
      if (p.kind === BAND) {
        // Perpendicular distance is linear along the row: across = k*x + c.
        const k = -p.uy;
        let across = (rx + x0 + 0.5 - p.ax) * k + ey * p.ux;
        for (let x = x0; x <= x1; x++, across += k) {
          const d2 = across * across;
          if (d2 < rowD2[x]) rowD2[x] = d2;
        }
      } else {
        const ey2 = ey * ey;
        let ex = rx + x0 + 0.5 - p.ax;
        for (let x = x0; x <= x1; x++, ex++) {
          const d2 = ex * ex + ey2;
          if (d2 < rowD2[x]) rowD2[x] = d2;
        }
      }
    }
    const o = row * rw;
    for (let x = touched0; x <= touched1; x++) {
      const d2 = rowD2[x];
      rowD2[x] = Infinity;
      if (d2 >= R2) continue;
      if (d2 <= inner2) {
        data[o + x] = 255;
        continue;
      }
      const f = Math.sqrt(d2) * lutScale;
      const i = f | 0;
      const l0 = lut[i];
      data[o + x] = Math.round(l0 + (lut[i + 1] - l0) * (f - i));
    }
  }
  return { rect: { x: rx, y: ry, width: rw, height: rh }, data };
}
