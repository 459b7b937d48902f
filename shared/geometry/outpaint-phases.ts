/**
 * Splits an outpaint job into one-axis phases for the strip solver.
 *
 * Strategy: grow along one axis first within the original's rows (or columns), then along the
 * other axis across the whole, by then fully known, width (or height). Both orders are tried and
 * the one with fewer tiles wins. A single-axis extension (every preset) is a single phase.
 */

import { resolveModel } from '../models/catalog';
import type { GeminiImageSize, ModelRef, ModelSpec, Quality } from '../models/model-types';
import { retiredRule } from '../models/size-rules';
import type { Rect, Size } from './rect';
import { canvasRect, containsRect, isEmptyRect } from './rect';
import { DEFAULT_MAX_ANISOTROPY, aspectOptions } from './request-size';
import type { ContextPolicy, StripProblem, StripRatios } from './strip-solver';

/** What to plan. All rects and sizes in canvas px (the extended canvas). */
export interface OutpaintInput {
  /** Extended canvas size (px). */
  readonly canvas: Size;
  /** Where the original pixels sit inside the canvas (px). */
  readonly original: Rect;
  readonly model: ModelRef;
  readonly quality?: Quality;
  /** Gemini: ask for exactly this tier. */
  readonly imageSize?: GeminiImageSize;
  /** Context per tile: default 25 % of its extent along the growth axis, at least 64 px. */
  readonly minContext?: Partial<Pick<ContextPolicy, 'fraction' | 'minPx'>>;
  /** Blend band each tile shares with earlier pixels (px). Default 64. */
  readonly featherPx?: number;
  /** Largest accepted tile/request aspect mismatch (fraction). */
  readonly maxAnisotropy?: number;
}

/** Axis a phase grows along: `'x'` = left/right, `'y'` = up/down. */
export type GrowthAxis = 'x' | 'y';

/** One axis of the job, with where its tiles sit across the axis. */
export interface Phase {
  readonly axis: GrowthAxis;
  readonly problem: StripProblem;
  /** Tile start across the axis (px): y of x-phase tiles, x of y-phase tiles. */
  readonly crossStart: number;
}

/** The two orders to try; each is a list of phases with something to grow. */
export interface PhaseOrders {
  readonly xThenY: readonly Phase[];
  readonly yThenX: readonly Phase[];
}

/** Validated job: the model, the rules, and the phase orders. */
export type ResolvedOutpaint =
  | { readonly ok: true; readonly spec: ModelSpec; readonly tolerance: number; readonly orders: PhaseOrders }
  | { readonly ok: false; readonly code: 'unknown-model' | 'retired' | 'bad-original'; readonly reason: string };

/** Default context rule: 25 % of the tile's extent, at least 64 px, and at least the 64 px feather. */
export const DEFAULT_CONTEXT: ContextPolicy = { fraction: 0.25, minPx: 64, featherPx: 64 };

/** Checks the input and builds both phase orders. */
export function resolveOutpaint(input: OutpaintInput): ResolvedOutpaint {
  const spec = resolveModel(input.model);
  if (!spec) return { ok: false, code: 'unknown-model', reason: `unknown model '${String(input.model)}'` };
  if (spec.status === 'retired') return { ok: false, code: 'retired', reason: retiredRule(spec) };
  const o = input.original;
  const whole = [o.x, o.y, o.width, o.height, input.canvas.width, input.canvas.height].every(Number.isInteger);
  if (!whole || isEmptyRect(o) || !containsRect(canvasRect(input.canvas), o)) {
    return { ok: false, code: 'bad-original', reason: 'the original must be a non-empty whole-pixel rect inside the canvas' };
  }
  const policy = { ...DEFAULT_CONTEXT, ...input.minContext, featherPx: input.featherPx ?? DEFAULT_CONTEXT.featherPx };
  const options = aspectOptions(spec);
  const ratios = (axis: GrowthAxis): StripRatios | undefined => {
    if (options.kind === 'free') return undefined;
    if (options.kind === 'range') {
      return axis === 'x' ? options : { kind: 'range', min: 1 / options.max, max: 1 / options.min };
    }
    return { kind: 'list', values: options.values.map((v) => (axis === 'x' ? v.ratio : 1 / v.ratio)) };
  };
  const phase = (axis: GrowthAxis, first: boolean): Phase | undefined => {
    const r = ratios(axis);
    const along = axis === 'x' ? [o.x, o.x + o.width, input.canvas.width] : [o.y, o.y + o.height, input.canvas.height];
    const [k0, k1, length] = along;
    if (!r || (k0 === 0 && k1 === length)) return undefined;
    const cross = axis === 'x' ? (first ? o.height : input.canvas.height) : first ? o.width : input.canvas.width;
    const crossStart = axis === 'x' ? (first ? o.y : 0) : first ? o.x : 0;
    // An original narrower than the minimum context lends all it has.
    const known = k1 - k0;
    const context = { ...policy, minPx: Math.min(policy.minPx, known), featherPx: Math.min(policy.featherPx, known) };
    return { axis, crossStart, problem: { length, known: [k0, k1], cross, ratios: r, context } };
  };
  const order = (a: GrowthAxis, b: GrowthAxis): Phase[] =>
    [phase(a, true), phase(b, phase(a, true) === undefined)].filter((p): p is Phase => p !== undefined);
  return {
    ok: true,
    spec,
    tolerance: input.maxAnisotropy ?? DEFAULT_MAX_ANISOTROPY,
    orders: { xThenY: order('x', 'y'), yThenX: order('y', 'x') },
  };
}
