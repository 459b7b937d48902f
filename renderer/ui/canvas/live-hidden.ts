/**
 * The overlay's view of a layer mask while a stroke paints it: where the mask, as the stroke leaves
 * it so far, hides the layer (255 − value). The layer itself follows the stroke on every frame
 * (layer-mask-stroke.ts); without this the red overlay of the hidden part kept the mask as it was
 * before the stroke until the pointer came up. Each frame copies only the tiles the frame's
 * rectangle touches (the painter caches tile canvases by tile identity, so it redraws just those).
 * The view is dropped when the stroke is committed (its new mask is drawn from then on) or
 * cancelled, and ignored for any other mask id than the one the stroke started from.
 */
import { createEmptyMask, TILE_SIZE, type Rect, type TiledMask } from '../../../shared/mask';
import { materializeTile } from '../../../shared/mask/tiled-mask';

interface Live {
  layerId: string;
  /** The mask id the stroke started from (undefined: the layer had none). */
  from: string | undefined;
  mask: TiledMask;
}

let live: Live | null = null;

/**
 * The hidden part to draw for `layerId` whose mask is `maskId` now, while (or just after) a stroke
 * paints it; undefined when no stroke's view applies.
 */
export function liveHiddenPart(layerId: string, maskId: string | undefined): TiledMask | undefined {
  if (!live || live.layerId !== layerId) return undefined;
  if (live.from !== maskId) {
    // The stroke was committed (or undone past): the mask as it is now is drawn from here on.
    live = null;
    return undefined;
  }
  return live.mask;
}

/** Drops the view (the stroke was committed: the layer's new mask is drawn as it is). */
export function dropLiveHidden(): void {
  live = null;
}

/**
 * Starts the view for a stroke on `layerId`, whose mask is `maskId` with hidden part `hidden` (none:
 * the layer hides nothing). Returns what the stroke's frames call: `update(r, values)` with the
 * mask's values inside `r` (row-major, `r.width` per row); `cancel()` drops the view at once.
 */
export function beginLiveHidden(
  layerId: string,
  maskId: string | undefined,
  hidden: TiledMask | null,
  size: { width: number; height: number },
): { update(r: Rect, values: Uint8Array): void; cancel(): void } {
  const state: Live = { layerId, from: maskId, mask: hidden ?? createEmptyMask(size.width, size.height) };
  live = state;
  return {
    update(r, values) {
      const m = state.mask;
      const tiles = m.tiles.slice();
      const tx0 = Math.max(0, Math.floor(r.x / TILE_SIZE));
      const ty0 = Math.max(0, Math.floor(r.y / TILE_SIZE));
      const tx1 = Math.min(m.cols - 1, Math.floor((r.x + r.width - 1) / TILE_SIZE));
      const ty1 = Math.min(m.rows - 1, Math.floor((r.y + r.height - 1) / TILE_SIZE));
      for (let ty = ty0; ty <= ty1; ty++)
        for (let tx = tx0; tx <= tx1; tx++) {
          const i = ty * m.cols + tx;
          const ox = tx * TILE_SIZE;
          const oy = ty * TILE_SIZE;
          const w = Math.min(TILE_SIZE, m.width - ox);
          const h = Math.min(TILE_SIZE, m.height - oy);
          const t = materializeTile(tiles[i], w, h);
          const x0 = Math.max(r.x, ox);
          const x1 = Math.min(r.x + r.width, ox + w);
          const y0 = Math.max(r.y, oy);
          const y1 = Math.min(r.y + r.height, oy + h);
          for (let y = y0; y < y1; y++)
            for (let x = x0, q = (y - oy) * TILE_SIZE + (x0 - ox), k = (y - r.y) * r.width + (x0 - r.x); x < x1; x++, q++, k++)
              t[q] = 255 - values[k];
          tiles[i] = t;
        }
      state.mask = { ...m, tiles };
    },
    cancel() {
      if (live === state) live = null;
    },
  };
}
