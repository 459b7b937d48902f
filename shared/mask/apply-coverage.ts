/**
 * Compositing a coverage patch (brush stroke, selection shape, region result) into a mask.
 */
import { intersectRects } from '../geometry/rect';
import { buildMask, collapseTile, materializeTile, TILE_SIZE, tileExtent, type Coverage, type Tile, type TiledMask } from './tiled-mask';

/**
 * How a coverage patch combines with the existing mask value: `add` and `subtract` build up and
 * wear down like paint (brush and eraser strokes); `union` and `cut` are a selection's (the larger
 * of the two; the mask less the selection), so adding a soft-edged selection twice changes nothing
 * and subtracting the one that was added leaves no faint trace along its edge.
 */
export type CoverageMode = 'add' | 'subtract' | 'replace' | 'union' | 'cut';

/**
 * Lookup table `lut[(m << 8) | c]` = new value for mask value `m` and coverage `c` (both 0..255).
 * With `a = c * opacity`: add = `m + a*(255-m)/255`, subtract = `m*(1 - a/255)`, replace = `a`,
 * union = `max(m, a)`, cut = `max(0, m - a)`.
 */
export function coverageLut(mode: CoverageMode, opacity: number): Uint8Array {
  const o = Math.min(1, Math.max(0, Number.isFinite(opacity) ? opacity : 0));
  const lut = new Uint8Array(65536);
  for (let m = 0; m < 256; m++) {
    const base = m << 8;
    for (let c = 0; c < 256; c++) {
      const a = c * o;
      let v: number;
      if (mode === 'add') v = m + (a * (255 - m)) / 255;
      else if (mode === 'subtract') v = m * (1 - a / 255);
      else if (mode === 'union') v = Math.max(m, a);
      else if (mode === 'cut') v = Math.max(0, m - a);
      else v = a;
      lut[base | c] = Math.round(v);
    }
  }
  return lut;
}

/** True if the uniform value `u` is left unchanged by every coverage value. */
function lutFixes(lut: Uint8Array, u: number): boolean {
  const base = u << 8;
  for (let c = 0; c < 256; c++) if (lut[base | c] !== u) return false;
  return true;
}

/**
 * Combines `cov` (document pixels, may extend outside the mask: it is clipped) into `mask` and
 * returns a new mask. Tiles the coverage does not touch, or does not change, keep their object
 * (`===`), and uniform results re-collapse to `0` / `255`.
 *
 * With `a = cov * opacity` (opacity 0..1): add = `m + a*(255-m)/255`,
 * subtract = `m*(1 - a/255)`, replace = `a` (over the whole coverage rect). If no pixel changes
 * (coverage outside the mask, or a no-op), `mask` itself is returned.
 */
export function applyCoverage(mask: TiledMask, cov: Coverage, mode: CoverageMode, opacity = 1): TiledMask {
  const { rect, data } = cov;
  if (data.length !== Math.max(0, rect.width) * Math.max(0, rect.height)) {
    throw new RangeError('coverage data length does not match its rect');
  }
  const clip = intersectRects(rect, { x: 0, y: 0, width: mask.width, height: mask.height });
  if (!clip) return mask;
  const lut = coverageLut(mode, opacity);
  const keeps0 = lutFixes(lut, 0);
  const keeps255 = lutFixes(lut, 255);

  const tiles: Tile[] = mask.tiles.slice();
  let anyChange = false;
  const tx0 = Math.floor(clip.x / TILE_SIZE);
  const ty0 = Math.floor(clip.y / TILE_SIZE);
  const tx1 = Math.floor((clip.x + clip.width - 1) / TILE_SIZE);
  const ty1 = Math.floor((clip.y + clip.height - 1) / TILE_SIZE);
  const rw = rect.width;
  for (let ty = ty0; ty <= ty1; ty++) {
    const py0 = Math.max(clip.y, ty * TILE_SIZE);
    const py1 = Math.min(clip.y + clip.height, (ty + 1) * TILE_SIZE);
    for (let tx = tx0; tx <= tx1; tx++) {
      const i = ty * mask.cols + tx;
      const old = tiles[i];
      if ((old === 0 && keeps0) || (old === 255 && keeps255)) continue;
      const px0 = Math.max(clip.x, tx * TILE_SIZE);
      const px1 = Math.min(clip.x + clip.width, (tx + 1) * TILE_SIZE);
      const { w, h } = tileExtent(mask, tx, ty);
      const next = materializeTile(old, w, h);
      let changed = false;
      for (let y = py0; y < py1; y++) {
        let t = (y - ty * TILE_SIZE) * TILE_SIZE + (px0 - tx * TILE_SIZE);
        let c = (y - rect.y) * rw + (px0 - rect.x);
        for (let x = px0; x < px1; x++, t++, c++) {
          const m = next[t];
          const v = lut[(m << 8) | data[c]];
          if (v !== m) {
            next[t] = v;
            changed = true;
          }
        }
      }
      if (!changed) continue;
      tiles[i] = collapseTile(next, w, h);
      anyChange = true;
    }
  }
  return anyChange ? buildMask(mask.width, mask.height, tiles) : mask;
}
