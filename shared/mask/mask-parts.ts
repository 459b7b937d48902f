/**
 * The boxes of a mask's separate parts: what an edit is split around when the parts lie far apart
 * (shared/geometry/region-groups.ts). Found on a grid of `cell`-px cells: the cells holding a marked
 * pixel (value ≥ the threshold) that touch, diagonals included, make one part. Each box is exact
 * (the bounds of the part's own marked pixels); parts less than a cell apart may come out as one,
 * which the grouping would join anyway.
 */
import type { Rect } from '../geometry/rect';
import { TILE_SIZE, tileExtent, type TiledMask } from './tiled-mask';

/** Cell edge (px): fine enough for the grouping, whose least context is 64 px a side. */
export const PART_CELL = 32;

/** Collects marked runs into a cell grid, then joins touching cells into parts. */
export class PartGrid {
  private readonly cols: number;
  private readonly rows: number;
  private readonly minX: Int32Array;
  private readonly maxX: Int32Array;
  private readonly minY: Int32Array;
  private readonly maxY: Int32Array;

  constructor(
    width: number,
    height: number,
    private readonly cell = PART_CELL,
  ) {
    this.cols = Math.max(1, Math.ceil(width / cell));
    this.rows = Math.max(1, Math.ceil(height / cell));
    const n = this.cols * this.rows;
    this.minX = new Int32Array(n).fill(0x7fffffff);
    this.maxX = new Int32Array(n).fill(-1);
    this.minY = new Int32Array(n).fill(0x7fffffff);
    this.maxY = new Int32Array(n).fill(-1);
  }

  /** Marks pixels `x0 ≤ x < x1` of row `y` (document px). */
  addRun(y: number, x0: number, x1: number): void {
    if (x1 <= x0) return;
    const cy = Math.floor(y / this.cell);
    const last = Math.floor((x1 - 1) / this.cell);
    for (let cx = Math.floor(x0 / this.cell); cx <= last; cx++) {
      const i = cy * this.cols + cx;
      const a = Math.max(x0, cx * this.cell);
      const b = Math.min(x1 - 1, (cx + 1) * this.cell - 1);
      if (a < this.minX[i]) this.minX[i] = a;
      if (b > this.maxX[i]) this.maxX[i] = b;
      if (y < this.minY[i]) this.minY[i] = y;
      if (y > this.maxY[i]) this.maxY[i] = y;
    }
  }

  /** The parts' exact boxes, in the order of their first cell (row-major). */
  parts(): Rect[] {
    const { cols, rows } = this;
    const seen = new Uint8Array(cols * rows);
    const out: Rect[] = [];
    const stack: number[] = [];
    for (let start = 0; start < cols * rows; start++) {
      if (seen[start] || this.maxX[start] < 0) continue;
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -1;
      let y1 = -1;
      seen[start] = 1;
      stack.push(start);
      while (stack.length) {
        const i = stack.pop()!;
        x0 = Math.min(x0, this.minX[i]);
        x1 = Math.max(x1, this.maxX[i]);
        y0 = Math.min(y0, this.minY[i]);
        y1 = Math.max(y1, this.maxY[i]);
        const cx = i % cols;
        const cy = (i - cx) / cols;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = cy + dy;
          if (ny < 0 || ny >= rows) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = cx + dx;
            if (nx < 0 || nx >= cols) continue;
            const j = ny * cols + nx;
            if (seen[j] || this.maxX[j] < 0) continue;
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
      out.push({ x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 });
    }
    return out;
  }
}

/** Parts of a flat mask: `values` (row-major) over `rect` (document px), marked where ≥ `threshold`. */
export function valuesParts(values: Uint8Array, rect: Rect, canvas: { width: number; height: number }, threshold = 128): Rect[] {
  const grid = new PartGrid(canvas.width, canvas.height);
  const { width, height } = rect;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      while (x < width && values[row + x] < threshold) x++;
      if (x >= width) break;
      const s = x;
      while (x < width && values[row + x] >= threshold) x++;
      grid.addRun(rect.y + y, rect.x + s, rect.x + x);
    }
  }
  return grid.parts();
}

/** Parts of a tiled mask, marked where ≥ `threshold`. */
export function maskParts(mask: TiledMask, threshold = 128): Rect[] {
  const grid = new PartGrid(mask.width, mask.height);
  for (let ty = 0; ty < mask.rows; ty++) {
    for (let tx = 0; tx < mask.cols; tx++) {
      const tile = mask.tiles[ty * mask.cols + tx];
      if (tile === 0) continue;
      const ox = tx * TILE_SIZE;
      const oy = ty * TILE_SIZE;
      const { w, h } = tileExtent(mask, tx, ty);
      for (let y = 0; y < h; y++) {
        if (tile === 255) {
          grid.addRun(oy + y, ox, ox + w);
          continue;
        }
        const row = y * TILE_SIZE;
        let x = 0;
        while (x < w) {
          while (x < w && tile[row + x] < threshold) x++;
          if (x >= w) break;
          const s = x;
          while (x < w && tile[row + x] >= threshold) x++;
          grid.addRun(oy + y, ox + s, ox + x);
        }
      }
    }
  }
  return grid.parts();
}
