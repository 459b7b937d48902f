/**
 * Brush shape: parameters and the radial falloff profile shared by stroke rasterisation.
 * Distances are in document pixels.
 */

/** A point of a stroke polyline, in document pixels. */
export interface StrokePoint {
  x: number;
  y: number;
}

/** Brush shape parameters. */
export interface BrushOptions {
  /** Brush diameter in document pixels. */
  size: number;
  /** 0..1: 1 = hard anti-aliased edge, lower = smooth falloff from `radius*hardness` to `radius`. */
  hardness: number;
}

/** Precomputed radial profile of a brush (distances in document pixels). */
export interface BrushProfile {
  /** Distances ≤ this are fully covered. */
  readonly inner: number;
  /** Distances ≥ this are not covered at all. */
  readonly outer: number;
  /** Coverage 0..1 at distance `d` from the stroke centre line. */
  readonly at: (d: number) => number;
}

/**
 * The radial falloff of a brush. With radius `r = size/2`, the edge ramps from
 * `r*hardness - 0.5` to `r + 0.5`: for hardness 1 that is a 1-px linear ramp (an anti-aliased
 * disc of radius `r`), for softer brushes the ramp blends towards a smoothstep.
 */
export function brushProfile(brush: BrushOptions): BrushProfile {
  const r = Math.max(0, brush.size) / 2;
  const h = Math.min(1, Math.max(0, Number.isFinite(brush.hardness) ? brush.hardness : 1));
  const inner = r * h - 0.5;
  const outer = r + 0.5;
  const width = outer - inner; // ≥ 1
  // 0 = pure linear (hard AA edge), 1 = pure smoothstep (soft brush).
  const k = Math.min(1, Math.max(0, (width - 1) / 2));
  const at = (d: number): number => {
    if (d <= inner) return 1;
    if (d >= outer) return 0;
    const t = (d - inner) / width;
    const lin = 1 - t;
    const smooth = 1 - t * t * (3 - 2 * t);
    return lin + (smooth - lin) * k;
  };
  return { inner, outer, at };
}
