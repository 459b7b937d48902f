/** Helpers of `app-path.ts` (a module of its own: that file runs the bench when imported). */
import { squaredDistanceTransform } from '../../shared/mask/distance-transform';

/** The renderer's Grow (shared/mask/grow-mask.ts): Euclidean, a 1-px anti-aliased edge, soft values kept. */
export function grown(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  if (r <= 0) return mask;
  const d2 = squaredDistanceTransform(mask, w, h, (v) => v >= 128);
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) {
    const dd = d2[i];
    const g = dd <= r * r ? 255 : dd >= (r + 1) * (r + 1) ? 0 : Math.round((r + 1 - Math.sqrt(dd)) * 255);
    out[i] = Math.max(g, mask[i]);
  }
  return out;
}
