/**
 * Canvas extension for outpainting (design.md "Outpainting"): by preset aspect with an anchor,
 * or by exact pixels per side. Extension only grows the canvas; the original is never cropped.
 */

import type { Point, Rect, Size } from './rect';

/** The poster and marketplace formats offered as one-click extensions (width:height). */
export const ASPECT_PRESETS = ['1:1', '4:5', '3:2', '16:9', '21:9', '3:1', '4:1', '8:1', '9:16', '1:4'] as const;

/** One of {@link ASPECT_PRESETS}. */
export type AspectPreset = (typeof ASPECT_PRESETS)[number];

/**
 * Which side the original sticks to. `'left'` keeps it at the left edge (the canvas grows to
 * the right), `'top'` keeps it at the top, `'centre'` splits the growth evenly (the odd pixel goes
 * right/bottom). An anchor on the other axis (e.g. `'top'` when the canvas grows sideways)
 * behaves as `'centre'`.
 */
export type ExtendAnchor = 'centre' | 'left' | 'right' | 'top' | 'bottom';

/** The extended canvas and where the original sits in it (px). */
export interface CanvasExtension {
  /** New canvas size (px). */
  readonly canvas: Size;
  /** Top-left corner of the original inside the new canvas (px). */
  readonly originalAt: Point;
}

/** Pixels to add on each side; each a whole number ≥ 0. */
export interface SideExtension {
  readonly left?: number;
  readonly right?: number;
  readonly top?: number;
  readonly bottom?: number;
}

/**
 * Parses `'W:H'` into its two positive numbers.
 * @throws RangeError for anything else.
 */
export function parseAspect(label: string): { readonly w: number; readonly h: number } {
  const m = /^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(label);
  const w = m ? Number(m[1]) : NaN;
  const h = m ? Number(m[2]) : NaN;
  if (!(w > 0) || !(h > 0)) throw new RangeError(`'${label}' is not an aspect like '16:9'`);
  return { w, h };
}

/**
 * Grows the canvas around `original` to reach `aspect` (rounded to whole px, never shrinking).
 * An original already at the aspect is returned unchanged.
 * @param original - original image size (px).
 * @param aspect - target `'W:H'`, e.g. a preset.
 * @example extendToAspect({width:1000,height:1000}, '3:1') // canvas 3000×1000, original at x=1000
 */
export function extendToAspect(original: Size, aspect: string, anchor: ExtendAnchor = 'centre'): CanvasExtension {
  const { w, h } = parseAspect(aspect);
  const ratio = w / h;
  const { width, height } = original;
  const wide = Math.max(width, Math.round(height * ratio));
  const tall = Math.max(height, Math.round(width / ratio));
  if (width / height < ratio && wide > width) {
    const extra = wide - width;
    const x = anchor === 'left' ? 0 : anchor === 'right' ? extra : Math.floor(extra / 2);
    return { canvas: { width: wide, height }, originalAt: { x, y: 0 } };
  }
  if (width / height > ratio && tall > height) {
    const extra = tall - height;
    const y = anchor === 'top' ? 0 : anchor === 'bottom' ? extra : Math.floor(extra / 2);
    return { canvas: { width, height: tall }, originalAt: { x: 0, y } };
  }
  return { canvas: { width, height }, originalAt: { x: 0, y: 0 } };
}

/**
 * Grows the canvas by exact pixels per side.
 * @throws RangeError when a side is negative or fractional.
 */
export function extendBySides(original: Size, sides: SideExtension): CanvasExtension {
  const { left = 0, right = 0, top = 0, bottom = 0 } = sides;
  for (const [name, v] of Object.entries({ left, right, top, bottom })) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number of px ≥ 0, got ${v}`);
  }
  return {
    canvas: { width: original.width + left + right, height: original.height + top + bottom },
    originalAt: { x: left, y: top },
  };
}

/**
 * The block grid a JPEG original is stored on: 16 px holds every common chroma sampling (4:4:4 is
 * 8×8 px, 4:2:2 16×8, 4:2:0 16×16). An export keeps the original's JPEG data only where the
 * original lands on it (electron/main/export/jpeg-export.ts).
 */
export const JPEG_BLOCK_GRID = 16;

/**
 * `before` + `after` px of growth on one axis, split again so that `at + before` (where the
 * original's edge lands) is a multiple of `step`, as near the given split as fits; unchanged when
 * no split within 0…total reaches the grid.
 */
export function splitOnGrid(before: number, after: number, at: number, step: number): [number, number] {
  const total = before + after;
  if (total === 0) return [before, after];
  const near = Math.round((at + before) / step) * step - at;
  const fits = [near, near - step, near + step].filter((b) => b >= 0 && b <= total);
  if (!fits.length) return [before, after];
  const b = fits.reduce((best, x) => (Math.abs(x - before) < Math.abs(best - before) ? x : best));
  return [b, total - b];
}

/**
 * A centred extension of a JPEG original moved onto its block grid (at most half a step off the
 * centre), the canvas unchanged; an axis the anchor holds is left as it is.
 */
export function centredOnGrid(ext: CanvasExtension, original: Size, anchor: ExtendAnchor, step = JPEG_BLOCK_GRID): CanvasExtension {
  const { x, y } = ext.originalAt;
  const [left] = anchor === 'left' || anchor === 'right' ? [x] : splitOnGrid(x, ext.canvas.width - original.width - x, 0, step);
  const [top] = anchor === 'top' || anchor === 'bottom' ? [y] : splitOnGrid(y, ext.canvas.height - original.height - y, 0, step);
  return { canvas: ext.canvas, originalAt: { x: left, y: top } };
}

/** The original's rect inside an extended canvas (px). */
export function originalRect(original: Size, ext: CanvasExtension): Rect {
  return { x: ext.originalAt.x, y: ext.originalAt.y, width: original.width, height: original.height };
}
