/**
 * Padding a request past the photo's edges. When a mask reaches the photo's edges, its region
 * cannot grow past them, and a photo between two of a model's aspects (868×600 ≈ 1.45:1 between
 * Gemini's 4:3 and 3:2; 16:10 between 3:2 and 16:9) has no region a fixed-aspect model makes. Then
 * the region stays inside the photo and the REQUEST covers a larger frame: the region plus a border
 * beyond the photo's edge on the axis that is too short, just enough to reach the nearest aspect the
 * model makes. The border is filled from the photo (mirrored, main) and never masked, so the model is
 * asked to keep it; the answer is cropped back to the region before the patch is built.
 */

import type { ModelSpec } from '../models/model-types';
import { fitAspect, placeAxis } from './fit';
import type { Rect } from './rect';
import { rectBottom, rectRight } from './rect';
import type { AspectOptions, ModelRequest, RequestOptions } from './request-size';
import { anisotropy, ratioDistance, requestFor } from './request-size';

/**
 * The most a frame may be longer than its region along the padded axis. Every photo shape between a
 * model's narrowest and widest aspect pads by at most √(largest step between neighbouring aspects):
 * 1.22× (gpt-image-1.5's 1:1 → 3:2), 1.15× (Gemini's 16:9 → 21:9). 1.5× also lets a photo somewhat
 * longer than the widest aspect be padded (16:10 or 16:9 for gpt-image-1.5: 1.07×, 1.19×; 3:1 for
 * Nano Banana Pro: 1.27×); a mask longer still would fill under two thirds of the picture, and is
 * refused as too long and thin, naming the models that make its shape.
 */
export const MAX_PAD_FACTOR = 1.5;

/** A padded plan: `region` inside the canvas, `frame` ⊇ region what the request covers (document px). */
export interface PaddedRegion {
  readonly region: Rect;
  /** The region plus the border beyond the canvas: `frame ∩ canvas = region`. */
  readonly frame: Rect;
  readonly request: ModelRequest;
}

/** Padding of a frame around its region (px per side, ≥ 0). */
export interface FramePadding {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** How far `frame` reaches past `region` on each side. */
export function framePadding(region: Rect, frame: Rect): FramePadding {
  return {
    left: region.x - frame.x,
    top: region.y - frame.y,
    right: rectRight(frame) - rectRight(region),
    bottom: rectBottom(frame) - rectBottom(region),
  };
}

/** The region's part of a padded frame, as fractions of the frame (for cropping a request-sized preview). */
export function frameCrop(region: Rect, frame: Rect): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: (region.x - frame.x) / frame.width,
    y0: (region.y - frame.y) / frame.height,
    x1: (rectRight(region) - frame.x) / frame.width,
    y1: (rectBottom(region) - frame.y) / frame.height,
  };
}

/**
 * The padded plan for a mask `B` (with wanted context `D`, both inside canvas `C`) whose regions
 * inside C all miss every aspect of `options` (region aspects lie in [B.w / C.h, C.w / B.h]).
 * Chooses the model aspect needing the least padding, keeps the region as close to it as the
 * canvas allows, and pads the rest, split evenly over the two canvas edges of that axis.
 * @returns `undefined` for models with no aspect list, when the frame would be more than
 *   {@link MAX_PAD_FACTOR} × the region on its padded axis (a mask much longer than any picture the
 *   model makes: another model is the answer), or still stretched more than `tol`.
 */
export function padRegion(
  spec: ModelSpec,
  options: AspectOptions,
  B: Rect,
  D: Rect,
  C: Rect,
  opts: RequestOptions,
  tol: number,
): PaddedRegion | undefined {
  if (options.kind !== 'list' || options.values.length === 0) return undefined;
  const ratios = options.values.map((v) => v.ratio);
  const aMin = B.width / C.height;
  const aMax = C.width / B.height;
  const want = clamp(D.width / D.height, aMin, aMax);
  // Padding needed for ratio r: the frame's padded side over the region's, i.e. r against the
  // nearest aspect a region inside the canvas can have.
  const gap = (r: number) => ratioDistance(r, clamp(r, aMin, aMax));
  let best = ratios[0];
  for (const r of ratios) {
    const d = gap(r) - gap(best);
    if (d < -1e-12 || (Math.abs(d) <= 1e-12 && ratioDistance(r, want) < ratioDistance(best, want))) best = r;
  }
  const wider = best > aMax;
  const dims = fitAspect(clamp(best, aMin, aMax), B, D, C);
  // The padded axis spans the canvas (the region reaches both edges; padding only goes beyond them).
  const size = wider ? { width: C.width, height: dims.height } : { width: dims.width, height: C.height };
  const region: Rect = {
    x: wider ? 0 : placeAxis(size.width, B.x, rectRight(B), D.x + D.width / 2, C.width),
    y: wider ? placeAxis(size.height, B.y, rectBottom(B), D.y + D.height / 2, C.height) : 0,
    ...size,
  };
  // Ask for the model's size of that aspect, then pad exactly to the request's own pixel aspect.
  const approx = wider
    ? { width: Math.ceil(size.height * best), height: size.height }
    : { width: size.width, height: Math.ceil(size.width / best) };
  const request = requestFor(spec, approx.width, approx.height, opts);
  const q = request.width / request.height;
  const frameSize = wider
    ? { width: Math.max(size.width, Math.round(size.height * q)), height: size.height }
    : { width: size.width, height: Math.max(size.height, Math.round(size.width / q)) };
  const padX = frameSize.width - size.width;
  const padY = frameSize.height - size.height;
  const frame: Rect = {
    x: region.x - Math.floor(padX / 2),
    y: region.y - Math.floor(padY / 2),
    ...frameSize,
  };
  if (anisotropy(frame, request) > tol) return undefined;
  if (frame.width > MAX_PAD_FACTOR * region.width || frame.height > MAX_PAD_FACTOR * region.height) return undefined;
  return { region, frame, request };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
