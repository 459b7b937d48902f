/**
 * Refine edge for any mask: the mask's bounding box (plus the radius) is guided-filtered block by
 * block where it has an edge, with the photo as guide, so the edge moves onto the object's edge.
 */
import { expandRect, intersectRects } from '../geometry/rect';
import { maskBounds } from '../mask/mask-queries';
import { readMaskRegion } from '../mask/mask-region';
import type { Coverage, TiledMask } from '../mask/tiled-mask';
import { refineAlongEdge, refineReach } from './edge-refine';
import type { PixelSource } from './rgba';

export interface RefineMaskOptions {
  /** Window radius in px (how far an edge may move). */
  radius: number;
  /** 0..1: how closely the edge follows colour differences (small = closer). */
  smoothness?: number;
  shouldStop?: () => boolean;
}

/** The refined mask values over a region, as a coverage to apply in `replace` mode; null for an empty mask. */
export function refineMaskEdge(src: PixelSource, mask: TiledMask, opts: RefineMaskOptions): Coverage | null {
  const b = maskBounds(mask);
  if (!b) return null;
  const r = Math.max(1, Math.round(opts.radius));
  const passes = 2;
  // As far as the filter reaches beyond the mask, so the region's border cuts no window short.
  const region = intersectRects(expandRect(b, refineReach(r, passes)), { x: 0, y: 0, width: mask.width, height: mask.height });
  if (!region) return null;
  const soft = readMaskRegion(mask, region);
  const s = Math.min(1, Math.max(0, opts.smoothness ?? 0.3));
  const eps = 1e-4 * 10 ** (3 * s);
  const data = refineAlongEdge(src, region, soft, { radius: r, eps, sharpen: 3, passes, shouldStop: opts.shouldStop });
  return { rect: region, data };
}
