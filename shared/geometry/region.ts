/**
 * Mask → region → request (design.md "One edit, end to end", step 1).
 *
 * The region is the mask's bounding box plus context, grown (never cropped) to an aspect the
 * model produces, shifted to stay inside the canvas. The request is the legal output size the
 * region is scaled to, uniformly up to {@link DEFAULT_MAX_ANISOTROPY}. A 40 MP photo is edited
 * through such a region, never sent whole.
 */

import { resolveModel } from '../models/catalog';
import type { GeminiImageSize, ModelRef, Quality } from '../models/model-types';
import { retiredRule } from '../models/size-rules';
import { fitAspect, placeAxis } from './fit';
import type { Point, Rect, Size } from './rect';
import { canvasRect, expandRect, intersectRects, rectBottom, rectRight } from './rect';
import { padRegion } from './region-pad';
import type { AspectOptions, ModelRequest } from './request-size';
import { DEFAULT_MAX_ANISOTROPY, anisotropy, aspectOptions, ratioDistance, requestFor } from './request-size';

/** Context around the mask: `max(minPx, fraction × max(bbox width, bbox height))` px per side. */
export interface MarginPolicy {
  /** Smallest margin (px). */
  readonly minPx: number;
  /** Margin as a fraction of the bbox's longer side. */
  readonly fraction: number;
}

/** How far (fraction per axis) a region may grow, or shrink, to equal its request's size exactly. */
const SNAP_GROW = 0.25;
const SNAP_SHRINK = 0.05;

/** 64 px or half the bbox's long side, whichever is larger. */
export const DEFAULT_MARGIN: MarginPolicy = { minPx: 64, fraction: 0.5 };

/** The context a region keeps around a mask box `B` on every side (px). */
export function contextMargin(B: Size, margin?: Partial<MarginPolicy>): number {
  const policy = { ...DEFAULT_MARGIN, ...margin };
  return Math.round(Math.max(policy.minPx, policy.fraction * Math.max(B.width, B.height)));
}

/** What to plan. All rects and sizes are in document px. */
export interface RegionInput {
  /** Document canvas size (px). */
  readonly canvas: Size;
  /** Bounding box of the rasterised mask (px); clipped to the canvas. */
  readonly bbox: Rect;
  readonly model: ModelRef;
  readonly quality?: Quality;
  /** Gemini: ask for exactly this tier. */
  readonly imageSize?: GeminiImageSize;
  readonly margin?: Partial<MarginPolicy>;
  /** Largest accepted region/request aspect mismatch (fraction). */
  readonly maxAnisotropy?: number;
}

/** A successful plan: crop `region`, scale it to `request`. */
export interface RegionPlan {
  readonly ok: true;
  /** Crop rect in document px, inside the canvas, containing `bbox`. */
  readonly region: Rect;
  /** What the model is asked for (output px, Gemini aspect/tier). */
  readonly request: ModelRequest;
  /**
   * Only when no region inside the canvas has an aspect the model makes (a mask reaching the photo's
   * edges on a photo between two of its aspects): what the request covers, the region plus a border
   * beyond the canvas (`frame ∩ canvas = region`), filled from the photo and never masked. The answer
   * is cropped back to `region`. Absent: the request covers the region itself.
   */
  readonly frame?: Rect;
  /** Request px per frame (else region) px (geometric mean of the two axes). */
  readonly scale: number;
  /** Request px per frame (else region) px along x. */
  readonly scaleX: number;
  /** Request px per frame (else region) px along y. */
  readonly scaleY: number;
  /** The mask bbox after clipping to the canvas (px). */
  readonly bbox: Rect;
}

/** Why no single region works. `needs-tiling`: split the edit (see outpaint-plan / tiling). */
export interface RegionFailure {
  readonly ok: false;
  readonly code: 'unknown-model' | 'retired' | 'empty-mask' | 'needs-tiling';
  /** A sentence for the user naming the rule that could not be met. */
  readonly reason: string;
}

/**
 * Plans the region and request for one masked edit.
 * @returns a {@link RegionPlan} (with a `frame` padded past the canvas when no region inside it can
 *   hold the bbox at an aspect the model produces), or a {@link RegionFailure} (`needs-tiling` for a
 *   mask longer and thinner than any picture the model makes).
 */
export function planRegion(input: RegionInput): RegionPlan | RegionFailure {
  return plan(input, true);
}

/** `suggest`: name the models that can hold a mask this one cannot (false while checking them). */
function plan(input: RegionInput, suggest: boolean): RegionPlan | RegionFailure {
  const spec = resolveModel(input.model);
  if (!spec) return { ok: false, code: 'unknown-model', reason: `unknown model '${String(input.model)}'` };
  if (spec.status === 'retired') return { ok: false, code: 'retired', reason: retiredRule(spec) };
  const tol = input.maxAnisotropy ?? DEFAULT_MAX_ANISOTROPY;
  const C = canvasRect(input.canvas);
  const B = intersectRects(input.bbox, C);
  if (!B) return { ok: false, code: 'empty-mask', reason: 'the mask is empty or outside the canvas' };
  const margin = contextMargin(B, input.margin);
  // B lies inside C, so the grown box overlaps C at least in B.
  const D = intersectRects(expandRect(B, margin), C) ?? B;

  // Any region inside C holding B has width in [B.w, C.w] and height in [B.h, C.h].
  const aMin = B.width / C.height;
  const aMax = C.width / B.height;
  const options = aspectOptions(spec);
  const chosen = chooseAspect(options, D.width / D.height, aMin, aMax, tol);
  const refuse = (): RegionFailure => {
    const others = suggest
      ? ALTERNATIVES.filter((a) => a.id !== spec.id && plan({ ...input, model: a.id, imageSize: undefined }, false).ok)
      : [];
    return { ok: false, code: 'needs-tiling', reason: tilingReason(spec.id, options, B, C, others) };
  };
  // No region inside the canvas reaches an aspect the model makes: pad the request past the edges.
  const padded = () => {
    const p = padRegion(spec, options, B, D, C, input, tol);
    if (!p) return refuse();
    const s = rectScaleFor(p.frame, p.request);
    const frame = p.frame.width === p.region.width && p.frame.height === p.region.height ? {} : { frame: p.frame };
    return {
      ok: true as const,
      region: p.region,
      request: p.request,
      ...frame,
      scale: s.scale,
      scaleX: s.scaleX,
      scaleY: s.scaleY,
      bbox: B,
    };
  };
  if (!chosen) return padded();
  let dims = fitAspect(chosen, B, D, C);
  const request = requestFor(spec, dims.width, dims.height, input);
  if (options.kind === 'range') {
    // The 16-grid request is a hair off the region's aspect: grow the region to match it.
    const target = clamp(request.width / request.height, aMin, aMax);
    dims = fitAspect(target, B, D, C);
  }
  // A region near its request's size becomes exactly that size (when the canvas has room): the
  // request is then the region's own pixels, with no resampling on the way out or back in (main
  // skips the scale of the request image, its mask, and the model's answer). Up to a quarter more
  // context rather than an enlargement; at most a few per cent less rather than a reduction.
  const near = (req: number, have: number) => req / have - 1 <= SNAP_GROW && 1 - req / have <= SNAP_SHRINK;
  if (
    near(request.width, dims.width) &&
    near(request.height, dims.height) &&
    request.width >= B.width &&
    request.height >= B.height &&
    request.width <= C.width &&
    request.height <= C.height
  )
    dims = { width: request.width, height: request.height };
  const region: Rect = {
    x: placeAxis(dims.width, B.x, rectRight(B), D.x + D.width / 2, C.width),
    y: placeAxis(dims.height, B.y, rectBottom(B), D.y + D.height / 2, C.height),
    width: dims.width,
    height: dims.height,
  };
  const s = rectScaleFor(region, request);
  if (s.anisotropy > tol) return padded();
  return { ok: true, region, request, scale: s.scale, scaleX: s.scaleX, scaleY: s.scaleY, bbox: B };
}

/**
 * Region aspect (width/height) to aim for: the model aspect closest to the desired one among
 * those a region in [aMin, aMax] can match within `tol`; `undefined` when none can.
 */
function chooseAspect(options: AspectOptions, desired: number, aMin: number, aMax: number, tol: number): number | undefined {
  const want = clamp(desired, aMin, aMax);
  const reach = (r: number): boolean => anisotropyOf(clamp(r, aMin, aMax), r) <= tol;
  switch (options.kind) {
    case 'free':
      return want;
    case 'range': {
      const r = clamp(want, options.min, options.max);
      return reach(r) ? clamp(r, aMin, aMax) : undefined;
    }
    case 'list': {
      let best: number | undefined;
      for (const { ratio } of options.values) {
        if (!reach(ratio)) continue;
        if (best === undefined || ratioDistance(ratio, want) < ratioDistance(best, want)) best = ratio;
      }
      return best === undefined ? undefined : clamp(best, aMin, aMax);
    }
  }
}

function anisotropyOf(a: number, b: number): number {
  return Math.abs(a / b - 1);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Models named as a way out when the chosen one cannot hold a mask (each only if it can). */
const ALTERNATIVES: readonly { readonly id: string; readonly name: string }[] = [
  { id: 'gpt-image-2', name: 'GPT Image 2' },
  { id: 'gemini-3.1-flash-image', name: 'Nano Banana 2' },
];

/**
 * Why one request cannot hold this mask, in plain words (no aspect notation, no "tiles"): a mask
 * longer than any picture the model makes, or — a mask whose own shape the model does make — one that
 * reaches the photo's edges, so its region cannot grow to such a shape. Names only the `others` that
 * can hold it, plus the offline engine.
 */
function tilingReason(id: string, options: AspectOptions, B: Rect, C: Rect, others: readonly { readonly name: string }[]): string {
  const ratios = options.kind === 'range' ? [options.min, options.max] : options.kind === 'list' ? options.values.map((v) => v.ratio) : [1];
  const wide = Math.max(...ratios);
  const tall = 1 / Math.min(...ratios);
  const choose = `choose ${[...others.map((o) => o.name), 'the offline engine'].join(' or ')}`;
  if (B.width / B.height <= wide && B.height / B.width <= tall) {
    return (
      `the ${B.width}×${B.height} px mask reaches the edges of the ${C.width}×${C.height} px photo, ` +
      `and ${id} cannot make a picture of the photo's shape to paint it in one request: ` +
      `leave a strip along one edge of the photo unmasked, or ${choose}`
    );
  }
  const times = (x: number) => `${Math.round(x * 10) / 10}×`;
  const shape = B.width >= B.height ? `${times(wide)} as wide as they are tall` : `${times(tall)} as tall as they are wide`;
  return (
    `the ${B.width}×${B.height} px mask is too long and thin for ${id} to paint in one request ` +
    `(it makes pictures at most ${shape}): paint a shorter mask, or ${choose}`
  );
}

/** Per-axis and mean scale (request px per region px) and the aspect mismatch of a mapping. */
export interface RectScale {
  readonly scaleX: number;
  readonly scaleY: number;
  /** Geometric mean of scaleX and scaleY. */
  readonly scale: number;
  /** `|scaleY/scaleX − 1|` = `|region aspect / request aspect − 1|`: 0 when uniform. */
  readonly anisotropy: number;
}

/** Scale factors mapping `region` (document px) onto `request` (output px). */
export function rectScaleFor(region: Size, request: Size): RectScale {
  const scaleX = request.width / region.width;
  const scaleY = request.height / region.height;
  return { scaleX, scaleY, scale: Math.sqrt(scaleX * scaleY), anisotropy: anisotropy(region, request) };
}

/** The two rects a mapping needs: the crop in document px and the request in output px. */
export interface RegionMapping {
  readonly region: Rect;
  readonly request: Size;
}

/** Maps a document-px point to request px (the region's top-left corner → 0,0). */
export function regionToRequest(plan: RegionMapping, pt: Point): Point {
  const s = rectScaleFor(plan.region, plan.request);
  return { x: (pt.x - plan.region.x) * s.scaleX, y: (pt.y - plan.region.y) * s.scaleY };
}

/** Maps a request-px point back to document px; the inverse of {@link regionToRequest}. */
export function requestToRegion(plan: RegionMapping, pt: Point): Point {
  const s = rectScaleFor(plan.region, plan.request);
  return { x: plan.region.x + pt.x / s.scaleX, y: plan.region.y + pt.y / s.scaleY };
}
