/**
 * A brush stroke whose size and/or opacity follow pen pressure. The stroke is cut into runs of
 * nearly equal pressure (16 levels); each run is rasterised as an ordinary stroke at its size and
 * strength, and the runs are united by their maximum, so joints never build up.
 */
import type { BrushOptions } from './brush-profile';
import { rasterizeStroke } from './brush-stroke';
import type { Coverage } from './tiled-mask';

export interface PressurePoint {
  x: number;
  y: number;
  /** 0..1 (pointer events' `pressure`). */
  pressure: number;
}

export type PressureMapping = 'size' | 'opacity' | 'both';

const LEVELS = 16;
/** The lightest touch still paints at this fraction of the size / strength. */
const FLOOR = 0.1;

function level(p: number): number {
  const v = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 1;
  return Math.max(1, Math.round(v * LEVELS));
}

export function rasterizePressureStroke(points: readonly PressurePoint[], opts: BrushOptions, mapping: PressureMapping): Coverage {
  const runs: { level: number; pts: PressurePoint[] }[] = [];
  for (let i = 0; i < points.length; i++) {
    const l = level(points[i].pressure);
    const last = runs[runs.length - 1];
    if (last && last.level === l) last.pts.push(points[i]);
    else {
      // A new run starts at the previous point so the runs join without a gap.
      runs.push({ level: l, pts: last ? [last.pts[last.pts.length - 1], points[i]] : [points[i]] });
    }
  }
  const parts = runs.map((r) => {
    const k = FLOOR + ((1 - FLOOR) * r.level) / LEVELS;
    const size = mapping === 'opacity' ? opts.size : Math.max(1, opts.size * k);
    const cov = rasterizeStroke(r.pts, { ...opts, size });
    const strength = mapping === 'size' ? 1 : k;
    if (strength < 1) for (let i = 0; i < cov.data.length; i++) cov.data[i] = Math.round(cov.data[i] * strength);
    return cov;
  });
  if (parts.length === 1) return parts[0];
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const c of parts) {
    if (c.rect.width <= 0 || c.rect.height <= 0) continue;
    x0 = Math.min(x0, c.rect.x);
    y0 = Math.min(y0, c.rect.y);
    x1 = Math.max(x1, c.rect.x + c.rect.width);
    y1 = Math.max(y1, c.rect.y + c.rect.height);
  }
  if (!(x1 > x0)) return { rect: { x: 0, y: 0, width: 0, height: 0 }, data: new Uint8Array(0) };
  const w = x1 - x0;
  const data = new Uint8Array(w * (y1 - y0));
  for (const c of parts) {
    for (let y = 0; y < c.rect.height; y++) {
      const o = (c.rect.y - y0 + y) * w + (c.rect.x - x0);
      for (let x = 0; x < c.rect.width; x++) {
        const v = c.data[y * c.rect.width + x];
        if (v > data[o + x]) data[o + x] = v;
      }
    }
  }
  return { rect: { x: x0, y: y0, width: w, height: y1 - y0 }, data };
}
