/**
 * Masks for outpainting, in canvas or tile coordinates: which pixels are still unknown, what a tile
 * asks the model to paint (unknown + a band into known pixels), how its result is blended, and the
 * final patch alpha (255 on the new area, a ramp of `band` px into the original on extended sides,
 * 0 everywhere else — so the original is untouched outside the overlap band).
 */
import type { Rect, Size } from '../geometry/rect';
import { blendReach } from '../geometry/tile-order';
import { dilatedMask } from './patch';
import { triangleBlur } from './triangle-blur';
import { byEdgeWindows } from './active-windows';
import type { Window } from './box-filter';

/** 255 where `m` is set, else 0 (a plain loop: `TypedArray.map` costs ≈ 10× as much). */
function to255(m: Uint8Array): Uint8Array {
  const out = new Uint8Array(m.length);
  for (let i = 0; i < m.length; i++) if (m[i]) out[i] = 255;
  return out;
}

/**
 * Ask mask for a tile: unknown pixels plus everything within `band` px of them (255/0). Computed
 * only around the edge between known and unknown (`byEdgeWindows`; 255 inside the unknown part, 0
 * beyond the band);
 * `windows`: the tile's active windows at {@link tileBlendReach} (≥ band + 1), when worked out already.
 */
export function tileAskMask(unknown: Uint8Array, w: number, h: number, band: number, windows?: Window[]): Uint8Array {
  if (band <= 0) return to255(unknown);
  return byEdgeWindows(unknown, w, h, band + 1, (u, sw, sh) => dilatedMask(to255(u), sw, sh, band, 255), windows);
}

/**
 * How far from an unknown pixel a tile's blend weight can be non-zero (for `band` > 0): the dilation
 * by ⌈band/2⌉, then the feather's blur (2 · ⌈half/2⌉ on each side), and a margin.
 */
export function tileBlendReach(band: number): number {
  // The same reach the plan's waits assume (a tile waits only for tiles that write where it reads).
  return blendReach(band);
}

/** Blend weight of a tile's result: 255 on unknown pixels, a smooth ramp over `band` px into known ones. */
export function tileBlendWeight(unknown: Uint8Array, w: number, h: number, band: number, windows?: Window[]): Uint8Array {
  if (band <= 0) return to255(unknown);
  const half = Math.max(1, Math.ceil(band / 2));
  return byEdgeWindows(
    unknown,
    w,
    h,
    tileBlendReach(band),
    (u, sw, sh) => {
      const grown = dilatedMask(to255(u), sw, sh, half, 255);
      // The feather (`featheredAlpha`: the triangle blur, only where it can differ from 0 / 255)
      // blurred over the whole crop at once: the crop is a band around the edge, where the tile-wise
      // blur would redo its 2r + 1 halo for every 32-px tile (about 6× the work at r = 16). The
      // same values: outside the blur's window the input is 0 either way.
      const ramp = triangleBlur(grown, sw, sh, Math.ceil(half / 2), { x0: 0, y0: 0, x1: sw, y1: sh });
      for (let i = 0; i < ramp.length; i++) if (u[i]) ramp[i] = 255;
      return ramp;
    },
    windows,
  );
}

/** The reach of a tile's blend: how far from an unknown pixel the ask mask and the blend weight can be non-zero. */
export function tileReach(band: number): number {
  return band > 0 ? tileBlendReach(band) : 0;
}

/**
 * Where {@link outpaintAlpha} is 0: the original less `band` on each extended side (null when
 * nothing is left). An outpaint's patch is transparent there, and only the frame around it is sent.
 */
export function outpaintHole(canvas: Size, original: Rect, band: number): Rect | null {
  const b = Math.max(0, band);
  const left = original.x > 0 ? b : 0;
  const top = original.y > 0 ? b : 0;
  const right = original.x + original.width < canvas.width ? b : 0;
  const bottom = original.y + original.height < canvas.height ? b : 0;
  const x0 = Math.max(0, original.x + left);
  const y0 = Math.max(0, original.y + top);
  const x1 = Math.min(canvas.width, original.x + original.width - right);
  const y1 = Math.min(canvas.height, original.y + original.height - bottom);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/**
 * Final patch alpha over the canvas. Row by row: 255 outside the original, and inside it only the
 * pixels within `band` of an extended side are worked out (a 6 MP canvas is mostly the original's
 * 0 and the new area's 255).
 */
export function outpaintAlpha(canvas: Size, original: Rect, band: number): Uint8Array {
  const { width, height } = canvas;
  const a = new Uint8Array(width * height);
  const ox0 = original.x;
  const ox1 = original.x + original.width;
  const oy0 = original.y;
  const oy1 = original.y + original.height;
  const ext = { left: ox0 > 0, top: oy0 > 0, right: ox1 < width, bottom: oy1 < height };
  const ramp = (d: number) => Math.round(255 * (1 - (d + 1) / (band + 1)));
  for (let y = 0; y < height; y++) {
    const row = y * width;
    if (y < oy0 || y >= oy1) {
      a.fill(255, row, row + width);
      continue;
    }
    a.fill(255, row, row + Math.max(0, Math.min(width, ox0)));
    a.fill(255, row + Math.max(0, ox1), row + width);
    if (band <= 0) continue;
    let dy = Infinity;
    if (ext.top) dy = y - oy0;
    if (ext.bottom) dy = Math.min(dy, oy1 - 1 - y);
    const at = (x: number) => {
      let d = dy;
      if (ext.left) d = Math.min(d, x - ox0);
      if (ext.right) d = Math.min(d, ox1 - 1 - x);
      if (d < band) a[row + x] = ramp(d);
    };
    const x0 = Math.max(0, ox0);
    const x1 = Math.min(width, ox1);
    if (dy < band) {
      for (let x = x0; x < x1; x++) at(x);
      continue;
    }
    // Only the columns within `band` of an extended left or right side can be non-zero.
    const leftEnd = ext.left ? Math.min(x1, x0 + band) : x0;
    const rightStart = ext.right ? Math.max(leftEnd, x1 - band) : x1;
    for (let x = x0; x < leftEnd; x++) at(x);
    for (let x = rightStart; x < x1; x++) at(x);
  }
  return a;
}

/** Marks `rect` known (1) in a canvas-wide known map of row width `canvasWidth`. */
export function markKnown(known: Uint8Array, canvasWidth: number, rect: Rect): void {
  for (let y = rect.y; y < rect.y + rect.height; y++) known.fill(1, y * canvasWidth + rect.x, y * canvasWidth + rect.x + rect.width);
}

/** A tile's RGBA pixels cut from the canvas-wide working image, and which of them are unknown (1). */
export function cropTile(working: Uint8Array, known: Uint8Array, canvasWidth: number, r: Rect): { rgba: Uint8Array; unknown: Uint8Array } {
  const rgba = new Uint8Array(r.width * r.height * 4);
  const unknown = new Uint8Array(r.width * r.height);
  for (let y = 0; y < r.height; y++) {
    const src = ((r.y + y) * canvasWidth + r.x) * 4;
    rgba.set(working.subarray(src, src + r.width * 4), y * r.width * 4);
    const row = (r.y + y) * canvasWidth + r.x;
    const o = y * r.width;
    for (let x = 0; x < r.width; x++) unknown[o + x] = known[row + x] ? 0 : 1;
  }
  return { rgba, unknown };
}

/** A canvas-wide unknown map: 255 on every pixel outside `original`, 0 inside it. */
export function unknownCanvas(canvas: Size, original: Rect): Uint8Array {
  const u = new Uint8Array(canvas.width * canvas.height).fill(255);
  for (let y = original.y; y < original.y + original.height; y++)
    u.fill(0, y * canvas.width + original.x, y * canvas.width + original.x + original.width);
  return u;
}

/**
 * A tile's RGBA and unknown map (255 = unknown) from the canvas-wide working image and unknown map.
 * A tile spanning whole canvas rows (every single-tile outpaint) is a view of both, no copy: a fresh
 * 6 MP tile costs tens of milliseconds in page faults alone. The views alias the canvas buffers, so
 * they change when a tile is blended; any other tile is copied out.
 */
export function tileView(
  working: Uint8Array,
  unknown: Uint8Array,
  canvasWidth: number,
  r: Rect,
): { rgba: Uint8Array; unknown: Uint8Array } {
  if (r.x === 0 && r.width === canvasWidth) {
    const a = r.y * canvasWidth;
    const b = (r.y + r.height) * canvasWidth;
    return { rgba: working.subarray(a * 4, b * 4), unknown: unknown.subarray(a, b) };
  }
  const rgba = new Uint8Array(r.width * r.height * 4);
  const u = new Uint8Array(r.width * r.height);
  for (let y = 0; y < r.height; y++) {
    const row = (r.y + y) * canvasWidth + r.x;
    rgba.set(working.subarray(row * 4, (row + r.width) * 4), y * r.width * 4);
    u.set(unknown.subarray(row, row + r.width), y * r.width);
  }
  return { rgba, unknown: u };
}

const EMPTY = new Uint8Array(0);

/** A tile's generated RGBA only inside its windows: `parts[k]` holds `windows[k]`, row by row. */
export interface WindowedRgba {
  windows: Window[];
  parts: Uint8Array[];
}

/**
 * Blends a tile's generated RGBA into the working image with `weight` (0..255 per tile pixel) and
 * marks every pixel it touched with `markValue` in `marks` (1 in a known map, 0 in an unknown map).
 * `windows`: where the weight can be non-zero (the tile's active windows at {@link tileReach}); only
 * those are visited. `generated`: the whole tile's RGBA, or only its windows ({@link WindowedRgba};
 * each row of a blend window inside one of them — a window may come in bands of rows).
 */
export function blendTile(
  working: Uint8Array,
  marks: Uint8Array,
  canvasWidth: number,
  r: Rect,
  generated: Uint8Array | WindowedRgba,
  weight: Uint8Array,
  windows: Window[] = [{ x0: 0, y0: 0, x1: r.width, y1: r.height }],
  markValue = 1,
): void {
  for (const win of windows) {
    // Where the generated pixels of this window's row are: index of tile pixel (x, y) = (y * gw + x) * 4 - off.
    let g: Uint8Array = generated instanceof Uint8Array ? generated : EMPTY;
    let gw = r.width;
    let off = 0;
    /** The generated window that holds the current rows (none yet). */
    let held: Window | null = generated instanceof Uint8Array ? { x0: 0, y0: 0, x1: r.width, y1: r.height } : null;
    for (let y = win.y0; y < win.y1; y++) {
      if (!held || y >= held.y1 || y < held.y0) {
        const parts = generated as WindowedRgba;
        const k = parts.windows.findIndex((w) => w.x0 <= win.x0 && w.y0 <= y && w.x1 >= win.x1 && w.y1 > y);
        if (k < 0) throw new RangeError('blendTile: a blend window is outside the generated windows');
        held = parts.windows[k];
        g = parts.parts[k];
        gw = held.x1 - held.x0;
        off = (held.y0 * gw + held.x0) * 4;
      }
      const row = y * r.width;
      let x = win.x0;
      while (x < win.x1) {
        const a = weight[row + x];
        if (!a) {
          x++;
          continue;
        }
        const c = (r.y + y) * canvasWidth + r.x + x;
        const q = c * 4;
        const s = (y * gw + x) * 4 - off;
        if (a === 255) {
          // Most of a tile (its unknown part): a run of generated colour as it is, copied whole, opaque.
          let end = x + 1;
          while (end < win.x1 && weight[row + end] === 255) end++;
          const n = end - x;
          working.set(g.subarray(s, s + n * 4), q);
          for (let j = q + 3; j < q + n * 4; j += 4) working[j] = 255;
          marks.fill(markValue, c, c + n);
          x = end;
          continue;
        }
        marks[c] = markValue;
        // round(w·(1 − a/255) + g·a/255) in integers: (n + (n >> 8)) >> 8 with n = w·(255 − a) + g·a + 128
        // is that rounding for every a, w and g (checked exhaustively) at a fraction of the float's cost.
        const b = 255 - a;
        let n = working[q] * b + g[s] * a + 128;
        working[q] = (n + (n >> 8)) >> 8;
        n = working[q + 1] * b + g[s + 1] * a + 128;
        working[q + 1] = (n + (n >> 8)) >> 8;
        n = working[q + 2] * b + g[s + 2] * a + 128;
        working[q + 2] = (n + (n >> 8)) >> 8;
        working[q + 3] = 255;
        x++;
      }
    }
  }
}

/**
 * The candidate patch, written into `working` itself: its colour where `alpha` > 0 with that alpha,
 * transparent black elsewhere — for a job whose working canvas is read no more (no fresh
 * canvas-sized buffer: 24 MB for a 6 MP canvas). `hole`: where `alpha` is 0 as a whole
 * ({@link outpaintHole}), cleared without reading it; null to read every pixel.
 */
export function patchInPlace(working: Uint8Array, alpha: Uint8Array, width: number, hole: Rect | null): Uint8Array {
  const height = alpha.length / width;
  const withAlpha = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const a = alpha[i];
      const q = i * 4;
      working[q + 3] = a;
      if (!a) {
        working[q] = 0;
        working[q + 1] = 0;
        working[q + 2] = 0;
      }
    }
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    if (hole && y >= hole.y && y < hole.y + hole.height) {
      withAlpha(row, row + hole.x);
      working.fill(0, (row + hole.x) * 4, (row + hole.x + hole.width) * 4);
      withAlpha(row + hole.x + hole.width, row + width);
    } else withAlpha(row, row + width);
  }
  return working;
}
