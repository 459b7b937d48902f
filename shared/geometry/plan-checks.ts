/**
 * Independent checks of planner output. They re-derive every invariant from the inputs with
 * different code (isSizeLegal, rect sets, line-by-line coverage), so tests can trust them, and
 * main can run them as a pre-flight assertion before spending money on a request.
 * Each returns a list of problems in words; empty means the plan is sound.
 */

import { resolveModel } from '../models/catalog';
import { isSizeLegal } from '../models/size-rules';
import type { OutpaintInput } from './outpaint-phases';
import { DEFAULT_CONTEXT } from './outpaint-phases';
import type { OutpaintPlan } from './outpaint-plan';
import type { Rect } from './rect';
import { canvasRect, containsRect, intersectRects, subtractFromAll, subtractRect, totalArea } from './rect';
import type { RegionInput, RegionPlan } from './region';
import { DEFAULT_MAX_ANISOTROPY, anisotropy } from './request-size';

/**
 * Problems with a region plan: illegal request, region outside the canvas or missing the mask, stretch.
 * A padded plan (`frame`) must also: only be made when no region inside the canvas reaches an aspect
 * of the model, hold the region, reach past the canvas only (`frame ∩ canvas = region`), pad one axis,
 * and pad no more than that axis needs to reach the request's aspect (to a pixel).
 */
export function checkRegionPlan(input: RegionInput, plan: RegionPlan): string[] {
  const problems: string[] = [];
  const { region, request } = plan;
  const covered = plan.frame ?? region;
  const legal = isSizeLegal(input.model, request.width, request.height, request.imageSize);
  if (!legal.ok) problems.push(`request ${request.width}×${request.height} illegal: ${legal.rule}`);
  if (!containsRect(canvasRect(input.canvas), region)) problems.push('region leaves the canvas');
  const bbox = intersectRects(input.bbox, canvasRect(input.canvas));
  if (!bbox) problems.push('the mask bbox is outside the canvas');
  else if (!containsRect(region, bbox)) problems.push('region does not contain the mask bbox');
  if (plan.frame) problems.push(...framePadProblems(input, plan.frame, region, request));
  const stretch = anisotropy(covered, request);
  if (stretch > (input.maxAnisotropy ?? DEFAULT_MAX_ANISOTROPY) + 1e-12) problems.push(`stretch ${stretch} too large`);
  if (Math.abs(plan.scaleX - request.width / covered.width) > 1e-9) problems.push('scaleX disagrees with the rects');
  if (Math.abs(plan.scaleY - request.height / covered.height) > 1e-9) problems.push('scaleY disagrees with the rects');
  return problems;
}

function framePadProblems(input: RegionInput, frame: Rect, region: Rect, request: { width: number; height: number }): string[] {
  const problems: string[] = [];
  if (regionAspectReachable(input)) problems.push('padded although a region inside the canvas reaches an aspect of the model');
  if (!containsRect(frame, region)) problems.push('frame does not hold the region');
  const inside = intersectRects(frame, canvasRect(input.canvas));
  if (!inside || inside.x !== region.x || inside.y !== region.y || inside.width !== region.width || inside.height !== region.height)
    problems.push('frame pads inside the canvas');
  const padX = frame.width - region.width;
  const padY = frame.height - region.height;
  if (padX > 0 && padY > 0) problems.push('frame pads both axes');
  const a = request.width / request.height;
  if (padX > 0 && padX > Math.ceil(region.height * a) - region.width + 1) problems.push(`frame pads ${padX} px across, more than needed`);
  if (padY > 0 && padY > Math.ceil(region.width / a) - region.height + 1) problems.push(`frame pads ${padY} px down, more than needed`);
  return problems;
}

/**
 * Whether any region inside the canvas holding `bbox` can have an aspect the model produces,
 * within `tolerance` (|region aspect / model aspect − 1| ≤ tol). Derived from the size rule
 * directly: a region holding the bbox has width in [bbox.w, canvas.w] and height in
 * [bbox.h, canvas.h], so its aspect lies in [bbox.w / canvas.h, canvas.w / bbox.h].
 */
export function regionAspectReachable(input: RegionInput): boolean {
  const spec = resolveModel(input.model);
  if (!spec) return false;
  const tol = input.maxAnisotropy ?? DEFAULT_MAX_ANISOTROPY;
  const bbox = intersectRects(input.bbox, canvasRect(input.canvas));
  if (!bbox) return false; // no mask inside the canvas: no region to plan
  const lo = bbox.width / input.canvas.height / (1 + tol);
  const hi = input.canvas.width / bbox.height / (1 - tol);
  const rule = spec.sizeRule;
  switch (rule.kind) {
    case 'any':
      return true;
    case 'grid':
      return Math.max(lo, 1 / rule.maxAspect) <= Math.min(hi, rule.maxAspect);
    case 'fixed':
      return rule.sizes.some(([w, h]) => w / h >= lo && w / h <= hi);
    case 'aspect-list':
      return rule.aspects.some((a) => {
        const d = rule.dimensions[a]?.[rule.imageSizes[0]];
        return d !== undefined && d[0] / d[1] >= lo && d[0] / d[1] <= hi;
      });
  }
}

/**
 * Problems with an outpaint plan: illegal or stretched requests, tiles outside the canvas, too
 * little known context (lines fully known across the tile, counted along its growth axis),
 * uncovered new pixels, or `newArea` bookkeeping that does not add up.
 */
export function checkOutpaintPlan(input: OutpaintInput, plan: OutpaintPlan): string[] {
  const problems: string[] = [];
  const spec = resolveModel(input.model);
  if (!spec) return ['unknown model'];
  const canvas = canvasRect(input.canvas);
  const tol = input.maxAnisotropy ?? DEFAULT_MAX_ANISOTROPY;
  const fraction = input.minContext?.fraction ?? DEFAULT_CONTEXT.fraction;
  const minPx = input.minContext?.minPx ?? DEFAULT_CONTEXT.minPx;
  const feather = input.featherPx ?? DEFAULT_CONTEXT.featherPx;
  const known: Rect[] = [input.original];
  let newAreaSum = 0;
  plan.tiles.forEach((tile, i) => {
    const { rect, request } = tile;
    const name = `tile ${i + 1} (${rect.x},${rect.y} ${rect.width}×${rect.height})`;
    if (!containsRect(canvas, rect)) problems.push(`${name} leaves the canvas`);
    const legal = isSizeLegal(input.model, request.width, request.height, request.imageSize);
    if (!legal.ok) problems.push(`${name}: ${legal.rule}`);
    if (anisotropy(rect, request) > tol + 1e-12) problems.push(`${name} stretched by ${anisotropy(rect, request)}`);
    if (spec.sizeRule.kind !== 'any') {
      const needAlong = (axis: 'x' | 'y') => {
        const along = axis === 'x' ? rect.width : rect.height;
        const originalAlong = axis === 'x' ? input.original.width : input.original.height;
        return Math.max(Math.min(minPx, originalAlong), Math.min(feather, originalAlong), Math.ceil(fraction * along - 1e-9));
      };
      // A tile around the whole original, growing on both axes at once (a frame): the original is
      // its context along both axes; every other tile needs lines fully known along its growth axis.
      const frame =
        i === 0 && containsRect(rect, input.original) && rect.width > input.original.width && rect.height > input.original.height;
      for (const axis of frame ? (['x', 'y'] as const) : [tile.axis]) {
        const need = needAlong(axis);
        const have = frame ? (axis === 'x' ? input.original.width : input.original.height) : knownLines(rect, axis, known);
        if (have < need) problems.push(`${name} has ${have} px of known context${frame ? ` along ${axis}` : ''}, needs ${need}`);
      }
    }
    for (const part of tile.newArea) if (!containsRect(rect, part)) problems.push(`${name} newArea leaves the tile`);
    newAreaSum += totalArea(tile.newArea);
    known.push(rect);
  });
  const expected = totalArea(subtractRect(canvas, input.original));
  let uncovered = subtractRect(canvas, input.original);
  for (const t of plan.tiles) uncovered = subtractFromAll(uncovered, t.rect);
  if (totalArea(uncovered) > 0) problems.push(`${totalArea(uncovered)} new px not covered by any tile`);
  if (newAreaSum !== expected) problems.push(`tiles claim ${newAreaSum} new px, the canvas has ${expected}`);
  return problems;
}

/** True when the plan is one tile around the whole canvas while the original spans neither axis (both axes grow in one request). */
export function isFramePlan(input: OutpaintInput, plan: OutpaintPlan): boolean {
  const r = plan.tiles[0]?.rect;
  return (
    plan.tiles.length === 1 &&
    r.x === 0 &&
    r.y === 0 &&
    r.width === input.canvas.width &&
    r.height === input.canvas.height &&
    input.original.width < input.canvas.width &&
    input.original.height < input.canvas.height
  );
}

/**
 * How many lines of `tile` across `axis` are fully known: for axis `'x'` the number of columns
 * whose whole height within the tile is covered by `known`, for `'y'` the rows.
 */
export function knownLines(tile: Rect, axis: 'x' | 'y', known: readonly Rect[]): number {
  const flip = (r: Rect): Rect => (axis === 'x' ? r : { x: r.y, y: r.x, width: r.height, height: r.width });
  const t = flip(tile);
  const rects = known
    .map(flip)
    .map((r) => intersectRects(r, t))
    .filter((r) => r !== null);
  const cuts = [...new Set([t.x, t.x + t.width, ...rects.flatMap((r) => [r.x, r.x + r.width])])].sort((a, b) => a - b);
  let count = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [lo, hi] = [cuts[i], cuts[i + 1]];
    const spans = rects.filter((r) => r.x <= lo && r.x + r.width >= hi).map((r) => [r.y, r.y + r.height] as const);
    if (coversSpan(spans, t.y, t.y + t.height)) count += hi - lo;
  }
  return count;
}

function coversSpan(spans: ReadonlyArray<readonly [number, number]>, from: number, to: number): boolean {
  let reach = from;
  for (const [a, b] of [...spans].sort((p, q) => p[0] - q[0])) {
    if (a > reach) break;
    reach = Math.max(reach, b);
  }
  return reach >= to;
}
