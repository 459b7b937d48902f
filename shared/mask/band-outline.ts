/**
 * The outer edge of the band an edit will touch: the mask grown by `radius` document px, traced on a
 * coarse grid (at most `maxCells` cells along the longer side) so it is cheap for a 40 MP mask.
 * Returns line segments in document px (x0, y0, x1, y1, …) along the edges between a covered and an
 * uncovered cell; the canvas draws them dashed. Uniform tiles are read as constants.
 */
import { MASK_ON } from './threshold';
import { TILE_SIZE, type TiledMask } from './tiled-mask';

export interface BandOutline {
  /** Segment endpoints in document px: x0, y0, x1, y1 per segment. */
  segments: Float32Array;
  /** Document px per grid cell. */
  cell: number;
}

export function bandOutline(mask: TiledMask, radius: number, maxCells = 512): BandOutline | null {
  const cell = Math.max(1, Math.ceil(Math.max(mask.width, mask.height) / maxCells));
  const gw = Math.ceil(mask.width / cell);
  const gh = Math.ceil(mask.height / cell);
  const grid = new Uint8Array(gw * gh);
  let any = false;
  for (let ty = 0; ty < mask.rows; ty++) {
    for (let tx = 0; tx < mask.cols; tx++) {
      const tile = mask.tiles[ty * mask.cols + tx];
      if (tile === 0) continue;
      const x0 = tx * TILE_SIZE;
      const y0 = ty * TILE_SIZE;
      const w = Math.min(TILE_SIZE, mask.width - x0);
      const h = Math.min(TILE_SIZE, mask.height - y0);
      if (tile === 255) {
        // A full tile covers every cell it reaches: set them, not each of its 65 536 pixels.
        const r1 = ((y0 + h - 1) / cell) | 0;
        const c0 = (x0 / cell) | 0;
        const c1 = ((x0 + w - 1) / cell) | 0;
        for (let r = (y0 / cell) | 0; r <= r1; r++) grid.fill(1, r * gw + c0, r * gw + c1 + 1);
        any = true;
        continue;
      }
      for (let y = 0; y < h; y++) {
        const row = ((y0 + y) / cell) | 0;
        for (let x = 0; x < w; x++) {
          if (tile[y * TILE_SIZE + x] < MASK_ON) continue;
          grid[row * gw + (((x0 + x) / cell) | 0)] = 1;
          any = true;
        }
      }
    }
  }
  if (!any) return null;
  const grown = dilate(grid, gw, gh, Math.ceil(Math.max(0, radius) / cell));
  const segs: number[] = [];
  const on = (x: number, y: number) => x >= 0 && y >= 0 && x < gw && y < gh && grown[y * gw + x] === 1;
  for (let y = 0; y < gh; y++) {
    for (let x = 0; x < gw; x++) {
      if (!on(x, y)) continue;
      const X0 = x * cell;
      const Y0 = y * cell;
      const X1 = Math.min(mask.width, X0 + cell);
      const Y1 = Math.min(mask.height, Y0 + cell);
      if (!on(x, y - 1)) segs.push(X0, Y0, X1, Y0);
      if (!on(x, y + 1)) segs.push(X0, Y1, X1, Y1);
      if (!on(x - 1, y)) segs.push(X0, Y0, X0, Y1);
      if (!on(x + 1, y)) segs.push(X1, Y0, X1, Y1);
    }
  }
  return { segments: Float32Array.from(segs), cell };
}

/** Grows the 0/1 grid by `r` cells (round brush: a cell is on when an on cell lies within distance r). */
function dilate(grid: Uint8Array, w: number, h: number, r: number): Uint8Array {
  if (r <= 0) return grid;
  // Horizontal then vertical passes of per-row spans give a disc: for each row offset dy the span is √(r²−dy²).
  const out = new Uint8Array(grid.length);
  const spans: number[] = [];
  for (let dy = 0; dy <= r; dy++) spans.push(Math.floor(Math.sqrt(r * r - dy * dy)));
  // Distance along x to the nearest on cell in the same row, then combine over rows.
  const nearX = new Int32Array(grid.length).fill(1 << 30);
  for (let y = 0; y < h; y++) {
    let last = -(1 << 30);
    for (let x = 0; x < w; x++) {
      if (grid[y * w + x]) last = x;
      nearX[y * w + x] = x - last;
    }
    last = 1 << 30;
    for (let x = w - 1; x >= 0; x--) {
      if (grid[y * w + x]) last = x;
      nearX[y * w + x] = Math.min(nearX[y * w + x], last - x);
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let dy = -r; dy <= r; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        if (nearX[yy * w + x] <= spans[Math.abs(dy)]) {
          out[y * w + x] = 1;
          break;
        }
      }
    }
  }
  return out;
}
