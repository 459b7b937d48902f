/**
 * Magic wand: the pixels whose colour is within `tolerance` of the clicked pixel (largest channel
 * difference, as Photoshop counts it), either the connected region around the click (contiguous)
 * or every such pixel in the image; the edge optionally anti-aliased (3×3 average along the border).
 */
import type { Coverage } from '../mask/tiled-mask';
import type { RgbaImage } from './rgba';

export interface WandOptions {
  /** 0..255: largest difference in any channel still selected. */
  tolerance: number;
  contiguous: boolean;
  antialias: boolean;
}

/** The wand's selection as a coverage patch over its bounding box (plus one pixel for the soft edge). */
export function magicWand(img: RgbaImage, seedX: number, seedY: number, opts: WandOptions): Coverage {
  const { width: w, height: h, data } = img;
  const sx = Math.floor(seedX);
  const sy = Math.floor(seedY);
  if (sx < 0 || sy < 0 || sx >= w || sy >= h) return { rect: { x: 0, y: 0, width: 0, height: 0 }, data: new Uint8Array(0) };
  const tol = Math.max(0, Math.min(255, opts.tolerance));
  const s = (sy * w + sx) * 4;
  const r0 = data[s];
  const g0 = data[s + 1];
  const b0 = data[s + 2];
  const near = (p: number) => {
    const o = p * 4;
    return Math.abs(data[o] - r0) <= tol && Math.abs(data[o + 1] - g0) <= tol && Math.abs(data[o + 2] - b0) <= tol;
  };
  const sel = new Uint8Array(w * h);
  let x0 = sx;
  let x1 = sx;
  let y0 = sy;
  let y1 = sy;
  if (opts.contiguous) {
    // Scanline flood fill: each popped seed fills its whole run, then pushes runs above and below.
    const stack: number[] = [sx, sy];
    while (stack.length) {
      const y = stack.pop() as number;
      let x = stack.pop() as number;
      const row = y * w;
      if (sel[row + x]) continue;
      while (x > 0 && !sel[row + x - 1] && near(row + x - 1)) x--;
      const lo = x;
      for (; x < w && !sel[row + x] && near(row + x); x++) sel[row + x] = 1;
      const hi = x - 1;
      if (lo < x0) x0 = lo;
      if (hi > x1) x1 = hi;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const ny of [y - 1, y + 1]) {
        if (ny < 0 || ny >= h) continue;
        const nrow = ny * w;
        let inRun = false;
        for (let k = lo; k <= hi; k++) {
          const ok = !sel[nrow + k] && near(nrow + k);
          if (ok && !inRun) stack.push(k, ny);
          inRun = ok;
        }
      }
    }
  } else {
    x0 = w;
    y0 = h;
    x1 = -1;
    y1 = -1;
    for (let y = 0; y < h; y++) {
      const row = y * w;
      for (let x = 0; x < w; x++) {
        if (!near(row + x)) continue;
        sel[row + x] = 1;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  const pad = opts.antialias ? 1 : 0;
  const rx = Math.max(0, x0 - pad);
  const ry = Math.max(0, y0 - pad);
  const rw = Math.min(w, x1 + 1 + pad) - rx;
  const rh = Math.min(h, y1 + 1 + pad) - ry;
  const out = new Uint8Array(rw * rh);
  for (let y = 0; y < rh; y++) {
    const srow = (ry + y) * w + rx;
    const orow = y * rw;
    for (let x = 0; x < rw; x++) {
      const v = sel[srow + x];
      if (!opts.antialias) {
        out[orow + x] = v ? 255 : 0;
        continue;
      }
      // Only pixels on the border (a 4-neighbour differs) get the 3×3 average.
      const gx = rx + x;
      const gy = ry + y;
      const p = srow + x;
      const border =
        (gx > 0 && sel[p - 1] !== v) ||
        (gx < w - 1 && sel[p + 1] !== v) ||
        (gy > 0 && sel[p - w] !== v) ||
        (gy < h - 1 && sel[p + w] !== v);
      if (!border) {
        out[orow + x] = v ? 255 : 0;
        continue;
      }
      let sum = 0;
      let cnt = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = gy + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = gx + dx;
          if (xx < 0 || xx >= w) continue;
          sum += sel[yy * w + xx];
          cnt++;
        }
      }
      out[orow + x] = Math.round((sum / cnt) * 255);
    }
  }
  return { rect: { x: rx, y: ry, width: rw, height: rh }, data: out };
}
